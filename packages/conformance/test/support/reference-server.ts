/**
 * The reference server for the kit's tests (`startReferenceServer` of `@partnerkit/server/testing`):
 * in-memory PGlite, or a fresh database in the PostgreSQL cluster named by
 * PARTNERKIT_TEST_DATABASE_URL; with a clock the kit can move.
 */
import { type ReferenceServer, type ReferenceServerOptions, startReferenceServer } from '@partnerkit/server/testing';

export type Driver = 'pglite' | 'postgres';
export type Reference = ReferenceServer;

/** The PostgreSQL cluster of the test run, if any. */
export const POSTGRES_URL = process.env.PARTNERKIT_TEST_DATABASE_URL;

/** The origin the test servers allow for CORS. */
export const ALLOWED_ORIGIN = 'https://partners.example.com';

/** Starts the reference server on 127.0.0.1 (a free port) with an admin key. */
export async function startReference(driver: Driver, options: Partial<ReferenceServerOptions> = {}): Promise<Reference> {
  if (driver === 'postgres' && !POSTGRES_URL) throw new Error('PARTNERKIT_TEST_DATABASE_URL is not set');
  return startReferenceServer({
    postgresUrl: driver === 'postgres' ? POSTGRES_URL : undefined,
    databasePrefix: 'pk_conformance',
    adminKeyName: 'conformance-tests',
    allowOrigins: [ALLOWED_ORIGIN],
    // The kit sends a few thousand requests per run, several runs per server.
    rateLimit: { anonymous: 100_000, session: 100_000, admin: 1_000_000 },
    ...options,
  });
}
