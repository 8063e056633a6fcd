/**
 * Registers `<partner-training>` (idempotently; see `defineElement`). Importing this module is
 * the side effect: `import '@partnerkit/elements/partner-training.js'`.
 * @module
 */
import { defineElement } from '../platform/define.js';
import { PartnerTraining } from '../partner-training/partner-training.js';

defineElement('partner-training', PartnerTraining);

export { PartnerTraining };

declare global {
  interface HTMLElementTagNameMap {
    'partner-training': PartnerTraining;
  }
}
