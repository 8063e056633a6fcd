/**
 * Registers `<partner-plan>` (idempotently; see `defineElement`). Importing this module is the
 * side effect: `import '@partnerkit/elements/partner-plan.js'`.
 * @module
 */
import { PartnerPlan } from '../partner-plan/partner-plan.js';
import { defineElement } from '../platform/define.js';

defineElement('partner-plan', PartnerPlan);

export { PartnerPlan };

declare global {
  interface HTMLElementTagNameMap {
    'partner-plan': PartnerPlan;
  }
}
