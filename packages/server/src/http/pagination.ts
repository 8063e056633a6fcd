/**
 * Pagination over HTTP: `?limit=` and `?cursor=` in, `{ data, nextCursor }` out. The store reads
 * pages by position (`WHERE (a, b) > ($1, $2) ORDER BY a, b LIMIT n`, so every page costs the
 * same however deep it is); here positions become opaque, tamper-proof cursors bound to the list
 * and its filters.
 * @module
 */
import { DEFAULT_LIMIT, type Page } from '@partnerkit/core/schemas';
import type { AppContext } from '../context.js';
import type { PageSlice, PageWindow, PositionShape } from '../store/page.js';
import { problems } from './problem.js';

/** A list's name and the filters its cursors are bound to. */
export interface ListIdentity {
  list: string;
  filters: object;
}

/**
 * The window `limit` and `cursor` (already validated by the query schema) ask for. A cursor whose
 * position is not of the list's `shape` is refused as invalid.
 */
export async function pageWindow(ctx: AppContext, identity: ListIdentity, query: { limit?: string; cursor?: string }, shape: PositionShape): Promise<PageWindow> {
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  if (query.cursor === undefined) return { limit, after: null };
  const after = await ctx.cursors.decode(query.cursor, identity.list, identity.filters);
  if (after.length !== shape.length || after.some((value, i) => typeof value !== shape[i])) throw problems.invalidCursor();
  return { limit, after };
}

/** The answer of a list: the page's items and the cursor of the next page. */
export async function pageAnswer<T>(ctx: AppContext, identity: ListIdentity, slice: PageSlice<T>): Promise<Page<T>> {
  return { data: slice.items, nextCursor: slice.next === null ? null : await ctx.cursors.encode(identity.list, identity.filters, slice.next) };
}
