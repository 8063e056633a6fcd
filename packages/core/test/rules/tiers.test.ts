import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  checkRequirement,
  DOWNGRADE_GRACE_DAYS,
  dueTierChange,
  evaluateTierStanding,
  meetsTier,
  periodBounds,
  periodOf,
  qualifiedTier,
  tierAbove,
  tierBelow,
} from '@partnerkit/core/rules';
import { TierStanding } from '@partnerkit/core/schemas';
import { kpi, measurement, tier } from './fixtures.ts';

const revenue = kpi('revenue');
const churn = kpi('churn', { direction: 'lower_is_better', aggregation: 'avg', unit: 'percent' });
const kpis = [revenue, churn];

// Listed out of rank order on purpose: the rules must sort.
const tiers = [
  tier('gold', 3, [
    { kpiId: 'revenue', min: 300 },
    { kpiId: 'churn', min: 5 },
  ]),
  tier('registered', 1),
  tier('silver', 2, [{ kpiId: 'revenue', min: 100 }]),
];

const DAY = 86_400_000;

describe('checkRequirement', () => {
  const data = [measurement('revenue', '2026-07', 60), measurement('revenue', '2026-08', 20), measurement('churn', '2026-07', 4), measurement('churn', '2026-08', 8)];

  test('higher is better: met at or above min, else missing the difference', () => {
    assert.deepEqual(checkRequirement({ kpiId: 'revenue', min: 80 }, revenue, data, '2026-Q3'), { kpiId: 'revenue', min: 80, actual: 80, met: true, missing: 0 });
    assert.deepEqual(checkRequirement({ kpiId: 'revenue', min: 100 }, revenue, data, '2026-Q3'), { kpiId: 'revenue', min: 100, actual: 80, met: false, missing: 20 });
  });

  test('lower is better: met at or below min, else missing how far above it is', () => {
    assert.deepEqual(checkRequirement({ kpiId: 'churn', min: 6 }, churn, data, '2026-Q3'), { kpiId: 'churn', min: 6, actual: 6, met: true, missing: 0 });
    assert.deepEqual(checkRequirement({ kpiId: 'churn', min: 5 }, churn, data, '2026-Q3'), { kpiId: 'churn', min: 5, actual: 6, met: false, missing: 1 });
    assert.equal(checkRequirement({ kpiId: 'churn', min: 10 }, churn, data, '2026-Q3').met, true);
  });

  test('no data never meets a requirement', () => {
    assert.deepEqual(checkRequirement({ kpiId: 'revenue', min: 100 }, revenue, data, '2025-Q1'), { kpiId: 'revenue', min: 100, actual: null, met: false, missing: 100 });
    assert.deepEqual(checkRequirement({ kpiId: 'revenue', min: 0 }, revenue, [], '2026-Q3'), { kpiId: 'revenue', min: 0, actual: null, met: false, missing: 0 });
    assert.deepEqual(checkRequirement({ kpiId: 'churn', min: 5 }, churn, [], '2026-Q3'), { kpiId: 'churn', min: 5, actual: null, met: false, missing: 0 });
  });

  test('a requirement on an unknown KPI is never met', () => {
    assert.deepEqual(checkRequirement({ kpiId: 'gone', min: 1 }, undefined, data, '2026-Q3'), { kpiId: 'gone', min: 1, actual: null, met: false, missing: 1 });
  });

  test('a trailing window reaches back past the period', () => {
    const history = [measurement('revenue', '2025-10', 500), measurement('revenue', '2026-03', 100), measurement('revenue', '2026-04', 1)];
    const check = checkRequirement({ kpiId: 'revenue', min: 550, window: 12 }, revenue, history, '2026-03');
    assert.deepEqual(check, { kpiId: 'revenue', min: 550, window: 12, actual: 600, met: true, missing: 0 });
    // The same requirement evaluated for Q1 2026 covers 2025-04 .. 2026-03 too.
    assert.equal(checkRequirement({ kpiId: 'revenue', min: 550, window: 12 }, revenue, history, '2026-Q1').actual, 600);
    // Three months ending 2026-03 miss October.
    assert.equal(checkRequirement({ kpiId: 'revenue', min: 550, window: 3 }, revenue, history, '2026-03').actual, 100);
  });
});

