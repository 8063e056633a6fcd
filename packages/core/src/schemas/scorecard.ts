/**
 * Scorecards: per-KPI actual vs target, the weighted score and the partner's tier standing.
 * Computed by `computeScorecard` in core's rules, on the server and in the widgets alike.
 * @module
 */
import * as z from 'zod/mini';
import { CalendarDate, Id, Period, Timestamp, text } from './common.js';
import { Kpi } from './kpi.js';
import { Partner } from './partner.js';
import { Tier } from './tier.js';
import { translation, translations } from './translations.js';

export const SCORECARD_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_target', 'no_data'] as const;
export const ScorecardStatus = /* @__PURE__ */ z.enum(SCORECARD_STATUSES);
export type ScorecardStatus = z.infer<typeof ScorecardStatus>;

export const TrendPoint = /* @__PURE__ */ z.object({ period: Period, value: z.nullable(z.number()) });
export type TrendPoint = z.infer<typeof TrendPoint>;

export const ScorecardRow = /* @__PURE__ */ z.object({
  kpi: Kpi,
  /** The KPI's value over the period, aggregated by the KPI's aggregation; null without data. */
  actual: z.nullable(z.number()),
  target: z.nullable(z.number()),
  /** `partner` for a partner-specific target, `tier` for the next tier's requirement. */
  targetSource: z.nullable(z.enum(['partner', 'tier'])),
  /** Ratio of actual to target, direction-aware (1 = target met exactly); null without both. */
  attainment: z.nullable(z.number()),
  status: ScorecardStatus,
  /** Oldest first, ending with the scorecard's period. */
  trend: z.array(TrendPoint),
});
export type ScorecardRow = z.infer<typeof ScorecardRow>;

/** One tier requirement checked against the partner's numbers. */
export const RequirementCheck = /* @__PURE__ */ z.object({
  kpiId: Id,
  /** The level to reach: at least this for higher-is-better KPIs, at most this for lower-is-better. */
  min: z.number(),
  window: z.optional(z.int()),
  actual: z.nullable(z.number()),
  met: z.boolean(),
  /** How far the partner still is from the level, in the KPI's unit; 0 when met. */
  missing: z.number(),
});
export type RequirementCheck = z.infer<typeof RequirementCheck>;

/** A certification's `name` in one language. */
export const CertificationNameTranslation = /* @__PURE__ */ translation({ name: text(200) });

const certificationNamed = {
  certificationId: Id,
  /** The certification's name, with its translations: a scorecard names it without another request. */
  name: text(200),
  translations: z.optional(translations(CertificationNameTranslation)),
  /** People the tier requires certified in it. */
  required: z.int(),
  /** People holding a valid certificate of it. */
  held: z.int(),
};

/** One certification requirement of a tier ("1 person certified in Technical Implementation") checked against the partner's valid certificates. */
export const CertificationCheck = /* @__PURE__ */ z.object({
  ...certificationNamed,
  /** How many more people need it; 0 when met. */
  missing: z.int(),
  met: z.boolean(),
});
export type CertificationCheck = z.infer<typeof CertificationCheck>;

/**
 * Certificates expiring within 60 days would leave the partner short of its tier's requirement:
 * "2 certifications expire before 2027-02-01; Silver needs 2".
 */
export const CertificationExpiry = /* @__PURE__ */ z.object({
  ...certificationNamed,
  /** Certified people whose last valid certificate of it expires before `before`. */
  expiring: z.int(),
  /** The first day the partner falls short. */
  shortOn: CalendarDate,
  /** The end of the warning horizon. */
  before: CalendarDate,
});
export type CertificationExpiry = z.infer<typeof CertificationExpiry>;

export const TierStanding = /* @__PURE__ */ z.object({
  /** The tier the partner holds now. */
  current: z.nullable(Tier),
  /** The highest tier whose requirements the partner meets over the period. */
  qualified: z.nullable(Tier),
  /** Checks for the current tier's requirements. */
  requirements: z.array(RequirementCheck),
  /** Checks for the current tier's certification requirements, at the period's end (now for the current period). */
  certifications: z.array(CertificationCheck),
  /** The tier above the current one and what is missing for it: its KPI requirements and its certifications; null at the top. */
  next: z.nullable(z.object({ tier: Tier, gaps: z.array(RequirementCheck), certifications: z.array(CertificationCheck) })),
  /** Expiries within 60 days of now that would leave the partner short of its current tier's certification requirements. */
  expiring: z.array(CertificationExpiry),
  /** A downgrade held for review instead of applied at once. */
  pending: z.nullable(z.object({ tier: Tier, effectiveAt: Timestamp })),
  isTop: z.boolean(),
});
export type TierStanding = z.infer<typeof TierStanding>;

export const Scorecard = /* @__PURE__ */ z.object({
  partner: z.pick(Partner, { id: true, name: true, type: true, tierId: true, tierSince: true }),
  period: Period,
  generatedAt: Timestamp,
  rows: z.array(ScorecardRow),
  /** Weighted overall score, 0-100; null when no KPI has both a target and data. */
  score: z.nullable(z.number()),
  tier: TierStanding,
  /** Periods of the same grain that hold data, newest first: what a period picker offers. */
  availablePeriods: z.array(Period),
});
export type Scorecard = z.infer<typeof Scorecard>;
