/**
 * Moving a deal through its lifecycle: core's `checkTransition` per role, a move into an active
 * status only while nobody else holds the customer, the protection window on approval and on
 * the one extension, the history entry and the event, in the caller's transaction.
 * @module
 */
import { checkTransition, isActiveDealStatus, isExtension, protectionEnd, transitionEventType } from '@partnerkit/core/rules';
import { type Deal, type DealTransitionInput, moveRefused } from '@partnerkit/core/schemas';
import type { Transaction } from '../db/database.js';
import { type Caller, callerPerson, partnerScope } from '../security/caller.js';
import { applyDealMove, customerIdentity, type MoveEffect } from '../store/deals.js';
import { appendEvents } from '../store/events.js';
import { partnerProtectionDays } from '../store/tiers.js';
import { assertCustomerFree } from './deal-conflicts.js';
import { historyEntry } from './deal-history.js';

/**
 * Makes the move `input` asks for on `deal` (read with its row locked in this transaction) at
 * `now`: 409 `invalid_transition` for a move the lifecycle does not have, 403 for a role that
 * may not make it, 400 at `reason` when a required reason is missing, 409 `deal_conflict` when
 * a draft's customer is held meanwhile. Approval protects for the partner's tier's days (else
 * `defaultProtectionDays`); an extension adds the same days to the window, once.
 */
export async function moveDeal(tx: Transaction, caller: Caller, deal: Deal, input: DealTransitionInput, now: Date, defaultProtectionDays: number): Promise<Deal> {
  const verdict = checkTransition({
    from: deal.status,
    to: input.to,
    role: caller.role,
    reason: input.reason ?? null,
    extensions: deal.extensions,
    extend: input.extend === true,
  });
  if (!verdict.ok) throw moveRefused(verdict, 'deal');
  // Into a status that holds the customer (a draft submitted): only while nobody else holds it.
  if (!isActiveDealStatus(deal.status) && isActiveDealStatus(input.to)) await assertCustomerFree(tx, customerIdentity(deal.customer), partnerScope(caller), now);
  let effect: MoveEffect = { kind: input.to === 'submitted' ? 'submission' : 'none' };
  if (input.to === 'approved') {
    const days = (await partnerProtectionDays(tx, deal.partnerId)) ?? defaultProtectionDays;
    effect = isExtension(deal.status, input.to)
      ? { kind: 'extension', expiresAt: protectionEnd(new Date(deal.expiresAt ?? now), days) }
      : { kind: 'approval', approvedBy: callerPerson(caller), expiresAt: protectionEnd(now, days) };
  }
  const moved = await applyDealMove(tx, deal.id, {
    to: input.to,
    reason: input.reason ?? null,
    reasonCode: input.reasonCode ?? null,
    entry: historyEntry(caller, now, deal.status, input.to, input.reason, input.reasonCode),
    effect,
    now,
  });
  await appendEvents(
    tx,
    [
      {
        type: transitionEventType(deal.status, input.to),
        partnerId: deal.partnerId,
        data: {
          dealId: deal.id,
          number: deal.number,
          from: deal.status,
          to: input.to,
          ...(input.reasonCode ? { reasonCode: input.reasonCode } : {}),
          ...(input.to === 'approved' ? { expiresAt: moved.expiresAt } : {}),
        },
      },
    ],
    now,
  );
  return moved;
}
