import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthError, SessionError, isSessionError, type SessionGrant } from '@partnerkit/core/client';
import { SessionManager } from '../../src/client/auth/session-manager.ts';
import { TOKEN, TOKEN_2, grant, principal, tier } from './fixtures.ts';
import { harness } from './setup.ts';
import { json, problem, sleep, type RecordedRequest } from './stub-fetch.ts';

const bearer = (request: RecordedRequest | undefined) => request?.headers.get('authorization');

/** A fetchSession that hands out the given grants in order and counts its calls. */
function sessions(...grants: (SessionGrant | Error)[]) {
  const calls = { count: 0 };
  const fetchSession = async () => {
    const next = grants[Math.min(calls.count, grants.length - 1)];
    calls.count += 1;
    await sleep(2);
    if (next instanceof Error) throw next;
    return next as SessionGrant;
  };
  return { fetchSession, calls };
}

/** Answers 401 to any token but `valid`. */
const acceptOnly = (valid: string) => (request: RecordedRequest) =>
  bearer(request) === `Bearer ${valid}` ? json(200, principal) : problem(401, 'unauthorized');

describe('auth: static token', () => {
  it('sends the token as a bearer', async () => {
    const { client, stub } = harness([json(200, principal)]);
    await client.session.get();
    assert.equal(bearer(stub.requests[0]), `Bearer ${TOKEN}`);
  });

  it('a 401 is final: AuthError after one request', async () => {
    const { client, stub } = harness([problem(401, 'unauthorized'), json(200, principal)]);
    const error = await client.session.get().catch((e: unknown) => e);
    assert.ok(error instanceof AuthError);
    assert.equal(error.status, 401);
    assert.equal(stub.requests.length, 1);
  });

  it('sends no Authorization header without credentials', async () => {
    const { client, stub } = harness([json(200, principal)], { token: undefined as unknown as string });
    await client.session.get();
    assert.equal(bearer(stub.requests[0]), null);
  });
});

