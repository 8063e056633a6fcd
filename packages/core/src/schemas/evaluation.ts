/**
 * Evaluations: one reviewer's scores of one application against the selection criteria, and what
 * the scores of every reviewer add up to. Reviewers score blind: the others' scores show only
 * after one has submitted one's own.
 * @module
 */
import * as z from 'zod/mini';
import { EmailAddress, Id, Timestamp, text } from './common.js';
import { CriterionScore } from './selection-criterion.js';

export const RECOMMENDATIONS = ['approve', 'discuss', 'decline'] as const;
/** What to do with an application: a reviewer's own view, or the one core's thresholds give. */
export const Recommendation = /* @__PURE__ */ z.enum(RECOMMENDATIONS);
export type Recommendation = z.infer<typeof Recommendation>;

export const EVALUATION_STATUSES = ['draft', 'submitted'] as const;
/** A draft may change; a submitted evaluation is final, and unlocks the others' scores. */
export const EvaluationStatus = /* @__PURE__ */ z.enum(EVALUATION_STATUSES);
export type EvaluationStatus = z.infer<typeof EvaluationStatus>;

const scoreFields = {
  criterionId: Id,
  score: CriterionScore,
  note: z.nullable(text(2000)),
};

/** One criterion's score, with the reviewer's note. */
export const EvaluationScore = /* @__PURE__ */ z.object({ ...scoreFields });
export type EvaluationScore = z.infer<typeof EvaluationScore>;

/** A 0-100 score with one decimal. */
export const WeightedScore = /* @__PURE__ */ z.number().check(z.gte(0), z.lte(100));
export type WeightedScore = z.infer<typeof WeightedScore>;

export const Evaluation = /* @__PURE__ */ z.object({
  id: Id,
  applicationId: Id,
  /** Who scored; evaluations are made by manager sessions. */
  reviewer: z.object({ id: Id, name: z.optional(text(200)), email: z.optional(EmailAddress) }),
  status: EvaluationStatus,
  scores: z.array(EvaluationScore),
  recommendation: z.nullable(Recommendation),
  comment: z.nullable(text(5000)),
  /** Core's `scoreEvaluation` over the applicable criteria scored so far; `null` before any. */
  weightedScore: z.nullable(WeightedScore),
  /** Criteria scored below their knock-out minimum. */
  knockOuts: z.array(Id),
  submittedAt: z.nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Evaluation = z.infer<typeof Evaluation>;

/**
 * Body of `POST /v1/applications/{id}/evaluations`: the caller's evaluation, created or replaced
 * while a draft. With `submit: true` it must score every criterion that applies to the
 * application's partner type, and becomes final.
 */
export const EvaluationInput = /* @__PURE__ */ z.strictObject({
  scores: /* @__PURE__ */ z
    .array(z.strictObject({ ...scoreFields, note: z.optional(scoreFields.note) }))
    .check(
      z.maxLength(100),
      z.refine((scores) => new Set(scores.map((s) => s.criterionId)).size === scores.length, 'must score each criterion once'),
    ),
  recommendation: z.optional(z.nullable(Recommendation)),
  comment: z.optional(z.nullable(text(5000))),
  submit: z.optional(z.boolean()),
});
export type EvaluationInput = z.input<typeof EvaluationInput>;

/** How far the submitted scores of one criterion lie apart. */
export const CriterionSpread = /* @__PURE__ */ z.object({
  criterionId: Id,
  min: CriterionScore,
  max: CriterionScore,
  /** The mean score over the reviewers, with two decimals. */
  mean: /* @__PURE__ */ z.number().check(z.gte(1), z.lte(5)),
  /** True when reviewers differ by 2 or more: talk about it before deciding. */
  flagged: z.boolean(),
  /** True when the mean score is below the criterion's knock-out minimum. */
  knockedOut: z.boolean(),
});
export type CriterionSpread = z.infer<typeof CriterionSpread>;

const thresholdFields = {
  /** A weighted score at or above this recommends approval. */
  approveAt: /* @__PURE__ */ z.int().check(z.gte(0), z.lte(100)),
  /** A weighted score below this recommends declining; in between: discuss. */
  declineBelow: /* @__PURE__ */ z.int().check(z.gte(0), z.lte(100)),
};

/** The programme's thresholds that turn a weighted score into a recommendation. */
export const SelectionThresholds = /* @__PURE__ */ z.object({ ...thresholdFields, updatedAt: z.nullable(Timestamp) });
export type SelectionThresholds = z.infer<typeof SelectionThresholds>;

/** Body of `PUT /v1/selection-thresholds` (admin). */
export const SelectionThresholdsInput = /* @__PURE__ */ z.strictObject({ ...thresholdFields }).check(
  z.refine((t) => t.declineBelow <= t.approveAt, { message: 'must not be above approveAt', path: ['declineBelow'] }),
);
export type SelectionThresholdsInput = z.infer<typeof SelectionThresholdsInput>;

/** What the submitted evaluations of one application add up to (core's `summariseEvaluations`). */
export const EvaluationSummary = /* @__PURE__ */ z.object({
  /** How many evaluations were submitted. */
  reviewers: /* @__PURE__ */ z.int().check(z.gte(0)),
  /** The mean of the reviewers' weighted scores; `null` before any. */
  weightedScore: z.nullable(WeightedScore),
  /** Per criterion that applies: the spread of the scores, and whether it knocks out. */
  criteria: z.array(CriterionSpread),
  /** True when a criterion's mean score is below its knock-out minimum. */
  knockedOut: z.boolean(),
  /** From the thresholds: `decline` when knocked out; `null` before any evaluation. */
  recommendation: z.nullable(Recommendation),
  /** The thresholds the recommendation came from. */
  thresholds: z.object({ ...thresholdFields }),
});
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

/**
 * Answer of `GET /v1/applications/{id}/evaluations`. A reviewer who has not submitted sees only
 * their own evaluation (`blind: true`) and how many others have submitted; after submitting, every
 * submitted evaluation and the summary.
 */
export const EvaluationList = /* @__PURE__ */ z.object({
  data: z.array(Evaluation),
  /** True while the caller may not see the others' scores yet. */
  blind: z.boolean(),
  /** How many evaluations were submitted, the caller's included. */
  submittedCount: /* @__PURE__ */ z.int().check(z.gte(0)),
  /** `null` while blind. */
  summary: z.nullable(EvaluationSummary),
});
export type EvaluationList = z.infer<typeof EvaluationList>;
