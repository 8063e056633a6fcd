/**
 * Batched inserts for the seed: rows go in through `jsonb_to_recordset`, one parameter per batch.
 * @module
 */
import type { Queryable } from '../db/database.js';

const BATCH = 1000;

/** Inserts `rows` into `table` in batches, through `jsonb_to_recordset` (one parameter per batch). */
export async function insertBatched(q: Queryable, table: string, columns: Record<string, string>, rows: readonly Record<string, unknown>[]): Promise<void> {
  const names = Object.keys(columns);
  const definition = names.map((n) => `${n} ${columns[n]}`).join(', ');
  for (let start = 0; start < rows.length; start += BATCH) {
    await q.query(
      `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${definition})`,
      [JSON.stringify(rows.slice(start, start + BATCH))],
    );
  }
}
