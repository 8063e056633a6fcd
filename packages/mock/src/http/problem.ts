/**
 * Problem documents (RFC 9457), as the contract writes them: every error the mock answers.
 * @module
 */
import { PROBLEM_TYPE_BASE, type ConflictReason, type FieldError, type Problem, type ProblemCode, type RequiredAgreement } from '@partnerkit/core/schemas';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** An error that becomes a problem document; anything else thrown becomes a 500. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; reason?: ConflictReason; agreements?: RequiredAgreement[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }

  toProblem(requestId: string): Problem {
    return {
      type: `${PROBLEM_TYPE_BASE}${this.code}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      code: this.code,
      requestId,
      ...(this.extra.errors ? { errors: this.extra.errors } : {}),
      ...(this.extra.reason ? { reason: this.extra.reason } : {}),
      ...(this.extra.agreements ? { agreements: this.extra.agreements } : {}),
    };
  }
}

const CONFLICT_DETAIL: Record<ConflictReason, string> = {
  already_registered: 'Another active registration holds this customer.',
  protected: 'An approved registration protects this customer.',
  own_registration: 'Your organisation already has an active registration for this customer.',
};

/** The problems the mock answers, one constructor each. */
export const problems = {
  validation: (errors: FieldError[], detail = 'Fix the fields listed in errors and send the request again.') =>
    new ProblemError(400, 'validation_failed', 'The request is not valid', detail, { errors }),
  unknown: (path: string, what: string) => problems.validation([{ path, message: `no ${what} has this id` }]),
  malformedJson: (detail: string) => new ProblemError(400, 'malformed_json', 'The body is not valid JSON', detail),
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
  dealConflict: (reason: ConflictReason) =>
    new ProblemError(409, 'deal_conflict', reason === 'protected' ? 'The customer is protected' : 'The customer is already registered', CONFLICT_DETAIL[reason], { reason }),
  invalidTransition: (detail: string) => new ProblemError(409, 'invalid_transition', 'The deal cannot make this move', detail),
  invalidPlanTransition: (detail: string) => new ProblemError(409, 'invalid_transition', 'The plan cannot make this move', detail),
  planChanged: (detail: string) => new ProblemError(409, 'plan_changed', 'The plan changed since it was read', detail),
  inUse: (detail: string) => new ProblemError(409, 'in_use', 'The object is in use', detail),
  payloadTooLarge: (limit: number) => new ProblemError(413, 'payload_too_large', 'The body is too large', `Bodies may be at most ${limit} bytes.`),
  unsupportedMediaType: () => new ProblemError(415, 'unsupported_media_type', 'Unsupported media type', 'Send the body as application/json in UTF-8.'),
  idempotencyMismatch: () =>
    new ProblemError(422, 'idempotency_mismatch', 'The idempotency key was used with another request', 'Use a new Idempotency-Key for a different request.'),
  internal: (detail = 'The mock backend failed to answer this request.') => new ProblemError(500, 'internal_error', 'Internal server error', detail),
};

/** A problem as a `Response`, with the request id and the problem's own headers. */
export function problemResponse(problem: ProblemError, requestId: string): Response {
  return new Response(JSON.stringify(problem.toProblem(requestId)), {
    status: problem.status,
    headers: { 'Content-Type': PROBLEM_MEDIA_TYPE, ...problem.extra.headers },
  });
}

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}