describe('auth: fetchSession', () => {
  it('is called lazily, once, and shared by concurrent first callers', async () => {
    const { fetchSession, calls } = sessions(grant(TOKEN));
    const { client, stub } = harness(() => json(200, principal), { fetchSession });
    assert.equal(calls.count, 0, 'not called by createClient');
    await Promise.all([client.session.get(), client.tiers.get('a').catch(() => null), client.deals.list().catch(() => null)]);
    assert.equal(calls.count, 1);
    assert.ok(stub.requests.every((r) => bearer(r) === `Bearer ${TOKEN}`));
    await client.session.get();
    assert.equal(calls.count, 1, 'reused while fresh');
  });

  it('a 401 refreshes the session once and the request succeeds', async () => {
    const { fetchSession, calls } = sessions(grant(TOKEN), grant(TOKEN_2));
    const { client, stub } = harness(acceptOnly(TOKEN_2), { fetchSession });
    assert.deepEqual(await client.session.get(), principal);
    assert.equal(calls.count, 2);
    assert.deepEqual(stub.requests.map(bearer), [`Bearer ${TOKEN}`, `Bearer ${TOKEN_2}`]);
    await client.session.get();
    assert.equal(calls.count, 2, 'the renewed session is kept');
  });

  it('a POST refreshed after a 401 keeps its idempotency key and body', async () => {
    const { fetchSession } = sessions(grant(TOKEN), grant(TOKEN_2));
    const { client, stub } = harness(
      (request) => (bearer(request) === `Bearer ${TOKEN_2}` ? json(201, { upserted: 1 }) : problem(401, 'unauthorized')),
      { fetchSession },
    );
    await client.measurements.ingest({ data: [{ partnerId: 'p_1', kpiId: 'k', period: '2026-01', value: 3 }] }, { idempotencyKey: 'k-1' });
    assert.equal(stub.requests.length, 2);
    assert.deepEqual(stub.requests.map((r) => r.headers.get('idempotency-key')), ['k-1', 'k-1']);
    assert.equal(stub.requests[0]?.body, stub.requests[1]?.body);
  });

  it('a second 401 gives up with an AuthError (no loop)', async () => {
    const { fetchSession, calls } = sessions(grant(TOKEN), grant(TOKEN_2), grant('pk_third_token_00000000'));
    const { client, stub } = harness(() => problem(401, 'unauthorized', { detail: 'token revoked' }), { fetchSession });
    const error = await client.session.get().catch((e: unknown) => e);
    assert.ok(error instanceof AuthError);
    assert.equal(calls.count, 2);
    assert.equal(stub.requests.length, 2);
  });

  it('a refresh that fails rejects with a SessionError carrying the cause', async () => {
    const cause = new Error('host session endpoint is down');
    const { fetchSession, calls } = sessions(grant(TOKEN), cause);
    const { client, stub } = harness(() => problem(401, 'unauthorized'), { fetchSession });
    const error = await client.session.get().catch((e: unknown) => e);
    assert.ok(error instanceof SessionError);
    assert.equal(error.code, 'session_failed');
    assert.equal(error.cause, cause);
    assert.equal(calls.count, 2);
    assert.equal(stub.requests.length, 1);
  });

  it('a first fetchSession failure sends nothing, and the next call tries again', async () => {
    const { fetchSession, calls } = sessions(new Error('offline'), grant(TOKEN));
    const { client, stub } = harness(() => json(200, principal), { fetchSession });
    const error = await client.session.get().catch((e: unknown) => e);
    assert.ok(isSessionError(error));
    assert.equal(calls.count, 1, 'a session failure is not retried like a network failure');
    assert.equal(stub.requests.length, 0);
    assert.deepEqual(await client.session.get(), principal);
    assert.equal(calls.count, 2);
  });

  it('a fetchSession answer that is not { token, expiresAt } is a session_invalid SessionError', async () => {
    const bad = { token: TOKEN, expiresAt: 'tomorrow' } as SessionGrant;
    const { client } = harness(() => json(200, principal), { fetchSession: async () => bad });
    const error = await client.session.get().catch((e: unknown) => e);
    assert.ok(error instanceof SessionError);
    assert.equal(error.code, 'session_invalid');
    assert.match(error.message, /\(expiresAt: must be a valid datetime\)/);
    assert.doesNotMatch(error.message, /tomorrow/);
  });

  it('concurrent 401s share one refresh', async () => {
    const { fetchSession, calls } = sessions(grant(TOKEN), grant(TOKEN_2));
    const { client, stub } = harness(
      (request) => (bearer(request) === `Bearer ${TOKEN_2}` ? json(200, tier(request.url.pathname.split('/').at(-1) ?? 'x')) : problem(401, 'unauthorized')),
      { fetchSession },
    );
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const tiers = await Promise.all(ids.map((id) => client.tiers.get(id)));
    assert.deepEqual(tiers.map((t) => t.id), ids);
    assert.equal(calls.count, 2, 'one initial session + one shared refresh');
    assert.equal(stub.requests.length, 12);
  });

  it('renews a session shortly before it expires', async () => {
    // A 1.2 s session is renewed once 900 ms have passed (a quarter of its life before expiry);
    // reuse while fresh is covered with a fake clock below.
    const { fetchSession, calls } = sessions(grant(TOKEN, 1_200), grant(TOKEN_2));
    const { client, stub } = harness(() => json(200, principal), { fetchSession });
    await client.session.get();
    await sleep(950);
    await client.session.get();
    assert.equal(calls.count, 2);
    assert.deepEqual(stub.requests.map(bearer), [`Bearer ${TOKEN}`, `Bearer ${TOKEN_2}`]);
  });

  it('a 403 is not a reason to refresh', async () => {
    const { fetchSession, calls } = sessions(grant(TOKEN), grant(TOKEN_2));
    const { client, stub } = harness(() => problem(403, 'forbidden'), { fetchSession });
    const error = await client.tiers.put('gold', { rank: 1, name: 'Gold', colour: '#D4AF37', benefits: [], requirements: [], dealProtectionDays: 30 }).catch((e: unknown) => e);
    assert.ok(error instanceof AuthError);
    assert.equal(error.status, 403);
    assert.equal(calls.count, 1);
    assert.equal(stub.requests.length, 1);
  });
});

describe('SessionManager timing (fake clock)', () => {
  const iso = (ms: number) => new Date(ms).toISOString();

  it('refreshes 30 s before expiry for a 15-minute session', async () => {
    let now = Date.parse('2026-06-01T10:00:00.000Z');
    let n = 0;
    const manager = new SessionManager(async () => ({ token: `token-number-${++n}-0000000`, expiresAt: iso(now + 15 * 60_000) }), () => now);
    assert.equal(await manager.token(), 'token-number-1-0000000');
    now += 14 * 60_000 + 29_000;
    assert.equal(await manager.token(), 'token-number-1-0000000');
    now += 1_000;
    assert.equal(await manager.token(), 'token-number-2-0000000');
  });

  it('uses a session that looks expired on arrival (clock skew) for a few seconds instead of refreshing on every call', async () => {
    let now = Date.parse('2026-06-01T10:00:00.000Z');
    let n = 0;
    const manager = new SessionManager(async () => ({ token: `token-number-${++n}-0000000`, expiresAt: iso(now - 60_000) }), () => now);
    await manager.token();
    now += 4_000;
    await manager.token();
    assert.equal(n, 1);
    now += 1_000;
    await manager.token();
    assert.equal(n, 2);
  });

  it('renew() after another caller already renewed returns the new token without fetching', async () => {
    let n = 0;
    const manager = new SessionManager(async () => ({ token: `token-number-${++n}-0000000`, expiresAt: iso(Date.now() + 600_000) }));
    const first = await manager.token();
    const renewed = await manager.renew(first);
    assert.equal(renewed, 'token-number-2-0000000');
    assert.equal(await manager.renew(first), renewed, 'a late 401 for the old token reuses the new one');
    assert.equal(n, 2);
  });
});
