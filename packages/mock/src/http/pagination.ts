/**
 * Keyset pagination in memory: `limit` and `cursor` in, `{ data, nextCursor }` out. A cursor is
 * an opaque token the mock remembers with the list, filters and position it continues from, so
 * one it did not issue, or one used with other filters, answers 400 `invalid_cursor`; and a page
 * starts after a position, never at an offset, so items added or removed meanwhile never make
 * another item appear twice or not at all.
 * @module
 */
import { DEFAULT_LIMIT, type Page } from '@partnerkit/core/schemas';
import { problems } from './problem.js';
import { randomToken } from './random.js';

/** A sort key: compared element by element; numbers as numbers, strings by code unit. */
export type SortKey = readonly (string | number)[];

export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

interface Issued {
  list: string;
  filters: string;
  after: SortKey;
}

/** The cursors one backend issued. */
export class Cursors {
  readonly #issued = new Map<string, Issued>();

  /**
   * One page of `items` (in any order) sorted by `keyOf` ascending (make a key descending by
   * negating numbers). `list` and `filters` bind the cursors to the list they walk.
   */
  page<T>(items: Iterable<T>, keyOf: (item: T) => SortKey, query: { limit?: string; cursor?: string }, list: string, filters: object = {}): Page<T> {
    const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
    const bound = JSON.stringify(filters, Object.keys(filters).sort());
    let after: SortKey | null = null;
    if (query.cursor !== undefined) {
      const issued = this.#issued.get(query.cursor);
      if (!issued || issued.list !== list || issued.filters !== bound) throw problems.invalidCursor();
      after = issued.after;
    }
    const sorted = [...items]
      .map((item) => ({ item, key: keyOf(item) }))
      .filter(({ key }) => after === null || compareKeys(key, after) > 0)
      .sort((a, b) => compareKeys(a.key, b.key));
    const data = sorted.slice(0, limit);
    const last = data.at(-1);
    let nextCursor: string | null = null;
    if (sorted.length > limit && last) {
      nextCursor = `cur_${randomToken(18)}`;
      this.#issued.set(nextCursor, { list, filters: bound, after: last.key });
    }
    return { data: data.map(({ item }) => item), nextCursor };
  }
}
