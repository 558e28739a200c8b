// The editing pane of the preview page: the selected document's Markdown, saved to disk with
// the session token (the server then rebuilds it), and completion of front-matter keys.

const $ = (id) => document.getElementById(id);

/** The key being typed at the start of a front-matter line, or null outside the front matter. */
function typedKey(text, caret) {
  const before = text.slice(0, caret);
  const lines = before.split('\n');
  if (lines[0] !== '---' || lines.length < 2) return null;
  if (lines.slice(1, -1).some((l) => l === '---')) return null;
  const m = /^(\s*)([\p{L}\p{N}_]*)$/u.exec(lines[lines.length - 1]);
  return m ? m[2] : null;
}

export function setupEditor({ T, token, current }) {
  const area = $('source');
  const box = $('complete');
  const state = $('save-state');
  let keys = [];
  let loadedId = null;
  let dirty = false;
  let open = false;

  $('edit-toggle').textContent = T.edit;
  $('save').textContent = T.save;

  fetch('/api/keys').then((r) => r.json()).then((j) => (keys = j.keys), () => {});

  async function load(doc) {
    if (!open || !doc || doc.id === loadedId) return;
    const r = await fetch(`/api/source/${doc.id}`);
    area.value = r.ok ? await r.text() : '';
    loadedId = doc.id;
    dirty = false;
    state.textContent = '';
    suggest();
  }

  async function save() {
    const doc = current();
    if (!doc || doc.id !== loadedId) return;
    state.textContent = T.saving;
    const r = await fetch(`/api/source/${doc.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Gongwen-Token': token },
      body: area.value,
    });
    dirty = !r.ok;
    state.textContent = r.ok ? T.saved : `${T.saveFailed} (${r.status})`;
  }

  function complete(word) {
    const caret = area.selectionStart;
    const text = area.value;
    const typed = typedKey(text, caret) ?? '';
    area.setRangeText(`${word}: `, caret - typed.length, caret, 'end');
    dirty = true;
    area.focus();
    suggest();
  }

  function suggest() {
    const typed = typedKey(area.value, area.selectionStart);
    const type = current()?.type;
    const hits =
      typed === null || typed === ''
        ? []
        : keys.filter((k) => k.word.startsWith(typed) && k.word !== typed && (!type || k.types.includes(type))).slice(0, 8);
    box.replaceChildren(
      ...hits.map((k) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = k.hint ? `${k.word}（${k.hint}）` : k.word;
        b.dataset.word = k.word;
        b.addEventListener('mousedown', (e) => {
          e.preventDefault();
          complete(k.word);
        });
        return b;
      }),
    );
  }

  area.addEventListener('input', () => {
    dirty = true;
    state.textContent = '';
    suggest();
  });
  area.addEventListener('click', suggest);
  area.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') {
      e.preventDefault();
      save();
    } else if (e.key === 'Tab' && box.firstChild) {
      e.preventDefault();
      complete(box.firstChild.dataset.word);
    }
  });
  $('save').addEventListener('click', save);
  $('edit-toggle').addEventListener('click', () => {
    if (open && !release()) return;
    open = !open;
    $('editor').hidden = !open;
    $('edit-toggle').textContent = open ? T.hide : T.edit;
    loadedId = null;
    if (open) load(current());
  });

  /** May the pane let go of the current text (switching documents)? */
  function release() {
    if (open && dirty && !confirm(T.unsaved)) return false;
    loadedId = null;
    dirty = false;
    return true;
  }

  function goToLine(line) {
    if (!open || !line) return;
    const lines = area.value.split('\n');
    const at = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(at, at + (lines[line - 1] ?? '').length);
  }

  return { load, release, goToLine };
}
