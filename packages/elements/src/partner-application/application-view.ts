/**
 * `<partner-application>` as templates: the steps, each step's fields, the programme's questions,
 * the last check with the consent, and the confirmation. State comes from the controller; this
 * module renders it and reports what the person does.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { localise } from '@partnerkit/core/rules';
import { COMPANY_SIZES, type ApplicationForm, type ApplicationQuestion } from '@partnerkit/core/schemas';
import type { PlatformMessages } from '../platform/i18n/index.js';
import type { LocalizeController } from '../platform/localize.js';
import { errorText } from '../platform/state-views.js';
import type { ApplicationController } from './application-controller.js';
import { questionField, REQUIRED_FIELDS, STEP_FIELDS, STEPS, type FieldName, type FieldProblem, type Step } from './application-fields.js';
import { askedQuestions } from './application-model.js';
import { countryChoices, countryName } from './countries.js';
import type { PartnerApplicationMessages } from './i18n/index.js';

type Localize = LocalizeController<PlatformMessages & PartnerApplicationMessages>;
type Control = 'text' | 'email' | 'tel' | 'whole' | 'textarea' | 'country' | 'size';

/** What the templates render from, and where they report what the person does. */
export interface ApplicationView {
  l: Localize;
  app: ApplicationController;
  form: ApplicationForm;
}

const HINTED: Partial<Record<FieldName, true>> = { website: true, domains: true, markets: true, industries: true, technicalStaff: true, certifications: true, experience: true, references: true };
const CONTROLS: Partial<Record<FieldName, Control>> = {
  email: 'email',
  phone: 'tel',
  country: 'country',
  size: 'size',
  foundedYear: 'whole',
  technicalStaff: 'whole',
  certifications: 'textarea',
  experience: 'textarea',
  references: 'textarea',
  whyUs: 'textarea',
};
// The tokens browsers fill from a person's details.
const AUTOCOMPLETE: Partial<Record<FieldName, 'organization' | 'country' | 'name' | 'email' | 'tel'>> = { companyName: 'organization', country: 'country', contactName: 'name', email: 'email', phone: 'tel' };

/** The text of a problem, its numbers in the reader's format. */
export function problemText(l: Localize, problem: FieldProblem): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(problem.params ?? {})) params[k] = k === 'min' || k === 'max' ? String(v) : l.number(v);
  if (problem.key === 'err.tooMany' || problem.key === 'err.tooLong') params.max = l.number(problem.params?.max ?? 0);
  return (l.t as (key: string, params: object) => string)(problem.key, params);
}

/** A field's or question's label, for the error summary. */
function labelOf({ l, form }: ApplicationView, field: string): string {
  if (!field.startsWith('q:')) return l.t(`f.${field as FieldName}`);
  const question = form.questions.find((q) => questionField(q.id) === field);
  return question ? localise(question, l.lang).label : field;
}

/** The step list, the current step marked. */
export function renderSteps({ l, app }: ApplicationView): TemplateResult {
  const current = STEPS.indexOf(app.step);
  return html`<ol class="steps" part="steps" aria-label=${l.t('steps')}>
    ${STEPS.map(
      (step, i) => html`<li class="steps__item ${i < current ? 'steps__item--done' : ''}" part="step" aria-current=${ifDefined(i === current ? 'step' : undefined)}>
        <span class="steps__number" aria-hidden="true">${l.number(i + 1)}</span> ${l.t(`step.${step}`)}
      </li>`,
    )}
  </ol>`;
}

/** The problems listed above the form after an attempt to move on, each a link to its field. */
export function renderSummary(view: ApplicationView): TemplateResult | typeof nothing {
  const { l, app } = view;
  if (!app.summary.length) return nothing;
  return html`<div class="summary banner banner--danger" part="error-summary" tabindex="-1" role="group" aria-labelledby="summary-title">
    <p id="summary-title"><strong>${l.t('err.summary', { count: app.summary.length })}</strong></p>
    <ul>
      ${app.summary.map((p) => html`<li><a href="#f-${p.field.replace(':', '-')}" @click=${focusField}>${labelOf(view, p.field)}: ${problemText(l, p)}</a></li>`)}
    </ul>
  </div>`;
}

// A summary link moves focus to its field (a group: its first control).
function focusField(event: Event): void {
  event.preventDefault();
  const link = event.currentTarget as HTMLAnchorElement;
  (link.getRootNode() as ParentNode).querySelector<HTMLElement>(link.hash)?.focus();
}

