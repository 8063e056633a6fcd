/**
 * Scorecards: per-KPI actual vs target, direction-aware attainment, a status per row, the
 * weighted overall score and a trend series. The server and the widgets compute the very same
 * numbers with these functions.
 * @module
 */
import type {
  Kpi,
  KpiDirection,
  Measurement,
  Partner,
  Scorecard,
  ScorecardRow,
  ScorecardStatus,
  Target,
  Tier,
  TrendPoint,
} from '../schemas/index.js';
import { withComputedKpis } from './computed-kpis.js';
import { kpiActual } from './kpi-values.js';
import { monthsOf, periodGrain, periodOfMonth, previousPeriods, trailingMonths } from './periods.js';
import { evaluatedMonths, evaluateTierStanding, sortTiers, tierAbove, type PartnerCertifications } from './tiers.js';

/**
 * Attainment levels of the row statuses: `on_track` from 1 (target met), `at_risk` from 0.8,
 * `off_track` below. Compared with a 1e-9 tolerance so float noise never flips a status.
 */
export const STATUS_THRESHOLDS = Object.freeze({ onTrack: 1, atRisk: 0.8 });

/**
 * Each KPI's attainment counts at most this much in the overall score, so over-achieving one
 * KPI cannot hide another that falls short; a score of 100 means every weighted KPI is met.
 */
export const SCORE_ATTAINMENT_CAP = 1;

/** Trend length when none is asked for. */
export const DEFAULT_TREND_PERIODS = 6;

const EPSILON = 1e-9;

/**
 * Attainment of `actual` against `target`: 1 means the target is met exactly, never below 0.
 *
 * - higher-is-better: `actual / target` (150 of 100 is 1.5);
 * - lower-is-better: `2 - actual / target`, the target being a ceiling (4 % churn against a 5 %
 *   ceiling is 1.2; 10 % is 0; an actual of 0 is 2, the best possible). It stays finite where
 *   `target / actual` would divide by zero.
 * - target 0: 1 when the actual is at the right side of 0 (>= 0 higher-is-better, <= 0
 *   lower-is-better), else 0;
 * - null when either number is missing or not finite.
 *
 * The row keeps this raw value; only the overall score caps it.
 */
export function attainment(actual: number | null, target: number | null, direction: KpiDirection): number | null {
  if (actual === null || target === null || !Number.isFinite(actual) || !Number.isFinite(target)) return null;
  const higher = direction === 'higher_is_better';
  if (target === 0) return (higher ? actual >= 0 : actual <= 0) ? 1 : 0;
  const ratio = actual / target;
  return Math.max(0, higher ? ratio : 2 - ratio);
}

/**
 * A row's status. Missing data wins over a missing target (`no_data`, then `no_target`); then
 * {@link STATUS_THRESHOLDS} decide between `on_track`, `at_risk` and `off_track`.
 */
export function scorecardStatus(attainmentValue: number | null, hasTarget: boolean, hasData: boolean): ScorecardStatus {
  if (!hasData) return 'no_data';
  if (!hasTarget) return 'no_target';
  if (attainmentValue === null) return 'no_data';
  if (attainmentValue >= STATUS_THRESHOLDS.onTrack - EPSILON) return 'on_track';
  if (attainmentValue >= STATUS_THRESHOLDS.atRisk - EPSILON) return 'at_risk';
  return 'off_track';
}

/**
 * The overall score, 0-100: the weight-averaged attainment of the rows that have both a target
 * and data and a weight above 0, each attainment capped at {@link SCORE_ATTAINMENT_CAP}.
 * Null when no row counts. Rows without data are left out, not counted as 0.
 */
export function weightedScore(rows: readonly Pick<ScorecardRow, 'kpi' | 'attainment'>[]): number | null {
  let weights = 0;
  let total = 0;
  for (const row of rows) {
    const weight = row.kpi.weight;
    if (row.attainment === null || !(weight > 0) || !Number.isFinite(row.attainment)) continue;
    weights += weight;
    total += weight * Math.min(Math.max(row.attainment, 0), SCORE_ATTAINMENT_CAP);
  }
  return weights > 0 ? (total / weights) * 100 : null;
}

/** Where a row's target comes from. */
export interface ResolvedTarget {
  value: number | null;
  source: 'partner' | 'tier' | null;
}

/**
 * The target of one KPI for one partner and period:
 * 1. the partner's own target for that KPI and exactly that period;
 * 2. else the requirement for that KPI of the tier above the partner's (of its own tier at the
 *    top; of the lowest tier for a partner without a tier). A `sum` requirement over a trailing
 *    window is pro-rated to the period's length (a 12-month minimum of 1,200 is a quarterly
 *    target of 300); other aggregations take the minimum as it is;
 * 3. else null.
 */
