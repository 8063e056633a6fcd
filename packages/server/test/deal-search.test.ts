/**
 * The deal list's text search and its trigram indexes (migration 0004): the indexes exist on
 * both drivers, answering through them gives exactly what reading every deal gives, and a
 * PostgreSQL role that may not create `pg_trgm` still migrates, searches correctly and is told why.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openDatabase, startServer, type Database, type LogEntry } from '../src/index.ts';
import { DEAL_SEARCH_TRIGRAMS_SETTING } from '../src/db/migrations/0004-deal-search-trigrams.ts';
import { createProgramme, dealBody } from './helpers/fixtures.ts';
import { POSTGRES_SKIP, POSTGRES_URL } from './helpers/databases.ts';
import { Api, type Harness, suite, unique } from './helpers/harness.ts';

/** The search condition of `GET /v1/deals?q=` (routes/deals.ts), with its pattern as `$1`. */
const SEARCH = `(customer->>'company' ILIKE $1 OR customer->>'domain' ILIKE $1 OR number ILIKE $1)`;

/** `text` as the route's LIKE pattern (db/sql.ts containsPattern). */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The matching deal ids, newest first, with only the plan `settings` allows; and that plan. */
async function searchWith(db: Database, settings: string, q: string): Promise<{ ids: string[]; plan: string }> {
  return db.transaction(async (tx) => {
    await tx.execute(settings);
    const sql = `SELECT id FROM deals WHERE ${SEARCH} ORDER BY seq DESC`;
    const { rows: plan } = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, [contains(q)]);
    const { rows } = await tx.query<{ id: string }>(sql, [contains(q)]);
    return { ids: rows.map((r) => r.id), plan: plan.map((r) => r['QUERY PLAN']).join('\n') };
  });
}

const SCAN_ONLY = 'SET LOCAL enable_bitmapscan = off; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off;';
const INDEX_ONLY = 'SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off;';

suite('deal search', (harness) => {
  let h: Harness;
  const tag = randomBytes(3).toString('hex');
  // Names that test case folding, Vietnamese letters, LIKE's special characters, short fragments.
  const customers = [
    { company: `Công ty TNHH Thương Mại Đông Á ${tag}`, domain: `dongA-${tag}.vn` },
    { company: `THƯƠNG MẠI SÀI GÒN ${tag}`, domain: `saigon-${tag}.com.vn` },
    { company: `Discount 100% Ltd ${tag}`, domain: `100-percent-${tag}.com` },
    { company: `Under_score Co ${tag}`, domain: `under_score-${tag}.io` },
    { company: `Back\\slash GmbH ${tag}`, domain: `backslash-${tag}.de` },
    { company: `Plain Logistics ${tag}`, domain: undefined },
    { company: `${unique('Tail')} ab ${tag}`, domain: `ab-${tag}.org` },
  ];
  const numbers: string[] = [];

  before(async () => {
    h = harness();
    await createProgramme(h);
    const partner = (await h.createPartner()).id;
    const api = await h.partner(partner);
    for (const customer of customers) {
      const body = dealBody();
      const reply = await api.post('/v1/deals', { ...body, customer: { ...(body.customer as object), ...customer } });
      assert.equal(reply.status, 201, reply.text);
      numbers.push(reply.body.number);
    }
  });

  it('has a trigram index on each searched expression after the migrations, and records nothing missing', async () => {
    const { rows } = await h.db.query<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'deals' AND indexname LIKE 'deals_search_%' ORDER BY indexname",
    );
    assert.deepEqual(rows.map((r) => r.indexname), ['deals_search_company', 'deals_search_domain', 'deals_search_number']);
    for (const row of rows) assert.match(row.indexdef, /USING gin \(.*gin_trgm_ops\)/);
    const { rows: missing } = await h.db.query('SELECT value FROM settings WHERE name = $1', [DEAL_SEARCH_TRIGRAMS_SETTING]);
    assert.deepEqual(missing, []);
    assert.equal(h.logs.filter((e) => e.msg === 'deal search without trigram indexes').length, 0);
  });

  it('answers through the indexes exactly what reading every deal answers, and the API agrees', async () => {
    const fragments = [
      'thương mại', 'THƯƠNG', 'công ty', 'đông á', 'sài gòn', '100%', '0%', '%', '_', 'under_s', 'r_s', '\\', 'back\\s', 'k\\s',
      'dongA', 'donga', '.com', 'ab', 'a', tag, tag.toUpperCase(), 'plain logistics', 'nothing-like-it', numbers[2]!, numbers[2]!.toLowerCase(), '-0',
    ];
    let matched = 0;
    for (const q of fragments) {
      const scan = await searchWith(h.db, SCAN_ONLY, q);
      const indexed = await searchWith(h.db, INDEX_ONLY, q);
      assert.doesNotMatch(scan.plan, /deals_search_/, `scan plan for ${q}`);
      assert.match(indexed.plan, /Bitmap Index Scan on deals_search_company/, `index plan for ${q}`);
      assert.deepEqual(indexed.ids, scan.ids, q);
      const api = await h.admin.get(`/v1/deals?limit=200&q=${encodeURIComponent(q)}`);
      assert.equal(api.status, 200, api.text);
      assert.deepEqual(api.body.data.map((d: { id: string }) => d.id), scan.ids.slice(0, 200), q);
      if (scan.ids.length > 0) matched += 1;
    }
    assert.ok(matched >= fragments.length - 1, 'every fragment but one finds deals');
    // The literal characters stay literal: `%` and `_` find only the names that hold them.
    const percent = await h.admin.get(`/v1/deals?limit=200&q=${encodeURIComponent('100%')}`);
    assert.deepEqual(percent.body.data.map((d: { customer: { company: string } }) => d.customer.company), [customers[2]!.company]);
    const underscore = await h.admin.get(`/v1/deals?limit=200&q=${encodeURIComponent(`r_s`)}`);
    assert.deepEqual(underscore.body.data.map((d: { customer: { company: string } }) => d.customer.company), [customers[3]!.company]);
  });
});

