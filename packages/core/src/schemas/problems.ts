/**
 * The contract's problem documents as values: one builder per problem a v1 backend answers, with
 * the title, detail and headers the contract gives it. The reference server and `@partnerkit/mock`
 * both answer through these, so the same failure reads the same from either. Runtime-neutral
 * (only the Fetch API's `Response` and `Headers`): it runs in Node, workers and browsers.
 * @module
 */
import type { FieldError, Problem, ProblemCode, RequiredAgreement } from './problem.js';
import { PROBLEM_TYPE_BASE } from './problem.js';
import type { ConflictReason } from './deal.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** What a problem carries besides status, code, title and detail. */
export interface ProblemExtra {
  /** Field errors of a `validation_failed` problem. */
  errors?: FieldError[];
  /** Reason code of a `deal_conflict` problem. */
  reason?: string;
  /** The agreements an `agreement_required` problem asks to accept first. */
  agreements?: RequiredAgreement[];
  /** Headers the answer carries (`Allow`, `Retry-After`, `WWW-Authenticate`, ...). */
  headers?: Record<string, string>;
}

/** An error that becomes a problem document; a backend answers anything else thrown as `internal_error`. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail?: string,
    readonly extra: ProblemExtra = {},
  ) {
    super(detail ?? title);
  }

  /** The document, with the request's id. */
  toProblem(requestId: string): Problem {
    return {
      type: `${PROBLEM_TYPE_BASE}${this.code}`,
      title: this.title,
      status: this.status,
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
      code: this.code,
      requestId,
      ...(this.extra.errors !== undefined ? { errors: this.extra.errors } : {}),
      ...(this.extra.reason !== undefined ? { reason: this.extra.reason } : {}),
      ...(this.extra.agreements !== undefined ? { agreements: this.extra.agreements } : {}),
    };
  }

  /** The same problem with more headers (a transport's own, such as `Connection: close`). */
  withHeaders(headers: Record<string, string>): ProblemError {
    return new ProblemError(this.status, this.code, this.title, this.detail, { ...this.extra, headers: { ...this.extra.headers, ...headers } });
  }
}

const CONFLICT_DETAIL: Record<ConflictReason, string> = {
  already_registered: 'Another active registration holds this customer.',
  protected: 'An approved registration protects this customer.',
  own_registration: 'Your organisation already has an active registration for this customer.',
};

