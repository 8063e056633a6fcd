/**
 * The options of `createClient()` and of each call, and their validation and defaults.
 * @module
 */
import type { PartnerKitError } from './errors/index.js';

/**
 * What `fetchSession()` resolves to: a bearer token and when it expires (ISO-8601 UTC), exactly
 * the answer of `POST /v1/sessions`.
 *
 * @example
 * ```ts
 * const fetchSession = async (): Promise<SessionGrant> => (await fetch('/partnerkit/session', { method: 'POST' })).json();
 * ```
 */
export interface SessionGrant {
  token: string;
  expiresAt: string;
}

/**
 * Retry policy. Retried: GET, PUT, DELETE, and POST only when it carries an idempotency key;
 * on network errors and on 408, 429, 500, 502, 503, 504.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, token, retry: { limit: 4, backoffLimit: 5_000 } });
 * ```
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2; 0 turns retries off. */
  limit?: number | undefined;
  /** Base delay before retry number `attempt` (1-based), in ms. Default `300 * 2 ** (attempt - 1)`. */
  delay?: ((attempt: number) => number) | undefined;
  /** Upper bound of one backoff delay, in ms. Default 10 000. */
  backoffLimit?: number | undefined;
  /** Randomise delays: `true` (default) draws each delay from [0, delay]; a function maps it. */
  jitter?: boolean | ((delay: number) => number) | undefined;
  /** Longest `Retry-After` (429/503) the client waits, in ms; a longer one fails at once. Default 60 000. */
  maxRetryAfter?: number | undefined;
  /** Retry a retryable request after a timeout too. Default false. */
  retryOnTimeout?: boolean | undefined;
}

/**
 * What a hook learns about the attempt: `retryCount` is 0 for the first, 1 for the first retry, ...
 *
 * @example
 * ```ts
 * const hook: BeforeRequestHook = (request, { retryCount }) => void request.headers.set('x-attempt', String(retryCount + 1));
 * ```
 */
export interface HookState {
  retryCount: number;
}

/**
 * Runs before each attempt. Return a `Request` to replace it, or a `Response` to answer without
 * the network. The client adds `Authorization` after these hooks, so they never see the token.
 *
 * @example
 * ```ts
 * const addTrace: BeforeRequestHook = (request) => void request.headers.set('x-trace-id', crypto.randomUUID());
 * ```
 */
export type BeforeRequestHook = (request: Request, state: HookState) => Request | Response | void | Promise<Request | Response | void>;
/**
 * Runs after each response (including ones that will be retried). Return a `Response` to replace it.
 *
 * @example
 * ```ts
 * const countStatuses: AfterResponseHook = (_request, response) => void metrics.increment(`partnerkit.${response.status}`);
 * ```
 */
export type AfterResponseHook = (request: Request, response: Response, state: HookState) => Response | void | Promise<Response | void>;
/**
 * Runs on every PartnerKit error before it is thrown. Return an error to throw that instead.
 *
 * @example
 * ```ts
 * const report: BeforeErrorHook = (error) => void telemetry.record(error.toJSON());
 * ```
 */
export type BeforeErrorHook = (error: PartnerKitError) => PartnerKitError | void | Promise<PartnerKitError | void>;

/**
 * Hooks into the request cycle, each a list run in order.
 *
 * @example
 * ```ts
 * createClient({
 *   baseUrl, token,
 *   hooks: {
 *     beforeRequest: [(request) => { request.headers.set('x-trace-id', traceId()); }],
 *     beforeError: [(error) => { telemetry.record(error.toJSON()); }],
 *   },
 * });
 * ```
 */
export interface ClientHooks {
  beforeRequest?: BeforeRequestHook[] | undefined;
  afterResponse?: AfterResponseHook[] | undefined;
  beforeError?: BeforeErrorHook[] | undefined;
}

/**
 * The options of `createClient()` other than how it authenticates (see {@link ClientAuth}).
 * Every optional option also takes `undefined`, so values such as `process.env.X` or a
 * conditional pass under `exactOptionalPropertyTypes`.
 *
 * @example
 * ```ts
 * const common: ClientBaseOptions = { baseUrl: 'https://prm.example.com/api', clientName: 'acme-portal/2.1', cache: { ttl: 30_000 } };
 * ```
 */
