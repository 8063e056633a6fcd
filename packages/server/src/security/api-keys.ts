/**
 * Admin API keys: created by the operator, shown once, stored as a SHA-256 hash.
 * @module
 */
import type { Queryable } from '../db/database.js';
import { toIso, toIsoOrNull } from '../db/database.js';
import { base64url, newId, randomBytes, sha256Hex } from './random.js';

/** Every admin key starts with this, so it is recognisable (and scannable in leaked text). */
export const ADMIN_KEY_PREFIX = 'pk_admin_';

/** A key as listed: never the key itself. */
export interface AdminKeyInfo {
  id: string;
  name: string;
  /** The key's first characters, to tell keys apart. */
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A newly created key: `key` is shown this once and cannot be recovered. */
export interface CreatedAdminKey extends AdminKeyInfo {
  key: string;
}

/**
 * Creates an admin key named `name` and returns it once. The key carries 256 random bits, so a
 * plain SHA-256 is enough to store it (a slow password hash protects guessable secrets, not these).
 */
export async function createAdminKey(db: Queryable, options: { name: string }): Promise<CreatedAdminKey> {
  const name = options.name.trim();
  if (name === '' || name.length > 100) throw new RangeError('an admin key needs a name of 1-100 characters');
  const key = `${ADMIN_KEY_PREFIX}${base64url(randomBytes(32))}`;
  const createdAt = new Date();
  const info: AdminKeyInfo = { id: newId('key', createdAt), name, prefix: key.slice(0, ADMIN_KEY_PREFIX.length + 6), createdAt: createdAt.toISOString(), revokedAt: null };
  await db.query('INSERT INTO api_keys (id, name, key_hash, prefix, created_at) VALUES ($1, $2, $3, $4, $5)', [
    info.id,
    info.name,
    await sha256Hex(key),
    info.prefix,
    createdAt,
  ]);
  return { ...info, key };
}

/** Every key, oldest first, without the keys themselves. */
export async function listAdminKeys(db: Queryable): Promise<AdminKeyInfo[]> {
  const { rows } = await db.query('SELECT id, name, prefix, created_at, revoked_at FROM api_keys ORDER BY created_at, id');
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    prefix: r.prefix as string,
    createdAt: toIso(r.created_at),
    revokedAt: toIsoOrNull(r.revoked_at),
  }));
}

/** Revokes a key at once; true when a live key was revoked. */
export async function revokeAdminKey(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, new Date()]);
  return rowCount > 0;
}

/** The live key `key` names, or null. */
export async function findAdminKey(db: Queryable, key: string): Promise<{ id: string; name: string } | null> {
  if (!key.startsWith(ADMIN_KEY_PREFIX) || key.length > 200) return null;
  const { rows } = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
    [await sha256Hex(key)],
  );
  return rows[0] ?? null;
}
