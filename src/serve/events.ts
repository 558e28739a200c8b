// Server-Sent Events to the open pages: each rebuild is pushed as it finishes, so the
// preview updates without a reload. No timers: an idle server does no work.

import type { ServerResponse } from 'node:http';

export class EventHub {
  private readonly clients = new Set<ServerResponse>();

  /** Turn a response into an event stream that stays open until the page goes away. */
  add(res: ServerResponse, first: { event: string; data: unknown }): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    res.write(frame(first.event, first.data));
  }

  send(event: string, data: unknown): void {
    const f = frame(event, data);
    for (const c of this.clients) c.write(f);
  }

  closeAll(): void {
    for (const c of this.clients) c.end();
    this.clients.clear();
  }
}

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
