/**
 * Registering a deal: a submitted registration only while nobody holds its customer, its number,
 * its first history entry and its event, in the caller's transaction.
 * @module
 */
import { dealCustomer, transitionEventType } from '@partnerkit/core/rules';
import type { Deal, DealInput } from '@partnerkit/core/schemas';
import type { Transaction } from '../db/database.js';
import { problems } from '../http/problem.js';
import { type Caller, callerPerson, partnerScope } from '../security/caller.js';
import { newId } from '../security/random.js';
import { customerIdentity, insertDeal, nextDealNumber } from '../store/deals.js';
import { appendEvents } from '../store/events.js';
import { lockCustomerBlocks } from '../store/deal-matches.js';
import { assertCustomerFree, conflictReason, recordDealMatches } from './deal-conflicts.js';
import { expireDeals } from './deal-expiry.js';
import { historyEntry } from './deal-history.js';

/**
 * Registers `input` for `partnerId` (checked to exist and be the caller's to register for) at
 * `now`. A submission whose customer another active registration holds is refused with 409
 * `deal_conflict` and the reason the pre-check gives; a draft holds nothing and is never refused.
 */
export async function registerDeal(tx: Transaction, caller: Caller, partnerId: string, input: DealInput, now: Date): Promise<Deal> {
  const status = input.status ?? 'submitted';
  const customer = dealCustomer(input.customer);
  const identity = customerIdentity(customer);
  const scope = partnerScope(caller);
  // First: a registration that may match this one waits until this one's matches are recorded.
  await lockCustomerBlocks(tx, identity);
  await expireDeals(tx, now, { customer: identity });
  if (status === 'submitted') await assertCustomerFree(tx, identity, scope, now);
  const deal = await insertDeal(tx, {
    id: newId('dl', now),
    number: await nextDealNumber(tx),
    partnerId,
    status,
    type: input.type,
    customer,
    identity,
    contact: { name: input.contact?.name ?? null, email: input.contact?.email ?? null, phone: input.contact?.phone ?? null, title: input.contact?.title ?? null },
    products: input.products ?? [],
    amount: input.amount ?? null,
    expectedCloseDate: input.expectedCloseDate ?? null,
    stage: input.stage ?? null,
    description: input.description ?? null,
    submittedBy: callerPerson(caller),
    history: [historyEntry(caller, now, null, status)],
    now,
  });
  // The key's unique index refused it: a registration with the same key committed meanwhile.
  if (deal === null) throw problems.dealConflict((await conflictReason(tx, identity, scope, now)) ?? 'already_registered');
  await recordDealMatches(tx, deal.id, customer, identity);
  await appendEvents(tx, [{ type: transitionEventType(null, status), partnerId, data: { dealId: deal.id, number: deal.number, from: null, to: status } }], now);
  return deal;
}
