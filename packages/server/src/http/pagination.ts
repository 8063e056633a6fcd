/**
 * Keyset pagination: `?limit=` and `?cursor=` in, `{ data, nextCursor }` out. Pages are read by
 * position (`WHERE (a, b) > ($1, $2) ORDER BY a, b LIMIT n`), so every page costs the same
 * however deep it is.
 * @module
 */
import { DEFAULT_LIMIT, type Page } from '@partnerkit/core/schemas';
import type { AppContext } from '../context.js';
import type { Row } from '../db/database.js';
import type { PageSlice, PageWindow, PositionShape } from '../store/page.js';
import type { Position } from './cursor.js';
import { problems } from './problem.js';

/** What a list query asks for. */
export interface PageRequest {
  limit: number;
  /** The position after which the page starts; null for the first page. */
  after: Position | null;
}

/** A list's name and the filters its cursors are bound to. */
export interface ListIdentity {
  list: string;
  filters: object;
}

/** Reads `limit` and `cursor` (already validated by the query schema). */
export async function pageRequest(ctx: AppContext, identity: ListIdentity, query: { limit?: string; cursor?: string }): Promise<PageRequest> {
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  const after = query.cursor === undefined ? null : await ctx.cursors.decode(query.cursor, identity.list, identity.filters);
  return { limit, after };
}

/**
 * The page from rows fetched with `LIMIT limit + 1`: the extra row only says another page exists.
 */
export async function pageFrom<T>(
  ctx: AppContext,
  identity: ListIdentity,
  request: PageRequest,
  rows: readonly Row[],
  positionOf: (row: Row) => Position,
  map: (row: Row) => T,
): Promise<Page<T>> {
  const pageRows = rows.slice(0, request.limit);
  const last = pageRows[pageRows.length - 1];
  const nextCursor =
    rows.length > request.limit && last !== undefined ? await ctx.cursors.encode(identity.list, identity.filters, positionOf(last)) : null;
  return { data: pageRows.map(map), nextCursor };
}

/** The position's value at `index` as a string; a cursor of another shape is invalid. */
export function positionString(position: Position, index: number): string {
  const value = position[index];
  if (typeof value !== 'string') throw problems.invalidCursor();
  return value;
}

/** The position's value at `index` as a number. */
export function positionNumber(position: Position, index: number): number {
  const value = position[index];
  if (typeof value !== 'number') throw problems.invalidCursor();
  return value;
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
