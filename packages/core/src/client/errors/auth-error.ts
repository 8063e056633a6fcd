import type { ErrorKind } from './brand.js';
import { HttpError } from './http-error.js';

/**
 * The backend refused the caller (401: no valid token even after one session refresh; 403: the
 * principal may not do this).
 *
 * @example
 * ```ts
 * import { isAuthError } from '@partnerkit/core/client';
 * try {
 *   await client.tiers.put('gold', tier);
 * } catch (error) {
 *   if (isAuthError(error)) showSignIn(error.status === 403 ? 'forbidden' : 'expired');
 * }
 * ```
 */
export class AuthError extends HttpError {
  static override readonly kind: ErrorKind = 'AuthError';
}
