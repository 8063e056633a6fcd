/**
 * The middleware every request passes: request ids, logs, security headers, CORS, and
 * authentication with rate limits.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import { ADMIN_KEY_PREFIX, findAdminKey } from '../security/api-keys.js';
import { type Caller, callerSubject } from '../security/caller.js';
import { newId } from '../security/random.js';
import { VerifiedSessions } from '../security/session-tokens.js';
import { problemResponse, problems, type ProblemError } from './problem.js';
import { RateLimiter } from './rate-limit.js';

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
    const status = c.res.status;
    ctx.logger.log(status >= 500 ? 'error' : 'info', 'request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(caller ? { role: caller.role, subject: callerSubject(caller) } : {}),
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
 * a preflight from any other origin is refused with 403. No credentials mode: tokens travel in
 * `Authorization`, never in cookies.
 */
export function cors(allowOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowOrigins.map((o) => normaliseOrigin(o)).filter((o): o is string => o !== null));
  const isAllowed = (origin: string) => allowed.has('*') || allowed.has(origin);
  return async (c, next) => {
    const origin = c.req.header('origin');
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;
    if (preflight) {
      if (origin === undefined || !isAllowed(origin)) {
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
    if (origin !== undefined && isAllowed(origin)) {
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

async function identify(ctx: AppContext, sessions: VerifiedSessions, authorization: string | undefined): Promise<Caller | 'invalid' | null> {
  if (authorization === undefined) return null;
  const match = /^Bearer +([\x21-\x7E]{16,4096})$/i.exec(authorization.trim());
  if (!match) return 'invalid';
  const token = match[1] as string;
  if (token.startsWith(ADMIN_KEY_PREFIX)) {
    const key = await findAdminKey(ctx.db, token);
    return key ? { role: 'admin', keyId: key.id, keyName: key.name } : 'invalid';
  }
  return (await sessions.verify((await ctx.keys()).session, token, ctx.now())) ?? 'invalid';
}

/**
 * Reads the caller from `Authorization: Bearer <admin key | session token>` and applies the
 * caller's rate limit; requests without a valid credential count against their address.
 * Tenant and role come from here only.
 */
export function authenticate(ctx: AppContext): MiddlewareHandler<AppEnv> {
  const limiter = new RateLimiter();
  const sessions = new VerifiedSessions();
  const limits = ctx.settings.rateLimit;
  let lastPrune = Date.now();
  return async (c, next) => {
    const identity = await identify(ctx, sessions, c.req.header('authorization'));
    const caller = identity === null || identity === 'invalid' ? null : identity;
    if (limits !== false) {
      const now = Date.now();
      if (now - lastPrune > 60_000) {
        limiter.prune(now);
        lastPrune = now;
      }
      const [key, perMinute] = caller
        ? [callerSubject(caller), caller.role === 'admin' ? limits.admin : limits.session]
        : [`address:${clientAddress(c, ctx.settings.trustProxy)}`, limits.anonymous];
      const decision = limiter.take(key, perMinute, now);
      const rateHeaders = {
        'RateLimit-Limit': String(decision.limit),
        'RateLimit-Remaining': String(decision.remaining),
        'RateLimit-Reset': String(decision.reset),
      };
      if (!decision.allowed) {
        const problem = problems.rateLimited(decision.retryAfter);
        const response = problemResponse(problem, c.get('requestId'));
        for (const [name, value] of Object.entries(rateHeaders)) response.headers.set(name, value);
        return response;
      }
      if (caller === null) throw unauthorized(identity === null ? null : 'invalid');
      c.set('caller', caller);
      await next();
      for (const [name, value] of Object.entries(rateHeaders)) c.res.headers.set(name, value);
      return;
    }
    if (caller === null) throw unauthorized(identity === null ? null : 'invalid');
    c.set('caller', caller);
    await next();
  };
}

function unauthorized(identity: 'invalid' | null): ProblemError {
  return identity === null
    ? problems.unauthorized('Send Authorization: Bearer <session token or admin key>.')
    : problems.unauthorized('The token is malformed, expired or revoked; obtain a new session.');
}
