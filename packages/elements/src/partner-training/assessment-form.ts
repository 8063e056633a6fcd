/**
 * The answers a person is giving to an assessment, per enrolment: kept through a failed submit,
 * a reload of the overview and closing the course, with one idempotency key per set of answers so
 * a retry of the same answers never uses a second attempt.
 * @module
 */
import type { AttemptAnswer, AssessmentQuestion } from '@partnerkit/core/schemas';
import { newIdempotencyKey } from '@partnerkit/core/client';

export class AssessmentAnswers {
  readonly #picked = new Map<string, readonly string[]>();
  #key = newIdempotencyKey();

  /** The choices picked for a question. */
  picked(questionId: string): readonly string[] {
    return this.#picked.get(questionId) ?? [];
  }

  /** Picks (or, for a question with several answers, unpicks) a choice. */
  pick(question: Pick<AssessmentQuestion, 'id' | 'multiple'>, choiceId: string, checked: boolean): void {
    const now = this.picked(question.id);
    const next = question.multiple ? (checked ? [...new Set([...now, choiceId])] : now.filter((id) => id !== choiceId)) : checked ? [choiceId] : now;
    this.#picked.set(question.id, next);
    // Other answers are another attempt: a retry of these must not replay the last one's result.
    this.#key = newIdempotencyKey();
  }

  /** The questions without an answer. */
  unanswered(questions: readonly Pick<AssessmentQuestion, 'id'>[]): string[] {
    return questions.filter((q) => this.picked(q.id).length === 0).map((q) => q.id);
  }

  /** The attempt's body, in the questions' order. */
  answers(questions: readonly Pick<AssessmentQuestion, 'id'>[]): AttemptAnswer[] {
    return questions.map((q) => ({ questionId: q.id, choiceIds: [...this.picked(q.id)] }));
  }

  /** The key the current answers are sent under. */
  get key(): string {
    return this.#key;
  }

  /** After an attempt was scored: the same answers sent again would be a new attempt. */
  scored(): void {
    this.#key = newIdempotencyKey();
  }
}
