/**
 * `<partner-application>` as templates: the steps, each step's fields, the programme's questions,
 * the last check with the consent, and the confirmation. State comes from the controller; this
 * module renders it and reports what the person does.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { localise } from '@partnerkit/core/rules';
import { COMPANY_SIZES, type ApplicationForm } from '@partnerkit/core/schemas';
import type { PlatformMessages } from '../platform/i18n/index.js';
import type { LocalizeController } from '../platform/localize.js';
import { errorText } from '../platform/state-views.js';
import type { ApplicationController } from './application-controller.js';
import { questionField, REQUIRED_FIELDS, STEP_FIELDS, STEPS, type FieldName, type FieldProblem } from './application-fields.js';
import { countryChoices } from './countries.js';
import type { PartnerApplicationMessages } from './i18n/index.js';

export type Localize = LocalizeController<PlatformMessages & PartnerApplicationMessages>;
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
      (step, i) => html`<li class="steps__item ${i < current ? 'steps__item--done' : ''}" part="step" aria-current=${orAbsent(i === current ? 'step' : undefined)}>
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
  const later = app.step === 'capabilities' || app.step === 'review';
  if (later) app.laterSteps.ensure();
  return html`${fields.map((name) => (name === 'partnerType' ? renderPartnerTypes(view) : renderField(view, name)))}
  ${later ? app.laterSteps.render(view.l, (steps) => (app.step === 'review' ? steps.renderReview(view) : steps.renderQuestions(view))) : nothing}`;
}

/**
 * `value`, or no attribute at all: what `ifDefined` does, without its module, which would move
 * into the shared chunk every page loads once two widgets used it.
 */
export const orAbsent = <T extends string>(value: T | undefined): T => (value ?? nothing) as T;

export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

export function renderFieldError(l: Localize, id: string, problem: FieldProblem | undefined): TemplateResult | typeof nothing {
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
    input = html`<textarea id=${id} name=${name} dir="auto" rows=${name === 'whyUs' || name === 'experience' ? 5 : 3} aria-required=${orAbsent(required ? 'true' : undefined)}
      aria-invalid=${invalid} aria-describedby=${described ?? nothing} .value=${value}></textarea>`;
  } else if (control === 'country' || control === 'size') {
    const choices = control === 'country' ? countryChoices(l.lang) : COMPANY_SIZES.map((size) => ({ value: size, label: l.t('size', { range: size }) }));
    input = html`<select id=${id} name=${name} autocomplete=${orAbsent(AUTOCOMPLETE[name])} aria-required=${orAbsent(required ? 'true' : undefined)} aria-invalid=${invalid} aria-describedby=${described ?? nothing}>
      <option value="" ?selected=${!value}>${l.t('choose')}</option>
      ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === value}>${c.label}</option>`)}
    </select>`;
  } else {
    input = html`<input id=${id} name=${name} type=${control === 'whole' ? 'text' : control} dir="auto" autocomplete=${AUTOCOMPLETE[name] ?? 'off'}
      inputmode=${orAbsent(control === 'whole' ? 'numeric' : undefined)} aria-required=${orAbsent(required ? 'true' : undefined)}
      aria-invalid=${invalid} aria-describedby=${described ?? nothing} .value=${value} />`;
  }
  return html`<div class="field" part="field">
    <label for=${id}>${l.t(`f.${name}`)}${required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>
    ${input} ${hint ? html`<p id="h-${name}" class="hint">${hint}</p>` : nothing} ${renderFieldError(l, name, problem)}
  </div>`;
}

function renderPartnerTypes({ l, app, form }: ApplicationView): TemplateResult {
  const problem = app.problemOf('partnerType');
  return html`<fieldset class="field choices" part="field" role="radiogroup" aria-required="true" aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? 'e-partnerType' : nothing}>
    <legend>${l.t('f.partnerType')}<span class="req" aria-hidden="true"> *</span></legend>
    ${form.partnerTypes.map((offered, i) => {
      const { description } = localise(offered, l.lang);
      return html`<label class="choice">
        <input type="radio" name="partnerType" value=${offered.type} id=${orAbsent(i ? undefined : 'f-partnerType')} .checked=${app.values.partnerType === offered.type}
          aria-describedby=${description ? `d-type-${offered.type}` : nothing} />
        <span><strong>${l.t(`type.${offered.type}`)}</strong>${description ? html`<span class="hint" id="d-type-${offered.type}">${description}</span>` : nothing}</span>
      </label>`;
    })}
    ${renderFieldError(l, 'partnerType', problem)}
  </fieldset>`;
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