describe('qualifiedTier', () => {
  test('the highest tier whose requirements are all met', () => {
    const data = [measurement('revenue', '2026-07', 350), measurement('churn', '2026-07', 4)];
    assert.equal(qualifiedTier(tiers, kpis, data, '2026-Q3')?.id, 'gold');
    const noChurn = [measurement('revenue', '2026-07', 350)];
    assert.equal(qualifiedTier(tiers, kpis, noChurn, '2026-Q3')?.id, 'silver');
    const badChurn = [measurement('revenue', '2026-07', 350), measurement('churn', '2026-07', 9)];
    assert.equal(qualifiedTier(tiers, kpis, badChurn, '2026-Q3')?.id, 'silver');
  });

  test('a tier with no requirements is always met, also with no measurements', () => {
    assert.equal(qualifiedTier(tiers, kpis, [], '2026-Q3')?.id, 'registered');
    assert.equal(meetsTier(tier('open', 1), kpis, [], '2026-Q3'), true);
  });

  test('null when no tier is met, or there are no tiers', () => {
    const strict = tiers.filter((t) => t.requirements.length > 0);
    assert.equal(qualifiedTier(strict, kpis, [], '2026-Q3'), null);
    assert.equal(qualifiedTier([], kpis, [], '2026-Q3'), null);
  });

  test('each tier on its own requirements: a higher tier does not need the lower ones', () => {
    const odd = [tier('low', 1, [{ kpiId: 'revenue', min: 1000 }]), tier('high', 2, [{ kpiId: 'churn', min: 5 }])];
    assert.equal(qualifiedTier(odd, kpis, [measurement('churn', '2026-07', 1)], '2026-Q3')?.id, 'high');
  });

  test('neighbours by rank', () => {
    const silver = tiers.find((t) => t.id === 'silver');
    assert.equal(tierAbove(tiers, null)?.id, 'registered');
    assert.equal(tierAbove(tiers, silver ?? null)?.id, 'gold');
    assert.equal(tierAbove(tiers, { rank: 3 }), null);
    assert.equal(tierBelow(tiers, { rank: 3 })?.id, 'silver');
    assert.equal(tierBelow(tiers, { rank: 1 }), null);
  });
});

