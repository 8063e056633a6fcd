/**
 * Applying due tier changes (when new numbers arrive, and from the periodic sweep): upgrades at
 * once, pending downgrades once due, exactly as core's `evaluateTierStanding` and
 * `dueTierChange` decide.
 * @module
 */
import { currentPeriod, dueTierChange, evaluateTierStanding, type PartnerCertifications } from '@partnerkit/core/rules';
import type { Queryable, Transaction } from '../db/database.js';
import { partnerCertificates } from '../store/certificates.js';
import { allTierRequirements } from '../store/certification-requirements.js';
import { certificationNames } from '../store/certifications.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { allKpis } from '../store/kpis.js';
import { partnerMeasurements } from '../store/measurements.js';
import { lockPartnerTier, setPartnerTier } from '../store/partners.js';
import { allTiers } from '../store/tiers.js';

/** The programme's side of tier evaluation's certifications: each tier's requirements and the certifications' names. */
export type CertificationProgramme = Omit<PartnerCertifications, 'certificates'>;

/** Reads the tiers' certification requirements and the certifications' names, once per evaluation. */
export async function certificationProgramme(q: Queryable): Promise<CertificationProgramme> {
  const [requirements, certifications] = await Promise.all([allTierRequirements(q), certificationNames(q)]);
  return { requirements, certifications };
}

/** A partner's certifications as core's tier rules and scorecard read them. */
export async function partnerCertificationsOf(q: Queryable, partnerId: string, programme?: CertificationProgramme): Promise<PartnerCertifications> {
  const [known, certificates] = await Promise.all([programme ?? certificationProgramme(q), partnerCertificates(q, partnerId)]);
  return { ...known, certificates };
}

/**
 * Re-evaluates each partner's tier over the current quarter (the scorecard's default period),
 * from the moment it entered its tier (`tier_since`, so it drops at most a rank per period), and
 * applies what is due, emitting `tier.changed` and restarting `tier_since`. Runs inside the
 * caller's transaction.
 */
export async function applyDueTierChanges(tx: Transaction, partnerIds: readonly string[], now: Date): Promise<number> {
  const tiers = await allTiers(tx);
  if (tiers.length === 0 || partnerIds.length === 0) return 0;
  const kpis = await allKpis(tx);
  const programme = await certificationProgramme(tx);
  const period = currentPeriod('quarter', now);
  const events: NewEvent[] = [];
  // Locked in id order, so two evaluations never wait on each other crosswise.
  for (const partnerId of [...new Set(partnerIds)].sort()) {
    const held = await lockPartnerTier(tx, partnerId);
    if (!held) continue;
    const measurements = await partnerMeasurements(tx, partnerId);
    // The tiers' certification requirements and computed KPIs read the partner's certificates.
    const certifications = await partnerCertificationsOf(tx, partnerId, programme);
    const standing = evaluateTierStanding({ tiers, kpis, measurements, period, currentTierId: held.tierId, currentTierSince: held.tierSince, now, certifications });
    const change = dueTierChange(standing, now);
    if (!change) continue;
    // The new tier is held from now (not from when the change fell due): a downgrade applied
    // late never lets the next rank follow on a period the partner spent above it.
    await setPartnerTier(tx, partnerId, change.tier.id, now);
    events.push({ type: 'tier.changed', partnerId, data: { partnerId, from: held.tierId, to: change.tier.id, kind: change.kind, period } });
  }
  await appendEvents(tx, events, now);
  return events.length;
}
