/**
 * What every route needs: the database, the clock, the keys, the logger and the settings.
 * @module
 */
import type { Database } from './db/database.js';
import type { CursorCodec } from './http/cursor.js';
import type { Logger } from './http/logger.js';
import type { RateLimitOptions } from './http/rate-limit.js';
import type { Caller, PublishableCaller } from './security/caller.js';
import type { ServerKeys } from './security/secret.js';

/** Settings after defaults were applied. */
export interface AppSettings {
  allowOrigins: readonly string[];
  bodyLimit: number;
  rateLimit: Required<RateLimitOptions> | false;
  sessionTtlSeconds: number;
  idempotencyRetentionMs: number;
  defaultProtectionDays: number;
  trustProxy: boolean;
  healthCheckTimeoutMs: number;
  /** The least time between loading the public application form and submitting it. */
  minFormFillMs: number;
}

/** Shared by the routes of one app. */
export interface AppContext {
  db: Database;
  /** The clock: every timestamp the server writes comes from here, never from SQL `now()`. */
  now(): Date;
  keys(): Promise<ServerKeys>;
  cursors: CursorCodec;
  logger: Logger;
  settings: AppSettings;
}

/** Hono's per-request variables. */
export interface AppVariables {
  requestId: string;
  /** Set by the authentication middleware on every `/v1` route that needs a token, unless a publishable key called. */
  caller: Caller;
  /** Set instead of `caller` when a publishable key calls one of the operations it may. */
  publishable: PublishableCaller | undefined;
}

/** The Hono environment of the app. */
export interface AppEnv {
  Variables: AppVariables;
}
