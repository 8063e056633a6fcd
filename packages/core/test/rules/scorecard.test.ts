import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  aggregate,
  attainment,
  computeScorecard,
  kpiActual,
  resolveTarget,
  SCORE_ATTAINMENT_CAP,
  scorecardStatus,
  STATUS_THRESHOLDS,
  trendSeries,
  weightedScore,
} from '@partnerkit/core/rules';
import { KPI_AGGREGATIONS, Scorecard, type KpiDirection, type ScorecardRow } from '@partnerkit/core/schemas';
import { kpi, measurement, target, tier } from './fixtures.ts';

const partner = { id: 'p1', name: 'Acme', type: 'reseller' as const, tierId: 'silver' };
const NOW = new Date('2026-11-30T12:00:00.000Z');
const direction = fc.constantFrom<KpiDirection>('higher_is_better', 'lower_is_better');

describe('aggregate', () => {
  test('each aggregation over values in chronological order', () => {
    const values = [3, 9, 1, 5];
    assert.equal(aggregate(values, 'sum'), 18);
    assert.equal(aggregate(values, 'avg'), 4.5);
    assert.equal(aggregate(values, 'last'), 5);
    assert.equal(aggregate(values, 'max'), 9);
    assert.equal(aggregate(values, 'min'), 1);
  });

  test('no values is null for every aggregation, never 0', () => {
    for (const a of KPI_AGGREGATIONS) assert.equal(aggregate([], a), null, a);
  });

  test('non-finite values are skipped', () => {
    assert.equal(aggregate([Number.NaN, 2, Number.POSITIVE_INFINITY, 4], 'avg'), 3);
    assert.equal(aggregate([Number.NaN], 'sum'), null);
  });

  test('property: min <= avg <= max, and last is one of the values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1 }), (values) => {
        const avg = aggregate(values, 'avg') as number;
        assert.ok((aggregate(values, 'min') as number) <= avg + 1e-6);
        assert.ok(avg <= (aggregate(values, 'max') as number) + 1e-6);
        assert.equal(aggregate(values, 'last'), values.at(-1));
      }),
    );
  });
});

describe('kpiActual', () => {
  const revenue = kpi('revenue', { aggregation: 'sum' });
  const measurements = [
    measurement('revenue', '2026-07', 100),
    measurement('revenue', '2026-08', 50),
    measurement('revenue', '2026-10', 999),
    measurement('deals', '2026-07', 7),
  ];

  test('only the KPI and only the months asked for', () => {
    assert.equal(kpiActual(revenue, measurements, ['2026-07', '2026-08', '2026-09']), 150);
    assert.equal(kpiActual(kpi('deals'), measurements, ['2026-07', '2026-08', '2026-09']), 7);
  });

  test('an empty period is null, not 0', () => {
    assert.equal(kpiActual(revenue, measurements, ['2026-01', '2026-02', '2026-03']), null);
    assert.equal(kpiActual(revenue, measurements, []), null);
    assert.equal(kpiActual(revenue, [], ['2026-07']), null);
  });

  test('`last` is the latest month whatever the input order', () => {
    const nps = kpi('nps', { aggregation: 'last' });
    const shuffled = [measurement('nps', '2026-09', 40), measurement('nps', '2026-07', 10), measurement('nps', '2026-08', 20)];
    assert.equal(kpiActual(nps, shuffled, ['2026-07', '2026-08', '2026-09']), 40);
  });

  test('a month recorded twice counts once, the later recording wins', () => {
    const twice = [
      measurement('revenue', '2026-07', 100, { recordedAt: '2026-08-01T00:00:00.000Z' }),
      measurement('revenue', '2026-07', 120, { recordedAt: '2026-08-02T00:00:00.000Z' }),
      measurement('revenue', '2026-07', 90, { recordedAt: '2026-07-31T00:00:00.000Z' }),
    ];
    assert.equal(kpiActual(revenue, twice, ['2026-07']), 120);
  });
});

