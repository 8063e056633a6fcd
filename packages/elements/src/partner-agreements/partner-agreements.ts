/**
 * `<partner-agreements>`: a partner's agreements with where it stands on each, the text of each
 * version rendered from data, and the accept flow with a record of what was accepted; for vendor
 * staff, one partner's agreements and who accepted what.
 * @module
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { agreements } from '@partnerkit/core/client/agreements';
import type { Acceptance, PartnerAgreement } from '@partnerkit/core/schemas';
import { PagedListController } from '../controllers/paged-list.js';
import { SessionController } from '../controllers/session.js';
import { PkAgreementAcceptedEvent } from '../events/agreement-accepted.js';
import { PartnerKitElement } from '../platform/partnerkit-element.js';
import { errorText, renderError, renderLoading, renderNoClient } from '../platform/state-views.js';
import { AcceptForm, type SignerField } from './accept-form.js';
import { partnerAgreementsCatalogues, type PartnerAgreementsMessages } from './i18n/index.js';
import { partnerAgreementsStyles } from './partner-agreements.styles.js';
import { localisedBody, renderRichText } from './rich-text.js';

/** Whose agreements, asked of whom: a change starts the list over. */
interface AgreementsQuery {
  partnerId: string;
  role: string;
}

const ERROR_KEYS = { name: 'agreements.err.name', jobTitle: 'agreements.err.jobTitle', confirmed: 'agreements.err.confirm' } as const;

/**
 * @summary A partner's agreements: what it accepted, what it must accept (and by when), the text of each version, and who accepted what.
 * @tagname partner-agreements
 *
 * @fires {PkAgreementAcceptedEvent} pk-agreement-accepted - A partner's user accepted a version; `detail.data.acceptance` is the record.
 * @fires {PkErrorEvent} pk-error - Loading or accepting failed.
 *
 * @csspart agreement - One agreement of the list.
 * @csspart status - An agreement's status badge (`status-accepted`, `status-to_accept`, `status-expiring`, `status-expired` too).
 * @csspart read-button - Opens an agreement's text and the form to accept it.
 * @csspart agreement-text - The text of a version.
 * @csspart agreement-link - A link inside an agreement's text.
 * @csspart accept-form - The form that records who accepts.
 * @csspart accept-button - Sends the acceptance.
 * @csspart record - What was accepted, by whom and when, with the text's fingerprint.
 * @csspart history - Who accepted what (vendor staff).
 * @csspart load-more - Loads the next page.
 *
 * @cssprop --pk-partner-agreements-text-max-height - How tall an agreement's text may grow before it scrolls (default 24em).
 * @cssprop --pk-partner-agreements-accepted-color - The accepted badge's colour.
 * @cssprop --pk-partner-agreements-due-color - The badge colour of an agreement to accept or expired.
 */
export class PartnerAgreements extends PartnerKitElement<PartnerAgreementsMessages> {
  static override styles = [PartnerKitElement.styles, partnerAgreementsStyles];

  static override properties: PropertyDeclarations = {
    partnerId: { attribute: 'partner-id' },
    agreementIds: { attribute: 'agreement-ids' },
  };

  /** The partner whose agreements to show. A partner session may leave it out (its own partner); vendor staff must name one. */
  declare partnerId: string;
  /**
   * Only these agreements (ids separated by commas or spaces), the first open for acceptance: how
   * `<deal-register>` and `<resource-library>` ask for the agreements an operation waits for.
   */
  declare agreementIds: string;

  readonly #session = new SessionController(this);

