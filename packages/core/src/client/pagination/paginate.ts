/**
 * Async iteration over every item of a cursor-paginated list.
 * @module
 */
import type { Page } from '../../schemas/page.js';
import { ResponseValidationError, type FailedRequest } from '../errors/index.js';

/**
 * Yields the items of every page, following `nextCursor` until it is null. Pages are fetched
 * one at a time, only as the loop asks for more; breaking out stops fetching.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  options: { firstCursor?: string | undefined; request: FailedRequest },
): AsyncGenerator<T, void, undefined> {
  let cursor = options.firstCursor;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.data;
    if (page.nextCursor === null) return;
    // A backend that hands back a cursor it gave before would keep us looping forever.
    if (seen.has(page.nextCursor) || page.nextCursor === cursor) {
      throw new ResponseValidationError({
        request: options.request,
        status: 200,
        requestId: null,
        issues: [{ path: 'nextCursor', message: 'repeats a cursor of an earlier page' }],
      });
    }
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}
