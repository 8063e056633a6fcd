/**
 * Keyset pages as the store reads them: a window (`LIMIT limit + 1` rows after a position) in,
 * the page's items and the position of its last item out, when another page follows. Turning
 * positions into opaque cursors is HTTP's business (`http/pagination.ts`).
 * @module
 */

/** A sort position: the values of the ORDER BY columns of one item. */
export type Position = readonly (string | number)[];

/** The types of a list's sort position, in ORDER BY order. */
export type PositionShape = readonly ('string' | 'number')[];

/** Which page to read. */
export interface PageWindow {
  limit: number;
  /**
   * The position after which the page starts (of the list's {@link PositionShape}, checked when
   * it was read from the cursor); null for the first page.
   */
  after: Position | null;
}

/** A page of items, and where the next one starts (null on the last page). */
export interface PageSlice<T> {
  items: T[];
  next: Position | null;
}

/**
 * The page from rows read with `LIMIT window.limit + 1`: the extra row only says another page
 * exists, and the next page starts after the page's last row.
 */
export function slicePage<R, T>(rows: readonly R[], window: PageWindow, positionOf: (row: R) => Position, toItem: (row: R) => T): PageSlice<T> {
  const page = rows.slice(0, window.limit);
  const last = page[page.length - 1];
  return { items: page.map(toItem), next: rows.length > window.limit && last !== undefined ? positionOf(last) : null };
}
