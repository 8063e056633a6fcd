import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError, NetworkError, RateLimitError, TimeoutError, isPartnerKitError } from '@partnerkit/core/client';
import { deal, tier } from './fixtures.ts';
import { harness, pathOf } from './setup.ts';
import { json, networkFailure, never, problem, sleep } from './stub-fetch.ts';

const page = { data: [tier('t_1')], nextCursor: null };
const dealInput = { type: 'resell' as const, customer: { company: 'Acme' } };

describe('retries', () => {
  it('retries a GET after 503 and 500 and returns the third answer', async () => {
    const { client, stub } = harness([problem(503, 'internal_error'), problem(500, 'internal_error'), json(200, page)]);
    assert.deepEqual(await client.tiers.list(), page);
    assert.equal(stub.requests.length, 3);
  });

  it('retries a GET after network failures', async () => {
    const { client, stub } = harness([networkFailure(), networkFailure(), json(200, page)]);
    assert.deepEqual(await client.tiers.list(), page);
    assert.equal(stub.requests.length, 3);
  });

  it('gives up after the limit with the last error', async () => {
    const { client, stub } = harness([problem(503, 'internal_error'), problem(503, 'internal_error'), problem(503, 'internal_error'), json(200, page)]);
    const error = await client.tiers.list().catch((e: unknown) => e);
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 503);
    assert.equal(stub.requests.length, 3, 'first attempt + 2 retries');
  });

  it('gives up on network failures with a NetworkError', async () => {
    const { client, stub } = harness([networkFailure(), networkFailure(), networkFailure()]);
    const error = await client.tiers.list().catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.equal(error.code, 'network_error');
    assert.match(error.message, /\(GET \/api\/v1\/tiers\): fetch failed$/);
    assert.equal(stub.requests.length, 3);
  });

  it('retries PUT and DELETE', async () => {
    const { client, stub } = harness([networkFailure(), json(200, tier('gold')), problem(502, 'internal_error'), new Response(null, { status: 204 })]);
    await client.tiers.put('gold', { rank: 1, name: 'Gold', colour: '#D4AF37', benefits: [], requirements: [], dealProtectionDays: 90 });
    await client.tiers.delete('gold');
    assert.deepEqual(stub.requests.map((r) => r.method), ['PUT', 'PUT', 'DELETE', 'DELETE']);
  });

  it('never retries a POST without an idempotency key', async () => {
    const { client, stub } = harness([networkFailure(), json(201, { upserted: 1 })]);
    const error = await client.measurements.ingest({ data: [{ partnerId: 'p_1', kpiId: 'k_1', period: '2026-06', value: 1 }] }).catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.equal(stub.requests.length, 1);
    assert.equal(stub.requests[0]?.headers.get('idempotency-key'), null);
  });

  it('never retries a POST without a key on 503 either', async () => {
    const { client, stub } = harness([problem(503, 'internal_error'), json(200, { url: 'https://cdn.example/x.pdf' })]);
    await assert.rejects(client.resources.open('r_1'), HttpError);
    assert.equal(stub.requests.length, 1);
  });

  it('never retries a PATCH', async () => {
    const { client, stub } = harness([problem(503, 'internal_error'), networkFailure()]);
    await assert.rejects(client.partners.update('p_1', { name: 'New' }), HttpError);
    assert.equal(stub.requests.length, 1);
  });

  it('retries a POST whose answer was lost, with the SAME Idempotency-Key', async () => {
    // The stub records the request (the server got it), then the connection drops.
    const { client, stub } = harness([networkFailure('socket hang up'), json(201, deal('d_1'))]);
    const created = await client.deals.register(dealInput);
    assert.equal(created.id, 'd_1');
    assert.equal(stub.requests.length, 2);
    const [first, second] = stub.requests;
    const key = first?.headers.get('idempotency-key');
    assert.match(String(key), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(second?.headers.get('idempotency-key'), key);
    assert.equal(second?.body, first?.body);
    assert.deepEqual(JSON.parse(String(second?.body)), dealInput);
  });

  it('uses a given idempotency key, and a new key for each register call', async () => {
    const { client, stub } = harness([json(201, deal('d_1')), json(201, deal('d_2')), json(201, deal('d_3'))]);
    await client.deals.register(dealInput, { idempotencyKey: 'draft-42' });
    await client.deals.register(dealInput);
    await client.deals.register(dealInput);
    const keys = stub.requests.map((r) => r.headers.get('idempotency-key'));
    assert.equal(keys[0], 'draft-42');
    assert.notEqual(keys[1], keys[2]);
  });

  it('retries other POSTs when the caller gives a key', async () => {
    const { client, stub } = harness([networkFailure(), json(201, { upserted: 2 })]);
    const result = await client.measurements.ingest({ data: [{ partnerId: 'p_1', kpiId: 'k_1', period: '2026-06', value: 1 }] }, { idempotencyKey: 'run-7' });
    assert.deepEqual(result, { upserted: 2 });
    assert.deepEqual(stub.requests.map((r) => r.headers.get('idempotency-key')), ['run-7', 'run-7']);
  });

  it('does not retry 4xx answers other than 408 and 429', async () => {
    for (const status of [400, 403, 404, 409, 413, 422]) {
      const { client, stub } = harness([problem(status, 'x'), json(200, page)]);
      await assert.rejects(client.tiers.list());
      assert.equal(stub.requests.length, 1, `status ${status}`);
    }
  });

  it('honours Retry-After on a 429 before retrying', async () => {
    const { client, stub } = harness([problem(429, 'rate_limited', {}, { 'retry-after': '1' }), json(200, page)]);
    const started = performance.now();
    assert.deepEqual(await client.tiers.list(), page);
    const waited = performance.now() - started;
    assert.equal(stub.requests.length, 2);
    // The configured backoff is 1 ms: only the header can explain a wait of about a second.
    assert.ok(waited >= 950, `waited ${waited.toFixed(0)} ms`);
  });

  it('honours Retry-After given as an HTTP date on a 503', async () => {
    const sentAt: number[] = [];
    let retryAt = 0;
    const { client } = harness(() => {
      sentAt.push(Date.now());
      if (sentAt.length > 1) return json(200, page);
      // HTTP dates have second precision: somewhere 1-2 s from now.
      const when = new Date(Date.now() + 2000).toUTCString();
      retryAt = Date.parse(when);
      return problem(503, 'internal_error', {}, { 'retry-after': when });
    });
    await client.tiers.list();
    assert.equal(sentAt.length, 2);
    // Timers may fire a few ms early relative to the wall clock, never a second early.
    assert.ok((sentAt[1] as number) >= retryAt - 50, `retried ${retryAt - (sentAt[1] as number)} ms before the date`);
  });

  it('fails at once when Retry-After exceeds maxRetryAfter, exposing retryAfter', async () => {
    const { client, stub } = harness([problem(429, 'rate_limited', { detail: 'Slow down' }, { 'retry-after': '120' }), json(200, page)]);
    const error = await client.tiers.list().catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfter, 120);
    assert.equal(error.code, 'rate_limited');
    assert.equal(stub.requests.length, 1);
  });

  it('a 429 that persists ends in a RateLimitError after the retries', async () => {
    const { client, stub } = harness([
      problem(429, 'rate_limited', {}, { 'retry-after': '0' }),
      problem(429, 'rate_limited', {}, { 'retry-after': '0' }),
      problem(429, 'rate_limited', {}, { 'retry-after': '0' }),
    ]);
    const error = await client.tiers.list().catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfter, 0);
    assert.equal(stub.requests.length, 3);
  });

  it('backs off with the delay function and applies jitter', async () => {
    const attempts: number[] = [];
    const jittered: number[] = [];
    const { client } = harness([networkFailure(), networkFailure(), networkFailure(), json(200, page)], {
      retry: {
        limit: 3,
        delay: (attempt) => {
          attempts.push(attempt);
          return 10 * 2 ** attempt;
        },
        jitter: (delay) => {
          jittered.push(delay);
          return delay / 2;
        },
      },
    });
    await client.tiers.list();
    assert.deepEqual(attempts, [1, 2, 3]);
    assert.deepEqual(jittered, [20, 40, 80]);
  });

  it('caps backoff at backoffLimit', async () => {
    const { client } = harness([networkFailure(), json(200, page)], { retry: { delay: () => 60_000, jitter: false, backoffLimit: 5 } });
    const started = performance.now();
    await client.tiers.list();
    assert.ok(performance.now() - started < 5_000);
  });

  it('retry: 0 turns retries off', async () => {
    const { client, stub } = harness([networkFailure(), json(200, page)], { retry: 0 });
    await assert.rejects(client.tiers.list(), NetworkError);
    assert.equal(stub.requests.length, 1);
  });
});

