import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { createClient, isPartnerKitError, type SessionGrant } from '@partnerkit/core/client';
import { BASE_URL, TOKEN, TOKEN_2, grant, principal } from './fixtures.ts';
import { harness } from './setup.ts';
import { json, networkFailure, never, problem, sleep, stubFetch } from './stub-fetch.ts';

/** Every way an error can end up in a log. */
function renderings(error: unknown): string[] {
  const out = [
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true, getters: true }),
    String(error),
    String((error as Error).stack),
    (error as Error).message,
  ];
  // Causes are logged too (util.inspect shows them, and so do most loggers).
  for (let cause = (error as Error).cause, depth = 0; cause !== undefined && depth < 5; cause = (cause as Error).cause, depth += 1) {
    out.push(inspect(cause, { depth: Infinity, showHidden: true }), JSON.stringify(cause) ?? '');
  }
  return out;
}

function assertNoToken(error: unknown, ...tokens: string[]) {
  assert.ok(isPartnerKitError(error), `expected a PartnerKit error, got ${String(error)}`);
  for (const text of renderings(error)) {
    for (const token of tokens) assert.ok(!text.includes(token), `token found in: ${text.slice(0, 300)}`);
  }
}

const fail = (promise: Promise<unknown>) => promise.then(() => assert.fail('expected a rejection'), (e: unknown) => e);

describe('no error ever contains a token', () => {
  it('HTTP errors of every class', async () => {
    const answers = [
      problem(400, 'malformed_json'),
      problem(401, 'unauthorized'),
      problem(403, 'forbidden'),
      problem(404, 'not_found'),
      problem(409, 'deal_conflict', { reason: 'protected' }),
      problem(422, 'validation_failed', { errors: [{ path: 'customer.company', message: 'required' }] }),
      problem(429, 'rate_limited', {}, { 'retry-after': '999' }),
      problem(500, 'internal_error'),
    ];
    for (const answer of answers) {
      const { client } = harness([answer], { retry: 0 });
      assertNoToken(await fail(client.deals.register({ type: 'resell', customer: { company: 'Acme' } })), TOKEN);
    }
  });

  it('a backend that echoes the token in its problem document is scrubbed', async () => {
    const { client } = harness([
      problem(401, 'unauthorized', { detail: `token ${TOKEN} is revoked`, errors: [{ path: 'authorization', message: `Bearer ${TOKEN}` }] }),
    ]);
    const error = await fail(client.session.get());
    assertNoToken(error, TOKEN);
    assert.match((error as Error).message, /token \[REDACTED\] is revoked/);
  });

  it('network errors, even when fetch throws an error holding the request and its headers', async () => {
    const leaky = Object.assign(new TypeError(`connect failed for Bearer ${TOKEN}`), {
      request: new Request('https://prm.test/api/v1/deals', { headers: { authorization: `Bearer ${TOKEN}` } }),
      cause: Object.assign(new Error('ECONNRESET'), { code: 'ECONNRESET', headers: { authorization: `Bearer ${TOKEN}` } }),
    });
    const { client } = harness([{ throw: leaky }, { throw: leaky }, { throw: leaky }]);
    const error = await fail(client.deals.list());
    assertNoToken(error, TOKEN);
    assert.equal((((error as Error).cause as Error).cause as Error | undefined)?.message, 'ECONNRESET', 'the useful part of the cause is kept');
  });

  it('plain fetch failures', async () => {
    const { client } = harness([networkFailure(), networkFailure(), networkFailure()]);
    assertNoToken(await fail(client.tiers.list()), TOKEN);
  });

  it('timeouts (ky keeps the request on its own TimeoutError; ours does not)', async () => {
    const { client } = harness(never(), { timeout: 20 });
    assertNoToken(await fail(client.tiers.list()), TOKEN);
  });

  it('response validation errors, even when the invalid body contains the token', async () => {
    const { client } = harness([json(200, { ...principal, role: TOKEN, user: { id: TOKEN } })]);
    assertNoToken(await fail(client.session.get()), TOKEN);
  });

  it('session errors: a failing refresh and an invalid fetchSession answer', async () => {
    let calls = 0;
    const fetchSession = async (): Promise<SessionGrant> => {
      calls += 1;
      if (calls === 1) return grant(TOKEN);
      throw new Error('refresh failed');
    };
    const { client } = harness(() => problem(401, 'unauthorized'), { fetchSession });
    assertNoToken(await fail(client.session.get()), TOKEN);

    const invalid = { token: TOKEN_2, expiresAt: 'soon' };
    const other = harness(() => json(200, principal), { fetchSession: async () => invalid });
    assertNoToken(await fail(other.client.session.get()), TOKEN_2);

    const short = harness(() => json(200, principal), { fetchSession: async () => ({ token: 'short', expiresAt: new Date().toISOString() }) });
    assertNoToken(await fail(short.client.session.get()), 'short');
  });

  it('an AuthError after a refreshed session names neither token', async () => {
    let n = 0;
    const { client } = harness(() => problem(401, 'unauthorized'), { fetchSession: async () => grant(++n === 1 ? TOKEN : TOKEN_2) });
    assertNoToken(await fail(client.session.get()), TOKEN, TOKEN_2);
  });

  it('a baseUrl with credentials is refused without repeating them', () => {
    const stub = stubFetch([]);
    assert.throws(
      () => createClient({ baseUrl: 'https://user:hunter2-password@prm.test/api', token: TOKEN, fetch: stub.fetch }),
      (error: unknown) => error instanceof TypeError && /user name or password/.test(error.message) && !inspect(error).includes('hunter2'),
    );
  });

  it('option errors never echo the token', () => {
    for (const options of [{ token: TOKEN, fetchSession: async () => grant(TOKEN) }, { baseUrl: 'nope', token: TOKEN }]) {
      try {
        createClient({ baseUrl: BASE_URL, ...options } as never);
        assert.fail('expected a TypeError');
      } catch (error) {
        assert.ok(error instanceof TypeError);
        assert.ok(!inspect(error).includes(TOKEN));
      }
    }
  });

  it('the client object itself does not reveal the token when inspected', async () => {
    const { client } = harness([json(200, principal)]);
    await client.session.get();
    assert.ok(!inspect(client, { depth: Infinity, showHidden: true }).includes(TOKEN));
    assert.ok(!JSON.stringify(client).includes(TOKEN));
    await sleep(0);
  });
});
