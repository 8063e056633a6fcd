/**
 * RFC 9457 problem documents: how every error of the contract is answered.
 * @module
 */
import * as z from 'zod/mini';

/** Stable machine-readable error codes; `type` is `https://partnerkit.dev/problems/<code>`. */
export const PROBLEM_CODES = [
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'deal_conflict',
  'in_use',
  'invalid_transition',
  'invalid_cursor',
  'idempotency_mismatch',
  'rate_limited',
  'internal_error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const PROBLEM_TYPE_BASE = 'https://partnerkit.dev/problems/';

export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int().check(z.gte(400), z.lte(599)),
  detail: z.optional(z.string()),
  /** Stable code; see `PROBLEM_CODES`. Backends may add their own. */
  code: z.string(),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  /** Field errors of a `validation_failed` problem. */
  errors: z.optional(z.array(FieldError)),
  /** Reason code of a `deal_conflict` problem. */
  reason: z.optional(z.string()),
});
export type Problem = z.infer<typeof Problem>;
