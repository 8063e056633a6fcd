/**
 * The storage layer: migrations, the uniqueness rule, the secret, the event log under
 * concurrent writers, and the generated data.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { ACTIVE_DEAL_STATUSES } from '@partnerkit/core/rules';
import { type Database, migrate, type RunningServer, SCHEMA_VERSION, seedDatabase, startServer } from '../src/index.ts';
import { loadSecret } from '../src/security/secret.ts';
import { ACTIVE_SQL } from '../src/store/deals.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { appendEvents } from '../src/store/events.ts';
import { createProgramme } from './helpers/fixtures.ts';
import { freshDatabase, POSTGRES_SKIP, POSTGRES_URL } from './helpers/databases.ts';
import { Api, type Harness, suite } from './helpers/harness.ts';

it('the SQL active statuses are core\'s ACTIVE_DEAL_STATUSES, in the index too', () => {
  const listed = ACTIVE_SQL.replace(/[()' ]/g, '').split(',');
  assert.deepEqual([...listed].sort(), [...ACTIVE_DEAL_STATUSES].sort());
  const sql = MIGRATIONS.map((m) => m.sql).join('\n');
  const predicates = [...sql.matchAll(/WHERE status IN \(([^)]*)\)/g)].map((m) => m[1]?.replace(/[' ]/g, '').split(',').sort());
  assert.ok(predicates.length >= 3);
  for (const predicate of predicates) assert.deepEqual(predicate, [...ACTIVE_DEAL_STATUSES].sort());
});

suite('database', (harness) => {
  let h: Harness;

  before(async () => {
    h = harness();
    await createProgramme(h);
  });

  it('migrates once and reports the version; a newer database is refused', async () => {
    const again = await migrate(h.db);
    assert.deepEqual(again, { applied: [], version: SCHEMA_VERSION });
    const { rows } = await h.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
    await assert.rejects(migrate(h.db, [{ version: 0, name: 'old', sql: 'SELECT 1' }]), /newer than this server knows/);
  });

  it('has the indexes the hot paths need', async () => {
    const { rows } = await h.db.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()");
    const names = new Set(rows.map((r) => r.indexname));
    for (const index of ['deals_one_active_per_customer', 'deals_by_partner_status', 'deals_by_partner', 'deals_protection_end', 'deals_active_by_name_head', 'measurements_pkey', 'events_in_order', 'idempotency_keys_pkey']) {
      assert.ok(names.has(index), index);
    }
  });

  it('keeps the secret where the driver says: a 0600 file, or the settings table', async () => {
    const secret = await loadSecret(h.db, { env: {} });
    assert.ok(secret.length >= 32);
    assert.equal(await loadSecret(h.db, { env: {} }), secret, 'generated once');
    if (h.db.dataDir) {
      const mode = statSync(join(h.db.dataDir, 'session-secret')).mode & 0o777;
      assert.equal(mode, 0o600);
    } else {
      const { rows } = await h.db.query("SELECT value FROM settings WHERE name = 'session_secret'");
      assert.equal(rows[0]?.value, secret);
    }
    assert.equal(await loadSecret(h.db, { env: { PARTNERKIT_SECRET: 'x'.repeat(40) } }), 'x'.repeat(40));
    await assert.rejects(loadSecret(h.db, { env: { PARTNERKIT_SECRET: 'short' } }), /at least 32/);
  });

  it('rolls a failed transaction back whole', async () => {
    await assert.rejects(
      h.db.transaction(async (tx) => {
        await appendEvents(tx, [{ type: 'partner.updated', partnerId: 'pt_rollback', data: {} }], new Date());
        await tx.query('SELECT 1/0');
      }),
    );
    const { rows } = await h.db.query("SELECT count(*)::int AS n FROM events WHERE partner_id = 'pt_rollback'");
    assert.equal(rows[0]?.n, 0);
  });
});

describe('event log under concurrent writers [postgres]', POSTGRES_URL ? {} : { skip: POSTGRES_SKIP }, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let server: RunningServer;
  before(async () => {
    database = await freshDatabase('postgres');
    server = await startServer({ port: 0, db: database.db, logger: false, rateLimit: false });
  });
  after(async () => {
    await server?.close();
    await database?.drop();
  });

  // PGlite runs one transaction at a time, so there no reader can overtake a writer.
  it('never lets a reader pass an event a running transaction will still commit', async () => {
    const admin = new Api(server.url, (await server.createAdminKey('events')).key);
    const db = database.db;
    await appendEventsNow(db, 'pt_first');
    const start = await admin.get('/v1/events?limit=200');
    const last = start.body.data.at(-1).id as string;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const begun = new Promise<void>((resolve) => {
      started = resolve;
    });
    // A slow writer: gets its transaction id first, then waits before committing its event.
    const slow = db.transaction(async (tx) => {
      await tx.query('SELECT pg_current_xact_id()');
      await appendEvents(tx, [{ type: 'partner.updated', partnerId: 'pt_slow', data: { slow: true } }], new Date());
      started();
      await gate;
    });
    await begun;
    await appendEventsNow(db, 'pt_fast');
    // A transaction of some other application on the same server holds nothing back.
    const foreign = new pg.Client({ connectionString: POSTGRES_URL });
    await foreign.connect();
    await foreign.query('BEGIN');
    await foreign.query('SELECT pg_current_xact_id()');
    try {
      const during = await admin.get(`/v1/events?after=${last}`);
      assert.deepEqual(during.body.data, [], 'the later event waits behind the running writer');
      release();
      await slow;
      const after = await admin.get(`/v1/events?after=${last}`);
      assert.deepEqual(after.body.data.map((e: { partnerId: string }) => e.partnerId), ['pt_slow', 'pt_fast']);
    } finally {
      release();
      await foreign.query('ROLLBACK');
      await foreign.end();
    }
  });
});

async function appendEventsNow(db: Database, partnerId: string): Promise<void> {
  await db.transaction((tx) => appendEvents(tx, [{ type: 'partner.updated', partnerId, data: {} }], new Date()));
}

it('generates the same data from the same seed, at scale, quickly enough for benchmarks', async () => {
  const first = await freshDatabase('pglite');
  const second = await freshDatabase('pglite');
  const one = first.db;
  const two = second.db;
  try {
    const options = { partners: 30, deals: 12_000, resources: 20, months: 24, seed: 7, asOf: '2026-06-15T00:00:00Z' };
    const report = await seedDatabase(one, options);
    await seedDatabase(two, options);
    assert.ok(report);
    assert.equal(report.measurements, 30 * 8 * 24);
    const dump = async (db: typeof one) =>
      JSON.stringify(
        await Promise.all([
          db.query('SELECT * FROM partners ORDER BY id'),
          db.query('SELECT id, number, status, customer, history, expires_at FROM deals ORDER BY id LIMIT 500'),
          db.query('SELECT md5(string_agg(id || status || customer_key, \',\' ORDER BY id)) AS h FROM deals'),
          db.query('SELECT * FROM measurements ORDER BY partner_id, kpi_id, period LIMIT 500'),
          db.query('SELECT * FROM resources ORDER BY id'),
        ]).then((parts) => parts.map((p) => p.rows)),
      );
    assert.equal(await dump(one), await dump(two));
    const { rows: statuses } = await one.query<{ status: string }>('SELECT DISTINCT status FROM deals ORDER BY status');
    assert.equal(statuses.length, 10, 'deals in every state');
    const { rows: types } = await one.query('SELECT DISTINCT type FROM partners');
    assert.equal(types.length, 7, 'partners of every type');
    const { rows: tiers } = await one.query('SELECT DISTINCT tier_id FROM partners');
    assert.equal(tiers.length, 4, 'across four tiers');
    const { rows: languages } = await one.query('SELECT DISTINCT language FROM resources ORDER BY language');
    assert.deepEqual(languages.map((r) => r.language), ['en', 'vi']);
    const { rows: due } = await one.query("SELECT count(*)::int AS n FROM deals WHERE status = 'approved' AND expires_at <= '2026-06-15T00:00:00Z'");
    assert.equal(due[0]?.n, 0, 'approved deals are still protected as of the seed date');
    await assert.rejects(seedDatabase(one, options), /already holds a programme/);
    assert.equal(await seedDatabase(one, options, { ifEmpty: true }), null);
  } finally {
    await first.drop();
    await second.drop();
  }
});
