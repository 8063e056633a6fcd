/**
 * Partners, as rows and as the contract's `Partner`.
 * @module
 */
import type { Partner, PartnerInput, PartnerListQuery, PartnerPatch, PartnerType } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { containsPattern, SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

/** A row of `partners`. */
export interface PartnerRow {
  id: string;
  name: string;
  type: Partner['type'];
  status: Partner['status'];
  tier_id: string | null;
  tier_since: Date;
  region: string | null;
  country: string | null;
  website: string | null;
  domains: string[];
  manager: Partner['manager'];
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, type, status, tier_id, tier_since, region, country, website, domains, manager, created_at, updated_at';

/** The one mapping of a partner row to the contract. */
export function partnerFromRow(row: PartnerRow): Partner {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status,
    tierId: row.tier_id,
    tierSince: row.tier_since.toISOString(),
    region: row.region,
    country: row.country,
    website: row.website,
    domains: row.domains,
    manager: row.manager,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The filters of the partner list, and the partner a caller is confined to (null: every partner). */
export type PartnerFilter = Omit<PartnerListQuery, 'limit' | 'cursor'> & { scope: string | null };

/** Partners are listed by name: the position is `[name, id]`. */
export const PARTNER_POSITION: PositionShape = ['string', 'string'];

/** A page of partners, by name. */
export async function listPartners(q: Queryable, filter: PartnerFilter, window: PageWindow): Promise<PageSlice<Partner>> {
  const sql = new SqlBuilder();
  if (filter.scope !== null) sql.where(`id = ${sql.param(filter.scope)}`);
  if (filter.type) sql.where(`type = ${sql.param(filter.type)}`);
  if (filter.status) sql.where(`status = ${sql.param(filter.status)}`);
  if (filter.tierId) sql.where(`tier_id = ${sql.param(filter.tierId)}`);
  if (filter.country) sql.where(`country = ${sql.param(filter.country.toUpperCase())}`);
  if (filter.region) sql.where(`lower(region) = lower(${sql.param(filter.region)})`);
  if (filter.q) sql.where(`name ILIKE ${sql.param(containsPattern(filter.q))}`);
  if (window.after) sql.where(`(name, id) > (${sql.param(window.after[0])}, ${sql.param(window.after[1])})`);
  const { rows } = await q.query<PartnerRow>(`SELECT ${COLUMNS} FROM partners ${sql.whereClause()} ORDER BY name, id LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [r.name, r.id], partnerFromRow);
}

/** One partner, or null. `lock` holds its row for the rest of the transaction. */
export async function getPartner(q: Queryable, id: string, { lock = false }: { lock?: boolean } = {}): Promise<Partner | null> {
  const { rows } = await q.query<PartnerRow>(`SELECT ${COLUMNS} FROM partners WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? partnerFromRow(rows[0]) : null;
}

/** Creates a partner with id `id`; it holds its tier from `input.tierSince`, else from `now`. */
export async function insertPartner(tx: Transaction, id: string, input: PartnerInput & { status: Partner['status'] }, now: Date): Promise<Partner> {
  const { rows } = await tx.query<PartnerRow>(
    `INSERT INTO partners (id, name, type, status, tier_id, region, country, website, domains, manager, created_at, updated_at, tier_since)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $11, $12) RETURNING ${COLUMNS}`,
    [
      id,
      input.name,
      input.type,
      input.status,
      input.tierId ?? null,
      input.region ?? null,
      input.country ?? null,
      input.website ?? null,
      JSON.stringify(input.domains ?? []),
      input.manager ? JSON.stringify(input.manager) : null,
      now,
      input.tierSince ?? now,
    ],
  );
  return partnerFromRow(rows[0] as PartnerRow);
}

/** The column of each field a patch may change, and whether it holds JSON. */
const PATCH_COLUMNS: Record<keyof PartnerPatch, { column: string; json?: true }> = {
  name: { column: 'name' },
  type: { column: 'type' },
  status: { column: 'status' },
  tierId: { column: 'tier_id' },
  tierSince: { column: 'tier_since' },
  region: { column: 'region' },
  country: { column: 'country' },
  website: { column: 'website' },
  domains: { column: 'domains', json: true },
  manager: { column: 'manager', json: true },
};

/**
 * Applies `patch` (its defined fields) to partner `id` at `now`; `tierSince` restarts at `now`
 * when `restartTier` says so (a new tier set without saying since when).
 */
export async function updatePartner(tx: Transaction, id: string, patch: PartnerPatch, now: Date, { restartTier = false } = {}): Promise<Partner> {
  const sql = new SqlBuilder();
  const sets: string[] = [];
  for (const [field, value] of Object.entries(patch) as [keyof PartnerPatch, unknown][]) {
    if (value === undefined) continue;
    const { column, json } = PATCH_COLUMNS[field];
    sets.push(json ? `${column} = ${sql.param(value === null ? null : JSON.stringify(value))}::jsonb` : `${column} = ${sql.param(value)}`);
  }
  sets.push(`updated_at = ${sql.param(now)}`);
  if (restartTier) sets.push(`tier_since = ${sql.param(now)}`);
  const { rows } = await tx.query<PartnerRow>(`UPDATE partners SET ${sets.join(', ')} WHERE id = ${sql.param(id)} RETURNING ${COLUMNS}`, sql.params);
  return partnerFromRow(rows[0] as PartnerRow);
}

/**
 * The tier a partner holds and since when, its row locked FOR NO KEY UPDATE (what an update of
 * `tier_id` takes anyway): evaluations of one partner serialise without blocking the foreign-key
 * checks of its measurements and deals. Null when there is no such partner.
 */
export async function lockPartnerTier(tx: Transaction, id: string): Promise<{ tierId: string | null; tierSince: Date } | null> {
  const { rows } = await tx.query<{ tier_id: string | null; tier_since: Date }>('SELECT tier_id, tier_since FROM partners WHERE id = $1 FOR NO KEY UPDATE', [id]);
  return rows[0] ? { tierId: rows[0].tier_id, tierSince: rows[0].tier_since } : null;
}

/** Moves partner `id` to `tierId`, held from `now`. */
export async function setPartnerTier(tx: Transaction, id: string, tierId: string, now: Date): Promise<void> {
  await tx.query('UPDATE partners SET tier_id = $2, updated_at = $3, tier_since = $3 WHERE id = $1', [id, tierId, now]);
}

/** Up to `limit` partner ids after `after`, in id order (batches over every partner). */
export async function partnerIdsAfter(q: Queryable, after: string, limit: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM partners WHERE id > $1 ORDER BY id LIMIT $2', [after, limit]);
  return rows.map((r) => r.id);
}

/** A partner's type and tier, which gate what it may open; null when there is no such partner. */
export async function partnerGates(q: Queryable, id: string): Promise<{ type: PartnerType; tierId: string | null } | null> {
  const { rows } = await q.query<{ type: PartnerType; tier_id: string | null }>('SELECT type, tier_id FROM partners WHERE id = $1', [id]);
  return rows[0] ? { type: rows[0].type, tierId: rows[0].tier_id } : null;
}

/** The names of the partners `ids` (duplicates allowed), by id: deals carry their partner's name. */
export async function partnerNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; name: string }>('SELECT id, name FROM partners WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [
    JSON.stringify([...new Set(ids)]),
  ]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Every partner's name, domains and website: what an applicant is matched against for duplicates
 * (a programme has hundreds or thousands of partners, read once per application submitted).
 */
export async function partnerIdentities(q: Queryable): Promise<{ id: string; name: string; domains: string[]; website: string | null }[]> {
  const { rows } = await q.query<{ id: string; name: string; domains: string[]; website: string | null }>('SELECT id, name, domains, website FROM partners ORDER BY seq');
  return rows;
}
