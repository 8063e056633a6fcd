/**
 * Seeding lands whole or is finished later: a seed stopped after some of its deals is resumed
 * by running it again (the same data as an uninterrupted one), and any number of servers started
 * together with `--seed demo` on one empty database seed it once.
 */
import assert from 'node:assert/strict';
import { DEMO_APPLICATIONS } from '@partnerkit/core/demo';
import { describe, it } from 'node:test';
import { runCli } from '../src/cli/main.ts';
import { type Database, type RunningServer, seedDatabase, type SeedOptions, startServer } from '../src/index.ts';
import { drivers, emptyPostgresDatabase, freshDatabase, POSTGRES_SKIP, POSTGRES_URL } from './helpers/databases.ts';
import { suite } from './helpers/harness.ts';

/** A seed that dies once its first batch of deals (10 000) is committed, as `kill -9` would. */
class Killed extends Error {}
const killedAfterFirstBatch = (options: SeedOptions): SeedOptions => ({
  ...options,
  onProgress: (line) => {
    if (/^seed: 10000 of /.test(line)) throw new Killed(line);
  },
});

/** Every table but the migrations' record and every sequence emptied, so what later parts add is emptied too. */
async function empty(db: Database): Promise<void> {
  const { rows } = await db.query<{ tables: string; sequences: string }>(
    `SELECT (SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations') AS tables,
            (SELECT string_agg(format('ALTER SEQUENCE %I RESTART', sequencename), '; ') FROM pg_sequences WHERE schemaname = current_schema()) AS sequences`,
  );
  await db.execute(`TRUNCATE ${rows[0]?.tables} RESTART IDENTITY CASCADE; ${rows[0]?.sequences}`);
}

async function digest(db: Database): Promise<string> {
  const { rows } = await db.query(`SELECT
      (SELECT md5(string_agg(id || number || partner_id || status || customer_key || history::text || created_at::text, ',' ORDER BY id)) FROM deals) AS deals,
      (SELECT md5(string_agg(id || name || tier_id || tier_since::text, ',' ORDER BY id)) FROM partners WHERE id NOT IN (SELECT partner_id FROM applications WHERE partner_id IS NOT NULL)) AS partners,
      (SELECT md5(string_agg(number || status || company::text || evaluation_count::text, ',' ORDER BY number)) FROM applications) AS applications,
      (SELECT md5(string_agg(partner_id || kpi_id || period || value::text, ',' ORDER BY partner_id, kpi_id, period)) FROM measurements) AS measurements,
      (SELECT md5(string_agg(id || title, ',' ORDER BY id)) FROM resources) AS resources,
      (SELECT md5(string_agg(id || person_id || issued_at::text || coalesce(expires_at::text, ''), ',' ORDER BY id)) FROM certificates) AS certificates,
      (SELECT md5(string_agg(id || title || audience::text || published::text, ',' ORDER BY id)) FROM announcements) AS announcements,
      (SELECT md5(string_agg(id || number || status || history::text, ',' ORDER BY id)) FROM requests) AS requests,
      (SELECT last_value FROM deal_numbers) AS numbers`);
  return JSON.stringify(rows[0]);
}

/** Partners the demo's approved applications create. */
const APPROVED = DEMO_APPLICATIONS.filter((a) => a.steps.some((s) => 'to' in s && s.to === 'approved')).length;

const count = async (db: Database, table: string) => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n);

