import type { ErrorKind } from './brand.js';
import { HttpError } from './http-error.js';

/**
 * The backend refused an `Idempotency-Key` it had seen with another request (422
 * `idempotency_mismatch`): the same key was sent with a different body, path or method. Nothing
 * was done. This is a bug in the caller (a key reused for a changed draft, say), not bad input a
 * person can fix: send the new request with a new key.
 *
 * @example
 * ```ts
 * import { isIdempotencyMismatchError, newIdempotencyKey } from '@partnerkit/core/client';
 * try {
 *   await client.deals.register(draft.input, { idempotencyKey: draft.key });
 * } catch (error) {
 *   if (!isIdempotencyMismatchError(error)) throw error;
 *   draft.key = newIdempotencyKey(); // the draft changed since the key was first used
 *   await client.deals.register(draft.input, { idempotencyKey: draft.key });
 * }
 * ```
 */
export class IdempotencyMismatchError extends HttpError {
  static override readonly kind: ErrorKind = 'IdempotencyMismatchError';
  declare readonly code: 'idempotency_mismatch';
}
