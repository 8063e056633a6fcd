/**
 * `pk-plan-change`: the signed-in side added or edited an objective, added an activity or a
 * comment, or marked a milestone or an activity done (or not), from `<partner-plan>`.
 * @module
 */
import type { Plan } from '@partnerkit/core/schemas';
import { createEnvelope, PkEvent } from './pk-event.js';

/** The envelope's `type`. */
export const PK_PLAN_CHANGE_TYPE = 'plan.change';

/** What `pk-plan-change` carries. */
export interface PkPlanChangeData {
  /** `objective_added`, `objective_updated`, `activity_added`, `commented`, `milestone_done`, `milestone_reopened` or `activity_updated`. */
  change: 'objective_added' | 'objective_updated' | 'activity_added' | 'commented' | 'milestone_done' | 'milestone_reopened' | 'activity_updated';
  /** The objective added or changed, or the one the activity or comment belongs to. */
  objectiveId: string;
  /** The activity or comment added or changed, when the change is about one. */
  itemId?: string;
  /** The plan as it is after the change. */
  plan: Plan;
}

/** Dispatched (bubbling, composed) after the backend accepted the change. */
export class PkPlanChangeEvent extends PkEvent<'pk-plan-change', PkPlanChangeData> {
  constructor(data: PkPlanChangeData) {
    super('pk-plan-change', createEnvelope(PK_PLAN_CHANGE_TYPE, data, data.plan.partnerId));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-plan-change': PkPlanChangeEvent;
  }
}
