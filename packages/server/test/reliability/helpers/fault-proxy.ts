/**
 * An HTTP proxy on 127.0.0.1 that loses answers on purpose: it forwards each request to the
 * server and, as its plan says, passes the answer on, or cuts the client off after the server
 * answered (the write is committed, the client never hears), sends half the answer, answers 502
 * itself, or cuts the client off before the server answered.
 */
import { type IncomingMessage, createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What happens to one exchange. */
export type Fault =
  /** Forward the server's answer unchanged. */
  | 'pass'
  /** Wait for the server's whole answer, then reset the client's connection without a byte. */
  | 'drop'
  /** Wait for the server's answer, send its head and half its body, then reset. */
  | 'truncate'
  /** Wait for the server's answer, then answer 502 Bad Gateway instead (an HTML page, as proxies do). */
  | 'gateway'
  /** Reset the client's connection as soon as the request has gone to the server. */
  | 'early-drop';

/** One exchange the proxy saw. */
export interface Exchange {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  fault: Fault;
  /** The server's status (undefined for an early drop, which does not wait for it). */
  upstreamStatus?: number;
  replayed: boolean;
}

export interface FaultProxy {
  url: string;
  exchanges: Exchange[];
  /** Decides each exchange's fault; the default passes everything. */
  plan: (request: IncomingMessage, index: number) => Fault;
  /** Resolves when every request forwarded so far has its server answer (early drops included). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (c: Buffer) => chunks.push(c));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const pending = new Set<Promise<void>>();
  const proxy: FaultProxy = {
    url: '',
    exchanges: [],
    plan: () => 'pass',
    settled: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close: async () => {},
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const done = handle(req, res).catch(() => void res.socket?.destroy());
    pending.add(done);
    void done.finally(() => pending.delete(done));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const fault = proxy.plan(req, proxy.exchanges.length);
    const exchange: Exchange = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      fault,
      replayed: false,
    };
    proxy.exchanges.push(exchange);
    const headers = { ...req.headers, host: target.host, connection: 'close' };
    const answer = await new Promise<{ message: IncomingMessage; body: Buffer }>((resolve, reject) => {
      const forwarded = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (message) => {
        readBody(message).then((answerBody) => resolve({ message, body: answerBody }), reject);
      });
      forwarded.on('error', reject);
      forwarded.end(body);
      if (fault === 'early-drop') forwarded.on('finish', () => res.socket?.resetAndDestroy());
    });
    exchange.upstreamStatus = answer.message.statusCode;
    exchange.replayed = answer.message.headers['idempotent-replayed'] === 'true';
    if (fault === 'early-drop') return;
    if (fault === 'drop') return void res.socket?.resetAndDestroy();
    if (fault === 'gateway') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return void res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    }
    const outHeaders = { ...answer.message.headers };
    delete outHeaders.connection;
    delete outHeaders['keep-alive'];
    res.writeHead(answer.message.statusCode ?? 502, outHeaders);
    if (fault === 'truncate') {
      res.write(answer.body.subarray(0, Math.floor(answer.body.byteLength / 2)));
      // Let the half reach the client before the connection dies.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return void res.socket?.resetAndDestroy();
    }
    res.end(answer.body);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
