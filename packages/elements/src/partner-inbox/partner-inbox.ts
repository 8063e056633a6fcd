/**
 * `<partner-inbox>`: announcements from the vendor and requests to it, for both sides. A partner's
 * user reads its announcements (unread first, pinned on top) and opens, follows and answers its
 * requests; vendor staff work through the requests of the partners they manage by due time and
 * see how each announcement is read.
 * @module
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Announcement, PartnerRequest, PartnerRequestSummary, RequestAttachment, RequestMessage } from '@partnerkit/core/schemas';
import { LazyView } from '../controllers/lazy-view.js';
import { PartnerKitElement } from '../platform/partnerkit-element.js';
import { errorText, renderError, renderLoading, renderNoClient } from '../platform/state-views.js';
import { styleProperties } from '../platform/style-properties.js';
import { safeHttpUrl } from '../resource-library/safe-url.js';
import { partnerInboxCatalogues, type PartnerInboxMessages } from './i18n/index.js';
import { InboxController, type RequestMove } from './inbox-controller.js';
import { partnerInboxStyles } from './partner-inbox.styles.js';
import type * as AnnouncementBody from './announcement-body.js';
import type { AnnouncementForm } from './announcement-form.js';
import type { RequestForm } from './request-form.js';

/** What the inbox shows: both sections (`all`), or one of them. */
export type InboxView = 'all' | 'announcements' | 'requests';

/**
 * @summary Announcements from the vendor (unread first, pinned on top) and requests to it with their threads; for vendor staff, the requests of their partners by due time, how announcements are read, and a form to publish one.
 * @tagname partner-inbox
 *
 * @fires {PkUnreadChangeEvent} pk-unread-change - The partner's unread count was first known or changed; `detail.data.unread`.
 * @fires {PkErrorEvent} pk-error - Loading or an action failed.
 *
 * @csspart announcements - The announcements section.
 * @csspart requests - The requests section.
 * @csspart unread-badge - The unread count beside the title.
 * @csspart announcement - One announcement; `announcement-unread` too while unread.
 * @csspart read-button - Shows or hides an announcement's text.
 * @csspart announcement-body - An announcement's text.
 * @csspart agreement-link - A link inside an announcement's text (the rich-text renderer's part).
 * @csspart read-rate - How an announcement is read (vendor staff).
 * @csspart new-announcement - Opens the form that publishes an announcement (managers and admins).
 * @csspart announcement-form - The form that publishes an announcement.
 * @csspart publish-button - Publishes (or schedules) the new announcement.
 * @csspart new-request - Opens the form for a new request.
 * @csspart request-form - The form that opens a request.
 * @csspart send-button - Sends the new request.
 * @csspart request - One request of the list.
 * @csspart request-link - Opens a request.
 * @csspart status - A request's status badge; `status-<status>` too.
 * @csspart breach - A missed response target (vendor staff).
 * @csspart thread - A request's messages.
 * @csspart message - One message.
 * @csspart reply-form - The reply box.
 * @csspart move-button - A status move.
 * @csspart form-error - Why an action did not go through.
 * @csspart load-more - Loads the next page.
 *
 * @cssprop --pk-partner-inbox-unread-color - The unread marks: the badge, and the edge of an unread announcement (default `--pk-color-primary`).
 * @cssprop --pk-partner-inbox-breach-color - A missed target's flag (default `--pk-color-danger`).
 * @cssprop --pk-partner-inbox-vendor-background - The background of the vendor's messages in a thread (default `--pk-color-surface-raised`).
 */
export class PartnerInbox extends PartnerKitElement<PartnerInboxMessages> {
  static override styles = [PartnerKitElement.styles, partnerInboxStyles];

  static override properties: PropertyDeclarations = {
    view: { reflect: true },
    pollSeconds: { attribute: 'poll-seconds', type: Number },
    dealId: { attribute: 'deal-id' },
    draftKey: { attribute: 'draft-key' },
    composing: { state: true, attribute: false },
    announcing: { state: true, attribute: false },
  };

