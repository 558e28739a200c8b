// Checks every request passes before it is routed: the Host it names (against DNS
// rebinding), a clean path (no `..`, encoded or not, no backslash or NUL), and, for a write,
// the page's own Origin and the session token (against cross-site requests).

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Longest request target accepted (characters). */
export const MAX_URL = 2048;

export type Verdict = { ok: true; path: string; query: URLSearchParams } | { ok: false; status: number; reason: string };

/** Hosts a browser on this machine uses for the server; `extra` is the `--host` given. */
export function allowedHosts(port: number, extra?: string): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  if (extra) names.push(extra.includes(':') && !extra.startsWith('[') ? `[${extra}]` : extra);
  return new Set(names.map((n) => `${n}:${port}`.toLowerCase()));
}

/** The decoded path of a request, or why it is refused. */
export function checkTarget(req: IncomingMessage, hosts: Set<string> | 'any'): Verdict {
  const raw = req.url ?? '';
  if (raw.length > MAX_URL) return { ok: false, status: 414, reason: 'URI too long' };
  if (!raw.startsWith('/')) return { ok: false, status: 400, reason: 'bad request target' };
  const host = (req.headers.host ?? '').toLowerCase();
  if (hosts !== 'any' && !hosts.has(host)) return { ok: false, status: 421, reason: 'unknown host' };
  const q = raw.indexOf('?');
  const rawPath = q < 0 ? raw : raw.slice(0, q);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'bad escape' };
  }
  // Checked after decoding, so `%2e%2e`, `%2f` and `%5c` are caught as well as the plain forms.
  if (/[\\\0]/.test(path) || path.split('/').some((s) => s === '..' || s === '.') || path.includes('//')) {
    return { ok: false, status: 400, reason: 'path not allowed' };
  }
  return { ok: true, path, query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A write must come from the page itself: its Origin, and the token the page was given. */
export function checkWrite(req: IncomingMessage, token: string): { ok: true } | { ok: false; status: number; reason: string } {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host || (origin !== `http://${host}`)) return { ok: false, status: 403, reason: 'cross-origin write refused' };
  const given = req.headers['x-gongwen-token'];
  if (typeof given !== 'string' || !same(given, token)) return { ok: false, status: 403, reason: 'missing or wrong session token' };
  return { ok: true };
}
