/**
 * Applying due tier changes (when new numbers arrive, and from the periodic sweep): upgrades at
 * once, pending downgrades once due, exactly as core's `evaluateTierStanding` and
 * `dueTierChange` decide.
 * @module
 */
import { currentPeriod, dueTierChange, evaluateTierStanding } from '@partnerkit/core/rules';
import { type Queryable, toIso } from '../db/database.js';
import { loadKpis, loadTiers } from '../store/catalogue.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { loadMeasurements } from '../store/partners.js';

/**
 * Re-evaluates each partner's tier over the current quarter (the scorecard's default period),
 * from the moment it entered its tier (`tier_since`, so it drops at most a rank per period), and
 * applies what is due, emitting `tier.changed` and restarting `tier_since`. Runs inside the
 * caller's transaction.
 */
export async function applyDueTierChanges(tx: Queryable, partnerIds: readonly string[], now: Date): Promise<number> {
  const tiers = await loadTiers(tx);
  if (tiers.length === 0 || partnerIds.length === 0) return 0;
  const kpis = await loadKpis(tx);
  const period = currentPeriod('quarter', now);
  const events: NewEvent[] = [];
  // Locked in id order, so two evaluations never wait on each other crosswise. NO KEY UPDATE
  // (what an UPDATE of tier_id takes anyway) serialises evaluations of one partner without
  // blocking the foreign-key checks of its measurements and deals being written meanwhile.
  for (const partnerId of [...new Set(partnerIds)].sort()) {
    const { rows } = await tx.query<{ tier_id: string | null; tier_since: unknown }>('SELECT tier_id, tier_since FROM partners WHERE id = $1 FOR NO KEY UPDATE', [partnerId]);
    const row = rows[0];
    if (!row) continue;
    const measurements = await loadMeasurements(tx, partnerId);
    const currentTierSince = new Date(toIso(row.tier_since));
    const standing = evaluateTierStanding({ tiers, kpis, measurements, period, currentTierId: row.tier_id, currentTierSince, now });
    const change = dueTierChange(standing, now);
    if (!change) continue;
    // The new tier is held from now (not from when the change fell due): a downgrade applied
    // late never lets the next rank follow on a period the partner spent above it.
    await tx.query('UPDATE partners SET tier_id = $2, updated_at = $3, tier_since = $3 WHERE id = $1', [partnerId, change.tier.id, now]);
    events.push({ type: 'tier.changed', partnerId, data: { partnerId, from: row.tier_id, to: change.tier.id, kind: change.kind, period } });
  }
  await appendEvents(tx, events, now);
  return events.length;
}
