/**
 * `createApp()`: the PartnerKit v1 contract as a Hono app, i.e. a Web-standard
 * `(Request) => Response` handler that a host can serve on its own or mount under a prefix.
 * @module
 */
import { Hono } from 'hono';
import type { AppContext, AppEnv, AppSettings } from './context.js';
import type { Database } from './db/database.js';
import { DEFAULT_BODY_LIMIT } from './http/body.js';
import { compression, type CompressionOptions } from './http/compression.js';
import { CursorCodec } from './http/cursor.js';
import { createLogger, describeError, jsonLinesSink, type LogLevel, type LogSink } from './http/logger.js';
import { accessLog, authenticate, cors, requestId, securityHeaders } from './http/middleware.js';
import { problemResponse, problems, ProblemError } from './http/problem.js';
import { DEFAULT_RATE_LIMITS, type RateLimitOptions } from './http/rate-limit.js';
import { communicationRoutes } from './routes/communication.js';
import { agreementRoutes } from './routes/agreements.js';
import { dealRoutes } from './routes/deals.js';
import { enablementRoutes } from './routes/enablement.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { kpiRoutes } from './routes/kpis.js';
import { openApiRoutes } from './routes/openapi.js';
import { partnerRoutes } from './routes/partners.js';
import { performanceRoutes } from './routes/performance.js';
import { planRoutes } from './routes/plans.js';
import { resourceRoutes } from './routes/resources.js';
import { recruitmentRoutes } from './routes/recruitment.js';
import { sessionRoutes } from './routes/sessions.js';
import { tierRoutes } from './routes/tiers.js';
import { deriveKeys, loadSecret, type ServerKeys } from './security/secret.js';
import { DEFAULT_SESSION_TTL_SECONDS } from './security/session-tokens.js';
import { livePublishableOrigins } from './store/publishable-keys.js';

/** Default protection window when neither the partner's tier nor any tier says: 90 days. */
export const DEFAULT_PROTECTION_DAYS = 90;
/** How long `GET /healthz` waits for the database: 2 s, well inside common probe timeouts. */
export const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = 2000;
/** How long idempotency keys are kept: 24 hours. */
export const DEFAULT_IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;
/** The least time between loading the public application form and submitting it: 3 s (faster is a bot). */
export const DEFAULT_MIN_FORM_FILL_MS = 3000;

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The open database (see `openDatabase`). */
  db: Database;
  /**
   * The server secret (at least 32 characters) that signs sessions and cursors. Default:
   * `PARTNERKIT_SECRET`, else the one kept in the data directory or the database (see docs/server.md).
   */
  secret?: string;
  /** Origins allowed to call from a browser (`https://partners.example.com`); `*` allows any. Default: none. */
  allowOrigins?: readonly string[];
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Requests per minute per caller, or `false` for no limits (benchmarks). */
  rateLimit?: RateLimitOptions | false;
  /** Where log lines go (default JSON lines on stdout); `false` for none. */
  logger?: LogSink | false;
  /** Least level logged (default `info`). */
  logLevel?: LogLevel;
  /** The clock (tests move it to expire protections). */
  now?: () => Date;
  /** Lifetime of sessions minted without `ttlSeconds` (default 900 = 15 minutes). */
  sessionTtlSeconds?: number;
  /** How long idempotency keys are kept, in ms (default and minimum 24 hours). */
  idempotencyRetentionMs?: number;
  /** Protection days when no tier defines them (default 90). */
  defaultProtectionDays?: number;
  /** Read the client address for anonymous rate limits from `X-Forwarded-For` (behind a proxy). */
  trustProxy?: boolean;
  /** Serve under this prefix (`/api` answers `/api/v1/...`). Alternatively mount the app with `host.route('/api', app)`. */
  basePath?: string;
  /** How long `GET /healthz` waits for the database before answering 503, in ms (default 2000). */
  healthCheckTimeoutMs?: number;
  /** The least time between loading the public application form and submitting it, in ms (default 3000). */
  minFormFillMs?: number;
  /**
   * Compress answers of 1 KiB and more with brotli or gzip as the client accepts (default), with
   * another threshold, or `false` when a proxy in front compresses already (docs/server.md).
   */
  compression?: CompressionOptions | false;
}

