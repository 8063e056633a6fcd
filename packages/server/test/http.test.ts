/**
 * The HTTP surface: authentication and sessions, request ids, CORS, rate limits, security
 * headers, structured logs without tokens, the OpenAPI document, Location on created objects and
 * a host-mounted app.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { before, it } from 'node:test';
import { Hono } from 'hono';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from '../src/index.ts';
import { assertProblem, assertStatus } from './helpers/assertions.ts';
import { createProgramme, dealBody, KPIS, TIERS } from './helpers/fixtures.ts';
import { Api, type Harness, type Reply, suite, unique } from './helpers/harness.ts';

suite('http', (harness) => {
  let h: Harness;
  let partner: string;

  before(async () => {
    h = harness();
    await createProgramme(h);
    partner = (await h.createPartner({ tierId: 'silver' })).id;
  });

  it('mints short-lived sessions and reads the principal back from the token only', async () => {
    const minted = await h.admin.post('/v1/sessions', { role: 'partner', partnerId: partner, user: { id: 'lan', name: 'Lan Pham', email: 'lan@example.com' }, locale: 'vi' });
    assertStatus(minted, 200);
    assert.equal(minted.body.expiresAt, new Date(Math.floor(h.clock.current.getTime() / 1000) * 1000 + 900_000).toISOString(), 'default 15 minutes');
    const me = await h.api(minted.body.token).get('/v1/session');
    assert.deepEqual(me.body, { role: 'partner', partnerId: partner, user: { id: 'lan', name: 'Lan Pham', email: 'lan@example.com' }, locale: 'vi', expiresAt: minted.body.expiresAt });
    const manager = await h.admin.post('/v1/sessions', { role: 'manager', user: { id: 'boss' }, ttlSeconds: 60 });
    assert.equal((await h.api(manager.body.token).get('/v1/session')).body.role, 'manager');
    const admin = await h.admin.get('/v1/session');
    assert.deepEqual(admin.body, { role: 'admin', partnerId: null, user: null, locale: null, expiresAt: null });
    h.clock.advance(61_000);
    assertProblem(await h.api(manager.body.token).get('/v1/session'), 401, 'unauthorized');
    h.clock.advance(900_000);
    const expired = await h.api(minted.body.token).get('/v1/session');
    assertProblem(expired, 401, 'unauthorized');
    assert.match(expired.headers.get('www-authenticate') ?? '', /^Bearer/);
  });

  it('refuses missing, malformed, foreign and revoked credentials', async () => {
    assertProblem(await h.anonymous.get('/v1/session'), 401, 'unauthorized');
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer short', `Bearer ${'x'.repeat(40)}`, `Token ${h.adminKey}`]) {
      assertProblem(await h.anonymous.get('/v1/session', { headers: { authorization: header } }), 401, 'unauthorized');
    }
    assertProblem(await h.api(`${h.adminKey}x`).get('/v1/session'), 401, 'unauthorized');
    const other = await h.server.createAdminKey('temporary');
    assertStatus(await h.api(other.key).get('/v1/session'), 200);
    const { revokeAdminKey } = await import('../src/index.ts');
    assert.equal(await revokeAdminKey(h.db, other.id), true);
    assertProblem(await h.api(other.key).get('/v1/session'), 401, 'unauthorized');
    const stored = await h.db.query('SELECT * FROM api_keys');
    assert.ok(!JSON.stringify(stored.rows).includes(h.adminKey), 'keys are stored hashed');
  });

  it('puts a request id on every answer, keeping a well-formed one the client sent', async () => {
    const answers = [
      await h.admin.get('/v1/tiers'),
      await h.anonymous.get('/v1/tiers'),
      await h.anonymous.get('/nowhere'),
      await h.anonymous.get('/v1/openapi.json'),
      await h.admin.request('PATCH', '/v1/tiers'),
      await h.anonymous.request('OPTIONS', '/v1/tiers', undefined, { headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } }),
    ];
    const ids = answers.map((a) => a.headers.get('x-request-id'));
    for (const id of ids) assert.match(id ?? '', /^req_[0-9A-Z]{26}$/);
    assert.equal(new Set(ids).size, ids.length);
    const echoed = await h.admin.get('/v1/tiers', { headers: { 'x-request-id': 'trace-1234/abc' } });
    assert.equal(echoed.headers.get('x-request-id'), 'trace-1234/abc');
    const replaced = await h.admin.get('/v1/tiers', { headers: { 'x-request-id': 'has spaces in it' } });
    assert.match(replaced.headers.get('x-request-id') ?? '', /^req_/);
    const problem = await h.anonymous.get('/v1/tiers', { headers: { 'x-request-id': 'trace-problem' } });
    assert.equal(problem.body.requestId, 'trace-problem');
  });

  it('sends security headers and keeps answers out of caches', async () => {
    const reply = await h.admin.get('/v1/partners');
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
    assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
  });

  it('serves the OpenAPI document without a token', async () => {
    const doc = await h.anonymous.get('/v1/openapi.json');
    assertStatus(doc, 200);
    assert.match(doc.body.openapi, /^3\.1/);
    for (const path of ['/v1/deals', '/v1/deals/{id}/transitions', '/v1/resources', '/v1/events', '/v1/sessions']) assert.ok(doc.body.paths[path], path);
  });

  it('answers CORS only for allowed origins', async () => {
    const sibling = await h.startSibling({ allowOrigins: ['https://partners.example.com', 'http://localhost:5173/'] });
    const api = new Api(sibling.url, h.adminKey);
    const preflight = await api.request('OPTIONS', '/v1/deals', undefined, {
      headers: { origin: 'https://partners.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://partners.example.com');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PATCH/);
    assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
    const simple = await api.get('/v1/tiers', { headers: { origin: 'http://localhost:5173' } });
    assert.equal(simple.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(simple.headers.get('access-control-expose-headers') ?? '', /X-Request-Id/);
    assert.match(simple.headers.get('access-control-expose-headers') ?? '', /\bLocation\b/, 'a page can read where a created object is');
    assert.match(simple.headers.get('vary') ?? '', /Origin/);
    const denied = await api.request('OPTIONS', '/v1/deals', undefined, { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assertProblem(denied, 403, 'forbidden');
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
    const other = await api.get('/v1/tiers', { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.equal((await h.admin.get('/v1/tiers', { headers: { origin: 'https://partners.example.com' } })).headers.get('access-control-allow-origin'), null, 'no origins by default');
  });

  it('limits each caller with Retry-After, separately per subject', async () => {
    const sibling = await h.startSibling({ rateLimit: { session: 5, admin: 8, anonymous: 3 } });
    const token = await h.session({ role: 'partner', partnerId: partner, user: { id: 'busy' } });
    const busy = new Api(sibling.url, token);
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push(await busy.get('/v1/session'));
    assert.deepEqual(statuses.map((r) => r.status), [200, 200, 200, 200, 200, 429]);
    assert.equal(statuses[0]?.headers.get('ratelimit-limit'), '5');
    assert.equal(statuses[4]?.headers.get('ratelimit-remaining'), '0');
    const limited = statuses[5];
    assert.ok(limited);
    assertProblem(limited, 429, 'rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    // A renewed session of the same user shares the budget; another user does not.
    const renewed = new Api(sibling.url, await h.session({ role: 'partner', partnerId: partner, user: { id: 'busy' } }));
    assert.equal((await renewed.get('/v1/session')).status, 429);
    const calm = new Api(sibling.url, await h.session({ role: 'partner', partnerId: partner, user: { id: 'calm' } }));
    assertStatus(await calm.get('/v1/session'), 200);
    const anonymous = new Api(sibling.url, null);
    const attempts = [];
    for (let i = 0; i < 4; i += 1) attempts.push((await anonymous.get('/v1/session', { headers: { authorization: 'Bearer wrong-token-guess-000' } })).status);
    assert.deepEqual(attempts, [401, 401, 401, 429]);
  });

  it('logs one structured line per request, without tokens, bodies or query strings', async () => {
    const partnerToken = await h.session({ role: 'partner', partnerId: partner, user: { id: 'logged' } });
    const secretCompany = 'Confidential Customer Nine';
    await h.api(partnerToken).post('/v1/deals', dealBody({ customer: { company: secretCompany } }), { headers: { 'x-request-id': 'log-check-1' } });
    await h.api(partnerToken).get(`/v1/deals?q=${encodeURIComponent(secretCompany)}`);
    await h.anonymous.get('/v1/session', { headers: { authorization: `Bearer ${partnerToken}x` } });
    const line = h.logs.find((e) => e.requestId === 'log-check-1');
    assert.ok(line);
    assert.equal(line.msg, 'request');
    assert.equal(line.method, 'POST');
    assert.equal(line.path, '/v1/deals');
    assert.equal(line.status, 201);
    assert.equal(line.role, 'partner');
    assert.equal(typeof line.durationMs, 'number');
    assert.match(line.time as string, /Z$/);
    const everything = JSON.stringify(h.logs);
    for (const secret of [partnerToken, h.adminKey, secretCompany, encodeURIComponent(secretCompany), 'Bearer']) {
      assert.ok(!everything.includes(secret), `logs contain ${secret.slice(0, 12)}…`);
    }
  });

  it('answers requests Node\'s HTTP parser refuses with a problem document too', async () => {
    const { hostname, port } = new URL(h.url);
    const send = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = connect({ host: hostname, port: Number(port) });
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString('latin1')));
        socket.on('close', () => resolve(received));
        socket.on('error', () => {});
        socket.end(text);
      });
    const broken = await send('HELLO\r\n\r\n');
    assert.match(broken, /^HTTP\/1\.1 400 /);
    assert.match(broken, /content-type: application\/problem\+json/i);
    assert.match(broken, /x-request-id: req_/i);
    assert.equal(JSON.parse(broken.slice(broken.indexOf('\r\n\r\n') + 4)).code, 'malformed_request');
    const huge = await send(`GET /v1/session HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.match(huge, /^HTTP\/1\.1 431 /);
    assert.equal(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4)).code, 'headers_too_large');
    assertStatus(await h.admin.get('/v1/session'), 200);
  });

  it('says where a created object is: Location on every 201, also when replayed, never on a replacement', async () => {
    const asPartner = await h.partner(partner);
    const located = async (reply: Reply, collection: string) => {
      assertStatus(reply, 201);
      assert.equal(reply.headers.get('location'), `/v1/${collection}/${reply.body.id}`);
      const fetched = await h.admin.get(reply.headers.get('location') as string);
      assertStatus(fetched, 200);
      assert.equal(fetched.body.id, reply.body.id);
    };
    await located(await h.admin.post('/v1/partners', { name: unique('Located partner'), type: 'reseller' }), 'partners');
    await located(await asPartner.post('/v1/deals', dealBody()), 'deals');
    const resource = { title: unique('Located guide'), type: 'document', language: 'en', url: 'https://example.com/guide.pdf' };
    await located(await h.admin.post('/v1/resources', resource), 'resources');
    const kpiId = `located-kpi-${partner}`;
    await located(await h.admin.put(`/v1/kpis/${kpiId}`, KPIS.deals), 'kpis');
    const replaced = await h.admin.put(`/v1/kpis/${kpiId}`, { ...KPIS.deals, weight: 3 });
    assertStatus(replaced, 200);
    assert.equal(replaced.headers.get('location'), null, 'a replacement created nothing');
    const tierId = `located-tier-${partner}`;
    await located(await h.admin.put(`/v1/tiers/${tierId}`, { ...TIERS.bronze, rank: 90 }), 'tiers');
    assertStatus(await h.admin.delete(`/v1/tiers/${tierId}`), 204);

    // A replay answers the first result, Location included.
    const body = dealBody();
    const first = await asPartner.post('/v1/deals', body, { headers: { 'idempotency-key': `located-${partner}` } });
    await located(first, 'deals');
    const replay = await asPartner.post('/v1/deals', body, { headers: { 'idempotency-key': `located-${partner}` } });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.headers.get('location'), first.headers.get('location'));
    // Answers that create nothing say nothing.
    const check = await asPartner.post('/v1/deals/check', { customer: { company: unique('Nobody') } });
    assertStatus(check, 200);
    assert.equal(check.headers.get('location'), null);
    const conflict = await asPartner.post('/v1/deals', { ...dealBody(), customer: body.customer });
    assertProblem(conflict, 409, 'deal_conflict');
    assert.equal(conflict.headers.get('location'), null);
  });

  it('mounts under a host prefix as a plain fetch handler', async () => {
    const host = new Hono();
    host.get('/', (c) => c.text('host home'));
    host.route('/api', createApp({ db: h.db, logger: false, rateLimit: false }));
    const server = createAdaptorServer({ fetch: host.fetch, overrideGlobalObjects: false, createServer });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    try {
      const api = new Api(`http://127.0.0.1:${address.port}/api`, h.adminKey);
      assertStatus(await api.get('/v1/tiers'), 200);
      const deal = await new Api(`http://127.0.0.1:${address.port}/api`, await h.session({ role: 'partner', partnerId: partner, user: { id: 'mounted' } })).post('/v1/deals', dealBody(), {
        headers: { 'idempotency-key': 'mounted-1' },
      });
      assertStatus(deal, 201);
      // Location carries the mount prefix, so it resolves against the request's URL.
      assert.equal(deal.headers.get('location'), `/api/v1/deals/${deal.body.id}`);
      assertStatus(await api.get(`/v1/deals/${deal.body.id}`), 200);
      // The same request through the root server is the same request: the key replays.
      const direct = await h.api(await h.session({ role: 'partner', partnerId: partner, user: { id: 'mounted' } })).post('/v1/deals', JSON.parse(JSON.stringify(dealBody())), { headers: { 'idempotency-key': 'mounted-1' } });
      assertProblem(direct, 422, 'idempotency_mismatch');
      const based = createApp({ db: h.db, logger: false, basePath: '/prm' });
      const response = await based.request('/prm/v1/openapi.json');
      assert.equal(response.status, 200);
      const created = await based.request('/prm/v1/partners', {
        method: 'POST',
        headers: { authorization: `Bearer ${h.adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: unique('Based partner'), type: 'referral' }),
      });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('location'), `/prm/v1/partners/${(await created.json()).id}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
