/**
 * `<deal-register>`: register deals, follow them, and (for vendor staff) review them.
 * @module
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { TaskStatus } from '@lit/task';
import { ifDefined } from 'lit/directives/if-defined.js';
import { newIdempotencyKey } from '@partnerkit/core/client';
import { session } from '@partnerkit/core/client/session';
import type { DealInput, Principal, Role } from '@partnerkit/core/schemas';
import { PartnerKitElement } from '../platform/partnerkit-element.js';
import type { MessageParams } from '../platform/localize.js';
import { isAbortError } from '../platform/describe-error.js';
import { PkDealSubmitEvent } from '../events/deal-submit.js';
import { dealRegisterCatalogues, type DealRegisterMessages } from './i18n/index.js';
import { dealRegisterStyles } from './deal-register.styles.js';
import { buildDealInput, emptyValues, fieldOfPath, problemsByField, REQUIRED_FIELDS, type DraftValues, type FieldName, type FieldProblem } from './form-model.js';
import { DraftStore, type QueuedSubmission } from './draft-store.js';
import { countryChoices, currencyChoices, type Choice } from './choices.js';
import type { DealListView, ListHost } from './list/deal-list.js';
import type { SubmitView, SendResult } from './submit/submit-view.js';

/** A submission to keep until it can be sent: offline now, or the backend could not be reached. */
const queueEntry = (input: DealInput, key: string): QueuedSubmission => ({
  key,
  input,
  queuedAt: new Date().toISOString(),
  cause: navigator.onLine === false ? 'offline' : 'failed',
});

/** The two views: the Register form, and the list (My registrations, or Review for vendor staff). */
export type DealRegisterView = 'register' | 'list';

/** Where the Register view stands. */
type Phase =
  | { kind: 'form'; notice?: 'restored' | 'cancelled' }
  | { kind: 'sending' }
  /** Registered, refused or not sent: the outcome view renders it. */
  | { kind: 'outcome'; result: Extract<SendResult, { kind: 'done' | 'conflict' | 'failed' | 'refused' }> }
  | { kind: 'queued'; queued: QueuedSubmission; error?: unknown };

type Control = 'text' | 'email' | 'tel' | 'date' | 'textarea' | 'country' | 'currency';

/**
 * Registers deals for a partner and shows what became of them. A partner session gets two
 * views, **Register** and **My registrations**; a manager or admin session gets **Register**
 * (for the partner named by `partner-id`) and **Review**, the queue of registrations to approve,
 * reject, ask about or extend.
 *
 * The form validates with the contract's `DealInput` schema (messages in the element's
 * language, on blur and on submit, with an error summary linking to each field), pre-checks the
 * customer as it is typed, and submits with one idempotency key per draft. What is typed is saved
 * in `localStorage` per partner and per instance (`draft-key`, else the element's `id`) and
 * restored after a reload; a submission made offline, or while the backend is down, is queued
 * and sent once when the connection returns.
 *
 * @summary Deal registration: register, follow, review.
 * @tagname deal-register
 *
 * @fires {PkDealSubmitEvent} pk-deal-submit - the form validated and is about to be sent; cancelable
 * @fires {PkDealSubmittedEvent} pk-deal-submitted - the backend registered the deal (`detail.data.deal`)
 * @fires {PkDealConflictEvent} pk-deal-conflict - the customer is already held (`detail.data.reason`)
 * @fires {PkDealTransitionEvent} pk-deal-transition - a deal moved (withdrawn, won, approved, ...)
 * @fires {PkErrorEvent} pk-error - loading or an action failed
 *
 * @csspart tabs - the tab list
 * @csspart tab - each tab
 * @csspart form - the registration form
 * @csspart field - each field (label, control, hint, error)
 * @csspart field-error - a field's error message
 * @csspart error-summary - the list of problems shown after an invalid submit
 * @csspart precheck - the availability answer under the customer fields
 * @csspart submit-button - the Register button
 * @csspart success - the confirmation after a registration
 * @csspart conflict - the banner when the customer is already held
 * @csspart send-error - the banner when a registration was not sent (with a retry)
 * @csspart queued - the banner of a submission waiting for the connection
 * @csspart status-chip - a deal's status
 * @csspart list-toolbar - the status filter and search above a list
 * @csspart deal-list - the list of deals
 * @csspart deal - a deal in the list
 * @csspart conflicts - a deal's possible conflicts (Review)
 * @csspart action - every action button of a deal; also `action-<move>` (`action-withdrawn`, `action-approved`, `action-extend`, ...)
 * @csspart history-toggle - the button that shows a deal's history
 * @csspart history - a deal's history
 * @csspart load-more - the button that loads the next page
 * @csspart dialog - the dialog that asks for a reason
 *
 * @cssprop --pk-deal-register-field-width - the widest a form field grows (default 32em)
 * @cssprop --pk-deal-register-chip-radius - corner radius of status chips (default 1em)
 */
