/**
 * Tier qualification: which tier a partner's numbers earn, what is missing for the next one,
 * and the grace rule that turns a failed tier into a pending (not immediate) downgrade.
 * @module
 */
import type {
  Certification,
  CertificationCheck,
  CertificationExpiry,
  Kpi,
  Measurement,
  RequirementCheck,
  Tier,
  TierCertificationRequirements,
  TierRequirement,
  TierStanding,
} from '../schemas/index.js';
import { figuresInstant, withComputedKpis } from './computed-kpis.js';
import { checkCertificationRequirement, expiryWarnings, type HeldCertificate } from './enablement.js';
import { kpiActual } from './kpi-values.js';
import { DAY_MS, monthsOf, periodBounds, shiftPeriod, trailingMonths } from './periods.js';

/**
 * Days a partner keeps its tier after the end of a complete period in which it no longer met
 * the tier's requirements. Re-qualifying before then cancels the downgrade.
 */
export const DOWNGRADE_GRACE_DAYS = 30;

type MeasurementLike = Pick<Measurement, 'kpiId' | 'period' | 'value' | 'recordedAt'>;

/** Tiers ordered by rank, lowest first (ties keep their given order). */
export function sortTiers<T extends Pick<Tier, 'rank'>>(tiers: readonly T[]): T[] {
  return [...tiers].sort((a, b) => a.rank - b.rank);
}

/** The months a requirement is measured over: its trailing window, or the period itself. */
export function requirementMonths(requirement: Pick<TierRequirement, 'window'>, period: string): string[] {
  return requirement.window === undefined ? monthsOf(period) : trailingMonths(period, requirement.window);
}

/**
 * Checks one requirement over `period` (or its trailing `window` of months).
 *
 * - higher-is-better KPIs meet it at `actual >= min`; lower-is-better KPIs at `actual <= min`;
 * - no data never meets a requirement: qualification needs evidence;
 * - `missing` is how far the partner still is, in the KPI's unit (0 when met). Without data a
 *   higher-is-better gap counts from 0 (the whole `min`); a lower-is-better gap cannot be known
 *   and is reported as 0 with `met: false`;
 * - a requirement on a KPI that does not exist (`kpi` undefined) is never met.
 */
export function checkRequirement(
  requirement: TierRequirement,
  kpi: Pick<Kpi, 'id' | 'aggregation' | 'direction'> | undefined,
  measurements: readonly MeasurementLike[],
  period: string,
): RequirementCheck {
  const base = {
    kpiId: requirement.kpiId,
    min: requirement.min,
    ...(requirement.window === undefined ? {} : { window: requirement.window }),
  };
  const actual = kpi ? kpiActual(kpi, measurements, requirementMonths(requirement, period)) : null;
  const lowerIsBetter = kpi?.direction === 'lower_is_better';
  if (actual === null) {
    return { ...base, actual: null, met: false, missing: lowerIsBetter ? 0 : requirement.min };
  }
  const met = lowerIsBetter ? actual <= requirement.min : actual >= requirement.min;
  const missing = met ? 0 : lowerIsBetter ? actual - requirement.min : requirement.min - actual;
  return { ...base, actual, met, missing };
}

/** Every requirement of a tier, checked; empty for a tier without requirements. */
export function checkTier(
  tier: Pick<Tier, 'requirements'>,
  kpis: readonly Kpi[],
  measurements: readonly MeasurementLike[],
  period: string,
): RequirementCheck[] {
  const byId = new Map(kpis.map((k) => [k.id, k]));
  return tier.requirements.map((r) => checkRequirement(r, byId.get(r.kpiId), measurements, period));
}

/** True when every requirement of the tier is met (always, for a tier without requirements). */
export function meetsTier(
  tier: Pick<Tier, 'requirements'>,
  kpis: readonly Kpi[],
  measurements: readonly MeasurementLike[],
  period: string,
): boolean {
  return checkTier(tier, kpis, measurements, period).every((c) => c.met);
}

/**
 * The highest-ranked tier whose requirements are all met over `period`; null when none is.
 * Each tier is judged on its own requirements: a higher tier does not need the lower ones.
 */
export function qualifiedTier<T extends Tier>(
  tiers: readonly T[],
  kpis: readonly Kpi[],
  measurements: readonly MeasurementLike[],
  period: string,
): T | null {
  const highestFirst = sortTiers(tiers).reverse();
  return highestFirst.find((t) => meetsTier(t, kpis, measurements, period)) ?? null;
}

