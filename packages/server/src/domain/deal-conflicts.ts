/**
 * Who holds a customer, and which registrations look like the same customer. Matching itself
 * is core's (`customerKey`, `matchCustomers`); this module only finds the candidates through
 * the indexes.
 * @module
 */
import { conflictReasonOf, matchCustomers } from '@partnerkit/core/rules';
import type { ConflictReason, Deal, DealCustomer } from '@partnerkit/core/schemas';
import type { Queryable, Row } from '../db/database.js';
import { toIsoOrNull } from '../db/database.js';
import { ACTIVE_SQL, mapDeal } from '../store/deals.js';

/**
 * Why a new active registration of the customer `key` would be refused, as the reason code
 * alone: `own_registration` when the caller's partner holds it, `protected` when an approved
 * registration protects it, else `already_registered`; null when nobody holds it.
 */
export async function conflictReason(q: Queryable, key: string, callerPartnerId: string | null, now: Date): Promise<ConflictReason | null> {
  const { rows } = await q.query(`SELECT partner_id, status, expires_at FROM deals WHERE customer_key = $1 AND status IN ${ACTIVE_SQL} LIMIT 1`, [key]);
  const holder = rows[0];
  if (!holder) return null;
  return conflictReasonOf({ partnerId: holder.partner_id as string, status: holder.status as Deal['status'], expiresAt: toIsoOrNull(holder.expires_at) }, callerPartnerId, now);
}

/**
 * Most candidates read per deal and name blocking key (the oldest registrations first), so a
 * name sharing its head with thousands of others costs a bounded amount and is still matched
 * through its tail.
 */
const CANDIDATES_PER_KEY = 1000;

/** One blocking key's candidates for the page deal `p`, oldest first, through its `(key, seq)` index. */
const byBlockingKey = (column: 'name_head' | 'name_tail', value: string) =>
  `(SELECT seq, id, number, customer FROM deals
     WHERE status IN ${ACTIVE_SQL} AND ${column} = ${value}
     ORDER BY seq LIMIT ${CANDIDATES_PER_KEY})`;

/**
 * The deals of `rows` with `possibleConflicts`: other active registrations that core's
 * `matchCustomers` says are the same customer, oldest registration first. Each deal is compared
 * only with its own candidates (the holder of its exact key, and the deals sharing a name
 * blocking key with it), read for the whole page in one query. For vendor principals only.
 */
export async function withPossibleConflicts(q: Queryable, rows: readonly Row[]): Promise<Deal[]> {
  const deals = rows.map(mapDeal);
  if (rows.length === 0) return deals;
  const column = (name: string) => rows.map((r) => r[name] as string);
  const { rows: candidates } = await q.query(
    `SELECT page.ord, c.seq, c.id, c.number, c.customer
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS page (id, customer_key, name_head, name_tail, ord)
       CROSS JOIN LATERAL (
         (SELECT seq, id, number, customer FROM deals WHERE status IN ${ACTIVE_SQL} AND customer_key = page.customer_key)
         UNION ALL ${byBlockingKey('name_head', 'page.name_head')}
         UNION ALL ${byBlockingKey('name_tail', 'page.name_tail')}
       ) AS c
      WHERE c.id <> page.id
      ORDER BY page.ord, c.seq`,
    [column('id'), column('customer_key'), column('name_head'), column('name_tail')],
  );
  const perDeal: Row[][] = deals.map(() => []);
  for (const candidate of candidates) {
    const list = perDeal[Number(candidate.ord) - 1] as Row[];
    // A deal found through two keys arrives twice, side by side (the order is by seq).
    if (list[list.length - 1]?.id !== candidate.id) list.push(candidate);
  }
  return deals.map((deal, i) => {
    const possibleConflicts: NonNullable<Deal['possibleConflicts']> = [];
    for (const candidate of perDeal[i] as Row[]) {
      const verdict = matchCustomers(deal.customer, candidate.customer as DealCustomer);
      if (verdict.match && verdict.reason !== null) {
        possibleConflicts.push({ dealId: candidate.id as string, number: candidate.number as string, match: verdict.reason });
      }
    }
    return { ...deal, possibleConflicts };
  });
}
