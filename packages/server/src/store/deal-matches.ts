/**
 * `deal_matches`: the pairs of registrations core's `matchCustomers` says are the same customer,
 * recorded when the later of the two is written, so a vendor's deal list reads a page's possible
 * conflicts with one index lookup instead of matching hundreds of candidates on every read
 * (`possibleConflictsColumn` in `store/deals.ts`). Which pairs match is the domain's
 * (`domain/deal-conflicts.ts`); this is how they are found and written.
 * @module
 */
import { CUSTOMER_BLOCK_LOCK, type Queryable, type Transaction } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import type { CustomerIdentity } from './deals.js';

/**
 * How many of the newest earlier registrations sharing one blocking key a registration is
 * compared with: a name sharing its first letters with thousands of others costs a bounded
 * amount and is still compared through its last letters and its key.
 */
export const MATCH_CANDIDATES_PER_BLOCK = 1000;

/** A registration as matching reads it: its company and the keys stored with it. */
export interface MatchCandidate {
  seq: number;
  id: string;
  company: string;
  /** Its `customerKey()` and `companyNameKey()`, as stored. */
  key: string;
  nameKey: string;
}

/** Two registrations about the same customer, and the signal that says so. */
export interface DealMatch {
  deal: string;
  other: string;
  match: 'domain' | 'name';
}

/**
 * Serialises the registrations that share the customer key or a name blocking key with
 * `customer` until the transaction ends: only those can match each other, and each must see the
 * other's deal when it records its matches. Locks in one order (sorted), so two registrations
 * never wait for each other. Take it before anything else a registration writes.
 */
export async function lockCustomerBlocks(tx: Transaction, customer: Pick<CustomerIdentity, 'key' | 'nameHead' | 'nameTail'>): Promise<void> {
  const blocks = [...new Set([`k:${customer.key}`, `h:${customer.nameHead}`, `t:${customer.nameTail}`])].sort();
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext(b)) FROM unnest($2::text[]) WITH ORDINALITY AS u (b, i) ORDER BY i', [CUSTOMER_BLOCK_LOCK, blocks]);
}

/**
 * The registrations `customer` (deal `id`) is compared with: under its customer key, its name's
 * head or its name's tail, the newest {@link MATCH_CANDIDATES_PER_BLOCK} of each, any status (a
 * draft or a rejected deal may be active again later; reads keep the active ones).
 */
export async function matchCandidates(q: Queryable, id: string, customer: Pick<CustomerIdentity, 'key' | 'nameHead' | 'nameTail'>): Promise<MatchCandidate[]> {
  const select = `SELECT seq, id, customer->>'company' AS company, customer_key, name_key FROM deals`;
  const { rows } = await q.query<{ seq: string | number; id: string; company: string; customer_key: string; name_key: string }>(
    `(${select} WHERE customer_key = $2 AND id <> $1 ORDER BY seq DESC LIMIT ${MATCH_CANDIDATES_PER_BLOCK})
     UNION
     (${select} WHERE name_head = $3 AND id <> $1 ORDER BY seq DESC LIMIT ${MATCH_CANDIDATES_PER_BLOCK})
     UNION
     (${select} WHERE name_tail = $4 AND id <> $1 ORDER BY seq DESC LIMIT ${MATCH_CANDIDATES_PER_BLOCK})`,
    [id, customer.key, customer.nameHead, customer.nameTail],
  );
  return rows.map((r) => ({ seq: Number(r.seq), id: r.id, company: r.company, key: r.customer_key, nameKey: r.name_key }));
}

/** Records `matches` in both directions (a pair recorded already stays as it is). */
export async function insertDealMatches(q: Queryable, matches: readonly DealMatch[]): Promise<void> {
  if (matches.length === 0) return;
  const both = matches.flatMap((m) => [m, { deal: m.other, other: m.deal, match: m.match }]);
  await q.query(
    `INSERT INTO deal_matches (deal, other, match)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
    [both.map((m) => m.deal), both.map((m) => m.other), both.map((m) => m.match)],
  );
}

/** The blocking columns of `deals`, each with an index on it and `seq`. */
export const BLOCK_COLUMNS = ['customer_key', 'name_head', 'name_tail'] as const;

/**
 * One batch of the registrations of one blocking column in (block, seq) order after `after`,
 * for recording matches in bulk. With `fromSeq`, only the blocks that hold a registration from
 * that `seq` on.
 */
export async function blockBatch(
  q: Queryable,
  column: (typeof BLOCK_COLUMNS)[number],
  after: { block: string; seq: number } | null,
  fromSeq: number,
  limit: number,
): Promise<(MatchCandidate & { block: string })[]> {
  const sql = new SqlBuilder();
  if (after) sql.where(`(${column}, seq) > (${sql.param(after.block)}, ${sql.param(after.seq)})`);
  if (fromSeq > 0) sql.where(`${column} IN (SELECT ${column} FROM deals WHERE seq >= ${sql.param(fromSeq)})`);
  const { rows } = await q.query<{ seq: string | number; id: string; company: string; customer_key: string; name_key: string; block: string }>(
    `SELECT seq, id, customer->>'company' AS company, customer_key, name_key, ${column} AS block FROM deals
      ${sql.whereClause()} ORDER BY ${column}, seq LIMIT ${limit}`,
    sql.params,
  );
  return rows.map((r) => ({ seq: Number(r.seq), id: r.id, company: r.company, key: r.customer_key, nameKey: r.name_key, block: r.block }));
}
