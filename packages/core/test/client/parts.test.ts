/**
 * The modular client: a base client with no namespace, contract parts bound to it (each from its
 * own entry point), sharing the base's in-flight registry, cache and invalidation.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CLIENT_REQUESTS, createBaseClient, definePart, type BaseClient, type ClientBaseOptions } from '@partnerkit/core/client/base';
import * as barrel from '@partnerkit/core/client';
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import { deals } from '@partnerkit/core/client/deals';
import { partners } from '@partnerkit/core/client/partners';
import { session } from '@partnerkit/core/client/session';
import { tiers } from '@partnerkit/core/client/tiers';
import { Deal, page } from '@partnerkit/core/schemas';
import { BASE_URL, deal, principal, scorecard, TOKEN, tier } from './fixtures.ts';
import { pathOf } from './setup.ts';
import { json, sleep, stubFetch, type RecordedRequest } from './stub-fetch.ts';


/** Answers by path after `delay` ms. */
function answer(delay = 10) {
  return async (request: RecordedRequest): Promise<Response> => {
    await sleep(delay);
    const path = request.url.pathname.replace('/api/v1/', '');
    if (path === 'session') return json(200, principal);
    if (path === 'deals/check') return json(200, { available: true });
    if (path === 'deals') return json(200, request.method === 'GET' ? { data: [deal('d_1')], nextCursor: null } : deal('d_2'));
    if (path.startsWith('deals/')) return json(200, deal(path.split('/')[1] ?? 'd'));
    if (path.startsWith('tiers/')) return json(200, tier(path.split('/')[1] ?? 't'));
    if (path.endsWith('/scorecard')) return json(200, scorecard);
    return json(404, {});
  };
}

function base(options: Partial<ClientBaseOptions> = {}) {
  const stub = stubFetch(answer());
  const client = createBaseClient({ baseUrl: BASE_URL, token: TOKEN, fetch: stub.fetch, retry: 0, ...options });
  return { client, stub };
}

const gets = (requests: RecordedRequest[], path: string) => requests.filter((r) => r.method === 'GET' && pathOf(r) === path).length;
const tierInput = { rank: 2, name: 'Silver', colour: '#C0C0C0', benefits: [], requirements: [], dealProtectionDays: 60 };

describe('the base client', () => {
  it('has no namespace: only its requests and clearCache', () => {
    const { client } = base();
    assert.deepEqual(Object.keys(client), ['clearCache']);
    assert.equal(typeof client[CLIENT_REQUESTS].get, 'function');
    assert.ok(Object.isFrozen(client));
  });

  it('checks its options as createClient does', () => {
    assert.throws(() => createBaseClient({ baseUrl: 'ftp://prm.test' }), { name: 'TypeError', message: /baseUrl must use http or https/ });
    assert.throws(() => createBaseClient({ baseUrl: `${BASE_URL}/v1` }), TypeError);
  });

  it('serves every part bound to it, with the contract parsed and the token sent', async () => {
    const { client, stub } = base();
    assert.deepEqual(await session(client).get(), principal);
    assert.equal((await deals(client).list({ status: 'approved' })).data[0]?.id, 'd_1');
    assert.equal((await partners(client).scorecard('p_1', { period: '2026-Q2' })).period, '2026-Q2');
    assert.deepEqual(stub.requests.map(pathOf), ['/api/v1/session', '/api/v1/deals?status=approved', '/api/v1/partners/p_1/scorecard?period=2026-Q2']);
    assert.ok(stub.requests.every((r) => r.headers.get('authorization') === `Bearer ${TOKEN}`));
  });
});

