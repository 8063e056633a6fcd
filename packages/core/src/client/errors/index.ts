/**
 * The client's error hierarchy and its cross-copy guards.
 * @module
 */
export { PartnerKitError } from './partnerkit-error.js';
export { CLIENT_ERROR_CODES, type ClientErrorCode, type ErrorCode, type HttpErrorCode } from './codes.js';
export { HttpError, type HttpErrorInit } from './http-error.js';
export { ValidationProblemError } from './validation-problem-error.js';
export { IdempotencyMismatchError } from './idempotency-mismatch-error.js';
export { ConflictError } from './conflict-error.js';
export { AuthError } from './auth-error.js';
export { NotFoundError } from './not-found-error.js';
export { RateLimitError } from './rate-limit-error.js';
export { NetworkError } from './network-error.js';
export { TimeoutError } from './timeout-error.js';
export { ResponseValidationError, type ContractIssue } from './response-validation-error.js';
export { SessionError } from './session-error.js';
export type { FailedRequest } from './request-info.js';
export { ERROR_BRAND, type ErrorKind } from './brand.js';
export * from './guards.js';
