/**
 * Who holds a customer, and which registrations look like the same customer. Matching itself
 * is core's (`sameCustomer`, `matchCustomers`); the store finds the candidates through the
 * indexes and keeps the pairs that match (`store/deal-matches.ts`).
 * @module
 */
import { conflictReasonOfHolders, matchNormalisedCustomers, type NormalisedCustomer, normaliseCustomer, normaliseCustomerFromKeys } from '@partnerkit/core/rules';
import type { ConflictReason, Deal, DealCustomer } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { problems } from '../http/problem.js';
import { BLOCK_COLUMNS, blockBatch, type DealMatch, insertDealMatches, MATCH_CANDIDATES_PER_BLOCK, type MatchCandidate, matchCandidates } from '../store/deal-matches.js';
import { type CustomerIdentity, dealHolders, lockCustomerName, possibleConflicts } from '../store/deals.js';

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

/** Core's verdict on two reduced customers, as a recorded match or null. */
function verdict(deal: string, customer: NormalisedCustomer, other: string, candidate: NormalisedCustomer): DealMatch | null {
  const { match, reason } = matchNormalisedCustomers(customer, candidate);
  return match && reason !== null ? { deal, other, match: reason } : null;
}

const reduce = (c: Pick<MatchCandidate, 'company' | 'key' | 'nameKey'>) => normaliseCustomerFromKeys(c.company, c.key, c.nameKey);

/**
 * Records which registrations the new deal `id` is the same customer as, by core's
 * `matchCustomers`: compared with the newest registrations under its customer key and each name
 * blocking key (`matchCandidates`). Call it in the registration's transaction, after
 * `lockCustomerBlocks` and the insert.
 */
export async function recordDealMatches(tx: Transaction, id: string, customer: Pick<DealCustomer, 'company' | 'domain'>, identity: CustomerIdentity): Promise<void> {
  const reduced = normaliseCustomer(customer);
  const matches = (await matchCandidates(tx, id, identity)).map((c) => verdict(id, reduced, c.id, reduce(c))).filter((m) => m !== null);
  await insertDealMatches(tx, matches);
}


/**
 * Records the matches of every registration from `fromSeq` on (every one with 0) in bulk, as
 * {@link recordDealMatches} would have when each was registered: each compared with the newest
 * {@link MATCH_CANDIDATES_PER_BLOCK} earlier registrations of each blocking key it has. Reads
 * each blocking key's registrations together, in `seq` order, a batch at a time: for a migration
 * and for data written in bulk (the seed, the benchmark's). `batch`: registrations read at a time.
 */
export async function recordDealMatchesInBulk(q: Queryable, fromSeq = 0, { batch = 10_000 }: { batch?: number } = {}): Promise<void> {
  for (const column of BLOCK_COLUMNS) {
    let after: { block: string; seq: number } | null = null;
    let pending: (MatchCandidate & { block: string })[] = [];
    for (;;) {
      const rows = await blockBatch(q, column, after, fromSeq, batch);
      const last = rows[rows.length - 1];
      if (last) after = { block: last.block, seq: last.seq };
      const all = pending.concat(rows);
      const done = rows.length < batch;
      // The last block of a batch may go on in the next one: keep it for then.
      const cut = done ? all.length : all.findLastIndex((r, i) => i === 0 || all[i - 1]?.block !== r.block);
      const ready = all.slice(0, Math.max(cut, 0));
      pending = all.slice(Math.max(cut, 0));
      const matches: DealMatch[] = [];
      let start = 0;
      for (let i = 1; i <= ready.length; i += 1) {
        if (i < ready.length && ready[i]?.block === ready[start]?.block) continue;
        const block = ready.slice(start, i);
        const reduced = block.map(reduce);
        for (let j = 0; j < block.length; j += 1) {
          const later = block[j] as MatchCandidate;
          if (later.seq < fromSeq) continue;
          for (let k = Math.max(0, j - MATCH_CANDIDATES_PER_BLOCK); k < j; k += 1) {
            const m = verdict(later.id, reduced[j] as NormalisedCustomer, (block[k] as MatchCandidate).id, reduced[k] as NormalisedCustomer);
            if (m) matches.push(m);
          }
        }
        start = i;
      }
      await insertDealMatches(q, matches);
      if (done) break;
    }
  }
}

/**
 * `deals` with `possibleConflicts`: the other active registrations core's `matchCustomers` said
 * are the same customer when the later of the two was registered, oldest registration first,
 * read for all of them in one query. For vendor principals only; a list page reads them with the
 * page (`listDeals`).
 */
export async function withPossibleConflicts(q: Queryable, deals: readonly Deal[]): Promise<Deal[]> {
  const found = await possibleConflicts(q, deals.map((d) => d.id));
  return deals.map((deal) => ({ ...deal, possibleConflicts: found.get(deal.id) ?? [] }));
}
