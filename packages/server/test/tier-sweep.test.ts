/**
 * Tier changes applied by the periodic sweep, with no new numbers: a pending downgrade once its
 * grace period ends (one rank, once, and the next rank only after a quarter at the new tier),
 * cancelled by re-qualifying; an upgrade nothing triggered;
 * at most one evaluation per interval across servers; exactly once beside concurrent writes.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { currentPeriod, DAY_MS, DOWNGRADE_GRACE_DAYS, monthsOf, periodBounds, shiftPeriod } from '@partnerkit/core/rules';
import { assertStatus } from './helpers/assertions.ts';
import { createProgramme } from './helpers/fixtures.ts';
import { type Harness, suite } from './helpers/harness.ts';

const TIER_SWEEP_INTERVAL_MS = 60_000;

suite(
  'tier changes by the sweep',
  (harness) => {
    let h: Harness;

    before(async () => {
      h = harness();
      await createProgramme(h);
    });

    /** Records `revenue` and `deals` in each of `months` for one partner. */
    async function measure(partnerId: string, months: readonly string[], revenue: number, deals: number): Promise<void> {
      const data = months.flatMap((period) => [
        { partnerId, kpiId: 'revenue', period, value: revenue },
        { partnerId, kpiId: 'deals', period, value: deals },
      ]);
      assertStatus(await h.admin.post('/v1/measurements', { data }), 200);
    }

    /**
     * A Gold partner that met Gold last quarter and only meets Silver in the running one: nothing
     * is pending yet. Answers the running quarter and when the downgrade will be due.
     */
    async function goldPartnerSlipping(): Promise<{ id: string; quarter: string; dueAt: number }> {
      const { id } = await h.createPartner({ tierId: 'gold' });
      const quarter = currentPeriod('quarter', h.clock.current);
      await measure(id, monthsOf(shiftPeriod(quarter, -1)), 120_000, 3);
      await measure(id, monthsOf(quarter), 50_000, 1);
      return { id, quarter, dueAt: periodBounds(quarter).end.getTime() + DOWNGRADE_GRACE_DAYS * DAY_MS };
    }

    const tierOf = async (id: string) => (await h.admin.get(`/v1/partners/${id}`)).body.tierId as string | null;
    const tierEvents = async (id: string) => (await h.admin.get(`/v1/events?partnerId=${id}&type=tier.changed`)).body.data.map((e: { data: unknown }) => e.data);
    const pendingOf = async (id: string) => (await h.admin.get(`/v1/partners/${id}/scorecard`)).body.tier.pending as { tier: { id: string }; effectiveAt: string } | null;

    function moveTo(time: number): void {
      assert.ok(time > h.clock.current.getTime(), 'the clock only moves forward');
      h.clock.advance(time - h.clock.current.getTime());
    }

    /** Sweeps once the tier interval has passed since the last sweep, so tiers are evaluated. */
    async function sweepAfterInterval() {
      h.clock.advance(TIER_SWEEP_INTERVAL_MS);
      return h.server.sweep();
    }

    it('downgrades a Gold partner that missed Gold in a complete quarter one rank when the grace period ends, once', async () => {
      const partner = await goldPartnerSlipping();
      const quiet = await sweepAfterInterval();
      assert.ok(quiet.evaluatedPartners >= 1);
      assert.equal(quiet.tierChanges, 0, 'a quarter in progress never triggers a downgrade');

      // The quarter has ended: Silver is pending until the grace period is over.
      moveTo(partner.dueAt - DAY_MS);
      const waiting = await h.server.sweep();
      assert.ok(waiting.evaluatedPartners >= 1);
      assert.equal(waiting.tierChanges, 0);
      assert.equal(await tierOf(partner.id), 'gold');
      const pending = await pendingOf(partner.id);
      assert.equal(pending?.tier.id, 'silver');
      assert.equal(pending.effectiveAt, new Date(partner.dueAt).toISOString());
      assert.deepEqual(await tierEvents(partner.id), []);

      moveTo(partner.dueAt + 1000);
      const applied = await h.server.sweep();
      assert.equal(applied.tierChanges, 1);
      assert.equal(await tierOf(partner.id), 'silver', 'one rank down, no new numbers needed');
      assert.deepEqual(await tierEvents(partner.id), [{ partnerId: partner.id, from: 'gold', to: 'silver', kind: 'downgrade', period: shiftPeriod(partner.quarter, 1) }]);
      assert.ok(h.logs.some((entry) => entry.msg === 'sweep' && entry.tierChanges === 1), 'the sweep logs what it changed');

      // Sweeping again finds nothing due: Silver was met in the judged quarter.
      const again = await sweepAfterInterval();
      assert.ok(again.evaluatedPartners >= 1, 'the second sweep evaluated tiers too');
      assert.equal(again.tierChanges, 0);
      assert.equal(await tierOf(partner.id), 'silver');
      assert.equal((await tierEvents(partner.id)).length, 1);
      assert.equal(await pendingOf(partner.id), null);
    });

    it('drops a partner that failed two tiers in one quarter one rank, and the next only after a quarter at the new tier', async () => {
      // Gold, and almost nothing sold this quarter: Silver is missed as well as Gold.
      const { id } = await h.createPartner({ tierId: 'gold' });
      const quarter = currentPeriod('quarter', h.clock.current);
      await measure(id, monthsOf(quarter), 10_000, 0);
      const next = shiftPeriod(quarter, 1);
      const firstDue = periodBounds(quarter).end.getTime() + DOWNGRADE_GRACE_DAYS * DAY_MS;
      const secondDue = periodBounds(next).end.getTime() + DOWNGRADE_GRACE_DAYS * DAY_MS;

      moveTo(firstDue + 1000);
      assert.ok((await h.server.sweep()).tierChanges >= 1);
      assert.equal(await tierOf(id), 'silver');

      // The quarter that moved it down is not judged again: sweeps and new numbers alike leave
      // it on Silver, with nothing pending, until the quarter it entered Silver in has ended.
      for (let i = 0; i < 3; i += 1) await sweepAfterInterval();
      await measure(id, [currentPeriod('month', h.clock.current)], 1_000, 0);
      moveTo(periodBounds(next).end.getTime() - DAY_MS);
      await h.server.sweep();
      assert.equal(await tierOf(id), 'silver');
      assert.equal(await pendingOf(id), null);
      assert.equal((await tierEvents(id)).length, 1);

      // Silver missed over that quarter too: Bronze pending, due after its own grace days.
      moveTo(periodBounds(next).end.getTime() + DAY_MS);
      await h.server.sweep();
      assert.equal(await tierOf(id), 'silver');
      const pending = await pendingOf(id);
      assert.equal(pending?.tier.id, 'bronze');
      assert.equal(pending.effectiveAt, new Date(secondDue).toISOString());

      moveTo(secondDue + 1000);
      await h.server.sweep();
      assert.equal(await tierOf(id), 'bronze');
      assert.deepEqual(await tierEvents(id), [
        { partnerId: id, from: 'gold', to: 'silver', kind: 'downgrade', period: next },
        { partnerId: id, from: 'silver', to: 'bronze', kind: 'downgrade', period: shiftPeriod(next, 1) },
      ]);
    });

    it('cancels the pending downgrade when the partner re-qualifies before the grace period ends', async () => {
      const partner = await goldPartnerSlipping();
      moveTo(periodBounds(partner.quarter).end.getTime() + DAY_MS);
      await h.server.sweep();
      assert.equal((await pendingOf(partner.id))?.tier.id, 'silver');

      // This month's numbers alone meet Gold over the new quarter.
      await measure(partner.id, [currentPeriod('month', h.clock.current)], 300_000, 6);
      assert.equal(await pendingOf(partner.id), null);

      moveTo(partner.dueAt + 1000);
      const report = await h.server.sweep();
      assert.ok(report.evaluatedPartners >= 1);
      assert.equal(await tierOf(partner.id), 'gold');
      assert.deepEqual(await tierEvents(partner.id), []);
    });

    it('applies an upgrade nothing triggered: a partner set below what its numbers earn', async () => {
      const { id } = await h.createPartner({ tierId: 'bronze' });
      await measure(id, [currentPeriod('month', h.clock.current)], 150_000, 1);
      assert.equal(await tierOf(id), 'silver', 'upgraded on ingest');
      // An admin sets the tier back by hand; the numbers still earn Silver.
      assertStatus(await h.admin.patch(`/v1/partners/${id}`, { tierId: 'bronze' }), 200);
      await sweepAfterInterval();
      assert.equal(await tierOf(id), 'silver');
      const upgrades = (await tierEvents(id)).filter((e: { kind?: string }) => e.kind === 'upgrade');
      assert.deepEqual(upgrades.at(-1), { partnerId: id, from: 'bronze', to: 'silver', kind: 'upgrade', period: currentPeriod('quarter', h.clock.current) });
      assert.equal(upgrades.length, 2, 'once on ingest, once by the sweep');
    });

    it('evaluates tiers at most once per interval, across every server on the database', async () => {
      assert.ok((await sweepAfterInterval()).evaluatedPartners >= 1);
      h.clock.advance(TIER_SWEEP_INTERVAL_MS - 1000);
      const early = await h.server.sweep();
      assert.equal(early.evaluatedPartners, 0, 'within the interval');
      const sibling = await h.startSibling({ tierSweepIntervalMs: TIER_SWEEP_INTERVAL_MS });
      assert.equal((await sibling.sweep()).evaluatedPartners, 0, 'another server on the database waits too');
      h.clock.advance(1000);
      assert.ok((await sibling.sweep()).evaluatedPartners >= 1);
      assert.equal((await h.server.sweep()).evaluatedPartners, 0, 'the first server skips what the other one did');
    });

    it('applies a due downgrade exactly once while measurements for the same partners arrive', async () => {
      const partners = [];
      for (let i = 0; i < 6; i += 1) partners.push(await goldPartnerSlipping());
      const dueAt = Math.max(...partners.map((p) => p.dueAt));
      moveTo(dueAt + 1000);
      h.clock.advance(TIER_SWEEP_INTERVAL_MS);
      const month = currentPeriod('month', h.clock.current);
      // Numbers that keep Silver and not Gold: both paths decide the same downgrade.
      const writes = partners.map((p) => h.admin.post('/v1/measurements', { data: [{ partnerId: p.id, kpiId: 'revenue', period: month, value: 10_000 }] }));
      const [report, ...replies] = await Promise.all([h.server.sweep(), ...writes]);
      for (const reply of replies) assertStatus(reply, 200);
      assert.ok(report.evaluatedPartners >= partners.length);
      for (const p of partners) {
        assert.equal(await tierOf(p.id), 'silver');
        assert.deepEqual(await tierEvents(p.id), [{ partnerId: p.id, from: 'gold', to: 'silver', kind: 'downgrade', period: shiftPeriod(p.quarter, 1) }]);
      }
    });
  },
  { tierSweepIntervalMs: TIER_SWEEP_INTERVAL_MS },
);
