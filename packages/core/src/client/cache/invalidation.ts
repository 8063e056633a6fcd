/**
 * Which cached collections a mutation of one collection makes stale.
 * @module
 */

/**
 * Scorecards (under `partners/`) embed tiers and KPIs and are computed from targets and
 * measurements, so changes to those reach into `partners`. Every mutation may append to the
 * event log.
 */
const AFFECTS: Readonly<Record<string, readonly string[]>> = {
  tiers: ['tiers', 'partners'],
  kpis: ['kpis', 'partners'],
  partners: ['partners'],
  measurements: ['partners'],
  deals: ['deals'],
  resources: ['resources'],
  sessions: [],
};

/** The collections to invalidate after a mutation below `collection`. */
export function affectedBy(collection: string): ReadonlySet<string> {
  return new Set([...(AFFECTS[collection] ?? [collection]), 'events']);
}
