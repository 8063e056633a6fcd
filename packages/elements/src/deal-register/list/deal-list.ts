/**
 * `<deal-register>`'s list view, loaded on first use: a partner's registrations ("My
 * registrations") or, for vendor staff, the review queue. Status filter, search, "load more"
 * (the platform's paged-list controller), each deal's history, and the moves core's state machine
 * allows the role. It works on any PartnerKit host with a session and imports no element class.
 * @module
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { isConflictError } from '@partnerkit/core/client';
import { deals } from '@partnerkit/core/client/deals';
import { transitionEventType } from '@partnerkit/core/rules';
import { DEAL_STATUSES, type Deal, type DealHistoryEntry, type DealStatus, type Role } from '@partnerkit/core/schemas';
import { LocalizeController, mergeCatalogues } from '../../platform/localize.js';
import { platformCatalogues } from '../../platform/i18n/index.js';
import type { PartnerKitHost } from '../../platform/host.js';
import { PagedListController } from '../../controllers/paged-list.js';
import { reportError } from '../../platform/report-error.js';
import type { SessionController } from '../../controllers/session.js';
import { errorText, renderEmpty, renderError, renderLoading } from '../../platform/state-views.js';
import { PkDealTransitionEvent } from '../../events/deal-transition.js';
import { dealRegisterCatalogues } from '../i18n/index.js';
import { listEn } from '../i18n/list-en.js';
import { listVi } from '../i18n/list-vi.js';
import { statusEn, statusVi } from '../i18n/status.js';
import { chipStyles } from '../chip.styles.js';
import { adoptMoreStyles } from '../adopt-styles.js';
import { listStyles } from './list.styles.js';
import { dealActions, type DealAction } from './actions.js';
import { renderReasonDialog, type ReasonDialogModel } from './reason-dialog.js';

/** Deals per page. */
export const PAGE_SIZE = 25;
/**
 * Rows added to the page at a time. Thousands of loaded deals are rendered a batch at a time as
 * the end of the list comes near the viewport, so no render is a long task.
 */
export const RENDER_BATCH = 30;
/** What "Waiting for review" shows. */
export const REVIEW_QUEUE: readonly DealStatus[] = ['submitted', 'under_review'];
/** The longest reason the contract accepts. */
const MAX_REASON = 2000;

/** The element the list renders in: a PartnerKit host with an optional `partner-id`. */
export type DealListHost = PartnerKitHost & { readonly partnerId?: string | undefined };

/** What is listed: changes start over from the first page. */
interface DealQuery {
  /** The caller once the session answered (a list asked for without it is asked again then). */
  user: string | null;
  role: Role;
  scope: string | undefined;
  /** A status, `queue` (the review queue) or '' (every status). */
  status: string;
  q: string;
}

type Dialog = ReasonDialogModel & { deal: Deal; opener: HTMLElement | null };

/** The list view as a Lit controller of its element; the element calls `render()`. */
export class DealListView implements ReactiveController {
  private readonly l;
  private readonly deals: PagedListController<Deal, DealQuery>;
  private filter: string | undefined;
  private q = '';
  private readonly open = new Set<string>();
  private dialog?: Dialog;
  private announcement = '';
  private shown = RENDER_BATCH;
  private counted: { page: unknown; length: number } = { page: undefined, length: 0 };
  private focusRow = -1;
  private observer?: IntersectionObserver;
  private watched?: { sentinel: Element; shown: number };

  constructor(
    private readonly host: DealListHost,
    private readonly session: SessionController,
  ) {
    this.l = new LocalizeController(
      host,
      mergeCatalogues(mergeCatalogues(platformCatalogues, dealRegisterCatalogues), mergeCatalogues({ en: listEn, vi: listVi }, { en: statusEn, vi: statusVi })),
    );
    this.deals = new PagedListController(host, {
      // The role and the partner decide what is listed: wait for the session rather than asking twice.
      query: () =>
        this.session.usable(host.partnerId)
          ? { user: this.session.principal?.user?.id ?? null, role: this.role, scope: this.session.scope(host.partnerId), status: this.status, q: this.q.trim() }
          : undefined,
      load: ({ status, q, scope }, cursor, { client, signal }) =>
        deals(client).list(
          {
            limit: PAGE_SIZE,
            ...(cursor ? { cursor } : {}),
            ...(status ? { status: status === 'queue' ? REVIEW_QUEUE : (status as DealStatus) } : {}),
            ...(q ? { q } : {}),
            ...(this.review && scope ? { partnerId: scope } : {}),
          },
          { signal },
        ),
    });
    adoptMoreStyles(host, chipStyles);
    adoptMoreStyles(host, listStyles);
    host.addController(this);
    host.requestUpdate();
  }

  private get role(): Role {
    return this.session.role ?? 'partner';
  }

  private get review(): boolean {
    return this.role !== 'partner';
  }

  // Vendor staff start on the review queue, partners on everything (until they pick a filter).
  private get status(): string {
    return this.filter ?? (this.review ? 'queue' : '');
  }

  hostUpdate(): void {
    // A new list starts with one batch; a page asked for with "Load more" shows in full, and the
    // keyboard moves to its first row.
    const { page, items } = this.deals;
    if (page !== this.counted.page) this.shown = RENDER_BATCH;
    else if (items.length > this.counted.length) {
      this.shown = items.length;
      this.focusRow = this.counted.length;
    }
    this.counted = { page, length: items.length };
  }

