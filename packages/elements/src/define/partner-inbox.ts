/**
 * Registers `<partner-inbox>` (idempotently; see `defineElement`). Importing this module is the
 * side effect: `import '@partnerkit/elements/partner-inbox.js'`.
 * @module
 */
import { PartnerInbox } from '../partner-inbox/partner-inbox.js';
import { defineElement } from '../platform/define.js';

defineElement('partner-inbox', PartnerInbox);

export { PartnerInbox };

declare global {
  interface HTMLElementTagNameMap {
    'partner-inbox': PartnerInbox;
  }
}