describe('timeouts', () => {
  it('rejects with a TimeoutError when no answer arrives in time, and does not retry it by default', async () => {
    const { client, stub } = harness(never(), { timeout: 40 });
    const error = await client.partners.scorecard('p_1').catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError);
    assert.equal(error.code, 'timeout');
    assert.equal(error.timeout, 40);
    assert.match(error.message, /within 40 ms \(GET \/api\/v1\/partners\/p_1\/scorecard\)/);
    assert.equal(stub.requests.length, 1);
  });

  it('retries after a timeout when retryOnTimeout is set', async () => {
    let calls = 0;
    const { client, stub } = harness(
      async () => {
        calls += 1;
        if (calls < 3) await new Promise(() => undefined);
        return json(200, page);
      },
      // Generous, so that even a loaded machine answers the third attempt in time.
      { timeout: 400, retry: { delay: () => 1, jitter: false, retryOnTimeout: true } },
    );
    assert.deepEqual(await client.tiers.list(), page);
    assert.equal(stub.requests.length, 3);
  });

  it('an answer inside the timeout is fine', async () => {
    const { client } = harness(async () => {
      await sleep(10);
      return json(200, page);
    }, { timeout: 5_000 });
    assert.deepEqual(await client.tiers.list(), page);
  });
});

