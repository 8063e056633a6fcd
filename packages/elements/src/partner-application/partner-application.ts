/**
 * `<partner-application>`: the public "become a partner" form, in steps, with a publishable key.
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { TaskStatus } from '@lit/task';
import type { BaseClient } from '@partnerkit/core/client/base';
import type { ApplicationForm } from '@partnerkit/core/schemas';
import { isAbortError } from '../platform/describe-error.js';
import { PartnerKitElement } from '../platform/partnerkit-element.js';
import { renderError } from '../platform/state-views.js';
import { ApplicationController } from './application-controller.js';
import { FIELD_NAMES, STEPS, type FieldName } from './application-fields.js';
import { KeyClient } from './key-client.js';
import { renderDone, renderSendError, renderStep, renderSteps, renderSummary, type ApplicationView } from './application-view.js';
import { partnerApplicationCatalogues, type PartnerApplicationMessages } from './i18n/index.js';
import { partnerApplicationStyles } from './partner-application.styles.js';

/**
 * A vendor's public "become a partner" form: a company applies to the programme without an
 * account. Four steps: the company (partner type, name, website and domains, country, size), the
 * contact, its capabilities (markets, industries, technical staff, certifications, experience,
 * references, why it wants to partner) with the programme's own questions, and a last check with
 * the consent; then a confirmation with the application number.
 *
 * Works with a publishable key alone (`publishable-key` and `base-url`; no provider, no
 * session): the key may read the form and send applications from the origins it lists, nothing
 * else. Validation is the contract's `ApplicationInput` schema and core's `checkAnswers`, step by
 * step, with messages in the element's language. What is typed is saved in `localStorage` (per
 * key and per instance: `draft-key`, else the element's `id`) and restored after a reload; the
 * submission sends the form's token and an empty honeypot, as the backend's bot defences expect,
 * with one idempotency key per application so a double submit makes one.
 *
 * @summary The public partner application form, in steps, with a publishable key.
 * @tagname partner-application
 *
 * @fires {PkApplicationSubmitEvent} pk-application-submit - the application validated and is about to be sent; cancelable
 * @fires {PkApplicationSubmittedEvent} pk-application-submitted - the backend took the application (`detail.data.number`)
 * @fires {PkErrorEvent} pk-error - loading the form or sending failed
 *
 * @csspart application - the box around the form
 * @csspart steps - the list of steps
 * @csspart step - each step of the list (the current one has `aria-current="step"`)
 * @csspart form - the form of the current step
 * @csspart field - each field (label, control, hint, error); a programme question is also `question`, the consent `consent`
 * @csspart field-error - a field's error message
 * @csspart error-summary - the list of problems shown after an attempt to move on
 * @csspart recap - a step's answers on the last step
 * @csspart change-button - the button that goes back to a step from the last one
 * @csspart back-button - the Back button
 * @csspart next-button - the Next button
 * @csspart submit-button - the Send application button
 * @csspart send-error - the banner when the application was not sent
 * @csspart retry-send - the button that sends again
 * @csspart restored - the note that a saved application was restored
 * @csspart success - the confirmation with the application number
 * @csspart start-over - the button that starts a new application
 *
 * @cssprop --pk-partner-application-field-width - the widest a field grows (default 36em)
 */
export class PartnerApplication extends PartnerKitElement<PartnerApplicationMessages> {
  static override styles = [PartnerKitElement.styles, partnerApplicationStyles];

  // Declared here rather than with decorators: the decorator helper would be bundled into this widget's chunk.
  static override properties: PropertyDeclarations = {
    publishableKey: { attribute: 'publishable-key' },
    baseUrl: { attribute: 'base-url' },
    draftKey: { attribute: 'draft-key' },
    referralCode: { attribute: 'referral-code' },
  };

  /** The programme's publishable key (`pk_pub_...`), allowed from this page's origin. */
  declare publishableKey?: string;

  /** Where the PartnerKit API is mounted (`https://prm.example.com/api`), for the publishable key. */
  declare baseUrl?: string;

  /** Names this instance's saved application; defaults to the element's `id`, else `default`. */
  declare draftKey?: string;

  /** A referral code sent with the application (the page's `?ref=`, say); the vendor reads it. */
  declare referralCode?: string;

  readonly #keyClient = new KeyClient(this);
  readonly application = new ApplicationController(this);

  constructor() {
    super(partnerApplicationCatalogues);
  }

  /** The client in use: the `client` property, else one of the publishable key, else the provider's. */
  override get resolvedClient(): BaseClient | undefined {
    if (this.client) return this.client;
    return this.publishableKey?.trim() && this.baseUrl?.trim() ? this.#keyClient.value : this.providedClient;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('publishableKey') || changed.has('baseUrl')) this.#keyClient.use(this.publishableKey?.trim(), this.baseUrl?.trim());
  }

