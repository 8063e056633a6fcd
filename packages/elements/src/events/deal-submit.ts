/**
 * `pk-deal-submit`: a person asked `<deal-register>` to register a deal; cancelable.
 * @module
 */
import type { DealInput } from '@partnerkit/core/schemas';
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-deal-submit` carries. */
export interface PkDealSubmitData {
  /** The registration as it will be sent, validated by the contract's `DealInput` schema. */
  input: DealInput;
  /** The draft's idempotency key: every attempt to send this draft uses it. */
  idempotencyKey: string;
}

/** Envelope type of {@link PkDealSubmitEvent}. */
export const PK_DEAL_SUBMIT_TYPE = 'deal.submit_requested';

/**
 * Dispatched (bubbling, composed, cancelable) after the form validates and before anything is
 * sent; `preventDefault()` stops the submission and keeps the form as it is.
 */
export class PkDealSubmitEvent extends PkEvent<'pk-deal-submit', PkDealSubmitData> {
  constructor(data: PkDealSubmitData, partnerId?: string | null) {
    super('pk-deal-submit', createEnvelope(PK_DEAL_SUBMIT_TYPE, data, partnerId), { cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-deal-submit': PkDealSubmitEvent;
  }
}
