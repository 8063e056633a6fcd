/**
 * Who holds a customer, and which registrations look like the same customer. Matching itself
 * is core's (`customerKey`, `matchCustomers`); this module only finds the candidates through
 * the indexes.
 * @module
 */
import { isProtectionActive, matchCustomers } from '@partnerkit/core/rules';
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
  if (callerPartnerId !== null && holder.partner_id === callerPartnerId) return 'own_registration';
  const protectedNow = isProtectionActive({ status: holder.status as Deal['status'], expiresAt: toIsoOrNull(holder.expires_at) }, now);
  return protectedNow ? 'protected' : 'already_registered';
}

/** Most candidates read for one page of deals. */
const CANDIDATE_LIMIT = 2000;

/**
 * The deals of `rows` with `possibleConflicts`: other active registrations that core's
 * `matchCustomers` says are the same customer, found through the exact key and the name
 * blocking keys in one query per page. For vendor principals only.
 */
export async function withPossibleConflicts(q: Queryable, rows: readonly Row[]): Promise<Deal[]> {
  const deals = rows.map(mapDeal);
  if (rows.length === 0) return deals;
  const values = (column: string) => [...new Set(rows.map((r) => r[column] as string))];
  // `= ANY(array)` (not `IN (subquery)`) lets the planner combine the three partial indexes.
  const { rows: candidates } = await q.query(
    `SELECT id, number, customer FROM deals
      WHERE status IN ${ACTIVE_SQL}
        AND (customer_key = ANY($1::text[]) OR name_head = ANY($2::text[]) OR name_tail = ANY($3::text[]))
      LIMIT ${CANDIDATE_LIMIT}`,
    [values('customer_key'), values('name_head'), values('name_tail')],
  );
  return deals.map((deal) => {
    const possibleConflicts: NonNullable<Deal['possibleConflicts']> = [];
    for (const candidate of candidates) {
      if (candidate.id === deal.id) continue;
      const verdict = matchCustomers(deal.customer, candidate.customer as DealCustomer);
      if (verdict.match && verdict.reason !== null) {
        possibleConflicts.push({ dealId: candidate.id as string, number: candidate.number as string, match: verdict.reason });
      }
    }
    return { ...deal, possibleConflicts };
  });
}
