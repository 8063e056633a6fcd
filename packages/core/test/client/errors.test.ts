import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type * as client from '@partnerkit/core/client';
import {
  AuthError,
  ConflictError,
  HttpError,
  IdempotencyMismatchError,
  NetworkError,
  NotFoundError,
  PartnerKitError,
  RateLimitError,
  ResponseValidationError,
  SessionError,
  TimeoutError,
  ValidationProblemError,
  isAuthError,
  isConflictError,
  isHttpError,
  isIdempotencyMismatchError,
  isNetworkError,
  isPartnerKitError,
  isRateLimitError,
  isValidationProblemError,
} from '@partnerkit/core/client';
import { deal } from './fixtures.ts';
import { harness } from './setup.ts';
import { json, problem } from './stub-fetch.ts';

/** A second, self-contained bundle of the client (ky and zod inlined), as when two bundles meet on a page. */
async function secondCopy(): Promise<typeof client> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../../src/client/index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as typeof client;
}

describe('error hierarchy', () => {
  it('maps each status to its class, with the problem code as the error code', async () => {
    const cases: [Response, abstract new (...args: never[]) => Error, string][] = [
      [problem(400, 'malformed_json'), ValidationProblemError, 'malformed_json'],
      [problem(422, 'validation_failed', { errors: [{ path: 'customer.company', message: 'must not be empty' }] }), ValidationProblemError, 'validation_failed'],
      [problem(401, 'unauthorized'), AuthError, 'unauthorized'],
      [problem(403, 'forbidden'), AuthError, 'forbidden'],
      [problem(404, 'not_found'), NotFoundError, 'not_found'],
      [problem(409, 'deal_conflict', { reason: 'already_registered' }), ConflictError, 'deal_conflict'],
      [problem(429, 'rate_limited', {}, { 'retry-after': '120' }), RateLimitError, 'rate_limited'],
      [problem(405, 'method_not_allowed'), HttpError, 'method_not_allowed'],
      [problem(422, 'idempotency_mismatch'), IdempotencyMismatchError, 'idempotency_mismatch'],
      // Answers without a code of the contract get the contract's code for their status.
      [new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }), HttpError, 'service_unavailable'],
      [new Response('oops', { status: 500 }), HttpError, 'internal_error'],
      [new Response('no', { status: 400 }), ValidationProblemError, 'malformed_request'],
      [problem(410, 'gone'), HttpError, 'unknown_problem'],
      [problem(409, 'vendor_specific'), ConflictError, 'unknown_problem'],
    ];
    for (const [response, Class, code] of cases) {
      const { client: c } = harness([response], { retry: 0 });
      const error = await c.deals.get('d_1').then(
        () => assert.fail('expected a rejection'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof Class, `${response.status} -> ${Class.name}, got ${String(error)}`);
      assert.ok(error instanceof HttpError && error instanceof PartnerKitError && error instanceof Error);
      assert.equal((error as HttpError).code, code);
      assert.equal((error as HttpError).status, response.status);
    }
  });

  it('a 422 problem becomes a ValidationProblemError with field paths', async () => {
    const errors = [
      { path: 'customer.company', message: 'must not be empty' },
      { path: 'amount.currency', message: 'must be a 3-letter ISO 4217 code such as USD' },
    ];
    const { client: c } = harness([problem(422, 'validation_failed', { detail: '2 fields are invalid', errors }, { 'x-request-id': 'req_42' })]);
    const error = await c.deals.register({ type: 'resell', customer: { company: ' ' } }).catch((e: unknown) => e);
    assert.ok(isValidationProblemError(error));
    assert.deepEqual(error.errors, errors);
    assert.equal(error.requestId, 'req_42');
    assert.equal(error.problem.detail, '2 fields are invalid');
    assert.match(error.message, /2 fields are invalid/);
    assert.match(error.message, /422 validation_failed, POST \/api\/v1\/deals, request req_42/);
  });

  it('a 409 ConflictError carries the reason code', async () => {
    const { client: c } = harness([problem(409, 'deal_conflict', { reason: 'protected' })]);
    const error = await c.deals.register({ type: 'resell', customer: { company: 'Acme' } }).catch((e: unknown) => e);
    assert.ok(isConflictError(error));
    assert.equal(error.reason, 'protected');
  });

  it('a reason or code the contract does not define is kept in the problem, not in the typed fields', async () => {
    const { client: c } = harness([problem(409, 'vendor_lock', { reason: 'held_by_vendor' })]);
    const error = await c.deals.register({ type: 'resell', customer: { company: 'Acme' } }).catch((e: unknown) => e);
    assert.ok(isConflictError(error));
    assert.equal(error.reason, null);
    assert.equal(error.code, 'unknown_problem');
    assert.equal(error.problem.reason, 'held_by_vendor');
    assert.equal(error.problem.code, 'vendor_lock');
  });

  it('a reused idempotency key with another body is an IdempotencyMismatchError, not a validation problem', async () => {
    const { client: c } = harness([problem(422, 'idempotency_mismatch', { detail: 'The idempotency key was used with another request' })]);
    const error = await c.deals.register({ type: 'resell', customer: { company: 'Acme' } }, { idempotencyKey: 'k-1' }).catch((e: unknown) => e);
    assert.ok(isIdempotencyMismatchError(error));
    assert.ok(error instanceof IdempotencyMismatchError && error instanceof HttpError);
    assert.equal(isValidationProblemError(error), false);
    assert.equal(error.code, 'idempotency_mismatch');
    assert.equal(error.name, 'IdempotencyMismatchError');
  });

  it('a non-problem error body still gives a typed error from the status', async () => {
    const { client: c } = harness([new Response('not json', { status: 404 })]);
    const error = await c.partners.get('p_x').catch((e: unknown) => e);
    assert.ok(error instanceof NotFoundError);
    assert.equal(error.code, 'not_found');
    assert.equal(error.problem.status, 404);
  });

  it('the status line wins over a problem document that claims another status', async () => {
    const { client: c } = harness([new Response(JSON.stringify({ type: 'x', title: 'Gone', status: 200, code: 'gone' }), { status: 404 })]);
    const error = await c.partners.get('p_x').catch((e: unknown) => e);
    assert.ok(error instanceof NotFoundError);
    assert.equal(error.status, 404);
  });

  it('errors serialise to plain JSON with name, code and message', async () => {
    const { client: c } = harness([problem(404, 'not_found', { detail: 'No such deal' })]);
    const error = await c.deals.get('d_404').catch((e: unknown) => e);
    const plain = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    assert.equal(plain['name'], 'NotFoundError');
    assert.equal(plain['code'], 'not_found');
    assert.equal(plain['status'], 404);
    assert.match(String(plain['message']), /No such deal/);
    assert.deepEqual(plain['request'], { method: 'GET', url: 'https://prm.test/api/v1/deals/d_404' });
  });

  it('names read well in stack traces', () => {
    const error = new NetworkError({ method: 'GET', url: 'https://prm.test/api/v1/tiers' });
    assert.equal(error.name, 'NetworkError');
    assert.match(String(error.stack), /^NetworkError: Could not reach the PartnerKit backend \(GET \/api\/v1\/tiers\)/);
    assert.equal(String(error), 'NetworkError: Could not reach the PartnerKit backend (GET /api/v1/tiers)');
  });

  it('guards reject lookalikes and other errors', () => {
    for (const value of [new Error('x'), new TypeError('x'), { name: 'HttpError', status: 404 }, null, undefined, 'HttpError', 42]) {
      assert.equal(isPartnerKitError(value), false);
      assert.equal(isHttpError(value), false);
      assert.equal(value instanceof PartnerKitError, false);
    }
    const timeout = new TimeoutError({ method: 'GET', url: 'https://x.test/v1/a' }, 5);
    assert.equal(isPartnerKitError(timeout), true);
    assert.equal(isHttpError(timeout), false);
    assert.equal(timeout instanceof HttpError, false);
    assert.equal(isNetworkError(timeout), false);
    const session = new SessionError('session_failed');
    assert.equal(session instanceof ResponseValidationError, false);
    assert.equal(isAuthError(session), false);
  });

  it('guards and instanceof work across two copies of the package', async () => {
    const other = await secondCopy();
    assert.notEqual(other.HttpError, HttpError, 'the second copy must have its own classes');
    const { client: c } = harness([problem(429, 'rate_limited', {}, { 'retry-after': '30' })], { retry: 0 });
    const ours = await c.deals.list().catch((e: unknown) => e);
    // Made by this copy, checked by the other...
    assert.equal(other.isPartnerKitError(ours), true);
    assert.equal(other.isRateLimitError(ours), true);
    assert.equal(other.isHttpError(ours), true);
    assert.equal(other.isConflictError(ours), false);
    assert.ok(ours instanceof other.RateLimitError);
    assert.ok(ours instanceof other.PartnerKitError);
    assert.equal(ours instanceof other.NotFoundError, false);
    // ...and made by the other, checked by this one.
    const stubbed = harness([json(200, deal('d_1'))]).stub;
    const theirs = await other
      .createClient({ baseUrl: 'https://prm.test/api', token: 'pk_other_token_000000', fetch: stubbed.fetch })
      .deals.get('d_1', { signal: AbortSignal.abort() })
      .catch(() => new other.ConflictError({ request: { method: 'POST', url: 'https://prm.test/api/v1/deals' }, problem: { type: 't', title: 'Taken', status: 409, code: 'deal_conflict', reason: 'protected' }, requestId: null }));
    assert.equal(isConflictError(theirs), true);
    assert.ok(theirs instanceof ConflictError);
    assert.ok(theirs instanceof HttpError);
    assert.equal(isRateLimitError(theirs), false);
  });
});
