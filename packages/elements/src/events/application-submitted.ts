/**
 * `pk-application-submitted`: the backend took an application from `<partner-application>`.
 * @module
 */
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-application-submitted` carries: what a publishable key's page learns, the number only. */
export interface PkApplicationSubmittedData {
  /** The application's number (`APP-000123`), as the applicant is told it. */
  number: string;
}

/** Envelope type of {@link PkApplicationSubmittedEvent}: the same type the server's event log uses. */
export const PK_APPLICATION_SUBMITTED_TYPE = 'application.submitted';

/** Dispatched (bubbling, composed) once per application the backend took. */
export class PkApplicationSubmittedEvent extends PkEvent<'pk-application-submitted', PkApplicationSubmittedData> {
  constructor(data: PkApplicationSubmittedData) {
    super('pk-application-submitted', createEnvelope(PK_APPLICATION_SUBMITTED_TYPE, data, null));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-application-submitted': PkApplicationSubmittedEvent;
  }
}
