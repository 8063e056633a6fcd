/**
 * Computed KPIs: the values of a KPI whose `source` is not `measurements`, derived from other
 * data instead of typed in. `certified_staff` is the people of the partner holding at least one
 * valid certificate, as `certifiedStaff` counts them: at the end of each month, at `now` for the
 * month holding it. The scorecard and tier evaluation read these values as if they were
 * measurements, so aggregation, windows and trends work unchanged.
 * @module
 */
import type { Kpi, Measurement } from '../schemas/index.js';
import { certifiedStaff, type HeldCertificate } from './enablement.js';
import { periodBounds } from './periods.js';

/** A monthly value as the scorecard and tier rules read it. */
export type KpiValue = Pick<Measurement, 'kpiId' | 'period' | 'value' | 'recordedAt'>;

/** True when the backend computes the KPI's values: measurement writes for it are refused (`kpi_computed`). */
export function isComputedKpi(kpi: Pick<Kpi, 'source'>): boolean {
  return kpi.source !== undefined && kpi.source !== 'measurements';
}

/**
 * The instant a period's figures are taken at: its last moment once it has ended, `now` while it
 * runs (and for a period still to come).
 */
export function figuresInstant(period: string, now: Date): Date {
  return new Date(Math.min(now.getTime(), periodBounds(period).end.getTime() - 1));
}

/**
 * `measurements` with the values of the computed KPIs in `kpis` put in for `months`: stored
 * values of those KPIs are dropped (they are never typed in) and one value per month is computed
 * from `certificates` (one partner's). A month not begun at `now` has no value; nor has a month
 * before the partner's first certificate, except the month holding `now` (0 people certified is
 * a figure).
 */
export function withComputedKpis<M extends KpiValue>(
  input: { kpis: readonly Pick<Kpi, 'id' | 'source'>[]; measurements: readonly M[]; certificates: readonly HeldCertificate[]; months: readonly string[]; now: Date },
): (M | KpiValue)[] {
  const computed = input.kpis.filter(isComputedKpi);
  if (computed.length === 0) return [...input.measurements];
  const ids = new Set(computed.map((k) => k.id));
  const { now, certificates } = input;
  const first = certificates.reduce((earliest, c) => Math.min(earliest, Date.parse(c.issuedAt)), Infinity);
  const recordedAt = now.toISOString();
  const values: KpiValue[] = [];
  for (const month of new Set(input.months)) {
    const { start, end } = periodBounds(month);
    if (start.getTime() > now.getTime()) continue;
    const current = end.getTime() > now.getTime();
    const at = figuresInstant(month, now);
    if (!current && !(first <= at.getTime())) continue;
    const value = certifiedStaff(certificates, at);
    for (const kpi of computed) values.push({ kpiId: kpi.id, period: month, value, recordedAt });
  }
  return [...input.measurements.filter((m) => !ids.has(m.kpiId)), ...values];
}
