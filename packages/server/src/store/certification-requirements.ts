/**
 * Each tier's certification requirements. Every read and write of `tier_certification_requirements`.
 * @module
 */
import type { CertificationRequirement, TierCertificationRequirements } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

interface RequirementsRow {
  tier_id: string;
  rank: number;
  requirements: CertificationRequirement[] | null;
  updated_at: Date | null;
}

const fromRow = (row: RequirementsRow): TierCertificationRequirements => ({
  tierId: row.tier_id,
  requirements: row.requirements ?? [],
  updatedAt: row.updated_at?.toISOString() ?? null,
});

const SELECT = `SELECT t.id AS tier_id, t.rank, r.requirements, r.updated_at FROM tiers t LEFT JOIN tier_certification_requirements r ON r.tier_id = t.id`;

/** Every tier's requirements list by rank. */
export const REQUIREMENTS_POSITION: PositionShape = ['number', 'string'];

export async function listTierRequirements(q: Queryable, window: PageWindow): Promise<PageSlice<TierCertificationRequirements>> {
  const after = window.after ? 'WHERE (t.rank, t.id) > ($1, $2)' : '';
  const { rows } = await q.query<RequirementsRow>(`${SELECT} ${after} ORDER BY t.rank, t.id LIMIT ${window.limit + 1}`, window.after ? [...window.after] : []);
  return slicePage(rows, window, (r) => [r.rank, r.tier_id], fromRow);
}

/** Every tier's requirements (for checking a partner). */
export async function allTierRequirements(q: Queryable): Promise<TierCertificationRequirements[]> {
  const { rows } = await q.query<RequirementsRow>(`${SELECT} ORDER BY t.rank, t.id`);
  return rows.map(fromRow);
}

/** A tier's requirements, or null when there is no such tier. */
export async function getTierRequirements(q: Queryable, tierId: string): Promise<TierCertificationRequirements | null> {
  const { rows } = await q.query<RequirementsRow>(`${SELECT} WHERE t.id = $1`, [tierId]);
  return rows[0] ? fromRow(rows[0]) : null;
}

export async function putTierRequirements(tx: Transaction, tierId: string, requirements: readonly CertificationRequirement[], now: Date): Promise<TierCertificationRequirements> {
  await tx.query(
    `INSERT INTO tier_certification_requirements (tier_id, requirements, updated_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (tier_id) DO UPDATE SET requirements = EXCLUDED.requirements, updated_at = EXCLUDED.updated_at`,
    [tierId, JSON.stringify(requirements), now],
  );
  return { tierId, requirements: [...requirements], updatedAt: now.toISOString() };
}