  /**
   * What to show: both sections, announcements first (`all`, the default), or only `announcements`
   * or `requests` (a host that gives each its own place in its navigation).
   */
  declare view: InboxView;
  /** Seconds between reads of the open request's thread, for replies from the other side (default 60; 0 never). */
  declare pollSeconds: number;
  /** A deal the new request is about (say, when the inbox opens from a deal's page). */
  declare dealId: string;
  /** Names this instance's draft when a page has several inboxes (default: its `id`, else `default`). */
  declare draftKey: string;
  /** Whether the form for a new request is open. */
  declare composing: boolean;
  /** Whether the form that publishes an announcement is open (vendor staff). */
  declare announcing: boolean;

  readonly #inbox = new InboxController(this, { newReply: (name) => this.localize.t('inbox.reply.new', { name: name || this.localize.t('inbox.request.someone') }) });
  readonly #form = new LazyView<RequestForm>(this, () =>
    import('./request-form.js').then(
      ({ RequestForm }) =>
        new RequestForm(this, {
          slot: () => {
            const partnerId = this.#inbox.session.partnerId;
            return partnerId ? { partnerId, instance: this.draftKey || this.id || 'default' } : undefined;
          },
          dealId: () => this.dealId,
          opened: (request) => this.#opened(request),
        }),
    ),
  );
  readonly #publisher = new LazyView<AnnouncementForm>(this, () =>
    import('./announcement-form.js').then(({ loadAnnouncementForm }) => loadAnnouncementForm(this, { published: (announcement) => this.#published(announcement) })),
  );
  readonly #body = new LazyView<typeof AnnouncementBody>(this, () => import('./announcement-body.js'));

  constructor() {
    super(partnerInboxCatalogues);
    this.view = 'all';
    this.pollSeconds = 60;
    this.dealId = '';
    this.draftKey = '';
    this.composing = false;
    this.announcing = false;
  }

  /** The signed-in partner user's unread announcements (0 until known, and for vendor staff): for a badge; `pk-unread-change` says when it changes. */
  get unreadCount(): number {
    return this.#inbox.unread;
  }

  /** Where focus goes once it is rendered (after a view changed): a selector in the shadow root. */
  #focusNext: string | undefined;

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    const target = this.#focusNext ? this.renderRoot.querySelector<HTMLElement>(this.#focusNext) : null;
    if (target) {
      this.#focusNext = undefined;
      target.focus();
    }
  }

  protected override render(): TemplateResult {
    const l = this.localize;
    if (!l.ready || this.connecting) return renderLoading(l);
    if (!this.resolvedClient) return renderNoClient(l, this.localName);
    const { session } = this.#inbox;
    if (!session.settled) return renderLoading(l);
    if (session.failed) return renderError(l, session.error, () => void session.run());
    const inbox = this.#inbox;
    const unread = inbox.unread;
    const count = l.number(unread);
    return html`<section class="inbox" aria-labelledby="title">
      <div class="head">
        <h2 id="title">${l.t('inbox.title')}</h2>
        ${inbox.isPartner && unread > 0 ? html`<span class="unread-badge" part="unread-badge">${l.t('inbox.unread', { count })}</span>` : nothing}
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${inbox.announcement}</p>
      ${this.view === 'requests'
        ? nothing
        : html`<section class="section" part="announcements" aria-labelledby="announcements-title">
            <h3 id="announcements-title">${l.t('inbox.section.announcements')}</h3>
            ${this.#renderAnnouncements()}
          </section>`}
      ${this.view === 'announcements'
        ? nothing
        : html`<section class="section" part="requests" aria-labelledby="requests-title">
            <h3 id="requests-title">${l.t('inbox.section.requests')}</h3>
            ${this.#renderRequests()}
          </section>`}
    </section>`;
  }

  #date(iso: string): string {
    return this.localize.date(iso, { dateStyle: 'medium', timeStyle: 'short' });
  }

  #time(iso: string): TemplateResult {
    return html`<time datetime=${iso}>${this.#date(iso)}</time>`;
  }

  #renderMore(list: InboxController['announcements'] | InboxController['requests']): TemplateResult {
    const l = this.localize;
    return html`${list.hasMore
      ? html`<button class="button" part="load-more" type="button" ?disabled=${list.loading === 'more'} @click=${() => void list.loadMore()}>
          ${list.loading === 'more' ? l.t('inbox.loadingMore') : l.t('inbox.more')}
        </button>`
      : nothing}
    ${list.failedOn === 'more' ? renderError(l, list.error, () => void list.run()) : nothing}`;
  }

  // Announcements ----------------------------------------------------------------------------

  #renderAnnouncements(): TemplateResult {
    const l = this.localize;
    const inbox = this.#inbox;
    // The contract lets managers and admins publish; a partner's user never sees the form.
    const publisher = inbox.session.role === 'manager' || inbox.session.role === 'admin';
    return html`${publisher ? this.#renderPublisher() : nothing}${this.renderStates(inbox.announcements, {
      empty: (items) => items.length === 0,
      emptyMessage: inbox.isPartner ? l.t('inbox.announcements.empty') : l.t('inbox.announcements.emptyVendor'),
      data: (items) => html`<ul class="list">
          ${items.map((a) => this.#renderAnnouncement(a))}
        </ul>
        ${this.#renderMore(inbox.announcements)}`,
    })}`;
  }

  #renderPublisher(): unknown {
    const l = this.localize;
    if (this.announcing) return this.#publisher.render(l, (form) => form.render(l, () => this.#closePublisher()));
    return html`<button class="button button--primary" part="new-announcement" type="button" @click=${() => this.#openPublisher()}>${l.t('inbox.announcements.new')}</button>`;
  }

  #renderAnnouncement(announcement: Announcement): TemplateResult {
    const l = this.localize;
    const inbox = this.#inbox;
    const { title, body } = l.localise(announcement);
    const unread = inbox.isPartner && inbox.readAt(announcement) === null;
    const open = inbox.expanded === announcement.id;
    const id = `announcement-${announcement.id}`;
    return html`<li class="announcement ${unread ? 'announcement--unread' : ''}" part="announcement ${unread ? 'announcement-unread' : ''}">
      <article aria-labelledby="${id}-title">
        <div class="item-head">
          <h4 id="${id}-title" class="item-title">${title}</h4>
          <p class="badges">
            ${announcement.pinned ? html`<span class="badge badge--pinned">${l.t('inbox.pinned')}</span>` : nothing}
            ${unread ? html`<span class="badge badge--unread">${l.t('inbox.new')}</span>` : nothing}
            <span class="badge">${l.t(`inbox.category.${announcement.category}`)}</span>
            ${announcement.status === 'published' ? nothing : html`<span class="badge">${l.t(`inbox.status.${announcement.status}`)}</span>`}
          </p>
        </div>
        <p class="meta muted">
          <span>${announcement.status === 'scheduled' ? l.t('inbox.scheduled', { when: this.#date(announcement.publishAt) }) : l.t('inbox.published', { when: this.#date(announcement.publishAt) })}</span>
          ${announcement.expiresAt ? html`<span>${l.t('inbox.expires', { when: this.#date(announcement.expiresAt) })}</span>` : nothing}
        </p>
        ${announcement.readStats ? this.#renderReadRate(announcement.readStats) : nothing}
        <button class="button" part="read-button" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="${id}-body" @click=${() => this.#toggle(announcement)}>
          ${open ? l.t('inbox.hide') : l.t('inbox.read')}<span class="visually-hidden">: ${title}</span>
        </button>
        <div class="body" id="${id}-body" part="announcement-body" ?hidden=${!open}>${open ? this.#body.render(l, (view) => view.renderBody(body, 5)) : nothing}</div>
      </article>
    </li>`;
  }

  #renderReadRate(stats: NonNullable<Announcement['readStats']>): TemplateResult {
    const l = this.localize;
    if (stats.rate === null) return html`<p class="read-rate muted" part="read-rate">${l.t('inbox.readRate.none')}</p>`;
    const text = l.t('inbox.readRate', { read: l.number(stats.readPartners), audience: l.number(stats.audiencePartners), rate: l.percent(stats.rate, { maximumFractionDigits: 0 }) });
    return html`<div class="read-rate" part="read-rate">
      <span>${text}</span>
      <span class="meter" aria-hidden="true"><span class="meter__fill" style=${styleProperties({ '--_fill': `${Math.round(stats.rate * 100)}%` })}></span></span>
    </div>`;
  }

  #toggle(announcement: Announcement): void {
    this.#body.ensure();
    void this.#inbox.toggle(announcement);
  }

  // Requests ---------------------------------------------------------------------------------

  #renderRequests(): TemplateResult {
    const l = this.localize;
    const inbox = this.#inbox;
    if (this.composing) return this.#form.render(l, (form) => form.render(l, () => this.#closeForm())) as TemplateResult;
    if (inbox.open) return this.#renderRequest();
    return html`${inbox.isPartner
        ? html`<button class="button button--primary" part="new-request" type="button" @click=${() => this.#openForm()}>${l.t('inbox.requests.new')}</button>`
        : nothing}
      <h4 class="list-title">${inbox.isPartner ? l.t('inbox.requests.list') : l.t('inbox.requests.listVendor')}</h4>
      ${this.renderStates(inbox.requests, {
        empty: (items) => items.length === 0,
        emptyMessage: inbox.isPartner ? l.t('inbox.requests.empty') : l.t('inbox.requests.emptyVendor'),
        data: (items) => html`<ul class="list">
            ${items.map((r) => this.#renderSummary(r))}
          </ul>
          ${this.#renderMore(inbox.requests)}`,
      })}`;
  }

  #renderStatus(request: PartnerRequestSummary): TemplateResult {
    return html`<span class="badge status status--${request.status}" part="status status-${request.status}">${this.localize.t(`inbox.request.status.${request.status}`)}</span>`;
  }

  #renderSummary(request: PartnerRequestSummary): TemplateResult {
    const l = this.localize;
    const targets = request.targets;
    return html`<li class="request" part="request" data-status=${request.status}>
      <div class="item-head">
        <button class="link" part="request-link" type="button" data-id=${request.id} @click=${() => this.#show(request.id)}>${request.subject}</button>
        ${this.#renderStatus(request)}
      </div>
      <p class="meta muted">
        <span>${request.number}</span>
        ${request.partnerName && !this.#inbox.isPartner ? html`<span>${request.partnerName}</span>` : nothing}
        <span>${l.t(`inbox.request.category.${request.category}`)}</span>
        <span>${l.t('inbox.request.messages', { count: request.messageCount, n: l.number(request.messageCount) })}</span>
        <span>${l.t('inbox.request.lastActivity', { when: this.#date(request.lastMessageAt) })}</span>
      </p>
      ${targets ? this.#renderTargets(targets) : nothing}
    </li>`;
  }

  #renderTargets(targets: NonNullable<PartnerRequestSummary['targets']>): TemplateResult {
    const l = this.localize;
    return html`<p class="meta">
      <span>${targets.dueAt ? l.t('inbox.request.due', { when: this.#date(targets.dueAt) }) : l.t('inbox.request.noDue')}</span>
      ${targets.firstResponseBreached ? html`<strong class="breach" part="breach">${l.t('inbox.request.breach.firstResponse')}</strong>` : nothing}
      ${targets.resolutionBreached ? html`<strong class="breach" part="breach">${l.t('inbox.request.breach.resolution')}</strong>` : nothing}
    </p>`;
  }

  #renderRequest(): TemplateResult {
    const l = this.localize;
    const open = this.#inbox.open!;
    const back = html`<button class="button" type="button" @click=${() => this.#back()}>${l.t('inbox.request.back')}</button>`;
    if (open.error !== undefined) return html`${back}${renderError(l, open.error, () => void this.#inbox.refresh())}`;
    const request = open.request;
    if (!request) return html`${back}${renderLoading(l)}`;
    const reference = request.reference;
    return html`${back}
      <article class="request-detail" aria-labelledby="request-title">
        <h4 id="request-title" tabindex="-1">${request.subject}</h4>
        <p class="meta muted">
          <span>${request.number}</span>
          ${this.#renderStatus(request)}
          ${request.partnerName && !this.#inbox.isPartner ? html`<span>${request.partnerName}</span>` : nothing}
          <span>${l.t(`inbox.request.category.${request.category}`)}</span>
          ${reference ? html`<span>${l.t(`inbox.request.reference.${reference.type}`, { id: reference.id })}</span>` : nothing}
        </p>
        ${request.targets ? this.#renderTargets(request.targets) : nothing}
        ${this.#renderMoves()}
        <h5>${l.t('inbox.request.thread')}</h5>
        <ol class="thread" part="thread">
          ${request.messages.map((m) => this.#renderMessage(m))}
        </ol>
        ${request.status === 'closed' ? html`<p class="muted">${l.t('inbox.reply.closed')}</p>` : this.#renderReply(request)}
      </article>`;
  }

  #author(message: RequestMessage): string {
    const l = this.localize;
    const { role, name } = message.author;
    const side = role === 'system' ? l.t('inbox.request.system') : role === 'partner' ? l.t('inbox.request.partner') : l.t('inbox.request.vendor');
    return `${name ?? l.t('inbox.request.someone')} (${side})`;
  }

  #renderMessage(message: RequestMessage): TemplateResult {
    const l = this.localize;
    const vendor = message.author.role !== 'partner';
    return html`<li>
      <article class="message ${vendor ? 'message--vendor' : ''}" part="message" aria-labelledby="message-${message.id}">
        <header class="message__head">
          <strong id="message-${message.id}">${this.#author(message)}</strong>
          ${this.#time(message.createdAt)}
        </header>
        ${message.body.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => html`<p>${line}</p>`)}
        ${message.attachments.length > 0
          ? html`<ul class="attachments" aria-label=${l.t('inbox.request.attachments')}>
              ${message.attachments.map((a) => html`<li>${this.#renderAttachment(a)}</li>`)}
            </ul>`
          : nothing}
      </article>
    </li>`;
  }

  #renderAttachment(attachment: RequestAttachment): TemplateResult | string {
    if (attachment.type === 'resource') return this.localize.t('inbox.request.resource', { title: attachment.title ?? attachment.resourceId });
    // The contract allows http(s) only; checked again, so a backend that broke it cannot hand over another scheme.
    const href = safeHttpUrl(attachment.url);
    const label = attachment.label || attachment.url;
    return href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}</a>` : label;
  }

  #renderMoves(): TemplateResult | typeof nothing {
    const l = this.localize;
    const inbox = this.#inbox;
    const moves = inbox.moves;
    const until = inbox.reopenUntil;
    if (moves.length === 0) return nothing;
    const failed = inbox.failure?.action === 'move' ? inbox.failure.error : undefined;
    const asking = inbox.asking;
    const id = inbox.open!.id;
    return html`<div class="moves" role="group" aria-label=${l.t('inbox.actions')}>
      <div class="buttons">
        ${moves.map(
          (move) =>
            html`<button class="button" part="move-button" type="button" data-to=${move.to} ?disabled=${inbox.busy !== undefined} @click=${() => void this.#move(move)}>
              ${move.reopen ? l.t('inbox.move.reopen') : l.t(`inbox.move.${move.to}`)}
            </button>`,
        )}
      </div>
      ${until && moves.some((m) => m.reopen) ? html`<p class="muted">${l.t('inbox.move.reopenUntil', { when: this.#date(until.toISOString()) })}</p>` : nothing}
      ${asking
        ? html`<form class="form" @submit=${(e: Event) => {
            e.preventDefault();
            void this.#move(asking);
          }}>
            <label for="reason">${l.t('inbox.move.reason')}</label>
            <textarea id="reason" rows="2" maxlength="2000" required .value=${inbox.draft(`reason:${id}`)} @input=${(e: Event) => inbox.type(`reason:${id}`, (e.target as HTMLTextAreaElement).value)}></textarea>
            <div class="buttons">
              <button class="button button--primary" type="submit" ?disabled=${inbox.busy !== undefined || inbox.draft(`reason:${id}`).trim() === ''}>${l.t('inbox.move.confirm')}</button>
              <button class="button" type="button" @click=${() => inbox.cancelMove()}>${l.t('inbox.move.cancel')}</button>
            </div>
          </form>`
        : nothing}
      ${failed === undefined ? nothing : html`<p class="form-error" part="form-error" role="alert">${l.t('inbox.move.failed')} ${errorText(l, failed)}</p>`}
    </div>`;
  }

  #renderReply(request: PartnerRequest): TemplateResult {
    const l = this.localize;
    const inbox = this.#inbox;
    const key = `reply:${request.id}`;
    const failed = inbox.failure?.action === 'reply' ? inbox.failure.error : undefined;
    return html`<form class="form reply" part="reply-form" @submit=${(e: Event) => this.#reply(e)}>
      <label for="reply">${l.t('inbox.reply.label')}</label>
      <textarea id="reply" name="reply" rows="3" maxlength="10000" .value=${inbox.draft(key)} @input=${(e: Event) => inbox.type(key, (e.target as HTMLTextAreaElement).value)}></textarea>
      ${failed === undefined
        ? nothing
        : html`<p class="form-error" part="form-error" role="alert">${inbox.closedRefusal ? l.t('inbox.reply.closed') : `${l.t('inbox.reply.failed')} ${errorText(l, failed)}`}</p>`}
      <div class="buttons">
        <button class="button button--primary" type="submit" ?disabled=${inbox.busy !== undefined || inbox.draft(key).trim() === ''}>${inbox.busy === 'reply' ? l.t('inbox.reply.sending') : l.t('inbox.reply.send')}</button>
      </div>
    </form>`;
  }

  // Actions ----------------------------------------------------------------------------------

  #show(id: string): void {
    this.#focusNext = '#request-title';
    this.#inbox.show(id);
  }

  #back(): void {
    this.#focusNext = `[part~="request-link"][data-id="${CSS.escape(this.#inbox.open?.id ?? '')}"]`;
    this.#inbox.show(undefined);
  }

  async #reply(event: Event): Promise<void> {
    event.preventDefault();
    if (await this.#inbox.reply()) this.#inbox.announcement = this.localize.t('inbox.reply.sent');
    this.requestUpdate();
  }

  async #move(move: RequestMove): Promise<void> {
    const asked = this.#inbox.asking;
    if (await this.#inbox.move(move)) {
      const status = this.#inbox.open?.request?.status;
      if (status) this.#inbox.announcement = this.localize.t('inbox.move.done', { status: this.localize.t(`inbox.request.status.${status}`) });
      this.requestUpdate();
    } else if (!asked && this.#inbox.asking) {
      this.#focusNext = '#reason';
      this.requestUpdate();
    }
  }

  #openForm(): void {
    this.#focusNext = '#category';
    this.composing = true;
    this.#form.ensure();
  }

  #closeForm(): void {
    this.#focusNext = '[part~="new-request"]';
    this.composing = false;
  }

  #openPublisher(): void {
    this.#focusNext = '#compose-title';
    this.announcing = true;
    this.#publisher.ensure();
  }

  #closePublisher(): void {
    this.#focusNext = '[part~="new-announcement"]';
    this.announcing = false;
  }

  #published(announcement: Announcement): void {
    const words = this.#publisher.view!.words;
    const title = this.localize.localise(announcement).title;
    this.#closePublisher();
    this.#inbox.announcement = announcement.status === 'scheduled' ? words.t('compose.scheduled', { title }) : words.t('compose.published', { title });
    void this.#inbox.announcements.reload();
  }

  #opened(request: PartnerRequest): void {
    this.composing = false;
    this.#inbox.announcement = this.localize.t('inbox.form.sent', { number: request.number });
    this.#inbox.opened(request);
  }
}
