/**
 * `pk-deal-conflict`: the backend refused a registration because the customer is already held.
 * @module
 */
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-deal-conflict` carries: a reason code only, never who holds the customer. */
export interface PkDealConflictData {
  /** The problem's reason (`already_registered`, `protected`, `own_registration`), or null. */
  reason: string | null;
  /** The customer as typed in the form. */
  customer: { company: string; domain?: string | null };
}

/** Envelope type of {@link PkDealConflictEvent}. */
export const PK_DEAL_CONFLICT_TYPE = 'deal.conflict';

/** Dispatched (bubbling, composed) when a submission answers 409; the form is kept. */
export class PkDealConflictEvent extends PkEvent<'pk-deal-conflict', PkDealConflictData> {
  constructor(data: PkDealConflictData, partnerId?: string | null) {
    super('pk-deal-conflict', createEnvelope(PK_DEAL_CONFLICT_TYPE, data, partnerId));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-deal-conflict': PkDealConflictEvent;
  }
}
