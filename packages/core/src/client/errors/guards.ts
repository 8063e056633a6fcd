/**
 * Type guards that recognise PartnerKit errors from any copy of the package (they read the
 * registered brand, not the class identity).
 * @module
 */
import type { AuthError } from './auth-error.js';
import { hasKind } from './brand.js';
import type { ConflictError } from './conflict-error.js';
import type { HttpError } from './http-error.js';
import type { IdempotencyMismatchError } from './idempotency-mismatch-error.js';
import type { NetworkError } from './network-error.js';
import type { NotFoundError } from './not-found-error.js';
import type { PartnerKitError } from './partnerkit-error.js';
import type { RateLimitError } from './rate-limit-error.js';
import type { ResponseValidationError } from './response-validation-error.js';
import type { SessionError } from './session-error.js';
import type { TimeoutError } from './timeout-error.js';
import type { ValidationProblemError } from './validation-problem-error.js';
import type { RequiredAgreement } from '../../schemas/problem.js';

/**
 * True for every error the PartnerKit client throws, from this or any other copy of the package.
 *
 * @example
 * ```ts
 * import { isPartnerKitError } from '@partnerkit/core/client';
 * try {
 *   await client.deals.list();
 * } catch (error) {
 *   if (!isPartnerKitError(error)) throw error; // an abort or a bug: not ours to show
 *   showError(error.message);
 * }
 * ```
 */
export function isPartnerKitError(error: unknown): error is PartnerKitError {
  return hasKind(error, 'PartnerKitError');
}

/**
 * True for a non-2xx answer ({@link HttpError} and its subclasses).
 * @example
 * ```ts
 * if (isHttpError(error)) console.warn(error.status, error.problem.code);
 * ```
 */
export function isHttpError(error: unknown): error is HttpError {
  return hasKind(error, 'HttpError');
}

/**
 * True for a 400/422 answer with field errors.
 * @example
 * ```ts
 * if (isValidationProblemError(error)) error.errors.forEach(({ path, message }) => show(path, message));
 * ```
 */
export function isValidationProblemError(error: unknown): error is ValidationProblemError {
  return hasKind(error, 'ValidationProblemError');
}

/**
 * True for a 422 `idempotency_mismatch`: an idempotency key reused with another request.
 * @example
 * ```ts
 * if (isIdempotencyMismatchError(error)) draft.key = newIdempotencyKey();
 * ```
 */
export function isIdempotencyMismatchError(error: unknown): error is IdempotencyMismatchError {
  return hasKind(error, 'IdempotencyMismatchError');
}

/**
 * True for a 409 answer.
 * @example
 * ```ts
 * if (isConflictError(error)) console.warn(error.reason);
 * ```
 */
export function isConflictError(error: unknown): error is ConflictError {
  return hasKind(error, 'ConflictError');
}

/**
 * True for a 401 (after one session refresh) or 403 answer.
 * @example
 * ```ts
 * if (isAuthError(error)) signIn();
 * ```
 */
export function isAuthError(error: unknown): error is AuthError {
  return hasKind(error, 'AuthError');
}

/**
 * True for a 404 answer.
 * @example
 * ```ts
 * if (isNotFoundError(error)) return null;
 * ```
 */
export function isNotFoundError(error: unknown): error is NotFoundError {
  return hasKind(error, 'NotFoundError');
}

/**
 * True for a 429 answer that the client's retries did not get past.
 * @example
 * ```ts
 * if (isRateLimitError(error)) wait(error.retryAfter ?? 60);
 * ```
 */
export function isRateLimitError(error: unknown): error is RateLimitError {
  return hasKind(error, 'RateLimitError');
}

/**
 * True when no answer arrived.
 * @example
 * ```ts
 * if (isNetworkError(error)) showOffline();
 * ```
 */
export function isNetworkError(error: unknown): error is NetworkError {
  return hasKind(error, 'NetworkError');
}

/**
 * True when the backend did not answer in time.
 * @example
 * ```ts
 * if (isTimeoutError(error)) console.warn(error.timeout);
 * ```
 */
export function isTimeoutError(error: unknown): error is TimeoutError {
  return hasKind(error, 'TimeoutError');
}

/**
 * True when a response broke the contract.
 * @example
 * ```ts
 * if (isResponseValidationError(error)) console.warn(error.issues, error.requestId);
 * ```
 */
export function isResponseValidationError(error: unknown): error is ResponseValidationError {
  return hasKind(error, 'ResponseValidationError');
}

/**
 * True when no session could be obtained from `fetchSession()`.
 * @example
 * ```ts
 * if (isSessionError(error)) signIn();
 * ```
 */
export function isSessionError(error: unknown): error is SessionError {
  return hasKind(error, 'SessionError');
}

/**
 * The agreements an error says to accept first: the `agreements` of an `agreement_required`
 * problem (403), else an empty list. Reads the error by its fields, so errors from another copy of
 * the client are understood too.
 *
 * @example
 * ```ts
 * try {
 *   await client.deals.register(input);
 * } catch (error) {
 *   const missing = requiredAgreements(error);
 *   if (missing.length > 0) showAgreement(missing[0].agreementId);
 * }
 * ```
 */
export function requiredAgreements(error: unknown): RequiredAgreement[] {
  const problem = typeof error === 'object' && error !== null ? (error as { problem?: unknown }).problem : undefined;
  if (typeof problem !== 'object' || problem === null || (problem as { code?: unknown }).code !== 'agreement_required') return [];
  const listed = (problem as { agreements?: unknown }).agreements;
  return Array.isArray(listed) ? (listed as RequiredAgreement[]) : [];
}
