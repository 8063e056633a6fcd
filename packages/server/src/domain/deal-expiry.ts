/**
 * Protection expiry: approved deals whose window has passed become `expired`, with a history
 * entry and a `deal.expired` event, in one transaction. Applied on the paths that read or write
 * deals (only when a probe finds something due), and by the periodic sweep for deals nobody reads.
 * @module
 */
import type { Deal } from '@partnerkit/core/schemas';
import type { Database, Transaction } from '../db/database.js';
import type { PageSlice, PageWindow } from '../store/page.js';
import { anyDealDue, type DealFilter, type ExpiryScope, expireDueDeals, listDeals } from '../store/deals.js';
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
 * Before a read: expires what is due in `scope`, in a transaction of its own, when a probe finds
 * anything due; a read with nothing to expire writes nothing (a transaction on every read cost
 * the deal list most of its time). A backend may expire lazily but never shows an approved deal
 * past its `expiresAt`.
 */
export async function expireDealsIfDue(db: Database, now: Date, scope: ExpiryScope): Promise<void> {
  if (await anyDealDue(db, now, scope)) await db.transaction((tx) => expireDeals(tx, now, scope));
}

/**
 * A page of deals as of `now`: read once, with the probe for due deals in the same statement;
 * only when something is due (or an empty page cannot tell) is it expired and the page read again.
 * `conflicts`: with each deal's `possibleConflicts` (for vendors).
 */
export async function readDeals(db: Database, filter: DealFilter, window: PageWindow, now: Date, { conflicts = false }: { conflicts?: boolean } = {}): Promise<PageSlice<Deal>> {
  const page = await listDeals(db, filter, window, { dueAt: now, conflicts });
  if (!(page.due ?? (await anyDealDue(db, now, { all: true })))) return page;
  await db.transaction((tx) => expireDeals(tx, now, { all: true }));
  return listDeals(db, filter, window, { conflicts });
}
