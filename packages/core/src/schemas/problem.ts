/**
 * RFC 9457 problem documents: how every error of the contract is answered.
 * @module
 */
import * as z from 'zod/mini';

/**
 * Every stable machine-readable code a v1 backend answers with; `type` is
 * `https://partnerkit.dev/problems/<code>`. The one list for server, client, kit and elements:
 * a new code is a contract change and goes here first.
 */
export const PROBLEM_CODES = [
  'validation_failed',
  'malformed_json',
  'malformed_request',
  'unsupported_media_type',
  'payload_too_large',
  'headers_too_large',
  'request_timeout',
  'unauthorized',
  'forbidden',
  'agreement_required',
  'not_found',
  'method_not_allowed',
  'deal_conflict',
  'in_use',
  'invalid_transition',
  'plan_changed',
  'attempts_exhausted',
  'assessment_passed',
  'request_closed',
  'kpi_computed',
  'invalid_cursor',
  'idempotency_mismatch',
  'rate_limited',
  'internal_error',
  'service_unavailable',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** True when `code` is one of the contract's {@link PROBLEM_CODES}. */
export function isProblemCode(code: unknown): code is ProblemCode {
  return (PROBLEM_CODES as readonly unknown[]).includes(code);
}

export const PROBLEM_TYPE_BASE = 'https://partnerkit.dev/problems/';

export const FieldError = /* @__PURE__ */ z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/**
 * An agreement a gated operation waits for: the `agreements` of an `agreement_required` problem.
 * `gate` is the operation's gate (`deal_registration`, `resources`).
 */
export const RequiredAgreement = /* @__PURE__ */ z.object({ agreementId: z.string(), versionId: z.string(), title: z.string(), gate: z.string() });
export type RequiredAgreement = z.infer<typeof RequiredAgreement>;

export const Problem = /* @__PURE__ */ z.object({
  type: z.string(),
  title: z.string(),
  status: /* @__PURE__ */ z.int().check(z.gte(400), z.lte(599)),
  detail: z.optional(z.string()),
  /** Stable code; see `PROBLEM_CODES`. Backends may add their own. */
  code: z.string(),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  /** Field errors of a `validation_failed` problem. */
  errors: z.optional(z.array(FieldError)),
  /** Reason code of a `deal_conflict` problem. */
  reason: z.optional(z.string()),
  /** The agreements to accept first, on an `agreement_required` problem. */
  agreements: z.optional(z.array(RequiredAgreement)),
});
export type Problem = z.infer<typeof Problem>;
