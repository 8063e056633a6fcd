/**
 * Scoring applicants: the weighted score of one reviewer's evaluation, knock-outs, the spread
 * between reviewers, and the recommendation the programme's thresholds give. The same math in
 * the scoring form (live, while a reviewer scores), on the server and in the conformance kit.
 * @module
 */
import {
  type CriterionSpread,
  type EvaluationSummary,
  type PartnerType,
  type Recommendation,
  SCORE_MAX,
  SCORE_MIN,
  type SelectionCriterion,
} from '../schemas/index.js';

/** Reviewers whose scores of one criterion differ by this much or more are flagged for discussion. */
export const SPREAD_FLAG = 2;

/** The thresholds a backend uses until an admin sets its own. */
export const DEFAULT_SELECTION_THRESHOLDS = Object.freeze({ approveAt: 70, declineBelow: 50 });

/** What scoring reads of a criterion. */
export type ScoredCriterion = Pick<SelectionCriterion, 'id' | 'weight' | 'knockOutMin' | 'partnerTypes' | 'position'>;

/** What scoring reads of one score. */
export interface CriterionScoreValue {
  criterionId: string;
  score: number;
}

/** Rounded half away from zero to `digits` decimals, steady under binary fractions (`62.45` is `62.5`). */
function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

/** True when `criterion` applies to applicants of `partnerType` (an empty `partnerTypes` applies to all). */
export function criterionApplies(criterion: Pick<SelectionCriterion, 'partnerTypes'>, partnerType: PartnerType): boolean {
  return criterion.partnerTypes.length === 0 || criterion.partnerTypes.includes(partnerType);
}

/** The criteria that apply to `partnerType`, in display order (`position`, then id). */
export function applicableCriteria<T extends ScoredCriterion>(criteria: readonly T[], partnerType: PartnerType): T[] {
  return criteria
    .filter((c) => criterionApplies(c, partnerType))
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A 1-5 score as a share of the scale: 1 is 0, 3 is 0.5, 5 is 1. */
const share = (score: number) => (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN);

/** The verdict of {@link scoreEvaluation}. */
export interface EvaluationScoring {
  /**
   * 0-100, one decimal: the weighted mean of the scored applicable criteria, each score placed on
   * the scale (1 is 0, 5 is 100). `null` before any applicable criterion is scored.
   */
  weightedScore: number | null;
  /** True when every applicable criterion is scored. */
  complete: boolean;
  /** Applicable criteria not scored yet, in display order. */
  missing: string[];
  /** Applicable criteria scored below their knock-out minimum, in display order. */
  knockOuts: string[];
}

/**
 * Scores one evaluation: the weighted score over the applicable criteria scored so far (so a
 * form can show it live), what is still missing, and the knock-outs. Scores of criteria that do
 * not apply (or do not exist) are left out; {@link checkEvaluationScores} reports them.
 *
 * @example
 * // weights 3 and 1, scores 5 and 1: (3 * 1 + 1 * 0) / 4 = 75
 * scoreEvaluation([reach, fit], 'reseller', [{ criterionId: reach.id, score: 5 }, { criterionId: fit.id, score: 1 }]).weightedScore; // 75
 */
export function scoreEvaluation(criteria: readonly ScoredCriterion[], partnerType: PartnerType, scores: readonly CriterionScoreValue[]): EvaluationScoring {
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s.score]));
  let weighted = 0;
  let weights = 0;
  const missing: string[] = [];
  const knockOuts: string[] = [];
  for (const criterion of applicableCriteria(criteria, partnerType)) {
    const score = byCriterion.get(criterion.id);
    if (score === undefined) {
      missing.push(criterion.id);
      continue;
    }
    weighted += criterion.weight * share(score);
    weights += criterion.weight;
    if (criterion.knockOutMin !== null && score < criterion.knockOutMin) knockOuts.push(criterion.id);
  }
  return {
    weightedScore: weights === 0 ? null : round((weighted / weights) * 100, 1),
    complete: missing.length === 0,
    missing,
    knockOuts,
  };
}

/** One problem with an evaluation's scores, at its path in the request body. */
export interface ScoreProblem {
  path: string;
  message: string;
}

/**
 * What is wrong with an evaluation's scores: a criterion that does not exist or does not apply to
 * the application's partner type, a score outside 1-5, and (when submitting) an applicable
 * criterion left unscored. Empty when the scores may be saved.
 */
