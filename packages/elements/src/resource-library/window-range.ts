/**
 * Which slice of a long list to put in the DOM: the rows in view plus a few either side, and the
 * space the rows left out take up, so the scrollbar and scroll position stay true. Pure, so it
 * is tested on its own; `windowing.ts` feeds it measurements.
 * @module
 */

/** What is measured of the scrolling box and its rows. Lengths in CSS pixels. */
export interface WindowMetrics {
  /** Top of the part in view, measured from the top of the box's content (its scroll position). */
  scrollTop: number;
  /** Height of the part in view (the box's height, less what lies outside the window). */
  viewport: number;
  /** Distance from the top of the box's content to the first row. */
  offset: number;
  /** Height of one row plus the gap below it; 0 while nothing has been measured. */
  pitch: number;
  /** Items per row (1 in a list, several in a grid). */
  columns: number;
}

/** Items `[start, end)` go in the DOM; `before` and `after` pixels stand in for the others. */
export interface WindowRange {
  start: number;
  end: number;
  before: number;
  after: number;
}

/** Rows rendered above and below the visible ones, so Tab and fast scrolling find rows ready. */
export const OVERSCAN_ROWS = 3;
/** Items rendered before the first measurement (enough to fill a tall box). */
export const INITIAL_ITEMS = 24;

/** The slice of `count` items to render for `metrics`. */
export function windowRange(count: number, metrics: WindowMetrics, overscan = OVERSCAN_ROWS): WindowRange {
  const columns = Math.max(1, Math.floor(metrics.columns) || 1);
  if (count <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  if (!(metrics.pitch > 0)) return { start: 0, end: Math.min(count, INITIAL_ITEMS), before: 0, after: 0 };
  const rows = Math.ceil(count / columns);
  const top = Math.max(0, metrics.scrollTop - metrics.offset);
  const firstRow = Math.min(rows - 1, Math.max(0, Math.floor(top / metrics.pitch) - overscan));
  const lastRow = Math.min(rows, Math.max(firstRow + 1, Math.ceil((top + metrics.viewport) / metrics.pitch) + overscan));
  return {
    start: firstRow * columns,
    end: Math.min(count, lastRow * columns),
    before: firstRow * metrics.pitch,
    after: (rows - lastRow) * metrics.pitch,
  };
}

/** Whether two ranges render the same DOM. */
export const sameRange = (a: WindowRange, b: WindowRange): boolean =>
  a.start === b.start && a.end === b.end && a.before === b.before && a.after === b.after;
