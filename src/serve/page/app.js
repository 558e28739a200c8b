// The preview page: lists the documents, draws the selected one's PDF with pdf.js, shows its
// errors and warnings, and redraws when the server reports a rebuild (Server-Sent Events).
import * as pdfjs from '/pdfjs/pdf.min.mjs';
import { setupEditor } from '/editor.js';

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';

const EN = document.documentElement.lang === 'en';
const T = EN
  ? {
      ok: 'built', failed: 'error', pending: 'building…', none: 'No Markdown documents found.', pick: 'Choose a document on the left.',
      stale: 'The preview shows the last good build; fix the errors below to update it.', never: 'Not built yet: fix the errors below.',
      live: 'Live: updates on save', lost: 'Connection lost, reconnecting…', edit: 'Edit', hide: 'Close editor', save: 'Save',
      saved: 'Saved', saving: 'Saving…', saveFailed: 'Not saved', untitled: '(no title)', unsaved: 'Discard unsaved changes?',
    }
  : {
      ok: '已生成', failed: '有错误', pending: '正在生成…', none: '没有找到 Markdown 文稿。', pick: '请在左侧选择文稿。',
      stale: '预览为上次成功生成的版本；改正下列错误后自动更新。', never: '尚未生成：请改正下列错误。',
      live: '已连接：保存后自动更新', lost: '连接中断，正在重连…', edit: '编辑', hide: '关闭编辑', save: '保存',
      saved: '已保存', saving: '正在保存…', saveFailed: '保存失败', untitled: '（无标题）', unsaved: '有未保存的修改，放弃吗？',
    };

const $ = (id) => document.getElementById(id);
const docs = new Map();
let selected = decodeURIComponent(location.hash.slice(1)) || null;
let shownVersion = -1;
let renderSeq = 0;

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) e.append(c);
  return e;
}

function renderList() {
  const ul = $('docs');
  ul.replaceChildren();
  if (docs.size === 0) ul.append(el('li', { class: 'empty' }, T.none));
  for (const d of docs.values()) {
    const li = el(
      'li',
      { 'data-id': d.id, 'data-status': d.status, class: d.id === selected ? 'sel' : '' },
      el('span', { class: 'line1' }, el('span', { class: 'tag' }, d.typeName ?? ''), el('span', { class: 'number' }, d.number ?? ''),
        el('span', { class: `status ${d.status}` }, { ok: `✓ ${T.ok}`, failed: `✗ ${T.failed}`, pending: T.pending }[d.status])),
      el('span', { class: 'title' }, d.title ?? T.untitled),
      el('span', { class: 'file' }, d.file),
    );
    li.addEventListener('click', () => select(d.id));
    ul.append(li);
  }
}

function problemItem(p) {
  const li = el('li', { 'data-line': String(p.line ?? '') });
  li.textContent = p.message;
  li.addEventListener('click', () => editor.goToLine(p.line));
  return li;
}

function renderReport(d) {
  const bad = d.status === 'failed';
  $('report').hidden = !bad && d.warnings.length === 0;
  $('stale').hidden = !bad;
  $('stale').textContent = d.version > 0 ? T.stale : T.never;
  $('problems').replaceChildren(...(bad ? d.problems.map(problemItem) : []));
  $('warnings').replaceChildren(...d.warnings.map(problemItem));
}

function renderHead(d) {
  $('doc-type').textContent = d?.typeName ?? '';
  $('doc-number').textContent = d?.number ?? '';
  $('doc-title').textContent = d ? d.title ?? d.file : '';
  document.title = d ? `${d.title ?? d.file} — gongwen` : 'gongwen';
  for (const f of ['pdf', 'docx']) {
    const a = $(`dl-${f}`);
    const has = d && d.formats.includes(f);
    a.setAttribute('aria-disabled', has ? 'false' : 'true');
    if (has) a.href = `/files/${d.id}.${f}?download=1&v=${d.version}`;
    else a.removeAttribute('href');
  }
}

/** Draw every page of the document's last good PDF; pages are swapped in only when all are drawn. */
async function renderPages(d) {
  const seq = ++renderSeq;
  const bytes = new Uint8Array(await (await fetch(`/files/${d.id}.pdf?v=${d.version}`)).arrayBuffer());
  const pdf = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
  const canvases = [];
  const scale = 1.5 * (window.devicePixelRatio || 1);
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const viewport = page.getViewport({ scale });
    const canvas = el('canvas', { width: Math.floor(viewport.width), height: Math.floor(viewport.height), 'data-page': String(i) });
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    canvases.push(canvas);
  }
  await pdf.destroy();
  if (seq !== renderSeq || selected !== d.id) return;
  $('pages').replaceChildren(...canvases);
  shownVersion = d.version;
  document.body.dataset.rendered = `${d.id}:${d.version}`;
}

function show(d, { fresh = false } = {}) {
  renderHead(d);
  if (!d) {
    $('report').hidden = true;
    $('pages').replaceChildren(el('p', { class: 'empty' }, docs.size ? T.pick : T.none));
    return;
  }
  renderReport(d);
  if (d.version === 0) {
    $('pages').replaceChildren(...(d.status === 'pending' ? [el('p', { class: 'empty' }, T.pending)] : []));
    shownVersion = 0;
  } else if (fresh || d.version !== shownVersion) {
    renderPages(d).catch((e) => console.error(e));
  }
}

function select(id) {
  if (id === selected) return;
  if (!editor.release()) return;
  selected = id;
  shownVersion = -1;
  history.replaceState(null, '', `#${encodeURIComponent(id)}`);
  $('pages').replaceChildren();
  renderList();
  show(docs.get(id), { fresh: true });
  editor.load(docs.get(id));
}

const editor = setupEditor({ T, token: document.querySelector('meta[name="gongwen-token"]').content, current: () => docs.get(selected) });

function setList(list) {
  docs.clear();
  for (const d of list) docs.set(d.id, d);
  if (!docs.has(selected)) selected = docs.size ? docs.keys().next().value : null;
  renderList();
  show(docs.get(selected));
  editor.load(docs.get(selected));
}

const events = new EventSource('/api/events');
events.addEventListener('list', (e) => setList(JSON.parse(e.data).docs));
events.addEventListener('doc', (e) => {
  const d = JSON.parse(e.data);
  docs.set(d.id, d);
  renderList();
  if (d.id === selected) show(d);
});
events.addEventListener('open', () => ($('conn').textContent = T.live));
events.addEventListener('error', () => ($('conn').textContent = T.lost));