export interface ClientBaseOptions {
  /** Where the backend is mounted, without `/v1` (the client adds it). Relative URLs resolve against the page. */
  baseUrl: string | URL;
  /** The fetch to use. Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Milliseconds each attempt may take until the response headers arrive. Default 10 000. */
  timeout?: number | undefined;
  /** A retry policy, or the retry limit alone. Default `{ limit: 2 }`. */
  retry?: RetryOptions | number | undefined;
  /** Hooks into the request cycle. */
  hooks?: ClientHooks | undefined;
  /** Opt-in short cache of GET answers: `{ ttl }` in ms. Default off. */
  cache?: { ttl: number; maxEntries?: number | undefined } | false | undefined;
  /** Who is calling, e.g. `acme-portal/2.1`; sent in `X-PartnerKit-Client` with the client version. */
  clientName?: string | undefined;
}

/**
 * Authentication with a static bearer token: an admin API key on a server, or a session minted
 * elsewhere. Leaving `token` out (or `undefined`) sends requests without credentials.
 *
 * @example
 * ```ts
 * const auth: TokenAuth = { token: process.env.PARTNERKIT_ADMIN_KEY };
 * ```
 */
export interface TokenAuth {
  /** A static bearer token. */
  token?: string | undefined;
  /** Not with `token`: give one or the other. */
  fetchSession?: undefined;
}

/**
 * Authentication with sessions: the client calls `fetchSession()` lazily, again shortly before
 * the session expires, and once after a 401.
 *
 * @example
 * ```ts
 * const auth: SessionAuth = { fetchSession: async () => (await fetch('/partnerkit/session')).json() };
 * ```
 */
export interface SessionAuth {
  /** Resolves to a session, `{ token, expiresAt }`, e.g. from the host site's session route. */
  fetchSession: () => Promise<SessionGrant>;
  /** Not with `fetchSession`: give one or the other. */
  token?: undefined;
}

/** How the client authenticates: a static token or sessions, never both (a type error, not a run-time one). */
export type ClientAuth = TokenAuth | SessionAuth;

/**
 * Options of `createClient()`: where the backend is, how to authenticate, and how to behave.
 *
 * @example
 * ```ts
 * const options: ClientOptions = {
 *   baseUrl: 'https://prm.example.com/api',
 *   fetchSession: () => fetch('/partnerkit/session').then((r) => r.json()),
 *   clientName: 'acme-portal/2.1',
 *   cache: { ttl: 30_000 },
 * };
 * ```
 */
export type ClientOptions = ClientBaseOptions & ClientAuth;

/**
 * Per-call options, the last argument of every method.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const page = client.deals.list({ status: 'approved' }, { signal: controller.signal });
 * controller.abort();
 * ```
 */
export interface RequestOptions {
  /** Aborting rejects the call with the signal's reason (an `AbortError`), not a PartnerKit error. */
  signal?: AbortSignal | undefined;
}

/**
 * Per-call options of methods that create: the idempotency key makes retries (and your own
 * repeats) safe, because the backend answers the same key with the first result.
 *
 * @example
 * ```ts
 * await client.deals.register(input, { idempotencyKey: draft.id });
 * ```
 */
export interface CreateOptions extends RequestOptions {
  idempotencyKey?: string | undefined;
}

/** Every option given: none left out, none `undefined`. */
type Defaulted<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

/** Options after validation, with defaults applied. */
export interface ResolvedOptions {
  /** The versioned API root, ending in `/v1/`. */
  apiRoot: URL;
  token: string | undefined;
  fetchSession: (() => Promise<SessionGrant>) | undefined;
  fetch: typeof globalThis.fetch;
  timeout: number;
  retry: Defaulted<RetryOptions>;
  hooks: Defaulted<ClientHooks>;
  cache: { ttl: number; maxEntries: number } | false;
  clientHeader: string;
}

