/**
 * Data for the server benchmarks, in the server's own schema: the programme, partners and 24
 * months of measurements from the server's `seedDatabase`, then deals in bulk, one
 * `INSERT ... SELECT FROM generate_series` per step, so a million take seconds rather than the
 * minutes row-by-row inserts would. Every generated deal is what the server itself would store:
 * the customer key and name blocking keys follow the server's `customerIdentity` (a sample is
 * checked against it after each step), and their possible conflicts are recorded by the server's
 * own bulk matching.
 * @module
 */
import type { Database, Queryable } from '@partnerkit/server';
import { seedDatabase } from '@partnerkit/server';
import { customerIdentity, dealFromRow, type DealRow, dealNumber, recordDealMatchesInBulk } from '@partnerkit/server/testing';
import * as z from 'zod/mini';
import { Deal } from '@partnerkit/core/schemas';

/**
 * The day the data is "as of": the start of today (UTC). Dates are relative to it, so approved
 * deals are still protected while the run reads them (an expired protection would make the
 * first read of a stage expire thousands of deals) and the last complete quarter holds data.
 */
export const asOfToday = (): Date => new Date(new Date().toISOString().slice(0, 10));

/** Two-letter syllables: company names of five draw 30^5 (24 million) different letter strings. */
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'su', 'te', 'vi', 'no', 'da', 'ze', 'bo', 'fe', 'gu', 'ha', 'ji', 'ku', 'le', 'mo', 'ni', 'po', 'ri', 'sa', 'tu', 've', 'wa', 'xi', 'yo', 'zu', 'be', 'co'];
const FORMS = ['Ltd', 'JSC', 'Co., Ltd', 'GmbH', 'Inc.', 'Pte. Ltd.'];

/** The id of bench partner `n` (1-based), as the server's seed names partners. */
export const partnerId = (n: number) => `pt_${String(n).padStart(4, '0')}`;

/** The bench programme: tiers, eight KPIs, `partners` partners with `months` months of measurements each, no deals. */
export async function seedProgramme(db: Database, partners: number, asOf: Date, months = 24): Promise<void> {
  await seedDatabase(db, { partners, deals: 0, resources: 40, months, seed: 7, asOf });
}

/** The customer the SQL below makes for deal number `n`: new registrations use numbers past the seeded ones. */
export function companyFor(n: number): { company: string; domain: string } {
  const h = Number((BigInt(n) * 2_654_435_761n) % 4_294_967_296n);
  const s = (k: number) => SYLLABLES[Math.floor(h / 30 ** k) % 30]!;
  const w1 = `${s(0)}${s(1)}${s(2)}`;
  const w2 = `${s(3)}${s(4)}`;
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  return { company: `${cap(w1)} ${cap(w2)} ${FORMS[n % FORMS.length]}`, domain: `${w1}${w2}${n}.com` };
}

/**
 * Adds deals `from..to` (inclusive; they become numbers `DR-<n>`), spread over `partners`
 * partners. Statuses follow the server seed's mix (about 40 % active, i.e. holding their
 * customer); approved deals were approved in the last 50 days, so their 90-day protection holds.
 */
export async function addDeals(db: Database, from: number, to: number, partners: number, asOf: Date): Promise<void> {
  if (to < from) return;
  // Many rows at once: insert without the indexes, then build each index in one sorted pass.
  await (to - from > 20_000 ? withIndexesRebuilt : (d: Database, work: (q: Queryable) => Promise<void>) => work(d))(db, async (q) => {
    await insertDeals(q, from, to, partners, asOf);
  });
  // Their possible conflicts, as the server records them for registrations (core's matching).
  const { rows } = await db.query<{ seq: string }>('SELECT min(seq) AS seq FROM deals WHERE id = $1', [`dl_b${String(from).padStart(8, '0')}`]);
  await recordDealMatchesInBulk(db, Number(rows[0]?.seq));
  // Registrations made by the server continue the numbering after the seeded deals.
  await db.query(`SELECT setval('deal_numbers', GREATEST($1::bigint, (SELECT last_value FROM deal_numbers WHERE is_called)))`, [to]);
}

/**
 * Runs `work` in one transaction with the deals table's indexes and unique constraints dropped,
 * then recreates them from their own definitions (read from the catalogue, so the schema ends
 * exactly as the migrations made it; a check compares the definitions before and after).
 */
async function withIndexesRebuilt(db: Database, work: (q: Queryable) => Promise<void>): Promise<void> {
  const definitions = async (q: Queryable) =>
    (
      await q.query<{ name: string; definition: string; constraint: boolean }>(
        `SELECT c.conname AS name, 'ALTER TABLE deals ADD CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid) AS definition, true AS constraint
           FROM pg_constraint c WHERE c.conrelid = 'deals'::regclass AND c.contype IN ('p', 'u')
         UNION ALL
         SELECT i.indexname, i.indexdef, false FROM pg_indexes i
          WHERE i.tablename = 'deals' AND i.schemaname = current_schema()
            AND i.indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'deals'::regclass)
         ORDER BY 1`,
      )
    ).rows;
  await db.transaction(async (tx) => {
    await tx.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const before = await definitions(tx);
    for (const d of before) await tx.query(d.constraint ? `ALTER TABLE deals DROP CONSTRAINT ${d.name}` : `DROP INDEX ${d.name}`);
    await work(tx);
    for (const d of before) await tx.query(d.definition);
    const after = await definitions(tx);
    if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('bench seed: the deals indexes changed while rebuilding them');
  });
}

