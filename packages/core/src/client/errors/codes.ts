/**
 * The codes of errors the client raises itself, beside the contract's problem codes: together they
 * are every `code` a {@link PartnerKitError} can carry.
 * @module
 */
import type { Problem, ProblemCode } from '../../schemas/problem.js';

/** Codes the client gives failures itself, beside the contract's {@link ProblemCode}s. */
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
  /**
   * An error answer whose code the contract does not define and whose status has no code of its
   * own (a 409 or 410 from a proxy, a backend's private code): `problem.code` keeps what was sent.
   */
  'unknown_problem',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** Every code a PartnerKit error can carry: switch on it exhaustively. */
export type ErrorCode = ProblemCode | ClientErrorCode;

/** The `code` of an {@link HttpError}: one of the contract's codes, or `unknown_problem`. */
export type HttpErrorCode = ProblemCode | 'unknown_problem';

/** The contract's code for an answer that carried none it defines, by status. */
const STATUS_CODES = {
  400: 'malformed_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  431: 'headers_too_large',
  500: 'internal_error',
  503: 'service_unavailable',
} as const satisfies Record<number, ProblemCode>;

/** The contract's codes that no status stands for. */
const OTHER_CODES = ['malformed_json', 'deal_conflict', 'in_use', 'invalid_transition', 'invalid_cursor', 'idempotency_mismatch', 'agreement_required', 'plan_changed', 'attempts_exhausted', 'assessment_passed', 'request_closed', 'kpi_computed'] as const;

// Every code of the contract is in one of the two lists: a new one fails to compile here until it
// is listed (a type import of the list, so the error classes carry no schema module).
type Unlisted = Exclude<ProblemCode, (typeof STATUS_CODES)[keyof typeof STATUS_CODES] | (typeof OTHER_CODES)[number]>;
export const EVERY_CODE_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

const KNOWN_CODES: ReadonlySet<string> = new Set([...Object.values(STATUS_CODES), ...OTHER_CODES]);

/** The code an answer with `status` gets when its body names no code of the contract. */
export function codeForStatus(status: number): HttpErrorCode {
  // A gateway's 502 or 504 says the backend is not there now, like a 503.
  const code = (STATUS_CODES as Readonly<Record<number, ProblemCode>>)[status === 502 || status === 504 ? 503 : status];
  return code ?? (status >= 500 ? 'internal_error' : 'unknown_problem');
}

/** An error answer's code: the problem's own when the contract defines it, else {@link codeForStatus}. */
export function httpErrorCode(problem: Pick<Problem, 'code' | 'status'>): HttpErrorCode {
  return KNOWN_CODES.has(problem.code) ? (problem.code as ProblemCode) : codeForStatus(problem.status);
}
