import type { ErrorKind } from './brand.js';
import { HttpError } from './http-error.js';

/**
 * The object does not exist, or lies outside the caller's scope (404; the contract never says
 * which, so its existence does not leak).
 *
 * @example
 * ```ts
 * import { isNotFoundError } from '@partnerkit/core/client';
 * const deal = await client.deals.get(id).catch((error: unknown) => {
 *   if (isNotFoundError(error)) return null;
 *   throw error;
 * });
 * ```
 */
export class NotFoundError extends HttpError {
  static override readonly kind: ErrorKind = 'NotFoundError';
}
