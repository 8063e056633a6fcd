/**
 * The version of `@partnerkit/elements`; `defineElement` compares it when a tag is defined twice.
 * A Node test keeps it equal to package.json's version.
 */
export const VERSION = '0.1.0';