/** `1 MiB`, `16 KiB`, or bytes. */
function formatBytes(bytes: number): string {
  if (bytes % 1_048_576 === 0) return `${bytes / 1_048_576} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** The contract's problems, one builder each. */
export const problems = {
  validation: (errors: FieldError[], detail = 'Fix the fields listed in errors and send the request again.') =>
    new ProblemError(400, 'validation_failed', 'The request is not valid', detail, { errors }),
  /** A reference to an object that does not exist: `unknownId('tierId', 'tier')`. */
  unknownId: (path: string, what: string) => problems.validation([{ path, message: `no ${what} has this id` }]),
  malformedJson: (detail: string) => new ProblemError(400, 'malformed_json', 'The body is not valid JSON', detail),
  malformedRequest: () =>
    new ProblemError(400, 'malformed_request', 'The request is not valid HTTP', 'The request line, a header or the body framing could not be parsed.'),
  invalidCursor: () =>
    new ProblemError(400, 'invalid_cursor', 'The cursor is not valid', 'Pass back the nextCursor of the previous page of the same list unchanged, or leave cursor out for the first page.'),
  unauthorized: (detail: string) =>
    new ProblemError(401, 'unauthorized', 'Authentication is required', detail, { headers: { 'WWW-Authenticate': 'Bearer realm="partnerkit"' } }),
  forbidden: (detail: string) => new ProblemError(403, 'forbidden', 'Not allowed', detail),
  agreementRequired: (agreements: RequiredAgreement[]) =>
    new ProblemError(
      403,
      'agreement_required',
      'An agreement must be accepted first',
      `Accept ${agreements.map((a) => `"${a.title}"`).join(' and ')} to continue; agreements lists what to accept.`,
      { agreements },
    ),
  notFound: (detail = 'There is nothing at this path.') => new ProblemError(404, 'not_found', 'Not found', detail),
  methodNotAllowed: (allowed: readonly string[]) =>
    new ProblemError(405, 'method_not_allowed', 'Method not allowed', `This path answers ${allowed.join(', ')}.`, { headers: { Allow: allowed.join(', ') } }),
  requestTimeout: () => new ProblemError(408, 'request_timeout', 'The request took too long to arrive', "Send the whole request within the server's timeout."),
  dealConflict: (reason: ConflictReason) =>
    new ProblemError(409, 'deal_conflict', reason === 'protected' ? 'The customer is protected' : 'The customer is already registered', CONFLICT_DETAIL[reason], { reason }),
  invalidTransition: (detail: string) => new ProblemError(409, 'invalid_transition', 'The deal cannot make this move', detail),
  invalidPlanTransition: (detail: string) => new ProblemError(409, 'invalid_transition', 'The plan cannot make this move', detail),
  planChanged: (detail: string) => new ProblemError(409, 'plan_changed', 'The plan changed since it was read', detail),
  attemptsExhausted: (allowed: number) =>
    new ProblemError(409, 'attempts_exhausted', 'No attempts are left', `The assessment allows ${allowed} attempt${allowed === 1 ? '' : 's'} per enrolment, and all were used.`),
  assessmentPassed: () =>
    new ProblemError(409, 'assessment_passed', 'The assessment was already passed', 'This enrolment passed its assessment already; a passed assessment is not taken again.'),
  invalidEnrolmentTransition: (detail: string) => new ProblemError(409, 'invalid_transition', 'The enrolment cannot make this move', detail),
  invalidRequestTransition: (detail: string) => new ProblemError(409, 'invalid_transition', 'The request cannot make this move', detail),
  requestClosed: () =>
    new ProblemError(409, 'request_closed', 'The request is closed', 'A closed request takes no more messages or moves; open a new request and mention this one.'),
  kpiComputed: (errors: { path: string; message: string }[]) =>
    new ProblemError(409, 'kpi_computed', 'The KPI is computed', 'The backend computes the values of these KPIs (from certifications); they take no measurements.', { errors }),
  inUse: (detail: string) => new ProblemError(409, 'in_use', 'The object is in use', detail),
  payloadTooLarge: (limit: number) => new ProblemError(413, 'payload_too_large', 'The body is too large', `Bodies may be at most ${formatBytes(limit)}.`),
  unsupportedMediaType: () => new ProblemError(415, 'unsupported_media_type', 'Unsupported media type', 'Send the body as application/json in UTF-8.'),
  idempotencyMismatch: () =>
    new ProblemError(422, 'idempotency_mismatch', 'The idempotency key was used with another request', 'Use a new Idempotency-Key for a different request.'),
  rateLimited: (retryAfterSeconds: number) =>
    new ProblemError(429, 'rate_limited', 'Too many requests', `Retry after ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    }),
  headersTooLarge: () => new ProblemError(431, 'headers_too_large', 'The request headers are too large', 'Send at most 16 KiB of headers.'),
  internal: (detail = 'The server failed to answer this request; it has been logged with the request id.') =>
    new ProblemError(500, 'internal_error', 'Internal server error', detail),
  serviceUnavailable: (detail: string) => new ProblemError(503, 'service_unavailable', 'The service is unavailable', detail),
};

/** A lifecycle's refusal of a move, as core's rules give it (`checkTransition`, `checkApplicationTransition`, `checkEnrolmentTransition`). */
export interface MoveRefusal {
  code: string;
  message: string;
}

/**
 * The problem for a move a lifecycle table refuses: 403 for a role that may not make it, 409
 * `request_closed` for a request past its reopening window, 400 at `reason` when the move needs
 * one, else 409 `invalid_transition`, titled with what moves.
 */
export function moveRefused(refusal: MoveRefusal, what: 'deal' | 'application' | 'request' | 'enrolment'): ProblemError {
  if (refusal.code === 'forbidden') return problems.forbidden(refusal.message);
  if (refusal.code === 'request_closed') return problems.requestClosed();
  if (refusal.code === 'reason_required') return problems.validation([{ path: 'reason', message: 'is required for this move' }], refusal.message);
  if (what === 'request') return problems.invalidRequestTransition(refusal.message);
  if (what === 'enrolment') return problems.invalidEnrolmentTransition(refusal.message);
  if (what === 'application') return new ProblemError(409, 'invalid_transition', 'The application cannot make this move', refusal.message);
  return problems.invalidTransition(refusal.message);
}

/** A problem as a `Response`, with `X-Request-Id` and the problem's own headers. */
export function problemResponse(problem: ProblemError, requestId: string): Response {
  const headers = new Headers({ 'Content-Type': PROBLEM_MEDIA_TYPE, 'X-Request-Id': requestId, ...problem.extra.headers });
  return new Response(JSON.stringify(problem.toProblem(requestId)), { status: problem.status, headers });
}