describe('attainment', () => {
  test('higher is better: actual / target, floored at 0', () => {
    assert.equal(attainment(150, 100, 'higher_is_better'), 1.5);
    assert.equal(attainment(100, 100, 'higher_is_better'), 1);
    assert.equal(attainment(80, 100, 'higher_is_better'), 0.8);
    assert.equal(attainment(0, 100, 'higher_is_better'), 0);
    assert.equal(attainment(-50, 100, 'higher_is_better'), 0);
  });

  test('lower is better: 2 - actual / target, the target is a ceiling', () => {
    assert.equal(attainment(5, 5, 'lower_is_better'), 1);
    assert.equal(attainment(4, 5, 'lower_is_better'), 1.2);
    assert.equal(attainment(7.5, 5, 'lower_is_better'), 0.5);
    assert.equal(attainment(10, 5, 'lower_is_better'), 0);
    assert.equal(attainment(50, 5, 'lower_is_better'), 0);
    // The best possible result (0 churn) is finite, where target / actual would divide by zero.
    assert.equal(attainment(0, 5, 'lower_is_better'), 2);
    // Doing worse must never score better than doing well: the direction really is inverted.
    assert.ok((attainment(3, 5, 'lower_is_better') as number) > (attainment(6, 5, 'lower_is_better') as number));
  });

  test('target 0: met on the right side of zero, else 0', () => {
    assert.equal(attainment(0, 0, 'higher_is_better'), 1);
    assert.equal(attainment(12, 0, 'higher_is_better'), 1);
    assert.equal(attainment(-1, 0, 'higher_is_better'), 0);
    assert.equal(attainment(0, 0, 'lower_is_better'), 1);
    assert.equal(attainment(0.1, 0, 'lower_is_better'), 0);
  });

  test('null without both numbers', () => {
    assert.equal(attainment(null, 100, 'higher_is_better'), null);
    assert.equal(attainment(100, null, 'lower_is_better'), null);
    assert.equal(attainment(Number.NaN, 100, 'higher_is_better'), null);
    assert.equal(attainment(1, Number.POSITIVE_INFINITY, 'higher_is_better'), null);
  });

  test('property: monotonic in actual for each direction, never negative, 1 at the target', () => {
    const amount = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    const goal = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(amount, amount, goal, direction, (a, b, t, d) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const atLow = attainment(low, t, d) as number;
        const atHigh = attainment(high, t, d) as number;
        assert.ok(atLow >= 0 && atHigh >= 0);
        if (d === 'higher_is_better') assert.ok(atLow <= atHigh, `${low} -> ${atLow}, ${high} -> ${atHigh}`);
        else assert.ok(atLow >= atHigh, `${low} -> ${atLow}, ${high} -> ${atHigh}`);
        assert.equal(attainment(t, t, d), 1);
      }),
    );
  });
});

describe('scorecardStatus', () => {
  test('thresholds', () => {
    assert.deepEqual({ ...STATUS_THRESHOLDS }, { onTrack: 1, atRisk: 0.8 });
    assert.equal(scorecardStatus(1.4, true, true), 'on_track');
    assert.equal(scorecardStatus(1, true, true), 'on_track');
    assert.equal(scorecardStatus(0.99, true, true), 'at_risk');
    assert.equal(scorecardStatus(0.8, true, true), 'at_risk');
    assert.equal(scorecardStatus(0.7999, true, true), 'off_track');
    assert.equal(scorecardStatus(0, true, true), 'off_track');
  });

  test('float noise at a threshold does not flip the status', () => {
    assert.equal(scorecardStatus(2 - 1.2, true, true), 'at_risk');
    assert.equal(scorecardStatus(0.1 * 3 + 0.7 - 1e-12, true, true), 'on_track');
    // 0.3 / (0.1 + 0.2) is 0.9999999999999998 in binary: still a target met exactly.
    assert.ok((attainment(0.3, 0.1 + 0.2, 'higher_is_better') as number) < 1);
    assert.equal(scorecardStatus(attainment(0.3, 0.1 + 0.2, 'higher_is_better'), true, true), 'on_track');
    // A lower-is-better KPI exactly at the at-risk line.
    assert.equal(scorecardStatus(attainment(6, 5, 'lower_is_better'), true, true), 'at_risk');
  });

  test('missing data wins over a missing target', () => {
    assert.equal(scorecardStatus(null, true, false), 'no_data');
    assert.equal(scorecardStatus(null, false, true), 'no_target');
    assert.equal(scorecardStatus(null, false, false), 'no_data');
  });
});