  hostUpdated(): void {
    const dialog = this.host.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    if (this.focusRow >= 0) {
      this.host.renderRoot.querySelectorAll<HTMLElement>('.deal')[this.focusRow]?.focus();
      this.focusRow = -1;
    }
    this.watchSentinel();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.watched = undefined;
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
        if (!entries.some((e) => e.isIntersecting) || this.shown >= this.deals.items.length) return;
        this.shown += RENDER_BATCH;
        this.host.requestUpdate();
      },
      { rootMargin: '50% 0px' },
    );
    this.observer.observe(sentinel);
    this.watched = { sentinel, shown: this.shown };
  }

  private readonly more = (): void => void this.deals.loadMore();

  private readonly onFilter = (event: Event): void => {
    this.filter = (event.target as HTMLSelectElement).value;
    this.host.requestUpdate();
  };

  private readonly onSearch = (event: Event): void => {
    this.deals.search((event.target as HTMLInputElement).value, (q) => {
      this.q = q;
      this.host.requestUpdate();
    });
  };

  /** The view: filters, the list in its state, "load more", the live region and the dialog. */
  render(): TemplateResult {
    const { l } = this;
    // The filter's choices depend on the role too.
    if (!this.session.usable(this.host.partnerId)) return renderLoading(l);
    const status = this.status;
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
    const { l, deals } = this;
    if (deals.loading === 'first' || !deals.page) {
      return deals.failedOn === 'first' ? renderError(l, deals.error, () => void deals.run()) : renderLoading(l);
    }
    const items = deals.items;
    if (!items.length) {
      const message = this.q.trim() || (status && status !== 'queue') ? 'list.emptyFiltered' : status === 'queue' ? 'list.emptyQueue' : 'list.empty';
      return renderEmpty(l, l.t(message));
    }
    const lang = l.lang;
    const role = this.role;
    const partial = items.length > this.shown;
    return html`<ul class="deals" part="deal-list" aria-label=${l.t('list.label')}>
        ${repeat(
          partial ? items.slice(0, this.shown) : items,
          (deal) => deal.id,
          (deal) => guard([deal, lang, role, this.open.has(deal.id)], () => this.renderDeal(deal)),
        )}
      </ul>
      ${partial ? html`<div class="sentinel"></div>` : nothing}
      ${deals.failedOn === 'more' ? renderError(l, deals.error, this.more) : nothing}
      ${deals.hasMore && !deals.error && !partial
        ? html`<div>
            <button class="button" type="button" part="load-more" aria-disabled=${deals.loading ? 'true' : 'false'} @click=${this.more}>
              ${deals.loading === 'more' ? l.t('list.loadingMore') : l.t('list.more')}
            </button>
          </div>`
        : nothing}`;
  }

  private renderDeal(deal: Deal): TemplateResult {
    const { l } = this;
    const open = this.open.has(deal.id);
    const meta: string[] = [l.t(`deal.type.${deal.type}`)];
    if (deal.amount) meta.push(l.money(deal.amount));
    if (deal.customer.domain) meta.push(deal.customer.domain);
    if (deal.expectedCloseDate) meta.push(l.t('list.close', { date: l.date(`${deal.expectedCloseDate}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) }));
    if (this.review) {
      // Backends that predate partnerName leave it out: the id is all there is then.
      meta.push(l.t('list.partner', { partner: deal.partnerName ?? deal.partnerId }));
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
        ${dealActions(deal, this.role).map(
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
      ${entry.reasonCode ? html`<span part="history-code">${l.t('list.codeIs', { code: l.t(`list.code.${entry.reasonCode}`) })}</span>` : nothing}
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

  private readonly confirm = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const dialog = this.dialog;
    const client = this.host.resolvedClient;
    if (!dialog || dialog.busy || !client) return;
    const { l } = this;
    const form = event.target as HTMLFormElement;
    const field = form.elements.namedItem('reason') as HTMLTextAreaElement;
    const reason = field.value.trim();
    const reasonCode = (form.elements.namedItem('code') as HTMLSelectElement | null)?.value as Deal['reasonCode'];
    const fail = (message: string) => {
      this.dialog = { ...dialog, busy: false, error: message };
      this.host.requestUpdate();
      void this.host.updateComplete.then(() => field.focus());
    };
    if (dialog.action.reason === 'required' && !reason) return fail(l.t('list.err.reason'));
    if (reason.length > MAX_REASON) return fail(l.t('list.err.reasonLong', { max: l.number(MAX_REASON), count: l.number(reason.length) }));
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
      this.deals.replace(deal);
      this.announcement = l.t('list.done', { number: deal.number, status: l.t(`deal.status.${deal.status}`) });
      this.host.dispatchEvent(new PkDealTransitionEvent(transitionEventType(from, to), { deal, from, to, ...(reason ? { reason } : {}) }));
      form.closest('dialog')?.close();
    } catch (error) {
      reportError(this.host, error);
      // Moved by someone else meanwhile: show the deal as it is now.
      if (isConflictError(error) && !error.reason) void deals(client).get(dialog.deal.id).then((d) => this.deals.replace(d), () => undefined);
      fail(isConflictError(error) ? l.t(error.reason ? 'list.err.conflict' : 'list.err.stale') : errorText(l, error));
    }
  };
}
