/**
 * The reference server for the client's suite (`startReferenceServer` of
 * `@partnerkit/server/testing`): in-memory PGlite, or a database of its own in the PostgreSQL
 * cluster named by PARTNERKIT_TEST_DATABASE_URL. It counts the requests it serves (from its
 * access log) and has a clock the tests can move.
 */
import type { LogEntry } from '@partnerkit/server';
import { type ReferenceServer, startReferenceServer } from '@partnerkit/server/testing';

export type Driver = 'pglite' | 'postgres';

export const POSTGRES_URL = process.env.PARTNERKIT_TEST_DATABASE_URL;

export interface TestServer extends ReferenceServer {
  /** The requests the server answered, from its access log: method, path and status. */
  seen: { method: string; path: string; status: number }[];
}

/** Starts the reference server on 127.0.0.1 with an admin key. */
export async function startTestServer(driver: Driver): Promise<TestServer> {
  if (driver === 'postgres' && !POSTGRES_URL) throw new Error('PARTNERKIT_TEST_DATABASE_URL is not set');
  const seen: TestServer['seen'] = [];
  const reference = await startReferenceServer({
    postgresUrl: driver === 'postgres' ? POSTGRES_URL : undefined,
    databasePrefix: 'pk_client',
    adminKeyName: 'client-tests',
    logger: (entry: LogEntry) => {
      if (entry.msg === 'request') seen.push({ method: String(entry.method), path: String(entry.path), status: Number(entry.status) });
    },
    rateLimit: false,
  });
  return { ...reference, seen };
}
