/**
 * The version of `@partnerkit/core` this client belongs to, sent in the client identifier header.
 * A test keeps it equal to the package's `version`.
 *
 * @example
 * ```ts
 * import { CLIENT_VERSION } from '@partnerkit/core/client';
 * console.log(`PartnerKit client ${CLIENT_VERSION}`);
 * ```
 */
export const CLIENT_VERSION = '0.1.0';
