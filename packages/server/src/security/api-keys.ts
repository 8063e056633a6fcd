/**
 * Admin API keys: created by the operator, shown once, stored as a SHA-256 hash.
 * @module
 */
import type { Queryable } from '../db/database.js';
import { type AdminKeyInfo, allAdminKeys, insertAdminKey, liveAdminKeyByHash, revokeAdminKeyRow } from '../store/api-keys.js';
import { base64url, newId, randomBytes, sha256Hex } from './random.js';

export type { AdminKeyInfo } from '../store/api-keys.js';

/** Every admin key starts with this, so it is recognisable (and scannable in leaked text). */
export const ADMIN_KEY_PREFIX = 'pk_admin_';

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
  await insertAdminKey(db, { id: info.id, name: info.name, prefix: info.prefix, hash: await sha256Hex(key), createdAt });
  return { ...info, key };
}

/** Every key, oldest first, without the keys themselves. */
export function listAdminKeys(db: Queryable): Promise<AdminKeyInfo[]> {
  return allAdminKeys(db);
}

/** Revokes a key at once; true when a live key was revoked. */
export function revokeAdminKey(db: Queryable, id: string): Promise<boolean> {
  return revokeAdminKeyRow(db, id, new Date());
}

/** The live key `key` names, or null. */
export async function findAdminKey(db: Queryable, key: string): Promise<{ id: string; name: string } | null> {
  if (!key.startsWith(ADMIN_KEY_PREFIX) || key.length > 200) return null;
  return liveAdminKeyByHash(db, await sha256Hex(key));
}
