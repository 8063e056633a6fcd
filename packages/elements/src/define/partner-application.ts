/**
 * Registers `<partner-application>` (idempotently; see `defineElement`). Importing this module is
 * the side effect: `import '@partnerkit/elements/partner-application.js'`.
 * @module
 */
import { defineElement } from '../platform/define.js';
import { PartnerApplication } from '../partner-application/partner-application.js';

defineElement('partner-application', PartnerApplication);

export { PartnerApplication };

declare global {
  interface HTMLElementTagNameMap {
    'partner-application': PartnerApplication;
  }
}
