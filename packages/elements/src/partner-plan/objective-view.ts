/**
 * The objective form as a template: whose objective and its kind (for a new one), title,
 * description, owner, the KPI and target of a measured objective, the due date, activities of the
 * signed-in side (for a new one), each field's problem next to it, and why a save failed with a
 * retry. State is the form controller's (`objective-form.ts`); this module renders it and reports
 * what the person types.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { periodDays } from '@partnerkit/core/rules/plans';
import type { Kpi, Plan } from '@partnerkit/core/schemas';
import type { PlatformMessages } from '../platform/i18n/index.js';
import type { LocalizeController } from '../platform/localize.js';
import { errorText } from '../platform/state-views.js';
import type { ObjectiveField, ObjectiveProblem } from './objective-fields.js';
import type { ObjectiveFormController } from './objective-form.js';
import type { PartnerPlanMessages } from './i18n/index.js';
import type { ObjectiveMessages } from './i18n/objective-en.js';

/** What the form renders from. */
export interface ObjectiveView {
  /** The form's words. */
  words: LocalizeController<ObjectiveMessages>;
  /** The plan's words (sides, the platform's error messages). */
  l: LocalizeController<PlatformMessages & PartnerPlanMessages>;
  form: ObjectiveFormController;
  kpis: readonly Kpi[];
  /** The plan the objective belongs to; null while the period has none (the first objective starts it). */
  plan: Plan | null;
  period: string;
}

