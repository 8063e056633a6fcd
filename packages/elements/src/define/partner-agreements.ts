/**
 * Registers `<partner-agreements>` (idempotently; see `defineElement`). Importing this module is
 * the side effect: `import '@partnerkit/elements/partner-agreements.js'`.
 * @module
 */
import { defineElement } from '../platform/define.js';
import { PartnerAgreements } from '../partner-agreements/partner-agreements.js';

defineElement('partner-agreements', PartnerAgreements);

export { PartnerAgreements };

declare global {
  interface HTMLElementTagNameMap {
    'partner-agreements': PartnerAgreements;
  }
}
