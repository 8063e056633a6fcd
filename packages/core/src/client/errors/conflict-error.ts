import type { ErrorKind } from './brand.js';
import { HttpError, type HttpErrorInit } from './http-error.js';

/**
 * The request conflicts with the current state (409), e.g. the customer is already registered
 * by someone: `reason` is the problem's reason code (`already_registered`, `protected`, ...),
 * never another partner's identity.
 *
 * @example
 * ```ts
 * import { isConflictError } from '@partnerkit/core/client';
 * try {
 *   await client.deals.register(input);
 * } catch (error) {
 *   if (isConflictError(error) && error.reason === 'already_registered') showTaken();
 * }
 * ```
 */
export class ConflictError extends HttpError {
  static override readonly kind: ErrorKind = 'ConflictError';
  /** The problem's reason code, or null. */
  readonly reason: string | null;

  constructor(init: HttpErrorInit) {
    super(init);
    this.reason = init.problem.reason ?? null;
  }
}
