/**
 * `pk-agreement-accepted`: a partner's user accepted an agreement version in `<partner-agreements>`
 * (or inline in `<deal-register>` or `<resource-library>`).
 * @module
 */
import type { Acceptance } from '@partnerkit/core/schemas';
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-agreement-accepted` carries: the acceptance as the backend recorded it. */
export interface PkAgreementAcceptedData {
  acceptance: Acceptance;
}

/** Envelope type of {@link PkAgreementAcceptedEvent}; the server logs the same acceptance as `agreement.accepted`. */
export const PK_AGREEMENT_ACCEPTED_TYPE = 'agreement.accepted';

/** Dispatched (bubbling, composed) once the backend recorded the acceptance. */
export class PkAgreementAcceptedEvent extends PkEvent<'pk-agreement-accepted', PkAgreementAcceptedData> {
  constructor(data: PkAgreementAcceptedData) {
    super('pk-agreement-accepted', createEnvelope(PK_AGREEMENT_ACCEPTED_TYPE, data, data.acceptance.partnerId));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-agreement-accepted': PkAgreementAcceptedEvent;
  }
}
