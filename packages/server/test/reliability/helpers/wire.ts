/**
 * Requests exactly as written: any method, raw bytes in the path, header values and body
 * (invalid UTF-8 included), through `node:http` rather than `fetch`, which would refuse or
 * repair most of what these suites send. And the one check every answer of the reference server
 * must pass: no 5xx, and every 4xx a problem document that leaks nothing.
 */
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';

/** A request as bytes and strings; `path` may hold any byte from 0x21 to 0xFF (read as latin1). */
export interface WireRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** What came back. */
export interface WireReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** Header values go out as bytes: text beyond latin1 is sent as its UTF-8 bytes, as a browser would. */
const asBytes = (value: string): string => (/[^\x00-\xff]/.test(value) ? Buffer.from(value, 'utf8').toString('latin1') : value);

/** Sends one request to `baseUrl` (http://127.0.0.1:port) and reads the whole answer. */
export function send(baseUrl: string, wire: WireRequest, timeoutMs = 15_000): Promise<WireReply> {
  const url = new URL(baseUrl);
  const body = typeof wire.body === 'string' ? Buffer.from(wire.body, 'utf8') : wire.body === undefined ? undefined : Buffer.from(wire.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: wire.method,
        // Node writes the request head as latin1: each char one byte, so a path can carry bytes that are not UTF-8.
        path: wire.path,
        headers: { ...Object.fromEntries(Object.entries(wire.headers ?? {}).map(([k, v]) => [k, asBytes(v)])), ...(body === undefined ? {} : { 'content-length': String(body.byteLength) }) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms: ${wire.method} ${wire.path.slice(0, 120)}`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Closes the pooled connections (at the end of a file, so the process can exit). */
export function closeWire(): void {
  agent.destroy();
}

const header = (reply: WireReply, name: string): string => {
  const value = reply.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
};

/** Patterns that never belong in an answer: stack frames, SQL, driver internals. */
const INTERNALS = [/\bat [\w$.<>]+ \(/, /node:internal/, /\.ts:\d+/, /\bSELECT\b.*\bFROM\b/, /\bINSERT INTO\b/, /SQLSTATE|pglite|duplicate key value/i];

/**
 * The reference server's promise for any request: below 500; an error is an RFC 9457 problem
 * (`application/problem+json`, `type`/`title`/`status`/`code`, `requestId` = `X-Request-Id`);
 * no internals and none of `secrets` anywhere in the answer.
 */
export function assertWellFormedAnswer(reply: WireReply, what: string, secrets: readonly string[] = [], method = 'GET'): void {
  assert.ok(reply.status >= 100 && reply.status < 500, `${what}: answered ${reply.status} ${reply.text.slice(0, 400)}`);
  assert.ok(header(reply, 'x-request-id') !== '', `${what}: no X-Request-Id`);
  for (const secret of secrets) assert.ok(!reply.text.includes(secret) && !JSON.stringify(reply.headers).includes(secret), `${what}: the answer carries a secret`);
  for (const pattern of INTERNALS) assert.doesNotMatch(reply.text, pattern, `${what}: the answer shows internals`);
  if (reply.status < 400 || method === 'HEAD') return;
  assert.match(header(reply, 'content-type'), /^application\/problem\+json/, `${what}: ${reply.status} is not a problem document`);
  const problem = reply.json as Record<string, unknown> | undefined;
  assert.ok(problem && typeof problem === 'object', `${what}: the problem is not JSON: ${reply.text.slice(0, 200)}`);
  assert.equal(problem.status, reply.status, `${what}: problem.status`);
  assert.equal(typeof problem.code, 'string', `${what}: problem.code`);
  assert.equal(problem.type, `https://partnerkit.dev/problems/${String(problem.code)}`, `${what}: problem.type`);
  assert.equal(typeof problem.title, 'string', `${what}: problem.title`);
  assert.equal(problem.requestId, header(reply, 'x-request-id'), `${what}: problem.requestId`);
  if (reply.status === 401) assert.match(header(reply, 'www-authenticate'), /^Bearer/, `${what}: 401 without WWW-Authenticate`);
  if (reply.status === 405) assert.notEqual(header(reply, 'allow'), '', `${what}: 405 without Allow`);
  if (reply.status === 429) assert.match(header(reply, 'retry-after'), /^\d+$/, `${what}: 429 without Retry-After`);
}

/** Counts of things tried, printed at the end of a test as one line. */
export class Tally {
  private readonly counts = new Map<string, number>();
  add(name: string, by = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + by);
  }
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  toString(): string {
    return [...this.counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(' ');
  }
}
