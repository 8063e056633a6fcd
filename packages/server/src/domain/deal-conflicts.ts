/**
 * Who holds a customer, and which registrations look like the same customer. Matching itself
 * is core's (`sameCustomer`, `matchCustomers`); the store finds the candidates through the
 * indexes.
 * @module
 */
import { conflictReasonOfHolders, matchNormalisedCustomers, type NormalisedCustomer, normaliseCustomer, normaliseCustomerFromKeys } from '@partnerkit/core/rules';
import type { ConflictReason, Deal } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { problems } from '../http/problem.js';
import { type ConflictCandidate, conflictCandidates, type CustomerIdentity, dealHolders, lockCustomerName } from '../store/deals.js';

/**
 * Why a new active registration of `customer` would be refused, as the reason code alone:
 * `own_registration` when the caller's partner holds it, `protected` when an approved
 * registration protects it, else `already_registered`; null when nobody holds it. What the
 * pre-check answers, and what a refused submission says.
 */
export async function conflictReason(q: Queryable, customer: Pick<CustomerIdentity, 'key' | 'nameKey'>, callerPartnerId: string | null, now: Date): Promise<ConflictReason | null> {
  const holders = await dealHolders(q, customer);
  return conflictReasonOfHolders(holders.map((h) => ({ partnerId: h.partnerId, status: h.status, expiresAt: h.expiresAt?.toISOString() ?? null })), callerPartnerId, now);
}

/**
 * Refuses (409 `deal_conflict`, with the reason a pre-check gives) to make a registration of
 * `customer` active while another active registration holds it; serialised per company name for
 * the rest of the transaction, so two registrations never both find the customer free.
 */
export async function assertCustomerFree(tx: Transaction, customer: CustomerIdentity, callerPartnerId: string | null, now: Date): Promise<void> {
  await lockCustomerName(tx, customer.nameKey);
  const reason = await conflictReason(tx, customer, callerPartnerId, now);
  if (reason !== null) throw problems.dealConflict(reason);
}

/**
 * `deals` with `possibleConflicts`: the other active registrations that core's `matchCustomers`
 * says are the same customer, oldest registration first. Each deal is compared only with its own
 * candidates, read for the whole page in one query. For vendor principals only.
 */
export async function withPossibleConflicts(q: Queryable, deals: readonly Deal[]): Promise<Deal[]> {
  const candidates = await conflictCandidates(q, deals.map((d) => d.id));
  // Candidates come with their stored keys, and each is reduced once however many deals of the
  // page it is compared with: normalising names and parsing domains was most of the list's time.
  const reduced = new Map<string, NormalisedCustomer>();
  const ofCandidate = (c: ConflictCandidate) => {
    let found = reduced.get(c.id);
    if (!found) reduced.set(c.id, (found = normaliseCustomerFromKeys(c.company, c.key, c.nameKey)));
    return found;
  };
  return deals.map((deal) => {
    const possibleConflicts: NonNullable<Deal['possibleConflicts']> = [];
    const customer = normaliseCustomer(deal.customer);
    for (const candidate of candidates.get(deal.id) ?? []) {
      const verdict = matchNormalisedCustomers(customer, ofCandidate(candidate));
      if (verdict.match && verdict.reason !== null) possibleConflicts.push({ dealId: candidate.id, number: candidate.number, match: verdict.reason });
    }
    return { ...deal, possibleConflicts };
  });
}
