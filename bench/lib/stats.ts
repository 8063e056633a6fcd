/**
 * Summaries of repeated measurements. Medians and high percentiles, never means alone: latency
 * distributions have long tails and a mean hides them.
 * @module
 */

/** What every timed series is reduced to. Times in milliseconds unless a field says otherwise. */
export interface Summary {
  n: number;
  median: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

/** The `q` quantile (0-1) of ascending `sorted`, linearly interpolated between ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

/** Median, p99, extremes and mean of `samples`. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
  };
}

/** The median of `samples`. */
export function median(samples: readonly number[]): number {
  return summarize(samples).median;
}

/** `a / b`, or null when `b` is not a positive number (a ratio against nothing means nothing). */
export function ratio(a: number, b: number): number | null {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : null;
}
