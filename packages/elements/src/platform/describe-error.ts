/**
 * Turns whatever a data task rejected with into something a widget can show in the person's
 * language and report in a `pk-error` event. Reads the client's errors by their stable `code`,
 * `status` and `name`, never by `instanceof`, so errors from another copy of core are understood.
 * @module
 */
import type { ErrorCode } from '@partnerkit/core/client';
import type { PlatformMessages } from './i18n/en.js';

/** Platform message keys for errors (`pk.error.*`). */
export type ErrorMessageKey = Extract<keyof PlatformMessages, `pk.error.${string}`>;

/** A failure, described for display and for the `pk-error` event. */
export interface ErrorDescription {
  /** Stable code: the problem's `code`, or the client error's. */
  code: string;
  /** English message for logs and events (the client's errors never contain tokens). */
  message: string;
  /** The platform message to show. */
  messageKey: Exclude<ErrorMessageKey, 'pk.error.title' | 'pk.error.reference'>;
  /** Seconds to wait before retrying (rate limits). */
  retryAfter?: number;
  status?: number;
  requestId?: string;
}

// The codes whose HTTP status does not say it already (see `byStatus`): errors without a status
// (the network, a timeout, the session), a 408, a 200 whose body broke the contract, and the 403 that
// an agreement waiting for acceptance answers (its own message: accepting it opens the way).
const byCode: Partial<Record<ErrorCode, ErrorDescription['messageKey']>> = {
  network_error: 'pk.error.network',
  timeout: 'pk.error.timeout',
  request_timeout: 'pk.error.timeout',
  invalid_response: 'pk.error.invalidResponse',
  session_failed: 'pk.error.session',
  session_invalid: 'pk.error.session',
  agreement_required: 'pk.error.agreementRequired',
};

const byName: Record<string, ErrorDescription['messageKey']> = {
  NetworkError: 'pk.error.network',
  TimeoutError: 'pk.error.timeout',
  AuthError: 'pk.error.unauthorized',
  NotFoundError: 'pk.error.notFound',
  RateLimitError: 'pk.error.rateLimited',
  ValidationProblemError: 'pk.error.invalidRequest',
  ResponseValidationError: 'pk.error.invalidResponse',
  SessionError: 'pk.error.session',
  TypeError: 'pk.error.network', // what `fetch` rejects with when the network fails
};

function byStatus(status: number): ErrorDescription['messageKey'] {
  if (status === 401) return 'pk.error.unauthorized';
  if (status === 403) return 'pk.error.forbidden';
  if (status === 404) return 'pk.error.notFound';
  if (status === 429) return 'pk.error.rateLimited';
  if (status >= 500) return 'pk.error.server';
  return 'pk.error.invalidRequest';
}

/** `value[key]` when `value` is an object (errors are read by shape, never by class). */
export const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** True when `error` is an abort (the task was superseded or the element left the page). */
export function isAbortError(error: unknown): boolean {
  return field(error, 'name') === 'AbortError';
}

/** Describes `error` for display. Unknown shapes become `unknown_error`. */
export function describeError(error: unknown): ErrorDescription {
  const code = field(error, 'code');
  const name = field(error, 'name');
  const status = field(error, 'status');
  const requestId = field(error, 'requestId');
  const retryAfter = field(error, 'retryAfter');
  const message = field(error, 'message');

  const messageKey =
    (typeof code === 'string' && Object.hasOwn(byCode, code) && byCode[code as ErrorCode]) ||
    // The answer's status before the error's class: a session route's 403 is a refusal, not an ended session.
    (typeof status === 'number' && byStatus(status)) ||
    (typeof name === 'string' && byName[name]) ||
    'pk.error.unknown';

  const description: ErrorDescription = {
    code: typeof code === 'string' && code ? code : 'unknown_error',
    message: typeof message === 'string' && message ? message : 'Unknown error',
    messageKey,
  };
  if (typeof status === 'number') description.status = status;
  if (typeof requestId === 'string' && requestId) description.requestId = requestId;
  if (typeof retryAfter === 'number' && Number.isFinite(retryAfter)) description.retryAfter = retryAfter;
  return description;
}
