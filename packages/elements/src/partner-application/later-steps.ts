/**
 * The templates of `<partner-application>`'s later steps, loaded when either opens: the
 * programme's questions (on the capabilities step) and the last check with the consent and the
 * honeypot. Not part of the first paint.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { localise } from '@partnerkit/core/rules';
import type { ApplicationQuestion } from '@partnerkit/core/schemas';
import { questionField, STEP_FIELDS, STEPS, type FieldName, type Step } from './application-fields.js';
import { askedQuestions } from './application-model.js';
import { describedBy, orAbsent, renderFieldError, type ApplicationView } from './application-view.js';
import { countryName } from './countries.js';

/** The programme's questions for the chosen partner type. */
export function renderQuestions(view: ApplicationView): TemplateResult {
  const { form, app } = view;
  return html`${askedQuestions(form, app.values.partnerType).map((question) => renderQuestion(view, question))}`;
}

function renderQuestion({ l, app }: ApplicationView, question: ApplicationQuestion): TemplateResult {
  const shown = localise(question, l.lang);
  const field = questionField(question.id);
  const id = `f-q-${question.id}`;
  const problem = app.problemOf(field);
  const errorId = `q-${question.id}`;
  const described = describedBy(shown.help ? `h-q-${question.id}` : undefined, problem && `e-${errorId}`);
  const value = app.answers[question.id];
  const label = html`${shown.label}${question.required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}`;
  const help = shown.help ? html`<p id="h-q-${question.id}" class="hint">${shown.help}</p>` : nothing;
  const required = question.required ? 'true' : undefined;
  if (question.kind === 'single_choice' || question.kind === 'multiple_choice' || question.kind === 'yes_no') {
    const multiple = question.kind === 'multiple_choice';
    const options = question.kind === 'yes_no' ? [{ value: 'yes', label: l.t('yes') }, { value: 'no', label: l.t('no') }] : question.options.map((o) => ({ value: o.value, label: localise(o, l.lang).label }));
    const chosen = Array.isArray(value) ? value : value ? [value] : [];
    // A radio group may be required; a group of checkboxes has no such state (its * says it).
    return html`<fieldset class="field choices" part="field question" data-question=${question.id} role=${multiple ? 'group' : 'radiogroup'}
      aria-required=${orAbsent(!multiple && question.required ? 'true' : undefined)} aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described ?? nothing}>
      <legend>${label}</legend>
      ${help}
      ${options.map(
        (o, i) => html`<label class="choice choice--inline"><input type=${multiple ? 'checkbox' : 'radio'} name=${field} value=${o.value} id=${orAbsent(i ? undefined : id)}
          .checked=${chosen.includes(o.value)} /> ${o.label}</label>`,
      )}
      ${renderFieldError(l, errorId, problem)}
    </fieldset>`;
  }
  const text = typeof value === 'string' ? value : '';
  const control =
    question.kind === 'long_text'
      ? html`<textarea id=${id} name=${field} dir="auto" rows="5" aria-required=${orAbsent(required)} aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described ?? nothing} .value=${text}></textarea>`
      : html`<input id=${id} name=${field} type="text" dir="auto" autocomplete="off" inputmode=${orAbsent(question.kind === 'number' ? 'decimal' : undefined)}
          aria-required=${orAbsent(required)} aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described ?? nothing} .value=${text} />`;
  return html`<div class="field" part="field question" data-question=${question.id}>
    <label for=${id}>${label}</label>
    ${control} ${help} ${renderFieldError(l, errorId, problem)}
  </div>`;
}

/** One value of the last check: what was typed, or "Not given". */
function recapValue(view: ApplicationView, name: FieldName): string {
  const { l, app } = view;
  const value = app.values[name].trim();
  if (!value) return l.t('notGiven');
  if (name === 'partnerType') return l.t(`type.${value}` as 'type.reseller');
  if (name === 'country') return countryName(value, l.lang);
  if (name === 'size') return l.t('size', { range: value });
  return value;
}

function recapAnswer({ l, app }: ApplicationView, question: ApplicationQuestion): string {
  const value = app.answers[question.id];
  if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) return l.t('notGiven');
  if (question.kind === 'yes_no') return l.t(value === 'yes' ? 'yes' : 'no');
  const chosen = Array.isArray(value) ? value : [value];
  if (!question.options.length) return chosen.join(', ');
  return chosen.map((v) => localise(question.options.find((o) => o.value === v) ?? { value: v, label: v }, l.lang).label).join(', ');
}

/** The last check: each step's answers with a way back, the consent, and the field people never see. */
export function renderReview(view: ApplicationView): TemplateResult {
  const { l, app, form } = view;
  const consent = localise(form.consent, l.lang);
  const problem = app.problemOf('consent');
  const sections = STEPS.filter((step): step is Exclude<Step, 'review'> => step !== 'review');
  return html`${sections.map(
      (step) => html`<section class="recap" part="recap" aria-labelledby="recap-${step}">
        <div class="recap__head">
          <h4 id="recap-${step}">${l.t(`step.${step}`)}</h4>
          <button type="button" class="button" part="change-button" @click=${() => app.goTo(step)}>${l.t('change', { step: l.t(`step.${step}`) })}</button>
        </div>
        <dl>
          ${STEP_FIELDS[step].map((name) => html`<div class="recap__row"><dt>${l.t(`f.${name}`)}</dt><dd dir="auto">${recapValue(view, name)}</dd></div>`)}
          ${step === 'capabilities'
            ? askedQuestions(form, app.values.partnerType).map((q) => html`<div class="recap__row"><dt>${localise(q, l.lang).label}</dt><dd dir="auto">${recapAnswer(view, q)}</dd></div>`)
            : nothing}
        </dl>
      </section>`,
    )}
    <fieldset class="field consent" part="field consent" aria-describedby=${describedBy('consent-text', problem && 'e-consent') ?? nothing}>
      <legend>${l.t('f.consent')}<span class="req" aria-hidden="true"> *</span></legend>
      <p id="consent-text" dir="auto">${consent.text}</p>
      ${form.consent.privacyUrl && /^https?:\/\//i.test(form.consent.privacyUrl) ? html`<p><a href=${form.consent.privacyUrl} target="_blank" rel="noopener noreferrer">${l.t('privacy')}</a></p>` : nothing}
      <label class="choice"><input type="checkbox" id="f-consent" name="consent" value="yes" aria-required="true" aria-invalid=${problem ? 'true' : 'false'} .checked=${app.values.consent === 'yes'} /> ${l.t('agree')}</label>
      ${renderFieldError(l, 'consent', problem)}
    </fieldset>
    <div class="visually-hidden" aria-hidden="true">
      <label>${l.t('honeypot')} <input name="nickname" type="text" tabindex="-1" autocomplete="off" .value=${app.honeypot} @input=${(e: Event) => (app.honeypot = (e.target as HTMLInputElement).value)} /></label>
    </div>`;
}