/** The tier ranked just above `current` (the lowest tier when `current` is null); null at the top. */
export function tierAbove<T extends Tier>(tiers: readonly T[], current: Pick<Tier, 'rank'> | null): T | null {
  return sortTiers(tiers).find((t) => current === null || t.rank > current.rank) ?? null;
}

/** The tier ranked just below `current`; null for the lowest tier. */
export function tierBelow<T extends Tier>(tiers: readonly T[], current: Pick<Tier, 'rank'>): T | null {
  return sortTiers(tiers).reverse().find((t) => t.rank < current.rank) ?? null;
}

/**
 * A partner's certifications as tier evaluation reads them: each tier's certification
 * requirements, the certifications (for their names) and the partner's certificates. They decide
 * the tiers' certification requirements and the values of computed KPIs (`certified_staff`).
 */
export interface PartnerCertifications {
  /** Each tier's certification requirements; a tier left out requires none. */
  requirements: readonly Pick<TierCertificationRequirements, 'tierId' | 'requirements'>[];
  /** The programme's certifications: a requirement names its certification with them. */
  certifications: readonly Pick<Certification, 'id' | 'name' | 'translations'>[];
  /** The partner's certificates (held by its people). */
  certificates: readonly HeldCertificate[];
}

const named = (certifications: PartnerCertifications['certifications'], id: string) => {
  const certification = certifications.find((c) => c.id === id);
  const translations = certification?.translations;
  return { certificationId: id, name: certification?.name ?? id, ...(translations ? { translations: Object.fromEntries(Object.entries(translations).map(([tag, t]) => [tag, t.name === undefined ? {} : { name: t.name }])) } : {}) };
};

/**
 * A tier's certification requirements against the certificates valid at `at`, each named: "1
 * more person certified in Technical Implementation". Empty for a tier that requires none.
 */
export function checkTierCertificationStanding(tierId: string, certifications: PartnerCertifications | undefined, at: Date): CertificationCheck[] {
  if (!certifications) return [];
  const requirements = certifications.requirements.find((r) => r.tierId === tierId)?.requirements ?? [];
  return requirements.map((r) => {
    const check = checkCertificationRequirement(r, certifications.certificates, at);
    return { ...named(certifications.certifications, r.certificationId), required: check.required, held: check.held, missing: check.missing, met: check.met };
  });
}

/** The expiries within {@link EXPIRY_WARNING_DAYS} of `now` that would leave the partner short of `tierId`'s certification requirements, each named. */
export function tierExpiryWarnings(tierId: string, certifications: PartnerCertifications | undefined, now: Date): CertificationExpiry[] {
  if (!certifications) return [];
  const requirements = certifications.requirements.find((r) => r.tierId === tierId)?.requirements ?? [];
  return expiryWarnings(tierId, requirements, certifications.certificates, now).map((w) => ({
    ...named(certifications.certifications, w.certificationId),
    required: w.required,
    held: w.held,
    expiring: w.expiring,
    shortOn: w.shortOn,
    before: w.before,
  }));
}

/**
 * The months whose values tier evaluation over `period` reads: every requirement's window for
 * `period` and the period before it (the one a downgrade is judged on).
 */
export function evaluatedMonths(tiers: readonly Pick<Tier, 'requirements'>[], period: string): string[] {
  const longest = Math.max(0, ...tiers.flatMap((t) => t.requirements.map((r) => r.window ?? 0)));
  return trailingMonths(period, Math.max(longest, monthsOf(period).length) + monthsOf(period).length);
}

/** Input of {@link evaluateTierStanding}. */
export interface TierStandingInput {
  tiers: readonly Tier[];
  kpis: readonly Kpi[];
  /** One partner's measurements. */
  measurements: readonly MeasurementLike[];
  period: string;
  /** The tier the partner holds now; an id of no listed tier counts as none. */
  currentTierId: string | null;
  /**
   * When the partner entered its current tier (by an upgrade, a downgrade, an admin's edit or
   * joining the programme with it). A downgrade is judged only on a complete period that ended
   * after this moment, so a partner never drops two ranks on one failing period. Absent, every
   * complete period is judged as if the partner had always held its tier (the behaviour before
   * this input existed): a partner that failed two tiers in one period then drops a rank per
   * evaluation. Backends should pass it.
   */
  currentTierSince?: Date;
  /** Decides whether `period` is complete yet (default: the present). */
  now?: Date;
  /**
   * The partner's certifications: tiers' certification requirements count like KPI requirements
   * (checked at the end of the period judged, at `now` while it runs), and computed KPIs take
   * their values from the certificates. Absent: no tier requires certifications.
   */
  certifications?: PartnerCertifications;
}

