/**
 * Partners, targets and measurements as rows and as contract objects.
 * @module
 */
import type { Measurement, Partner, Target } from '@partnerkit/core/schemas';
import { type Queryable, type Row, toIso } from '../db/database.js';

export function mapPartner(row: Row): Partner {
  return {
    id: row.id as string,
    name: row.name as string,
    type: row.type as Partner['type'],
    status: row.status as Partner['status'],
    tierId: (row.tier_id as string | null) ?? null,
    tierSince: toIso(row.tier_since),
    region: (row.region as string | null) ?? null,
    country: (row.country as string | null) ?? null,
    website: (row.website as string | null) ?? null,
    domains: row.domains as string[],
    manager: (row.manager as Partner['manager']) ?? null,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function mapTarget(row: Row): Target {
  return {
    partnerId: row.partner_id as string,
    kpiId: row.kpi_id as string,
    period: row.period as string,
    value: Number(row.value),
    updatedAt: toIso(row.updated_at),
  };
}

export function mapMeasurement(row: Row): Measurement {
  return {
    partnerId: row.partner_id as string,
    kpiId: row.kpi_id as string,
    period: row.period as string,
    value: Number(row.value),
    source: (row.source as string | null) ?? null,
    recordedAt: toIso(row.recorded_at),
  };
}

/** One partner, or null. `lock` takes a row lock for the rest of the transaction. */
export async function loadPartner(q: Queryable, id: string, { lock = false } = {}): Promise<Partner | null> {
  const { rows } = await q.query(`SELECT * FROM partners WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? mapPartner(rows[0]) : null;
}

/** Days an approval protects a deal of `partnerId`: its tier's, or null without a tier. */
export async function tierProtectionDays(q: Queryable, partnerId: string): Promise<number | null> {
  const { rows } = await q.query<{ days: number | null }>(
    'SELECT t.deal_protection_days AS days FROM partners p JOIN tiers t ON t.id = p.tier_id WHERE p.id = $1',
    [partnerId],
  );
  const days = rows[0]?.days;
  return days === null || days === undefined ? null : Number(days);
}

/** Every measurement of one partner (by the primary key's prefix). */
export async function loadMeasurements(q: Queryable, partnerId: string): Promise<Measurement[]> {
  const { rows } = await q.query('SELECT * FROM measurements WHERE partner_id = $1 ORDER BY kpi_id, period', [partnerId]);
  return rows.map(mapMeasurement);
}

/** Every target of one partner. */
export async function loadTargets(q: Queryable, partnerId: string): Promise<Target[]> {
  const { rows } = await q.query('SELECT * FROM targets WHERE partner_id = $1 ORDER BY kpi_id, period', [partnerId]);
  return rows.map(mapTarget);
}

/** The names of the partners `ids` (duplicates allowed), by id: deals carry their partner's name. */
export async function partnerNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; name: string }>('SELECT id, name FROM partners WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [
    JSON.stringify([...new Set(ids)]),
  ]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which of `ids` exist in `table` (partners, kpis or tiers). */
export async function existingIds(q: Queryable, table: 'partners' | 'kpis' | 'tiers', ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await q.query<{ id: string }>(`SELECT id FROM ${table} WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`, [
    JSON.stringify([...new Set(ids)]),
  ]);
  return new Set(rows.map((r) => r.id));
}
