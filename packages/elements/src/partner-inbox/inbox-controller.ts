/**
 * The state of `<partner-inbox>`: who is calling (a partner's user or vendor staff), the
 * announcements (with the partner's unread count) and the requests as paged lists, the request
 * open on screen with its thread (read again every `pollSeconds`, new replies announced), what was
 * typed in each reply and reason box (kept through failures), and the actions: mark an
 * announcement read, reply, move a request (only the moves core's table allows the caller).
 * @module
 */
import type { ReactiveController } from 'lit';
import { announcements, requests } from '@partnerkit/core/client/communication';
import { allowedRequestTransitions, isReopening, reopenDeadline, requestSideOf } from '@partnerkit/core/rules/communication';
import type { Announcement, AnnouncementPage, PartnerRequest, PartnerRequestSummary, RequestMessage, RequestStatus } from '@partnerkit/core/schemas';
import { PagedListController } from '../controllers/paged-list.js';
import { SessionController } from '../controllers/session.js';
import { PkUnreadChangeEvent } from '../events/unread-change.js';
import { describeError, isAbortError } from '../platform/describe-error.js';
import type { PartnerKitHost } from '../platform/host.js';
import { reportError } from '../platform/report-error.js';

/** What the controller reads of its element. */
export interface InboxHost extends PartnerKitHost {
  /** Seconds between reads of the open request's thread; 0: never. */
  readonly pollSeconds: number;
}

/** Whose lists, asked of whom: a change starts them over. */
interface InboxQuery {
  role: string;
  partnerId: string | null;
}

/** A move the caller may make now, and whether it needs a reason. */
export interface RequestMove {
  to: RequestStatus;
  reopen: boolean;
  reasonRequired: boolean;
}

/** The request on screen: its summary from the list, then the whole request once loaded. */
interface OpenRequest {
  id: string;
  request: PartnerRequest | undefined;
  loading: boolean;
  error: unknown;
}

export class InboxController implements ReactiveController {
  readonly session: SessionController;
  readonly announcements: PagedListController<Announcement, InboxQuery, AnnouncementPage>;
  readonly requests: PagedListController<PartnerRequestSummary, InboxQuery>;

  /** The announcement whose body is shown. */
  expanded: string | undefined;
  /** The request on screen, if any. */
  open: OpenRequest | undefined;
  /** What was typed, per reply box (`reply:<id>`) and reason box (`reason:<id>`); kept until sent. */
  readonly drafts = new Map<string, string>();
  /** The move waiting for its reason. */
  asking: RequestMove | undefined;
  /** What is being sent: `reply`, `move`, or nothing. */
  busy: 'reply' | 'move' | undefined;
  /** Why the last reply or move failed (cleared by the next). */
  failure: { action: 'reply' | 'move'; error: unknown } | undefined;
  /** What the live region says (politely): a reply sent, a new reply, a status changed. */
  announcement = '';

  /** Announcements read here, kept so the list shows them read without being loaded again. */
  readonly #readHere = new Map<string, string>();
  #unread: number | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  readonly #host: InboxHost;
  readonly #say: (message: string) => void;

  /** `say` turns a message into text for the live region (the element's words). */
  constructor(host: InboxHost, words: { newReply: (name: string) => string }) {
    this.#host = host;
    this.#say = (name) => (this.announcement = words.newReply(name));
    host.addController(this);
    this.session = new SessionController(host);
    const query = (): InboxQuery | undefined => {
      const role = this.session.role;
      return role ? { role, partnerId: this.session.partnerId ?? null } : undefined;
    };
    this.announcements = new PagedListController<Announcement, InboxQuery, AnnouncementPage>(host, {
      query,
      load: async (_, cursor, { client, signal }) => {
        const page = await announcements(client).list({ limit: 20, ...(cursor ? { cursor } : {}) }, { signal });
        if (!cursor && page.unread !== null) this.#setUnread(page.unread);
        return page;
      },
    });
    this.requests = new PagedListController<PartnerRequestSummary, InboxQuery>(host, {
      query,
      // Vendor staff work through what falls due first; a partner reads its latest activity first.
      load: (q, cursor, { client, signal }) => requests(client).list({ limit: 20, ...(q.role === 'partner' ? {} : { sort: 'due' }), ...(cursor ? { cursor } : {}) }, { signal }),
    });
  }

  hostConnected(): void {
    this.#schedule();
  }

