/**
 * The reference server for the kit's tests: in-memory PGlite, or a fresh database in the
 * PostgreSQL cluster named by PARTNERKIT_TEST_DATABASE_URL; with a clock the tests can move.
 */
import { openDatabase, type RunningServer, startServer } from '@partnerkit/server';
import type { Clock } from '@partnerkit/conformance';

export type Driver = 'pglite' | 'postgres';

/** The PostgreSQL cluster of the test run, if any. */
export const POSTGRES_URL = process.env.PARTNERKIT_TEST_DATABASE_URL;

/** The origin the test servers allow for CORS. */
export const ALLOWED_ORIGIN = 'https://partners.example.com';

export interface Reference {
  server: RunningServer;
  url: string;
  adminKey: string;
  /** Moves the server's clock (sessions, protections, sweeps all read it). */
  clock: Clock;
  close(): Promise<void>;
}

/** A fresh database in the test cluster; answers its URL and how to drop it. */
async function freshPostgres(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `pk_conformance_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = await openDatabase({ databaseUrl: adminUrl }, { migrate: false });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const db = await openDatabase({ databaseUrl: adminUrl }, { migrate: false });
      try {
        await db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await db.close();
      }
    },
  };
}

/** Starts the reference server on 127.0.0.1 (a free port) with an admin key. */
export async function startReference(driver: Driver): Promise<Reference> {
  let offset = 0;
  const postgres = driver === 'postgres' ? await freshPostgres(requirePostgres()) : null;
  const server = await startServer({
    port: 0,
    ...(postgres ? { databaseUrl: postgres.url } : { memory: true }),
    logger: false,
    now: () => new Date(Date.now() + offset),
    allowOrigins: [ALLOWED_ORIGIN],
    // The kit sends a few thousand requests per run, several runs per server.
    rateLimit: { anonymous: 100_000, session: 100_000, admin: 1_000_000 },
  });
  const { key } = await server.createAdminKey('conformance-tests');
  return {
    server,
    url: server.url,
    adminKey: key,
    clock: {
      async advance(ms) {
        offset += ms;
      },
    },
    async close() {
      await server.close();
      await postgres?.drop();
    },
  };
}

function requirePostgres(): string {
  if (!POSTGRES_URL) throw new Error('PARTNERKIT_TEST_DATABASE_URL is not set');
  return POSTGRES_URL;
}
