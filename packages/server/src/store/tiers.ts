/**
 * Tiers: the programme's ordered levels, as rows and as the contract's `Tier`.
 * @module
 */
import type { Tier, TierBenefit, TierInput, TierRequirement } from '@partnerkit/core/schemas';
import { isUniqueViolation, type Queryable, type Transaction } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

/** A row of `tiers`. */
export interface TierRow {
  id: string;
  rank: number;
  name: string;
  colour: string;
  benefits: TierBenefit[];
  requirements: TierRequirement[];
  deal_protection_days: number;
  translations: NonNullable<Tier['translations']>;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, rank, name, colour, benefits, requirements, deal_protection_days, translations, created_at, updated_at';

/** The one mapping of a tier row to the contract. */
export function tierFromRow(row: TierRow): Tier {
  return {
    id: row.id,
    rank: row.rank,
    name: row.name,
    colour: row.colour,
    benefits: row.benefits,
    requirements: row.requirements,
    dealProtectionDays: row.deal_protection_days,
    translations: row.translations,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Tiers are listed by rank: the position is `[rank, id]`. */
export const TIER_POSITION: PositionShape = ['number', 'string'];

/** A page of tiers, lowest rank first. */
export async function listTiers(q: Queryable, window: PageWindow): Promise<PageSlice<Tier>> {
  const sql = new SqlBuilder();
  if (window.after) sql.where(`(rank, id) > (${sql.param(window.after[0])}, ${sql.param(window.after[1])})`);
  const { rows } = await q.query<TierRow>(`SELECT ${COLUMNS} FROM tiers ${sql.whereClause()} ORDER BY rank, id LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [r.rank, r.id], tierFromRow);
}

/** Every tier, lowest rank first. */
export async function allTiers(q: Queryable): Promise<Tier[]> {
  const { rows } = await q.query<TierRow>(`SELECT ${COLUMNS} FROM tiers ORDER BY rank, id`);
  return rows.map(tierFromRow);
}

/** One tier, or null. */
export async function getTier(q: Queryable, id: string): Promise<Tier | null> {
  const { rows } = await q.query<TierRow>(`SELECT ${COLUMNS} FROM tiers WHERE id = $1`, [id]);
  return rows[0] ? tierFromRow(rows[0]) : null;
}

/** Every tier's rank, by id (resource gates compare ranks). */
export async function tierRanks(q: Queryable): Promise<Map<string, number>> {
  const { rows } = await q.query<{ id: string; rank: number }>('SELECT id, rank FROM tiers');
  return new Map(rows.map((r) => [r.id, r.rank]));
}

/** What {@link putTier} did: created or replaced the tier, or found its rank taken by another. */
export type PutTier = { tier: Tier; created: boolean } | { rankTaken: true };

/** Creates tier `id` or replaces it whole. */
export async function putTier(q: Queryable, id: string, input: TierInput, now: Date): Promise<PutTier> {
  try {
    const { rows } = await q.query<TierRow & { inserted: boolean }>(
      `INSERT INTO tiers (id, rank, name, colour, benefits, requirements, deal_protection_days, translations, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $9::jsonb, $8, $8)
       ON CONFLICT (id) DO UPDATE SET rank = EXCLUDED.rank, name = EXCLUDED.name, colour = EXCLUDED.colour,
         benefits = EXCLUDED.benefits, requirements = EXCLUDED.requirements,
         deal_protection_days = EXCLUDED.deal_protection_days, translations = EXCLUDED.translations, updated_at = EXCLUDED.updated_at
       RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
      [id, input.rank, input.name, input.colour, JSON.stringify(input.benefits), JSON.stringify(input.requirements), input.dealProtectionDays, now, JSON.stringify(input.translations ?? {})],
    );
    const row = rows[0] as TierRow & { inserted: boolean };
    return { tier: tierFromRow(row), created: row.inserted };
  } catch (error) {
    if (isUniqueViolation(error, 'tiers_rank_key')) return { rankTaken: true };
    throw error;
  }
}

/** Who still needs a tier: the partners holding it and the resources it gates. */
export interface TierUses {
  partners: number;
  resources: number;
}

/** Locks tier `id` and counts its uses; null when there is no such tier. */
export async function lockTierUses(tx: Transaction, id: string): Promise<TierUses | null> {
  const { rows } = await tx.query('SELECT id FROM tiers WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0]) return null;
  const { rows: uses } = await tx.query<{ partners: number; resources: number }>(
    `SELECT (SELECT count(*) FROM partners WHERE tier_id = $1)::int AS partners,
            (SELECT count(*) FROM resources WHERE min_tier_id = $1)::int AS resources`,
    [id],
  );
  return { partners: uses[0]?.partners ?? 0, resources: uses[0]?.resources ?? 0 };
}

export async function deleteTier(tx: Transaction, id: string): Promise<void> {
  await tx.query('DELETE FROM tiers WHERE id = $1', [id]);
}

/** Days an approval protects a deal of `partnerId`: its tier's, or null without a tier. */
export async function partnerProtectionDays(q: Queryable, partnerId: string): Promise<number | null> {
  const { rows } = await q.query<{ days: number }>('SELECT t.deal_protection_days AS days FROM partners p JOIN tiers t ON t.id = p.tier_id WHERE p.id = $1', [partnerId]);
  return rows[0]?.days ?? null;
}
