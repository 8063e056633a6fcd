/**
 * `pk-error`: a widget failed to load or to act; the widget already shows the error to the person.
 * @module
 */
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-error` reports. Never contains a token or a response body. */
export interface PkErrorData {
  /** The tag of the element that failed (`partner-scorecard`). */
  element: string;
  /** Stable error code (`network_error`, `not_found`, `rate_limited`, ...). */
  code: string;
  /** The error's message, in English, for logs. */
  message: string;
  /** HTTP status when the backend answered. */
  status?: number;
  /** The backend's request id, for support. */
  requestId?: string;
}

/** Envelope type of {@link PkErrorEvent}. */
export const PK_ERROR_TYPE = 'element.error';

/** Dispatched (bubbling, composed) when a widget's data fails to load or an action fails. */
export class PkErrorEvent extends PkEvent<'pk-error', PkErrorData> {
  constructor(data: PkErrorData, partnerId?: string | null) {
    super('pk-error', createEnvelope(PK_ERROR_TYPE, data, partnerId));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-error': PkErrorEvent;
  }
}