export class DealRegister extends PartnerKitElement<DealRegisterMessages> {
  static override styles = [PartnerKitElement.styles, dealRegisterStyles];

  /**
   * The partner deals are registered for and listed of. Optional for a partner session (its own
   * partner); a manager session needs it to register (Review lists every partner without it).
   */
  @property({ attribute: 'partner-id', reflect: true }) partnerId?: string;

  /**
   * Names this instance's saved draft, so two forms for one partner on a page keep two drafts.
   * Defaults to the element's `id`, else `default`.
   */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** The currency a new draft starts with (ISO 4217); defaults to VND in Vietnamese, else USD. */
  @property() currency?: string;

  /** The view shown: `register` or `list` (My registrations, or Review for vendor staff). */
  @property({ reflect: true }) view: DealRegisterView = 'register';

  @state() private values: DraftValues = emptyValues('');
  @state() private phase: Phase = { kind: 'form' };
  @state() private problems: FieldProblem[] = [];
  @state() private list?: DealListView;
  @state() private listError?: unknown;

  private key = newIdempotencyKey();
  private touched = new Set<FieldName>();
  private attempted = false;
  private typed = false;
  private store?: DraftStore;
  private listModule?: Promise<void>;
  private submitter?: SubmitView;
  private submitModule?: Promise<SubmitView>;

  private readonly session = this.createDataTask(
    () => [] as const,
    (_, { client, signal }): Promise<Principal> => session(client).get({ signal }),
  );

  constructor() {
    super(dealRegisterCatalogues);
  }

  /** A message of this element's catalogue in its language. */
  private t<K extends keyof DealRegisterMessages & string>(key: K, ...params: MessageParams<DealRegisterMessages[K]>): string {
    return this.localize.t(key, ...params);
  }

  /** The caller's role once the session is known; `partner` until then. */
  get sessionRole(): Role {
    return this.session.value?.role ?? 'partner';
  }

  // Settled: loaded, or failed (a partner's views then); an abort (disconnect) runs again.
  private get sessionKnown(): boolean {
    const { status, error } = this.session;
    return status === TaskStatus.COMPLETE || (status === TaskStatus.ERROR && !isAbortError(error));
  }

  /** The partner in scope: the `partner-id` attribute, else the session's partner. */
  get scope(): string | undefined {
    return this.partnerId || this.session.value?.partnerId || undefined;
  }

