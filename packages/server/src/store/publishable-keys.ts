/**
 * Publishable keys as rows and as the contract's `PublishableKey`: every read and write of
 * `publishable_keys`. Revoked keys stay (applications name the key that submitted them) and are
 * invisible to every read here.
 * @module
 */
import type { PublishableKey, PublishableKeyPatch } from '@partnerkit/core/schemas';
import type { Queryable } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

/** A row of `publishable_keys`, as read. */
export type PublishableKeyRow = {
  seq: number;
  id: string;
  name: string;
  key: string;
  allowed_origins: string[];
  created_at: Date;
  updated_at: Date;
};

const COLUMNS = 'seq, id, name, key, allowed_origins, created_at, updated_at';
const LIVE = 'revoked_at IS NULL';

/** The one mapping of a key row to the contract. */
export function publishableKeyFromRow(row: PublishableKeyRow): PublishableKey {
  return {
    id: row.id,
    name: row.name,
    key: row.key,
    allowedOrigins: row.allowed_origins,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Keys are listed oldest first: the position is `[seq]`. */
export const PUBLISHABLE_KEY_POSITION: PositionShape = ['number'];

/** A page of live keys, oldest first. */
export async function listPublishableKeys(q: Queryable, window: PageWindow): Promise<PageSlice<PublishableKey>> {
  const sql = new SqlBuilder().where(LIVE);
  if (window.after) sql.where(`seq > ${sql.param(window.after[0])}`);
  const { rows } = await q.query<PublishableKeyRow>(`SELECT ${COLUMNS} FROM publishable_keys ${sql.whereClause()} ORDER BY seq LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [Number(r.seq)], publishableKeyFromRow);
}

/** One live key, or null. */
export async function getPublishableKey(q: Queryable, id: string): Promise<PublishableKey | null> {
  const { rows } = await q.query<PublishableKeyRow>(`SELECT ${COLUMNS} FROM publishable_keys WHERE id = $1 AND ${LIVE}`, [id]);
  return rows[0] ? publishableKeyFromRow(rows[0]) : null;
}

/** Stores a new key. */
export async function insertPublishableKey(tx: Queryable, key: { id: string; name: string; key: string; allowedOrigins: readonly string[]; now: Date }): Promise<PublishableKey> {
  const { rows } = await tx.query<PublishableKeyRow>(
    `INSERT INTO publishable_keys (id, name, key, allowed_origins, created_at, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5, $5) RETURNING ${COLUMNS}`,
    [key.id, key.name, key.key, JSON.stringify(key.allowedOrigins), key.now],
  );
  return publishableKeyFromRow(rows[0] as PublishableKeyRow);
}

/** Renames a live key or replaces its origins (already normalised); null when there is no such key. */
export async function updatePublishableKey(tx: Queryable, id: string, patch: PublishableKeyPatch, now: Date): Promise<PublishableKey | null> {
  const sql = new SqlBuilder();
  const sets = [`updated_at = ${sql.param(now)}`];
  if (patch.name !== undefined) sets.push(`name = ${sql.param(patch.name)}`);
  if (patch.allowedOrigins !== undefined) sets.push(`allowed_origins = ${sql.param(JSON.stringify(patch.allowedOrigins))}::jsonb`);
  const { rows } = await tx.query<PublishableKeyRow>(`UPDATE publishable_keys SET ${sets.join(', ')} WHERE id = ${sql.param(id)} AND ${LIVE} RETURNING ${COLUMNS}`, sql.params);
  return rows[0] ? publishableKeyFromRow(rows[0]) : null;
}

/** Revokes a live key at once; false when there is no such key. */
export async function revokePublishableKey(tx: Queryable, id: string, now: Date): Promise<boolean> {
  const { rowCount } = await tx.query(`UPDATE publishable_keys SET revoked_at = $2 WHERE id = $1 AND ${LIVE}`, [id, now]);
  return rowCount > 0;
}

/** The live key `key` names (its id and origins), or null. */
export async function findPublishableKey(q: Queryable, key: string): Promise<{ id: string; allowedOrigins: string[] } | null> {
  const { rows } = await q.query<{ id: string; allowed_origins: string[] }>(`SELECT id, allowed_origins FROM publishable_keys WHERE key = $1 AND ${LIVE}`, [key]);
  const row = rows[0];
  return row ? { id: row.id, allowedOrigins: row.allowed_origins } : null;
}

/** Every origin some live key lists: the origins a CORS preflight to a public operation may come from. */
export async function livePublishableOrigins(q: Queryable): Promise<Set<string>> {
  const { rows } = await q.query<{ origin: string }>(`SELECT DISTINCT jsonb_array_elements_text(allowed_origins) AS origin FROM publishable_keys WHERE ${LIVE}`);
  return new Set(rows.map((r) => r.origin));
}
