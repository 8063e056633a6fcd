/**
 * Selection criteria as rows and as the contract's `SelectionCriterion`: every read and write of
 * `selection_criteria`.
 * @module
 */
import type { PartnerType, SelectionCriterion, SelectionCriterionInput } from '@partnerkit/core/schemas';
import type { Queryable } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

/** A row of `selection_criteria`, as read. */
export type SelectionCriterionRow = {
  id: string;
  name: string;
  description: string | null;
  weight: number;
  levels: SelectionCriterion['levels'];
  knock_out_min: number | null;
  partner_types: PartnerType[];
  position: number;
  translations: SelectionCriterion['translations'] | null;
  created_at: Date;
  updated_at: Date;
};

const COLUMNS = 'id, name, description, weight, levels, knock_out_min, partner_types, position, translations, created_at, updated_at';

/** The one mapping of a criterion row to the contract. */
export function criterionFromRow(row: SelectionCriterionRow): SelectionCriterion {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    weight: Number(row.weight),
    levels: row.levels,
    knockOutMin: row.knock_out_min === null ? null : Number(row.knock_out_min),
    partnerTypes: row.partner_types,
    position: Number(row.position),
    ...(row.translations ? { translations: row.translations } : {}),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Criteria are listed in display order: the position is `[position, id]`. */
export const CRITERION_POSITION: PositionShape = ['number', 'string'];

/** A page of criteria in display order. */
export async function listCriteria(q: Queryable, window: PageWindow): Promise<PageSlice<SelectionCriterion>> {
  const sql = new SqlBuilder();
  if (window.after) sql.where(`(position, id) > (${sql.param(window.after[0])}, ${sql.param(window.after[1])})`);
  const { rows } = await q.query<SelectionCriterionRow>(`SELECT ${COLUMNS} FROM selection_criteria ${sql.whereClause()} ORDER BY position, id LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [Number(r.position), r.id], criterionFromRow);
}

/** Every criterion, in display order: what scoring reads (a programme has tens, not thousands). */
export async function allCriteria(q: Queryable): Promise<SelectionCriterion[]> {
  const { rows } = await q.query<SelectionCriterionRow>(`SELECT ${COLUMNS} FROM selection_criteria ORDER BY position, id`);
  return rows.map(criterionFromRow);
}

/** One criterion, or null. */
export async function getCriterion(q: Queryable, id: string): Promise<SelectionCriterion | null> {
  const { rows } = await q.query<SelectionCriterionRow>(`SELECT ${COLUMNS} FROM selection_criteria WHERE id = $1`, [id]);
  return rows[0] ? criterionFromRow(rows[0]) : null;
}

/** Stores the whole criterion under `id`; `created` says whether the id was new. */
export async function upsertCriterion(tx: Queryable, id: string, input: SelectionCriterionInput, now: Date): Promise<{ criterion: SelectionCriterion; created: boolean }> {
  const { rows } = await tx.query<SelectionCriterionRow & { created: boolean }>(
    `INSERT INTO selection_criteria (id, name, description, weight, levels, knock_out_min, partner_types, position, translations, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8, $9::jsonb, $10, $10)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, weight = EXCLUDED.weight, levels = EXCLUDED.levels,
       knock_out_min = EXCLUDED.knock_out_min, partner_types = EXCLUDED.partner_types, position = EXCLUDED.position,
       translations = EXCLUDED.translations, updated_at = EXCLUDED.updated_at
     RETURNING ${COLUMNS}, (xmax = 0) AS created`,
    [
      id,
      input.name,
      input.description ?? null,
      input.weight,
      JSON.stringify(input.levels),
      input.knockOutMin ?? null,
      JSON.stringify(input.partnerTypes ?? []),
      input.position ?? 0,
      input.translations ? JSON.stringify(input.translations) : null,
      now,
    ],
  );
  const row = rows[0] as SelectionCriterionRow & { created: boolean };
  return { criterion: criterionFromRow(row), created: row.created };
}

/** Deletes a criterion; false when there is none. A criterion an evaluation scored fails on its foreign key. */
export async function deleteCriterion(tx: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('DELETE FROM selection_criteria WHERE id = $1', [id]);
  return rowCount > 0;
}
