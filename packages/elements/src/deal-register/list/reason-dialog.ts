/**
 * The dialog that confirms a move and collects its reason (required to withdraw, reject or ask
 * for information; an optional note otherwise). A native modal `<dialog>`: it traps focus,
 * closes on Escape, and the caller returns focus to the button that opened it.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { DEAL_REASON_CODES } from '@partnerkit/core/schemas';
import type { DealAction } from './actions.js';

/** What the dialog shows. */
export interface ReasonDialogModel {
  /** "Reject · DR-000123" */
  title: string;
  action: DealAction;
  /** An error to show under the reason (already localised), if the last try failed. */
  error?: string;
  /** True while the move is being sent. */
  busy: boolean;
}

/** The dialog's words, already in the element's language. */
export interface ReasonDialogText {
  reason: string;
  note: string;
  code: string;
  codeLabel: (code: (typeof DEAL_REASON_CODES)[number]) => string;
  confirm: string;
  cancel: string;
}

/** Renders the dialog; the list opens it with `showModal()` once it is in the DOM. */
export function renderReasonDialog(
  model: ReasonDialogModel,
  text: ReasonDialogText,
  on: { submit: (event: SubmitEvent) => void; close: () => void },
): TemplateResult {
  const required = model.action.reason === 'required';
  return html`<dialog part="dialog" aria-labelledby="dlg-title" @close=${on.close}>
    <form class="stack" novalidate @submit=${on.submit}>
      <p id="dlg-title" class="title">${model.title}</p>
      ${model.action.closingCode
        ? html`<div class="field">
            <label for="dlg-code">${text.code}</label>
            <select id="dlg-code" name="code">
              ${DEAL_REASON_CODES.map((code) => html`<option value=${code}>${text.codeLabel(code)}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label for="dlg-reason">${required ? html`${text.reason}<span class="req" aria-hidden="true"> *</span>` : text.note}</label>
        <textarea
          id="dlg-reason"
          name="reason"
          dir="auto"
          rows="4"
          autofocus
          aria-required=${required ? 'true' : 'false'}
          aria-invalid=${model.error ? 'true' : 'false'}
          aria-describedby=${model.error ? 'dlg-error' : nothing}
        ></textarea>
        ${model.error ? html`<p id="dlg-error" class="error" role="alert">${model.error}</p>` : nothing}
      </div>
      <div class="row">
        <button class="button button--primary" type="submit" aria-disabled=${model.busy ? 'true' : 'false'}>${text.confirm}</button>
        <button class="button" type="button" @click=${(e: Event) => (e.target as HTMLElement).closest('dialog')?.close()}>${text.cancel}</button>
      </div>
    </form>
  </dialog>`;
}
