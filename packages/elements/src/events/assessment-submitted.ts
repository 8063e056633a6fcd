/**
 * `pk-assessment-submitted`: a partner's person submitted an attempt at a course's assessment in
 * `<partner-training>`, and the backend scored it.
 * @module
 */
import type { AttemptResult } from '@partnerkit/core/schemas';
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-assessment-submitted` carries: the attempt as the backend scored it (the score, never the key). */
export interface PkAssessmentSubmittedData {
  result: AttemptResult;
}

/** Envelope type of {@link PkAssessmentSubmittedEvent}; the server logs the same attempt as `enrolment.attempted`. */
export const PK_ASSESSMENT_SUBMITTED_TYPE = 'enrolment.attempted';

/** Dispatched (bubbling, composed) once the backend scored the attempt; `detail.data.result.passed` says how it went. */
export class PkAssessmentSubmittedEvent extends PkEvent<'pk-assessment-submitted', PkAssessmentSubmittedData> {
  constructor(data: PkAssessmentSubmittedData) {
    super('pk-assessment-submitted', createEnvelope(PK_ASSESSMENT_SUBMITTED_TYPE, data, data.result.enrolment.partnerId));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-assessment-submitted': PkAssessmentSubmittedEvent;
  }
}
