/**
 * `pk-deal-transition`: a deal moved through its lifecycle from `<deal-register>` (withdrawn,
 * won, lost, approved, rejected, needs information, protection extended, ...).
 * @module
 */
import type { Deal, DealStatus } from '@partnerkit/core/schemas';
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-deal-transition` carries. */
export interface PkDealTransitionData {
  /** The deal after the move, as the backend answered it. */
  deal: Deal;
  from: DealStatus;
  to: DealStatus;
  /** The reason given, if any. */
  reason?: string;
}

/**
 * Dispatched (bubbling, composed) after the backend accepted a move. The envelope's type is the
 * server's event type for the move (`deal.approved`, `deal.extended`, `deal.withdrawn`, ...).
 */
export class PkDealTransitionEvent extends PkEvent<'pk-deal-transition', PkDealTransitionData> {
  constructor(type: string, data: PkDealTransitionData) {
    super('pk-deal-transition', createEnvelope(type, data, data.deal.partnerId));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-deal-transition': PkDealTransitionEvent;
  }
}
