/**
 * The middleware every request passes: request ids, logs, security headers, CORS, and
 * authentication with rate limits.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import type { RateLimitOptions } from './rate-limit.js';
import { PUBLISHABLE_KEY_PREFIX } from '@partnerkit/core/schemas';
import { ADMIN_KEY_PREFIX, findAdminKey } from '../security/api-keys.js';
import { type Caller, callerSubject, type PublishableCaller, publishableSubject } from '../security/caller.js';
import { newId } from '../security/random.js';
import { VerifiedSessions } from '../security/session-tokens.js';
import { findPublishableKey } from '../store/publishable-keys.js';
import { problemResponse, problems, type ProblemError } from './problem.js';
import { isPublishablePath, publishableMayCall } from './publishable-scope.js';
import { type RateDecision, RateLimiter } from './rate-limit.js';

const CLIENT_REQUEST_ID = /^[\x21-\x7E]{1,200}$/;

/** Gives every request an id (the client's `X-Request-Id` when well-formed) and echoes it on every answer. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given !== undefined && CLIENT_REQUEST_ID.test(given) ? given : newId('req');
    c.set('requestId', id);
    await next();
    c.res.headers.set('X-Request-Id', id);
  };
}

/** One log line per request: method, path without query, status, duration, who. */
export function accessLog(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const caller = c.get('caller') as Caller | undefined;
    const publishable = c.get('publishable');
    const status = c.res.status;
    ctx.logger.log(status >= 500 ? 'error' : 'info', 'request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(caller ? { role: caller.role, subject: callerSubject(caller) } : {}),
      ...(publishable ? { role: 'publishable', subject: publishableSubject(publishable) } : {}),
    });
  };
}

/** Headers that keep API answers out of caches and stop content sniffing. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  };
}

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Request-Id, X-PartnerKit-Client';
const EXPOSED_HEADERS = 'X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Idempotent-Replayed, Location';

/** `https://Example.com:443/` -> `https://example.com`: the form browsers send in `Origin`. */
export function normaliseOrigin(origin: string): string | null {
  if (origin === '*') return '*';
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * CORS for the sites that embed the widgets: only origins on the allow-list get CORS headers;
 * a preflight from any other origin is refused with 403. The public form's two operations also
 * admit the origins live publishable keys list (`livePublishableOrigins`, read per preflight);
 * the request itself must then carry a key that lists its origin. No credentials mode: tokens
 * travel in `Authorization`, never in cookies.
 */
export function cors(allowOrigins: readonly string[], publicOrigins?: () => Promise<ReadonlySet<string>>): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowOrigins.map((o) => normaliseOrigin(o)).filter((o): o is string => o !== null));
  const isAllowed = (origin: string) => allowed.has('*') || allowed.has(origin);
  return async (c, next) => {
    const origin = c.req.header('origin');
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;
    if (preflight) {
      const publicOrigin = origin !== undefined && publicOrigins !== undefined && isPublishablePath(c.req.path) && (await publicOrigins()).has(origin);
      if (origin === undefined || !(isAllowed(origin) || publicOrigin)) {
        throw problems.forbidden('This origin is not on the server\'s CORS allow-list (--allow-origin).');
      }
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
    await next();
    c.res.headers.append('Vary', 'Origin');
    // A publishable key admits the origins it lists, on the operations it may call.
    const keyOrigin = origin !== undefined && (c.get('publishable')?.allowedOrigins.includes(origin) ?? false);
    if (origin !== undefined && (isAllowed(origin) || keyOrigin)) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
  };
}

function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Who a request's `Authorization` names. */
type Identity =
  | { kind: 'caller'; caller: Caller }
  | { kind: 'publishable'; key: PublishableCaller }
  | { kind: 'invalid' }
  | { kind: 'none' };

