/**
 * Tenant isolation: a partner session reads and changes nothing of another partner, on every
 * path; scope comes from the verified token only.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertFieldError, assertProblem, assertStatus } from './helpers/assertions.ts';
import { createProgramme, dealBody } from './helpers/fixtures.ts';
import { type Api, type Harness, suite } from './helpers/harness.ts';

suite('isolation', (harness) => {
  let h: Harness;
  let a: string;
  let b: string;
  let asA: Api;
  let dealOfB: { id: string; number: string; customer: { company: string; domain: string } };
  let snapshot: () => Promise<string>;

  before(async () => {
    h = harness();
    await createProgramme(h);
    a = (await h.createPartner({ tierId: 'silver' })).id;
    b = (await h.createPartner({ tierId: 'gold', region: 'EMEA' })).id;
    asA = await h.partner(a);
    const asB = await h.partner(b);
    const registered = await asB.post('/v1/deals', dealBody());
    assertStatus(registered, 201);
    dealOfB = registered.body;
    await h.admin.put(`/v1/partners/${b}/targets`, { data: [{ kpiId: 'revenue', period: '2026-Q1', value: 5000 }] });
    await h.admin.post('/v1/measurements', { data: [{ partnerId: b, kpiId: 'revenue', period: '2026-01', value: 1200 }] });
    // Everything of B, as the database holds it: compared before and after the attempts.
    snapshot = async () => {
      const parts = await Promise.all([
        h.db.query('SELECT * FROM partners WHERE id = $1', [b]),
        h.db.query('SELECT id, status, history, updated_at FROM deals WHERE partner_id = $1 ORDER BY id', [b]),
        h.db.query('SELECT * FROM targets WHERE partner_id = $1 ORDER BY kpi_id, period', [b]),
        h.db.query('SELECT * FROM measurements WHERE partner_id = $1 ORDER BY kpi_id, period', [b]),
      ]);
      return JSON.stringify(parts.map((p) => p.rows));
    };
  });

  it('answers 404 for every path naming another partner or its objects', async () => {
    const before = await snapshot();
    const notFound = [
      await asA.get(`/v1/partners/${b}`),
      await asA.get(`/v1/partners/${b}/targets`),
      await asA.get(`/v1/partners/${b}/measurements`),
      await asA.get(`/v1/partners/${b}/scorecard`),
      await asA.get(`/v1/partners/${b}/scorecard?period=2026-Q1`),
      await asA.get(`/v1/deals/${dealOfB.id}`),
      await asA.post(`/v1/deals/${dealOfB.id}/transitions`, { to: 'withdrawn', reason: 'not mine' }),
      await asA.post(`/v1/deals/${dealOfB.id}/transitions`, { to: 'submitted' }),
      await asA.post(`/v1/deals/${dealOfB.id}/transitions`, { to: 'withdrawn', reason: 'not mine' }, { headers: { 'idempotency-key': 'steal-1' } }),
    ];
    for (const reply of notFound) assertProblem(reply, 404, 'not_found');
    // A missing partner and another partner's look the same.
    const missing = await asA.get('/v1/partners/pt_does_not_exist');
    assert.equal(missing.body.detail, notFound[0]?.body.detail);
    assert.equal(await snapshot(), before);
  });

  it('lists only the caller\'s own data, whatever the filters say', async () => {
    const partners = await asA.get('/v1/partners');
    assert.deepEqual(partners.body.data.map((p: { id: string }) => p.id), [a]);
    assert.deepEqual((await asA.get('/v1/partners?region=EMEA')).body.data, []);
    assert.deepEqual((await asA.get(`/v1/partners?tierId=gold`)).body.data, []);
    assert.deepEqual((await asA.get(`/v1/deals?partnerId=${b}`)).body.data, []);
    const deals = await asA.get('/v1/deals?limit=200');
    assert.ok(deals.body.data.every((d: { partnerId: string }) => d.partnerId === a));
    assert.deepEqual((await asA.get(`/v1/deals?q=${encodeURIComponent(dealOfB.number)}`)).body.data, []);
  });

  it('ignores headers and parameters that try to choose the tenant', async () => {
    const spoof = { headers: { 'x-partner-id': b, 'x-prm-tenantid': b, 'x-tenant-id': b } };
    assertProblem(await asA.get(`/v1/partners/${b}`, spoof), 404, 'not_found');
    const me = await asA.get('/v1/session', spoof);
    assert.equal(me.body.partnerId, a);
    const created = await asA.post('/v1/deals', dealBody(), spoof);
    assertStatus(created, 201);
    assert.equal(created.body.partnerId, a);
    assertFieldError(await asA.post('/v1/deals', { ...dealBody(), partnerId: b }), 'partnerId', /no partner/);
  });

  it('never tells who holds a customer', async () => {
    const check = await asA.post('/v1/deals/check', { customer: { company: dealOfB.customer.company, domain: dealOfB.customer.domain } });
    assert.deepEqual(check.body, { available: false, reason: 'already_registered' });
    const conflict = await asA.post('/v1/deals', dealBody({ customer: dealOfB.customer }));
    assertProblem(conflict, 409, 'deal_conflict');
    for (const leak of [b, dealOfB.id, dealOfB.number]) assert.ok(!conflict.text.includes(leak) && !check.text.includes(leak));
  });

  it('keeps vendor-only and admin-only operations away from partners, whatever the object', async () => {
    const before = await snapshot();
    const forbidden = [
      await asA.get('/v1/events'),
      await asA.post('/v1/sessions', { role: 'partner', partnerId: b, user: { id: 'x' } }),
      await asA.post('/v1/sessions', { role: 'manager', user: { id: 'x' } }),
      await asA.post('/v1/partners', { name: 'Mine', type: 'reseller' }),
      await asA.patch(`/v1/partners/${a}`, { tierId: 'gold' }),
      await asA.patch(`/v1/partners/${b}`, { name: 'Mine now' }),
      await asA.put(`/v1/partners/${b}/targets`, { data: [{ kpiId: 'revenue', period: '2026-Q1', value: 1 }] }),
      await asA.put(`/v1/partners/${a}/targets`, { data: [] }),
      await asA.post('/v1/measurements', { data: [{ partnerId: a, kpiId: 'revenue', period: '2026-01', value: 1e9 }] }),
      await asA.put('/v1/tiers/gold', { rank: 9, name: 'Mine', colour: '#000000', benefits: [], requirements: [], dealProtectionDays: 365 }),
      await asA.delete('/v1/tiers/gold'),
      await asA.put('/v1/kpis/revenue', { name: 'R', unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 1 }),
      await asA.delete('/v1/kpis/revenue'),
      await asA.post('/v1/resources', { title: 'x', description: null, type: 'link', format: null, sizeBytes: null, language: 'en', url: 'https://example.com' }),
    ];
    for (const reply of forbidden) assertProblem(reply, 403, 'forbidden');
    assert.equal(await snapshot(), before);
    const manager = await h.manager();
    assertProblem(await manager.post('/v1/sessions', { role: 'manager', user: { id: 'y' } }), 403, 'forbidden');
    assertProblem(await manager.patch(`/v1/partners/${a}`, { name: 'x' }), 403, 'forbidden');
    assertStatus(await manager.get(`/v1/partners/${b}/scorecard`), 200);
  });

  it('rejects a token whose partner scope was edited', async () => {
    const token = asA.token as string;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.pk_partner = b;
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    assertProblem(await h.api(forged).get(`/v1/partners/${b}`), 401, 'unauthorized');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    assertProblem(await h.api(none).get(`/v1/partners/${b}`), 401, 'unauthorized');
  });
});
