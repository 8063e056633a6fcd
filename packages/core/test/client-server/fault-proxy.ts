/**
 * A fault-injecting HTTP proxy on 127.0.0.1: forwards every request to the server, and can lose
 * the answer to the next request that matches: the server does the work, the client sees the
 * connection drop.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForwardedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** True when the proxy dropped the answer. */
  lost: boolean;
}

export interface FaultProxy {
  url: string;
  /** Every request forwarded, in order. */
  forwarded: ForwardedRequest[];
  /** Loses the answer to the next request for which `matches` is true. */
  loseNextAnswer(matches: (method: string, path: string) => boolean): void;
  close(): Promise<void>;
}

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts a proxy to `target` (`http://127.0.0.1:port`). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const forwarded: ForwardedRequest[] = [];
  let lose: ((method: string, path: string) => boolean) | null = null;
  const server = createServer((incoming, outgoing) => {
    (async () => {
      const method = incoming.method ?? 'GET';
      const path = incoming.url ?? '/';
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (value !== undefined && !['host', 'connection', 'content-length'].includes(name)) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const body = await readBody(incoming);
      const response = await fetch(new URL(path, target), { method, headers, ...(body.length > 0 ? { body: new Uint8Array(body) } : {}) });
      const answer = Buffer.from(await response.arrayBuffer());
      const dropped = lose !== null && lose(method, path);
      forwarded.push({ method, path, idempotencyKey: headers.get('idempotency-key'), lost: dropped });
      if (dropped) {
        lose = null;
        // The server did the work; the client never hears of it.
        incoming.socket.destroy();
        return;
      }
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'connection' && name !== 'keep-alive') out[name] = value;
      });
      outgoing.writeHead(response.status, { ...out, 'content-length': String(answer.length) });
      outgoing.end(answer);
    })().catch(() => incoming.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwarded,
    loseNextAnswer(matches) {
      lose = matches;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
