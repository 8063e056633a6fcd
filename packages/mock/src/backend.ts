/**
 * `createMockBackend()`: the PartnerKit v1 contract in memory, as a fetch-style handler
 * (`(Request) => Promise<Response>`) that msw serves in the browser and in Node, or a tiny
 * adapter serves over HTTP. Requests are checked in the contract's order: authentication (401),
 * route and method (404, 405), role (403), body and parameters (415, 413, 400), the object and
 * its scope (404), the idempotency key (422), then the object's state (403, 409).
 * @module
 */
import type { DemoOptions, DemoUser } from '@partnerkit/core/demo';
import { SessionInput, type SessionToken } from '@partnerkit/core/schemas';
import type { Caller, Handler, Method, MockPart, MockSettings, RequestContext } from './context.js';
import { type Fault, faultProblem, Faults, type Latency, latencyOf, OfflineError, wait } from './faults.js';
import { ProblemError, problemResponse, problems } from './http/problem.js';
import { randomToken } from './http/random.js';
import { PARTS } from './parts/index.js';
import { mintSession } from './parts/sessions.js';
import { applySeed, type MockSeed, type SeededPeople } from './seed.js';
import { MockState } from './state.js';

/** The admin key of a mock backend when none is given. */
export const DEFAULT_ADMIN_KEY = 'pk_admin_mock_0000000000000000';

/** Options of {@link createMockBackend}. */
export interface MockOptions {
  /** What the backend starts with (default `demo`). */
  seed?: MockSeed;
  /** Sizes and random seed of the `demo` programme (default 24 partners, 400 deals, 36 resources). */
  demo?: Omit<DemoOptions, 'asOf'>;
  /** The admin API key the backend accepts (default {@link DEFAULT_ADMIN_KEY}). */
  adminKey?: string;
  /** How long every answer takes, in ms, or a `[min, max]` range (default 0). */
  latency?: Latency;
  /** Faults injected from the start (more with `backend.faults.add()`). */
  faults?: Fault[];
  /** Origins allowed to call from a browser, for CORS; `*` allows any (default `*`). */
  allowOrigins?: readonly string[];
  /** The clock (default the real one); `backend.clock.advance()` moves it on. */
  now?: () => Date;
  /** Protection days of an approval when the partner's tier names none (default 90). */
  defaultProtectionDays?: number;
  /** Lifetime of sessions minted without `ttlSeconds` (default 900 s). */
  sessionTtlSeconds?: number;
  /** The least time between loading the public application form and submitting it, in ms (default 3000, as the reference server). */
  minFormFillMs?: number;
  /** The parts of the contract served (default all); for trying a new part before it lands. */
  parts?: readonly MockPart[];
  /** Sees a copy of every request before it is answered (to assert what a page sent). */
  onRequest?: (request: Request) => void;
  /**
   * The `Origin` of the page calling through {@link MockBackend.fetch}, for requests that carry
   * none: a browser sets it on the network, but code in a page cannot (a forbidden header), so a
   * story or test of a publishable key's form names the page's origin here.
   */
  pageOrigin?: string;
}

/** A session to mint directly, without an admin request (stories, tests). */
export type MockSessionInput =
  | { role: 'manager'; user?: SessionInput['user']; locale?: string; ttlSeconds?: number }
  | { role: 'partner'; partnerId: string; user?: SessionInput['user']; locale?: string; ttlSeconds?: number };

const CLIENT_REQUEST_ID = /^[\x21-\x7E]{1,200}$/;
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Request-Id, X-PartnerKit-Client';
const EXPOSED_HEADERS = 'X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Idempotent-Replayed, Location';

interface CompiledRoute {
  pattern: RegExp;
  names: string[];
  public: boolean;
  handlers: Partial<Record<Method, Handler>>;
}