/** A problem's words, its numbers and dates written in the element's language. */
function problemText(words: ObjectiveView['words'], problem: ObjectiveProblem): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(problem.params ?? {})) {
    params[k] = typeof v === 'number' ? words.number(v) : /^\d{4}-\d{2}-\d{2}$/.test(v) ? words.date(`${v}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) : v;
  }
  return (words.t as (key: string, params: object) => string)(problem.key, params);
}

/** The form (`part="objective-form"`), for a new objective or the one being edited. */
export function renderObjectiveForm(view: ObjectiveView): TemplateResult {
  const { words: w, form, plan } = view;
  const target = form.target;
  if (!target) return html``;
  const adding = target.kind === 'add';
  const values = form.values;
  const measured = (adding ? values.kind : target.objective.kind) === 'measured';
  const onInput = (e: Event) => {
    const control = e.target as HTMLInputElement;
    form.input(control.name, control.value);
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    void form.save();
  };
  const notice =
    plan?.status === 'agreed' ? w.t('objective.revises', { revision: plan.revision + 1 }) : plan?.status === 'proposed' ? w.t('objective.withdraws') : '';
  const heading = adding ? w.t('objective.addTitle') : w.t('objective.editTitle', { title: target.objective.title });
  return html`<form class="form objective-form" part="objective-form" novalidate aria-labelledby="objective-heading" @submit=${onSubmit} @input=${onInput} @change=${onInput}>
    <h4 id="objective-heading" class="objective-form__title">${heading}</h4>
    <p class="muted">${w.t('objective.required')}</p>
    ${notice ? html`<p class="notice-info" part="objective-notice">${notice}</p>` : nothing}
    <fieldset class="stack" ?disabled=${form.sending}>
      ${adding && form.sides.length > 1 ? renderChoice(view, 'side', form.sides.map((s) => [s, view.l.t(`side.${s}`)])) : nothing}
      ${adding
        ? renderChoice(view, 'kind', [
            ['measured', w.t('objective.kind.measured')],
            ['milestone', w.t('objective.kind.milestone')],
          ])
        : nothing}
      ${renderField(view, 'title', 'text', { required: true })} ${renderField(view, 'description', 'textarea')}
      <div class="row">
        ${renderField(view, 'ownerName', 'text', { required: true, hint: w.t('objective.hint.ownerName'), autocomplete: 'name' })}
        ${renderField(view, 'ownerEmail', 'email', { autocomplete: 'email' })}
      </div>
      ${measured ? renderMeasure(view) : nothing}
      ${renderField(view, 'dueDate', 'date', { hint: w.t('objective.hint.dueDate', dayRange(view)) })}
      ${adding ? renderField(view, 'activities', 'textarea', { hint: w.t('objective.hint.activities') }) : nothing}
      ${form.error ? renderFailure(view) : nothing}
      <div class="buttons">
        <button id="objective-save" class="button button--primary" part="objective-save" type="submit">
          ${form.sending ? w.t('objective.saving') : adding ? w.t('objective.save.add') : w.t('objective.save.edit')}
        </button>
        <button class="button" type="button" @click=${() => form.cancel()}>${w.t('objective.cancel')}</button>
      </div>
    </fieldset>
  </form>`;
}

function dayRange({ words, period }: ObjectiveView): { first: string; last: string } {
  const { first, last } = periodDays(period);
  const day = (d: string) => words.date(`${d}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  return { first: day(first), last: day(last) };
}

interface FieldOptions {
  required?: boolean;
  hint?: string;
  autocomplete?: 'name' | 'email';
}

/** A field's label, hint and problem around `control`. */
function wrap(view: ObjectiveView, name: ObjectiveField, control: TemplateResult, options: FieldOptions): TemplateResult {
  const problem = view.form.problemOf(name);
  return html`<div class="field" part="objective-field">
    <label for="objective-${name}">${view.words.t(`objective.f.${name}`)}${options.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
    ${control} ${options.hint ? html`<p id="objective-${name}-hint" class="hint muted">${options.hint}</p>` : nothing}
    ${problem ? html`<p id="objective-${name}-error" class="field-error" part="objective-field-error">${problemText(view.words, problem)}</p>` : nothing}
  </div>`;
}

/** `aria-describedby` of a field: its hint and its problem. */
function describedBy(view: ObjectiveView, name: ObjectiveField, hint: boolean): string | undefined {
  return [hint && `objective-${name}-hint`, view.form.problemOf(name) && `objective-${name}-error`].filter(Boolean).join(' ') || undefined;
}

function renderField(view: ObjectiveView, name: ObjectiveField, type: 'text' | 'email' | 'date' | 'number' | 'textarea', options: FieldOptions = {}): TemplateResult {
  const value = view.form.values[name];
  const invalid = view.form.problemOf(name) ? 'true' : 'false';
  const described = describedBy(view, name, Boolean(options.hint));
  const { first, last } = periodDays(view.period);
  const control =
    type === 'textarea'
      ? html`<textarea id="objective-${name}" name=${name} dir="auto" rows="3" aria-invalid=${invalid} aria-describedby=${described ?? nothing} .value=${value}></textarea>`
      : html`<input
          id="objective-${name}"
          name=${name}
          type=${type}
          dir=${type === 'text' ? 'auto' : 'ltr'}
          autocomplete=${options.autocomplete ?? 'off'}
          min=${type === 'date' ? first : type === 'number' ? '0' : nothing}
          max=${type === 'date' ? last : nothing}
          inputmode=${type === 'number' ? 'decimal' : nothing}
          aria-required=${options.required ? 'true' : 'false'}
          aria-invalid=${invalid}
          aria-describedby=${described ?? nothing}
          .value=${value}
        />`;
  return wrap(view, name, control, options);
}

/** Radio buttons for `side` or `kind`. */
function renderChoice(view: ObjectiveView, name: 'side' | 'kind', choices: [string, string][]): TemplateResult {
  const value = view.form.values[name];
  return html`<fieldset class="field choice" part="objective-field">
    <legend>${view.words.t(`objective.f.${name}`)}</legend>
    <div class="buttons">
      ${choices.map(
        ([choice, label], i) =>
          html`<label><input type="radio" name=${name} id=${i === 0 ? `objective-${name}` : `objective-${name}-${i}`} value=${choice} .checked=${value === choice} /> ${label}</label>`,
      )}
    </div>
  </fieldset>`;
}

/** The KPI and the target, in the KPI's unit. */
function renderMeasure(view: ObjectiveView): TemplateResult {
  const { words: w, form, kpis } = view;
  const chosen = kpis.find((k) => k.id === form.values.kpiId);
  const problem = form.problemOf('kpiId');
  const kpi = chosen && w.localise(chosen);
  const targetHint = !kpi
    ? undefined
    : kpi.unit === 'currency'
      ? w.t('objective.hint.target.currency', { currency: kpi.currency ?? '' })
      : w.t(`objective.hint.target.${kpi.unit}`);
  if (kpis.length === 0) return html`<p class="notice-info">${w.t('objective.noKpis')}</p>`;
  const select = html`<select
    id="objective-kpiId"
    name="kpiId"
    aria-required="true"
    aria-invalid=${problem ? 'true' : 'false'}
    aria-describedby=${describedBy(view, 'kpiId', true) ?? nothing}
  >
    <option value="" ?selected=${!chosen}>${w.t('objective.chooseKpi')}</option>
    ${kpis.map((k) => html`<option value=${k.id} ?selected=${k.id === form.values.kpiId}>${w.localise(k).name}</option>`)}
  </select>`;
  return html`<div class="row">
    ${wrap(view, 'kpiId', select, { required: true, hint: w.t('objective.hint.kpi') })}
    ${renderField(view, 'target', 'number', { required: true, ...(targetHint ? { hint: targetHint } : {}) })}
  </div>`;
}

/** Why the last save failed, that the draft is kept, and a retry. */
function renderFailure(view: ObjectiveView): TemplateResult {
  const { words: w, form } = view;
  return html`<div class="form-error" part="form-error" role="alert">
    <p>${w.t('objective.failed')} ${errorText(view.l, form.error)} ${w.t('objective.kept')}</p>
    <button class="button" type="button" @click=${() => void form.save()}>${w.t('objective.retry')}</button>
  </div>`;
}