suite('seed', (harness) => {
  const options: SeedOptions = { partners: 12, deals: 12_000, resources: 4, months: 3, seed: 11, asOf: '2026-06-15T00:00:00Z' };

  it('finishes a seed that was stopped after its first batch of deals: the same data as an uninterrupted one', async () => {
    const { db } = harness();
    await empty(db);
    const whole = await seedDatabase(db, options);
    assert.equal(whole?.outcome, 'seeded');
    assert.equal(whole?.dealsWritten, 12_000);
    const expected = await digest(db);

    await empty(db);
    await assert.rejects(seedDatabase(db, killedAfterFirstBatch(options)), Killed);
    assert.equal(await count(db, 'partners'), 12 + APPROVED, 'the programme landed whole, with the partners recruitment approved');
    assert.equal(await count(db, 'applications'), DEMO_APPLICATIONS.length);
    assert.equal(await count(db, 'deals'), 10_000, 'and the first batch of deals');
    await assert.rejects(seedDatabase(db, { ...options, deals: 40_000 }), /unfinished seed \(12 partners, 12000 deals.*deals 40000 \(recorded: 12000\).*seed --resume/);

    const lines: string[] = [];
    const resumed = await seedDatabase(db, { ...options, onProgress: (line) => lines.push(line) });
    assert.equal(resumed?.outcome, 'resumed');
    assert.equal(resumed?.dealsWritten, 2_000);
    assert.ok(lines.some((line) => line.startsWith('seed: finishing an unfinished seed')), lines.join('\n'));
    assert.equal(await digest(db), expected, 'the resumed seed wrote what an uninterrupted one writes');
    await assert.rejects(seedDatabase(db, options), /already holds a programme/);
    await assert.rejects(seedDatabase(db, options, { resume: true }), /nothing to resume/);
    assert.equal(await seedDatabase(db, options, { ifEmpty: true }), null);
  });

  it('seeds announcements in English and Vietnamese and requests in every status, and numbers new requests after them', async () => {
    const { db } = harness();
    await empty(db);
    const report = await seedDatabase(db, options);
    assert.equal(report?.announcements, await count(db, 'announcements'));
    assert.equal(report?.requests, await count(db, 'requests'));
    const { rows: statuses } = await db.query<{ status: string }>('SELECT DISTINCT status FROM requests ORDER BY status');
    assert.deepEqual(statuses.map((r) => r.status), ['closed', 'open', 'resolved', 'waiting_on_partner', 'waiting_on_vendor']);
    const { rows: languages } = await db.query<{ tags: string }>(`SELECT string_agg(DISTINCT t.tag, ',' ORDER BY t.tag) AS tags FROM announcements, jsonb_object_keys(translations) AS t(tag)`);
    assert.equal(languages[0]?.tags, 'en,vi', 'each written in one language, translated into the other');
    assert.ok((await count(db, 'announcement_reads')) > 0);
    assert.ok((await count(db, 'request_messages')) > (await count(db, 'requests')));
    const { rows: next } = await db.query<{ n: string }>(`SELECT nextval('request_numbers')::text AS n`);
    assert.equal(Number(next[0]?.n), (report?.requests ?? 0) + 1);
  });

});

for (const driver of drivers()) {
  describe(`seed from the command line [${driver.name}]`, driver.skip ? { skip: driver.skip } : {}, () => {
    it('finishes a stopped seed when run again with the same options, and says so', async () => {
      const database = await freshDatabase(driver.name);
      const where = database.dataDir !== null ? ['--data-dir', database.dataDir] : ['--database-url', database.databaseUrl as string];
      try {
        const options: SeedOptions = { partners: 10, deals: 11_000, resources: 2, months: 2, seed: 5, asOf: '2026-03-31' };
        await assert.rejects(seedDatabase(database.db, killedAfterFirstBatch(options)), Killed);
        await database.db.close();
        const flags = ['--partners', '10', '--deals', '11000', '--resources', '2', '--months', '2', '--seed', '5', '--as-of', '2026-03-31'];
        const again = await cli(['seed', ...flags, ...where]);
        assert.equal(again.code, 0, again.stderr);
        assert.match(again.stderr, /finished an unfinished seed: wrote 1000 of 11000 deals, the rest were there/);
        assert.equal(JSON.parse(again.stdout).outcome, 'resumed');
        const nothing = await cli(['seed', '--resume', ...where]);
        assert.equal(nothing.code, 1);
        assert.match(nothing.stderr, /nothing to resume/);
      } finally {
        await database.drop();
      }
    });
  });
}

describe('servers started together on one empty database [postgres]', POSTGRES_URL ? {} : { skip: POSTGRES_SKIP }, () => {
  it('migrate and seed it once, however many start at the same moment', async () => {
    const database = await emptyPostgresDatabase();
    const servers: RunningServer[] = [];
    try {
      const started = await Promise.allSettled(
        Array.from({ length: 3 }, () => startServer({ databaseUrl: database.databaseUrl, seed: 'demo', port: 0, logger: false, rateLimit: false })),
      );
      for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
      assert.deepEqual(started.map((r) => (r.status === 'rejected' ? String(r.reason) : 'started')), ['started', 'started', 'started']);
      const outcomes = servers.map((s) => s.seeded?.outcome ?? 'left alone');
      assert.equal(outcomes.filter((o) => o === 'seeded').length, 1, outcomes.join(', '));
      const db = servers[0]?.db as Database;
      assert.equal(await count(db, 'tiers'), 4);
      assert.equal(await count(db, 'partners'), 24 + APPROVED);
      assert.equal(await count(db, 'applications'), DEMO_APPLICATIONS.length, 'recruitment seeded once');
      assert.equal(await count(db, 'deals'), 400);
      assert.equal(servers.reduce((sum, s) => sum + (s.seeded?.dealsWritten ?? 0), 0), 400, 'every deal written once');
    } finally {
      for (const server of servers) await server.close();
      await database.drop();
    }
  });
});

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { env: {}, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}
