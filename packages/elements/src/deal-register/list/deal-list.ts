/**
 * `<deal-register>`'s list view, loaded on first use: a partner's registrations ("My
 * registrations") or, for vendor staff, the review queue. Status filter, search, cursor
 * pagination, each deal's history, and the moves core's state machine allows the role.
 * @module
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { isConflictError } from '@partnerkit/core/client';
import type { BaseClient } from '@partnerkit/core/client/base';
import { deals } from '@partnerkit/core/client/deals';
import { transitionEventType } from '@partnerkit/core/rules';
import { DEAL_STATUSES, type Deal, type DealHistoryEntry, type DealStatus } from '@partnerkit/core/schemas';
import { LocalizeController, mergeCatalogues } from '../../platform/localize.js';
import { platformCatalogues } from '../../platform/i18n/index.js';
import { describeError } from '../../platform/describe-error.js';
import { PkDealTransitionEvent } from '../../events/deal-transition.js';
import { listEn } from '../i18n/list-en.js';
import { listVi } from '../i18n/list-vi.js';
import { statusEn, statusVi } from '../i18n/status.js';
import { chipStyles } from '../chip.styles.js';
import { adoptMoreStyles } from '../adopt-styles.js';
import { listStyles } from './list.styles.js';
import type { DealRegister } from '../deal-register.js';
import { dealActions, type DealAction } from './actions.js';
import { renderReasonDialog, type ReasonDialogModel } from './reason-dialog.js';

/** What the list needs from its element beyond its public API (protected helpers). */
export interface ListHost {
  /** A message of the element's main catalogue (registration types). */
  t(key: `deal.type.${Deal['type']}`): string;
  report(error: unknown): void;
  /**
   * Whether the session has said who is calling (or failed for good). The role and the partner
   * decide what is listed, so the list waits for them rather than asking twice.
   */
  sessionKnown(): boolean;
  renderLoading(): TemplateResult;
  renderError(error: unknown, retry: () => void): TemplateResult;
  renderEmpty(message: string): TemplateResult;
}

/** Deals per page. */
export const PAGE_SIZE = 25;
/**
 * Rows added to the page at a time. Thousands of loaded deals are rendered a batch at a time as
 * the end of the list comes near the viewport, so no render is a long task.
 */
export const RENDER_BATCH = 30;
/** What "Waiting for review" shows. */
export const REVIEW_QUEUE: readonly DealStatus[] = ['submitted', 'under_review'];
const SEARCH_DELAY_MS = 300;

type Dialog = ReasonDialogModel & { deal: Deal; opener: HTMLElement | null };

/** The list view as a Lit controller of the element; the element calls `render()`. */
export class DealListView implements ReactiveController {
  private readonly l;
  private deals: Deal[] = [];
  private cursor: string | null = null;
  private loading: 'first' | 'more' | false = false;
  private error: unknown;
  private filter: string | undefined;
  private q = '';
  private loaded = '';
  private client: BaseClient | undefined;
  private request?: AbortController;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private readonly open = new Set<string>();
  private dialog?: Dialog;
  private announcement = '';
  private focusAfterMore = -1;
  private shown = RENDER_BATCH;
  private observer?: IntersectionObserver;
  private watched?: { sentinel: Element; shown: number };

  constructor(
    private readonly host: DealRegister,
    private readonly api: ListHost,
  ) {
    this.l = new LocalizeController(host, mergeCatalogues(platformCatalogues, mergeCatalogues({ en: listEn, vi: listVi }, { en: statusEn, vi: statusVi })));
    adoptMoreStyles(host, chipStyles);
    adoptMoreStyles(host, listStyles);
    host.addController(this);
    host.requestUpdate();
  }

  private get review(): boolean {
    return this.host.sessionRole !== 'partner';
  }

  hostUpdate(): void {
    // A list asked for before the session answers would be asked for again once it does (a
    // manager's queue, not every deal; the session's partner, not none): wait for it.
    if (!this.api.sessionKnown()) return;
    // Vendor staff start on the review queue, partners on everything (until they pick a filter).
    const status = this.filter ?? (this.review ? 'queue' : '');
    const query = JSON.stringify([this.host.sessionRole, this.host.scope, status, this.q.trim()]);
    const client = this.host.resolvedClient;
    if (query !== this.loaded || client !== this.client) {
      this.loaded = query;
      this.client = client;
      this.deals = [];
      this.cursor = null;
      void this.fetch();
    }
  }

