import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deal, partner, tier } from './fixtures.ts';
import { harness, pathOf } from './setup.ts';
import { json, sleep, type RecordedRequest } from './stub-fetch.ts';

/** Answers every GET by path after `delay` ms, and mutations with a deal or tier. */
function backend(delay = 10) {
  const aborted: string[] = [];
  const answer = async (request: RecordedRequest, signal: AbortSignal | undefined): Promise<Response> => {
    signal?.addEventListener('abort', () => aborted.push(pathOf(request)));
    await sleep(delay);
    const path = request.url.pathname.replace('/api/v1/', '');
    if (request.method === 'POST' && path === 'deals/check') return json(200, { available: true });
    if (path.startsWith('deals')) return json(200, path === 'deals' && request.method === 'GET' ? { data: [deal('d_1')], nextCursor: null } : deal(path.split('/')[1] ?? 'd'));
    if (path.startsWith('tiers')) return json(200, path === 'tiers' ? { data: [tier('t_1')], nextCursor: null } : tier(path.split('/')[1] ?? 't'));
    if (path.startsWith('partners')) return json(200, partner(path.split('/')[1] ?? 'p'));
    return json(404, {});
  };
  return { answer, aborted };
}

const countGets = (requests: RecordedRequest[], path: string) => requests.filter((r) => r.method === 'GET' && pathOf(r) === path).length;

describe('in-flight sharing', () => {
  it('50 concurrent identical GETs make exactly 1 request', async () => {
    const { client, stub } = harness(backend().answer);
    const results = await Promise.all(Array.from({ length: 50 }, () => client.deals.list({ status: 'approved', limit: 20 })));
    assert.equal(stub.requests.length, 1);
    assert.ok(results.every((r) => r.data[0]?.id === 'd_1'));
  });

  it('equal queries in another key order share; different queries do not', async () => {
    const { client, stub } = harness(backend().answer);
    await Promise.all([
      client.deals.list({ status: 'approved', limit: 20 }),
      client.deals.list({ limit: 20, status: 'approved' }),
      client.deals.list({ limit: 20, status: 'approved', q: undefined }),
      client.deals.list({ limit: 21, status: 'approved' }),
    ]);
    assert.equal(stub.requests.length, 2);
  });

  it('does not share once the first request has finished (no cache by default)', async () => {
    const { client, stub } = harness(backend(0).answer);
    await client.tiers.get('t_1');
    await client.tiers.get('t_1');
    assert.equal(stub.requests.length, 2);
  });

  it('never shares mutations', async () => {
    const { client, stub } = harness(backend().answer);
    const input = { type: 'resell' as const, customer: { company: 'Acme' } };
    await Promise.all([client.deals.register(input, { idempotencyKey: 'same' }), client.deals.register(input, { idempotencyKey: 'same' })]);
    assert.equal(stub.requests.length, 2);
  });

  it('aborting one caller leaves the others and the request alone', async () => {
    const { answer, aborted } = backend(30);
    const { client, stub } = harness(answer);
    const controller = new AbortController();
    const leaving = client.tiers.get('t_1', { signal: controller.signal });
    const staying = client.tiers.get('t_1');
    await sleep(5);
    controller.abort();
    await assert.rejects(leaving, { name: 'AbortError' });
    assert.equal((await staying).id, 't_1');
    assert.equal(stub.requests.length, 1);
    assert.deepEqual(aborted, []);
  });

  it('the request is aborted when every caller has left, and a later call starts afresh', async () => {
    const { answer, aborted } = backend(30);
    const { client, stub } = harness(answer);
    const a = new AbortController();
    const b = new AbortController();
    const first = client.tiers.get('t_1', { signal: a.signal });
    const second = client.tiers.get('t_1', { signal: b.signal });
    await sleep(5);
    a.abort();
    b.abort();
    await assert.rejects(first, { name: 'AbortError' });
    await assert.rejects(second, { name: 'AbortError' });
    await sleep(1);
    assert.deepEqual(aborted, ['/api/v1/tiers/t_1']);
    assert.equal((await client.tiers.get('t_1')).id, 't_1');
    assert.equal(stub.requests.length, 2);
  });

  it('shares failures too', async () => {
    const { client, stub } = harness(async () => {
      await sleep(5);
      return json(404, { type: 't', title: 'Not found', status: 404, code: 'not_found' });
    });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => client.deals.get('nope')));
    assert.ok(results.every((r) => r.status === 'rejected'));
    assert.equal(stub.requests.length, 1);
  });
});