/**
 * The partner's tier standing over `period`.
 *
 * - `qualified` is the highest tier met over `period`; an upgrade to it applies at once.
 * - `requirements` checks the current tier; `next` is the tier just above it (the lowest tier
 *   for a partner without one) with every requirement checked (`met` ones have `missing: 0`).
 * - Downgrades are never immediate and never skip a rank. A downgrade is judged on a complete
 *   period only: `period` itself once it has ended at `now`, else the period before it, and only
 *   when that period ended after the partner entered its current tier (`currentTierSince`; a
 *   partner that just moved keeps its tier until a period it held it in has been judged). When
 *   the partner fails its current tier in that period and has not re-qualified in `period`, the
 *   tier one rank below becomes `pending`, effective {@link DOWNGRADE_GRACE_DAYS} days after the
 *   end of the judged period. The lowest tier is a floor: nobody is dropped out of the programme
 *   by these rules.
 * - Without `currentTierSince` every complete period is judged, however recently the partner
 *   entered its tier: a partner failing two tiers in one period then drops a rank per
 *   evaluation. Pass it.
 */
export function evaluateTierStanding(input: TierStandingInput): TierStanding {
  const { tiers, kpis, period, certifications } = input;
  const now = input.now ?? new Date();
  const measurements = certifications
    ? withComputedKpis({ kpis, measurements: input.measurements, certificates: certifications.certificates, months: evaluatedMonths(tiers, period), now })
    : input.measurements;
  const certificationsMet = (tier: Tier, over: string) => checkTierCertificationStanding(tier.id, certifications, figuresInstant(over, now)).every((c) => c.met);
  const meets = (tier: Tier, over: string) => meetsTier(tier, kpis, measurements, over) && certificationsMet(tier, over);
  const current = tiers.find((t) => t.id === input.currentTierId) ?? null;
  const qualified = sortTiers(tiers).reverse().find((t) => meets(t, period)) ?? null;
  const above = tierAbove(tiers, current);
  const at = figuresInstant(period, now);
  const next = above ? { tier: above, gaps: checkTier(above, kpis, measurements, period), certifications: checkTierCertificationStanding(above.id, certifications, at) } : null;

  let pending: TierStanding['pending'] = null;
  const below = current ? tierBelow(tiers, current) : null;
  if (current && below && (qualified?.rank ?? 0) < current.rank) {
    const periodEnded = periodBounds(period).end.getTime() <= now.getTime();
    const judged = periodEnded ? period : shiftPeriod(period, -1);
    const judgedEnd = periodBounds(judged).end.getTime();
    // A period that ended before the partner entered its tier was judged already (it is what
    // moved the partner down) or preceded a decision to place it there: it says nothing new.
    const heldInJudged = input.currentTierSince === undefined || judgedEnd > input.currentTierSince.getTime();
    if (heldInJudged && !meets(current, judged)) {
      const effectiveAt = new Date(judgedEnd + DOWNGRADE_GRACE_DAYS * DAY_MS);
      pending = { tier: below, effectiveAt: effectiveAt.toISOString() };
    }
  }

  return {
    current,
    qualified,
    requirements: current ? checkTier(current, kpis, measurements, period) : [],
    certifications: current ? checkTierCertificationStanding(current.id, certifications, at) : [],
    next,
    pending,
    isTop: current !== null && above === null,
    expiring: current ? tierExpiryWarnings(current.id, certifications, now) : [],
  };
}

/**
 * What a backend should apply now: an upgrade to the qualified tier (immediate, may skip
 * ranks), a pending downgrade whose `effectiveAt` has passed, or nothing.
 */
export function dueTierChange(standing: TierStanding, now: Date): { kind: 'upgrade' | 'downgrade'; tier: Tier } | null {
  const { current, qualified, pending } = standing;
  if (qualified && (current === null || qualified.rank > current.rank)) return { kind: 'upgrade', tier: qualified };
  if (pending && Date.parse(pending.effectiveAt) <= now.getTime()) return { kind: 'downgrade', tier: pending.tier };
  return null;
}