describe('binding a part', () => {
  it('gives the same frozen namespace every time for one client', () => {
    const { client } = base();
    assert.equal(deals(client), deals(client));
    assert.ok(Object.isFrozen(deals(client)));
    assert.notEqual(deals(client), deals(base().client));
  });

  it("answers a full client with the client's own namespace, and a wrapper with its replacement", () => {
    const full = createClient({ baseUrl: BASE_URL, token: TOKEN });
    assert.equal(deals(full), full.deals);
    assert.equal(tiers(full), full.tiers);
    const replaced = { ...full.deals, list: async () => ({ data: [], nextCursor: null }) };
    const wrapper: PartnerKitClient = { ...full, deals: replaced };
    assert.equal(deals(wrapper), replaced);
  });

  it('refuses what is not a PartnerKit client, naming the part', () => {
    assert.throws(() => deals({ clearCache() {} } as unknown as BaseClient), { name: 'TypeError', message: /^deals\(client\): not a PartnerKit client/ });
    assert.throws(() => session(undefined as unknown as BaseClient), { name: 'TypeError', message: /^session\(client\)/ });
  });

  it('works with a client from another copy of the package (the key is a registered symbol)', async () => {
    const { client, stub } = base();
    const fromAnotherCopy = { [Symbol.for('partnerkit.client.requests.v1')]: client[CLIENT_REQUESTS], clearCache: () => undefined } as unknown as BaseClient;
    await deals(fromAnotherCopy).get('d_7');
    assert.equal(pathOf(stub.requests[0]), '/api/v1/deals/d_7');
  });
});

describe('parts bound to one base client share it', () => {
  it('share GETs in flight, whichever part asks', async () => {
    const { client, stub } = base();
    // A second part reading the same URL, as a widget from another bundle might.
    const dealsAgain = definePart('dealsAgain', (requests) => ({ list: () => requests.get('deals', page(Deal)) }));
    const [a, b, c] = await Promise.all([deals(client).list(), dealsAgain(client).list(), deals(client).list()]);
    assert.equal(gets(stub.requests, '/api/v1/deals'), 1);
    assert.equal(a, b);
    assert.equal(b, c);
  });

  it('share the cache, and a write through one part invalidates what another part cached', async () => {
    const { client, stub } = base({ cache: { ttl: 60_000 } });
    await partners(client).scorecard('p_1');
    await partners(client).scorecard('p_1');
    assert.equal(gets(stub.requests, '/api/v1/partners/p_1/scorecard'), 1);
    // Scorecards embed tiers: the tiers part says its writes reach partners.
    await tiers(client).put('silver', tierInput);
    await partners(client).scorecard('p_1');
    assert.equal(gets(stub.requests, '/api/v1/partners/p_1/scorecard'), 2);
  });

  it('a write invalidates its own collection; a question (deals.check) invalidates nothing', async () => {
    const { client, stub } = base({ cache: { ttl: 60_000 } });
    await deals(client).list();
    await deals(client).check({ customer: { company: 'Acme' } });
    await deals(client).list();
    assert.equal(gets(stub.requests, '/api/v1/deals'), 1);
    await deals(client).register({ type: 'resell', customer: { company: 'Acme' } });
    await deals(client).list();
    assert.equal(gets(stub.requests, '/api/v1/deals'), 2);
  });

  it("clearCache() on the base forgets what every part cached", async () => {
    const { client, stub } = base({ cache: { ttl: 60_000 } });
    await session(client).get();
    await tiers(client).get('t_1');
    client.clearCache();
    await session(client).get();
    await tiers(client).get('t_1');
    assert.equal(gets(stub.requests, '/api/v1/session'), 2);
    assert.equal(gets(stub.requests, '/api/v1/tiers/t_1'), 2);
  });
});

describe('entry points', () => {
  const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { exports: Record<string, unknown> };
  const partFiles = readdirSync(fileURLToPath(new URL('../../src/client/parts/', import.meta.url))).map((name) => name.replace(/\.ts$/, ''));

  it('every contract part has an entry point of its own (@partnerkit/core/client/<part>)', () => {
    for (const part of partFiles) {
      assert.deepEqual(manifest.exports[`./client/${part}`], {
        'partnerkit-source': `./src/client/parts/${part}.ts`,
        types: `./dist/client/parts/${part}.d.ts`,
        default: `./dist/client/parts/${part}.js`,
      });
    }
  });

  it('each exports the binders the client barrel exports, and createClient carries every namespace', async () => {
    const full = createClient({ baseUrl: BASE_URL, token: TOKEN });
    for (const part of partFiles) {
      const entry = (await import(`@partnerkit/core/client/${part}`)) as Record<string, unknown>;
      const binders = Object.entries(entry).filter(([, value]) => typeof value === 'function');
      assert.ok(binders.length > 0, part);
      for (const [name, binder] of binders) {
        assert.equal(binder, (barrel as Record<string, unknown>)[name], `${part}: ${name}`);
        assert.equal(typeof (full as unknown as Record<string, unknown>)[name], 'object', `createClient() lacks ${name}`);
      }
    }
  });
});
