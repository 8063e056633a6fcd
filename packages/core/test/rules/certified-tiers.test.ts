import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeScorecard, dueTierChange, evaluateTierStanding, isComputedKpi, withComputedKpis, type HeldCertificate, type PartnerCertifications } from '@partnerkit/core/rules';
import { Scorecard } from '@partnerkit/core/schemas';
import { kpi, measurement, tier } from './fixtures.ts';

const certified = kpi('certified', { aggregation: 'last', source: 'certified_staff' });
const revenue = kpi('revenue');
const kpis = [revenue, certified];
const tiers = [
  tier('silver', 1, [{ kpiId: 'revenue', min: 100 }]),
  tier('gold', 2, [{ kpiId: 'revenue', min: 100 }, { kpiId: 'certified', min: 2 }]),
];
const cert = (personId: string, certificationId: string, issuedAt: string, expiresAt: string | null = null): HeldCertificate => ({ personId, certificationId, issuedAt, expiresAt });
const programme = (certificates: HeldCertificate[]): PartnerCertifications => ({
  requirements: [{ tierId: 'gold', requirements: [{ certificationId: 'sales', count: 2 }, { certificationId: 'tech', count: 1 }] }],
  certifications: [
    { id: 'sales', name: 'Sales Fundamentals', translations: { vi: { name: 'Bán hàng cơ bản' } } },
    { id: 'tech', name: 'Technical Implementation' },
  ],
  certificates,
});
const now = new Date('2026-11-15T12:00:00.000Z');
const sales = [cert('ann', 'sales', '2026-02-10T00:00:00.000Z'), cert('bob', 'sales', '2026-08-20T00:00:00.000Z')];
const numbers = [measurement('revenue', '2026-10', 150)];

describe('computed KPIs', () => {
  test('a KPI is computed unless its source is measurements (or absent)', () => {
    assert.equal(isComputedKpi(certified), true);
    assert.equal(isComputedKpi(revenue), false);
    assert.equal(isComputedKpi({ source: 'measurements' }), false);
  });

  test('certified staff at each month\'s end, now for the current month, none later or before the first certificate; stored values dropped', () => {
    const stored = [measurement('certified', '2026-05', 99), measurement('revenue', '2026-05', 7)];
    const values = withComputedKpis({ kpis, measurements: stored, certificates: sales, months: ['2026-01', '2026-02', '2026-07', '2026-08', '2026-11', '2026-12'], now });
    const of = (period: string) => values.find((v) => v.kpiId === 'certified' && v.period === period)?.value;
    assert.equal(of('2026-01'), undefined, 'before the first certificate');
    assert.equal(of('2026-02'), 1);
    assert.equal(of('2026-07'), 1);
    assert.equal(of('2026-08'), 2);
    assert.equal(of('2026-11'), 2, 'the current month, at now');
    assert.equal(of('2026-12'), undefined, 'a month not begun');
    assert.equal(of('2026-05'), undefined, 'the typed-in value is gone');
    assert.ok(values.some((v) => v.kpiId === 'revenue' && v.value === 7));
  });

  test('the current month counts 0 people when nobody is certified', () => {
    const values = withComputedKpis({ kpis, measurements: [], certificates: [], months: ['2026-10', '2026-11'], now });
    assert.deepEqual(values.map((v) => [v.period, v.value]), [['2026-11', 0]]);
  });
});

