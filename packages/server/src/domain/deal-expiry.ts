/**
 * Protection expiry: approved deals whose window has passed become `expired`, with a history
 * entry and a `deal.expired` event, in one transaction. Run on the read and write paths that
 * touch deals, and by the periodic sweep for deals nobody reads.
 * @module
 */
import type { Queryable } from '../db/database.js';
import { toIso } from '../db/database.js';
import { appendEvents } from '../store/events.js';

/** Which due deals to expire: all of them, one deal, or the holders of one customer (its key or name key). */
export type ExpiryScope = { all: true } | { dealId: string } | { customer: { key: string; nameKey: string } };

/**
 * Expires the approved deals in `scope` whose protection ended at or before `now`; answers how
 * many. Rows another transaction holds are skipped (that transaction decides them). Must run
 * inside a transaction: the status change and its event commit together.
 */
export async function expireDueDeals(tx: Queryable, now: Date, scope: ExpiryScope): Promise<number> {
  const filter = 'dealId' in scope ? 'AND id = $2' : 'customer' in scope ? 'AND (customer_key = $2 OR name_key = $3)' : '';
  const params: unknown[] = [now];
  if ('dealId' in scope) params.push(scope.dealId);
  else if ('customer' in scope) params.push(scope.customer.key, scope.customer.nameKey);
  const { rows } = await tx.query(
    `WITH due AS (
       SELECT id FROM deals WHERE status = 'approved' AND expires_at <= $1 ${filter}
       ORDER BY expires_at FOR UPDATE SKIP LOCKED
     )
     UPDATE deals AS d
        SET status = 'expired',
            updated_at = $1,
            history = d.history || jsonb_build_array(jsonb_build_object(
              'at', to_char(d.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'from', 'approved', 'to', 'expired',
              'by', jsonb_build_object('role', 'system', 'id', NULL)))
       FROM due
      WHERE d.id = due.id AND d.status = 'approved'
  RETURNING d.id, d.number, d.partner_id, d.expires_at`,
    params,
  );
  await appendEvents(
    tx,
    rows.map((r) => ({
      type: 'deal.expired' as const,
      partnerId: r.partner_id as string,
      data: { dealId: r.id, number: r.number, from: 'approved', to: 'expired', expiredAt: toIso(r.expires_at) },
    })),
    now,
  );
  return rows.length;
}
