/**
 * Protection expiry: approved deals whose window has passed become `expired`, with a history
 * entry and a `deal.expired` event, in one transaction. Applied on the paths that read or write
 * deals, and by the periodic sweep for deals nobody reads.
 * @module
 */
import type { Database, Transaction } from '../db/database.js';
import { type ExpiryScope, expireDueDeals } from '../store/deals.js';
import { appendEvents } from '../store/events.js';

export type { ExpiryScope } from '../store/deals.js';

/**
 * Expires the approved deals in `scope` whose protection ended at or before `now`, each with its
 * `deal.expired` event; answers how many. Must run inside a transaction: the status change and
 * its event commit together.
 */
export async function expireDeals(tx: Transaction, now: Date, scope: ExpiryScope): Promise<number> {
  const expired = await expireDueDeals(tx, now, scope);
  await appendEvents(
    tx,
    expired.map((d) => ({
      type: 'deal.expired' as const,
      partnerId: d.partnerId,
      data: { dealId: d.id, number: d.number, from: 'approved', to: 'expired', expiredAt: d.expiresAt.toISOString() },
    })),
    now,
  );
  return expired.length;
}

/**
 * Before a read: expires what is due in `scope`, in a transaction of its own. A backend may
 * expire lazily but never shows an approved deal past its `expiresAt`.
 */
export async function expireDealsIfDue(db: Database, now: Date, scope: ExpiryScope): Promise<void> {
  await db.transaction((tx) => expireDeals(tx, now, scope));
}
