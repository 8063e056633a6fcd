/**
 * Reporting periods: months (`2026-07`), quarters (`2026-Q3`), half-years (`2026-H1`) and years
 * (`2026`), always in UTC.
 *
 * Measurements are recorded per month; a quarter, a half or a year is the ordered list of its
 * months.
 * Every function here is pure and throws a `RangeError` naming the bad value instead of
 * returning something that looks valid.
 * @module
 */

/** The length of a period. */
export type PeriodGrain = 'month' | 'quarter' | 'half' | 'year';

/** A period taken apart: `2026-Q3` is `{ grain: 'quarter', year: 2026, index: 3 }`. */
export interface ParsedPeriod {
  grain: PeriodGrain;
  /** Calendar year, 0-9999 (the four digits of the text form). */
  year: number;
  /** 1-12 for a month, 1-4 for a quarter, 1-2 for a half, always 1 for a year. */
  index: number;
}

/** One day in milliseconds: periods, protection windows and grace periods count UTC days, which have no daylight saving. */
export const DAY_MS = 86_400_000;

/** The grains from shortest to longest. */
export const PERIOD_GRAINS: readonly PeriodGrain[] = ['month', 'quarter', 'half', 'year'];

const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?$/;
const MIN_YEAR = 0;
const MAX_YEAR = 9999;
const MONTHS_PER: Record<PeriodGrain, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const SLOTS_PER_YEAR: Record<PeriodGrain, number> = { month: 12, quarter: 4, half: 2, year: 1 };

/** True when `text` is a period in one of the four text forms. */
export function isPeriod(text: string): boolean {
  return typeof text === 'string' && PERIOD_PATTERN.test(text);
}

/**
 * Takes a period apart.
 * @throws RangeError when `text` is not `YYYY-MM`, `YYYY-Qn`, `YYYY-Hn` or `YYYY`.
 */
export function parsePeriod(text: string): ParsedPeriod {
  const match = typeof text === 'string' ? PERIOD_PATTERN.exec(text) : null;
  if (!match) {
    throw new RangeError(`${JSON.stringify(text)} is not a period; use 2026-07, 2026-Q3, 2026-H1 or 2026`);
  }
  const year = Number(match[1]);
  if (match[2] !== undefined) return { grain: 'month', year, index: Number(match[2]) };
  if (match[3] !== undefined) return { grain: 'quarter', year, index: Number(match[3]) };
  if (match[4] !== undefined) return { grain: 'half', year, index: Number(match[4]) };
  return { grain: 'year', year, index: 1 };
}

/**
 * Writes a parsed period back in its text form.
 * @throws RangeError when the year or index is out of range for the grain.
 */
