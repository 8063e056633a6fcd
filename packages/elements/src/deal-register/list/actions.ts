/**
 * Which moves a person may make on a deal, straight from core's lifecycle state machine, so a
 * forbidden action is never offered (the backend checks again).
 * @module
 */
import { allowedTransitions, checkTransition, findTransition, isExtension } from '@partnerkit/core/rules';
import type { Deal, DealStatus, Role } from '@partnerkit/core/schemas';

/** Statuses a person can move a deal to (never `draft`; `expired` is the system's). */
export type ActionTarget = Exclude<DealStatus, 'draft' | 'expired'>;

/** One action button: the move, its label key, and what the dialog must ask for. */
export interface DealAction {
  to: ActionTarget;
  /** `extend` for `approved -> approved`, else the target status. */
  label: ActionTarget | 'extend';
  /** Whether the move needs a reason (`required`) or takes an optional note. */
  reason: 'required' | 'optional';
  /** Whether a closing code is offered (rejections). */
  closingCode: boolean;
}

/**
 * The moves `role` may make on `deal` now: allowed by the lifecycle for the role, and within the
 * protection-extension limit.
 */
export function dealActions(deal: Pick<Deal, 'status' | 'extensions'>, role: Role): DealAction[] {
  const from = deal.status;
  return allowedTransitions(from, role)
    .filter((to): to is ActionTarget => to !== 'draft' && to !== 'expired')
    .filter((to) => checkTransition({ from, to, role, reason: 'x', extensions: deal.extensions, extend: isExtension(from, to) }).ok)
    .map((to) => ({
      to,
      label: isExtension(from, to) ? 'extend' : to,
      reason: findTransition(from, to)?.reason ?? 'optional',
      closingCode: to === 'rejected',
    }));
}