  readonly #standings = new PagedListController<PartnerAgreement, AgreementsQuery>(this, {
    query: () => {
      const partnerId = this.#session.scope(this.partnerId);
      return this.#session.settled && partnerId ? { partnerId, role: this.#session.role ?? 'partner' } : undefined;
    },
    load: ({ partnerId }, cursor, { client, signal }) => agreements(client).ofPartner(partnerId, { limit: 50, ...(cursor ? { cursor } : {}) }, { signal }),
    key: (standing) => standing.agreement.id,
  });

  // Who accepted what: vendor staff only (a partner sees its record on each agreement).
  readonly #history = new PagedListController<Acceptance, AgreementsQuery>(this, {
    query: () => {
      const partnerId = this.#session.scope(this.partnerId);
      return this.#session.settled && this.#session.role !== undefined && this.#session.role !== 'partner' && partnerId ? { partnerId, role: this.#session.role } : undefined;
    },
    load: ({ partnerId }, cursor, { client, signal }) => agreements(client).acceptances(partnerId, { limit: 50, ...(cursor ? { cursor } : {}) }, { signal }),
  });

  readonly #form = new AcceptForm(this);

  constructor() {
    super(partnerAgreementsCatalogues);
    this.partnerId = '';
    this.agreementIds = '';
  }

  get #only(): string[] {
    return this.agreementIds.split(/[\s,]+/).filter((id) => id !== '');
  }

  get #isPartner(): boolean {
    return this.#session.role === 'partner';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    // Asked for given agreements: the first still to accept opens by itself.
    const first = this.#only.length > 0 && this.#isPartner ? this.#shown().find((s) => s.status !== 'accepted') : undefined;
    if (first && this.#form.openId === undefined && !this.#form.records.has(first.agreement.id)) this.#form.openId = first.agreement.id;
  }

  #shown(): readonly PartnerAgreement[] {
    const only = this.#only;
    return only.length === 0 ? this.#standings.items : this.#standings.items.filter((s) => only.includes(s.agreement.id));
  }

  protected override render(): TemplateResult {
    const l = this.localize;
    if (!l.ready || this.connecting) return renderLoading(l);
    if (!this.resolvedClient) return renderNoClient(l, this.localName);
    const session = this.#session;
    if (!session.settled) return renderLoading(l);
    if (session.failed) return renderError(l, session.error, () => void session.run());
    const inline = this.#only.length > 0;
    return html`<section class="agreements" aria-labelledby="title">
      <h2 id="title" class=${inline ? 'visually-hidden' : ''}>${l.t('agreements.title')}</h2>
      ${inline && this.#isPartner ? html`<p class="intro">${l.t('agreements.required')}</p>` : nothing}
      ${this.renderStates(this.#standings, {
        empty: () => this.#shown().length === 0,
        emptyMessage: l.t('agreements.empty'),
        data: () => html`<ul class="list">
            ${this.#shown().map((standing) => this.#renderAgreement(standing))}
          </ul>
          ${this.#renderMore(this.#standings)}`,
      })}
      ${this.#isPartner || inline ? nothing : this.#renderHistory()}
    </section>`;
  }

  #renderMore<T>(list: PagedListController<T, AgreementsQuery>): TemplateResult | typeof nothing {
    const l = this.localize;
    return html`${list.hasMore
      ? html`<button class="button" part="load-more" type="button" ?disabled=${list.loading === 'more'} @click=${() => void list.loadMore()}>
          ${list.loading === 'more' ? l.t('agreements.loadingMore') : l.t('agreements.more')}
        </button>`
      : nothing}
    ${list.failedOn === 'more' ? renderError(l, list.error, () => void list.run()) : nothing}`;
  }

  #date(iso: string): string {
    return this.localize.date(iso, { dateStyle: 'long' });
  }

  #renderAgreement(standing: PartnerAgreement): TemplateResult {
    const l = this.localize;
    const { agreement, status, acceptance } = standing;
    const title = l.localise(agreement).title;
    const open = this.#form.openId === agreement.id;
    const record = this.#form.records.get(agreement.id);
    const canAccept = this.#isPartner && status !== 'accepted';
    const textId = `text-${agreement.id}`;
    return html`<li class="agreement" part="agreement" data-status=${status}>
      <div class="head">
        <h3 class="name">${title}</h3>
        <span class="status status--${status}" part="status status-${status}">${l.t(`agreements.status.${status}`)}</span>
      </div>
      <ul class="facts">
        ${standing.agreement.gates.map((gate) => html`<li>${l.t(`agreements.gate.${gate}`)}</li>`)}
        ${this.#dueText(standing)}
        <li>${acceptance ? l.t('agreements.acceptedBy', { version: acceptance.version, name: acceptance.acceptedBy.name, jobTitle: acceptance.acceptedBy.title, when: this.#date(acceptance.acceptedAt) }) : l.t('agreements.notAccepted')}</li>
      </ul>
      ${record ? this.#renderRecord(record.acceptance, record.title) : nothing}
      ${canAccept
        ? html`<button class="button ${open ? '' : 'button--primary'}" part="read-button" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${textId} @click=${() => this.#form.toggle(agreement.id)}>
            ${open ? l.t('agreements.hide') : l.t('agreements.read')}
          </button>`
        : nothing}
      ${status !== 'accepted' && !this.#isPartner ? html`<p class="muted">${l.t('agreements.managerOnly')}</p>` : nothing}
      ${open ? this.#renderText(standing, title, textId) : nothing}
    </li>`;
  }

  #dueText(standing: PartnerAgreement): TemplateResult | typeof nothing {
    const l = this.localize;
    const { status, dueAt, renewsAt, version, acceptance } = standing;
    if (status === 'to_accept') {
      const due = dueAt !== null && Date.parse(dueAt) > Date.now();
      return html`<li class="due">${due ? l.t('agreements.due.to_accept', { when: this.#date(dueAt as string) }) : l.t('agreements.due.now')}</li>`;
    }
    if (status === 'expired' && dueAt) return html`<li class="due">${l.t('agreements.due.expired', { when: this.#date(dueAt) })}</li>`;
    if (status === 'expiring' && dueAt) {
      const newVersion = acceptance !== null && acceptance.versionId !== version.id;
      return html`<li class="due">${newVersion ? l.t('agreements.due.newVersion', { version: version.version, when: this.#date(dueAt) }) : l.t('agreements.due.expiring', { when: this.#date(dueAt) })}</li>`;
    }
    return renewsAt ? html`<li>${l.t('agreements.renews', { when: this.#date(renewsAt) })}</li>` : nothing;
  }

  #renderText(standing: PartnerAgreement, title: string, textId: string): TemplateResult {
    const l = this.localize;
    const { body } = localisedBody(standing.version, l.lang);
    return html`<div class="reader" id=${textId}>
      <p class="muted">${l.t('agreements.version', { version: standing.version.version, when: this.#date(standing.version.effectiveAt) })}</p>
      <div class="text" part="agreement-text" tabindex="0" role="region" aria-label=${title}>${renderRichText(body, 4)}</div>
      ${this.#renderForm(standing, title)}
    </div>`;
  }

  #renderForm(standing: PartnerAgreement, title: string): TemplateResult {
    const l = this.localize;
    const form = this.#form;
    const invalid = (field: SignerField) => form.invalid.includes(field);
    const id = (field: string) => `${field}-${standing.agreement.id}`;
    const error = (field: SignerField) => (invalid(field) ? html`<p class="field-error" id=${id(`${field}-error`)}>${l.t(ERROR_KEYS[field])}</p>` : nothing);
    const described = (field: SignerField) => (invalid(field) ? id(`${field}-error`) : nothing);
    return html`<form class="accept" part="accept-form" novalidate @submit=${(event: Event) => this.#onSubmit(event, standing, title)}>
      <fieldset>
        <legend>${l.t('agreements.form.legend')}</legend>
        <div class="fields">
          <div class="field">
            <label for=${id('name')}>${l.t('agreements.form.name')}</label>
            <input id=${id('name')} name="name" autocomplete="name" maxlength="200" required .value=${form.draft.name} aria-invalid=${invalid('name') ? 'true' : 'false'} aria-describedby=${described('name')}
              @input=${(e: Event) => form.edit({ name: (e.target as HTMLInputElement).value })} />
            ${error('name')}
          </div>
          <div class="field">
            <label for=${id('jobTitle')}>${l.t('agreements.form.jobTitle')}</label>
            <input id=${id('jobTitle')} name="jobTitle" autocomplete="organization-title" maxlength="200" required .value=${form.draft.jobTitle} aria-invalid=${invalid('jobTitle') ? 'true' : 'false'} aria-describedby=${described('jobTitle')}
              @input=${(e: Event) => form.edit({ jobTitle: (e.target as HTMLInputElement).value })} />
            ${error('jobTitle')}
          </div>
        </div>
        <div class="confirm">
          <input type="checkbox" id=${id('confirmed')} name="confirmed" .checked=${form.draft.confirmed} aria-invalid=${invalid('confirmed') ? 'true' : 'false'} aria-describedby=${described('confirmed')}
            @change=${(e: Event) => form.edit({ confirmed: (e.target as HTMLInputElement).checked })} />
          <label for=${id('confirmed')}>${l.t('agreements.form.confirm', { title, version: standing.version.version })}</label>
        </div>
        ${error('confirmed')}
      </fieldset>
      ${form.error === undefined ? nothing : html`<div class="send-error" role="alert">${l.t('agreements.err.failed')} ${errorText(l, form.error)}</div>`}
      <button class="button button--primary" part="accept-button" type="submit" ?disabled=${form.sending}>
        ${form.sending ? l.t('agreements.form.accepting') : l.t('agreements.form.accept')}
      </button>
    </form>`;
  }

  #renderRecord(acceptance: Acceptance, title: string): TemplateResult {
    const l = this.localize;
    return html`<div class="record" part="record" role="status" tabindex="-1">
      <p><strong>${l.t('agreements.record.title')}</strong></p>
      <p>${l.t('agreements.record', { title, version: acceptance.version, name: acceptance.acceptedBy.name, jobTitle: acceptance.acceptedBy.title, when: l.date(acceptance.acceptedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
      <p class="muted">${l.t('agreements.record.language', { language: acceptance.language })}</p>
      <p class="muted">${l.t('agreements.record.hash')}: <code class="hash">${acceptance.contentHash}</code></p>
    </div>`;
  }

  async #onSubmit(event: Event, standing: PartnerAgreement, title: string): Promise<void> {
    event.preventDefault();
    const partnerId = this.#session.scope(this.partnerId);
    if (!partnerId) return;
    const { language } = localisedBody(standing.version, this.localize.lang);
    const acceptance = await this.#form.submit(partnerId, standing, title, language);
    if (!acceptance) {
      await this.updateComplete;
      (this.renderRoot.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
      return;
    }
    this.emit(new PkAgreementAcceptedEvent({ acceptance }));
    await this.#standings.reload();
    await this.updateComplete;
    (this.renderRoot.querySelector('[part~="record"]') as HTMLElement | null)?.focus?.();
  }

  #renderHistory(): TemplateResult {
    const l = this.localize;
    const titles = new Map(this.#standings.items.map((s) => [s.agreement.id, l.localise(s.agreement).title]));
    return html`<section class="history" part="history" aria-labelledby="history-title">
      <h3 id="history-title">${l.t('agreements.history')}</h3>
      ${this.renderStates(this.#history, {
        empty: (items) => items.length === 0,
        emptyMessage: l.t('agreements.history.empty'),
        data: (items) => html`<div class="table-wrap">
            <table role="table">
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">${l.t('agreements.col.agreement')}</th>
                  <th scope="col" role="columnheader">${l.t('agreements.col.version')}</th>
                  <th scope="col" role="columnheader">${l.t('agreements.col.by')}</th>
                  <th scope="col" role="columnheader">${l.t('agreements.col.when')}</th>
                  <th scope="col" role="columnheader">${l.t('agreements.col.language')}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                ${items.map(
                  (a) => html`<tr role="row">
                    <th scope="row" role="rowheader">${titles.get(a.agreementId) ?? a.agreementId}</th>
                    <td role="cell" data-label=${l.t('agreements.col.version')}>${a.version} <code class="hash">${a.contentHash}</code></td>
                    <td role="cell" data-label=${l.t('agreements.col.by')}>${a.acceptedBy.name} <span class="muted">(${a.acceptedBy.title})</span></td>
                    <td role="cell" data-label=${l.t('agreements.col.when')}>${l.date(a.acceptedAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                    <td role="cell" data-label=${l.t('agreements.col.language')}>${a.language}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${this.#renderMore(this.#history)}`,
      })}
    </section>`;
  }
}
