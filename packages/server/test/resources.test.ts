/**
 * The resource library: gating by tier rank and partner type (locked items carry no URL and
 * cannot be opened), opens and their events, facets, totals, sorts and pagination.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertProblem, assertStatus } from './helpers/assertions.ts';
import { createProgramme } from './helpers/fixtures.ts';
import { type Api, type Harness, suite } from './helpers/harness.ts';

interface Listed {
  id: string;
  title: string;
  locked: boolean;
  url?: string;
  openCount: number;
}

suite('resources', (harness) => {
  let h: Harness;
  const ids: Record<string, string> = {};
  let silverReseller: Api;
  let goldDistributor: Api;
  let untiered: Api;
  let silverId: string;

  const resource = (title: string, extra: Record<string, unknown> = {}) => ({
    title,
    description: `About ${title}`,
    type: 'document',
    format: 'pdf',
    sizeBytes: 2048,
    language: 'en',
    tags: ['sales'],
    url: `https://example.com/${encodeURIComponent(title)}`,
    ...extra,
  });

  before(async () => {
    h = harness();
    await createProgramme(h);
    const items: Record<string, Record<string, unknown>> = {
      open: resource('Alpha open guide', { tags: ['sales', 'onboarding'] }),
      silver: resource('Bravo silver playbook', { minTierId: 'silver', type: 'template', format: 'pptx' }),
      gold: resource('Charlie gold pricing', { minTierId: 'gold', tags: ['pricing'] }),
      distributors: resource('Delta distributor terms', { partnerTypes: ['distributor'], language: 'vi', tags: ['pricing'] }),
      video: resource('Echo webinar', { type: 'video', format: 'mp4', sizeBytes: 3_000_000_000, language: 'vi', thumbnailUrl: 'https://example.com/t.jpg', tags: ['webinar'] }),
    };
    for (const [name, body] of Object.entries(items)) {
      const reply = await h.admin.post('/v1/resources', body);
      assertStatus(reply, 201);
      ids[name] = reply.body.id;
      h.clock.advance(1000);
    }
    silverId = (await h.createPartner({ tierId: 'silver', type: 'reseller' })).id;
    silverReseller = await h.partner(silverId);
    goldDistributor = await h.partner((await h.createPartner({ tierId: 'gold', type: 'distributor' })).id);
    untiered = await h.partner((await h.createPartner({ type: 'referral' })).id);
  });

  const lockedSet = async (api: Api) => {
    const page = await api.get('/v1/resources?limit=200');
    assertStatus(page, 200);
    const mine = (page.body.data as Listed[]).filter((r) => Object.values(ids).includes(r.id));
    for (const item of mine) assert.equal(item.url === undefined, item.locked, `${item.title}: url exactly when unlocked`);
    return Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, mine.find((r) => r.id === id)?.locked]));
  };

  it('locks items above the tier or outside the partner type, without their URL', async () => {
    assert.deepEqual(await lockedSet(silverReseller), { open: false, silver: false, gold: true, distributors: true, video: false });
    assert.deepEqual(await lockedSet(goldDistributor), { open: false, silver: false, gold: false, distributors: false, video: false });
    assert.deepEqual(await lockedSet(untiered), { open: false, silver: true, gold: true, distributors: true, video: false });
    assert.deepEqual(await lockedSet(await h.manager()), { open: false, silver: false, gold: false, distributors: false, video: false });
    const one = await silverReseller.get(`/v1/resources/${ids.gold}`);
    assert.equal(one.body.locked, true);
    assert.ok(!('url' in one.body));
    assert.ok(!one.text.includes('Charlie%20gold%20pricing'), 'the URL appears nowhere in the answer');
  });

  it('opens what the caller may open, counts it and emits resource.opened', async () => {
    const opened = await silverReseller.post(`/v1/resources/${ids.silver}/open`);
    assertStatus(opened, 200);
    assert.deepEqual(opened.body, { url: 'https://example.com/Bravo%20silver%20playbook' });
    assertStatus(await silverReseller.post(`/v1/resources/${ids.silver}/open`, {}), 200);
    assert.equal((await h.admin.get(`/v1/resources/${ids.silver}`)).body.openCount, 2);
    const events = await h.admin.get(`/v1/events?type=resource.opened&partnerId=${silverId}`);
    assert.equal(events.body.data.length, 2);
    assert.equal(events.body.data[0].data.resourceId, ids.silver);
    assertProblem(await silverReseller.post(`/v1/resources/${ids.gold}/open`), 403, 'forbidden');
    assertProblem(await untiered.post(`/v1/resources/${ids.distributors}/open`), 403, 'forbidden');
    assertProblem(await silverReseller.post('/v1/resources/rs_missing/open'), 404, 'not_found');
    assertStatus(await (await h.manager()).post(`/v1/resources/${ids.gold}/open`), 200);
    assert.equal((await h.admin.get(`/v1/resources/${ids.gold}`)).body.openCount, 1);
  });

  it('answers the total and facets of the whole filtered result', async () => {
    const all = await silverReseller.get('/v1/resources?limit=2');
    assert.equal(all.body.total, 5);
    assert.equal(all.body.data.length, 2);
    assert.deepEqual(all.body.facets, {
      type: { document: 3, template: 1, video: 1 },
      tag: { onboarding: 1, pricing: 2, sales: 2, webinar: 1 },
      language: { en: 3, vi: 2 },
    });
    const vi = await silverReseller.get('/v1/resources?language=vi');
    assert.equal(vi.body.total, 2);
    assert.deepEqual(vi.body.facets.type, { document: 1, video: 1 });
    const pricing = await silverReseller.get('/v1/resources?tag=pricing&type=document');
    assert.deepEqual((pricing.body.data as Listed[]).map((r) => r.title).sort(), ['Charlie gold pricing', 'Delta distributor terms']);
    const search = await silverReseller.get('/v1/resources?q=WEBINAR');
    assert.deepEqual((search.body.data as Listed[]).map((r) => r.title), ['Echo webinar']);
    const none = await silverReseller.get('/v1/resources?q=%25');
    assert.equal(none.body.total, 0, 'a % is searched for literally');
    assert.deepEqual(none.body.facets, { type: {}, tag: {}, language: {} });
  });

  it('sorts newest, by title and by popularity, across pages', async () => {
    const walk = async (sort: string) => {
      const titles: string[] = [];
      let cursor: string | null = null;
      do {
        const reply = await silverReseller.get(`/v1/resources?sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assertStatus(reply, 200);
        titles.push(...(reply.body.data as Listed[]).map((r) => r.title));
        cursor = reply.body.nextCursor;
      } while (cursor);
      return titles;
    };
    assert.deepEqual(await walk('newest'), ['Echo webinar', 'Delta distributor terms', 'Charlie gold pricing', 'Bravo silver playbook', 'Alpha open guide']);
    assert.deepEqual(await walk('title'), ['Alpha open guide', 'Bravo silver playbook', 'Charlie gold pricing', 'Delta distributor terms', 'Echo webinar']);
    const popular = await walk('popular');
    assert.deepEqual(popular.slice(0, 2), ['Bravo silver playbook', 'Charlie gold pricing']);
    assert.equal(popular.length, 5);
    const first = await silverReseller.get('/v1/resources?sort=title&limit=2');
    assertProblem(await silverReseller.get(`/v1/resources?sort=newest&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`), 400, 'invalid_cursor');
  });

  it('lets admins change and remove items; tiers that gate items stay', async () => {
    const patched = await h.admin.patch(`/v1/resources/${ids.video}`, { minTierId: 'gold', title: 'Echo webinar (recorded)' });
    assertStatus(patched, 200);
    assert.equal(patched.body.minTierId, 'gold');
    assert.equal((await silverReseller.get(`/v1/resources/${ids.video}`)).body.locked, true);
    assert.equal(patched.body.sizeBytes, 3_000_000_000);
    assertProblem(await h.admin.delete('/v1/tiers/gold'), 409, 'in_use');
    assertStatus(await h.admin.delete(`/v1/resources/${ids.video}`), 204);
    assertProblem(await h.admin.get(`/v1/resources/${ids.video}`), 404, 'not_found');
    assertProblem(await h.admin.delete(`/v1/resources/${ids.video}`), 404, 'not_found');
    assertProblem(await h.admin.patch('/v1/resources/rs_missing', { title: 'x' }), 404, 'not_found');
  });
});