async function insertDeals(db: Queryable, from: number, to: number, partners: number, asOf: Date): Promise<void> {
  await db.query(
    `WITH s AS (SELECT $3::text[] AS syl, $4::text[] AS forms, $5::timestamptz AS as_of),
     g AS (
       SELECT n, (n::bigint * 2654435761) % 4294967296 AS h,
         (ARRAY['draft','submitted','submitted','under_review','needs_info','approved','approved','approved','approved','rejected','won','won','won','lost','lost','expired','expired','withdrawn'])[1 + (n * 7) % 18] AS status
       FROM generate_series($1::int, $2::int) AS n
     ),
     w AS (
       SELECT g.*, s.as_of,
         syl[1 + (h % 30)::int] || syl[1 + (h / 30 % 30)::int] || syl[1 + (h / 900 % 30)::int] AS w1,
         syl[1 + (h / 27000 % 30)::int] || syl[1 + (h / 810000 % 30)::int] AS w2,
         forms[1 + n % array_length(forms, 1)] AS form,
         -- Open and approved deals are recent; closed ones reach back two years.
         s.as_of - (CASE WHEN status = 'approved' THEN 3 + n % 50
                         WHEN status IN ('draft', 'submitted', 'under_review', 'needs_info') THEN n % 40
                         ELSE 40 + n % 660 END || ' days')::interval AS created
       FROM g, s
     )
     INSERT INTO deals (id, number, partner_id, status, type, customer, customer_key, name_key, name_head, name_tail, contact, products, amount,
       expected_close_date, stage, description, submitted_by, submitted_at, approved_at, expires_at, extensions, approved_by,
       reason_code, reason, history, created_at, updated_at)
     SELECT
       'dl_b' || lpad(n::text, 8, '0'),
       'DR-' || lpad(n::text, greatest(6, length(n::text)), '0'),
       'pt_' || lpad((1 + n % $6::int)::text, 4, '0'),
       status,
       (ARRAY['resell','resell','resell','referral','co_sell'])[1 + n % 5],
       jsonb_build_object('company', initcap(w1) || ' ' || initcap(w2) || ' ' || form, 'domain', w1 || w2 || n || '.com', 'country', 'VN', 'region', 'APAC', 'industry', 'Logistics'),
       'd:' || w1 || w2 || n || '.com',
       w1 || ' ' || w2,
       left(w1 || w2, 6),
       right(w1 || w2, 6),
       jsonb_build_object('name', 'Minh Tran', 'email', 'it@' || w1 || w2 || '.com', 'phone', null, 'title', 'Head of IT'),
       '["Cloud Suite"]'::jsonb,
       jsonb_build_object('amount', 100000 * (1 + n % 2000), 'currency', 'USD'),
       to_char(created + interval '90 days', 'YYYY-MM-DD'),
       CASE WHEN status = 'draft' THEN NULL ELSE 'Qualification' END,
       NULL,
       jsonb_build_object('id', 'pt_user', 'name', 'Lan Nguyen', 'email', 'lan@partner.example'),
       CASE WHEN status = 'draft' THEN NULL ELSE created END,
       CASE WHEN status IN ('approved','won','lost','expired') THEN created + interval '2 days' END,
       CASE WHEN status IN ('approved','won','lost') THEN created + interval '92 days'
            WHEN status = 'expired' THEN created + interval '62 days' END,
       0,
       CASE WHEN status IN ('approved','won','lost','expired') THEN '{"id":"mgr_linh","name":"Linh"}'::jsonb END,
       CASE WHEN status = 'rejected' THEN 'not_qualified' END,
       CASE WHEN status IN ('rejected','withdrawn','lost') THEN 'Generated for the benchmark' END,
       jsonb_build_array(jsonb_build_object('at', to_char(created AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'from', null, 'to', 'submitted', 'by', jsonb_build_object('role', 'partner', 'id', 'pt_user', 'name', 'Lan Nguyen'), 'reason', null, 'reasonCode', null)),
       created,
       created
     FROM w`,
    [from, to, SYLLABLES, FORMS, asOf, partners],
  );
}

/**
 * Checks `count` deals spread over `from..to`: each, as the server presents it, satisfies the
 * contract, and its stored customer key and blocking keys are what the server's
 * `customerIdentity` computes for its customer.
 */
export async function checkDeals(db: Database, from: number, to: number, count = 50): Promise<void> {
  const numbers = Array.from({ length: count }, (_, i) => dealNumber(from + Math.floor((i * (to - from)) / Math.max(1, count - 1))));
  const { rows } = await db.query<DealRow & { customer: { company: string; domain: string }; customer_key: string; name_key: string; name_head: string; name_tail: string }>(
    'SELECT * FROM deals WHERE number = ANY($1::text[])',
    [numbers],
  );
  if (rows.length !== new Set(numbers).size) throw new Error(`bench seed: found ${rows.length} of ${new Set(numbers).size} sampled deals`);
  for (const row of rows) {
    // What the API will answer for this row must satisfy the contract.
    const parsed = z.safeParse(Deal, dealFromRow(row));
    if (!parsed.success) throw new Error(`bench seed: ${row.number} breaks the contract: ${JSON.stringify(parsed.error.issues.slice(0, 2))}`);
    const identity = customerIdentity(row.customer);
    const stored = { key: row.customer_key, nameKey: row.name_key, nameHead: row.name_head, nameTail: row.name_tail };
    if (JSON.stringify(identity) !== JSON.stringify(stored)) {
      throw new Error(`bench seed: ${row.number} stored ${JSON.stringify(stored)}, the server computes ${JSON.stringify(identity)}`);
    }
  }
}