  hostUpdated(): void {
    const dialog = this.host.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    if (this.focusAfterMore >= 0 && !this.loading) {
      this.host.renderRoot.querySelectorAll<HTMLElement>('.deal')[this.focusAfterMore]?.focus();
      this.focusAfterMore = -1;
    }
    this.watchSentinel();
  }

  // Observes the marker after the last rendered row; observing it anew after each batch makes
  // the observer report at once, so a marker still in view asks for the next batch.
  private watchSentinel(): void {
    const sentinel = this.host.renderRoot.querySelector('.sentinel');
    if (sentinel === this.watched?.sentinel && this.shown === this.watched.shown) return;
    if (this.watched) this.observer?.unobserve(this.watched.sentinel);
    this.watched = undefined;
    if (!sentinel) return;
    this.observer ??= new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting) || this.shown >= this.deals.length) return;
        this.shown += RENDER_BATCH;
        this.host.requestUpdate();
      },
      { rootMargin: '50% 0px' },
    );
    this.observer.observe(sentinel);
    this.watched = { sentinel, shown: this.shown };
  }

  hostDisconnected(): void {
    this.request?.abort();
    this.observer?.disconnect();
    this.watched = undefined;
    clearTimeout(this.searchTimer);
    // Loaded again when the element comes back.
    this.loaded = '';
  }

  private async fetch(cursor?: string): Promise<void> {
    const client = this.client;
    this.request?.abort();
    if (!client) return;
    const request = (this.request = new AbortController());
    const status = this.filter ?? (this.review ? 'queue' : '');
    const scope = this.host.scope;
    this.loading = cursor ? 'more' : 'first';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const page = await deals(client).list(
        {
          limit: PAGE_SIZE,
          ...(cursor ? { cursor } : {}),
          ...(status ? { status: status === 'queue' ? REVIEW_QUEUE : (status as DealStatus) } : {}),
          ...(this.q.trim() ? { q: this.q.trim() } : {}),
          ...(this.review && scope ? { partnerId: scope } : {}),
        },
        { signal: request.signal },
      );
      if (request !== this.request) return;
      if (cursor) this.focusAfterMore = page.nextCursor ? -1 : this.deals.length;
      this.deals = cursor ? [...this.deals, ...page.data] : page.data;
      // A new list starts with one batch; a page asked for with "Load more" shows in full.
      this.shown = cursor ? this.deals.length : RENDER_BATCH;
      this.cursor = page.nextCursor;
    } catch (error) {
      if (request !== this.request || request.signal.aborted) return;
      this.error = error;
      this.api.report(error);
    }
    this.loading = false;
    this.host.requestUpdate();
  }

  private readonly reload = (): void => {
    this.deals = [];
    this.cursor = null;
    void this.fetch();
  };

  private readonly more = (): void => {
    if (this.cursor && !this.loading) void this.fetch(this.cursor);
  };

  private readonly onFilter = (event: Event): void => {
    this.filter = (event.target as HTMLSelectElement).value;
    this.host.requestUpdate();
  };

  private readonly onSearch = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.q = value;
      this.host.requestUpdate();
    }, SEARCH_DELAY_MS);
  };

  /** The view: filters, the list in its state, "load more", the live region and the dialog. */
  render(): TemplateResult {
    const { l } = this;
    // The filter's choices depend on the role too.
    if (!this.api.sessionKnown()) return this.api.renderLoading();
    const status = this.filter ?? (this.review ? 'queue' : '');
    return html`<div class="stack">
      <div class="row" part="list-toolbar">
        <div class="field">
          <label for="l-status">${l.t('list.filter')}</label>
          <select id="l-status" @change=${this.onFilter}>
            ${this.review ? html`<option value="queue" ?selected=${status === 'queue'}>${l.t('list.queue')}</option>` : nothing}
            <option value="" ?selected=${status === ''}>${l.t('list.all')}</option>
            ${DEAL_STATUSES.map((s) => html`<option value=${s} ?selected=${status === s}>${l.t(`deal.status.${s}`)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="l-q">${l.t('list.search')}</label>
          <input id="l-q" type="search" dir="auto" maxlength="200" autocomplete="off" .value=${live(this.q)} @input=${this.onSearch} />
        </div>
      </div>
      ${this.renderBody(status)}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.dialog
        ? renderReasonDialog(
            this.dialog,
            {
              reason: l.t('list.reason'),
              note: l.t('list.note'),
              code: l.t('list.reasonCode'),
              codeLabel: (code) => l.t(`list.code.${code}`),
              confirm: l.t('list.confirm'),
              cancel: l.t('list.cancel'),
            },
            { submit: this.confirm, close: this.closeDialog },
          )
        : nothing}
    </div>`;
  }

  private renderBody(status: string): unknown {
    const { l, api } = this;
    if (this.loading === 'first') return api.renderLoading();
    if (this.error && !this.deals.length) return api.renderError(this.error, this.reload);
    if (!this.deals.length) {
      const message = this.q.trim() || (status && status !== 'queue') ? 'list.emptyFiltered' : status === 'queue' ? 'list.emptyQueue' : 'list.empty';
      return api.renderEmpty(l.t(message));
    }
    const lang = l.lang;
    const role = this.host.sessionRole;
    const partial = this.deals.length > this.shown;
    return html`<ul class="deals" part="deal-list" aria-label=${l.t('list.label')}>
        ${repeat(
          partial ? this.deals.slice(0, this.shown) : this.deals,
          (deal) => deal.id,
          (deal) => guard([deal, lang, role, this.open.has(deal.id)], () => this.renderDeal(deal)),
        )}
      </ul>
      ${partial ? html`<div class="sentinel"></div>` : nothing}
      ${this.error ? api.renderError(this.error, this.more) : nothing}
      ${this.cursor && !this.error && !partial
        ? html`<div>
            <button class="button" type="button" part="load-more" aria-disabled=${this.loading ? 'true' : 'false'} @click=${this.more}>
              ${this.loading === 'more' ? l.t('list.loadingMore') : l.t('list.more')}
            </button>
          </div>`
        : nothing}`;
  }

  private renderDeal(deal: Deal): TemplateResult {
    const { l, api } = this;
    const open = this.open.has(deal.id);
    const meta: string[] = [api.t(`deal.type.${deal.type}`)];
    if (deal.amount) meta.push(l.money(deal.amount));
    if (deal.customer.domain) meta.push(deal.customer.domain);
    if (deal.expectedCloseDate) meta.push(l.t('list.close', { date: l.date(`${deal.expectedCloseDate}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) }));
    if (this.review) {
      meta.push(l.t('list.partner', { partner: deal.partnerId }));
      const by = deal.submittedBy.name ?? deal.submittedBy.email;
      if (by) meta.push(l.t('list.by', { name: by }));
    }
    if (deal.status === 'approved' && deal.expiresAt) {
      const relative = l.relativeTime(deal.expiresAt, { largestUnit: 'day', numeric: 'always' });
      meta.push(Date.parse(deal.expiresAt) > Date.now() ? l.t('list.expires', { relative }) : l.t('list.ended', { relative }));
    }
    const conflicts = this.review ? (deal.possibleConflicts ?? []) : [];
    const name = `${deal.number} ${deal.customer.company}`;
    return html`<li class="deal" part="deal" tabindex="-1" data-id=${deal.id}>
      <p class="row">
        <strong dir="auto">${deal.customer.company}</strong>
        <span class="muted">${deal.number}</span>
        <span class="chip chip--${deal.status}" part="status-chip">${l.t(`deal.status.${deal.status}`)}</span>
      </p>
      <p class="muted" dir="auto">${meta.join(' · ')}</p>
      ${conflicts.length
        ? html`<p class="error" part="conflicts">
            ${l.t('list.conflicts')} ${conflicts.map((c, i) => html`${i ? ', ' : ''}${c.number} (${l.t(`list.match.${c.match}`)})`)}
          </p>`
        : nothing}
      <div class="row" role="group" aria-label=${name}>
        ${dealActions(deal, this.host.sessionRole).map(
          (action) => html`<button class="button" type="button" part="action action-${action.label}" @click=${(e: Event) => this.openDialog(deal, action, e)}>
            ${l.t(`list.action.${action.label}`)}
          </button>`,
        )}
        <button
          class="button button--quiet"
          type="button"
          part="history-toggle"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="history-${deal.id}"
          @click=${() => this.toggle(deal.id)}
        >
          ${l.t('list.history', { count: deal.history.length })}
        </button>
      </div>
      <ol id="history-${deal.id}" class="muted" part="history" ?hidden=${!open}>
        ${open ? deal.history.map((entry) => this.renderEntry(entry)) : nothing}
      </ol>
    </li>`;
  }

  private renderEntry(entry: DealHistoryEntry): TemplateResult {
    const { l } = this;
    const who = `${l.t(`list.role.${entry.by.role}`)}${entry.by.name ? ` ${entry.by.name}` : ''}`;
    return html`<li>
      <time datetime=${entry.at}>${l.date(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>:
      ${entry.from ? `${l.t(`deal.status.${entry.from}`)} → ` : ''}${l.t(`deal.status.${entry.to}`)} (${who})
      ${entry.reason ? html`<q dir="auto">${entry.reason}</q>` : nothing}
    </li>`;
  }

  private toggle(id: string): void {
    if (!this.open.delete(id)) this.open.add(id);
    this.host.requestUpdate();
  }

  private openDialog(deal: Deal, action: DealAction, event: Event): void {
    this.dialog = {
      deal,
      action,
      opener: event.currentTarget as HTMLElement,
      busy: false,
      title: `${this.l.t(`list.action.${action.label}`)} · ${deal.number}`,
    };
    this.host.requestUpdate();
  }

  private readonly closeDialog = (): void => {
    const dialog = this.dialog;
    if (!dialog) return;
    this.dialog = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const root = this.host.renderRoot;
      const opener = dialog.opener?.isConnected ? dialog.opener : root.querySelector<HTMLElement>(`.deal[data-id="${CSS.escape(dialog.deal.id)}"]`);
      opener?.focus();
    });
  };

  private replace(deal: Deal): void {
    this.deals = this.deals.map((d) => (d.id === deal.id ? deal : d));
    this.host.requestUpdate();
  }

  private readonly confirm = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const dialog = this.dialog;
    const client = this.client;
    if (!dialog || dialog.busy || !client) return;
    const form = event.target as HTMLFormElement;
    const field = form.elements.namedItem('reason') as HTMLTextAreaElement;
    const reason = field.value.trim();
    const reasonCode = (form.elements.namedItem('code') as HTMLSelectElement | null)?.value as Deal['reasonCode'];
    const fail = (message: string) => {
      this.dialog = { ...dialog, busy: false, error: message };
      this.host.requestUpdate();
      void this.host.updateComplete.then(() => field.focus());
    };
    if (dialog.action.reason === 'required' && !reason) return fail(this.l.t('list.err.reason'));
    if (reason.length > 2000) return fail(this.l.t('list.err.reasonLong', { max: this.l.number(2000), count: this.l.number(reason.length) }));
    this.dialog = { ...dialog, busy: true, error: undefined };
    this.host.requestUpdate();
    const from = dialog.deal.status;
    const to = dialog.action.to;
    try {
      const deal = await deals(client).transition(dialog.deal.id, {
        to,
        ...(dialog.action.label === 'extend' ? { extend: true } : {}),
        ...(reason ? { reason } : {}),
        ...(reasonCode ? { reasonCode } : {}),
      });
      this.replace(deal);
      this.announcement = this.l.t('list.done', { number: deal.number, status: this.l.t(`deal.status.${deal.status}`) });
      this.host.emit(new PkDealTransitionEvent(transitionEventType(from, to), { deal, from, to, ...(reason ? { reason } : {}) }));
      form.closest('dialog')?.close();
    } catch (error) {
      this.api.report(error);
      // Moved by someone else meanwhile: show the deal as it is now.
      if (isConflictError(error) && !error.reason) void deals(client).get(dialog.deal.id).then((d) => this.replace(d), () => undefined);
      const described = describeError(error);
      fail(
        isConflictError(error) && error.reason
          ? this.l.t('list.err.conflict')
          : isConflictError(error)
            ? this.l.t('list.err.stale')
            : described.messageKey === 'pk.error.rateLimited'
              ? this.l.t('pk.error.rateLimited', { seconds: Math.ceil(described.retryAfter ?? 0) })
              : this.l.t(described.messageKey),
      );
    }
  };
}