describe('tier evaluation with certification requirements', () => {
  test('names what is missing for the next tier, and upgrades once the last certification is issued', () => {
    const short = evaluateTierStanding({ tiers, kpis, measurements: numbers, period: '2026-Q4', currentTierId: 'silver', now, certifications: programme(sales) });
    assert.equal(short.qualified?.id, 'silver');
    assert.deepEqual(short.next?.gaps.map((g) => [g.kpiId, g.met]), [['revenue', true], ['certified', true]], 'the computed KPI counts two people');
    assert.deepEqual(short.next?.certifications, [
      { certificationId: 'sales', name: 'Sales Fundamentals', translations: { vi: { name: 'Bán hàng cơ bản' } }, required: 2, held: 2, missing: 0, met: true },
      { certificationId: 'tech', name: 'Technical Implementation', required: 1, held: 0, missing: 1, met: false },
    ]);
    assert.equal(dueTierChange(short, now), null);

    const issued = [...sales, cert('ann', 'tech', '2026-11-15T11:00:00.000Z')];
    const up = evaluateTierStanding({ tiers, kpis, measurements: numbers, period: '2026-Q4', currentTierId: 'silver', now, certifications: programme(issued) });
    assert.equal(up.qualified?.id, 'gold');
    assert.deepEqual(dueTierChange(up, now), { kind: 'upgrade', tier: up.qualified });
  });

  test('a closed period is judged on the certificates valid at its end', () => {
    const later = [...sales, cert('cy', 'tech', '2026-10-02T00:00:00.000Z')];
    const q3 = evaluateTierStanding({ tiers, kpis, measurements: [measurement('revenue', '2026-08', 150)], period: '2026-Q3', currentTierId: 'silver', now, certifications: programme(later) });
    assert.equal(q3.qualified?.id, 'silver');
    assert.equal(q3.next?.certifications.find((c) => c.certificationId === 'tech')?.held, 0);
  });

  test('a tier held on certifications goes pending when they lapse, and expiries 60 days ahead are flagged', () => {
    const expiring = [cert('ann', 'sales', '2025-01-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'), cert('bob', 'sales', '2025-01-01T00:00:00.000Z'), cert('cy', 'tech', '2025-01-01T00:00:00.000Z')];
    const gold = evaluateTierStanding({ tiers, kpis, measurements: [measurement('revenue', '2026-09', 150), measurement('revenue', '2026-10', 150)], period: '2026-Q4', currentTierId: 'gold', currentTierSince: new Date('2025-06-01T00:00:00.000Z'), now, certifications: programme(expiring) });
    assert.equal(gold.pending, null);
    assert.deepEqual(gold.certifications.map((c) => c.met), [true, true]);
    assert.deepEqual(gold.expiring, [{ certificationId: 'sales', name: 'Sales Fundamentals', translations: { vi: { name: 'Bán hàng cơ bản' } }, required: 2, held: 2, expiring: 1, shortOn: '2026-12-01', before: '2027-01-14' }]);

    const lapsed = [cert('ann', 'sales', '2025-01-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z'), ...expiring.slice(1)];
    const after = evaluateTierStanding({ tiers, kpis, measurements: [measurement('revenue', '2026-09', 150), measurement('revenue', '2026-10', 150)], period: '2026-Q4', currentTierId: 'gold', currentTierSince: new Date('2025-06-01T00:00:00.000Z'), now, certifications: programme(lapsed) });
    assert.equal(after.pending?.tier.id, 'silver');
    assert.deepEqual(after.certifications.find((c) => c.certificationId === 'sales'), { certificationId: 'sales', name: 'Sales Fundamentals', translations: { vi: { name: 'Bán hàng cơ bản' } }, required: 2, held: 1, missing: 1, met: false });
  });
});

describe('computeScorecard with certifications', () => {
  test('the certified-staff row is computed, the standing names the missing certification, and the answer parses', () => {
    const scorecard = computeScorecard({
      partner: { id: 'p1', name: 'P', type: 'reseller', tierId: 'silver' },
      period: '2026-Q4',
      kpis,
      tiers,
      targets: [],
      measurements: [...numbers, measurement('certified', '2026-10', 40)],
      now,
      certifications: programme(sales),
    });
    const row = scorecard.rows.find((r) => r.kpi.id === 'certified')!;
    assert.equal(row.actual, 2);
    assert.deepEqual(row.trend.map((p) => p.value), [null, null, 1, 1, 2, 2]);
    assert.deepEqual(scorecard.tier.next?.certifications.filter((c) => !c.met).map((c) => [c.name, c.missing]), [['Technical Implementation', 1]]);
    assert.ok(Scorecard.safeParse(scorecard).success);
  });

  test('without certifications the stored values stand (a caller that knows nothing of enablement)', () => {
    const scorecard = computeScorecard({ partner: { id: 'p1', name: 'P', type: 'reseller', tierId: 'silver' }, period: '2026-Q4', kpis, tiers, targets: [], measurements: [measurement('certified', '2026-10', 4)], now });
    assert.equal(scorecard.rows.find((r) => r.kpi.id === 'certified')!.actual, 4);
    assert.deepEqual(scorecard.tier.next?.certifications, []);
  });
});