export function formatPeriod(parsed: ParsedPeriod): string {
  const { grain, year, index } = parsed;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year ${year} is outside 0-9999`);
  }
  const slots = SLOTS_PER_YEAR[grain];
  if (slots === undefined) throw new RangeError(`${JSON.stringify(grain)} is not a period grain`);
  if (!Number.isInteger(index) || index < 1 || index > slots) {
    throw new RangeError(`index ${index} is outside 1-${slots} for a ${grain}`);
  }
  const yyyy = String(year).padStart(4, '0');
  if (grain === 'month') return `${yyyy}-${String(index).padStart(2, '0')}`;
  if (grain === 'quarter') return `${yyyy}-Q${index}`;
  if (grain === 'half') return `${yyyy}-H${index}`;
  return yyyy;
}

/** The grain of a period. @throws RangeError for a malformed period. */
export function periodGrain(period: string): PeriodGrain {
  return parsePeriod(period).grain;
}

/** A UTC instant at the start of a month, valid for years 0-99 too (unlike `Date.UTC`). */
function utcMonthStart(year: number, monthIndex0: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex0, 1);
  date.setUTCHours(0, 0, 0, 0);
  return date;
}

/** Zero-based month number counted from January of year 0: a total order on months. */
function absoluteMonth(parsed: ParsedPeriod): number {
  return parsed.year * 12 + (parsed.index - 1) * MONTHS_PER[parsed.grain];
}

/**
 * The instants a period covers, in UTC: `start` inclusive, `end` exclusive.
 * `2026-Q3` is `2026-07-01T00:00:00.000Z` up to `2026-10-01T00:00:00.000Z`.
 */
export function periodBounds(period: string): { start: Date; end: Date } {
  const parsed = parsePeriod(period);
  const first = absoluteMonth(parsed);
  const next = first + MONTHS_PER[parsed.grain];
  return {
    start: utcMonthStart(Math.floor(first / 12), first % 12),
    end: utcMonthStart(Math.floor(next / 12), next % 12),
  };
}

function monthFromAbsolute(absolute: number): string {
  return formatPeriod({ grain: 'month', year: Math.floor(absolute / 12), index: (absolute % 12) + 1 });
}

/** The `YYYY-MM` months inside a period, oldest first (one for a month, 3 for a quarter, 6 for a half, 12 for a year). */
export function monthsOf(period: string): string[] {
  const parsed = parsePeriod(period);
  const first = absoluteMonth(parsed);
  return Array.from({ length: MONTHS_PER[parsed.grain] }, (_, i) => monthFromAbsolute(first + i));
}

/**
 * The period `n` steps away at the same grain (`n` may be negative):
 * `shiftPeriod('2026-Q1', -1)` is `2025-Q4`.
 * @throws RangeError when the result would leave years 0-9999 or `n` is not an integer.
 */
export function shiftPeriod(period: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`shift ${n} is not a whole number`);
  const parsed = parsePeriod(period);
  const slots = SLOTS_PER_YEAR[parsed.grain];
  const slot = parsed.year * slots + (parsed.index - 1) + n;
  const year = Math.floor(slot / slots);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`shifting ${period} by ${n} leaves the years 0-9999`);
  }
  return formatPeriod({ grain: parsed.grain, year, index: slot - year * slots + 1 });
}

/**
 * `n` periods of the same grain ending with `period`, oldest first:
 * `previousPeriods('2026-03', 3)` is `['2026-01', '2026-02', '2026-03']`.
 * @throws RangeError when `n` is not a whole number >= 0 or the range leaves years 0-9999.
 */
export function previousPeriods(period: string, n: number): string[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`count ${n} is not a whole number >= 0`);
  parsePeriod(period);
  return Array.from({ length: n }, (_, i) => shiftPeriod(period, i - n + 1));
}

/**
 * The `months` months ending with the last month of `period`, oldest first: the window of a
 * tier requirement. `trailingMonths('2026-Q2', 12)` runs from `2025-07` to `2026-06`.
 */
export function trailingMonths(period: string, months: number): string[] {
  const last = monthsOf(period).at(-1) as string;
  return previousPeriods(last, months);
}

/**
 * Every period of the same grain from `from` to `to`, both included, oldest first; empty when
 * `to` is before `from`.
 * @throws RangeError when the two periods have different grains.
 */
export function periodRange(from: string, to: string): string[] {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  if (a.grain !== b.grain) throw new RangeError(`${from} and ${to} are not of the same grain`);
  const slots = SLOTS_PER_YEAR[a.grain];
  const count = b.year * slots + b.index - (a.year * slots + a.index) + 1;
  return count <= 0 ? [] : previousPeriods(to, count);
}

/**
 * The period of the given grain that holds `date`, read in UTC.
 * @throws RangeError for an invalid date or one outside years 0-9999.
 */
export function periodOf(date: Date, grain: PeriodGrain): string {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new RangeError('periodOf needs a valid Date');
  return periodOfMonth(formatPeriod({ grain: 'month', year: date.getUTCFullYear(), index: date.getUTCMonth() + 1 }), grain);
}

/**
 * The period of the given grain that holds a month: `('2026-05', 'quarter')` is `2026-Q2`.
 * @throws RangeError when `month` is not a `YYYY-MM` month.
 */
export function periodOfMonth(month: string, grain: PeriodGrain): string {
  const parsed = parsePeriod(month);
  if (parsed.grain !== 'month') throw new RangeError(`${JSON.stringify(month)} is not a month such as 2026-07`);
  const months = MONTHS_PER[grain];
  if (months === undefined) throw new RangeError(`${JSON.stringify(grain)} is not a period grain`);
  return formatPeriod({ grain, year: parsed.year, index: Math.ceil(parsed.index / months) });
}

/** The period of the given grain that holds `now` (UTC). */
export function currentPeriod(grain: PeriodGrain, now: Date = new Date()): string {
  return periodOf(now, grain);
}

/**
 * Chronological order for `Array.prototype.sort`: by start, then shorter first, so
 * `2026-01 < 2026-Q1 < 2026-H1 < 2026 < 2026-02`.
 */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  return absoluteMonth(pa) - absoluteMonth(pb) || MONTHS_PER[pa.grain] - MONTHS_PER[pb.grain];
}

/** True when `inner` lies entirely inside `outer` (`2026-05` inside `2026-Q2` and `2026`). */
export function periodContains(outer: string, inner: string): boolean {
  const o = parsePeriod(outer);
  const i = parsePeriod(inner);
  const oStart = absoluteMonth(o);
  const iStart = absoluteMonth(i);
  return iStart >= oStart && iStart + MONTHS_PER[i.grain] <= oStart + MONTHS_PER[o.grain];
}