export function checkEvaluationScores(
  criteria: readonly ScoredCriterion[],
  partnerType: PartnerType,
  scores: readonly CriterionScoreValue[],
  { submit }: { submit: boolean },
): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const applicable = new Set(applicableCriteria(criteria, partnerType).map((c) => c.id));
  const known = new Set(criteria.map((c) => c.id));
  scores.forEach((s, i) => {
    if (!known.has(s.criterionId)) problems.push({ path: `scores.${i}.criterionId`, message: 'no selection criterion has this id' });
    else if (!applicable.has(s.criterionId)) problems.push({ path: `scores.${i}.criterionId`, message: `this criterion does not apply to ${partnerType} applicants` });
    if (!Number.isInteger(s.score) || s.score < SCORE_MIN || s.score > SCORE_MAX) problems.push({ path: `scores.${i}.score`, message: 'must be a score from 1 to 5' });
  });
  if (submit) {
    const scored = new Set(scores.map((s) => s.criterionId));
    const missing = [...applicable].filter((id) => !scored.has(id));
    if (missing.length > 0) problems.push({ path: 'scores', message: `must score every criterion before submitting; missing: ${missing.join(', ')}` });
  }
  return problems;
}

/** The thresholds a recommendation is read from. */
export interface Thresholds {
  approveAt: number;
  declineBelow: number;
}

/**
 * The recommendation a weighted score gives: `decline` when knocked out or below `declineBelow`,
 * `approve` at or above `approveAt`, `discuss` in between; `null` without a score.
 */
export function recommend(weightedScore: number | null, knockedOut: boolean, thresholds: Thresholds): Recommendation | null {
  if (weightedScore === null) return null;
  if (knockedOut || weightedScore < thresholds.declineBelow) return 'decline';
  if (weightedScore >= thresholds.approveAt) return 'approve';
  return 'discuss';
}

/** What summarising reads of an evaluation. */
export interface SummarisedEvaluation {
  status: 'draft' | 'submitted';
  scores: readonly CriterionScoreValue[];
}

/**
 * What the submitted evaluations of an application add up to (drafts are left out): the mean of
 * the reviewers' weighted scores; per applicable criterion scored by anyone, the lowest, highest
 * and mean score, flagged when reviewers differ by {@link SPREAD_FLAG} or more and knocked out
 * when the mean is below the knock-out minimum; and the recommendation of {@link recommend}.
 */
export function summariseEvaluations(
  criteria: readonly ScoredCriterion[],
  partnerType: PartnerType,
  evaluations: readonly SummarisedEvaluation[],
  thresholds: Thresholds,
): EvaluationSummary {
  const submitted = evaluations.filter((e) => e.status === 'submitted');
  // Summed in tenths as whole numbers, so the mean does not depend on the order of the evaluations.
  const tenths = submitted
    .map((e) => scoreEvaluation(criteria, partnerType, e.scores).weightedScore)
    .filter((s): s is number => s !== null)
    .map((s) => Math.round(s * 10));
  const weightedScore = tenths.length === 0 ? null : round(tenths.reduce((sum, t) => sum + t, 0) / tenths.length / 10, 1);
  const spread: CriterionSpread[] = [];
  for (const criterion of applicableCriteria(criteria, partnerType)) {
    const values = submitted.flatMap((e) => e.scores.filter((s) => s.criterionId === criterion.id).map((s) => s.score));
    if (values.length === 0) continue;
    const min = Math.min(...values);
    const max = Math.max(...values);
    const mean = round(values.reduce((sum, v) => sum + v, 0) / values.length, 2);
    spread.push({
      criterionId: criterion.id,
      min,
      max,
      mean,
      flagged: values.length >= 2 && max - min >= SPREAD_FLAG,
      knockedOut: criterion.knockOutMin !== null && mean < criterion.knockOutMin,
    });
  }
  const knockedOut = spread.some((c) => c.knockedOut);
  return {
    reviewers: submitted.length,
    weightedScore,
    criteria: spread,
    knockedOut,
    recommendation: recommend(weightedScore, knockedOut, thresholds),
    thresholds: { approveAt: thresholds.approveAt, declineBelow: thresholds.declineBelow },
  };
}