async function identify(ctx: AppContext, sessions: VerifiedSessions, c: Context<AppEnv>): Promise<Identity> {
  const authorization = c.req.header('authorization');
  if (authorization === undefined) return { kind: 'none' };
  const match = /^Bearer +([\x21-\x7E]{16,4096})$/i.exec(authorization.trim());
  if (!match) return { kind: 'invalid' };
  const token = match[1] as string;
  if (token.startsWith(ADMIN_KEY_PREFIX)) {
    const key = await findAdminKey(ctx.db, token);
    return key ? { kind: 'caller', caller: { role: 'admin', keyId: key.id, keyName: key.name } } : { kind: 'invalid' };
  }
  if (token.startsWith(PUBLISHABLE_KEY_PREFIX)) {
    // Everywhere but the public form's operations, a publishable key is no credential at all.
    if (!publishableMayCall(c.req.method, c.req.path) || token.length > 200) return { kind: 'invalid' };
    const key = await findPublishableKey(ctx.db, token);
    return key ? { kind: 'publishable', key: { keyId: key.id, allowedOrigins: key.allowedOrigins } } : { kind: 'invalid' };
  }
  const caller = await sessions.verify((await ctx.keys()).session, token, ctx.now());
  return caller ? { kind: 'caller', caller } : { kind: 'invalid' };
}

/**
 * A publishable key is for pages on the origins it lists: a request from another origin is
 * refused, and so is a write without `Origin` (browsers always send it on writes; only a
 * same-origin read may lack it).
 */
function originAllowed(c: Context<AppEnv>, key: PublishableCaller): boolean {
  const origin = c.req.header('origin');
  return origin === undefined ? c.req.method === 'GET' || c.req.method === 'HEAD' : key.allowedOrigins.includes(origin);
}

/** The rate limit buckets a request draws from, the most likely to run out first. */
function bucketsOf(identity: Identity, address: string, limits: Required<RateLimitOptions>): [string, number][] {
  switch (identity.kind) {
    case 'caller':
      return [[callerSubject(identity.caller), identity.caller.role === 'admin' ? limits.admin : limits.session]];
    case 'publishable':
      // Per client address, then per key: one address cannot use up the page's allowance.
      return [[`public-address:${address}`, limits.publicAddress], [publishableSubject(identity.key), limits.publishable]];
    default:
      return [[`address:${address}`, limits.anonymous]];
  }
}

function rateHeaders(decision: RateDecision): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.reset),
  };
}

/**
 * Reads the caller from `Authorization: Bearer <admin key | session token | publishable key>`
 * and applies the caller's rate limits; requests without a valid credential count against their
 * address. A publishable key is let through only to the operations it may call, from the origins
 * it lists, as `c.get('publishable')`, never as a `caller`. Tenant and role come from here only.
 */
export function authenticate(ctx: AppContext): MiddlewareHandler<AppEnv> {
  const limiter = new RateLimiter();
  const sessions = new VerifiedSessions();
  const limits = ctx.settings.rateLimit;
  let lastPrune = Date.now();
  return async (c, next) => {
    const identity = await identify(ctx, sessions, c);
    const wrongOrigin = identity.kind === 'publishable' && !originAllowed(c, identity.key);
    // Set before the limits, so a 429 to the key's own page carries its CORS headers.
    if (identity.kind === 'publishable' && !wrongOrigin) c.set('publishable', identity.key);
    let tightest: RateDecision | null = null;
    if (limits !== false) {
      const now = Date.now();
      if (now - lastPrune > 60_000) {
        limiter.prune(now);
        lastPrune = now;
      }
      for (const [key, perMinute] of bucketsOf(identity, clientAddress(c, ctx.settings.trustProxy), limits)) {
        const decision = limiter.take(key, perMinute, now);
        if (!decision.allowed) {
          const response = problemResponse(problems.rateLimited(decision.retryAfter), c.get('requestId'));
          for (const [name, value] of Object.entries(rateHeaders(decision))) response.headers.set(name, value);
          return response;
        }
        if (tightest === null || decision.remaining < tightest.remaining) tightest = decision;
      }
    }
    if (identity.kind === 'invalid' || identity.kind === 'none') throw unauthorized(identity.kind === 'none' ? null : 'invalid');
    if (wrongOrigin) throw problems.forbidden('This publishable key may not be used from this origin; add the origin to the key\'s allowed origins.');
    if (identity.kind === 'caller') c.set('caller', identity.caller);
    await next();
    if (tightest !== null) for (const [name, value] of Object.entries(rateHeaders(tightest))) c.res.headers.set(name, value);
  };
}

function unauthorized(identity: 'invalid' | null): ProblemError {
  return identity === null
    ? problems.unauthorized('Send Authorization: Bearer <session token or admin key>.')
    : problems.unauthorized('The token is malformed, expired or revoked; obtain a new session.');
}