/** The fields of the current step. */
export function renderStep(view: ApplicationView): TemplateResult {
  const { app } = view;
  const fields = STEP_FIELDS[app.step].filter((name) => name !== 'consent');
  return html`${fields.map((name) => (name === 'partnerType' ? renderPartnerTypes(view) : renderField(view, name)))}
  ${app.step === 'capabilities' ? renderQuestions(view) : nothing} ${app.step === 'review' ? renderReview(view) : nothing}`;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

function renderError(l: Localize, id: string, problem: FieldProblem | undefined): TemplateResult | typeof nothing {
  return problem ? html`<p id="e-${id}" class="error" part="field-error">${problemText(l, problem)}</p>` : nothing;
}

function renderField({ l, app }: ApplicationView, name: FieldName): TemplateResult {
  const control = CONTROLS[name] ?? 'text';
  const problem = app.problemOf(name);
  const required = REQUIRED_FIELDS.includes(name);
  const id = `f-${name}`;
  const hint = HINTED[name] ? l.t(`hint.${name}` as 'hint.website') : undefined;
  const described = describedBy(hint && `h-${name}`, problem && `e-${name}`);
  const invalid = problem ? 'true' : 'false';
  const value = app.values[name];
  let input: TemplateResult;
  if (control === 'textarea') {
    input = html`<textarea id=${id} name=${name} dir="auto" rows=${name === 'whyUs' || name === 'experience' ? 5 : 3} aria-required=${ifDefined(required ? 'true' : undefined)}
      aria-invalid=${invalid} aria-describedby=${described ?? nothing} .value=${value}></textarea>`;
  } else if (control === 'country' || control === 'size') {
    const choices = control === 'country' ? countryChoices(l.lang) : COMPANY_SIZES.map((size) => ({ value: size, label: l.t('size', { range: size }) }));
    input = html`<select id=${id} name=${name} autocomplete=${ifDefined(AUTOCOMPLETE[name])} aria-required=${ifDefined(required ? 'true' : undefined)} aria-invalid=${invalid} aria-describedby=${described ?? nothing}>
      <option value="" ?selected=${!value}>${l.t('choose')}</option>
      ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === value}>${c.label}</option>`)}
    </select>`;
  } else {
    input = html`<input id=${id} name=${name} type=${control === 'whole' ? 'text' : control} dir="auto" autocomplete=${AUTOCOMPLETE[name] ?? 'off'}
      inputmode=${ifDefined(control === 'whole' ? 'numeric' : undefined)} aria-required=${ifDefined(required ? 'true' : undefined)}
      aria-invalid=${invalid} aria-describedby=${described ?? nothing} .value=${value} />`;
  }
  return html`<div class="field" part="field">
    <label for=${id}>${l.t(`f.${name}`)}${required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>
    ${input} ${hint ? html`<p id="h-${name}" class="hint">${hint}</p>` : nothing} ${renderError(l, name, problem)}
  </div>`;
}

function renderPartnerTypes({ l, app, form }: ApplicationView): TemplateResult {
  const problem = app.problemOf('partnerType');
  return html`<fieldset class="field choices" part="field" role="radiogroup" aria-required="true" aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? 'e-partnerType' : nothing}>
    <legend>${l.t('f.partnerType')}<span class="req" aria-hidden="true"> *</span></legend>
    ${form.partnerTypes.map((offered, i) => {
      const { description } = localise(offered, l.lang);
      return html`<label class="choice">
        <input type="radio" name="partnerType" value=${offered.type} id=${ifDefined(i ? undefined : 'f-partnerType')} .checked=${app.values.partnerType === offered.type}
          aria-describedby=${description ? `d-type-${offered.type}` : nothing} />
        <span><strong>${l.t(`type.${offered.type}`)}</strong>${description ? html`<span class="hint" id="d-type-${offered.type}">${description}</span>` : nothing}</span>
      </label>`;
    })}
    ${renderError(l, 'partnerType', problem)}
  </fieldset>`;
}

function renderQuestions(view: ApplicationView): TemplateResult {
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
      aria-required=${ifDefined(!multiple && question.required ? 'true' : undefined)} aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described ?? nothing}>
      <legend>${label}</legend>
      ${help}
      ${options.map(
        (o, i) => html`<label class="choice choice--inline"><input type=${multiple ? 'checkbox' : 'radio'} name=${field} value=${o.value} id=${ifDefined(i ? undefined : id)}
          .checked=${chosen.includes(o.value)} /> ${o.label}</label>`,
      )}
      ${renderError(l, errorId, problem)}
    </fieldset>`;
  }
  const text = typeof value === 'string' ? value : '';
  const control =
    question.kind === 'long_text'
      ? html`<textarea id=${id} name=${field} dir="auto" rows="5" aria-required=${ifDefined(required)} aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described ?? nothing} .value=${text}></textarea>`
      : html`<input id=${id} name=${field} type="text" dir="auto" autocomplete="off" inputmode=${ifDefined(question.kind === 'number' ? 'decimal' : undefined)}
          aria-required=${ifDefined(required)} aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described ?? nothing} .value=${text} />`;
  return html`<div class="field" part="field question" data-question=${question.id}>
    <label for=${id}>${label}</label>
    ${control} ${help} ${renderError(l, errorId, problem)}
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

function renderReview(view: ApplicationView): TemplateResult {
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
      ${renderError(l, 'consent', problem)}
    </fieldset>
    <div class="visually-hidden" aria-hidden="true">
      <label>${l.t('honeypot')} <input name="nickname" type="text" tabindex="-1" autocomplete="off" .value=${app.honeypot} @input=${(e: Event) => (app.honeypot = (e.target as HTMLInputElement).value)} /></label>
    </div>`;
}

/** Why the application was not sent, with a retry; what was typed stays. */
export function renderSendError({ l, app }: ApplicationView): TemplateResult | typeof nothing {
  if (app.phase.kind !== 'failed') return nothing;
  const { error, tooSoon } = app.phase;
  return html`<div class="banner banner--danger focus-target" part="send-error" role="alert" tabindex="-1">
    <p><strong>${l.t('send.title')}</strong></p>
    <p>${tooSoon ? l.t('send.tooSoon') : errorText(l, error)}</p>
    <p>${l.t('send.kept')}</p>
    ${tooSoon ? nothing : html`<button type="button" class="button" part="retry-send" @click=${() => void app.submit()}>${l.t('send.retry')}</button>`}
  </div>`;
}

/** The confirmation with the application number. */
export function renderDone(l: Localize, app: ApplicationController, number: string): TemplateResult {
  return html`<div class="done focus-target" part="success" role="status" tabindex="-1">
    <h3>${l.t('done.title')}</h3>
    <p class="done__number">${l.t('done.number', { number })}</p>
    <p>${l.t('done.next')}</p>
    <button type="button" class="button" part="start-over" @click=${() => app.startOver()}>${l.t('done.another')}</button>
  </div>`;
}
