/**
 * The assessment form: one fieldset per question (its prompt the legend), radio buttons for a
 * question with one answer and checkboxes for one with several, native controls only, so the
 * keyboard and screen readers work as everywhere else; questions left unanswered are named and
 * marked invalid, and the first gets focus. A render function of the course player.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Assessment } from '@partnerkit/core/schemas';
import { errorText } from '../platform/state-views.js';
import type { AssessmentAnswers } from './assessment-form.js';
import type { TrainingText } from './i18n/index.js';

export interface AssessmentViewModel {
  l: TrainingText;
  assessment: Assessment;
  answers: AssessmentAnswers;
  /** Questions marked unanswered by the last try to submit. */
  unanswered: readonly string[];
  submitting: boolean;
  /** Why the last submit failed (the answers stay). */
  error: unknown;
  changed(): void;
  submit(): void;
}

export function renderAssessment(model: AssessmentViewModel): TemplateResult {
  const { l, assessment, answers, unanswered } = model;
  const total = l.number(assessment.questions.length);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    model.submit();
  };
  return html`<form class="questions" part="assessment" novalidate @submit=${onSubmit}>
    ${unanswered.length > 0 ? html`<p class="problem" part="unanswered" role="alert">${l.t('player.unanswered', { count: l.number(unanswered.length) })}</p>` : nothing}
    ${assessment.questions.map((question, i) => {
      const { prompt } = l.localise(question);
      const missing = unanswered.includes(question.id);
      const picked = answers.picked(question.id);
      const hintId = `hint-${question.id}`;
      const errorId = `missing-${question.id}`;
      return html`<fieldset class="question" id=${`q-${question.id}`} part="question" aria-describedby=${missing ? `${hintId} ${errorId}` : hintId} aria-invalid=${missing ? 'true' : 'false'}>
        <legend><span class="muted">${l.t('player.question', { n: l.number(i + 1), total })}</span> ${prompt}</legend>
        <p class="muted hint" id=${hintId}>${question.multiple ? l.t('player.pickAll') : l.t('player.pickOne')}</p>
        ${missing ? html`<p class="problem" id=${errorId}>${l.t('player.answerThis')}</p>` : nothing}
        ${question.choices.map((choice) => {
          const id = `c-${question.id}-${choice.id}`;
          return html`<div class="choice">
            <input
              id=${id}
              type=${question.multiple ? 'checkbox' : 'radio'}
              name=${question.id}
              value=${choice.id}
              .checked=${picked.includes(choice.id)}
              ?disabled=${model.submitting}
              @change=${(e: Event) => {
                answers.pick(question, choice.id, (e.target as HTMLInputElement).checked);
                model.changed();
              }}
            />
            <label for=${id}>${l.localise(choice).label}</label>
          </div>`;
        })}
      </fieldset>`;
    })}
    ${model.error === undefined ? nothing : html`<p class="problem" part="submit-error" role="alert">${l.t('player.submitFailed')} ${errorText(l, model.error)}</p>`}
    <button class="button button--primary" part="submit-button" type="submit" ?disabled=${model.submitting}>
      ${model.submitting ? l.t('player.submitting') : l.t('player.submit')}
    </button>
  </form>`;
}
