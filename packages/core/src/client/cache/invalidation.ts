/**
 * Which cached collections a mutation makes stale. Each contract part says what its writes
 * affect (a write to tiers reaches into partners, whose scorecards embed tiers), so the base
 * client needs no table of every part.
 * @module
 */

/**
 * The collections a write invalidates (first path segments below `/v1/`: `deals`, `partners`);
 * `undefined` means the collection written to, `null` nothing at all (a question such as
 * `POST deals/check`, not a write).
 */
export type Invalidates = readonly string[] | null | undefined;

/** Every write may append to the event log. */
const ALWAYS = 'events';

/** The collections to invalidate after a mutation below `collection`. */
export function affectedBy(collection: string, invalidates: Invalidates): ReadonlySet<string> {
  if (invalidates === null) return new Set();
  return new Set([...(invalidates ?? [collection]), ALWAYS]);
}
