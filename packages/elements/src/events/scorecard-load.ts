/**
 * `pk-scorecard-load`: a `<partner-scorecard>` has loaded and shows a scorecard.
 * @module
 */
import type { Scorecard } from '@partnerkit/core/schemas';
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-scorecard-load` carries: the scorecard exactly as the element shows it. */
export interface PkScorecardLoadData {
  scorecard: Scorecard;
}

/** Envelope type of {@link PkScorecardLoadEvent}. */
export const PK_SCORECARD_LOAD_TYPE = 'scorecard.loaded';

/** Dispatched (bubbling, composed) each time a scorecard finishes loading, for every period shown. */
export class PkScorecardLoadEvent extends PkEvent<'pk-scorecard-load', PkScorecardLoadData> {
  constructor(scorecard: Scorecard) {
    super('pk-scorecard-load', createEnvelope(PK_SCORECARD_LOAD_TYPE, { scorecard }, scorecard.partner.id));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-scorecard-load': PkScorecardLoadEvent;
  }
}
