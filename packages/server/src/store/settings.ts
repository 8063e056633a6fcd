/**
 * Server-wide settings: named text values shared by every server on the database (the session
 * secret of a PostgreSQL deployment, the seed's plan, the tier sweep's claim, why the deal search
 * has no trigram indexes). Every read and write of `settings`.
 * @module
 */
import type { Queryable } from '../db/database.js';

/** The value of setting `name`, or null. */
export async function readSetting(q: Queryable, name: string): Promise<string | null> {
  const { rows } = await q.query<{ value: string }>('SELECT value FROM settings WHERE name = $1', [name]);
  return rows[0]?.value ?? null;
}

/** Sets `name` to `value`, whether or not it was set. */
export async function writeSetting(q: Queryable, name: string, value: string, now: Date): Promise<void> {
  await q.query('INSERT INTO settings (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value', [name, value, now]);
}

/** Sets `name` to `value` unless it is set already (the first of several servers wins); the value it holds. */
export async function settleSetting(q: Queryable, name: string, value: string, now: Date): Promise<string> {
  await q.query('INSERT INTO settings (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [name, value, now]);
  const settled = await readSetting(q, name);
  if (settled === null) throw new Error(`the setting ${name} could not be stored in the database`);
  return settled;
}

/**
 * Claims `name` at `now` (its value becomes the time) unless another claim is more recent than
 * `staleBefore`: one atomic statement, so of several servers one wins. True when this call won.
 */
export async function claimSetting(q: Queryable, name: string, now: Date, staleBefore: Date): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO settings (name, value, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value WHERE settings.value::timestamptz <= $4
     RETURNING name`,
    [name, now.toISOString(), now, staleBefore],
  );
  return rows.length > 0;
}

/** Gives up the claim of `name` made at `now` (so the next attempt need not wait). */
export async function releaseSetting(q: Queryable, name: string, claimedAt: Date): Promise<void> {
  await q.query('DELETE FROM settings WHERE name = $1 AND value = $2', [name, claimedAt.toISOString()]);
}
