import type { ConflictReason } from '../../schemas/deal.js';
import type { ErrorKind } from './brand.js';
import { HttpError, type HttpErrorInit } from './http-error.js';

// Every reason of the contract (a type import: the error classes stay free of the deal schemas);
// a new one fails to compile here until it is listed.
const CONFLICT_REASONS = ['already_registered', 'protected', 'own_registration'] as const satisfies readonly ConflictReason[];
export const EVERY_REASON_LISTED: [Exclude<ConflictReason, (typeof CONFLICT_REASONS)[number]>] extends [never] ? true : never = true;
const isConflictReason = (reason: unknown): reason is ConflictReason => (CONFLICT_REASONS as readonly unknown[]).includes(reason);

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