function compile(parts: readonly MockPart[]): CompiledRoute[] {
  return parts.flatMap((part) =>
    part.routes.map((route) => {
      const names: string[] = [];
      const source = route.path.replace(/[.]/g, '\\.').replace(/:([a-zA-Z]+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { pattern: new RegExp(`^${source}$`), names, public: route.public === true, handlers: route.handlers };
    }),
  );
}

/** An in-memory PartnerKit backend. */
export class MockBackend {
  readonly state = new MockState();
  /** The admin API key this backend accepts. */
  readonly adminKey: string;
  /** Injected faults: `backend.faults.add({ mode: 'offline', match: 'GET /v1/deals' })`. */
  readonly faults = new Faults();
  /** Who acts in the seeded programme (the demo's partner users and managers). */
  readonly people: SeededPeople;
  /** The backend's clock; `advance()` moves it on (protections expire, sessions run out). */
  readonly clock: { now(): Date; advance(ms: number): Promise<void> };
  /** How long every answer takes; may be changed at any time. */
  latency: Latency;

  readonly #routes: CompiledRoute[];
  readonly #parts: readonly MockPart[];
  readonly #settings: MockSettings;
  readonly #allowOrigins: Set<string>;
  readonly #onRequest: ((request: Request) => void) | undefined;
  readonly #pageOrigin: string | null;

  constructor(options: MockOptions = {}) {
    let offset = 0;
    const base = options.now ?? (() => new Date());
    this.clock = {
      now: () => new Date(base().getTime() + offset),
      advance: async (ms) => {
        offset += ms;
      },
    };
    this.adminKey = options.adminKey ?? DEFAULT_ADMIN_KEY;
    if (!/^[\x21-\x7E]{16,4096}$/.test(this.adminKey)) throw new TypeError('@partnerkit/mock: adminKey must be 16-4096 visible ASCII characters');
    this.latency = options.latency ?? 0;
    this.#parts = options.parts ?? PARTS;
    this.#routes = compile(this.#parts);
    this.#settings = { defaultProtectionDays: options.defaultProtectionDays ?? 90, sessionTtlSeconds: options.sessionTtlSeconds ?? 900, minFormFillMs: options.minFormFillMs ?? 3000 };
    this.#allowOrigins = new Set(options.allowOrigins ?? ['*']);
    this.#onRequest = options.onRequest;
    this.#pageOrigin = options.pageOrigin ?? null;
    for (const fault of options.faults ?? []) this.faults.add(fault);
    this.people = applySeed(this.state, options.seed ?? 'demo', this.clock.now(), options.demo);
  }

  /**
   * Mints a session directly (what a host's server does with `POST /v1/sessions`), for pages,
   * stories and tests: `client = createClient({ baseUrl, token: backend.session({ role: 'partner', partnerId: 'pt_0001' }).token })`.
   * The user defaults to the partner's first seeded user, or the first manager.
   */
  session(input: MockSessionInput): SessionToken {
    const user = input.user ?? this.#defaultUser(input);
    const parsed = SessionInput.safeParse({ ...input, user });
    if (!parsed.success) throw new TypeError(`@partnerkit/mock: invalid session: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    if (parsed.data.partnerId !== undefined && !this.state.partners.has(parsed.data.partnerId)) throw new TypeError(`@partnerkit/mock: no partner ${parsed.data.partnerId}`);
    return mintSession(this.state, parsed.data, this.clock.now(), this.#settings.sessionTtlSeconds);
  }

  #defaultUser(input: MockSessionInput): SessionInput['user'] {
    const seeded: DemoUser | undefined = input.role === 'partner' ? this.people.users.get(input.partnerId)?.[0] : this.people.managers[0];
    return seeded ?? { id: input.role === 'partner' ? `${input.partnerId}_user` : 'mgr_mock', name: input.role === 'partner' ? 'Partner user' : 'Channel manager' };
  }

  /**
   * Answers one request to the contract (`…/v1/…` under any prefix). Rejects with
   * {@link OfflineError} for an `offline` fault, like `fetch` without a network.
   */
  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const at = url.pathname.indexOf('/v1/');
    const path = at === -1 ? url.pathname : url.pathname.slice(at);
    this.#onRequest?.(request.clone());
    const fault = this.faults.take(request, path);
    if (fault?.mode === 'offline' && fault.lost !== 'answer') throw new OfflineError();
    await wait(latencyOf(this.latency) + (fault?.mode === 'slow' ? (fault.delayMs ?? 3000) : 0), request.signal);
    const given = request.headers.get('x-request-id');
    const requestId = given !== null && CLIENT_REQUEST_ID.test(given) ? given : `req_${randomToken(20)}`;
    let response: Response;
    try {
      if (fault?.mode === 'error') response = problemResponse(faultProblem(fault), requestId);
      else response = await this.#answer(request, url, path, requestId);
    } catch (error) {
      const problem = error instanceof ProblemError ? error : problems.internal(`The mock backend failed: ${error instanceof Error ? error.message : String(error)}`);
      response = problemResponse(problem, requestId);
    }
    const finished = this.#finish(request, response, requestId);
    if (fault?.mode === 'offline') throw new OfflineError();
    return fault?.mode === 'respond' ? fault.respond(request, finished) : finished;
  }

  /** A `fetch` over this backend, without msw: `createClient({ fetch: backend.fetch })`. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    try {
      return await this.handle(new Request(input, init));
    } catch (error) {
      if (error instanceof OfflineError) throw new TypeError('Failed to fetch', { cause: error });
      throw error;
    }
  };

  async #answer(request: Request, url: URL, path: string, requestId: string): Promise<Response> {
    const origin = request.headers.get('origin');
    if (request.method === 'OPTIONS' && request.headers.get('access-control-request-method') !== null) {
      if (origin === null || !this.#originAllowed(origin)) throw problems.forbidden("This origin is not on the mock's CORS allow-list (allowOrigins).");
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': ALLOWED_METHODS,
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': '600',
          Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
        },
      });
    }
    const now = this.clock.now();
    for (const part of this.#parts) part.beforeRequest?.(this.state, now);
    let route: CompiledRoute | undefined;
    let match: RegExpExecArray | null = null;
    for (const candidate of this.#routes) {
      match = candidate.pattern.exec(path);
      if (match) {
        route = candidate;
        break;
      }
    }
    const authorization = request.headers.get('authorization');
    const publishable = route?.public ? null : this.#publishable(request, path, authorization);
    const caller = route?.public || publishable ? null : this.#authenticate(authorization, now);
    if (!route || !match) throw problems.notFound();
    const handler = route.handlers[request.method.toLowerCase() as Method];
    if (!handler) throw problems.methodNotAllowed(Object.keys(route.handlers).map((m) => m.toUpperCase()));
    const params = Object.fromEntries(route.names.map((name, i) => [name, match[i + 1] as string]));
    const ctx: RequestContext = { request, url, params, caller, publishable, state: this.state, now, requestId, settings: this.#settings };
    return handler(ctx);
  }

  /**
   * A publishable key calling one of the two operations it may (reading the form, submitting),
   * from an origin it lists; null for any other credential. Anywhere else a publishable key is no
   * credential (401, from {@link #authenticate}); from another origin, or a write without
   * `Origin`, 403.
   */
  #publishable(request: Request, path: string, authorization: string | null): { keyId: string } | null {
    const token = /^Bearer +(pk_pub_[\x21-\x7E]{1,200})$/i.exec(authorization?.trim() ?? '')?.[1];
    if (token === undefined) return null;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const allowed = (method === 'GET' && path === '/v1/application-form') || (method === 'POST' && path === '/v1/applications');
    const key = allowed ? [...this.state.publishableKeys.values()].find((k) => k.key === token) : undefined;
    if (!key) return null;
    const origin = request.headers.get('origin') ?? this.#pageOrigin;
    if (origin === null ? method !== 'GET' : !key.allowedOrigins.includes(origin)) {
      throw problems.forbidden("This publishable key may not be used from this origin; add the origin to the key's allowed origins.");
    }
    return { keyId: key.id };
  }

  /** The caller of `Authorization: Bearer <admin key | session token>`; 401 for anything else. */
  #authenticate(authorization: string | null, now: Date): Caller {
    if (authorization === null) throw problems.unauthorized('Send Authorization: Bearer <session token or admin key>.');
    const token = /^Bearer +([\x21-\x7E]{16,4096})$/i.exec(authorization.trim())?.[1];
    if (token === this.adminKey) return { role: 'admin', keyId: 'key_mock', keyName: 'mock admin key' };
    const session = token === undefined ? undefined : this.state.sessions.get(token);
    if (!session || Date.parse(session.expiresAt) <= now.getTime()) {
      throw problems.unauthorized('The token is malformed, expired or revoked; obtain a new session.');
    }
    return {
      role: session.role,
      partnerId: session.partnerId,
      user: session.user,
      locale: session.locale,
      expiresAt: session.expiresAt,
    };
  }

  #originAllowed(origin: string): boolean {
    return this.#allowOrigins.has('*') || this.#allowOrigins.has(origin);
  }

  /** Headers every answer carries: the request id, no caching, no sniffing, CORS for allowed origins. */
  #finish(request: Request, response: Response, requestId: string): Response {
    const headers = new Headers(response.headers);
    headers.set('X-Request-Id', requestId);
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.append('Vary', 'Origin');
    const origin = request.headers.get('origin');
    if (origin !== null && this.#originAllowed(origin) && !headers.has('Access-Control-Allow-Origin')) {
      headers.set('Access-Control-Allow-Origin', origin);
      headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** Creates an in-memory backend (see {@link MockOptions}). */
export function createMockBackend(options: MockOptions = {}): MockBackend {
  return new MockBackend(options);
}
