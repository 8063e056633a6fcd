/**
 * Admin API keys as stored: a SHA-256 of each key, never the key. Every read and write of
 * `api_keys` (creating and checking keys is `security/api-keys.ts`).
 * @module
 */
import type { Queryable } from '../db/database.js';

/** A row of `api_keys`, without its hash. */
export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  revoked_at: Date | null;
}

/** A key as listed: never the key itself. */
export interface AdminKeyInfo {
  id: string;
  name: string;
  /** The key's first characters, to tell keys apart. */
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

/** The one mapping of a key row. */
export function adminKeyFromRow(row: ApiKeyRow): AdminKeyInfo {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at.toISOString(), revokedAt: row.revoked_at?.toISOString() ?? null };
}

export async function insertAdminKey(q: Queryable, key: { id: string; name: string; prefix: string; hash: string; createdAt: Date }): Promise<void> {
  await q.query('INSERT INTO api_keys (id, name, key_hash, prefix, created_at) VALUES ($1, $2, $3, $4, $5)', [key.id, key.name, key.hash, key.prefix, key.createdAt]);
}

/** Every key, oldest first. */
export async function allAdminKeys(q: Queryable): Promise<AdminKeyInfo[]> {
  const { rows } = await q.query<ApiKeyRow>('SELECT id, name, prefix, created_at, revoked_at FROM api_keys ORDER BY created_at, id');
  return rows.map(adminKeyFromRow);
}

/** Revokes key `id` at `now`; false when there is no live key of that id. */
export async function revokeAdminKeyRow(q: Queryable, id: string, now: Date): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, now]);
  return rowCount > 0;
}

/** The live key whose hash is `hash`, or null. */
export async function liveAdminKeyByHash(q: Queryable, hash: string): Promise<{ id: string; name: string } | null> {
  const { rows } = await q.query<{ id: string; name: string }>('SELECT id, name FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL', [hash]);
  return rows[0] ?? null;
}
