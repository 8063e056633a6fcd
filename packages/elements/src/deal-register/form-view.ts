/**
 * The Register form as a template: the error summary, the three groups of fields, the pre-check's
 * live answer and the Register button. State comes from the form and submission controllers;
 * this module only renders it and reports what the person does.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { DEAL_TYPES } from '@partnerkit/core/schemas';
import type { LocalizeController } from '../platform/localize.js';
import type { PlatformMessages } from '../platform/i18n/index.js';
import type { DealRegisterMessages } from './i18n/index.js';
import { REQUIRED_FIELDS, type FieldName } from './form-fields.js';
import { countryChoices, currencyChoices, type Choice } from './choices.js';
import type { DealFormController } from './form-controller.js';
import type { SubmissionController } from './submission.js';

type Control = 'text' | 'email' | 'tel' | 'date' | 'textarea' | 'country' | 'currency';
type Localize = LocalizeController<PlatformMessages & DealRegisterMessages>;

/** What the form renders from, and where it reports input. */
export interface FormView {
  l: Localize;
  form: DealFormController;
  submission: SubmissionController;
  onSubmit(event: Event): void;
  onInput(event: Event): void;
  onLeave(event: FocusEvent): void;
  onEnter(): void;
}

/** The whole form (`part="form"`). */
export function renderDealForm(view: FormView): TemplateResult {
  const { l, form, submission } = view;
  const summary = form.summary;
  const field = (name: FieldName, control: Control, hint?: string) => renderField(view, name, control, hint);
  return html`<form novalidate part="form" @submit=${view.onSubmit} @input=${view.onInput} @change=${view.onInput} @focusout=${view.onLeave} @focusin=${view.onEnter}>
    ${submission.renderBanner(l)}
    ${summary.length
      ? html`<div class="summary banner banner--danger" part="error-summary" tabindex="-1" role="group" aria-labelledby="summary-title">
          <p id="summary-title"><strong>${form.summaryTitle(summary.length)}</strong></p>
          <ul>
            ${summary.map((p) => html`<li><a href="#f-${p.field}" @click=${focusField}>${l.t(`deal.f.${p.field}`)}: ${form.problemText(p)}</a></li>`)}
          </ul>
        </div>`
      : nothing}
    <p class="muted">${l.t('deal.requiredNote')}</p>
    <fieldset class="stack" ?disabled=${submission.busy}>
      <fieldset class="group">
        <legend>${l.t('deal.customer')}</legend>
        ${field('company', 'text')} ${field('domain', 'text', l.t('deal.hint.domain'))}
        <p class="check check--${submission.precheckState}" role="status" part="precheck">${submission.precheckText()}</p>
        ${field('country', 'country')} ${field('industry', 'text')}
      </fieldset>
      <fieldset class="group">
        <legend>${l.t('deal.contact')}</legend>
        ${field('contactName', 'text')} ${field('email', 'email')} ${field('phone', 'tel')} ${field('title', 'text')}
      </fieldset>
      <fieldset class="group">
        <legend>${l.t('deal.opportunity')}</legend>
        ${renderType(view)} ${field('products', 'textarea', l.t('deal.hint.products'))}
        <div class="row">${field('amount', 'text')} ${field('currency', 'currency')}</div>
        ${field('closeDate', 'date')} ${field('description', 'textarea')}
      </fieldset>
      <div>
        <button class="button button--primary" part="submit-button" type="submit">${submission.phase.kind === 'sending' ? l.t('deal.sending') : l.t('deal.submit')}</button>
      </div>
    </fieldset>
  </form>`;
}

// A summary link moves focus to its field (for the type, its first radio: none is checked then).
function focusField(event: Event): void {
  event.preventDefault();
  const link = event.currentTarget as HTMLAnchorElement;
  (link.getRootNode() as ParentNode).querySelector<HTMLElement>(link.hash)?.focus();
}

function renderField({ l, form }: FormView, name: FieldName, control: Control, hint?: string): TemplateResult {
  const problem = form.problemOf(name);
  const required = REQUIRED_FIELDS.includes(name);
  const id = `f-${name}`;
  const invalid = problem ? 'true' : 'false';
  const described = [hint && `h-${name}`, problem && `e-${name}`].filter(Boolean).join(' ') || undefined;
  const value = form.values[name];
  let input: TemplateResult;
  if (control === 'textarea') {
    input = html`<textarea id=${id} name=${name} dir="auto" rows=${name === 'description' ? 5 : 3} aria-invalid=${invalid} aria-describedby=${ifDefined(described)} .value=${live(value)}></textarea>`;
  } else if (control === 'country' || control === 'currency') {
    const choices: Choice[] = control === 'country' ? countryChoices(l.lang) : currencyChoices(l.lang, value);
    input = html`<select id=${id} name=${name} aria-invalid=${invalid} aria-describedby=${ifDefined(described)}>
      ${control === 'country' ? html`<option value="" ?selected=${!value}>${l.t('deal.choose')}</option>` : nothing}
      ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === value}>${c.label}</option>`)}
    </select>`;
  } else {
    input = html`<input id=${id} name=${name} type=${control} dir="auto" autocomplete="off"
      inputmode=${name === 'amount' ? 'decimal' : 'text'} aria-required=${ifDefined(required ? 'true' : undefined)}
      aria-invalid=${invalid} aria-describedby=${ifDefined(described)} .value=${live(value)} />`;
  }
  return html`<div class="field" part="field">
    <label for=${id}>${l.t(`deal.f.${name}`)}${required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>
    ${input} ${hint ? html`<p id="h-${name}" class="hint">${hint}</p>` : nothing}
    ${problem ? html`<p id="e-${name}" class="error" part="field-error">${form.problemText(problem)}</p>` : nothing}
  </div>`;
}

function renderType({ l, form }: FormView): TemplateResult {
  const problem = form.problemOf('type');
  return html`<fieldset class="field" part="field" role="radiogroup" aria-required="true" aria-invalid=${problem ? 'true' : 'false'}
    aria-describedby=${ifDefined(problem ? 'e-type' : undefined)}>
    <legend>${l.t('deal.f.type')}<span class="req" aria-hidden="true"> *</span></legend>
    <div class="row choices">
      ${DEAL_TYPES.map(
        (type, i) => html`<label><input type="radio" name="type" value=${type} id=${ifDefined(i ? undefined : 'f-type')} .checked=${live(form.values.type === type)} /> ${l.t(`deal.type.${type}`)}</label>`,
      )}
    </div>
    ${problem ? html`<p id="e-type" class="error" part="field-error">${form.problemText(problem)}</p>` : nothing}
  </fieldset>`;
}
