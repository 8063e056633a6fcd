/**
 * The sweep's tier part: applies tier changes that fall due with no new numbers (a pending
 * downgrade whose grace period ended, an upgrade nothing triggered), as core's `dueTierChange`
 * decides, at most once per interval for the whole fleet.
 * @module
 */
import type { Database } from '../db/database.js';
import { partnerIdsAfter } from '../store/partners.js';
import { claimSetting, releaseSetting } from '../store/settings.js';
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
 * Evaluates every partner's tier at `now` and applies what is due, in batches of partners, each
 * batch one transaction with its events (the row locks of {@link applyDueTierChanges}, so it
 * serialises with measurement writes for the same partners). Does nothing when another
 * evaluation was claimed less than `intervalMs` ago; a failed one is released, so the next sweep
 * tries again. Idempotent: a partner whose change was applied has nothing due any more.
 */
export async function sweepTierChanges(db: Database, now: Date, intervalMs: number): Promise<TierSweepReport> {
  // One atomic claim: of several servers sharing the database, one evaluates and the others skip.
  if (!(await claimSetting(db, CLAIM, now, new Date(now.getTime() - intervalMs)))) return { evaluated: 0, changed: 0 };
  const report: TierSweepReport = { evaluated: 0, changed: 0 };
  try {
    let after = '';
    for (;;) {
      const ids = await partnerIdsAfter(db, after, BATCH_SIZE);
      if (ids.length === 0) break;
      report.changed += await db.transaction((tx) => applyDueTierChanges(tx, ids, now));
      report.evaluated += ids.length;
      after = ids[ids.length - 1] as string;
    }
  } catch (error) {
    await releaseSetting(db, CLAIM, now).catch(() => {});
    throw error;
  }
  return report;
}
