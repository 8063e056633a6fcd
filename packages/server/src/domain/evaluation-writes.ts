/**
 * A reviewer's evaluation: saved as a draft as often as the reviewer likes, submitted once (and
 * then final), scored with core's rules against the criteria as they are, one per reviewer per
 * application, in the caller's transaction.
 * @module
 */
import { applicationEventType, checkEvaluationScores, EVALUATION_STAGES, scoreEvaluation } from '@partnerkit/core/rules';
import type { Application, Evaluation, EvaluationInput, SelectionCriterion } from '@partnerkit/core/schemas';
import type { Transaction } from '../db/database.js';
import { problems } from '../http/problem.js';
import type { ManagerCaller } from '../security/caller.js';
import { newId } from '../security/random.js';
import { countSubmittedEvaluation } from '../store/applications.js';
import { evaluationBy, saveEvaluation, type StoredEvaluation } from '../store/evaluations.js';
import { appendEvents } from '../store/events.js';

/** An evaluation with its weighted score and knock-outs, computed by core's `scoreEvaluation`. */
export function scored(evaluation: StoredEvaluation, criteria: readonly SelectionCriterion[], application: Pick<Application, 'partnerType'>): Evaluation {
  const { weightedScore, knockOuts } = scoreEvaluation(criteria, application.partnerType, evaluation.scores);
  return { ...evaluation, weightedScore, knockOuts };
}

/**
 * Saves `reviewer`'s evaluation of `application` (its row locked in this transaction, so one
 * reviewer's saves and submissions of one application happen one at a time) at `now`: 409
 * `invalid_transition` outside the scoring stages or once submitted, 400 for scores that do not
 * fit the criteria (or, submitting, leave one out). Submitting emits `application.evaluated`.
 */
export async function evaluateApplication(
  tx: Transaction,
  reviewer: ManagerCaller,
  application: Application,
  criteria: readonly SelectionCriterion[],
  input: EvaluationInput,
  now: Date,
): Promise<Evaluation> {
  if (!EVALUATION_STAGES.includes(application.status)) {
    throw problems.invalidTransition(`applications are scored in screening, interview or due diligence; this one is ${application.status.replace('_', ' ')}`);
  }
  const existing = await evaluationBy(tx, application.id, reviewer.user.id, { lock: true });
  if (existing?.status === 'submitted') throw problems.invalidTransition('this evaluation was submitted and is final');
  const submit = input.submit === true;
  const scores = input.scores.map((s) => ({ criterionId: s.criterionId, score: s.score, note: s.note ?? null }));
  const problemsFound = checkEvaluationScores(criteria, application.partnerType, scores, { submit });
  if (problemsFound.length > 0) throw problems.validation(problemsFound);
  const { evaluation } = await saveEvaluation(tx, {
    id: existing?.id ?? newId('ev', now),
    applicationId: application.id,
    reviewer: reviewer.user,
    status: submit ? 'submitted' : 'draft',
    scores,
    recommendation: input.recommendation ?? null,
    comment: input.comment ?? null,
    now,
  });
  const result = scored(evaluation, criteria, application);
  if (submit) {
    await countSubmittedEvaluation(tx, application.id, now);
    await appendEvents(
      tx,
      [
        {
          type: 'application.evaluated',
          partnerId: null,
          data: { applicationId: application.id, number: application.number, evaluationId: result.id, reviewerId: reviewer.user.id, weightedScore: result.weightedScore, knockOuts: result.knockOuts, recommendation: result.recommendation },
        },
      ],
      now,
    );
  }
  return result;
}

/** Unused guard so the event type stays in core's list. */
void applicationEventType;
