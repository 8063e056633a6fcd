/**
 * The sweep's tier part: applies tier changes that fall due with no new numbers (a pending
 * downgrade whose grace period ended, an upgrade nothing triggered), as core's `dueTierChange`
 * decides, at most once per interval for the whole fleet.
 * @module
 */
import type { Database } from '../db/database.js';
import { applyDueTierChanges } from './tier-evaluation.js';

/** How often the sweep evaluates every partner's tier by default: hourly. */
export const DEFAULT_TIER_SWEEP_INTERVAL_MS = 3_600_000;

/** Partners evaluated per transaction: few row locks held at a time, few round trips per lock. */
const BATCH_SIZE = 50;

/** The `settings` row recording when a server last claimed the evaluation of every tier. */
const CLAIM = 'tier_sweep_claimed_at';

/** What one tier sweep did. */
export interface TierSweepReport {
  /** Partners evaluated: 0 when the last evaluation is more recent than the interval. */
  evaluated: number;
  /** Tier changes applied, each with its `tier.changed` event. */
  changed: number;
}

/**
 * Claims the evaluation when none started within `intervalMs` before `now`: one atomic
 * statement, so of several servers sharing the database one wins and the others skip.
 */
async function claim(db: Database, now: Date, intervalMs: number): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO settings (name, value, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value WHERE settings.value::timestamptz <= $4
     RETURNING name`,
    [CLAIM, now.toISOString(), now, new Date(now.getTime() - intervalMs)],
  );
  return rows.length > 0;
}

/**
 * Evaluates every partner's tier at `now` and applies what is due, in batches of partners, each
 * batch one transaction with its events (the row locks of {@link applyDueTierChanges}, so it
 * serialises with measurement writes for the same partners). Does nothing when another
 * evaluation was claimed less than `intervalMs` ago; a failed one is released, so the next sweep
 * tries again. Idempotent: a partner whose change was applied has nothing due any more.
 */
export async function sweepTierChanges(db: Database, now: Date, intervalMs: number): Promise<TierSweepReport> {
  if (!(await claim(db, now, intervalMs))) return { evaluated: 0, changed: 0 };
  const report: TierSweepReport = { evaluated: 0, changed: 0 };
  try {
    let after = '';
    for (;;) {
      const { rows } = await db.query<{ id: string }>('SELECT id FROM partners WHERE id > $1 ORDER BY id LIMIT $2', [after, BATCH_SIZE]);
      if (rows.length === 0) break;
      const ids = rows.map((r) => r.id);
      report.changed += await db.transaction((tx) => applyDueTierChanges(tx, ids, now));
      report.evaluated += ids.length;
      after = ids[ids.length - 1] as string;
    }
  } catch (error) {
    await db.query('DELETE FROM settings WHERE name = $1 AND value = $2', [CLAIM, now.toISOString()]).catch(() => {});
    throw error;
  }
  return report;
}