describe('weightedScore', () => {
  const row = (id: string, weight: number, value: number | null): Pick<ScorecardRow, 'kpi' | 'attainment'> => ({
    kpi: kpi(id, { weight }),
    attainment: value,
  });

  test('weighted average of capped attainment, 0-100', () => {
    assert.equal(weightedScore([row('a', 1, 1), row('b', 1, 0.5)]), 75);
    assert.equal(weightedScore([row('a', 3, 1), row('b', 1, 0)]), 75);
  });

  test('over-achievement on one KPI cannot hide another', () => {
    assert.equal(SCORE_ATTAINMENT_CAP, 1);
    // Uncapped this would be (3 + 0.5) / 2 = 175 %; capped, the shortfall shows.
    assert.equal(weightedScore([row('a', 1, 3), row('b', 1, 0.5)]), 75);
    assert.ok((weightedScore([row('a', 10, 50), row('b', 1, 0)]) as number) < 100);
  });

  test('rows without attainment or weight are left out; nothing left is null', () => {
    assert.equal(weightedScore([row('a', 1, 0.5), row('b', 1, null), row('c', 0, 0)]), 50);
    assert.equal(weightedScore([row('a', 1, null)]), null);
    assert.equal(weightedScore([row('a', 0, 1)]), null);
    assert.equal(weightedScore([]), null);
  });

  test('property: within 0-100, and 100 exactly when every counted KPI is met', () => {
    const rows = fc.array(
      fc.record({
        weight: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1000, noNaN: true })),
        value: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null }),
      }),
    );
    fc.assert(
      fc.property(rows, (list) => {
        const score = weightedScore(list.map((r, i) => row(`k${i}`, r.weight, r.value)));
        const counted = list.filter((r) => r.weight > 0 && r.value !== null);
        if (counted.length === 0) return assert.equal(score, null);
        assert.ok(score !== null && score >= 0 && score <= 100 + 1e-9, String(score));
        if (counted.every((r) => (r.value as number) >= 1)) assert.ok(Math.abs((score as number) - 100) < 1e-9);
        if (counted.some((r) => (r.value as number) < 0.999)) assert.ok((score as number) < 100);
      }),
    );
  });
});

describe('resolveTarget', () => {
  const revenue = kpi('revenue');
  const tiers = [
    tier('silver', 2, [{ kpiId: 'revenue', min: 200 }]),
    tier('bronze', 1, [{ kpiId: 'revenue', min: 100 }]),
    tier('gold', 3, [{ kpiId: 'revenue', min: 1200, window: 12 }, { kpiId: 'csat', min: 80 }]),
  ];

  test("the partner's own target for the KPI and exactly that period wins", () => {
    const targets = [target('revenue', '2026-Q3', 500), target('revenue', '2026-Q4', 700), target('revenue', '2026-Q4', 1, 'p2')];
    assert.deepEqual(resolveTarget({ partner, kpi: revenue, period: '2026-Q4', targets, tiers }), { value: 700, source: 'partner' });
  });

  test("else the next tier's requirement, pro-rated when it sums over a longer window", () => {
    // Silver -> Gold needs 1,200 over 12 months: 300 a quarter, 100 a month, 1,200 a year.
    assert.deepEqual(resolveTarget({ partner, kpi: revenue, period: '2026-Q4', targets: [], tiers }), { value: 300, source: 'tier' });
    assert.deepEqual(resolveTarget({ partner, kpi: revenue, period: '2026-11', targets: [], tiers }), { value: 100, source: 'tier' });
    assert.deepEqual(resolveTarget({ partner, kpi: revenue, period: '2026', targets: [], tiers }), { value: 1200, source: 'tier' });
    const avg = kpi('revenue', { aggregation: 'avg' });
    assert.deepEqual(resolveTarget({ partner, kpi: avg, period: '2026-Q4', targets: [], tiers }), { value: 1200, source: 'tier' });
  });

  test("at the top the current tier's requirement; without a tier the lowest tier's", () => {
    const top = { ...partner, tierId: 'gold' };
    assert.deepEqual(resolveTarget({ partner: top, kpi: kpi('csat', { aggregation: 'avg' }), period: '2026-Q4', targets: [], tiers }), {
      value: 80,
      source: 'tier',
    });
    const none = { ...partner, tierId: null };
    assert.deepEqual(resolveTarget({ partner: none, kpi: revenue, period: '2026-Q4', targets: [], tiers }), { value: 100, source: 'tier' });
  });

  test('null when the next tier does not require the KPI, or there are no tiers', () => {
    const bronze = { ...partner, tierId: 'bronze' };
    assert.deepEqual(resolveTarget({ partner: bronze, kpi: kpi('csat'), period: '2026-Q4', targets: [], tiers }), { value: null, source: null });
    assert.deepEqual(resolveTarget({ partner, kpi: revenue, period: '2026-Q4', targets: [], tiers: [] }), { value: null, source: null });
  });
});

