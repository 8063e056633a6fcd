// Type tests of the client as an integrator writes it. Every line must compile except those
// under `@ts-expect-error`, which must not (tsc reports an expectation that is not met). Checked
// by the workspace's typecheck and, against the packed packages, at both ends of the supported
// TypeScript range under `strict` and `exactOptionalPropertyTypes` (scripts/published/).
import {
  createClient,
  isConflictError,
  isHttpError,
  isIdempotencyMismatchError,
  isPartnerKitError,
  newIdempotencyKey,
  responseInfo,
  type ClientOptions,
  type ConflictError,
  type HttpError,
  type ConflictReason,
  type ErrorCode,
  type HttpErrorCode,
  type SessionGrant,
} from '@partnerkit/core/client';
import type { DealInput } from '@partnerkit/core/schemas';

declare const env: Record<string, string | undefined>;
declare const fetchSession: () => Promise<SessionGrant>;
declare const input: DealInput;
const baseUrl = 'https://prm.example.com/api';

// Authentication is a token or sessions: a value that may be undefined is fine (security.md's
// `token: process.env.PARTNERKIT_ADMIN_KEY`), both together are not.
export const admin = createClient({ baseUrl, token: env['PARTNERKIT_ADMIN_KEY'] });
export const page = createClient({ baseUrl, fetchSession });
export const anonymous = createClient({ baseUrl });
// @ts-expect-error token and fetchSession together throw at run time, so they do not compile
createClient({ baseUrl, token: 'pk_admin_x', fetchSession });
// @ts-expect-error fetchSession must return a session
createClient({ baseUrl, fetchSession: async () => 'a token' });
// @ts-expect-error baseUrl is required
createClient({ token: 'pk_admin_x' });

// Optional options take undefined under exactOptionalPropertyTypes, as conditionals give it.
declare const slow: boolean;
export const tuned: ClientOptions = {
  baseUrl,
  token: env['PARTNERKIT_ADMIN_KEY'],
  timeout: slow ? 30_000 : undefined,
  retry: slow ? { limit: 4, delay: undefined } : undefined,
  cache: env['CACHE'] ? { ttl: 30_000, maxEntries: undefined } : undefined,
  clientName: env['CLIENT_NAME'],
  hooks: { beforeRequest: undefined },
};
// @ts-expect-error timeout is a number of milliseconds
createClient({ baseUrl, timeout: '10s' });

// A page's nextCursor goes straight back into the next call.
export async function allApproved(): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const next = await admin.deals.list({ status: 'approved', cursor, limit: 200 });
    count += next.data.length;
    cursor = next.nextCursor;
  } while (cursor);
  return count;
}
// @ts-expect-error a cursor is a string
void admin.deals.list({ cursor: 42 });
// Per-call options take undefined too.
void admin.deals.list(undefined, { signal: undefined });
void admin.deals.register(input, { idempotencyKey: env['KEY'] });

// HttpError.code and ConflictError.reason are unions: a switch over them is exhaustive.
export function describe(error: HttpError): string {
  const code: HttpErrorCode = error.code;
  switch (code) {
    case 'validation_failed':
    case 'malformed_json':
    case 'malformed_request':
    case 'unsupported_media_type':
    case 'payload_too_large':
    case 'headers_too_large':
    case 'method_not_allowed':
    case 'invalid_cursor':
    case 'invalid_transition':
    case 'in_use':
      return 'check the request';
    case 'idempotency_mismatch':
      return 'use a new idempotency key';
    case 'unauthorized':
    case 'forbidden':
      return 'sign in again';
    case 'not_found':
      return 'gone';
    case 'deal_conflict':
      return 'taken';
    case 'agreement_required':
      return 'accept the agreement first';
    case 'plan_changed':
      return 'read again';
    case 'attempts_exhausted':
    case 'assessment_passed':
      return 'nothing more to try';
    case 'request_closed':
      return 'open a new request';
    case 'kpi_computed':
      return 'leave the computed KPI out of the batch';
    case 'request_timeout':
    case 'rate_limited':
    case 'internal_error':
    case 'service_unavailable':
    case 'unknown_problem':
      return 'try again later';
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}

export function reasonText(error: ConflictError): string {
  const reason: ConflictReason | null = error.reason;
  switch (reason) {
    case 'already_registered':
      return 'another partner registered this customer';
    case 'protected':
      return 'the customer is protected';
    case 'own_registration':
      return 'you registered this customer already';
    case null:
      return 'the customer is not available';
    default: {
      const unhandled: never = reason;
      return unhandled;
    }
  }
}

export function codeOf(error: unknown): ErrorCode | undefined {
  if (!isPartnerKitError(error)) return undefined;
  // @ts-expect-error no such code: the status-derived fallbacks are codes of the contract now
  if (error.code === 'server_error') return undefined;
  return error.code;
}

export function narrow(error: unknown): void {
  if (isHttpError(error)) {
    // @ts-expect-error a conflict reason is not a free string
    const reason: ConflictError['reason'] = 'held_by_someone';
    void reason;
  }
  if (isConflictError(error)) {
    const reason: ConflictReason | null = error.reason;
    void reason;
  }
  if (isIdempotencyMismatchError(error)) {
    const code: 'idempotency_mismatch' = error.code;
    void code;
  }
}

// A replayed answer can be told from a first one.
export async function register(): Promise<boolean> {
  const deal = await page.deals.register(input, { idempotencyKey: newIdempotencyKey() });
  const replayed: boolean | undefined = responseInfo(deal)?.replayed;
  return replayed === true;
}
