/**
 * KPIs: what the programme measures, as rows and as the contract's `Kpi`.
 * @module
 */
import type { Kpi, KpiInput } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

/** A row of `kpis`. */
export interface KpiRow {
  id: string;
  name: string;
  description: string | null;
  unit: Kpi['unit'];
  direction: Kpi['direction'];
  aggregation: Kpi['aggregation'];
  weight: number;
  currency: string | null;
  source: NonNullable<Kpi['source']>;
  translations: NonNullable<Kpi['translations']>;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, description, unit, direction, aggregation, weight, currency, source, translations, created_at, updated_at';

/** The one mapping of a KPI row to the contract. */
export function kpiFromRow(row: KpiRow): Kpi {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    unit: row.unit,
    direction: row.direction,
    aggregation: row.aggregation,
    weight: row.weight,
    currency: row.currency,
    source: row.source,
    translations: row.translations,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** KPIs are listed by name: the position is `[name, id]`. */
export const KPI_POSITION: PositionShape = ['string', 'string'];

/** A page of KPIs, by name. */
export async function listKpis(q: Queryable, window: PageWindow): Promise<PageSlice<Kpi>> {
  const sql = new SqlBuilder();
  if (window.after) sql.where(`(name, id) > (${sql.param(window.after[0])}, ${sql.param(window.after[1])})`);
  const { rows } = await q.query<KpiRow>(`SELECT ${COLUMNS} FROM kpis ${sql.whereClause()} ORDER BY name, id LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [r.name, r.id], kpiFromRow);
}

/** Every KPI, in the programme's order (by name). */
export async function allKpis(q: Queryable): Promise<Kpi[]> {
  const { rows } = await q.query<KpiRow>(`SELECT ${COLUMNS} FROM kpis ORDER BY name, id`);
  return rows.map(kpiFromRow);
}

/** One KPI, or null. */
export async function getKpi(q: Queryable, id: string): Promise<Kpi | null> {
  const { rows } = await q.query<KpiRow>(`SELECT ${COLUMNS} FROM kpis WHERE id = $1`, [id]);
  return rows[0] ? kpiFromRow(rows[0]) : null;
}

/** Creates KPI `id` or replaces it whole; says which. */
export async function putKpi(q: Queryable, id: string, input: KpiInput, now: Date): Promise<{ kpi: Kpi; created: boolean }> {
  const { rows } = await q.query<KpiRow & { inserted: boolean }>(
    `INSERT INTO kpis (id, name, description, unit, direction, aggregation, weight, currency, translations, source, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $10::jsonb, $11, $9, $9)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, unit = EXCLUDED.unit,
       direction = EXCLUDED.direction, aggregation = EXCLUDED.aggregation, weight = EXCLUDED.weight,
       currency = EXCLUDED.currency, translations = EXCLUDED.translations, source = EXCLUDED.source, updated_at = EXCLUDED.updated_at
     RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
    [id, input.name, input.description ?? null, input.unit, input.direction, input.aggregation, input.weight, input.currency ?? null, now, JSON.stringify(input.translations ?? {}), input.source ?? 'measurements'],
  );
  const row = rows[0] as KpiRow & { inserted: boolean };
  return { kpi: kpiFromRow(row), created: row.inserted };
}

/** What still refers to a KPI: tier requirements that name it, targets, measurements. */
export interface KpiUses {
  tierRequirements: number;
  targets: boolean;
  measurements: boolean;
  planObjectives: boolean;
}

/** Locks KPI `id` and finds its uses; null when there is no such KPI. */
export async function lockKpiUses(tx: Transaction, id: string): Promise<KpiUses | null> {
  const { rows } = await tx.query('SELECT id FROM kpis WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0]) return null;
  const { rows: uses } = await tx.query<{ tiers: number; targets: boolean; measurements: boolean; plans: boolean }>(
    `SELECT (SELECT count(*) FROM tiers WHERE requirements @> jsonb_build_array(jsonb_build_object('kpiId', $1::text)))::int AS tiers,
            EXISTS (SELECT 1 FROM targets WHERE kpi_id = $1) AS targets,
            EXISTS (SELECT 1 FROM measurements WHERE kpi_id = $1) AS measurements,
            EXISTS (SELECT 1 FROM plan_objectives WHERE kpi_id = $1) AS plans`,
    [id],
  );
  const use = uses[0];
  return { tierRequirements: use?.tiers ?? 0, targets: use?.targets ?? false, measurements: use?.measurements ?? false, planObjectives: use?.plans ?? false };
}

export async function deleteKpi(tx: Transaction, id: string): Promise<void> {
  await tx.query('DELETE FROM kpis WHERE id = $1', [id]);
}
