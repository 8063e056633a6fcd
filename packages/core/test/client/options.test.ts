import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, type ClientBaseOptions, type ClientOptions, type SessionAuth } from '@partnerkit/core/client';
import { BASE_URL, TOKEN, principal } from './fixtures.ts';
import { json, stubFetch } from './stub-fetch.ts';

/** Options over a token: a test may replace it, or (to test the run-time check) give fetchSession beside it. */
type TestOptions = Partial<ClientBaseOptions> & { token?: string | undefined; fetchSession?: SessionAuth['fetchSession'] | undefined };
const make = (options: TestOptions) => {
  const stub = stubFetch(() => json(200, principal));
  const client = createClient({ baseUrl: BASE_URL, token: TOKEN, fetch: stub.fetch, ...options } as ClientOptions);
  return { client, stub };
};

describe('createClient options', () => {
  it('appends /v1 to baseUrl, with or without a trailing slash, and under a path or at the root', async () => {
    for (const [baseUrl, expected] of [
      ['https://prm.example.com/api', 'https://prm.example.com/api/v1/session'],
      ['https://prm.example.com/api/', 'https://prm.example.com/api/v1/session'],
      ['https://prm.example.com', 'https://prm.example.com/v1/session'],
      ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787/v1/session'],
      [new URL('https://prm.example.com/partner-kit'), 'https://prm.example.com/partner-kit/v1/session'],
    ] as const) {
      const { client, stub } = make({ baseUrl });
      await client.session.get();
      assert.equal(stub.requests[0]?.url.href, expected);
    }
  });

  it('resolves a relative baseUrl against the page in a browser', async () => {
    const global = globalThis as { location?: unknown };
    global.location = { href: 'https://intranet.example/partners/index.html' };
    try {
      const { client, stub } = make({ baseUrl: '/api' });
      await client.session.get();
      assert.equal(stub.requests[0]?.url.href, 'https://intranet.example/api/v1/session');
    } finally {
      delete global.location;
    }
  });

  it('rejects mistakes with a TypeError naming the option', () => {
    const cases: [TestOptions | undefined, RegExp][] = [
      [{ baseUrl: '' }, /baseUrl is required/],
      [{ baseUrl: '/api' }, /baseUrl must be an absolute/],
      [{ baseUrl: 'ftp://prm.example.com' }, /http or https/],
      [{ baseUrl: 'https://prm.example.com/api/v1' }, /must not end with \/v1/],
      [{ baseUrl: 'https://prm.example.com/api/v1/' }, /must not end with \/v1/],
      [{ baseUrl: 'https://prm.example.com/api?x=1' }, /query or fragment/],
      [{ token: '' }, /token must be a non-empty string/],
      [{ token: 42 as unknown as string }, /token must be a non-empty string/],
      [{ fetchSession: 'nope' as never }, /fetchSession must be a function/],
      [{ fetchSession: async () => ({ token: 't', expiresAt: '' }) }, /either token or fetchSession, not both/],
      [{ timeout: 0 }, /timeout must be a positive/],
      [{ timeout: Number.NaN }, /timeout must be a positive/],
      [{ retry: -1 }, /retry.limit/],
      [{ retry: { limit: 1.5 } }, /retry.limit/],
      [{ cache: { ttl: 0 } }, /cache.ttl/],
      [{ cache: { ttl: 1000, maxEntries: 0 } }, /cache.maxEntries/],
      [{ clientName: 'bad\nname' }, /clientName/],
      [{ fetch: 'nope' as never }, /fetch/],
    ];
    for (const [options, message] of cases) {
      assert.throws(() => make(options ?? {}), (error: unknown) => error instanceof TypeError && message.test(error.message) && error.message.startsWith('createClient: '), String(message));
    }
    assert.throws(() => createClient(undefined as never), TypeError);
  });

  it('sends the client identifier with and without a clientName', async () => {
    const named = make({ clientName: '  acme-portal/2.1 ' });
    await named.client.session.get();
    assert.equal(named.stub.requests[0]?.headers.get('x-partnerkit-client'), 'acme-portal/2.1 partnerkit-core/0.1.0');
    const anonymous = make({});
    await anonymous.client.session.get();
    assert.equal(anonymous.stub.requests[0]?.headers.get('x-partnerkit-client'), 'partnerkit-core/0.1.0');
  });

  it('uses the global fetch when none is injected', async () => {
    const original = globalThis.fetch;
    const stub = stubFetch(() => json(200, principal));
    globalThis.fetch = stub.fetch;
    try {
      const client = createClient({ baseUrl: BASE_URL, token: TOKEN });
      await client.session.get();
      assert.equal(stub.requests.length, 1);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('calls an injected fetch as a plain function (an unbound window.fetch works)', async () => {
    const stub = stubFetch(() => json(200, principal));
    // Browsers throw "Illegal invocation" when fetch runs with a `this` other than the window.
    function strictFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
      return stub.fetch(input, init);
    }
    const client = createClient({ baseUrl: BASE_URL, token: TOKEN, fetch: strictFetch as typeof fetch });
    assert.deepEqual(await client.session.get(), principal);
  });

  it('copies hook lists, so changing the caller\'s arrays later has no effect', async () => {
    const beforeRequest: NonNullable<NonNullable<ClientOptions['hooks']>['beforeRequest']> = [];
    const { client, stub } = make({ hooks: { beforeRequest } });
    beforeRequest.push((request) => void request.headers.set('x-late', '1'));
    await client.session.get();
    assert.equal(stub.requests[0]?.headers.get('x-late'), null);
  });

  it('the client is frozen', () => {
    const { client } = make({});
    assert.ok(Object.isFrozen(client));
  });
});
