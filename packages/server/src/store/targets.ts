/**
 * Targets: what a partner should reach per KPI and period, as rows and as the contract's `Target`.
 * @module
 */
import type { Target, TargetListQuery } from '@partnerkit/core/schemas';
import type { Queryable } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

/** A row of `targets`. */
export interface TargetRow {
  partner_id: string;
  kpi_id: string;
  period: string;
  value: number;
  updated_at: Date;
}

const COLUMNS = 'partner_id, kpi_id, period, value, updated_at';

/** The one mapping of a target row to the contract. */
export function targetFromRow(row: TargetRow): Target {
  return { partnerId: row.partner_id, kpiId: row.kpi_id, period: row.period, value: row.value, updatedAt: row.updated_at.toISOString() };
}

/** The filters of a partner's target list. */
export type TargetFilter = Omit<TargetListQuery, 'limit' | 'cursor'>;

/** Targets are listed by KPI and period: the position is `[kpiId, period]`. */
export const TARGET_POSITION: PositionShape = ['string', 'string'];

/** A page of one partner's targets. */
export async function listTargets(q: Queryable, partnerId: string, filter: TargetFilter, window: PageWindow): Promise<PageSlice<Target>> {
  const sql = new SqlBuilder();
  sql.where(`partner_id = ${sql.param(partnerId)}`);
  if (filter.kpiId) sql.where(`kpi_id = ${sql.param(filter.kpiId)}`);
  if (filter.period) sql.where(`period = ${sql.param(filter.period)}`);
  if (window.after) sql.where(`(kpi_id, period) > (${sql.param(window.after[0])}, ${sql.param(window.after[1])})`);
  const { rows } = await q.query<TargetRow>(`SELECT ${COLUMNS} FROM targets ${sql.whereClause()} ORDER BY kpi_id, period LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [r.kpi_id, r.period], targetFromRow);
}

/** Every target of one partner (the scorecard's). */
export async function partnerTargets(q: Queryable, partnerId: string): Promise<Target[]> {
  const { rows } = await q.query<TargetRow>(`SELECT ${COLUMNS} FROM targets WHERE partner_id = $1 ORDER BY kpi_id, period`, [partnerId]);
  return rows.map(targetFromRow);
}

/** Sets targets of one partner (one per KPI and period; the caller de-duplicates); answers them as stored. */
export async function putTargets(q: Queryable, partnerId: string, targets: readonly { kpiId: string; period: string; value: number }[], now: Date): Promise<Target[]> {
  const { rows } = await q.query<TargetRow>(
    `INSERT INTO targets (partner_id, kpi_id, period, value, updated_at)
     SELECT $1, t.kpi_id, t.period, t.value, $3 FROM jsonb_to_recordset($2::jsonb) AS t(kpi_id text, period text, value float8)
     ON CONFLICT (partner_id, kpi_id, period) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
     RETURNING ${COLUMNS}`,
    [partnerId, JSON.stringify(targets.map((t) => ({ kpi_id: t.kpiId, period: t.period, value: t.value }))), now],
  );
  return rows.map(targetFromRow);
}
