/**
 * A KPI's value over a set of months: monthly measurements combined by the KPI's aggregation.
 * Shared by scorecards (the period) and tier requirements (their trailing window).
 * @module
 */
import type { Kpi, KpiAggregation, Measurement } from '../schemas/index.js';

/**
 * Combines values in chronological order: `sum`, `avg`, `last` (the latest), `max` or `min`.
 * Returns null for no values, so "no data" is never mistaken for zero. Non-finite values are
 * skipped.
 */
export function aggregate(values: readonly number[], aggregation: KpiAggregation): number | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  switch (aggregation) {
    case 'sum':
      return finite.reduce((total, v) => total + v, 0);
    case 'avg':
      return finite.reduce((total, v) => total + v, 0) / finite.length;
    case 'last':
      return finite[finite.length - 1] as number;
    case 'max':
      return Math.max(...finite);
    case 'min':
      return Math.min(...finite);
    default: {
      const unknown: never = aggregation;
      throw new RangeError(`${JSON.stringify(unknown)} is not a KPI aggregation`);
    }
  }
}

/**
 * The KPI's value over `months` (`YYYY-MM`): its measurements in those months, oldest first,
 * combined by the KPI's aggregation; null when none fall inside.
 *
 * Pass one partner's measurements. Measurements of other KPIs are ignored; when one month was
 * recorded twice the later `recordedAt` wins, as an upsert would have it.
 */
export function kpiActual(
  kpi: Pick<Kpi, 'id' | 'aggregation'>,
  measurements: readonly Pick<Measurement, 'kpiId' | 'period' | 'value' | 'recordedAt'>[],
  months: readonly string[],
): number | null {
  const wanted = new Set(months);
  const byMonth = new Map<string, Pick<Measurement, 'value' | 'recordedAt'>>();
  for (const m of measurements) {
    if (m.kpiId !== kpi.id || !wanted.has(m.period)) continue;
    const seen = byMonth.get(m.period);
    if (!seen || m.recordedAt > seen.recordedAt) byMonth.set(m.period, m);
  }
  const ordered = [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return aggregate(
    ordered.map(([, m]) => m.value),
    kpi.aggregation,
  );
}