  hostDisconnected(): void {
    clearInterval(this.#poll);
    this.#poll = undefined;
  }

  /** Whether the caller is a partner's user (else vendor staff). */
  get isPartner(): boolean {
    return this.session.role === 'partner';
  }

  /** The partner's unread announcements; 0 until known and for vendor staff. */
  get unread(): number {
    return this.#unread ?? 0;
  }

  #setUnread(count: number): void {
    if (count === this.#unread) return;
    this.#unread = count;
    this.#host.dispatchEvent(new PkUnreadChangeEvent({ unread: count }, this.session.partnerId));
    this.#host.requestUpdate();
  }

  /** When `announcement` was read by this user: as loaded, or as read here. */
  readAt(announcement: Announcement): string | null {
    return this.#readHere.get(announcement.id) ?? announcement.readAt ?? null;
  }

  /** Shows (or hides) an announcement's body; a partner's first look marks it read. */
  async toggle(announcement: Announcement): Promise<void> {
    this.expanded = this.expanded === announcement.id ? undefined : announcement.id;
    this.#host.requestUpdate();
    if (this.expanded === undefined || !this.isPartner || this.readAt(announcement) !== null) return;
    const client = this.#host.resolvedClient;
    if (!client) return;
    // Shown as read at once; a failure puts it back (the person may try again by reopening it).
    this.#readHere.set(announcement.id, new Date().toISOString());
    this.#setUnread(Math.max(0, this.unread - 1));
    try {
      const read = await announcements(client).markRead(announcement.id);
      this.#readHere.set(announcement.id, read.readAt ?? new Date().toISOString());
    } catch (error) {
      this.#readHere.delete(announcement.id);
      this.#setUnread(this.unread + 1);
      reportError(this.#host, error);
    }
    this.#host.requestUpdate();
  }

  draft(key: string): string {
    return this.drafts.get(key) ?? '';
  }

  type(key: string, text: string): void {
    this.drafts.set(key, text);
    this.#host.requestUpdate();
  }

  /** Opens request `id` (its thread loads), or closes the one open with `undefined`. */
  show(id: string | undefined): void {
    this.asking = undefined;
    this.failure = undefined;
    this.announcement = '';
    this.open = id === undefined ? undefined : { id, request: undefined, loading: true, error: undefined };
    this.#host.requestUpdate();
    this.#schedule();
    if (id !== undefined) void this.refresh();
  }

  /** Reads the open request again; new messages from others are announced. */
  async refresh(): Promise<void> {
    const open = this.open;
    const client = this.#host.resolvedClient;
    if (!open || !client) return;
    const before = open.request?.messages.length;
    open.loading = open.request === undefined;
    open.error = undefined;
    this.#host.requestUpdate();
    try {
      const request = await requests(client).get(open.id);
      if (this.open !== open) return;
      open.request = request;
      if (before !== undefined && request.messages.length > before) {
        const others = request.messages.slice(before).filter((m) => !this.#own(m));
        const last = others.at(-1);
        if (last) this.#say(last.author.name ?? '');
      }
      this.#syncSummary(request);
    } catch (error) {
      if (isAbortError(error) || this.open !== open) return;
      // A background read that failed leaves the thread as it was; only a first load shows the error.
      if (open.request === undefined) open.error = error;
      reportError(this.#host, error);
    } finally {
      open.loading = false;
      this.#host.requestUpdate();
    }
  }

  /** Whether `message` was written by the caller's side. */
  #own(message: RequestMessage): boolean {
    const role = this.session.role;
    if (!role || message.author.role === 'system') return false;
    return requestSideOf(message.author.role) === requestSideOf(role);
  }

  /** The moves the caller may make on the open request now (core's table, the reopening window). */
  get moves(): RequestMove[] {
    const request = this.open?.request;
    const role = this.session.role;
    if (!request || !role) return [];
    return allowedRequestTransitions(request.status, role, request.resolvedAt, new Date()).map((to) => ({
      to,
      reopen: isReopening(request.status, to),
      reasonRequired: isReopening(request.status, to),
    }));
  }

  /** Until when the open resolved request may be reopened. */
  get reopenUntil(): Date | undefined {
    const request = this.open?.request;
    return request?.status === 'resolved' && request.resolvedAt ? reopenDeadline(request.resolvedAt) : undefined;
  }

  /** Sends what was typed in the open request's reply box. */
  async reply(): Promise<boolean> {
    const request = this.open?.request;
    const key = `reply:${request?.id}`;
    const body = this.draft(key).trim();
    if (!request || !body) return false;
    return this.#act('reply', async (client) => {
      await requests(client).reply(request.id, { body });
      this.drafts.delete(key);
    });
  }

  /** Makes `move` on the open request: at once, or once its reason is typed. */
  async move(move: RequestMove): Promise<boolean> {
    const request = this.open?.request;
    if (!request) return false;
    const key = `reason:${request.id}`;
    const reason = this.draft(key).trim();
    if (move.reasonRequired && !reason) {
      this.asking = move;
      this.#host.requestUpdate();
      return false;
    }
    return this.#act('move', async (client) => {
      await requests(client).transition(request.id, { to: move.to, ...(move.reasonRequired && reason ? { reason } : {}) });
      this.drafts.delete(key);
      this.asking = undefined;
    });
  }

  cancelMove(): void {
    this.asking = undefined;
    this.#host.requestUpdate();
  }

  /** Whether the last reply failed because the request is closed (a new request is the way on). */
  get closedRefusal(): boolean {
    return this.failure !== undefined && describeError(this.failure.error).code === 'request_closed';
  }

  async #act(action: 'reply' | 'move', work: (client: NonNullable<PartnerKitHost['resolvedClient']>) => Promise<void>): Promise<boolean> {
    const client = this.#host.resolvedClient;
    if (!client || this.busy) return false;
    this.busy = action;
    this.failure = undefined;
    this.announcement = '';
    this.#host.requestUpdate();
    try {
      await work(client);
      this.busy = undefined;
      await this.refresh();
      return true;
    } catch (error) {
      this.failure = { action, error };
      reportError(this.#host, error);
      return false;
    } finally {
      this.busy = undefined;
      this.#host.requestUpdate();
    }
  }

  /** The list's line of the open request follows what the thread says now. */
  #syncSummary(request: PartnerRequest): void {
    if (!this.requests.items.some((r) => r.id === request.id)) return;
    const { messages: _m, history: _h, ...summary } = request;
    this.requests.replace(summary);
  }

  /** A request just opened from the form: it goes on top of the list and opens. */
  opened(request: PartnerRequest): void {
    void this.requests.reload().then(() => this.show(request.id));
  }

  // The open request is read again every `pollSeconds` while the element is on the page.
  #schedule(): void {
    clearInterval(this.#poll);
    this.#poll = undefined;
    const seconds = this.#host.pollSeconds;
    if (this.open && seconds > 0 && this.#host.isConnected) this.#poll = setInterval(() => void this.refresh(), seconds * 1000);
  }
}