describe('evaluateTierStanding', () => {
  const afterQ3 = new Date('2026-10-15T00:00:00.000Z');
  const inQ3 = new Date('2026-08-15T00:00:00.000Z');
  const q3End = Date.parse('2026-10-01T00:00:00.000Z');
  const q2End = Date.parse('2026-07-01T00:00:00.000Z');

  test('an upgrade is immediate and may skip ranks', () => {
    const data = [measurement('revenue', '2026-07', 350), measurement('churn', '2026-07', 4)];
    const standing = evaluateTierStanding({ tiers, kpis, measurements: data, period: '2026-Q3', currentTierId: 'registered', now: afterQ3 });
    assert.equal(standing.qualified?.id, 'gold');
    assert.equal(standing.pending, null);
    assert.deepEqual(dueTierChange(standing, afterQ3), { kind: 'upgrade', tier: standing.qualified });
  });

  test('a downgrade is pending, one rank at a time, effective after the grace days', () => {
    // Gold partner with nothing recorded: qualifies only for the open tier, but drops to silver first.
    const standing = evaluateTierStanding({ tiers, kpis, measurements: [], period: '2026-Q3', currentTierId: 'gold', now: afterQ3 });
    assert.equal(standing.current?.id, 'gold');
    assert.equal(standing.qualified?.id, 'registered');
    assert.equal(standing.pending?.tier.id, 'silver');
    assert.equal(DOWNGRADE_GRACE_DAYS, 30);
    assert.equal(standing.pending?.effectiveAt, new Date(q3End + 30 * DAY).toISOString());
    assert.equal(standing.isTop, true);
    assert.equal(standing.next, null);
    assert.deepEqual(
      standing.requirements.map((r) => [r.kpiId, r.met]),
      [
        ['revenue', false],
        ['churn', false],
      ],
    );
    assert.equal(dueTierChange(standing, afterQ3), null, 'not before the grace days are over');
    assert.deepEqual(dueTierChange(standing, new Date(q3End + 30 * DAY)), { kind: 'downgrade', tier: standing.pending?.tier });
  });

  test('a running period is not judged until it ends: the last complete period is', () => {
    const q2Good = [measurement('revenue', '2026-04', 150)];
    // Mid-Q3 the silver partner has nothing yet for Q3, but met silver in Q2: no downgrade.
    const fine = evaluateTierStanding({ tiers, kpis, measurements: q2Good, period: '2026-Q3', currentTierId: 'silver', now: inQ3 });
    assert.equal(fine.qualified?.id, 'registered');
    assert.equal(fine.pending, null);
    // Q2 failed too: pending, counted from the end of Q2.
    const q2Bad = [measurement('revenue', '2026-04', 50)];
    const failing = evaluateTierStanding({ tiers, kpis, measurements: q2Bad, period: '2026-Q3', currentTierId: 'silver', now: inQ3 });
    assert.equal(failing.pending?.tier.id, 'registered');
    assert.equal(failing.pending?.effectiveAt, new Date(q2End + 30 * DAY).toISOString());
  });

  test('re-qualifying in the running period cancels the downgrade', () => {
    const data = [measurement('revenue', '2026-04', 50), measurement('revenue', '2026-07', 120)];
    const standing = evaluateTierStanding({ tiers, kpis, measurements: data, period: '2026-Q3', currentTierId: 'silver', now: inQ3 });
    assert.equal(standing.qualified?.id, 'silver');
    assert.equal(standing.pending, null);
    assert.equal(dueTierChange(standing, inQ3), null);
  });

  test('the lowest tier is a floor', () => {
    const strict = [tier('silver', 2, [{ kpiId: 'revenue', min: 100 }]), tier('gold', 3, [{ kpiId: 'revenue', min: 300 }])];
    const standing = evaluateTierStanding({ tiers: strict, kpis, measurements: [], period: '2026-Q3', currentTierId: 'silver', now: afterQ3 });
    assert.equal(standing.qualified, null);
    assert.equal(standing.pending, null);
    assert.equal(standing.next?.tier.id, 'gold');
  });

  test('next tier and its gaps, met ones with nothing missing', () => {
    const data = [measurement('revenue', '2026-07', 320), measurement('churn', '2026-07', 7)];
    const standing = evaluateTierStanding({ tiers, kpis, measurements: data, period: '2026-Q3', currentTierId: 'silver', now: afterQ3 });
    assert.equal(standing.next?.tier.id, 'gold');
    assert.deepEqual(standing.next?.gaps, [
      { kpiId: 'revenue', min: 300, actual: 320, met: true, missing: 0 },
      { kpiId: 'churn', min: 5, actual: 7, met: false, missing: 2 },
    ]);
    assert.equal(standing.isTop, false);
    assert.deepEqual(standing.requirements, [{ kpiId: 'revenue', min: 100, actual: 320, met: true, missing: 0 }]);
  });

  test('a partner without a tier, or with an unknown one, looks at the lowest tier next', () => {
    for (const currentTierId of [null, 'deleted-tier']) {
      const standing = evaluateTierStanding({ tiers, kpis, measurements: [], period: '2026-Q3', currentTierId, now: afterQ3 });
      assert.equal(standing.current, null);
      assert.deepEqual(standing.requirements, []);
      assert.equal(standing.next?.tier.id, 'registered');
      assert.deepEqual(standing.next?.gaps, []);
      assert.equal(standing.pending, null);
      assert.equal(standing.isTop, false);
      assert.deepEqual(dueTierChange(standing, afterQ3), { kind: 'upgrade', tier: standing.qualified });
    }
  });

  test('no tiers at all', () => {
    const standing = evaluateTierStanding({ tiers: [], kpis, measurements: [], period: '2026', currentTierId: null, now: afterQ3 });
    assert.deepEqual(standing, { current: null, qualified: null, requirements: [], certifications: [], next: null, pending: null, isTop: false, expiring: [] });
    assert.ok(TierStanding.safeParse(standing).success);
  });

  test('property: a downgrade never skips a rank and only follows a failed tier; qualified is the highest met', () => {
    const ladder = fc
      .uniqueArray(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 5 })
      .chain((ranks) =>
        fc.tuple(
          ...ranks.map((rank) =>
            fc.array(fc.record({ kpiId: fc.constantFrom('revenue', 'churn'), min: fc.integer({ min: 0, max: 400 }) }), { maxLength: 2 }).map((reqs) => tier(`t${rank}`, rank, reqs)),
          ),
        ),
      );
    const data = fc.array(
      fc.record({ kpiId: fc.constantFrom('revenue', 'churn'), month: fc.integer({ min: 1, max: 12 }), value: fc.integer({ min: 0, max: 200 }) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(ladder, data, fc.integer({ min: 0, max: 11 }), fc.boolean(), (list, values, pick, ended) => {
        const measurements = values.map((v) => measurement(v.kpiId, `2026-${String(v.month).padStart(2, '0')}`, v.value));
        const current = list[pick % list.length] ?? null;
        const now = ended ? afterQ3 : inQ3;
        const standing = evaluateTierStanding({ tiers: list, kpis, measurements, period: '2026-Q3', currentTierId: current?.id ?? null, now });
        assert.ok(TierStanding.safeParse(JSON.parse(JSON.stringify(standing))).success);
        if (standing.qualified) {
          assert.ok(meetsTier(standing.qualified, kpis, measurements, '2026-Q3'));
          for (const t of list) if (t.rank > standing.qualified.rank) assert.ok(!meetsTier(t, kpis, measurements, '2026-Q3'));
        }
        if (standing.pending && current) {
          const below = list.filter((t) => t.rank < current.rank).map((t) => t.rank);
          assert.equal(standing.pending.tier.rank, Math.max(...below));
          assert.ok(!meetsTier(current, kpis, measurements, ended ? '2026-Q3' : '2026-Q2'));
          assert.ok((standing.qualified?.rank ?? 0) < current.rank);
        }
        if (current && standing.qualified && standing.qualified.rank >= current.rank) assert.equal(standing.pending, null);
      }),
    );
  });
});

describe('evaluateTierStanding: the date the partner entered its tier', () => {
  // Gold in Q2 2026 with no revenue at all: it fails Gold and Silver alike.
  const failedTwoTiers = [measurement('revenue', '2026-04', 10)];
  const mid = new Date('2026-08-15T00:00:00.000Z');
  const q2Due = new Date(Date.parse('2026-07-01T00:00:00.000Z') + DOWNGRADE_GRACE_DAYS * DAY);
  const standing = (currentTierId: string, now: Date, currentTierSince?: Date, measurements = failedTwoTiers) =>
    evaluateTierStanding({ tiers, kpis, measurements, period: periodOf(now, 'quarter'), currentTierId, now, ...(currentTierSince ? { currentTierSince } : {}) });

  test('without the date every complete period is judged: the second rank follows at once (the old behaviour)', () => {
    const gold = standing('gold', mid, new Date('2025-01-01T00:00:00.000Z'));
    assert.deepEqual(dueTierChange(gold, mid), { kind: 'downgrade', tier: gold.pending?.tier });
    assert.equal(gold.pending?.tier.id, 'silver');
    const silver = standing('silver', mid);
    assert.equal(silver.pending?.tier.id, 'registered');
    assert.equal(silver.pending?.effectiveAt, q2Due.toISOString(), 'already due: Gold to Registered within two evaluations');
  });

  test('a partner that just moved down is not judged again on the period that moved it', () => {
    const silver = standing('silver', mid, mid);
    assert.equal(silver.pending, null);
    assert.equal(dueTierChange(silver, mid), null);
    assert.equal(silver.qualified?.id, 'registered', 'the numbers are reported as they are');
    // A tier entered exactly when Q2 ended did not hold during Q2 either.
    assert.equal(standing('silver', mid, new Date('2026-07-01T00:00:00.000Z')).pending, null);
    // Entered a moment before Q2 ended: Q2 is judged.
    assert.equal(standing('silver', mid, new Date('2026-06-30T23:59:59.999Z')).pending?.tier.id, 'registered');
  });

  test('Gold to Silver to Registered takes until the next complete period, and each waits its grace days', () => {
    // Silver from the day the Q2 downgrade fell due; Q3 fails Silver too.
    const since = q2Due;
    const data = [...failedTwoTiers, measurement('revenue', '2026-08', 40)];
    for (const day of ['2026-08-01', '2026-09-30']) assert.equal(standing('silver', new Date(`${day}T12:00:00.000Z`), since, data).pending, null, `nothing pending on ${day}`);
    const afterQ3 = new Date('2026-10-02T00:00:00.000Z');
    const failedQ3 = standing('silver', afterQ3, since, data);
    assert.equal(failedQ3.pending?.tier.id, 'registered');
    const q3Due = periodBounds('2026-Q3').end.getTime() + DOWNGRADE_GRACE_DAYS * DAY;
    assert.equal(failedQ3.pending?.effectiveAt, new Date(q3Due).toISOString());
    assert.equal(dueTierChange(failedQ3, afterQ3), null);
    assert.equal(dueTierChange(failedQ3, new Date(q3Due))?.tier.id, 'registered');
  });

  test('re-qualifying still cancels, and meeting the tier in the judged period means nothing pending', () => {
    const since = q2Due;
    const afterQ3 = new Date('2026-10-20T00:00:00.000Z');
    const recovered = [...failedTwoTiers, measurement('revenue', '2026-08', 40), measurement('revenue', '2026-10', 150)];
    assert.equal(standing('silver', afterQ3, since, recovered).pending, null);
    const metQ3 = [...failedTwoTiers, measurement('revenue', '2026-08', 120)];
    assert.equal(standing('silver', afterQ3, since, metQ3).pending, null);
  });

  test('upgrades stay immediate, however recent the tier', () => {
    const rising = [measurement('revenue', '2026-08', 350), measurement('churn', '2026-08', 4)];
    const justNow = standing('silver', mid, mid, rising);
    assert.deepEqual(dueTierChange(justNow, mid), { kind: 'upgrade', tier: justNow.qualified });
    assert.equal(justNow.qualified?.id, 'gold');
  });

  const ladder = fc
    .uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 })
    .map((ranks) => ranks.map((rank, i) => tier(`t${rank}`, rank, i === 0 && ranks.length > 1 ? [] : [{ kpiId: 'revenue', min: rank * 60 }])));
  const monthly = fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 24, maxLength: 24 });
  const months = Array.from({ length: 24 }, (_, i) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

  test('property: the date only ever withholds a downgrade judged on a period that ended before it', () => {
    fc.assert(
      fc.property(ladder, monthly, fc.nat({ max: 23 }), fc.integer({ min: 0, max: 730 }), fc.integer({ min: 0, max: 730 }), (list, values, pick, nowDay, sinceDay) => {
        const measurements = values.map((v, i) => measurement('revenue', months[i] as string, v));
        const now = new Date(Date.parse('2026-01-01T00:00:00.000Z') + nowDay * DAY);
        const since = new Date(Date.parse('2026-01-01T00:00:00.000Z') + Math.min(nowDay, sinceDay) * DAY);
        const current = list[pick % list.length] as (typeof list)[number];
        const input = { tiers: list, kpis, measurements, period: periodOf(now, 'quarter'), currentTierId: current.id, now };
        const without = evaluateTierStanding(input);
        const withDate = evaluateTierStanding({ ...input, currentTierSince: since });
        assert.deepEqual({ ...withDate, pending: null }, { ...without, pending: null }, 'everything but pending is the same');
        if (withDate.pending) assert.deepEqual(withDate.pending, without.pending);
        else if (without.pending) {
          const judgedEnd = Date.parse(without.pending.effectiveAt) - DOWNGRADE_GRACE_DAYS * DAY;
          assert.ok(judgedEnd <= since.getTime(), 'withheld only for a period that ended before the tier was entered');
        }
        if (dueTierChange(without, now)?.kind === 'upgrade') assert.deepEqual(dueTierChange(withDate, now), dueTierChange(without, now));
      }),
    );
  });

  test('property: a backend applying dueTierChange every few days drops at most one rank per period, each after its grace days', () => {
    fc.assert(
      fc.property(ladder, monthly, fc.nat({ max: 3 }), fc.integer({ min: 1, max: 9 }), (list, values, pick, stepDays) => {
        const sorted = [...list].sort((a, b) => a.rank - b.rank);
        let current = sorted[pick % sorted.length] as (typeof sorted)[number];
        let since = new Date('2026-01-01T00:00:00.000Z');
        const downgrades: { at: Date; from: number; to: number; judgedEnd: number }[] = [];
        for (let t = since.getTime() + stepDays * DAY; t < Date.parse('2028-04-01T00:00:00.000Z'); t += stepDays * DAY) {
          const now = new Date(t);
          // Only months that have begun have numbers.
          const measurements = values.flatMap((v, i) => (periodBounds(months[i] as string).start.getTime() <= t ? [measurement('revenue', months[i] as string, v)] : []));
          const result = evaluateTierStanding({ tiers: list, kpis, measurements, period: periodOf(now, 'quarter'), currentTierId: current.id, currentTierSince: since, now });
          const change = dueTierChange(result, now);
          if (!change) continue;
          if (change.kind === 'downgrade') {
            assert.equal(change.tier.rank, Math.max(...list.filter((x) => x.rank < current.rank).map((x) => x.rank)), 'one rank');
            downgrades.push({ at: now, from: current.rank, to: change.tier.rank, judgedEnd: Date.parse(result.pending?.effectiveAt ?? '') - DOWNGRADE_GRACE_DAYS * DAY });
          }
          current = change.tier;
          since = now;
        }
        for (const [i, d] of downgrades.entries()) {
          assert.ok(d.at.getTime() >= d.judgedEnd + DOWNGRADE_GRACE_DAYS * DAY);
          const previous = downgrades[i - 1];
          if (!previous) continue;
          assert.ok(d.judgedEnd > previous.judgedEnd, 'every downgrade is judged on a later period than the one before');
          assert.notEqual(periodOf(d.at, 'quarter'), periodOf(previous.at, 'quarter'), 'never two ranks down within one quarter');
        }
      }),
      { numRuns: 60 },
    );
  });
});
