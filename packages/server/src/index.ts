/**
 * `@partnerkit/server`: the PartnerKit reference backend.
 *
 * - {@link startServer}: the whole server on Node (database, sweep, HTTP, graceful close).
 * - {@link createApp}: the v1 API as a Hono app (a Web-standard fetch handler) to mount anywhere.
 * - {@link openDatabase}: the embedded (PGlite) or PostgreSQL database, migrated.
 * - {@link createAdminKey}, {@link seedDatabase}, {@link migrate}: what the CLI does, as functions.
 * @module
 */
export { createApp, DEFAULT_HEALTH_CHECK_TIMEOUT_MS, DEFAULT_IDEMPOTENCY_RETENTION_MS, DEFAULT_MIN_FORM_FILL_MS, DEFAULT_PROTECTION_DAYS, type AppOptions, type PartnerKitApp } from './app.js';
export { startServer, type RunningServer, type StartServerOptions } from './server.js';
export { openDatabase, DEFAULT_DATA_DIR, type DatabaseOptions, type OpenDatabaseOptions } from './db/open-database.js';
export type { Database, DriverName, Queryable, QueryResult, Row } from './db/database.js';
export { DataDirLockedError, LOCK_FILE, type LockHolder } from './db/data-dir-lock.js';
export { migrate, SCHEMA_VERSION, type MigrationReport } from './db/migrate.js';
export { createAdminKey, listAdminKeys, revokeAdminKey, ADMIN_KEY_PREFIX, type AdminKeyInfo, type CreatedAdminKey } from './security/api-keys.js';
export { loadSecret, SECRET_ENV, SECRET_FILE } from './security/secret.js';
export { DEFAULT_SESSION_TTL_SECONDS } from './security/session-tokens.js';
export { DEMO_PUBLISHABLE_KEY_NAME } from './seed/recruitment.js';
export { seedDatabase, type SeedMode, type SeedOptions, type SeedPlan, type SeedReport } from './seed/seed.js';
export { sweep, startSweeper, DEFAULT_TIER_SWEEP_INTERVAL_MS, type SweepOptions, type SweepReport, type Sweeper, type SweeperOptions } from './domain/sweeper.js';
export { jsonLinesSink, type LogEntry, type LogLevel, type LogSink } from './http/logger.js';
export { DEFAULT_RATE_LIMITS, type RateLimitOptions } from './http/rate-limit.js';
export { DEFAULT_BODY_LIMIT } from './http/body.js';
export { compression, DEFAULT_COMPRESSION_THRESHOLD, type CompressionOptions } from './http/compression.js';
export { etagForCoding, isCompressible, negotiateEncoding, varyOnAcceptEncoding, type ContentCoding, type NegotiatedCoding } from './http/content-coding.js';
