/**
 * The databases the suite runs on: PGlite always, PostgreSQL when PARTNERKIT_TEST_DATABASE_URL
 * names a server (each test file gets a fresh database of its own there).
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS } from '../../src/db/migrations/index.ts';
import { openDatabase, type Database } from '../../src/index.ts';

export type DriverName = 'pglite' | 'postgres';

export const POSTGRES_URL = process.env.PARTNERKIT_TEST_DATABASE_URL;
export const POSTGRES_SKIP = 'skipped: set PARTNERKIT_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:54329/postgres) to run on PostgreSQL';

/** The drivers to run, with the reason PostgreSQL is skipped when it is. */
export function drivers(): { name: DriverName; skip: string | false }[] {
  if (!POSTGRES_URL) process.stderr.write(`${POSTGRES_SKIP}\n`);
  return [
    { name: 'pglite', skip: false },
    { name: 'postgres', skip: POSTGRES_URL ? false : POSTGRES_SKIP },
  ];
}

/**
 * A migrated, empty PGlite data directory, made once per schema and copied for each test file:
 * creating a cluster costs seconds, copying one milliseconds.
 */
function pgliteTemplate(): string {
  const schema = createHash('sha256').update(MIGRATIONS.map((m) => `${m.version} ${m.name}\n${m.sql}`).join('\n')).digest('hex').slice(0, 12);
  return join(tmpdir(), `partnerkit-test-template-${schema}`);
}

async function ensureTemplate(): Promise<string> {
  const template = pgliteTemplate();
  if (existsSync(template)) return template;
  const building = mkdtempSync(join(tmpdir(), 'partnerkit-template-build-'));
  const db = await openDatabase({ dataDir: building });
  await db.close();
  try {
    renameSync(building, template);
  } catch {
    // Another test file built it first.
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** A new directory holding a migrated, empty PGlite database (not opened). */
export async function pgliteDataDir(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'partnerkit-test-'));
  cpSync(await ensureTemplate(), dataDir, { recursive: true });
  return dataDir;
}

/** A fresh, migrated database for one test file, and how to remove it afterwards. */
export interface FreshDatabase {
  db: Database;
  dataDir: string | null;
  databaseUrl: string | null;
  /** Closes the database (if still open) and removes it. */
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, and how to remove it afterwards. */
export async function freshDatabase(driver: DriverName): Promise<FreshDatabase> {
  if (driver === 'pglite') {
    const dataDir = await pgliteDataDir();
    const db = await openDatabase({ dataDir });
    return {
      db,
      dataDir,
      databaseUrl: null,
      async drop() {
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (!POSTGRES_URL) throw new Error(POSTGRES_SKIP);
  const name = `pk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const db = await openDatabase({ databaseUrl });
  return {
    db,
    dataDir: null,
    databaseUrl,
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** An empty PostgreSQL database (not migrated, not opened): its URL, and how to drop it. */
export async function emptyPostgresDatabase(): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  if (!POSTGRES_URL) throw new Error(POSTGRES_SKIP);
  const name = `pk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
