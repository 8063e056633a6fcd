/**
 * Measurements: one value per partner, KPI and month, as rows and as the contract's `Measurement`.
 * @module
 */
import type { Measurement, MeasurementListQuery } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

/** A row of `measurements`. */
export interface MeasurementRow {
  partner_id: string;
  kpi_id: string;
  period: string;
  value: number;
  source: string | null;
  recorded_at: Date;
}

const COLUMNS = 'partner_id, kpi_id, period, value, source, recorded_at';

/** The one mapping of a measurement row to the contract. */
export function measurementFromRow(row: MeasurementRow): Measurement {
  return { partnerId: row.partner_id, kpiId: row.kpi_id, period: row.period, value: row.value, source: row.source, recordedAt: row.recorded_at.toISOString() };
}

/** The filters of a partner's measurement list. */
export type MeasurementFilter = Omit<MeasurementListQuery, 'limit' | 'cursor'>;

/** Measurements are listed by period and KPI: the position is `[period, kpiId]`. */
export const MEASUREMENT_POSITION: PositionShape = ['string', 'string'];

/** A page of one partner's measurements. */
export async function listMeasurements(q: Queryable, partnerId: string, filter: MeasurementFilter, window: PageWindow): Promise<PageSlice<Measurement>> {
  const sql = new SqlBuilder();
  sql.where(`partner_id = ${sql.param(partnerId)}`);
  if (filter.kpiId) sql.where(`kpi_id = ${sql.param(filter.kpiId)}`);
  if (filter.from) sql.where(`period >= ${sql.param(filter.from)}`);
  if (filter.to) sql.where(`period <= ${sql.param(filter.to)}`);
  if (window.after) sql.where(`(period, kpi_id) > (${sql.param(window.after[0])}, ${sql.param(window.after[1])})`);
  const { rows } = await q.query<MeasurementRow>(`SELECT ${COLUMNS} FROM measurements ${sql.whereClause()} ORDER BY period, kpi_id LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [r.period, r.kpi_id], measurementFromRow);
}

/** Every measurement of one partner (by the primary key's prefix): what scorecards and tiers read. */
export async function partnerMeasurements(q: Queryable, partnerId: string): Promise<Measurement[]> {
  const { rows } = await q.query<MeasurementRow>(`SELECT ${COLUMNS} FROM measurements WHERE partner_id = $1 ORDER BY kpi_id, period`, [partnerId]);
  return rows.map(measurementFromRow);
}

/** One value to record. */
export interface NewMeasurement {
  partnerId: string;
  kpiId: string;
  period: string;
  value: number;
  source: string | null;
}

/** Records values by (partner, KPI, period), replacing earlier ones (the caller de-duplicates); answers how many. */
export async function upsertMeasurements(tx: Transaction, measurements: readonly NewMeasurement[], now: Date): Promise<number> {
  const { rowCount } = await tx.query(
    `INSERT INTO measurements (partner_id, kpi_id, period, value, source, recorded_at)
     SELECT m.partner_id, m.kpi_id, m.period, m.value, m.source, $2
       FROM jsonb_to_recordset($1::jsonb) AS m(partner_id text, kpi_id text, period text, value float8, source text)
     ON CONFLICT (partner_id, kpi_id, period) DO UPDATE
       SET value = EXCLUDED.value, source = EXCLUDED.source, recorded_at = EXCLUDED.recorded_at`,
    [JSON.stringify(measurements.map((m) => ({ partner_id: m.partnerId, kpi_id: m.kpiId, period: m.period, value: m.value, source: m.source }))), now],
  );
  return rowCount;
}
