/**
 * The server secret: signs session tokens, pagination cursors and application form tokens.
 * @module
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { base64url, hmacSha256, randomBytes } from './random.js';

/** File name of the generated secret inside the data directory. */
export const SECRET_FILE = 'session-secret';
/** The environment variable that supplies the secret. */
export const SECRET_ENV = 'PARTNERKIT_SECRET';
const MIN_SECRET_LENGTH = 32;

/** Keys derived from the secret, one per purpose, so no two uses share a key. */
export interface ServerKeys {
  /** HS256 key of session tokens. */
  session: Uint8Array;
  /** HMAC key of pagination cursors. */
  cursor: Uint8Array;
  /** HMAC key of the application form's tokens. */
  form: Uint8Array;
}

function checkedSecret(secret: string, origin: string): string {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`${origin} must be at least ${MIN_SECRET_LENGTH} characters of random text (e.g. \`openssl rand -base64 48\`)`);
  }
  return secret;
}

function secretFromFile(dataDir: string): string {
  const path = join(dataDir, SECRET_FILE);
  try {
    // Written once with `wx` so two processes starting together cannot both write one.
    writeFileSync(path, `${base64url(randomBytes(48))}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Owner-only, even if the file was copied in with looser permissions.
  chmodSync(path, 0o600);
  return checkedSecret(readFileSync(path, 'utf8').trim(), path);
}

async function secretFromDatabase(db: Database): Promise<string> {
  await db.query('INSERT INTO settings (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [
    'session_secret',
    base64url(randomBytes(48)),
    new Date(),
  ]);
  const { rows } = await db.query<{ value: string }>('SELECT value FROM settings WHERE name = $1', ['session_secret']);
  const value = rows[0]?.value;
  if (value === undefined) throw new Error('the session secret could not be stored in the database');
  return value;
}

/**
 * The server secret, in this order: the `secret` option; `PARTNERKIT_SECRET`; for an embedded
 * database, the file `session-secret` in the data directory (generated once, mode 0600); for
 * PostgreSQL, the `settings` table (generated once, shared by every server on the database);
 * for an in-memory database, a fresh one per process.
 */
export async function loadSecret(db: Database, options: { secret?: string; env?: Record<string, string | undefined> } = {}): Promise<string> {
  if (options.secret !== undefined) return checkedSecret(options.secret, 'the secret option');
  const fromEnv = (options.env ?? process.env)[SECRET_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return checkedSecret(fromEnv, SECRET_ENV);
  if (db.dataDir !== null) return secretFromFile(db.dataDir);
  if (db.driver === 'postgres') return secretFromDatabase(db);
  return base64url(randomBytes(48));
}

/** Derives one key per purpose from the secret. */
export async function deriveKeys(secret: string): Promise<ServerKeys> {
  const root = new TextEncoder().encode(secret);
  return {
    session: await hmacSha256(root, 'partnerkit/v1/session-token'),
    cursor: await hmacSha256(root, 'partnerkit/v1/cursor'),
    form: await hmacSha256(root, 'partnerkit/v1/form-token'),
  };
}
