/**
 * Reading the contract's period strings (`2026-07`, `2026-Q3`, `2026`) for display. The widget
 * needs only this much of core's period arithmetic; reading them here keeps core's rules barrel
 * (and the modules it drags along) out of the widget's chunk.
 * @module
 */

/** A period taken apart; `index` is the month (1-12), the quarter (1-4), or 1 for a year. */
export interface PeriodParts {
  grain: 'month' | 'quarter' | 'year';
  year: number;
  index: number;
}

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** The parts of `period`, or null when it is not a period. */
export function readPeriod(period: string): PeriodParts | null {
  const match = PERIOD.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) return { grain: 'month', year, index: Number(match[2]) };
  if (match[3]) return { grain: 'quarter', year, index: Number(match[3]) };
  return { grain: 'year', year, index: 1 };
}

/**
 * Periods of one grain, newest first. Their text forms are zero-padded, so for one grain the
 * text order is the time order.
 */
export function newestFirst(periods: Iterable<string>): string[] {
  return [...periods].sort().reverse();
}