/** The app and what the host may need from it besides `fetch`. */
export type PartnerKitApp = Hono<AppEnv>;

/** The settings with every default applied. */
export function resolveSettings(options: Omit<AppOptions, 'db'>): AppSettings {
  return {
    allowOrigins: options.allowOrigins ?? [],
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    rateLimit: options.rateLimit === false ? false : { ...DEFAULT_RATE_LIMITS, ...options.rateLimit },
    sessionTtlSeconds: options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS,
    idempotencyRetentionMs: Math.max(DEFAULT_IDEMPOTENCY_RETENTION_MS, options.idempotencyRetentionMs ?? DEFAULT_IDEMPOTENCY_RETENTION_MS),
    defaultProtectionDays: options.defaultProtectionDays ?? DEFAULT_PROTECTION_DAYS,
    trustProxy: options.trustProxy ?? false,
    healthCheckTimeoutMs: options.healthCheckTimeoutMs ?? DEFAULT_HEALTH_CHECK_TIMEOUT_MS,
    minFormFillMs: options.minFormFillMs ?? DEFAULT_MIN_FORM_FILL_MS,
  };
}

/**
 * The PartnerKit v1 API as a Hono app.
 *
 * ```ts
 * const db = await openDatabase({ dataDir: './.partnerkit/data' });
 * const app = createApp({ db, allowOrigins: ['https://partners.example.com'] });
 * export default { fetch: app.fetch };        // any fetch runtime
 * host.route('/api', app);                     // or inside another Hono app
 * ```
 */
export function createApp(options: AppOptions): PartnerKitApp {
  const settings = resolveSettings(options);
  let keys: Promise<ServerKeys> | null = null;
  const loadKeys = () => {
    if (keys === null) {
      const loading = loadSecret(options.db, options.secret === undefined ? {} : { secret: options.secret }).then(deriveKeys);
      // A failure (e.g. an unreadable secret file) is retried on the next request.
      loading.catch(() => {
        if (keys === loading) keys = null;
      });
      keys = loading;
    }
    return keys;
  };
  const ctx: AppContext = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    keys: loadKeys,
    cursors: new CursorCodec(async () => (await loadKeys()).cursor),
    logger: createLogger(options.logger === undefined ? jsonLinesSink() : options.logger, options.logLevel),
    settings,
  };

  const app = options.basePath ? new Hono<AppEnv>().basePath(options.basePath) : new Hono<AppEnv>();
  app.use('*', requestId(), accessLog(ctx), securityHeaders(), cors(settings.allowOrigins, () => livePublishableOrigins(options.db)));
  // Innermost of the global middleware: it sees every route's answer and problem document.
  if (options.compression !== false) app.use('*', compression(options.compression));
  healthRoutes(app, ctx);
  openApiRoutes(app);
  app.use('/v1/*', authenticate(ctx));
  sessionRoutes(app, ctx);
  tierRoutes(app, ctx);
  kpiRoutes(app, ctx);
  partnerRoutes(app, ctx);
  performanceRoutes(app, ctx);
  dealRoutes(app, ctx);
  resourceRoutes(app, ctx);
  agreementRoutes(app, ctx);
  planRoutes(app, ctx);
  enablementRoutes(app, ctx);
  communicationRoutes(app, ctx);
  eventRoutes(app, ctx);
  recruitmentRoutes(app, ctx);

  app.notFound((c) => problemResponse(problems.notFound(), c.get('requestId') ?? 'unknown'));
  app.onError((error, c) => {
    const id = c.get('requestId') ?? 'unknown';
    if (error instanceof ProblemError) return problemResponse(error, id);
    // A malformed percent-escape in the path is the client's mistake, not ours.
    if (error instanceof URIError) return problemResponse(problems.validation([{ path: 'path', message: 'is not a valid URL path' }]), id);
    ctx.logger.log('error', 'unhandled error', { requestId: id, method: c.req.method, path: c.req.path, ...describeError(error) });
    return problemResponse(problems.internal(), id);
  });
  return app;
}
