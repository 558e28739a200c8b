// `gongwen serve`: the watch session plus a preview page on this machine (127.0.0.1 unless
// --host is given, which warns). Runs until Ctrl-C.

import { spawn } from 'node:child_process';
import type { Reporter } from './build.js';
import { t } from './messages.js';
import { startSession, type WatchCommand } from './watch.js';
import { startServer, type PreviewServer } from '../serve/server.js';
import { WATCH_MSG } from '../serve/messages.js';

/** The only address served unless --host names another. */
export const DEFAULT_HOST = '127.0.0.1';
/** Addresses that only this machine reaches: no warning for these. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export interface ServeCommand extends WatchCommand {
  /** --host, when given explicitly. */
  host?: string;
  port: number;
  /** Open the page in the desktop's browser. */
  open: boolean;
  /** Also write the outputs into outDir (--out given). */
  write: boolean;
}

/** The port is taken by another program. */
export class PortBusyError extends Error {}

export interface ServeSession {
  server: PreviewServer;
  /** Resolves when the builds started so far are done. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startServe(cmd: ServeCommand, r: Reporter): Promise<ServeSession> {
  const open = cmd.host !== undefined && !LOOPBACK.has(cmd.host);
  if (open) r.err(t(WATCH_MSG.openHost, r.lang, { host: cmd.host ?? DEFAULT_HOST }));
  let server: PreviewServer | undefined;
  const session = await startSession(cmd, r, {
    write: cmd.write,
    keep: true,
    confine: true,
    early: true,
    before: async (workspace) => {
      try {
        server = await startServer({ workspace, host: cmd.host ?? DEFAULT_HOST, port: cmd.port, open, lang: r.lang });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortBusyError(t(WATCH_MSG.portBusy, r.lang, { port: cmd.port }));
        throw e;
      }
    },
  });
  if (!server) throw new Error('the preview server did not start');
  const started: PreviewServer = server;
  return {
    server: started,
    idle: () => session.idle(),
    close: async () => {
      const closing = session.close();
      await started.close();
      await closing;
    },
  };
}

/** Ask the desktop to open a URL (xdg-open, open, start); failure only means no browser opens. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

export async function runServe(cmd: ServeCommand, r: Reporter, until: Promise<void>): Promise<number> {
  let s: ServeSession;
  try {
    s = await startServe(cmd, r);
  } catch (e) {
    if (!(e instanceof PortBusyError)) throw e;
    r.err(e.message);
    return 1;
  }
  r.out(t(WATCH_MSG.serving, r.lang, { url: s.server.url }));
  if (cmd.open) openBrowser(s.server.url);
  await until;
  await s.close();
  r.out(t(WATCH_MSG.stopped, r.lang));
  return 0;
}