describe('deal search without pg_trgm [postgres]', POSTGRES_URL ? {} : { skip: POSTGRES_SKIP }, () => {
  // A role without CREATE on its database may not create even a trusted extension: the
  // migration must go on without the indexes, and say why.
  const suffix = randomBytes(5).toString('hex');
  const role = `pk_noext_${suffix}`;
  const database = `pk_test_noext_${suffix}`;
  const admin = () => new pg.Client({ connectionString: POSTGRES_URL });
  let db: Database | undefined;

  before(async () => {
    const client = admin();
    await client.connect();
    try {
      await client.query(`CREATE ROLE ${role} LOGIN`);
      await client.query(`CREATE DATABASE ${database}`);
    } finally {
      await client.end();
    }
    const url = new URL(POSTGRES_URL!);
    url.pathname = `/${database}`;
    const owner = new pg.Client({ connectionString: url.toString() });
    await owner.connect();
    try {
      // Tables in the public schema, nothing on the database itself.
      await owner.query(`GRANT CREATE, USAGE ON SCHEMA public TO ${role}`);
    } finally {
      await owner.end();
    }
    url.username = role;
    db = await openDatabase({ databaseUrl: url.toString() });
  });

  after(async () => {
    await db?.close();
    const client = admin();
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS ${role}`);
    } finally {
      await client.end();
    }
  });

  it('migrates without the indexes, records and logs why once per start, and still searches correctly', async () => {
    assert.ok(db);
    const { rows: versions } = await db.query<{ version: number }>('SELECT version FROM schema_migrations WHERE version = 4');
    assert.equal(versions.length, 1, 'migration 4 is recorded as applied');
    const { rows: indexes } = await db.query("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'deals_search_%'");
    assert.deepEqual(indexes, []);
    const { rows: extensions } = await db.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
    assert.deepEqual(extensions, []);
    const { rows: reason } = await db.query<{ value: string }>('SELECT value FROM settings WHERE name = $1', [DEAL_SEARCH_TRIGRAMS_SETTING]);
    assert.match(reason[0]?.value ?? '', /may not create the pg_trgm extension \(permission denied/);

    const logs: LogEntry[] = [];
    const server = await startServer({ db, port: 0, logger: (entry) => logs.push(entry), rateLimit: false, secret: 'x'.repeat(40) });
    try {
      const warnings = logs.filter((e) => e.msg === 'deal search without trigram indexes');
      assert.equal(warnings.length, 1);
      assert.equal(warnings[0]?.level, 'warn');
      assert.equal(warnings[0]?.reason, reason[0]?.value);
      const { key } = await server.createAdminKey('tests');
      const api = new Api(server.url, key);
      const partner = await api.post('/v1/partners', { name: unique('Partner'), type: 'reseller', status: 'active' });
      assert.equal(partner.status, 201, partner.text);
      const deal = await api.post('/v1/deals', { ...dealBody(), partnerId: partner.body.id });
      assert.equal(deal.status, 201, deal.text);
      const found = await api.get(`/v1/deals?q=${encodeURIComponent(deal.body.customer.company.slice(2, 10).toUpperCase())}`);
      assert.deepEqual(found.body.data.map((d: { id: string }) => d.id), [deal.body.id]);
      const byNumber = await api.get(`/v1/deals?q=${encodeURIComponent(deal.body.number)}`);
      assert.deepEqual(byNumber.body.data.map((d: { id: string }) => d.id), [deal.body.id]);
      assert.equal(logs.filter((e) => e.msg === 'deal search without trigram indexes').length, 1, 'searching logs nothing more');
    } finally {
      await server.close();
    }
  });
});