describe('aborting', () => {
  it('rejects with the signal reason (an AbortError), not a PartnerKitError', async () => {
    const { client, stub } = harness(never());
    const controller = new AbortController();
    const pending = client.deals.get('d_1', { signal: controller.signal });
    await sleep(5);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    assert.ok(error instanceof DOMException);
    assert.equal(error.name, 'AbortError');
    assert.equal(isPartnerKitError(error), false);
    assert.equal(stub.requests.length, 1);
  });

  it('passes a custom abort reason through unchanged', async () => {
    const { client } = harness(never());
    const controller = new AbortController();
    const reason = new Error('widget disconnected');
    const pending = client.deals.register(dealInput, { signal: controller.signal });
    await sleep(5);
    controller.abort(reason);
    assert.equal(await pending.catch((e: unknown) => e), reason);
  });

  it('an already aborted signal sends nothing', async () => {
    const { client, stub } = harness([json(200, page)]);
    await assert.rejects(client.tiers.list(undefined, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    await assert.rejects(client.deals.register(dealInput, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(stub.requests.filter((r) => r.method === 'GET').length, 0);
  });

  it('aborting during a retry backoff stops the retries', async () => {
    const { client, stub } = harness([problem(503, 'internal_error', {}, { 'retry-after': '30' }), json(200, page)], { retry: { maxRetryAfter: 60_000 } });
    const controller = new AbortController();
    const pending = client.tiers.list(undefined, { signal: controller.signal });
    await sleep(20);
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal(stub.requests.length, 1);
  });

  it('aborting while the body is read still rejects with the reason', async () => {
    const controller = new AbortController();
    const { client } = harness(() => {
      const body = new ReadableStream({
        start(stream) {
          stream.enqueue(new TextEncoder().encode('{"data": ['));
          setTimeout(() => controller.abort(), 5);
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    });
    await assert.rejects(client.tiers.list(undefined, { signal: controller.signal }), { name: 'AbortError' });
  });
});

describe('headers and hooks', () => {
  it('sends Accept, the client identifier, the bearer token, and JSON bodies', async () => {
    const { client, stub } = harness([json(200, page), json(201, deal('d_1'))], { clientName: 'acme-portal/2.1' });
    await client.tiers.list({ limit: 10 });
    await client.deals.register(dealInput);
    const [get, post] = stub.requests;
    assert.equal(pathOf(get), '/api/v1/tiers?limit=10');
    assert.equal(get?.headers.get('accept'), 'application/json, application/problem+json');
    assert.equal(get?.headers.get('x-partnerkit-client'), 'acme-portal/2.1 partnerkit-core/0.1.0');
    assert.match(String(get?.headers.get('authorization')), /^Bearer pk_test_/);
    assert.equal(get?.headers.get('idempotency-key'), null);
    assert.equal(get?.headers.get('content-type'), null);
    assert.equal(post?.headers.get('content-type'), 'application/json');
  });

  it('runs beforeRequest hooks without the token, and lets them add headers', async () => {
    const seen: (string | null)[] = [];
    const { client, stub } = harness([networkFailure(), json(200, page)], {
      hooks: {
        beforeRequest: [
          (request, { retryCount }) => {
            seen.push(request.headers.get('authorization'));
            request.headers.set('x-trace', `t-${retryCount}`);
          },
        ],
      },
    });
    await client.tiers.list();
    assert.deepEqual(seen, [null, null], 'no token on the first attempt nor on the retry');
    assert.deepEqual(stub.requests.map((r) => r.headers.get('x-trace')), ['t-0', 't-1']);
    assert.ok(stub.requests.every((r) => r.headers.get('authorization')?.startsWith('Bearer ')));
  });

  it('a beforeRequest hook may answer instead of the network', async () => {
    const { client, stub } = harness([], { hooks: { beforeRequest: [() => json(200, page)] } });
    assert.deepEqual(await client.tiers.list(), page);
    assert.equal(stub.requests.length, 0);
  });

  it('a beforeRequest hook may replace the request; the token is still added', async () => {
    const { client, stub } = harness([json(200, page)], {
      hooks: { beforeRequest: [(request) => new Request(request, { headers: { accept: 'application/json', 'x-replaced': 'yes' } })] },
    });
    await client.tiers.list();
    assert.equal(stub.requests[0]?.headers.get('x-replaced'), 'yes');
    assert.match(String(stub.requests[0]?.headers.get('authorization')), /^Bearer /);
  });

  it('runs afterResponse hooks on every response, without the token on the request', async () => {
    const statuses: number[] = [];
    const auth: (string | null)[] = [];
    const { client } = harness([problem(503, 'internal_error'), json(200, page)], {
      hooks: {
        afterResponse: [
          (request, response) => {
            statuses.push(response.status);
            auth.push(request.headers.get('authorization'));
          },
        ],
      },
    });
    await client.tiers.list();
    assert.deepEqual(statuses, [503, 200]);
    assert.deepEqual(auth, [null, null]);
  });

  it('an afterResponse hook may replace the response', async () => {
    const { client } = harness([json(200, { nope: true })], { hooks: { afterResponse: [() => json(200, page)] } });
    assert.deepEqual(await client.tiers.list(), page);
  });

  it('runs beforeError hooks on PartnerKit errors and lets them replace the error', async () => {
    const seen: string[] = [];
    const replacement = new NetworkError({ method: 'GET', url: 'https://prm.test/api/v1/x' });
    const { client } = harness([problem(404, 'not_found'), networkFailure()], {
      retry: 0,
      hooks: {
        beforeError: [
          (error) => {
            seen.push(error.code);
          },
          (error) => (error.code === 'network_error' ? replacement : undefined),
        ],
      },
    });
    await assert.rejects(client.deals.get('d_1'), { code: 'not_found' });
    assert.equal(await client.deals.get('d_2').catch((e: unknown) => e), replacement);
    assert.deepEqual(seen, ['not_found', 'network_error']);
  });

  it('an error thrown by a hook reaches the caller unchanged and is not retried', async () => {
    const bug = new RangeError('bug in a hook');
    for (const hooks of [{ beforeRequest: [() => { throw bug; }] }, { afterResponse: [() => { throw bug; }] }]) {
      const { client, stub } = harness(() => json(200, page), { hooks });
      assert.equal(await client.tiers.list().catch((e: unknown) => e), bug);
      assert.ok(stub.requests.length <= 1, 'not retried');
    }
  });

  it('does not run beforeError hooks for aborts', async () => {
    let calls = 0;
    const { client } = harness(never(), { hooks: { beforeError: [() => void (calls += 1)] } });
    await assert.rejects(client.tiers.list(undefined, { signal: AbortSignal.timeout(5) }), { name: 'TimeoutError' });
    assert.equal(calls, 0);
  });
});
