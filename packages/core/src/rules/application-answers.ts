/**
 * Answers to the programme's own questions: which questions an applicant of a partner type is
 * asked, and whether the answers fit them. The public form checks as the applicant types; the
 * backend checks again on submission, with the same function.
 * @module
 */
import { type AnswerValue, type ApplicationAnswers, type ApplicationQuestion, LONG_ANSWER_MAX, type PartnerType, SHORT_ANSWER_MAX } from '../schemas/index.js';

/** What checking reads of a question. */
export type CheckedQuestion = Pick<ApplicationQuestion, 'id' | 'kind' | 'required' | 'options' | 'partnerTypes'>;

/** One problem with an answer, at its path in the application (`answers.<question id>`). */
export interface AnswerProblem {
  path: string;
  message: string;
}

/** The questions an applicant of `partnerType` is asked, in form order. */
export function applicableQuestions<T extends Pick<ApplicationQuestion, 'partnerTypes'>>(questions: readonly T[], partnerType: PartnerType): T[] {
  return questions.filter((q) => q.partnerTypes.length === 0 || q.partnerTypes.includes(partnerType));
}

/** True when `value` counts as no answer: absent, blank text or no options chosen. */
export function isBlankAnswer(value: AnswerValue | undefined | null): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function checkOne(question: CheckedQuestion, value: AnswerValue): string | null {
  const options = new Set(question.options.map((o) => o.value));
  switch (question.kind) {
    case 'short_text':
    case 'long_text': {
      const max = question.kind === 'short_text' ? SHORT_ANSWER_MAX : LONG_ANSWER_MAX;
      if (typeof value !== 'string') return 'must be text';
      return value.trim().length > max ? `must be at most ${max} characters` : null;
    }
    case 'single_choice':
      return typeof value === 'string' && options.has(value) ? null : 'must be one of the question\'s options';
    case 'multiple_choice':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && options.has(v))) return 'must be a list of the question\'s options';
      return new Set(value).size === value.length ? null : 'must name each option once';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'must be true or false';
  }
}

/**
 * What is wrong with `answers` for an applicant of `partnerType`: a required question left blank
 * (`is required`), an answer of the wrong kind or not among the options, and an answer to a
 * question the applicant is not asked. Empty when the answers may be submitted.
 */
export function checkAnswers(questions: readonly CheckedQuestion[], partnerType: PartnerType, answers: ApplicationAnswers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const asked = applicableQuestions(questions, partnerType);
  const askedIds = new Set(asked.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!askedIds.has(id)) problems.push({ path: `answers.${id}`, message: 'is not a question of this form for this partner type' });
  }
  for (const question of asked) {
    const value = answers[question.id];
    if (isBlankAnswer(value)) {
      if (question.required) problems.push({ path: `answers.${question.id}`, message: 'is required' });
      continue;
    }
    const problem = checkOne(question, value as AnswerValue);
    if (problem !== null) problems.push({ path: `answers.${question.id}`, message: problem });
  }
  return problems;
}

/**
 * The answers as stored: text trimmed, blank answers and answers to questions the applicant is
 * not asked left out. Run after {@link checkAnswers} found nothing wrong.
 */
export function cleanAnswers(questions: readonly CheckedQuestion[], partnerType: PartnerType, answers: ApplicationAnswers): ApplicationAnswers {
  const clean: ApplicationAnswers = {};
  for (const question of applicableQuestions(questions, partnerType)) {
    const value = answers[question.id];
    if (isBlankAnswer(value)) continue;
    clean[question.id] = typeof value === 'string' ? value.trim() : (value as AnswerValue);
  }
  return clean;
}
