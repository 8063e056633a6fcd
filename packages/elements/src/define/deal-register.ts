/**
 * Registers `<deal-register>` (idempotently; see `defineElement`). Importing this module is the
 * side effect: `import '@partnerkit/elements/deal-register.js'`.
 * @module
 */
import { defineElement } from '../platform/define.js';
import { DealRegister } from '../deal-register/deal-register.js';

defineElement('deal-register', DealRegister);

export { DealRegister };

declare global {
  interface HTMLElementTagNameMap {
    'deal-register': DealRegister;
  }
}
