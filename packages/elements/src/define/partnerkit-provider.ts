/**
 * Registers `<partnerkit-provider>` (idempotent; see `defineElement`).
 * `import '@partnerkit/elements/partnerkit-provider.js'`
 * @module
 */
import { PartnerKitProvider } from '../partnerkit-provider/partnerkit-provider.js';
import { defineElement } from '../platform/define.js';

defineElement('partnerkit-provider', PartnerKitProvider);

export { PartnerKitProvider };

declare global {
  interface HTMLElementTagNameMap {
    'partnerkit-provider': PartnerKitProvider;
  }
}