export function resolveTarget(input: {
  partner: Pick<Partner, 'id' | 'tierId'>;
  kpi: Pick<Kpi, 'id' | 'aggregation'>;
  period: string;
  targets: readonly Pick<Target, 'partnerId' | 'kpiId' | 'period' | 'value'>[];
  tiers: readonly Tier[];
}): ResolvedTarget {
  const { partner, kpi, period, targets, tiers } = input;
  const own = targets.find((t) => t.partnerId === partner.id && t.kpiId === kpi.id && t.period === period);
  if (own) return { value: own.value, source: 'partner' };
  const current = tiers.find((t) => t.id === partner.tierId) ?? null;
  const tier = tierAbove(tiers, current) ?? current ?? null;
  const requirement = tier?.requirements.find((r) => r.kpiId === kpi.id);
  if (!requirement) return { value: null, source: null };
  const periodMonths = monthsOf(period).length;
  const windowMonths = requirement.window ?? periodMonths;
  const value = kpi.aggregation === 'sum' ? (requirement.min * periodMonths) / windowMonths : requirement.min;
  return { value, source: 'tier' };
}

/** The KPI's value in each of the `count` periods ending with `period`, oldest first. */
export function trendSeries(
  kpi: Pick<Kpi, 'id' | 'aggregation'>,
  measurements: readonly Pick<Measurement, 'kpiId' | 'period' | 'value' | 'recordedAt'>[],
  period: string,
  count: number,
): TrendPoint[] {
  return previousPeriods(period, count).map((p) => ({ period: p, value: kpiActual(kpi, measurements, monthsOf(p)) }));
}

/** Input of {@link computeScorecard}. */
export interface ScorecardInput {
  /**
   * With `tierSince` when the backend keeps it: the tier standing then judges a downgrade only on
   * a complete period that ended after it (see `currentTierSince` of `evaluateTierStanding`).
   */
  partner: Pick<Partner, 'id' | 'name' | 'type' | 'tierId' | 'tierSince'>;
  period: string;
  kpis: readonly Kpi[];
  tiers: readonly Tier[];
  targets: readonly Target[];
  /** The partner's measurements; other partners' are ignored. */
  measurements: readonly Measurement[];
  /** Trend length, 1-24 (default 6). */
  trendPeriods?: number;
  /** The clock: `generatedAt`, and whether `period` is complete for the tier grace rule. */
  now?: Date;
  /**
   * The partner's certifications: computed KPIs (`certified_staff`) take their values from its
   * certificates, and the tier standing checks the tiers' certification requirements. Absent:
   * stored measurements only, and no tier requires certifications.
   */
  certifications?: PartnerCertifications;
}

/**
 * The partner's scorecard for `period`: one row per KPI (in the given order), the weighted
 * score, the tier standing and the periods that hold data.
 * @throws RangeError for a malformed period or a trend length outside 1-24.
 */
export function computeScorecard(input: ScorecardInput): Scorecard {
  const { partner, period, kpis, tiers, targets } = input;
  const trendPeriods = input.trendPeriods ?? DEFAULT_TREND_PERIODS;
  if (!Number.isInteger(trendPeriods) || trendPeriods < 1 || trendPeriods > 24) {
    throw new RangeError(`trend length ${trendPeriods} is outside 1-24`);
  }
  const now = input.now ?? new Date();
  const grain = periodGrain(period);
  const months = monthsOf(period);
  const own = input.measurements.filter((m) => m.partnerId === partner.id);
  const certifications = input.certifications;
  // Computed KPIs get a value for every month the rows, trends and tier windows read.
  const measurements = certifications
    ? withComputedKpis({
        kpis,
        measurements: own,
        certificates: certifications.certificates,
        months: [...trailingMonths(period, months.length * trendPeriods), ...evaluatedMonths(tiers, period)],
        now,
      })
    : own;

  const rows: ScorecardRow[] = kpis.map((kpi) => {
    const actual = kpiActual(kpi, measurements, months);
    const target = resolveTarget({ partner, kpi, period, targets, tiers });
    const value = attainment(actual, target.value, kpi.direction);
    return {
      kpi,
      actual,
      target: target.value,
      targetSource: target.source,
      attainment: value,
      status: scorecardStatus(value, target.value !== null, actual !== null),
      trend: trendSeries(kpi, measurements, period, trendPeriods),
    };
  });

  const kpiIds = new Set(kpis.map((k) => k.id));
  const availablePeriods = [
    ...new Set(measurements.filter((m) => kpiIds.has(m.kpiId)).map((m) => periodOfMonth(m.period, grain))),
  ].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));

  return {
    partner: { id: partner.id, name: partner.name, type: partner.type, tierId: partner.tierId, ...(partner.tierSince ? { tierSince: partner.tierSince } : {}) },
    period,
    generatedAt: now.toISOString(),
    rows,
    score: weightedScore(rows),
    tier: evaluateTierStanding({ tiers: sortTiers(tiers), kpis, measurements: own, period, currentTierId: partner.tierId, currentTierSince: partner.tierSince ? new Date(partner.tierSince) : undefined, now, ...(certifications ? { certifications } : {}) }),
    availablePeriods,
  };
}
