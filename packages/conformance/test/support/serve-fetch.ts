/**
 * Serves a fetch-style handler (`(Request) => Promise<Response>`) over HTTP on 127.0.0.1, so the
 * kit can reach it like any backend. The broken variants of the reference server are such
 * handlers wrapped around the real app's own `fetch`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FetchHandler = (request: Request) => Promise<Response>;

export interface Served {
  url: string;
  close(): Promise<void>;
}

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || name === 'connection' || name === 'content-length') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const body = Buffer.concat(chunks);
  return new Request(new URL(incoming.url ?? '/', origin), { method: incoming.method ?? 'GET', headers, ...(body.length > 0 ? { body } : {}) });
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'transfer-encoding' && name !== 'content-length') headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
  outgoing.end(body);
}

/** Serves `handler` on a free port of 127.0.0.1. */
export async function serveFetch(handler: FetchHandler): Promise<Served> {
  let origin = 'http://127.0.0.1';
  const server = createServer((incoming, outgoing) => {
    (async () => send(await handler(await toRequest(incoming, origin)), outgoing))().catch((error: unknown) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`the test server failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
