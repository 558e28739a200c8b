// The preview server (node:http): the page, pdf.js, the document list as JSON, live updates
// as Server-Sent Events, each document's last good PDF and DOCX, and (with the session
// token) saving a document's Markdown. Every URL is matched against fixed routes; documents
// are named by opaque ids, so no request path is ever turned into a file path.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { within } from './within.js';
import type { AddressInfo } from 'node:net';
import type { Lang } from '../errors.js';
import { writeAtomic } from '../archive/write.js';
import { KEYS } from '../source/index.js';
import { ASSETS, INDEX_FILE, assetBytes } from './assets.js';
import { EventHub } from './events.js';
import { allowedHosts, checkTarget, checkWrite } from './guard.js';
import type { DocState, Workspace } from './workspace.js';

/** Largest request body accepted: a saved Markdown source (bytes). */
export const MAX_BODY = 1024 * 1024;
/** Request headers larger than this are refused by Node (bytes). */
const MAX_HEADERS = 16 * 1024;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: blob:; font-src 'self' data: blob:; style-src 'self'; " +
    "worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; object-src 'none'",
};

export interface ServeOptions {
  workspace: Workspace;
  host: string;
  port: number;
  /** True when --host was given: any Host header is then accepted. */
  open: boolean;
  lang: Lang;
}

export interface PreviewServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  bulletin: { zh: '简报', en: 'bulletin' },
  reply: { zh: '提案答复', en: 'reply' },
};

/** What the page knows of a document (JSON). */
export function docView(d: DocState, lang: Lang): Record<string, unknown> {
  return {
    id: d.id,
    file: d.job.display,
    type: d.type ?? null,
    typeName: d.type ? TYPE_NAMES[d.type]?.[lang] ?? d.type : null,
    number: d.number ?? null,
    title: d.title ?? null,
    status: d.status,
    problems: d.problems,
    warnings: d.warnings,
    version: d.version,
    formats: Object.keys(d.outputs),
  };
}

/** The front-matter keys for completion in the editor: each spelling, with its other one as a hint. */
function keyList(): Array<{ word: string; hint: string; types: readonly string[] }> {
  const out = new Map<string, { word: string; hint: string; types: readonly string[] }>();
  for (const k of KEYS) {
    const dot = k.path.indexOf('.');
    // A nested key: its parent and its own name (English nests), and the flat Chinese alias.
    if (dot > 0 && !out.has(k.path.slice(0, dot))) out.set(k.path.slice(0, dot), { word: k.path.slice(0, dot), hint: '', types: k.types });
    const english = dot > 0 ? k.path.slice(dot + 1) : k.path;
    if (!out.has(english)) out.set(english, { word: english, hint: k.alias, types: k.types });
    out.set(k.alias, { word: k.alias, hint: k.path, types: k.types });
  }
  return [...out.values()];
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

const json = (res: ServerResponse, data: unknown, status = 200): void => send(res, status, JSON.stringify(data), 'application/json; charset=utf-8');
const fail = (res: ServerResponse, status: number, reason: string): void => send(res, status, `${status} ${reason}\n`, 'text/plain; charset=utf-8');

/** Reads a request body of at most MAX_BODY bytes; undefined when it was larger. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((done, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) return done(undefined);
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        done(undefined);
        req.destroy();
      } else parts.push(c);
    });
    req.on('end', () => done(Buffer.concat(parts)));
    req.on('error', reject);
  });
}


/** `attachment; filename*=UTF-8''…` for a Chinese file name. */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function startServer(o: ServeOptions): Promise<PreviewServer> {
  const ws = o.workspace;
  const token = randomBytes(24).toString('hex');
  const hub = new EventHub();
  const list = (): unknown => ({ docs: ws.list().map((d) => docView(d, o.lang)) });
  ws.on((e) => (e.kind === 'list' ? hub.send('list', list()) : hub.send('doc', docView(e.doc, o.lang))));
  let hosts: Set<string> | 'any' = 'any';

  const source = (id: string): { doc: DocState; real: string } | undefined => {
    const doc = ws.docs.get(id);
    if (!doc || extname(doc.job.file).toLowerCase() !== '.md') return undefined;
    try {
      const real = realpathSync(doc.job.file);
      return ws.servedDirs().some((d) => real !== d && within(real, d)) ? { doc, real } : undefined;
    } catch {
      return undefined;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const v = checkTarget(req, hosts);
    if (!v.ok) return fail(res, v.status, v.reason);
    const { path } = v;
    const method = req.method ?? '';
    if (method === 'PUT') {
      const m = /^\/api\/source\/([0-9a-f]{12})$/.exec(path);
      if (!m) return fail(res, 405, 'method not allowed');
      const w = checkWrite(req, token);
      if (!w.ok) return fail(res, w.status, w.reason);
      const s = source(m[1]!);
      if (!s) return fail(res, 404, 'not found');
      const body = await readBody(req);
      if (!body) return fail(res, 413, 'too large');
      writeAtomic(s.real, body);
      return json(res, { saved: true });
    }
    if (method !== 'GET' && method !== 'HEAD') return fail(res, 405, 'method not allowed');

    if (path === '/') {
      const html = readFileSync(INDEX_FILE, 'utf8').replace('{{token}}', token).replace('{{lang}}', o.lang === 'en' ? 'en' : 'zh-CN');
      return send(res, 200, html, 'text/html; charset=utf-8');
    }
    const asset = ASSETS.get(path);
    if (asset) return send(res, 200, await assetBytes(asset.file()), asset.type, { 'Cache-Control': 'no-cache' });
    if (path === '/api/docs') return json(res, list());
    if (path === '/api/keys') return json(res, { keys: keyList() });
    if (path === '/api/events') return hub.add(res, { event: 'list', data: list() });
    let m = /^\/api\/source\/([0-9a-f]{12})$/.exec(path);
    if (m) {
      const s = source(m[1]!);
      return s ? send(res, 200, readFileSync(s.real), 'text/plain; charset=utf-8') : fail(res, 404, 'not found');
    }
    m = /^\/files\/([0-9a-f]{12})\.(pdf|docx)$/.exec(path);
    if (m) {
      const doc = ws.docs.get(m[1]!);
      const fmt = m[2] as 'pdf' | 'docx';
      const bytes = doc?.outputs[fmt];
      if (!doc || !bytes) return fail(res, 404, 'not found');
      const type = fmt === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      const name = `${basename(doc.job.outBase)}.${fmt}`;
      return send(res, 200, bytes, type, { 'Content-Disposition': disposition(v.query.has('download') ? 'attachment' : 'inline', name) });
    }
    // No directory listing, no other files: everything else is unknown.
    return fail(res, 404, 'not found');
  };

  const server = createServer({ maxHeaderSize: MAX_HEADERS, requestTimeout: 30_000, headersTimeout: 10_000 }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) fail(res, 500, e instanceof Error ? e.message : 'error');
      else res.destroy();
    });
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      done();
    });
  });
  const port = (server.address() as AddressInfo).port;
  if (!o.open) hosts = allowedHosts(port);
  const shownHost = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${shownHost}:${port}/`,
    token,
    close: () =>
      new Promise<void>((done) => {
        hub.closeAll();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
