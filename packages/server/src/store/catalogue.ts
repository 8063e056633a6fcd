/**
 * Tiers and KPIs as rows and as contract objects: the programme's configuration.
 * @module
 */
import type { Kpi, Tier } from '@partnerkit/core/schemas';
import { type Queryable, type Row, toIso } from '../db/database.js';

export function mapTier(row: Row): Tier {
  return {
    id: row.id as string,
    rank: Number(row.rank),
    name: row.name as string,
    colour: row.colour as string,
    benefits: row.benefits as Tier['benefits'],
    requirements: row.requirements as Tier['requirements'],
    dealProtectionDays: Number(row.deal_protection_days),
    translations: row.translations as NonNullable<Tier['translations']>,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function mapKpi(row: Row): Kpi {
  return {
    id: row.id as string,
    name: row.name as string,
    description: (row.description as string | null) ?? null,
    unit: row.unit as Kpi['unit'],
    direction: row.direction as Kpi['direction'],
    aggregation: row.aggregation as Kpi['aggregation'],
    weight: Number(row.weight),
    currency: (row.currency as string | null) ?? null,
    translations: row.translations as NonNullable<Kpi['translations']>,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** Every tier, lowest rank first. */
export async function loadTiers(q: Queryable): Promise<Tier[]> {
  const { rows } = await q.query('SELECT * FROM tiers ORDER BY rank, id');
  return rows.map(mapTier);
}

/** Every KPI, in the programme's order (by name). */
export async function loadKpis(q: Queryable): Promise<Kpi[]> {
  const { rows } = await q.query('SELECT * FROM kpis ORDER BY name, id');
  return rows.map(mapKpi);
}
