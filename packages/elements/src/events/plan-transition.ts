/**
 * `pk-plan-transition`: the signed-in side proposed a plan, agreed to it, or sent it back for
 * changes from `<partner-plan>`.
 * @module
 */
import type { Plan, PlanStatus } from '@partnerkit/core/schemas';
import { createEnvelope, PkEvent } from './pk-event.js';

/** The envelope's `type`. */
export const PK_PLAN_TRANSITION_TYPE = 'plan.transition';

/** What `pk-plan-transition` carries. */
export interface PkPlanTransitionData {
  /** The plan after the move, as the backend answered it. */
  plan: Plan;
  from: PlanStatus;
  /** What the side asked for: `proposed`, `agreed` (the plan stays `proposed` until both sides agreed) or `draft`. */
  to: PlanStatus;
  /** The reason given for sending it back. */
  reason?: string;
}

/** Dispatched (bubbling, composed) after the backend accepted the move. */
export class PkPlanTransitionEvent extends PkEvent<'pk-plan-transition', PkPlanTransitionData> {
  constructor(data: PkPlanTransitionData) {
    super('pk-plan-transition', createEnvelope(PK_PLAN_TRANSITION_TYPE, data, data.plan.partnerId));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-plan-transition': PkPlanTransitionEvent;
  }
}
