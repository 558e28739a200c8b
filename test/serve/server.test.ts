// The preview server as an attacker sees it: nothing outside the served folder is readable
// (traversal, encoded `..`, symlinks out), no directory listing, other Host names refused,
// writes need the page's Origin and the session token, bodies are size-limited.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { PortBusyError, startServe, type ServeSession } from '../../src/cli/serve.js';
import { MAX_BODY } from '../../src/serve/server.js';
import { GOOD_REPLY, REPO, project } from '../cli/helpers.js';
import { collect, loader, waitFor } from './helpers.js';

const SECRET = '绝不能被读到的内容';
let dir: string;
let s: ServeSession;
let base: URL;

interface Reply {
  status: number;
  body: string;
}

/** A raw request: the path is sent exactly as written (no client-side normalisation). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Reply> {
  return new Promise((done, reject) => {
    const req = request({ host: base.hostname, port: base.port, method, path, headers: { host: base.host, ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  dir = project({ 'secret.md': GOOD_REPLY.replace('课后服务工作全面开展', SECRET) });
  mkdirSync(join(dir, 'content'));
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(dir, 'content', 'a.md'), GOOD_REPLY);
  writeFileSync(join(dir, 'outside', 'x.md'), GOOD_REPLY.replace('课后服务工作全面开展', SECRET));
  symlinkSync(join(dir, 'secret.md'), join(dir, 'content', 'link.md'));
  symlinkSync(join(dir, 'outside'), join(dir, 'content', 'dirlink'));
  s = await startServe(
    { inputs: ['content'], cwd: dir, formats: ['pdf', 'docx'], outDir: 'output', write: false, load: loader(dir), port: 0, open: false },
    collect(),
  );
  base = new URL(s.server.url);
  await s.idle();
});

afterAll(async () => {
  await s?.close();
});

describe('gongwen serve: what can be read', () => {
  it('listens on 127.0.0.1 and lists only the documents inside the served folder', async () => {
    expect(base.hostname).toBe('127.0.0.1');
    const r = await raw('GET', '/api/docs');
    expect(r.status).toBe(200);
    const docs = (JSON.parse(r.body) as { docs: Array<{ file: string; status: string }> }).docs;
    expect(docs.map((d) => d.file)).toEqual(['content/a.md']);
    expect(docs[0]!.status).toBe('ok');
  });

  it.each([
    '/../secret.md',
    '/content/../secret.md',
    '/%2e%2e/secret.md',
    '/%2E%2E%2Fsecret.md',
    '/..%2fsecret.md',
    '/..%5csecret.md',
    '/%252e%252e/secret.md',
    '/files/..%2f..%2fsecret.md',
    '/pdfjs/..%2f..%2f..%2fpackage.json',
    '/pdfjs/../../package.json',
    '/app.js/../../../secret.md',
    '/api/source/..%2f..%2fsecret.md',
    '/%00/etc/passwd',
    '//etc/passwd',
    '/content/',
    '/content/a.md',
    '/content/link.md',
    '/files/',
    '/api/',
    '/secret.md',
    '/package.json',
    '/node_modules/pdfjs-dist/package.json',
  ])('refuses %s with a 4xx and shows nothing of the file', async (path) => {
    const r = await raw('GET', path);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toContain('"name"');
  });

  it('refuses other Host names (DNS rebinding) and unknown methods', async () => {
    expect((await raw('GET', '/api/docs', { host: 'evil.example:80' })).status).toBe(421);
    expect((await raw('DELETE', '/api/docs')).status).toBe(405);
    expect((await raw('POST', '/')).status).toBe(405);
    expect((await raw('GET', '/' + 'a'.repeat(3000))).status).toBe(414);
  });

  it('serves the page, pdf.js from its fixed list, and the sources of listed documents only', async () => {
    const page = await raw('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`content="${s.server.token}"`);
    expect((await raw('GET', '/pdfjs/pdf.min.mjs')).status).toBe(200);
    expect((await raw('GET', '/pdfjs/pdf.worker.min.mjs')).status).toBe(200);
    expect((await raw('GET', '/pdfjs/pdf.mjs')).status).toBe(404);
    const id = (JSON.parse((await raw('GET', '/api/docs')).body) as { docs: Array<{ id: string }> }).docs[0]!.id;
    expect((await raw('GET', `/api/source/${id}`)).body).toBe(GOOD_REPLY);
    expect((await raw('GET', `/files/${id}.pdf`)).body.startsWith('%PDF-')).toBe(true);
    expect((await raw('GET', `/files/${id}.docx`)).status).toBe(200);
  });
});

describe('gongwen serve: saving', () => {
  const id = async (): Promise<string> => (JSON.parse((await raw('GET', '/api/docs')).body) as { docs: Array<{ id: string }> }).docs[0]!.id;
  const origin = (): string => `http://${base.host}`;

  it('refuses a write without the page Origin or the session token', async () => {
    const path = `/api/source/${await id()}`;
    const file = join(dir, 'content', 'a.md');
    const t = { 'x-gongwen-token': s.server.token };
    expect((await raw('PUT', path, { origin: origin() }, 'x')).status).toBe(403);
    expect((await raw('PUT', path, { ...t }, 'x')).status).toBe(403);
    expect((await raw('PUT', path, { ...t, origin: 'http://evil.example' }, 'x')).status).toBe(403);
    expect((await raw('PUT', path, { origin: origin(), 'x-gongwen-token': 'f'.repeat(48) }, 'x')).status).toBe(403);
    expect(readFileSync(file, 'utf8')).toBe(GOOD_REPLY);
  });

  it('refuses a body over the limit and saves a good one', async () => {
    const path = `/api/source/${await id()}`;
    const file = join(dir, 'content', 'a.md');
    const h = { origin: origin(), 'x-gongwen-token': s.server.token, 'content-type': 'text/plain; charset=utf-8' };
    expect((await raw('PUT', path, h, Buffer.alloc(MAX_BODY + 1, 0x61))).status).toBe(413);
    expect(readFileSync(file, 'utf8')).toBe(GOOD_REPLY);
    const edited = GOOD_REPLY.replace('课后服务工作全面开展', '页面中修改');
    expect((await raw('PUT', path, h, edited)).status).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });
});

describe('gongwen serve: addresses and the process', () => {
  it('warns when --host opens the server to other machines', async () => {
    const d = project({ 'a.md': GOOD_REPLY });
    const r = collect();
    const open = await startServe(
      { inputs: ['a.md'], cwd: d, formats: ['pdf'], outDir: 'output', write: false, load: loader(d), port: 0, open: false, host: '0.0.0.0' },
      r,
    );
    try {
      expect(r.lines.some((l) => l.startsWith('警告：--host 0.0.0.0 使本机以外的计算机也能访问'))).toBe(true);
    } finally {
      await open.close();
    }
    const quiet = collect();
    const local = await startServe(
      { inputs: ['a.md'], cwd: d, formats: ['pdf'], outDir: 'output', write: false, load: loader(d), port: 0, open: false, host: 'localhost' },
      quiet,
    );
    await local.close();
    expect(quiet.lines.some((l) => l.includes('警告'))).toBe(false);
  });

  it('stops before building when the port is taken', async () => {
    const d = project({ 'a.md': GOOD_REPLY });
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const port = (taken.address() as AddressInfo).port;
    const r = collect();
    try {
      await expect(
        startServe({ inputs: ['a.md'], cwd: d, formats: ['pdf'], outDir: 'output', write: false, load: loader(d), port, open: false }, r),
      ).rejects.toThrow(PortBusyError);
      expect(r.lines).toEqual([]);
    } finally {
      taken.close();
    }
  });

  it('as a process: prints the address, answers, and stops cleanly on Ctrl-C', async () => {
    const d = project({ 'a.md': GOOD_REPLY });
    const tsx = pathToFileURL(join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', tsx, join(REPO, 'src', 'cli.ts'), 'serve', 'a.md', '--port', '0'], { cwd: d });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      await waitFor(() => /预览页面：http:\/\/127\.0\.0\.1:\d+\//.test(out), 'the address', 60_000);
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)![0];
      await waitFor(async () => ((await (await fetch(url + 'api/docs')).json()) as { docs: Array<{ status: string }> }).docs[0]?.status === 'ok', 'the build');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out).toContain('已停止监视');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
