/**
 * The codes of errors the client raises itself, beside the contract's problem codes: together they
 * are every `code` a {@link PartnerKitError} can carry.
 * @module
 */
import type { ProblemCode } from '../../schemas/problem.js';

/** Codes of failures that never reached a problem document. */
export const CLIENT_ERROR_CODES = [
  /** `fetch` failed: offline, DNS, a refused connection, or a cross-origin request the browser blocked. */
  'network_error',
  /** No answer within the client's timeout. */
  'timeout',
  /** The answer did not match the contract's schema. */
  'invalid_response',
  /** `fetchSession` failed or threw. */
  'session_failed',
  /** `fetchSession` answered something that is not a session. */
  'session_invalid',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** Every code a PartnerKit error can carry: switch on it exhaustively. */
export type ErrorCode = ProblemCode | ClientErrorCode;
