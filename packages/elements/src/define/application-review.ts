/**
 * Registers `<application-review>` (idempotently; see `defineElement`). Importing this module is the
 * side effect: `import '@partnerkit/elements/application-review.js'`.
 * @module
 */
import { ApplicationReview } from '../application-review/application-review.js';
import { defineElement } from '../platform/define.js';

defineElement('application-review', ApplicationReview);

export { ApplicationReview };

declare global {
  interface HTMLElementTagNameMap {
    'application-review': ApplicationReview;
  }
}
