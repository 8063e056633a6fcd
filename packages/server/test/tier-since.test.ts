/**
 * When a partner entered its tier (`partners.tier_since`), which core's tier rules judge
 * downgrades from: set on creation, by an admin's tier edit (and by nothing else an admin
 * changes), and by applied tier changes; backfilled by its migration from the event log.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { currentPeriod, DAY_MS, monthsOf, shiftPeriod } from '@partnerkit/core/rules';
import { migrate } from '../src/index.ts';
import { assertStatus } from './helpers/assertions.ts';
import { createProgramme } from './helpers/fixtures.ts';
import { type Harness, suite } from './helpers/harness.ts';


suite('when a partner entered its tier', (harness) => {
  let h: Harness;
  // Partners given a date by an admin: no event records it, so the migration's backfill cannot.
  const dated = new Set<string>();

  before(async () => {
    h = harness();
    await createProgramme(h);
  });

  // As the contract serves it (`Partner.tierSince`), checked against the row it comes from.
  const tierSince = async (id: string) => {
    const { rows } = await h.db.query<{ tier_since: Date | string }>('SELECT tier_since FROM partners WHERE id = $1', [id]);
    const stored = new Date(rows[0]?.tier_since as string).toISOString();
    const served = ((await h.admin.get(`/v1/partners/${id}`)).body as { tierSince?: string }).tierSince;
    assert.equal(served, stored, 'GET /v1/partners/{id} serves tierSince');
    return stored;
  };
  const scorecard = async (id: string) => (await h.admin.get(`/v1/partners/${id}/scorecard`)).body;

  it('a partner placed in a tier is not judged on a quarter that ended before it joined', async () => {
    const joined = h.clock.current.toISOString();
    const partner = await h.createPartner({ tierId: 'gold' });
    assert.equal(await tierSince(partner.id), joined);
    // Last quarter's numbers miss Gold and Silver; the running quarter has none yet.
    const last = shiftPeriod(currentPeriod('quarter', h.clock.current), -1);
    assertStatus(await h.admin.post('/v1/measurements', { data: monthsOf(last).map((period) => ({ partnerId: partner.id, kpiId: 'revenue', period, value: 1_000 })) }), 200);
    const card = await scorecard(partner.id);
    assert.equal(card.tier.current.id, 'gold', 'no downgrade on ingest');
    assert.equal(card.tier.pending, null, 'nothing pending from before it joined');
    assert.equal((await h.admin.get(`/v1/partners/${partner.id}`)).body.tierId, 'gold');
  });

  it("an admin's tier edit restarts it; other edits, and setting the same tier, do not", async () => {
    const partner = await h.createPartner({ tierId: 'silver' });
    const created = await tierSince(partner.id);
    h.clock.advance(DAY_MS);
    assertStatus(await h.admin.patch(`/v1/partners/${partner.id}`, { name: `${partner.name} Ltd`, tierId: 'silver' }), 200);
    assert.equal(await tierSince(partner.id), created);
    h.clock.advance(DAY_MS);
    assertStatus(await h.admin.patch(`/v1/partners/${partner.id}`, { tierId: 'gold' }), 200);
    assert.equal(await tierSince(partner.id), h.clock.current.toISOString());
  });

  it('an admin importing a partner says since when it holds its tier, and that decides what is judged; never a date in the future', async () => {
    const last = shiftPeriod(currentPeriod('quarter', h.clock.current), -1);
    const missGold = (id: string) => monthsOf(last).map((period) => ({ partnerId: id, kpiId: 'revenue', period, value: 1_000 }));
    const longAgo = new Date(h.clock.current.getTime() - 400 * DAY_MS).toISOString();
    const recently = new Date(h.clock.current.getTime() - 10 * DAY_MS).toISOString();
    const veteran = await h.createPartner({ tierId: 'gold', tierSince: longAgo });
    const newcomer = await h.createPartner({ tierId: 'gold', tierSince: recently });
    dated.add(veteran.id).add(newcomer.id);
    assert.equal(await tierSince(veteran.id), longAgo);
    assert.equal(await tierSince(newcomer.id), recently);
    assertStatus(await h.admin.post('/v1/measurements', { data: [...missGold(veteran.id), ...missGold(newcomer.id)] }), 200);

    // Gold held through the quarter it missed: Silver is pending, or applied once the grace ended.
    const judged = (await scorecard(veteran.id)).tier;
    assert.ok(judged.current.id === 'silver' || judged.pending?.tier.id === 'silver', `veteran: ${judged.current.id}, pending ${judged.pending?.tier.id}`);
    // Gold entered after that quarter ended: nothing is judged on it.
    const spared = (await scorecard(newcomer.id)).tier;
    assert.equal(spared.current.id, 'gold');
    assert.equal(spared.pending, null);

    assertStatus(await h.admin.patch(`/v1/partners/${newcomer.id}`, { tierSince: longAgo }), 200);
    assert.equal(await tierSince(newcomer.id), longAgo);

    const future = new Date(h.clock.current.getTime() + DAY_MS).toISOString();
    const refused = await h.admin.post('/v1/partners', { name: 'Future Ltd', type: 'reseller', tierId: 'gold', tierSince: future });
    assertStatus(refused, 400);
    assert.deepEqual(refused.body.errors, [{ path: 'tierSince', message: 'must not be in the future' }]);
    assertStatus(await h.admin.patch(`/v1/partners/${newcomer.id}`, { tierSince: future }), 400);
    assert.equal(await tierSince(newcomer.id), longAgo, 'a refused write changes nothing');
  });

  it('an applied tier change restarts it', async () => {
    const partner = await h.createPartner({ tierId: 'bronze' });
    h.clock.advance(DAY_MS);
    assertStatus(await h.admin.post('/v1/measurements', { data: [{ partnerId: partner.id, kpiId: 'revenue', period: currentPeriod('month', h.clock.current), value: 150_000 }] }), 200);
    assert.equal((await h.admin.get(`/v1/partners/${partner.id}`)).body.tierId, 'silver', 'upgraded on ingest');
    assert.equal(await tierSince(partner.id), h.clock.current.toISOString());
  });

  it('the migration backfills it from the latest tier.changed event, else from when the partner was created (runs last)', async () => {
    h.clock.advance(DAY_MS);
    const untouched = await h.createPartner({ tierId: 'silver' });
    const edited = await h.createPartner({ tierId: 'silver' });
    h.clock.advance(DAY_MS);
    assertStatus(await h.admin.patch(`/v1/partners/${edited.id}`, { tierId: 'bronze' }), 200);
    h.clock.advance(DAY_MS);
    assertStatus(await h.admin.patch(`/v1/partners/${edited.id}`, { tierId: 'gold' }), 200);
    const lastEdit = h.clock.current.toISOString();
    const before = new Map<string, string>();
    const { rows } = await h.db.query<{ id: string }>('SELECT id FROM partners');
    for (const { id } of rows) before.set(id, await tierSince(id));

    // Back to the schema before the column existed, then forward again.
    await h.db.execute('ALTER TABLE partners DROP COLUMN tier_since');
    await h.db.query('DELETE FROM schema_migrations WHERE version = 3');
    const report = await migrate(h.db);
    assert.deepEqual(report.applied, [3]);

    assert.equal(await tierSince(untouched.id), untouched.createdAt);
    assert.equal(await tierSince(edited.id), lastEdit);
    for (const [id, since] of before) if (!dated.has(id)) assert.equal(await tierSince(id), since, `partner ${id} keeps what the server had recorded`);
  });
});
