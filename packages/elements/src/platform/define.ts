/**
 * Registration of custom elements that tolerates two copies of PartnerKit on one page.
 * @module
 */
import { VERSION } from './version.js';

// A registry-wide key (Symbol.for), so copies of this module from different bundles agree on it.
const VERSION_KEY = Symbol.for('partnerkit.elements.version');

type VersionedConstructor = CustomElementConstructor & { [VERSION_KEY]?: string };

/** The PartnerKit version that registered `tag`, or undefined (not defined, or not ours). */
export function definedVersion(tag: string): string | undefined {
  const existing = globalThis.customElements?.get(tag) as VersionedConstructor | undefined;
  return existing?.[VERSION_KEY];
}

/**
 * Defines `tag` as `ctor`, idempotently:
 * - not yet defined: defines it;
 * - already defined by PartnerKit of the same version (this or another bundle): does nothing;
 * - defined by another version, or by something else: warns and keeps the existing definition;
 *   it never throws, so a page with two bundles keeps working.
 * The same class may be registered under several tags (a subclass is defined for the extra ones).
 * @returns the constructor registered for `tag` after the call
 */
export function defineElement(tag: string, ctor: CustomElementConstructor, version: string = VERSION): CustomElementConstructor {
  const registry = globalThis.customElements;
  const existing = registry.get(tag) as VersionedConstructor | undefined;
  if (existing) {
    const existingVersion = existing[VERSION_KEY];
    if (existing !== ctor && existingVersion !== version) {
      // Kept outside dev mode on purpose: a second version on the page is a deployment problem.
      console.warn(
        `[PartnerKit] <${tag}> is already defined${existingVersion ? ` by @partnerkit/elements ${existingVersion}` : ' by other code'}; ` +
          `this copy (${version}) was not registered. Load one version of PartnerKit per page ` +
          '(see https://partnerkit.dev/docs/elements#version-mismatch).',
      );
    }
    return existing;
  }
  // A class can back only one tag; give further tags their own subclass.
  const alreadyNamed = registry.getName ? registry.getName(ctor) != null : Object.hasOwn(ctor, VERSION_KEY);
  const definition = (alreadyNamed ? class extends (ctor as unknown as typeof HTMLElement) {} : ctor) as VersionedConstructor;
  Object.defineProperty(definition, VERSION_KEY, { value: version, configurable: false });
  registry.define(tag, definition);
  return definition;
}
