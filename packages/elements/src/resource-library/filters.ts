/**
 * The library's filters as one value: what is sent to the server, which chips show, and how a
 * page's facet counts become the options of each facet.
 * @module
 */
import type { ResourceListParams } from '@partnerkit/core/client';
import type { ResourceFacets, ResourceSort, ResourceType } from '@partnerkit/core/schemas';

/** The facets the server counts, in the order the toolbar shows them. */
export const FACETS = ['type', 'tag', 'language'] as const;
export type FacetName = (typeof FACETS)[number];

/** A filter a person can set and clear: a facet or the search text. */
export type FilterName = FacetName | 'q';

/** What the library shows: three facet values, the search text and the order. Unset = any. */
export interface ResourceFilters {
  type?: ResourceType | undefined;
  tag?: string | undefined;
  language?: string | undefined;
  q?: string | undefined;
  sort: ResourceSort;
}

/** The most the contract allows in one page, and the library's default page size. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** A page size the contract accepts: a whole number from 1 to 200 (50 for anything else). */
export function clampPageSize(value: unknown): number {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

/** The filters that are set, as `[name, value]` pairs in toolbar order (search last), trimmed. */
export function activeFilters(filters: ResourceFilters): Array<[FilterName, string]> {
  return (['type', 'tag', 'language', 'q'] as const).flatMap((name): Array<[FilterName, string]> => {
    const value = filters[name]?.trim();
    return value ? [[name, value]] : [];
  });
}

/**
 * The query of `client.resources.list()` for `filters`: only set filters, then `sort`, `limit`
 * and the `cursor` of the page to continue from.
 */
export function listQuery(filters: ResourceFilters, limit: number, cursor?: string | null): ResourceListParams {
  const query: ResourceListParams = { ...Object.fromEntries(activeFilters(filters)), sort: filters.sort, limit: clampPageSize(limit) };
  if (cursor) query.cursor = cursor;
  return query;
}

/** One option of a facet: its value and how many resources of the filtered result have it. */
export interface FacetOption {
  value: string;
  count: number;
}

/**
 * The options of facet `name` from a page's counts: values with at least one resource, most
 * frequent first (ties by value), plus the selected value even when its count fell to zero, so
 * the control always shows what is applied.
 */
export function facetOptions(facets: ResourceFacets | undefined, name: FacetName, selected: string | undefined): FacetOption[] {
  const counts = facets?.[name] ?? {};
  const options = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  if (selected && !options.some((o) => o.value === selected)) options.unshift({ value: selected, count: counts[selected] ?? 0 });
  return options;
}
