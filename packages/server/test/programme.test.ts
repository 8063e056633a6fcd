/**
 * The programme: tiers, KPIs, partners, targets, measurements, and scorecards computed with
 * core's rules; tier changes on ingest.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { computeScorecard, currentPeriod, previousPeriods, shiftPeriod } from '@partnerkit/core/rules';
import { assertFieldError, assertProblem, assertStatus } from './helpers/assertions.ts';
import { createProgramme, KPIS, TIERS } from './helpers/fixtures.ts';
import { type Harness, suite, unique } from './helpers/harness.ts';

suite('programme', (harness) => {
  let h: Harness;

  before(async () => {
    h = harness();
    await createProgramme(h);
  });

  it('creates and replaces tiers and KPIs with PUT, lists them in order, deletes unused ones', async () => {
    const body = { rank: 10, name: 'Diamond', colour: '#B9F2FF', benefits: [{ label: 'Everything' }], requirements: [{ kpiId: 'revenue', min: 1_000_000 }], dealProtectionDays: 120 };
    const created = await h.admin.put('/v1/tiers/diamond', body);
    assertStatus(created, 201);
    assert.equal(created.body.id, 'diamond');
    const replaced = await h.admin.put('/v1/tiers/diamond', { ...body, name: 'Diamond+' });
    assertStatus(replaced, 200);
    assert.equal(replaced.body.createdAt, created.body.createdAt);
    assert.equal(replaced.body.name, 'Diamond+');
    const partner = await h.partner((await h.createPartner()).id);
    const tiers = await partner.get('/v1/tiers');
    assert.deepEqual(tiers.body.data.map((t: { id: string }) => t.id), ['bronze', 'silver', 'gold', 'diamond']);
    const paged = await partner.get('/v1/tiers?limit=3');
    const rest = await partner.get(`/v1/tiers?limit=3&cursor=${encodeURIComponent(paged.body.nextCursor)}`);
    assert.deepEqual(rest.body.data.map((t: { id: string }) => t.id), ['diamond']);
    assertStatus(await h.admin.delete('/v1/tiers/diamond'), 204);
    assertProblem(await partner.get('/v1/tiers/diamond'), 404, 'not_found');
    assertProblem(await h.admin.delete('/v1/tiers/diamond'), 404, 'not_found');

    const kpis = await partner.get('/v1/kpis');
    assert.deepEqual(kpis.body.data.map((k: { name: string }) => k.name), ['Churn', 'Deals won', 'Revenue']);
    assert.equal((await partner.get('/v1/kpis/revenue')).body.currency, 'USD');
    assertStatus(await h.admin.put('/v1/kpis/temp', { name: 'Temp', unit: 'score', direction: 'higher_is_better', aggregation: 'last', weight: 0 }), 201);
    assertStatus(await h.admin.delete('/v1/kpis/temp'), 204);
    const inUse = await h.admin.delete('/v1/kpis/revenue');
    assertProblem(inUse, 409, 'in_use');
    assert.match(inUse.body.detail, /tier requirement/);
  });

  it('creates, reads, filters and updates partners, with events', async () => {
    const name = unique('Northwind');
    const created = await h.admin.post('/v1/partners', {
      name,
      type: 'system_integrator',
      tierId: 'silver',
      region: 'APAC',
      country: 'VN',
      website: 'https://northwind.example.com',
      domains: ['northwind.example.com'],
      manager: { id: 'mgr-1', name: 'Mai', email: 'mai@vendor.example' },
    });
    assertStatus(created, 201);
    assert.equal(created.body.status, 'prospect');
    const id = created.body.id as string;
    assert.deepEqual((await h.admin.get(`/v1/partners/${id}`)).body, created.body);
    const filtered = await h.admin.get(`/v1/partners?type=system_integrator&region=apac&country=VN&q=${encodeURIComponent(name.slice(0, 6))}`);
    assert.deepEqual(filtered.body.data.map((p: { id: string }) => p.id), [id]);
    h.clock.advance(1000);
    const updated = await h.admin.patch(`/v1/partners/${id}`, { tierId: 'gold', status: 'active', manager: null });
    assertStatus(updated, 200);
    assert.equal(updated.body.tierId, 'gold');
    assert.equal(updated.body.manager, null);
    assert.equal(updated.body.name, name);
    assert.notEqual(updated.body.updatedAt, created.body.updatedAt);
    const events = await h.admin.get(`/v1/events?partnerId=${id}`);
    assert.deepEqual(events.body.data.map((e: { type: string }) => e.type), ['partner.created', 'partner.updated', 'tier.changed']);
    assert.deepEqual(events.body.data[2].data, { partnerId: id, from: 'silver', to: 'gold', kind: 'manual' });
    assertFieldError(await h.admin.patch(`/v1/partners/${id}`, { tierId: 'nope' }), 'tierId', /no tier/);
    assertProblem(await h.admin.patch('/v1/partners/pt_missing', { name: 'x' }), 404, 'not_found');
    assertProblem(await h.admin.delete('/v1/tiers/gold'), 409, 'in_use');
  });

  it('pages partners by name', async () => {
    const names = [];
    for (let i = 0; i < 3; i += 1) names.push((await h.createPartner({ name: `Zz Paging ${i}`, type: 'affiliate' })).name);
    const first = await h.admin.get('/v1/partners?type=affiliate&q=Zz%20Paging&limit=2');
    assert.deepEqual(first.body.data.map((p: { name: string }) => p.name), names.slice(0, 2));
    const second = await h.admin.get(`/v1/partners?type=affiliate&q=Zz%20Paging&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    assert.deepEqual(second.body.data.map((p: { name: string }) => p.name), names.slice(2));
    assert.equal(second.body.nextCursor, null);
  });

  it('stores targets and measurements, last value wins, and reads them back by range', async () => {
    const partner = await h.createPartner({ tierId: 'bronze' });
    const targets = await h.admin.put(`/v1/partners/${partner.id}/targets`, {
      data: [
        { kpiId: 'revenue', period: '2026-Q1', value: 120_000 },
        { kpiId: 'deals', period: '2026', value: 20 },
      ],
    });
    assertStatus(targets, 200);
    assert.equal(targets.body.data.length, 2);
    assertFieldError(await h.admin.put(`/v1/partners/${partner.id}/targets`, { data: [{ kpiId: 'nope', period: '2026', value: 1 }] }), 'data.0.kpiId');
    assertProblem(await h.admin.put('/v1/partners/pt_missing/targets', { data: [] }), 404, 'not_found');
    const ingest = await h.admin.post('/v1/measurements', {
      data: [
        { partnerId: partner.id, kpiId: 'revenue', period: '2026-01', value: 10, source: 'crm' },
        { partnerId: partner.id, kpiId: 'revenue', period: '2026-01', value: 40_000, source: 'billing' },
        { partnerId: partner.id, kpiId: 'revenue', period: '2026-02', value: 45_000 },
        { partnerId: partner.id, kpiId: 'deals', period: '2026-02', value: 3 },
      ],
    });
    assertStatus(ingest, 200);
    assert.deepEqual(ingest.body, { upserted: 3 });
    const asPartner = await h.partner(partner.id);
    const listed = await asPartner.get(`/v1/partners/${partner.id}/measurements?kpiId=revenue&from=2026-01&to=2026-01`);
    assert.deepEqual(listed.body.data.map((m: { value: number; source: string }) => [m.value, m.source]), [[40_000, 'billing']]);
    const all = await asPartner.get(`/v1/partners/${partner.id}/measurements?limit=2`);
    assert.deepEqual(all.body.data.map((m: { period: string; kpiId: string }) => `${m.period}/${m.kpiId}`), ['2026-01/revenue', '2026-02/deals']);
    const next = await asPartner.get(`/v1/partners/${partner.id}/measurements?limit=2&cursor=${encodeURIComponent(all.body.nextCursor)}`);
    assert.deepEqual(next.body.data.map((m: { period: string; kpiId: string }) => `${m.period}/${m.kpiId}`), ['2026-02/revenue']);
    const own = await asPartner.get(`/v1/partners/${partner.id}/targets?period=2026-Q1`);
    assert.deepEqual(own.body.data.map((t: { kpiId: string; value: number }) => [t.kpiId, t.value]), [['revenue', 120_000]]);
    const events = await h.admin.get(`/v1/events?partnerId=${partner.id}&type=measurements.ingested`);
    assert.deepEqual(events.body.data[0].data, { partnerId: partner.id, count: 3, periods: ['2026-01', '2026-02'] });
  });

  it('computes the scorecard exactly as core\'s rules do', async () => {
    const partner = await h.createPartner({ tierId: 'silver', type: 'distributor' });
    const period = currentPeriod('quarter', h.clock.current);
    const months = previousPeriods(`${period.slice(0, 4)}-${String((Number(period.slice(6)) - 1) * 3 + 3).padStart(2, '0')}`, 9);
    const data = months.flatMap((month, i) => [
      { partnerId: partner.id, kpiId: 'revenue', period: month, value: 30_000 + i * 5_000 },
      { partnerId: partner.id, kpiId: 'deals', period: month, value: i % 3 },
      { partnerId: partner.id, kpiId: 'churn', period: month, value: 4 + (i % 2) },
    ]);
    assertStatus(await h.admin.post('/v1/measurements', { data }), 200);
    await h.admin.put(`/v1/partners/${partner.id}/targets`, { data: [{ kpiId: 'churn', period, value: 5 }] });
    const asPartner = await h.partner(partner.id);
    for (const query of ['', `?period=${period}`, `?period=${shiftPeriod(period, -1)}&periods=3`, `?period=${months[8]}`, `?period=${period.slice(0, 4)}`]) {
      const reply = await asPartner.get(`/v1/partners/${partner.id}/scorecard${query}`);
      assertStatus(reply, 200);
      const [me, kpis, tiers, targets, measurements] = await Promise.all([
        h.admin.get(`/v1/partners/${partner.id}`),
        h.admin.get('/v1/kpis?limit=200'),
        h.admin.get('/v1/tiers?limit=200'),
        h.admin.get(`/v1/partners/${partner.id}/targets?limit=200`),
        h.admin.get(`/v1/partners/${partner.id}/measurements?limit=200`),
      ]);
      const params = new URLSearchParams(query);
      const expected = computeScorecard({
        partner: me.body,
        period: params.get('period') ?? period,
        kpis: [...kpis.body.data].sort((a, b) => (a.name < b.name ? -1 : 1)),
        tiers: tiers.body.data,
        targets: targets.body.data,
        measurements: measurements.body.data,
        trendPeriods: params.get('periods') ? Number(params.get('periods')) : undefined,
        now: new Date(reply.body.generatedAt),
      });
      assert.deepEqual(reply.body, JSON.parse(JSON.stringify(expected)), query);
    }
    const sc = (await asPartner.get(`/v1/partners/${partner.id}/scorecard`)).body;
    assert.equal(sc.rows.length, Object.keys(KPIS).length);
    assert.equal(sc.tier.current.id, 'silver');
    assert.equal(sc.tier.next.tier.id, 'gold');
  });

  it('upgrades a partner when its numbers qualify, emitting tier.changed', async () => {
    const partner = await h.createPartner({ tierId: 'bronze' });
    const quarter = currentPeriod('quarter', h.clock.current);
    const month = currentPeriod('month', h.clock.current);
    assert.ok(TIERS.silver.requirements[0]);
    const reply = await h.admin.post('/v1/measurements', { data: [{ partnerId: partner.id, kpiId: 'revenue', period: month, value: 150_000 }] });
    assertStatus(reply, 200);
    const after = await h.admin.get(`/v1/partners/${partner.id}`);
    assert.equal(after.body.tierId, 'silver');
    const events = await h.admin.get(`/v1/events?partnerId=${partner.id}&type=tier.changed`);
    assert.deepEqual(events.body.data.map((e: { data: unknown }) => e.data), [{ partnerId: partner.id, from: 'bronze', to: 'silver', kind: 'upgrade', period: quarter }]);
    // The same numbers again change nothing.
    await h.admin.post('/v1/measurements', { data: [{ partnerId: partner.id, kpiId: 'revenue', period: month, value: 150_000 }] });
    assert.equal((await h.admin.get(`/v1/events?partnerId=${partner.id}&type=tier.changed`)).body.data.length, 1);
  });
});
