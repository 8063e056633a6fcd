/**
 * Turning responses into typed data or typed errors.
 * @module
 */
import * as z from 'zod/mini';
import { Problem } from '../../schemas/problem.js';
import {
  AuthError,
  ConflictError,
  HttpError,
  IdempotencyMismatchError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  ValidationProblemError,
  type ContractIssue,
  type HttpErrorInit,
  type FailedRequest,
} from '../errors/index.js';
import { codeForStatus } from '../errors/codes.js';
import { redact } from './redact.js';
import { recordResponse } from './response-info.js';
import { describeIssues } from './issue-words.js';

/** A schema of the contract that a response body is parsed with. */
export type Schema<T> = z.ZodMiniType<T, unknown>;

/**
 * The header a backend names its request id in; errors carry it as `requestId`.
 *
 * @example
 * ```ts
 * import { REQUEST_ID_HEADER } from '@partnerkit/core/client';
 * response.headers.set(REQUEST_ID_HEADER, requestId); // on the server side
 * ```
 */
export const REQUEST_ID_HEADER = 'x-request-id';

const requestIdOf = (response: Response): string | null => response.headers.get(REQUEST_ID_HEADER);

/** `data[0].customer.company` from a zod path. */

async function readText(response: Response, request: FailedRequest): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new NetworkError(request, { cause, reason: 'the response body could not be read' });
  }
}

/**
 * The body of a 2xx answer, parsed with the contract's schema; `null` schema means no body is
 * expected (204). Violations become a {@link ResponseValidationError} that names paths only.
 */
export async function readData<T>(response: Response, request: FailedRequest, schema: Schema<T> | null): Promise<T> {
  if (schema === null) {
    await response.body?.cancel().catch(() => undefined);
    return undefined as T;
  }
  const text = await readText(response, request);
  const invalid = (issues: ContractIssue[]) =>
    new ResponseValidationError({ request, status: response.status, requestId: requestIdOf(response), issues });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid([{ path: '', message: text === '' ? 'expected a JSON body, got an empty one' : 'expected a JSON body' }]);
  }
  const result = z.safeParse(schema, body);
  if (!result.success) {
    throw invalid(await describeIssues(result.error.issues));
  }
  recordResponse(result.data, response, requestIdOf(response));
  return result.data;
}

/** The problem document of an error answer, or one made from the status when the body is not one. */
async function readProblem(response: Response, request: FailedRequest): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: codeForStatus(response.status),
  };
  let text: string;
  try {
    text = await readText(response, request);
  } catch {
    return fallback;
  }
  try {
    const parsed = z.safeParse(Problem, JSON.parse(text));
    // The status line is the truth; a problem that disagrees with it is not trusted for the status.
    if (parsed.success) return { ...parsed.data, status: response.status };
  } catch {
    // Not JSON: a proxy's HTML page, say. The status still tells what happened.
  }
  return fallback;
}

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The typed error for a non-2xx answer; `secret` (the token sent) is scrubbed from the problem. */
export async function toHttpError(response: Response, request: FailedRequest, secret?: string): Promise<HttpError> {
  const problem = redact(await readProblem(response, request), secret);
  const init: HttpErrorInit = { request, problem, requestId: requestIdOf(response) ?? problem.requestId ?? null };
  const { status } = response;
  if (problem.code === 'idempotency_mismatch') return new IdempotencyMismatchError(init);
  if (status === 400 || status === 422) return new ValidationProblemError(init);
  if (status === 401 || status === 403) return new AuthError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new ConflictError(init);
  if (status === 429) return new RateLimitError({ ...init, retryAfter: parseRetryAfter(response.headers.get('retry-after')) });
  return new HttpError(init);
}
