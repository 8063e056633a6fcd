/**
 * The kit's version, kept equal to package.json by a test.
 * @module
 */

/** `@partnerkit/conformance` version. */
export const KIT_VERSION = '0.1.0';
