/**
 * Cross-bundle identity of PartnerKit errors. Two copies of `@partnerkit/core` on one page have
 * two sets of classes, so `instanceof` alone fails; a registered symbol is shared by every copy.
 * @module
 */

/**
 * The registered symbol under which an error lists the kinds it is (its class chain). The guards
 * read it; you rarely need it yourself.
 *
 * @example
 * ```ts
 * import { ERROR_BRAND } from '@partnerkit/core/client';
 * (error as Record<symbol, unknown>)[ERROR_BRAND]; // ['PartnerKitError', 'HttpError', 'NotFoundError']
 * ```
 */
export const ERROR_BRAND = Symbol.for('@partnerkit/core/error');

/**
 * Every kind of error the client throws (each class's name).
 *
 * @example
 * ```ts
 * const kind: ErrorKind = 'ConflictError';
 * ```
 */
export type ErrorKind =
  | 'PartnerKitError'
  | 'HttpError'
  | 'ValidationProblemError'
  | 'IdempotencyMismatchError'
  | 'ConflictError'
  | 'AuthError'
  | 'NotFoundError'
  | 'RateLimitError'
  | 'NetworkError'
  | 'TimeoutError'
  | 'ResponseValidationError'
  | 'SessionError';

/** The kinds a value claims through the brand, or an empty list for anything else. */
export function kindsOf(value: unknown): readonly string[] {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return [];
  const kinds = (value as Record<symbol, unknown>)[ERROR_BRAND];
  return Array.isArray(kinds) ? (kinds as string[]) : [];
}

/** True when `value` is a PartnerKit error of `kind`, whichever copy of the package made it. */
export function hasKind(value: unknown, kind: ErrorKind): boolean {
  return kindsOf(value).includes(kind);
}