  // While the key's client is being made, the widget shows loading, not "no client".
  protected override get connecting(): boolean {
    return super.connecting || (!this.client && this.#keyClient.pending);
  }

  /** Where the draft is kept (see `application-draft.ts`). */
  get draftSlot(): { programme: string; instance: string } {
    return { programme: this.publishableKey || 'default', instance: this.draftKey || this.id || 'default' };
  }

  get locale(): string {
    return this.localize.lang;
  }

  override render(): TemplateResult {
    const l = this.localize;
    const { phase, task } = this.application;
    // A form once loaded stays on screen while a new form token loads; an error replaces only a
    // form that never loaded.
    const form = task.value;
    const body =
      phase.kind === 'done'
        ? renderDone(l, this.application, phase.number)
        : form && l.ready
          ? this.#renderForm(form)
          : l.ready && task.status === TaskStatus.ERROR && !isAbortError(task.error)
            ? renderError(l, task.error, () => void task.run(), l.t('load.title'))
            : this.renderStates(task, { data: (loaded) => this.#renderForm(loaded) });
    return html`<section class="application" part="application" aria-labelledby="title">
      <h2 id="title" class="title">${l.t('title')}</h2>
      ${body}
    </section>`;
  }

  #view(form: ApplicationForm): ApplicationView {
    return { l: this.localize, app: this.application, form };
  }

  #renderForm(form: ApplicationForm): TemplateResult {
    const l = this.localize;
    const app = this.application;
    const view = this.#view(form);
    const index = STEPS.indexOf(app.step);
    const last = app.step === 'review';
    const sending = app.phase.kind === 'sending';
    return html`<p class="muted">${l.t('intro')}</p>
      ${renderSteps(view)}
      ${app.restored ? html`<p class="note" part="restored" role="status">${l.t('restored')}</p>` : nothing}
      ${renderSendError(view)} ${renderSummary(view)}
      ${app.checksError ? renderError(l, app.checksError, () => void (last ? app.submit() : app.next()), l.t('load.title')) : nothing}
      <form novalidate part="form" aria-labelledby="step-title" @submit=${this.#onSubmit} @focusin=${this.#onEnter} @input=${this.#onInput} @change=${this.#onInput} @focusout=${this.#onLeave}>
        <h3 id="step-title" class="step-title" tabindex="-1">${l.t('stepOf', { n: index + 1, total: STEPS.length, name: l.t(`step.${app.step}`) })}</h3>
        <p class="muted">${l.t('requiredNote')}</p>
        <fieldset class="stack" ?disabled=${sending}>
          ${renderStep(view)}
          <div class="actions">
            ${index > 0 ? html`<button type="button" class="button" part="back-button" @click=${() => app.back()}>${l.t('back')}</button>` : nothing}
            ${last
              ? html`<button type="submit" class="button button--primary" part="submit-button">${sending ? l.t('sending') : app.checking ? l.t('checking') : l.t('submit')}</button>`
              : html`<button type="submit" class="button button--primary" part="next-button">${app.checking ? l.t('checking') : l.t('next')}</button>`}
          </div>
        </fieldset>
      </form>`;
  }

  // A check asked for before its code was in is part of the update (tests and hosts await it).
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let pending = this.application.pending; pending; pending = this.application.pending) {
      await pending;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  // Entering the form loads its checks, so Next rarely waits for them.
  #onEnter = (): void => void this.application.prepare().catch(() => undefined);

  // Enter in a field, or the step's main button: the next step, or sending on the last.
  #onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.application.step === 'review') void this.application.submit();
    else void this.application.next();
  };

  #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    const name = target.name;
    if (name.startsWith('q:')) {
      const id = name.slice(2);
      if (target instanceof HTMLInputElement && target.type === 'checkbox') {
        const chosen = [...this.renderRoot.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(name)}"]:checked`)].map((box) => box.value);
        this.application.answer(id, chosen);
      } else this.application.answer(id, target.value);
      return;
    }
    if (!(FIELD_NAMES as readonly string[]).includes(name)) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? (target.checked ? 'yes' : '') : target.value;
    this.application.input(name as FieldName, value);
  };

  #onLeave = (event: FocusEvent): void => {
    const target = event.target as HTMLInputElement;
    // Moving within a group of choices is not leaving it.
    if (target.type === 'radio' || target.type === 'checkbox') {
      const group = target.closest('fieldset');
      if (group && event.relatedTarget instanceof Node && group.contains(event.relatedTarget)) return;
    }
    if (target.name) this.application.leave(target.name);
  };
}
