/**
 * How a scorecard writes its numbers: KPI values by unit, attainment, the overall score and
 * periods, all through the element's localisation controller (Intl in the element's language).
 * @module
 */
import type { Kpi, KpiDirection } from '@partnerkit/core/schemas';
import type { LocalizeController, MessageCatalogue } from '../platform/localize.js';
import { readPeriod } from './period.js';

/** The part of the localisation controller the formatters need. */
export type NumberFormatter = Pick<LocalizeController<MessageCatalogue>, 'number' | 'money' | 'percent' | 'date'>;

/**
 * A KPI value in the KPI's unit:
 * - `currency`: minor units of the KPI's currency, shown without minor digits when they are all
 *   zero (`4120000` USD is "$41,200", `4120050` is "$41,200.50");
 * - `percent`: the value is a percentage (`87.5` is "87.5%");
 * - `count` and `score`: plain numbers, at most one decimal (averages can be fractional).
 *
 * Values are first rounded to 12 significant digits, so floating-point noise never shows.
 */
export function formatKpiValue(format: NumberFormatter, kpi: Pick<Kpi, 'unit' | 'currency'>, value: number): string {
  // Aggregates and differences carry float noise (2.55 - 2 is 0.5499999999999998); rounding to 12
  // significant digits first makes "now 2.6, required at most 2" and "0.6 lower" agree.
  value = Number(value.toPrecision(12));
  if (kpi.unit === 'percent') return format.percent(value / 100, { maximumFractionDigits: 1 });
  // Minor units; `money` leaves out minor digits that are all zero.
  if (kpi.unit === 'currency' && kpi.currency) return format.money({ amount: Math.round(value), currency: kpi.currency });
  return format.number(value, { maximumFractionDigits: 1 });
}

/** Attainment (1 = target met) as a whole percentage: "133%". */
export function formatAttainment(format: NumberFormatter, attainment: number): string {
  return format.percent(attainment, { maximumFractionDigits: 0 });
}

/** The overall score (0-100), rounded to a whole number. */
export function formatScore(format: NumberFormatter, score: number): string {
  return format.number(score, { maximumFractionDigits: 0 });
}

/** Which bound a target or requirement is: a floor for higher-is-better KPIs, a ceiling otherwise. */
export function boundKey(direction: KpiDirection): 'atLeast' | 'atMost' {
  return direction === 'lower_is_better' ? 'atMost' : 'atLeast';
}

/** How the catalogue writes quarters and years ("Q3 2026" / "quý 3/2026", "2026" / "năm 2026"). */
export interface PeriodWords {
  quarter(q: { quarter: number; year: number }): string;
  year(y: { year: number }): string;
}

/**
 * A period as it reads inside a sentence: a month by name ("July 2026", "tháng 7 năm 2026"), a
 * quarter and a year through the catalogue ("Q3 2026", "quý 3/2026"; "2026", "năm 2026").
 * Standing alone (a picker's option) it takes {@link capitalise}. Malformed text is returned
 * unchanged rather than throwing during render.
 */
export function formatPeriodLabel(format: NumberFormatter, words: PeriodWords, period: string): string {
  const parsed = readPeriod(period);
  if (!parsed) return period;
  if (parsed.grain === 'quarter') return words.quarter({ quarter: parsed.index, year: parsed.year });
  if (parsed.grain === 'month') {
    return format.date(Date.UTC(parsed.year, parsed.index - 1, 1), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
  return words.year({ year: parsed.year });
}

/** `text` with its first letter upper-cased in `locale`: a label standing alone ("Quý 3/2026"). */
export function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