  private get views(): DealRegisterView[] {
    return this.sessionRole !== 'partner' && !this.scope ? ['list'] : ['register', 'list'];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.flush);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.flush);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.values.currency) this.values = { ...this.values, currency: this.currency || (this.localize.language === 'vi' ? 'VND' : 'USD') };
    this.openStore();
    if (this.views.length === 1) this.view = 'list';
    if (this.view === 'list') {
      // The list's code loads on first use; a failed load (a CDN chunk offline) can be retried.
      this.listModule ??= this.loadList().catch((error: unknown) => {
        this.listModule = undefined;
        this.listError = error;
        this.reportError(error);
      });
    }
  }

  // Opens the draft slot of the current partner and instance, restoring what it holds.
  private openStore(): void {
    const scope = this.scope;
    if (!scope) return;
    const instance = this.draftKey || this.id || 'default';
    if (this.store?.key.endsWith(`:${scope}:${instance}`)) return;
    const store = (this.store = new DraftStore(scope, instance));
    const draft = store.draft();
    if (draft && !this.typed) {
      this.values = draft.values;
      this.key = draft.key;
      this.phase = { kind: 'form', notice: 'restored' };
    } else if (this.typed) {
      this.saveDraft();
    }
    const queued = store.queued();
    if (queued) {
      this.phase = { kind: 'queued', queued };
      if (navigator.onLine) queueMicrotask(this.flush);
    }
    if (draft) void this.loadSubmitter().catch(() => undefined);
  }

  private saveDraft(): void {
    this.store?.save('draft', { values: this.values, key: this.key });
  }

  private async loadList(): Promise<void> {
    const { DealListView } = await import('./list/deal-list.js');
    const host: ListHost = {
      t: (key) => this.t(key),
      report: (e) => this.reportError(e),
      sessionKnown: () => this.sessionKnown,
      renderLoading: () => this.renderLoading(),
      renderError: (e, retry) => this.renderError(e, retry),
      renderEmpty: (m) => this.renderEmpty(m),
    };
    this.list = new DealListView(this, host);
    this.listError = undefined;
  }

  // ---- rendering -------------------------------------------------------------------------

  protected override render(): TemplateResult {
    if (!this.localize.ready) return this.renderLoading();
    const views = this.views;
    const t = this.t.bind(this);
    const view = views.includes(this.view) ? this.view : 'register';
    const listLabel = this.sessionRole === 'partner' ? t('deal.tab.mine') : t('deal.tab.review');
    if (!this.resolvedClient) return this.renderStates(this.session, { data: () => nothing });
    // Without partner-id the session says whose drafts these are and which views apply; a failed
    // session falls back to a partner's views, with the draft kept in the page only.
    if (!this.partnerId && !this.session.value && this.session.status !== TaskStatus.ERROR) return this.renderLoading();
    const panel = (name: DealRegisterView, body: unknown) =>
      html`<div id="panel-${name}" role="tabpanel" aria-labelledby="tab-${name}" ?hidden=${view !== name}>${body}</div>`;
    const list = () => this.list?.render() ?? (this.listError ? this.renderError(this.listError, () => this.requestUpdate()) : this.renderLoading());
    if (views.length === 1) return list();
    return html`
      <div role="tablist" aria-label=${t('deal.tabs')} part="tabs" @keydown=${this.onTabKey}>
        ${views.map(
          (name) => html`<button id="tab-${name}" role="tab" part="tab" type="button" aria-selected=${view === name ? 'true' : 'false'}
            aria-controls="panel-${name}" tabindex=${view === name ? 0 : -1} @click=${() => this.select(name)}>
            ${name === 'register' ? t('deal.tab.register') : listLabel}
          </button>`,
        )}
      </div>
      ${panel('register', this.renderRegister())}
      ${panel('list', view === 'list' ? list() : nothing)}
    `;
  }

  private select(view: DealRegisterView, focus = false): void {
    this.view = view;
    if (focus) void this.focusAfterRender(`#tab-${view}`);
  }

  // Arrow keys, Home and End move between tabs (automatic activation, as in the ARIA APG).
  private onTabKey(event: KeyboardEvent): void {
    const views = this.views;
    const at = views.indexOf(this.view);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: views.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.select(views[(next + views.length) % views.length]!, true);
  }

  private renderRegister(): TemplateResult {
    const phase = this.phase;
    if (phase.kind === 'outcome' && phase.result.kind === 'done') return this.submitter!.renderDone(phase.result.deal, this.another);
    const t = this.t.bind(this);
    const byField = problemsByField(this.problems);
    const shown = this.attempted ? Object.values(byField) : [];
    const busy = phase.kind === 'sending' || phase.kind === 'queued';
    return html`<form novalidate part="form" @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput} @focusout=${this.onBlur}>
      ${this.renderBanner()}
      ${shown.length
        ? html`<div class="summary banner banner--danger" part="error-summary" tabindex="-1" role="group" aria-labelledby="summary-title">
            <p id="summary-title"><strong>${t('deal.summary', { count: shown.length })}</strong></p>
            <ul>
              ${shown.map(
                (p) => html`<li><a href="#f-${p.field}" @click=${(e: Event) => this.focusField(e, p.field)}>${this.label(p.field)}: ${this.message(p)}</a></li>`,
              )}
            </ul>
          </div>`
        : nothing}
      <p class="muted">${t('deal.requiredNote')}</p>
      <fieldset class="stack" ?disabled=${busy}>
        <fieldset class="group">
          <legend>${t('deal.customer')}</legend>
          ${this.field('company', 'text')} ${this.field('domain', 'text', t('deal.hint.domain'))}
          <p class="check check--${this.submitter?.precheck.state.kind ?? 'idle'}" role="status" part="precheck">${this.submitter?.precheckText()}</p>
          ${this.field('country', 'country')} ${this.field('industry', 'text')}
        </fieldset>
        <fieldset class="group">
          <legend>${t('deal.contact')}</legend>
          ${this.field('contactName', 'text')} ${this.field('email', 'email')} ${this.field('phone', 'tel')} ${this.field('title', 'text')}
        </fieldset>
        <fieldset class="group">
          <legend>${t('deal.opportunity')}</legend>
          ${this.renderType()} ${this.field('products', 'textarea', t('deal.hint.products'))}
          <div class="row">${this.field('amount', 'text')} ${this.field('currency', 'currency')}</div>
          ${this.field('closeDate', 'date')} ${this.field('description', 'textarea')}
        </fieldset>
        <div><button class="button button--primary" part="submit-button" type="submit">${phase.kind === 'sending' ? t('deal.sending') : t('deal.submit')}</button></div>
      </fieldset>
    </form>`;
  }

  private label(name: FieldName): string {
    return this.t(`deal.f.${name}`);
  }

  /** A field's problem, once the person has left the field or tried to submit. */
  private problemOf(name: FieldName): FieldProblem | undefined {
    return this.attempted || this.touched.has(name) ? this.problems.find((p) => p.field === name) : undefined;
  }

  private message(problem: FieldProblem): string {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(problem.params ?? {})) params[k] = typeof v === 'number' ? this.localize.number(v) : v;
    return (this.t as (key: string, params: object) => string)(problem.key, params);
  }

  private field(name: FieldName, control: Control, hint?: string): TemplateResult {
    const problem = this.problemOf(name);
    const required = REQUIRED_FIELDS.includes(name);
    const described = [hint && `h-${name}`, problem && `e-${name}`].filter(Boolean).join(' ') || undefined;
    const common = {
      id: `f-${name}`,
      invalid: problem ? ('true' as const) : ('false' as const),
      described,
      required: required ? ('true' as const) : undefined,
    };
    const value = this.values[name];
    let input: TemplateResult;
    if (control === 'textarea') {
      input = html`<textarea id=${common.id} name=${name} dir="auto" rows=${name === 'description' ? 5 : 3} aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.described)} .value=${live(value)}></textarea>`;
    } else if (control === 'country' || control === 'currency') {
      const lang = this.localize.lang;
      const choices: Choice[] = control === 'country' ? countryChoices(lang) : currencyChoices(lang, value);
      input = html`<select id=${common.id} name=${name} aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.described)}>
        ${control === 'country' ? html`<option value="" ?selected=${!value}>${this.t('deal.choose')}</option>` : nothing}
        ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === value}>${c.label}</option>`)}
      </select>`;
    } else {
      input = html`<input id=${common.id} name=${name} type=${control} dir="auto" autocomplete="off"
        inputmode=${name === 'amount' ? 'decimal' : 'text'} aria-required=${ifDefined(common.required)}
        aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.described)} .value=${live(value)} />`;
    }
    return html`<div class="field" part="field">
      <label for=${common.id}>${this.label(name)}${required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>
      ${input} ${hint ? html`<p id="h-${name}" class="hint">${hint}</p>` : nothing}
      ${problem ? html`<p id="e-${name}" class="error" part="field-error">${this.message(problem)}</p>` : nothing}
    </div>`;
  }

  private renderType(): TemplateResult {
    const problem = this.problemOf('type');
    const t = this.t.bind(this);
    return html`<fieldset class="field" part="field" role="radiogroup" aria-required="true" aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${ifDefined(problem ? 'e-type' : undefined)}>
      <legend>${t('deal.f.type')}<span class="req" aria-hidden="true"> *</span></legend>
      <div class="row">
        ${(['resell', 'referral', 'co_sell'] as const).map(
          (type, i) => html`<label><input type="radio" name="type" value=${type} id=${ifDefined(i ? undefined : 'f-type')} .checked=${live(this.values.type === type)} /> ${t(`deal.type.${type}`)}</label>`,
        )}
      </div>
      ${problem ? html`<p id="e-type" class="error" part="field-error">${this.message(problem)}</p>` : nothing}
    </fieldset>`;
  }

  private renderBanner(): TemplateResult | typeof nothing {
    const phase = this.phase;
    const t = this.t.bind(this);
    if (phase.kind === 'form' && phase.notice) {
      return html`<p class="banner" role="status">${t(phase.notice === 'restored' ? 'deal.restored' : 'deal.queued.cancelled')}</p>`;
    }
    if (phase.kind === 'outcome') return this.submitter!.renderBanner(phase.result);
    if (phase.kind === 'queued') {
      const { queued, error } = phase;
      const company = queued.input.customer.company;
      return html`<div class="banner banner--pending focus-target" part="queued" tabindex="-1">
        <p><strong>${t('deal.queued')}</strong></p>
        <p>${queued.cause === 'offline' ? t('deal.queued.offline', { company }) : t('deal.queued.failed', { company })}</p>
        ${error && this.submitter ? html`<p>${this.submitter.errorText(error)}</p>` : nothing}
        <p class="muted">${t('deal.queued.since', { when: this.localize.relativeTime(queued.queuedAt) })}</p>
        <div class="row">
          <button class="button button--primary" type="button" @click=${this.flush}>${t('deal.queued.send')}</button>
          <button class="button" type="button" @click=${this.cancelQueued}>${t('deal.queued.cancel')}</button>
        </div>
      </div>`;
    }
    return nothing;
  }

  // ---- behaviour -------------------------------------------------------------------------

  private onInput(event: Event): void {
    const target = event.target as HTMLInputElement;
    const name = target.name as FieldName;
    if (!(name in this.values) || this.values[name] === target.value) return;
    if (!this.typed) void this.loadSubmitter().catch(() => undefined);
    this.typed = true;
    this.values = { ...this.values, [name]: target.value };
    if (this.phase.kind !== 'form' || this.phase.notice) this.phase = { kind: 'form' };
    this.saveDraft();
    if (name === 'company' || name === 'domain') this.submitter?.precheck.update(this.values.company, this.values.domain);
    // Problems already on screen follow the text, so they disappear as soon as they are fixed.
    if (this.attempted || this.touched.has(name)) this.validate();
  }

  private onBlur(event: FocusEvent): void {
    const target = event.target as HTMLInputElement;
    const name = target.name as FieldName;
    // Fields lose focus when the form is disabled for sending: that is not the person leaving.
    if (!(name in this.values) || target.matches(':disabled')) return;
    // Leaving the radio group, not moving between its radios.
    if (name === 'type' && (event.relatedTarget as HTMLInputElement | null)?.name === 'type') return;
    this.touched.add(name);
    this.validate();
  }

  private validate() {
    const built = buildDealInput(this.values, this.localize.lang);
    this.problems = built.ok ? [] : built.problems;
    return built;
  }

  // A summary link moves focus to its field (for the type, its first radio: none is checked then).
  private focusField(event: Event, name: FieldName): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#f-${name}`)?.focus();
  }

  private async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    // A second click while sending, or while a submission waits in the queue, does nothing.
    if (this.phase.kind === 'sending' || this.phase.kind === 'queued') return;
    this.attempted = true;
    const built = this.validate();
    if (!built.ok) {
      this.phase = { kind: 'form' };
      return this.focusAfterRender('.summary');
    }
    const submit = this.emit(new PkDealSubmitEvent({ input: built.input, idempotencyKey: this.key }, this.scope));
    if (submit.defaultPrevented) return;
    if (navigator.onLine === false) {
      this.enqueue(queueEntry(built.input, this.key));
      return;
    }
    await this.send(built.input, this.key, false);
  }

  private enqueue(queued: QueuedSubmission, error?: unknown): void {
    this.store?.save('queued', queued);
    this.phase = error === undefined ? { kind: 'queued', queued } : { kind: 'queued', queued, error };
    void this.focusAfterRender('.focus-target');
  }

  /** Sends the queued submission, if any (on `online`, on "Send now", after a reload). */
  private readonly flush = (): void => {
    if (this.phase.kind === 'queued') void this.send(this.phase.queued.input, this.phase.queued.key, true);
  };

  private readonly cancelQueued = (): void => {
    this.store?.clear('queued');
    this.phase = { kind: 'form', notice: 'cancelled' };
    void this.focusAfterRender('[part=submit-button]');
  };

  // Loads the pre-check and the code that sends (on the first keystroke, or a restored draft).
  private loadSubmitter(): Promise<SubmitView> {
    return (this.submitModule ??= import('./submit/submit-view.js').then(
      ({ SubmitView }) => {
        this.submitter = new SubmitView(this, () => this.resolvedClient);
        this.submitter.precheck.update(this.values.company, this.values.domain);
        return this.submitter;
      },
      (error: unknown) => {
        this.submitModule = undefined;
        throw error;
      },
    ));
  }

  private async send(input: DealInput, key: string, fromQueue: boolean): Promise<void> {
    const client = this.resolvedClient;
    if (!client || this.phase.kind === 'sending') return;
    const previous = this.phase;
    this.phase = { kind: 'sending' };
    const queued = previous.kind === 'queued' ? previous.queued : queueEntry(input, key);
    let result: SendResult;
    try {
      const view = await this.loadSubmitter();
      result = await view.send(input, key, {
        client,
        scope: this.scope,
        role: await this.resolveRole(),
        fromQueue,
        emit: (e) => this.emit(e),
        report: (e) => this.reportError(e),
      });
    } catch (error) {
      if (isAbortError(error)) {
        this.phase = previous;
        return;
      }
      // The code that sends could not load (offline, CDN down): the submission waits like offline.
      this.reportError(error);
      return this.enqueue(queued, error);
    }
    // The answer may be lost: the same key with the exact body, so resending cannot duplicate.
    if (result.kind === 'unknown') return this.enqueue(queued, result.error);
    if (result.kind === 'done') {
      this.store?.clear();
      this.key = newIdempotencyKey();
      this.values = emptyValues(this.values.currency);
      this.touched.clear();
      this.attempted = this.typed = false;
      this.problems = [];
      this.submitter?.precheck.reset();
    } else if (result.kind === 'failed') {
      // Not accepted for now (session, rate limit, unreadable answer): the same key on retry.
      this.store?.clear('queued');
    } else {
      // A definite refusal: nothing was created under this key; the next attempt gets a new one.
      this.store?.clear('queued');
      this.key = newIdempotencyKey();
      this.saveDraft();
    }
    if (result.kind === 'invalid') {
      this.problems = result.errors.map((e) => ({ field: fieldOfPath(e.path) ?? 'company', key: 'deal.err.server', params: { detail: e.message } }));
      this.attempted = true;
      this.phase = { kind: 'form' };
      return this.focusAfterRender('.summary');
    }
    this.phase = { kind: 'outcome', result };
    void this.focusAfterRender('.focus-target');
  }

  // The role for a submission: a session still loading is waited for; a failed one counts as partner.
  private async resolveRole(): Promise<Role> {
    if (this.session.status === TaskStatus.PENDING) await this.session.taskComplete.catch(() => undefined);
    return this.sessionRole;
  }

  private readonly another = (): void => {
    this.phase = { kind: 'form' };
    void this.focusAfterRender('#f-company');
  };
}
