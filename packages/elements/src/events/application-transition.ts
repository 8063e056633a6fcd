/**
 * `pk-application-transition`: vendor staff moved an application from `<application-review>`
 * (screening, interview, due diligence, on hold, declined, withdrawn, or approved: then the new
 * partner's id is on the application).
 * @module
 */
import type { Application, ApplicationStatus } from '@partnerkit/core/schemas';
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-application-transition` carries. */
export interface PkApplicationTransitionData {
  /** The application after the move, as the backend answered it (`partnerId` once approved). */
  application: Application;
  from: ApplicationStatus;
  to: ApplicationStatus;
  /** The reason given, if any. */
  reason?: string;
}

/**
 * Dispatched (bubbling, composed) after the backend accepted a move. The envelope's type is the
 * server's event type for the move (`application.screening`, `application.approved`, ...).
 */
export class PkApplicationTransitionEvent extends PkEvent<'pk-application-transition', PkApplicationTransitionData> {
  constructor(data: PkApplicationTransitionData) {
    super('pk-application-transition', createEnvelope(`application.${data.to}`, data, data.application.partnerId));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-application-transition': PkApplicationTransitionEvent;
  }
}
