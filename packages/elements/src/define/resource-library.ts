/**
 * Registers `<resource-library>` (idempotently; see `defineElement`). Importing this module is
 * the side effect: `import '@partnerkit/elements/resource-library.js'`.
 * @module
 */
import { defineElement } from '../platform/define.js';
import { ResourceLibrary } from '../resource-library/resource-library.js';

defineElement('resource-library', ResourceLibrary);

export { ResourceLibrary };

declare global {
  interface HTMLElementTagNameMap {
    'resource-library': ResourceLibrary;
  }
}
