/**
 * Trend sparklines: the geometry of the inline SVG and the sentence that stands in for it.
 * Pure functions, so the element only binds their results.
 * @module
 */
import type { TrendPoint } from '@partnerkit/core/schemas';

/** The sparkline's SVG coordinate system (`viewBox="0 0 100 24"`, stretched by CSS). */
export const SPARKLINE_WIDTH = 100;
export const SPARKLINE_HEIGHT = 24;
const PAD = 3;

/** A point of the drawn line, in viewBox units. */
export interface SparkPoint {
  x: number;
  y: number;
}

/** What the SVG draws: a path per run of consecutive values (gaps break the line), lone dots, the last value. */
export interface SparklineGeometry {
  paths: string[];
  dots: SparkPoint[];
  last: SparkPoint | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Lays out `trend` (oldest first) in the sparkline's viewBox; periods without a value break the line. */
export function sparklineGeometry(trend: readonly TrendPoint[]): SparklineGeometry {
  const values = trend.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0) return { paths: [], dots: [], last: null };
  const min = Math.min(...values);
  const span = Math.max(...values) - min;
  const step = trend.length > 1 ? (SPARKLINE_WIDTH - 2 * PAD) / (trend.length - 1) : 0;
  const at = (index: number, value: number): SparkPoint => ({
    x: round(trend.length > 1 ? PAD + index * step : SPARKLINE_WIDTH / 2),
    // A flat line sits in the middle; otherwise the smallest value touches the bottom padding.
    y: round(span === 0 ? SPARKLINE_HEIGHT / 2 : SPARKLINE_HEIGHT - PAD - ((value - min) / span) * (SPARKLINE_HEIGHT - 2 * PAD)),
  });

  const paths: string[] = [];
  const dots: SparkPoint[] = [];
  let run: SparkPoint[] = [];
  let last: SparkPoint | null = null;
  const flush = () => {
    if (run.length === 1) dots.push(run[0]!);
    else if (run.length > 1) paths.push(run.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' '));
    run = [];
  };
  trend.forEach((point, index) => {
    if (point.value === null) return flush();
    last = at(index, point.value);
    run.push(last);
  });
  flush();
  return { paths, dots, last };
}

/** The facts a trend's text alternative states. */
export type TrendSummary =
  | { kind: 'none' }
  | { kind: 'single'; value: number; period: string }
  | { kind: 'rising' | 'falling' | 'steady'; from: number; to: number; span: number };

/**
 * Summarises a trend from its first to its last known value: the direction, both values, and how
 * many periods lie between them (inclusive). Gaps in between do not change the summary.
 */
export function trendSummary(trend: readonly TrendPoint[]): TrendSummary {
  const known = trend.flatMap((point, index) => (point.value === null ? [] : [{ index, point, value: point.value }]));
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return { kind: 'none' };
  if (first === last) return { kind: 'single', value: first.value, period: first.point.period };
  const kind = last.value > first.value ? 'rising' : last.value < first.value ? 'falling' : 'steady';
  return { kind, from: first.value, to: last.value, span: last.index - first.index + 1 };
}
