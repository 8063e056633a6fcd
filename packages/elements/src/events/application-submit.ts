/**
 * `pk-application-submit`: a person asked `<partner-application>` to send an application; cancelable.
 * @module
 */
import type { ApplicationInput } from '@partnerkit/core/schemas';
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-application-submit` carries. */
export interface PkApplicationSubmitData {
  /** The application as it will be sent, validated by the contract's `ApplicationInput` schema (without the form token and honeypot). */
  input: Omit<ApplicationInput, 'formToken' | 'honeypot'>;
  /** The application's idempotency key: every attempt to send it uses it. */
  idempotencyKey: string;
}

/** Envelope type of {@link PkApplicationSubmitEvent}. */
export const PK_APPLICATION_SUBMIT_TYPE = 'application.submit_requested';

/**
 * Dispatched (bubbling, composed, cancelable) after the whole form validates and before anything
 * is sent; `preventDefault()` stops the submission and keeps the form as it is.
 */
export class PkApplicationSubmitEvent extends PkEvent<'pk-application-submit', PkApplicationSubmitData> {
  constructor(data: PkApplicationSubmitData) {
    super('pk-application-submit', createEnvelope(PK_APPLICATION_SUBMIT_TYPE, data, null), { cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-application-submit': PkApplicationSubmitEvent;
  }
}
