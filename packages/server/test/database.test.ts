/**
 * The storage layer: migrations, the uniqueness rule, the secret, the event log under
 * concurrent writers, and the generated data.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import pg from 'pg';
import { ACTIVE_DEAL_STATUSES, companyNameKey } from '@partnerkit/core/rules';
import { type Database, migrate, openDatabase, SCHEMA_VERSION, seedDatabase } from '../src/index.ts';
import { loadSecret } from '../src/security/secret.ts';
import { ACTIVE_SQL } from '../src/store/deals.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { appendEvents } from '../src/store/events.ts';
import { createProgramme } from './helpers/fixtures.ts';
import { POSTGRES_SKIP, POSTGRES_URL } from './helpers/databases.ts';
import { Api, type Harness, serverOnFreshDatabase, suite } from './helpers/harness.ts';

it('the SQL active statuses are core\'s ACTIVE_DEAL_STATUSES, in the index too', () => {
  const listed = ACTIVE_SQL.replace(/[()' ]/g, '').split(',');
  assert.deepEqual([...listed].sort(), [...ACTIVE_DEAL_STATUSES].sort());
  const sql = MIGRATIONS.map((m) => m.sql).join('\n');
  // The deals' partial indexes (other tables, such as applications, have statuses of their own).
  const predicates = [...sql.matchAll(/ON deals\b[^;]*?WHERE status IN \(([^)]*)\)/g)].map((m) => m[1]?.replace(/[' ]/g, '').split(',').sort());
  assert.ok(predicates.length >= 3);
  for (const predicate of predicates) assert.deepEqual(predicate, [...ACTIVE_DEAL_STATUSES].sort());
});

it('keys existing deals by company name when upgrading to the name rule (migration 5)', async () => {
  const db = await openDatabase({ memory: true }, { migrate: false });
  try {
    await migrate(db, MIGRATIONS.filter((m) => m.version <= 4));
    await db.query(`INSERT INTO partners (id, name, type, status, domains, created_at, updated_at, tier_since) VALUES ('pt_up', 'Up', 'reseller', 'active', '[]', now(), now(), now())`);
    const companies = ['Công ty TNHH Phần mềm Á Châu', 'Omega Robotics Pte. Ltd.', '!!!'];
    for (const [i, company] of companies.entries()) {
      await db.query(
        `INSERT INTO deals (id, number, partner_id, status, type, customer, customer_key, name_head, name_tail, contact, products, submitted_by, history, created_at, updated_at)
         VALUES ($1, $2, 'pt_up', 'submitted', 'resell', $3::jsonb, $4, '', '', '{}', '[]', '{}', '[]', now(), now())`,
        [`dl_up${i}`, `DR-UP${i}`, JSON.stringify({ company }), `n:${i}`],
      );
    }
    assert.deepEqual((await migrate(db)).applied, MIGRATIONS.filter((m) => m.version > 4).map((m) => m.version));
    const { rows } = await db.query<{ name_key: string }>('SELECT name_key FROM deals ORDER BY id');
    assert.deepEqual(rows.map((r) => r.name_key), companies.map(companyNameKey));
    assert.deepEqual(rows.map((r) => r.name_key), ['phan mem a chau', 'omega robotics', '!!!']);
  } finally {
    await db.close();
  }
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
    for (const index of ['deals_one_active_per_customer', 'deals_by_partner_status', 'deals_by_partner', 'deals_protection_end', 'deals_by_name_head', 'deals_by_name_tail', 'deals_by_customer_key', 'deal_matches_pkey', 'measurements_pkey', 'events_in_order', 'idempotency_keys_pkey']) {
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
  it('generates the same realistic data from the same seed (runs last: it empties the database)', async () => {
    // Every table but the migrations' record and the server's own (its keys and settings), and every
    // sequence: tables later parts add are emptied too.
    const empty = async () => {
      const { rows } = await h.db.query<{ tables: string; sequences: string }>(
        `SELECT (SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables
                  WHERE schemaname = current_schema() AND tablename NOT IN ('schema_migrations', 'api_keys', 'settings')) AS tables,
                (SELECT string_agg(format('ALTER SEQUENCE %I RESTART', sequencename), '; ') FROM pg_sequences WHERE schemaname = current_schema()) AS sequences`,
      );
      await h.db.execute(`TRUNCATE ${rows[0]?.tables} RESTART IDENTITY CASCADE; ${rows[0]?.sequences}; DELETE FROM settings WHERE name = 'seed'`);
    };
    const dump = async () =>
      JSON.stringify(
        (
          await Promise.all([
            h.db.query('SELECT * FROM partners ORDER BY id'),
            h.db.query('SELECT * FROM deals ORDER BY id LIMIT 300'),
            h.db.query("SELECT md5(string_agg(id || status || customer_key || history::text, ',' ORDER BY id)) AS h FROM deals"),
            h.db.query("SELECT md5(string_agg(partner_id || kpi_id || period || value::text, ',' ORDER BY partner_id, kpi_id, period)) AS h FROM measurements"),
            h.db.query('SELECT * FROM resources ORDER BY id'),
            h.db.query('SELECT p.*, (SELECT json_agg(o ORDER BY o.seq) FROM plan_objectives o WHERE o.plan_id = p.id) AS objectives FROM plans p ORDER BY id'),
            h.db.query('SELECT * FROM targets ORDER BY partner_id, kpi_id, period'),
            h.db.query('SELECT * FROM courses ORDER BY id'),
            h.db.query('SELECT * FROM people ORDER BY id'),
            h.db.query('SELECT * FROM certificates ORDER BY id'),
            h.db.query('SELECT * FROM enrolments ORDER BY id'),
            h.db.query('SELECT id, content_hash, effective_at FROM agreement_versions ORDER BY id'),
            h.db.query('SELECT id, partner_id, version_id, accepted_by, accepted_at, expires_at FROM acceptances ORDER BY id'),
          ])
        ).map((p) => p.rows),
      );
    const options = { partners: 30, deals: 3000, resources: 20, months: 24, seed: 7, asOf: '2026-06-15T00:00:00Z' };
    await empty();
    const report = await seedDatabase(h.db, options);
    assert.ok(report);
    assert.equal(report.measurements, 30 * 7 * 24, 'eight KPIs but certified staff, which is computed');
    assert.equal(report.agreements, 2, 'the programme agreement and the brand terms');
    assert.ok(report.acceptances > 0, 'accepted by the active partners');
    assert.equal(report.plans, 30, 'a plan per partner');
    const first = await dump();
    await empty();
    await seedDatabase(h.db, options);
    assert.equal(await dump(), first, 'the same seed gives the same data');
    const count = async (sql: string) => (await h.db.query<{ n: number }>(sql)).rows[0]?.n;
    assert.equal(await count('SELECT count(DISTINCT status)::int AS n FROM deals'), 10, 'deals in every state');
    assert.equal(await count('SELECT count(DISTINCT type)::int AS n FROM partners'), 7, 'partners of every type');
    assert.equal(await count('SELECT count(DISTINCT tier_id)::int AS n FROM partners'), 4, 'across four tiers');
    assert.equal(await count("SELECT count(DISTINCT language)::int AS n FROM resources WHERE language IN ('en', 'vi')"), 2);
    assert.equal(await count("SELECT count(*)::int AS n FROM deals WHERE status = 'approved' AND expires_at <= '2026-06-15T00:00:00Z'"), 0, 'approved deals are still protected on the seed date');
    assert.equal(await count("SELECT count(DISTINCT period)::int AS n FROM measurements"), 24);
    assert.equal(await count("SELECT last_value::int AS n FROM deal_numbers"), 3000);
    assert.equal(await count("SELECT count(DISTINCT language)::int AS n FROM courses"), 2, 'a catalogue in English and Vietnamese');
    assert.ok((await count("SELECT count(*)::int AS n FROM certificates WHERE expires_at > '2026-06-15T00:00:00Z' AND expires_at <= '2026-08-14T00:00:00Z'"))! > 0, 'certificates expiring within 60 days');
    await assert.rejects(seedDatabase(h.db, options), /already holds a programme/);
    assert.equal(await seedDatabase(h.db, options, { ifEmpty: true }), null);
    // The seeded programme serves: a seeded partner's scorecard computes.
    const partner = await h.partner('pt_0004');
    const scorecard = await partner.get('/v1/partners/pt_0004/scorecard?period=2026-Q1');
    assert.equal(scorecard.status, 200, scorecard.text);
    assert.equal(scorecard.body.tier.current.id, 'tier_platinum');
    assert.equal(scorecard.body.rows.length, 8);
    // Every name and description of the programme reads in Vietnamese too, and each resource in its other language.
    const viMissing = await count(`SELECT (
        (SELECT count(*) FROM tiers WHERE translations->'vi'->>'name' IS NULL)
      + (SELECT count(*) FROM tiers, jsonb_array_elements(benefits) AS b WHERE b->'translations'->'vi'->>'label' IS NULL
           OR (b ? 'value' AND b->'translations'->'vi'->>'value' IS NULL))
      + (SELECT count(*) FROM kpis WHERE translations->'vi'->>'name' IS NULL OR translations->'vi'->>'description' IS NULL)
      + (SELECT count(*) FROM resources WHERE translations->(CASE language WHEN 'vi' THEN 'en' ELSE 'vi' END)->>'title' IS NULL
           OR translations->(CASE language WHEN 'vi' THEN 'en' ELSE 'vi' END)->>'description' IS NULL))::int AS n`);
    assert.equal(viMissing, 0, 'the seed translates all of its programme data');
    assert.equal(scorecard.body.tier.current.translations.vi.name, 'Bạch kim');
    // Each partner's joint business plan for the half, in its language, with progress computed from the seeded numbers.
    assert.equal(await count("SELECT count(DISTINCT status)::int AS n FROM plans WHERE period = '2026-H1'"), 3, 'plans agreed, proposed and draft');
    assert.equal(await count('SELECT count(*)::int AS n FROM plan_revisions'), await count("SELECT count(*)::int AS n FROM plans WHERE status = 'agreed' OR revision = 2"));
    const vietnamese = await partner.get('/v1/partners/pt_0004/plans/2026-H1');
    assert.equal(vietnamese.status, 200, vietnamese.text);
    const plan = (await h.admin.get('/v1/partners/pt_0001/plans/2026-H1')).body;
    assert.match(plan.title, /^Kế hoạch tăng trưởng nửa đầu năm 2026/);
    assert.equal(plan.status, 'agreed');
    assert.ok(plan.objectives.find((o: { kind: string; progress: { actual: number | null } }) => o.kind === 'measured' && o.progress.actual !== null), 'a measured objective has numbers');
    assert.match((await h.admin.get('/v1/partners/pt_0003/plans/2026-H1')).body.title, /^Growth plan, first half of 2026/);
  });
});

describe('event log under concurrent writers [postgres]', POSTGRES_URL ? {} : { skip: POSTGRES_SKIP }, () => {
  const running = serverOnFreshDatabase('postgres');

  // PGlite runs one transaction at a time, so there no reader can overtake a writer.
  it('never lets a reader pass an event a running transaction will still commit', async () => {
    const { server, database } = running();
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

describe('connections ended by PostgreSQL [postgres]', POSTGRES_URL ? {} : { skip: POSTGRES_SKIP }, () => {
  const running = serverOnFreshDatabase('postgres');

  it('survives a restart or pg_terminate_backend of every connection', async () => {
    const { server, database } = running();
    const admin = new Api(server.url, (await server.createAdminKey('terminate')).key);
    await Promise.all([admin.get('/v1/tiers'), admin.get('/v1/kpis'), admin.get('/v1/partners')]);
    // One connection is checked out (a transaction in progress, its first statement done) when
    // the server ends it. The connection is only ended once the transaction is that far: ended
    // earlier (a slow event loop under CPU load gets there late), the first statement fails
    // instead, before anything waits for the outcome, and no longer tests what is meant.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let begun!: () => void;
    const inTransaction = new Promise<void>((resolve) => {
      begun = resolve;
    });
    let statements = 0;
    const busy = database.db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      statements += 1;
      begun();
      await gate;
      await tx.query('SELECT 1');
      statements += 1;
    });
    // Observed from the start, so its failure is never an unhandled rejection, whenever it comes.
    const outcome = busy.then(
      () => null,
      (error: unknown) => error,
    );
    const early = await Promise.race([inTransaction.then(() => null), outcome]);
    assert.equal(early, null, 'the transaction reached its wait before the connection was ended');
    const killer = new pg.Client({ connectionString: database.databaseUrl as string });
    await killer.connect();
    await killer.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    await killer.end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    const failure = await outcome;
    assert.ok(failure instanceof Error, 'the transaction on the ended connection fails');
    assert.equal(statements, 1, 'at its first statement after the end');
    const replies = [];
    for (let i = 0; i < 3; i += 1) replies.push((await admin.get('/v1/tiers')).status);
    assert.equal(replies.at(-1), 200, `the server recovered: ${replies.join(', ')}`);
  });
});

async function appendEventsNow(db: Database, partnerId: string): Promise<void> {
  await db.transaction((tx) => appendEvents(tx, [{ type: 'partner.updated', partnerId, data: {} }], new Date()));
}
