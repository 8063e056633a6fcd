/**
 * Problem documents (RFC 9457): the contract's builders from `@partnerkit/core`, the same the
 * reference server answers with, and the mock's JSON answers.
 * @module
 */
export { PROBLEM_MEDIA_TYPE, ProblemError, problemResponse, problems } from '@partnerkit/core/schemas';

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}
