/**
 * Query parameters every list method takes. Each contract part declares its own filters beside
 * its namespace (`DealListParams` in `parts/deals.ts`), from the contract's query schemas.
 * @module
 */
import type { PageQuery } from '../schemas/page.js';

/**
 * `limit` (1-200, default 50) and `cursor` (a page's `nextCursor`; `null`, the last page's, means
 * "from the start", like leaving it out).
 *
 * @example
 * ```ts
 * const first = await client.tiers.list({ limit: 10 });
 * const second = first.nextCursor ? await client.tiers.list({ limit: 10, cursor: first.nextCursor }) : null;
 * ```
 */
export interface ListParams {
  limit?: number | undefined;
  cursor?: string | null | undefined;
}

/** A list query schema's type without the paging fields: what a part adds to {@link ListParams}. */
export type Filters<Q> = Omit<Q, keyof PageQuery>;
