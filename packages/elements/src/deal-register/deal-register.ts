/**
 * `<deal-register>`: register deals, follow them, and (for vendor staff) review them.
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Role } from '@partnerkit/core/schemas';
import { PartnerKitElement } from '../platform/partnerkit-element.js';
import { LazyView } from '../controllers/lazy-view.js';
import { SessionController } from '../controllers/session.js';
import { renderError, renderLoading, renderNoClient } from '../platform/state-views.js';
import { TabsController } from '../controllers/tabs.js';
import { dealRegisterCatalogues, type DealRegisterMessages } from './i18n/index.js';
import { dealRegisterStyles } from './deal-register.styles.js';
import { DealFormController } from './form-controller.js';
import { renderDealForm } from './form-view.js';
import { SubmissionController } from './submission.js';
import type { DealListView } from './list/deal-list.js';

/** The two views: the Register form, and the list (My registrations, or Review for vendor staff). */
export type DealRegisterView = 'register' | 'list';

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
 * @csspart tab-panel - each tab's panel
 * @csspart session-error - the notice above the form when the session could not be confirmed (with a retry)
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
 * @csspart history-code - the closing code of a history entry (a rejection's `duplicate`, ...)
 * @csspart load-more - the button that loads the next page
 * @csspart dialog - the dialog that asks for a reason
 *
 * @cssprop --pk-deal-register-field-width - the widest a form field grows (default 32em)
 * @cssprop --pk-deal-register-chip-radius - corner radius of status chips (default 1em)
 */
export class DealRegister extends PartnerKitElement<DealRegisterMessages> {
  static override styles = [PartnerKitElement.styles, dealRegisterStyles];

  // Declared here rather than with decorators: the decorator helper would otherwise be bundled
  // into every chunk that declares properties (see resource-library.ts).
  static override properties: PropertyDeclarations = {
    partnerId: { attribute: 'partner-id', reflect: true },
    draftKey: { attribute: 'draft-key' },
    currency: {},
    view: { reflect: true },
  };

  /**
   * The partner deals are registered for and listed of. Optional for a partner session (its own
   * partner); a manager session needs it to register (Review lists every partner without it).
   */
  declare partnerId?: string;

  /**
   * Names this instance's saved draft, so two forms for one partner on a page keep two drafts.
   * Defaults to the element's `id`, else `default`.
   */
  declare draftKey?: string;

  /** The currency a new draft starts with (ISO 4217); defaults to VND in Vietnamese, else USD. */
  declare currency?: string;

  /** The view shown: `register` or `list` (My registrations, or Review for vendor staff). */
  view: DealRegisterView = 'register';

  readonly #session = new SessionController(this);

  readonly #form = new DealFormController(this, {
    slot: () => {
      const partnerId = this.scope;
      return partnerId ? { partnerId, instance: this.draftKey || this.id || 'default' } : undefined;
    },
    locale: () => this.localize.lang,
    currency: () => this.currency || (this.localize.language === 'vi' ? 'VND' : 'USD'),
  });

  readonly #submission = new SubmissionController(this, this.#form, {
    scope: () => this.scope,
    // A session still loading is waited for; a failed one counts as partner.
    role: () => this.#session.complete().then(() => this.sessionRole),
  });

  readonly #tabs = new TabsController<DealRegisterView>(this, {
    selected: () => this.#shownView,
    select: (view) => (this.view = view),
  });

  // The list's code loads on first use.
  readonly #list = new LazyView<DealListView>(this, () => import('./list/deal-list.js').then(({ DealListView }) => new DealListView(this, this.#session)));

  constructor() {
    super(dealRegisterCatalogues);
  }

  /** The caller's role once the session is known; `partner` until then. */
  get sessionRole(): Role {
    return this.#session.role ?? 'partner';
  }

  /** The partner in scope: the `partner-id` attribute, else the session's partner. */
  get scope(): string | undefined {
    return this.#session.scope(this.partnerId);
  }

  // Vendor staff without a partner only review; everyone else registers too.
  get #views(): DealRegisterView[] {
    return this.sessionRole !== 'partner' && !this.scope ? ['list'] : ['register', 'list'];
  }

  get #shownView(): DealRegisterView {
    return this.#views.includes(this.view) ? this.view : 'register';
  }

  /** Also waits for a check whose code was still loading (a first blur or submit). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let pending = this.#submission.pending ?? this.#form.pending; pending; pending = this.#submission.pending ?? this.#form.pending) {
      await pending;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#views.length === 1) this.view = 'list';
    if (this.view === 'list') this.#list.ensure();
  }

  protected override render(): TemplateResult {
    const l = this.localize;
    if (!l.ready || this.connecting) return renderLoading(l);
    if (!this.resolvedClient) return renderNoClient(l, this.localName);
    const session = this.#session;
    // Without partner-id the session says whose drafts these are and which views apply.
    if (!session.settled && !this.partnerId) return renderLoading(l);
    // Without a session nothing can be sent: say so, unless it is only out of reach for now and
    // the partner is known (then the form works as offline, and the list may still load).
    if (session.failed && !session.usable(this.partnerId)) return renderError(l, session.error, () => void session.run());
    const notice = session.failed ? this.#renderSessionNotice() : nothing;
    const list = () => this.#list.render(l, (view) => view.render());
    if (this.#views.length === 1) return html`${notice}${list()}`;
    return html`${notice}
      ${this.#tabs.renderTabs(l.t('deal.tabs'), [
        { key: 'register', label: l.t('deal.tab.register') },
        { key: 'list', label: this.sessionRole === 'partner' ? l.t('deal.tab.mine') : l.t('deal.tab.review') },
      ])}
      ${this.#tabs.renderPanel('register', () => this.#renderRegister())}
      ${this.#tabs.renderPanel('list', list)}`;
  }

  #renderSessionNotice(): TemplateResult {
    const l = this.localize;
    const session = this.#session;
    return html`<div part="session-error">
      ${renderError(l, session.error, () => void session.run(), l.t('deal.session.title'), l.t('deal.session.body'))}
    </div>`;
  }

  #renderRegister(): TemplateResult {
    return (
      this.#submission.renderDone() ??
      renderDealForm({ l: this.localize, form: this.#form, submission: this.#submission, onSubmit: this.#onSubmit, onInput: this.#onInput, onLeave: this.#onLeave, onEnter: this.#onEnter })
    );
  }

  readonly #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    if (this.#form.input(target.name, target.value)) this.#submission.edited();
  };

  readonly #onLeave = (event: FocusEvent): void => {
    const target = event.target as HTMLInputElement;
    // Fields lose focus when the form is disabled for sending: that is not the person leaving.
    if (target.matches(':disabled')) return;
    // Leaving the radio group, not moving between its radios.
    if (target.name === 'type' && (event.relatedTarget as HTMLInputElement | null)?.name === 'type') return;
    this.#form.leave(target.name);
  };

  readonly #onSubmit = (event: Event): void => {
    event.preventDefault();
    this.#submission.submit();
  };

  // Entering the form loads its validation, so a check never waits for it.
  readonly #onEnter = (): void => void this.#form.prepare().catch(() => undefined);
}