describe('trendSeries', () => {
  test('one point per period, oldest first, null where there is no data', () => {
    const revenue = kpi('revenue');
    const data = [measurement('revenue', '2026-05', 10), measurement('revenue', '2026-06', 5), measurement('revenue', '2026-09', 7)];
    assert.deepEqual(trendSeries(revenue, data, '2026-Q3', 3), [
      { period: '2026-Q1', value: null },
      { period: '2026-Q2', value: 15 },
      { period: '2026-Q3', value: 7 },
    ]);
  });
});

describe('computeScorecard', () => {
  const revenue = kpi('revenue', { unit: 'currency', currency: 'USD', weight: 3 });
  const churn = kpi('churn', { unit: 'percent', direction: 'lower_is_better', aggregation: 'avg', weight: 1 });
  const nps = kpi('nps', { unit: 'score', aggregation: 'last', weight: 0 });
  const kpis = [revenue, churn, nps];
  const tiers = [
    tier('bronze', 1),
    tier('silver', 2, [{ kpiId: 'revenue', min: 100_000 }]),
    tier('gold', 3, [
      { kpiId: 'revenue', min: 400_000 },
      { kpiId: 'churn', min: 5 },
    ]),
  ];

  const measurements = [
    measurement('revenue', '2026-07', 150_000),
    measurement('revenue', '2026-08', 100_000),
    measurement('revenue', '2026-09', 50_000),
    measurement('churn', '2026-07', 4),
    measurement('churn', '2026-08', 8),
    measurement('churn', '2026-09', 6),
    measurement('revenue', '2026-04', 90_000),
    measurement('revenue', '2026-07', 1, { partnerId: 'p2' }),
  ];

  const card = computeScorecard({ partner, period: '2026-Q3', kpis, tiers, targets: [], measurements, trendPeriods: 3, now: NOW });

  test('rows: actual by aggregation, target from the next tier, direction-aware attainment', () => {
    const [r, c, n] = card.rows as [ScorecardRow, ScorecardRow, ScorecardRow];
    assert.equal(r.actual, 300_000);
    assert.equal(r.target, 400_000);
    assert.equal(r.targetSource, 'tier');
    assert.equal(r.attainment, 0.75);
    assert.equal(r.status, 'off_track');

    // Churn averages 6 % against a 5 % ceiling: 2 - 6/5 = 0.8, at risk (not 1.2, on track).
    assert.equal(c.actual, 6);
    assert.equal(c.target, 5);
    assert.ok(Math.abs((c.attainment as number) - 0.8) < 1e-12);
    assert.equal(c.status, 'at_risk');

    assert.equal(n.actual, null);
    assert.equal(n.status, 'no_data');
  });

  test('score: weighted, zero-weight KPIs left out', () => {
    // (3 * 0.75 + 1 * 0.8) / 4 = 76.25
    assert.ok(Math.abs((card.score as number) - 76.25) < 1e-9, String(card.score));
  });

  test("only this partner's measurements count", () => {
    assert.deepEqual(
      card.rows[0]?.trend,
      [
        { period: '2026-Q1', value: null },
        { period: '2026-Q2', value: 90_000 },
        { period: '2026-Q3', value: 300_000 },
      ],
    );
  });

  test('tier standing, periods with data, clock and schema', () => {
    assert.equal(card.tier.current?.id, 'silver');
    assert.equal(card.tier.qualified?.id, 'silver');
    assert.equal(card.tier.next?.tier.id, 'gold');
    assert.deepEqual(
      card.tier.next?.gaps.map((g) => [g.kpiId, g.met, g.missing]),
      [
        ['revenue', false, 100_000],
        ['churn', false, 1],
      ],
    );
    assert.deepEqual(card.availablePeriods, ['2026-Q3', '2026-Q2']);
    assert.equal(card.generatedAt, NOW.toISOString());
    assert.deepEqual(card.partner, partner);
    const parsed = Scorecard.safeParse(JSON.parse(JSON.stringify(card)));
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  });

  test("a partner's own target overrides the tier's", () => {
    const own = computeScorecard({ partner, period: '2026-Q3', kpis, tiers, targets: [target('revenue', '2026-Q3', 250_000)], measurements, now: NOW });
    assert.equal(own.rows[0]?.target, 250_000);
    assert.equal(own.rows[0]?.targetSource, 'partner');
    assert.equal(own.rows[0]?.attainment, 1.2);
    assert.equal(own.rows[0]?.status, 'on_track');
  });

  test('a partner with no measurements: every row no_data, no score, trend of nulls', () => {
    const empty = computeScorecard({ partner, period: '2026-Q3', kpis, tiers, targets: [], measurements: [], now: NOW });
    assert.deepEqual(empty.rows.map((r) => r.status), ['no_data', 'no_data', 'no_data']);
    assert.equal(empty.score, null);
    assert.equal(empty.rows[0]?.trend.length, 6);
    assert.ok(empty.rows.every((r) => r.trend.every((p) => p.value === null)));
    assert.deepEqual(empty.availablePeriods, []);
    assert.equal(empty.tier.qualified?.id, 'bronze', 'a tier without requirements is always met');
    assert.ok(Scorecard.safeParse(JSON.parse(JSON.stringify(empty))).success);
  });

  test('an empty period next to periods with data', () => {
    const q4 = computeScorecard({ partner, period: '2026-Q4', kpis, tiers, targets: [], measurements, trendPeriods: 2, now: NOW });
    assert.equal(q4.rows[0]?.actual, null);
    assert.equal(q4.rows[0]?.status, 'no_data');
    assert.equal(q4.score, null);
    assert.deepEqual(q4.rows[0]?.trend, [
      { period: '2026-Q3', value: 300_000 },
      { period: '2026-Q4', value: null },
    ]);
    assert.deepEqual(q4.availablePeriods, ['2026-Q3', '2026-Q2']);
  });

  test("the tier standing judges a downgrade only on a period that ended after the partner entered its tier", () => {
    const gold = { ...partner, tierId: 'gold' };
    const judged = computeScorecard({ partner: { ...gold, tierSince: '2026-09-30T00:00:00.000Z' }, period: '2026-Q3', kpis, tiers, targets: [], measurements, now: NOW });
    assert.equal(judged.tier.pending?.tier.id, 'silver', 'Gold held in Q3, missed in Q3');
    const since = computeScorecard({ partner: { ...gold, tierSince: '2026-10-15T00:00:00.000Z' }, period: '2026-Q3', kpis, tiers, targets: [], measurements, now: NOW });
    assert.equal(since.tier.pending, null, 'Gold entered after Q3 ended');
    assert.equal(computeScorecard({ partner: { ...gold, tierSince: null }, period: '2026-Q3', kpis, tiers, targets: [], measurements, now: NOW }).tier.pending?.tier.id, 'silver', 'no date: every complete period counts');
  });

  test('no KPIs and no tiers still make a valid scorecard', () => {
    const bare = computeScorecard({ partner: { ...partner, tierId: null }, period: '2026', kpis: [], tiers: [], targets: [], measurements, now: NOW });
    assert.deepEqual(bare.rows, []);
    assert.equal(bare.score, null);
    assert.deepEqual(bare.availablePeriods, []);
    assert.equal(bare.tier.current, null);
    assert.ok(Scorecard.safeParse(bare).success);
  });

  test('refuses a malformed period or trend length', () => {
    assert.throws(() => computeScorecard({ partner, period: '2026-Q5', kpis, tiers, targets: [], measurements }), RangeError);
    assert.throws(() => computeScorecard({ partner, period: '2026-Q3', kpis, tiers, targets: [], measurements, trendPeriods: 0 }), RangeError);
    assert.throws(() => computeScorecard({ partner, period: '2026-Q3', kpis, tiers, targets: [], measurements, trendPeriods: 25 }), RangeError);
  });

  test('property: any data set gives a schema-valid scorecard whose score matches its rows', () => {
    const month = fc.integer({ min: 1, max: 24 }).map((i) => `${2025 + Math.floor((i - 1) / 12)}-${String(((i - 1) % 12) + 1).padStart(2, '0')}`);
    const data = fc.array(
      fc.record({
        kpiId: fc.constantFrom('revenue', 'churn', 'nps', 'unknown'),
        period: month,
        value: fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      }),
      { maxLength: 60 },
    );
    const periods = fc.constantFrom('2025-03', '2025-Q4', '2026', '2026-Q2', '2026-12');
    fc.assert(
      fc.property(data, periods, fc.constantFrom('bronze', 'silver', 'gold', null), (list, period, tierId) => {
        const result = computeScorecard({
          partner: { ...partner, tierId },
          period,
          kpis,
          tiers,
          targets: [],
          measurements: list.map((m) => measurement(m.kpiId, m.period, m.value)),
          now: NOW,
        });
        const parsed = Scorecard.safeParse(JSON.parse(JSON.stringify(result)));
        assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
        assert.equal(result.score, weightedScore(result.rows));
        for (const row of result.rows) {
          assert.equal(row.status, scorecardStatus(row.attainment, row.target !== null, row.actual !== null));
          assert.equal(row.trend.at(-1)?.value, row.actual);
        }
      }),
    );
  });
});