describe('cache (opt-in)', () => {
  it('is off by default', async () => {
    const { client, stub } = harness(backend(0).answer);
    await client.partners.get('p_1');
    await client.partners.get('p_1');
    assert.equal(stub.requests.length, 2);
  });

  it('answers repeated GETs within ttl from memory, and fetches after it', async () => {
    const { client, stub } = harness(backend(0).answer, { cache: { ttl: 60 } });
    await client.partners.get('p_1');
    await client.partners.get('p_1');
    assert.equal(stub.requests.length, 1);
    await sleep(80);
    await client.partners.get('p_1');
    assert.equal(stub.requests.length, 2);
  });

  it('a mutation of an entity invalidates cached reads of its collection', async () => {
    const { client, stub } = harness(backend(0).answer, { cache: { ttl: 60_000 } });
    await client.deals.get('d_1');
    await client.deals.list();
    await client.tiers.list();
    await client.deals.transition('d_1', { to: 'approved' });
    await client.deals.get('d_1');
    await client.deals.list();
    await client.tiers.list();
    assert.equal(countGets(stub.requests, '/api/v1/deals/d_1'), 2);
    assert.equal(countGets(stub.requests, '/api/v1/deals'), 2);
    assert.equal(countGets(stub.requests, '/api/v1/tiers'), 1, 'other collections stay cached');
  });

  it('changing a tier invalidates partner reads (scorecards embed tiers)', async () => {
    const { client, stub } = harness(backend(0).answer, { cache: { ttl: 60_000 } });
    await client.partners.get('p_1');
    await client.tiers.put('t_1', { rank: 1, name: 'T', colour: '#000000', benefits: [], requirements: [], dealProtectionDays: 30 });
    await client.partners.get('p_1');
    assert.equal(countGets(stub.requests, '/api/v1/partners/p_1'), 2);
  });

  it('a failed mutation invalidates too (it may have landed)', async () => {
    let failNext = false;
    const { answer } = backend(0);
    const { client, stub } = harness(
      (request, signal) => {
        if (request.method === 'PATCH' && failNext) return json(500, { type: 't', title: 'x', status: 500, code: 'internal_error' });
        return answer(request, signal);
      },
      { cache: { ttl: 60_000 } },
    );
    await client.partners.get('p_1');
    failNext = true;
    await assert.rejects(client.partners.update('p_1', { name: 'X' }));
    await client.partners.get('p_1');
    assert.equal(countGets(stub.requests, '/api/v1/partners/p_1'), 2);
  });

  it('deals.check is a question: it leaves cached deals alone', async () => {
    const { client, stub } = harness(backend(0).answer, { cache: { ttl: 60_000 } });
    await client.deals.list();
    await client.deals.check({ customer: { company: 'Acme' } });
    await client.deals.list();
    assert.equal(countGets(stub.requests, '/api/v1/deals'), 1);
  });

  it('a GET in flight during a mutation neither fills the cache nor is joined afterwards', async () => {
    const { client, stub } = harness(backend(30).answer, { cache: { ttl: 60_000 } });
    const before = client.deals.get('d_1');
    await sleep(5);
    const mutation = client.deals.transition('d_1', { to: 'approved' });
    await sleep(5);
    await mutation;
    const after = client.deals.get('d_1');
    await Promise.all([before, after]);
    assert.equal(countGets(stub.requests, '/api/v1/deals/d_1'), 2, 'the GET after the mutation went to the network');
    await client.deals.get('d_1');
    assert.equal(countGets(stub.requests, '/api/v1/deals/d_1'), 2, 'and its fresh answer was cached');
  });

  it('does not cache failures', async () => {
    let first = true;
    const { client, stub } = harness(
      () => {
        if (first) {
          first = false;
          return json(404, { type: 't', title: 'Not found', status: 404, code: 'not_found' });
        }
        return json(200, tier('t_1'));
      },
      { cache: { ttl: 60_000 } },
    );
    await assert.rejects(client.tiers.get('t_1'));
    assert.equal((await client.tiers.get('t_1')).id, 't_1');
    assert.equal(stub.requests.length, 2);
  });

  it('clearCache() forgets everything', async () => {
    const { client, stub } = harness(backend(0).answer, { cache: { ttl: 60_000 } });
    await client.tiers.get('t_1');
    await client.partners.get('p_1');
    client.clearCache();
    await client.tiers.get('t_1');
    await client.partners.get('p_1');
    assert.equal(stub.requests.length, 4);
  });

  it('keeps at most maxEntries answers, dropping the oldest', async () => {
    const { client, stub } = harness(backend(0).answer, { cache: { ttl: 60_000, maxEntries: 2 } });
    await client.tiers.get('a');
    await client.tiers.get('b');
    await client.tiers.get('c');
    await client.tiers.get('c');
    await client.tiers.get('b');
    await client.tiers.get('a');
    assert.deepEqual(stub.requests.map((r) => r.url.pathname.split('/').at(-1)), ['a', 'b', 'c', 'a']);
  });
});
