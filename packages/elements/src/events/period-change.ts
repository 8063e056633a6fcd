/**
 * `pk-period-change`: the person picked another period in a widget's period picker.
 * @module
 */
import { createEnvelope, PkEvent } from './pk-event.js';

/** What `pk-period-change` carries. */
export interface PkPeriodChangeData {
  /** The period picked (`2026-Q2`). */
  period: string;
  /** The period shown before, when there was one. */
  previousPeriod: string | null;
}

/** Envelope type of {@link PkPeriodChangeEvent}. */
export const PK_PERIOD_CHANGE_TYPE = 'scorecard.period_changed';

/**
 * Dispatched (bubbling, composed) when the person picks a period; the widget then loads it. Only
 * the person's choice fires it, not a change of the `period` attribute by the page.
 */
export class PkPeriodChangeEvent extends PkEvent<'pk-period-change', PkPeriodChangeData> {
  constructor(data: PkPeriodChangeData, partnerId?: string | null) {
    super('pk-period-change', createEnvelope(PK_PERIOD_CHANGE_TYPE, data, partnerId));
  }
}

declare global {
  interface HTMLElementEventMap {
    'pk-period-change': PkPeriodChangeEvent;
  }
}
