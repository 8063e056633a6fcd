import type { ConflictReason } from '../../schemas/deal.js';
import type { ErrorKind } from './brand.js';
import { HttpError, type HttpErrorInit } from './http-error.js';

// Keyed by every reason of the contract, so a new one fails to compile here until it is listed
// (a type import: the error classes stay free of the deal schemas).
const CONFLICT_REASONS: Readonly<Record<ConflictReason, true>> = { already_registered: true, protected: true, own_registration: true };
const isConflictReason = (reason: unknown): reason is ConflictReason => typeof reason === 'string' && Object.hasOwn(CONFLICT_REASONS, reason);

/**
 * The request conflicts with the current state (409), e.g. the customer is already registered
 * by someone: `reason` is the problem's reason code (`already_registered`, `protected`, ...),
 * never another partner's identity. A reason the contract does not define is `null` here and kept
 * in `problem.reason`.
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
  /** The problem's reason code when the contract defines it (a `switch` over it can be exhaustive), else null. */
  readonly reason: ConflictReason | null;

  constructor(init: HttpErrorInit) {
    super(init);
    this.reason = isConflictReason(init.problem.reason) ? init.problem.reason : null;
  }
}
