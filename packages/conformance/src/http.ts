/**
 * Raw HTTP for the checks where the wire detail matters: exact statuses, headers, bodies the
 * typed client would refuse to send. Every exchange is remembered (without secrets) so the
 * last checks can look back over the whole run.
 * @module
 */
import { fail } from './check.js';
import { RateLimitPacer } from './rate-limits.js';

/** How one request is sent. */
export interface SendOptions {
  /** Bearer token; `null` or absent sends no `Authorization` header. */
  token?: string | null;
  /** An exact `Authorization` header value (for malformed credentials); overrides `token`. */
  authorization?: string;
  /** A JSON body (serialised with `JSON.stringify`). */
  json?: unknown;
  /** A body sent byte for byte (bad JSON, wrong encodings). */
  raw?: string | Uint8Array<ArrayBuffer>;
  /** `Content-Type` of the body; `null` sends none. Default `application/json` when there is a body. */
  contentType?: string | null;
  headers?: Record<string, string>;
  /** Give up after this many ms (default 20 000). */
  timeoutMs?: number;
}

/** One answer, read in full. */
export interface Exchange {
  method: string;
  /** The path below the base URL, with its query (`/v1/deals?limit=2`). */
  path: string;
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  body: unknown;
}

/** What the run remembers of an exchange: enough to judge it later, nothing secret. */
export interface ExchangeRecord {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  requestId: string | null;
  body: unknown;
}

/** Sends raw requests to one backend. */
export class Http {
  /** Every exchange of the run, in order. */
  readonly records: ExchangeRecord[] = [];
  readonly #root: string;

  constructor(
    baseUrl: URL,
    private readonly fetchImpl: typeof fetch,
    private readonly pacer = new RateLimitPacer(),
  ) {
    this.#root = baseUrl.href.replace(/\/+$/, '');
  }

  /** The absolute URL of a path such as `/v1/deals`. */
  url(path: string): string {
    return `${this.#root}${path}`;
  }

  /**
   * Sends one request and reads the whole answer. A 429 is waited out and sent again through the
   * run's {@link RateLimitPacer} (a rate limit is the backend's right, not a broken rule). No
   * answer at all fails the running check.
   */
  async send(method: string, path: string, options: SendOptions = {}): Promise<Exchange> {
    const headers = new Headers(options.headers);
    if (options.authorization !== undefined) headers.set('authorization', options.authorization);
    else if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.json !== undefined) body = JSON.stringify(options.json);
    if (body !== undefined && options.contentType !== null) headers.set('content-type', options.contentType ?? 'application/json');
    if (!headers.has('accept')) headers.set('accept', 'application/json, application/problem+json');

    let response: Response;
    try {
      // Each attempt its own timeout: a wait on Retry-After does not count against it.
      response = await this.pacer.send(() =>
        this.fetchImpl(this.url(path), {
          method,
          headers,
          ...(body === undefined ? {} : { body }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
          redirect: 'manual',
        }),
      );
    } catch (error) {
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      fail(`${method} ${path} got no answer: ${reason}`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      parsed = undefined;
    }
    const exchange: Exchange = { method, path, status: response.status, headers: response.headers, text, body: parsed };
    this.records.push({
      method,
      path,
      status: response.status,
      contentType: response.headers.get('content-type'),
      requestId: response.headers.get('x-request-id'),
      body: response.status >= 400 ? parsed : undefined,
    });
    return exchange;
  }

  /** GET without a body. */
  get(path: string, options: SendOptions = {}): Promise<Exchange> {
    return this.send('GET', path, options);
  }
}

/** `GET /v1/deals -> 404 not_found "Not found"`: an exchange in one line, for failure reports. */
export function describe(exchange: Exchange, as?: string): string {
  const who = as ? ` as ${as}` : '';
  const body = exchange.body as { code?: unknown; title?: unknown; detail?: unknown } | undefined;
  if (exchange.status >= 400 && body && typeof body === 'object' && typeof body.code === 'string') {
    const detail = typeof body.detail === 'string' ? `: ${body.detail}` : typeof body.title === 'string' ? `: ${body.title}` : '';
    return `${exchange.method} ${exchange.path}${who} answered ${exchange.status} ${body.code}${truncate(detail, 160)}`;
  }
  const excerpt = exchange.text === '' ? '(no body)' : truncate(exchange.text.replace(/\s+/g, ' '), 160);
  return `${exchange.method} ${exchange.path}${who} answered ${exchange.status} ${excerpt}`;
}

/** Cuts `text` to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
