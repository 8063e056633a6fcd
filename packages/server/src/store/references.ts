/**
 * Which of the ids a request refers to exist: the checks that answer 400 at the field naming an
 * unknown tier, KPI or partner, before anything is written.
 * @module
 */
import type { Queryable } from '../db/database.js';

/** The tables requests refer to by id. */
export type ReferencedTable = 'partners' | 'kpis' | 'tiers' | 'resources' | 'certifications';

/** Which of `ids` exist in `table`. */
export async function existingIds(q: Queryable, table: ReferencedTable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await q.query<{ id: string }>(`SELECT id FROM ${table} WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`, [JSON.stringify([...new Set(ids)])]);
  return new Set(rows.map((r) => r.id));
}