/** Programmer errors are `TypeError`s naming the option; they never echo a token. */
function fail(message: string): never {
  throw new TypeError(`createClient: ${message}`);
}

const isPositiveNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/** Validates `createClient()` options and applies the defaults. */
export function resolveOptions(options: ClientOptions, version: string): ResolvedOptions {
  if (typeof options !== 'object' || options === null) fail('options must be an object such as { baseUrl, token }');
  const { token, fetchSession } = options;
  if (token !== undefined && (typeof token !== 'string' || token.trim() === '')) fail('token must be a non-empty string');
  if (fetchSession !== undefined && typeof fetchSession !== 'function') fail('fetchSession must be a function returning { token, expiresAt }');
  if (token !== undefined && fetchSession !== undefined) fail('give either token or fetchSession, not both');

  const givenFetch = options.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
  if (typeof givenFetch !== 'function') fail('no fetch available: pass options.fetch');
  // Called as a plain function: an unbound `window.fetch` throws "Illegal invocation" when
  // called as a method of some other object (which is how ky calls it).
  const fetchImpl: typeof globalThis.fetch = (input, init) => givenFetch(input, init);

  const timeout = options.timeout ?? 10_000;
  if (!isPositiveNumber(timeout) || timeout > 2_147_483_647) fail('timeout must be a positive number of milliseconds');

  const retryInput = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const limit = retryInput.limit ?? 2;
  if (!Number.isInteger(limit) || limit < 0) fail('retry.limit must be a whole number, 0 or more');
  const retry: Defaulted<RetryOptions> = {
    limit,
    delay: retryInput.delay ?? ((attempt) => 300 * 2 ** (attempt - 1)),
    backoffLimit: retryInput.backoffLimit ?? 10_000,
    jitter: retryInput.jitter ?? true,
    maxRetryAfter: retryInput.maxRetryAfter ?? 60_000,
    retryOnTimeout: retryInput.retryOnTimeout ?? false,
  };

  let cache: ResolvedOptions['cache'] = false;
  if (options.cache) {
    if (!isPositiveNumber(options.cache.ttl)) fail('cache.ttl must be a positive number of milliseconds');
    const maxEntries = options.cache.maxEntries ?? 500;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) fail('cache.maxEntries must be a whole number, 1 or more');
    cache = { ttl: options.cache.ttl, maxEntries };
  }

  const clientName = options.clientName?.trim();
  // Header values must be visible ASCII; a bad name would make every request throw in fetch.
  if (clientName !== undefined && !/^[\x20-\x7e]{1,200}$/.test(clientName)) fail('clientName must be 1-200 printable ASCII characters');

  return {
    apiRoot: resolveApiRoot(options.baseUrl),
    token,
    fetchSession,
    fetch: fetchImpl,
    timeout,
    retry,
    hooks: {
      beforeRequest: [...(options.hooks?.beforeRequest ?? [])],
      afterResponse: [...(options.hooks?.afterResponse ?? [])],
      beforeError: [...(options.hooks?.beforeError ?? [])],
    },
    cache,
    clientHeader: [clientName, `partnerkit-core/${version}`].filter(Boolean).join(' '),
  };
}

function resolveApiRoot(baseUrl: string | URL | undefined): URL {
  if (baseUrl === undefined || baseUrl === '') fail('baseUrl is required, e.g. https://prm.example.com/api');
  let url: URL;
  try {
    url = new URL(baseUrl, (globalThis as { location?: { href: string } }).location?.href);
  } catch {
    fail('baseUrl must be an absolute http(s) URL, e.g. https://prm.example.com/api');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail('baseUrl must use http or https');
  // fetch refuses such URLs, and credentials belong in token or fetchSession, not in a URL.
  if (url.username || url.password) fail('baseUrl must not contain user name or password; use token or fetchSession');
  if (url.search || url.hash) fail('baseUrl must not have a query or fragment');
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/v1$/.test(path)) fail('baseUrl must not end with /v1: the client adds the version');
  url.pathname = `${path}/v1/`;
  return url;
}
