/**
 * `pk-deal-submitted`: the backend registered a deal from `<deal-register>`.
 * @module
 */
import type { Deal } from '@partnerkit/core/schemas';
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-deal-submitted` carries. */
export interface PkDealSubmittedData {
  /** The registered deal as the backend answered it (number, status, protection window). */
  deal: Deal;
  /** True when the submission had been queued offline and was sent later. */
  fromQueue: boolean;
}

/** Envelope type of {@link PkDealSubmittedEvent}: the same type the server's event log uses. */
export const PK_DEAL_SUBMITTED_TYPE = 'deal.submitted';

/** Dispatched (bubbling, composed) once per registered deal, after the backend answered. */
export class PkDealSubmittedEvent extends PkEvent<'pk-deal-submitted', PkDealSubmittedData> {
  constructor(data: PkDealSubmittedData) {
    super('pk-deal-submitted', createEnvelope(PK_DEAL_SUBMITTED_TYPE, data, data.deal.partnerId));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-deal-submitted': PkDealSubmittedEvent;
  }
}
