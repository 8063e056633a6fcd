/**
 * Localisable programme data: tiers (and their benefits), KPIs and resources keep the
 * translations an admin sets, serve them everywhere the entity appears (lists, single reads, the
 * scorecard), search them, and refuse malformed ones; the migration gives existing rows none.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { localise } from '@partnerkit/core/rules';
import { migrate } from '../src/index.ts';
import { assertFieldError, assertStatus } from './helpers/assertions.ts';
import { createProgramme, KPIS, TIERS } from './helpers/fixtures.ts';
import { type Harness, suite, unique } from './helpers/harness.ts';

const resourceBody = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  description: 'A guide for partners.',
  type: 'document',
  language: 'en',
  url: 'https://partners.example.com/guide.pdf',
  ...extra,
});

suite('translations', (harness) => {
  let h: Harness;

  before(async () => {
    h = harness();
    await createProgramme(h);
  });

  it('a tier keeps its name and its benefits’ translations; PUT without them clears them', async () => {
    const vi = { name: 'Kim cương' };
    const benefits = [{ label: 'Discount', value: '30%', translations: { vi: { label: 'Chiết khấu' } } }];
    const body = { rank: 20, name: 'Diamond', colour: '#B9F2FF', benefits, requirements: [], dealProtectionDays: 120, translations: { vi, 'de-CH': { name: 'Diamant' } } };
    const created = await h.admin.put('/v1/tiers/diamond-tr', body);
    assertStatus(created, 201);
    assert.deepEqual(created.body.translations, body.translations);
    assert.deepEqual(created.body.benefits, benefits);

    const partner = await h.partner((await h.createPartner()).id);
    assert.deepEqual((await partner.get('/v1/tiers/diamond-tr')).body.translations, body.translations);
    const listed = (await partner.get('/v1/tiers')).body.data.find((t: { id: string }) => t.id === 'diamond-tr');
    assert.deepEqual(listed.translations, body.translations);
    assert.equal(localise(listed, 'vi-VN').name, 'Kim cương');

    const { translations: _dropped, ...without } = body;
    const replaced = await h.admin.put('/v1/tiers/diamond-tr', without);
    assertStatus(replaced, 200);
    assert.deepEqual(replaced.body.translations, {}, 'a PUT replaces the whole tier');
    assertStatus(await h.admin.delete('/v1/tiers/diamond-tr'), 204);
  });

  it('tiers and KPIs without translations serve an empty map', async () => {
    assert.deepEqual((await h.admin.get('/v1/tiers/bronze')).body.translations, {});
    assert.deepEqual((await h.admin.get('/v1/kpis/revenue')).body.translations, {});
  });

  it('a KPI keeps its name and description translations, and the scorecard carries them', async () => {
    const translations = { vi: { name: 'Doanh thu', description: 'Doanh thu đã ghi nhận.' } };
    assertStatus(await h.admin.put('/v1/kpis/revenue', { ...KPIS.revenue, translations }), 200);
    assertStatus(await h.admin.put('/v1/tiers/gold', { ...TIERS.gold, translations: { vi: { name: 'Vàng' } } }), 200);
    try {
      assert.deepEqual((await h.admin.get('/v1/kpis')).body.data.find((k: { id: string }) => k.id === 'revenue').translations, translations);
      const partner = await h.createPartner({ tierId: 'silver' });
      const scorecard = await h.admin.get(`/v1/partners/${partner.id}/scorecard`);
      assertStatus(scorecard, 200);
      const row = scorecard.body.rows.find((r: { kpi: { id: string } }) => r.kpi.id === 'revenue');
      assert.deepEqual(row.kpi.translations, translations);
      assert.deepEqual(scorecard.body.tier.next.tier.translations, { vi: { name: 'Vàng' } });
    } finally {
      assertStatus(await h.admin.put('/v1/kpis/revenue', KPIS.revenue), 200);
      assertStatus(await h.admin.put('/v1/tiers/gold', TIERS.gold), 200);
    }
  });

  it('a resource keeps its translations through create, read, list and patch, and is found by them', async () => {
    const title = unique('Programme guide');
    const translations = { vi: { title: `Hướng dẫn chương trình ${title}`, description: 'Tài liệu dành cho đối tác.' } };
    const created = await h.admin.post('/v1/resources', resourceBody(title, { translations }), { headers: { 'idempotency-key': randomUUID() } });
    assertStatus(created, 201);
    assert.deepEqual(created.body.translations, translations);
    const id = created.body.id as string;
    const partner = await h.partner((await h.createPartner()).id);
    assert.deepEqual((await partner.get(`/v1/resources/${id}`)).body.translations, translations);

    // Search reads the translated title and description, not the JSON around them.
    const found = await partner.get(`/v1/resources?q=${encodeURIComponent(`chương trình ${title}`)}`);
    assert.deepEqual(found.body.data.map((r: { id: string }) => r.id), [id]);
    const noise = await partner.get(`/v1/resources?q=${encodeURIComponent('title')}`);
    assert.ok(!noise.body.data.some((r: { id: string }) => r.id === id), 'a field name of the stored JSON matches nothing');

    const patched = await h.admin.patch(`/v1/resources/${id}`, { translations: { 'vi-VN': { title: 'Sổ tay chương trình' } } });
    assertStatus(patched, 200);
    assert.deepEqual(patched.body.translations, { 'vi-VN': { title: 'Sổ tay chương trình' } }, 'a patch replaces the map, like every other field');
    assert.equal(patched.body.title, title);
    const untouched = await h.admin.patch(`/v1/resources/${id}`, { title: `${title} 2` });
    assert.deepEqual(untouched.body.translations, { 'vi-VN': { title: 'Sổ tay chương trình' } }, 'a patch without it keeps it');
    assertStatus(await h.admin.delete(`/v1/resources/${id}`), 204);
  });

  it('refuses malformed translations with the field’s path', async () => {
    const tier = { ...TIERS.bronze, rank: 30 };
    assertFieldError(await h.admin.put('/v1/tiers/bad-tr', { ...tier, translations: { Vietnamese: { name: 'x' } } }), 'translations.Vietnamese', /language tag such as en or vi-VN/);
    assertFieldError(await h.admin.put('/v1/tiers/bad-tr', { ...tier, translations: { vi: { colour: '#000000' } } }), 'translations.vi.colour', /not a known field/);
    assertFieldError(await h.admin.put('/v1/tiers/bad-tr', { ...tier, translations: { vi: { name: '' } } }), 'translations.vi.name', /empty/);
    assertFieldError(await h.admin.put('/v1/tiers/bad-tr', { ...tier, translations: { vi: { name: 'a' }, 'vi-vn': { name: 'b' }, 'vi-VN': { name: 'c' } } }), 'translations', /each language once/);
    assertFieldError(await h.admin.put('/v1/kpis/bad-tr', { ...KPIS.deals, translations: { vi: { description: 'x'.repeat(1001) } } }), 'translations.vi.description', /at most 1000/);
    assertFieldError(await h.admin.post('/v1/resources', resourceBody('x', { translations: { vi: { name: 'x' } } }), { headers: { 'idempotency-key': randomUUID() } }), 'translations.vi.name');
    assert.equal((await h.admin.get('/v1/tiers/bad-tr')).status, 404, 'nothing was stored');
  });

  it('the migration gives rows that existed before it no translations', async () => {
    const title = unique('Before translations');
    const created = await h.admin.post('/v1/resources', resourceBody(title), { headers: { 'idempotency-key': randomUUID() } });
    assertStatus(created, 201);
    await h.db.transaction(async (tx) => {
      for (const table of ['tiers', 'kpis', 'resources']) await tx.execute(`ALTER TABLE ${table} DROP COLUMN translations`);
      await tx.query('DELETE FROM schema_migrations WHERE version = 10');
    });
    assert.deepEqual((await migrate(h.db)).applied, [10]);
    assert.deepEqual((await h.admin.get(`/v1/resources/${created.body.id}`)).body.translations, {});
    assert.deepEqual((await h.admin.get('/v1/tiers/silver')).body.translations, {});
  });
});
