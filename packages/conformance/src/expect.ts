/**
 * Assertions over exchanges. Each fails the running check with what the backend answered,
 * in words, so a report line says what went wrong without a debugger.
 * @module
 */
import type * as z from 'zod/mini';
import { fieldErrors, PROBLEM_TYPE_BASE, Problem } from '@partnerkit/core/schemas';
import { ensure, fail } from './check.js';
import { describe, type Exchange, truncate } from './http.js';

/** The exchange's status is `expected` (or one of them). */
export function expectStatus(exchange: Exchange, expected: number | readonly number[], as?: string): void {
  const allowed = typeof expected === 'number' ? [expected] : expected;
  ensure(allowed.includes(exchange.status), () => `${describe(exchange, as)}; expected ${allowed.join(' or ')}`);
}

/**
 * The body parsed with the contract's `schema`; fails naming each path that violates it (with
 * core's readable descriptions, never the values).
 */
export function parseBody<T>(exchange: Exchange, schema: z.ZodMiniType<T>, as?: string): T {
  const result = schema.safeParse(exchange.body);
  if (result.success) return result.data;
  const issues = fieldErrors(result.error.issues)
    .slice(0, 4)
    .map((e) => `${e.path || '(body)'} ${e.message}`)
    .join('; ');
  fail(`${exchange.method} ${exchange.path}${as ? ` as ${as}` : ''} answered ${exchange.status} with a body the contract does not allow: ${issues}`);
}

/** A 2xx (or `status`) answer whose body matches `schema`. */
export function expectBody<T>(exchange: Exchange, schema: z.ZodMiniType<T>, status: number | readonly number[] = [200], as?: string): T {
  expectStatus(exchange, status, as);
  return parseBody(exchange, schema, as);
}

/**
 * What is wrong with an error answer as a problem document (RFC 9457 and the contract's
 * additions), or an empty list when nothing is.
 */
export function problemDefects(exchange: Exchange): string[] {
  const defects: string[] = [];
  const type = exchange.headers.get('content-type') ?? '';
  if (!/^application\/problem\+json\b/i.test(type)) defects.push(`Content-Type is ${type ? `"${type}"` : 'missing'}, not application/problem+json`);
  const parsed = Problem.safeParse(exchange.body);
  if (!parsed.success) {
    defects.push(
      exchange.body === undefined
        ? `the body is not JSON (${truncate(JSON.stringify(exchange.text), 80)})`
        : `the body is not a problem document: ${fieldErrors(parsed.error.issues)
            .slice(0, 3)
            .map((e) => `${e.path || '(body)'} ${e.message}`)
            .join('; ')}`,
    );
    return defects;
  }
  const problem = parsed.data;
  if (problem.status !== exchange.status) defects.push(`"status" is ${problem.status} but the HTTP status is ${exchange.status}`);
  if (problem.type !== `${PROBLEM_TYPE_BASE}${problem.code}`) defects.push(`"type" is "${problem.type}", not ${PROBLEM_TYPE_BASE}${problem.code}`);
  const requestId = exchange.headers.get('x-request-id');
  if (requestId === null) defects.push('no X-Request-Id header');
  else if (problem.requestId !== undefined && problem.requestId !== requestId) defects.push(`"requestId" differs from X-Request-Id`);
  return defects;
}

/** An error answer with `status` and problem `code`, well formed; answers the problem. */
export function expectProblem(exchange: Exchange, status: number, code: string, as?: string): Problem {
  const body = exchange.body as { code?: unknown } | undefined;
  ensure(exchange.status === status && body?.code === code, () => `${describe(exchange, as)}; expected ${status} ${code}`);
  const defects = problemDefects(exchange);
  ensure(defects.length === 0, () => `${describe(exchange, as)}, but ${defects.join('; ')}`);
  return exchange.body as Problem;
}

/** A `validation_failed` problem naming every one of `paths` in its field errors. */
export function expectFieldErrors(exchange: Exchange, paths: readonly string[], as?: string): Problem {
  const problem = expectProblem(exchange, 400, 'validation_failed', as);
  const errors = problem.errors ?? [];
  const named = errors.map((e) => e.path);
  const missing = paths.filter((p) => !named.includes(p));
  ensure(missing.length === 0, () => `${describe(exchange, as)} with field errors at [${named.join(', ')}]; expected one at ${missing.join(', ')}`);
  const blank = errors.filter((e) => e.message.trim() === '');
  ensure(blank.length === 0, () => `${describe(exchange, as)}; the field error at ${blank[0]?.path} has no message`);
  return problem;
}

/** Fails unless `exchange` is not a 5xx: bad input is the client's fault, never the server's. */
export function expectNo5xx(exchange: Exchange, as?: string): void {
  ensure(exchange.status < 500, () => `${describe(exchange, as)}; bad input must get a 4xx problem, never a 5xx`);
}

/** Numbers equal up to float noise (the rules' own tolerance is 1e-9). */
export function sameNumber(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A JSON-ish value in a short form for reports. */
export function show(value: unknown): string {
  return truncate(JSON.stringify(value) ?? String(value), 120);
}
