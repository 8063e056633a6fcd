/**
 * Scorecards: per-KPI actual vs target, the weighted score and the partner's tier standing.
 * Computed by `computeScorecard` in core's rules, on the server and in the widgets alike.
 * @module
 */
import * as z from 'zod/mini';
import { Id, Period, Timestamp } from './common.js';
import { Kpi } from './kpi.js';
import { Partner } from './partner.js';
import { Tier } from './tier.js';

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

export const TierStanding = /* @__PURE__ */ z.object({
  /** The tier the partner holds now. */
  current: z.nullable(Tier),
  /** The highest tier whose requirements the partner meets over the period. */
  qualified: z.nullable(Tier),
  /** Checks for the current tier's requirements. */
  requirements: z.array(RequirementCheck),
  /** The tier above the current one and what is missing for it; null at the top. */
  next: z.nullable(z.object({ tier: Tier, gaps: z.array(RequirementCheck) })),
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
