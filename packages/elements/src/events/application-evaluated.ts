/**
 * `pk-application-evaluated`: a reviewer submitted their evaluation of an application from
 * `<application-review>` (a saved draft does not fire it).
 * @module
 */
import type { Evaluation } from '@partnerkit/core/schemas';
import { createEnvelope, PkEvent } from './pk-event.js';

/** Envelope type of {@link PkApplicationEvaluatedEvent}. */
export const PK_APPLICATION_EVALUATED_TYPE = 'application.evaluated';

/** What `pk-application-evaluated` carries. */
export interface PkApplicationEvaluatedData {
  /** The submitted evaluation, as the backend answered it (its weighted score and knock-outs). */
  evaluation: Evaluation;
}

/** Dispatched (bubbling, composed) once the backend took a submitted evaluation. */
export class PkApplicationEvaluatedEvent extends PkEvent<'pk-application-evaluated', PkApplicationEvaluatedData> {
  constructor(data: PkApplicationEvaluatedData) {
    super('pk-application-evaluated', createEnvelope(PK_APPLICATION_EVALUATED_TYPE, data, null));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-application-evaluated': PkApplicationEvaluatedEvent;
  }
}
