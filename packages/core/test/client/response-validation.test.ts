import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResponseValidationError, isResponseValidationError } from '@partnerkit/core/client';
import { deal, principal, tier } from './fixtures.ts';
import { harness } from './setup.ts';
import { json } from './stub-fetch.ts';

const SECRET_VALUE = 'customer-secret-4242-4242';

describe('response validation', () => {
  it('a 200 whose body violates the schema rejects with the paths and the request id, never the values', async () => {
    const bad = { data: [deal('d_1'), { ...deal('d_2'), status: SECRET_VALUE, amount: { amount: -5, currency: SECRET_VALUE } }], nextCursor: null };
    const { client } = harness([json(200, bad, { 'x-request-id': 'req_777' })]);
    const error = await client.deals.list().catch((e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError);
    assert.equal(error.code, 'invalid_response');
    assert.equal(error.requestId, 'req_777');
    assert.equal(error.status, 200);
    assert.deepEqual(error.issues.map((i) => i.path).sort(), ['data.1.amount.amount', 'data.1.amount.currency', 'data.1.status']);
    assert.match(error.message, /GET \/api\/v1\/deals, request req_777/);
    assert.match(error.message, /data\.1\.status: must be one of "draft", "submitted"/);
    assert.deepEqual(error.issues.find((i) => i.path === 'data.1.amount.amount'), { path: 'data.1.amount.amount', message: 'must not be negative' });
    for (const text of [error.message, JSON.stringify(error), String(error.stack)]) assert.ok(!text.includes(SECRET_VALUE), 'no body value in the error');
  });

  it('a missing required field is reported by path', async () => {
    const { id: _omit, ...withoutId } = tier('t_1');
    const { client } = harness([json(200, withoutId)]);
    const error = await client.tiers.get('t_1').catch((e: unknown) => e);
    assert.ok(isResponseValidationError(error));
    assert.deepEqual(error.issues, [{ path: 'id', message: 'must be a string' }]);
  });

  it('a body that is not JSON is a contract violation', async () => {
    const { client } = harness([new Response('<html>welcome to the captive portal</html>', { status: 200 })]);
    const error = await client.session.get().catch((e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError);
    assert.deepEqual(error.issues, [{ path: '', message: 'expected a JSON body' }]);
    assert.doesNotMatch(error.message, /captive/);
  });

  it('an empty 200 where data was expected is a contract violation', async () => {
    const { client } = harness([new Response('', { status: 200 })]);
    const error = await client.session.get().catch((e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError);
    assert.match(error.issues[0]?.message ?? '', /empty/);
  });

  it('reports many issues briefly in the message and fully in issues', async () => {
    const { client } = harness([json(200, { data: Array.from({ length: 8 }, () => ({})), nextCursor: null })]);
    const error = await client.tiers.list().catch((e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError);
    assert.ok(error.issues.length > 8);
    assert.match(error.message, /and \d+ more$/);
  });

  it('unknown extra fields are allowed (the contract may grow) and dropped', async () => {
    const { client } = harness([json(200, { ...principal, futureField: 1 })]);
    const me = await client.session.get();
    assert.deepEqual(me, principal);
  });

  it('204 answers resolve to undefined', async () => {
    const { client } = harness([new Response(null, { status: 204 })]);
    assert.equal(await client.tiers.delete('t_1'), undefined);
  });
});
