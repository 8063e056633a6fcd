/**
 * Registers `<partner-scorecard>` (idempotently; see `defineElement`). Importing this module is
 * the side effect: `import '@partnerkit/elements/partner-scorecard.js'`.
 * @module
 */
import { defineElement } from '../platform/define.js';
import { PartnerScorecard } from '../partner-scorecard/partner-scorecard.js';

defineElement('partner-scorecard', PartnerScorecard);

export { PartnerScorecard };

declare global {
  interface HTMLElementTagNameMap {
    'partner-scorecard': PartnerScorecard;
  }
}
