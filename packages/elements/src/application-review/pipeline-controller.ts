/**
 * The state of `<application-review>`'s pipeline: who is calling (vendor staff only), the filters
 * (a stage, a search, a partner type, a source), the count of every stage under the other filters,
 * and the applications of the chosen stage as a paged list. The application open on screen is the
 * panel's (`application-panel.ts`, loaded on first open).
 * @module
 */
import { initialState } from '@lit/task';
import { applications } from '@partnerkit/core/client/applications';
import type { Application, ApplicationChannel, ApplicationPipeline, ApplicationStatus, PartnerType } from '@partnerkit/core/schemas';
import { PagedListController } from '../controllers/paged-list.js';
import { SessionController } from '../controllers/session.js';
import { createDataTask, type DataTask } from '../platform/data-task.js';
import type { PartnerKitHost } from '../platform/host.js';

/** What the list and the counts are filtered by. `status` filters the list only. */
export interface ReviewFilters {
  status: ApplicationStatus | '';
  q: string;
  partnerType: PartnerType | '';
  channel: ApplicationChannel | '';
}

/** The filters without their empty values, as the contract's query takes them. */
function queryOf(filters: Omit<ReviewFilters, 'status'>): { q?: string; partnerType?: PartnerType; channel?: ApplicationChannel } {
  return {
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.partnerType ? { partnerType: filters.partnerType } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
  };
}

export class PipelineController {
  readonly session: SessionController;
  readonly list: PagedListController<Application, ReviewFilters & { role: string }>;
  readonly pipeline: DataTask<readonly [boolean, string, string, string, number], ApplicationPipeline>;
  filters: ReviewFilters = { status: '', q: '', partnerType: '', channel: '' };
  /** What is typed in the search box (applied once typing pauses). */
  typed = '';
  // Bumped after a move, so the counts are read again.
  #generation = 0;
  readonly #host: PartnerKitHost;

  constructor(host: PartnerKitHost) {
    this.#host = host;
    this.session = new SessionController(host);
    this.list = new PagedListController(host, {
      query: () => {
        const role = this.session.role;
        return role && role !== 'partner' ? { ...this.filters, role: role as string } : undefined;
      },
      load: ({ status, role: _role, ...rest }, cursor, { client, signal }) =>
        applications(client).list({ limit: 20, ...queryOf(rest), ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }, { signal }),
    });
    this.pipeline = createDataTask(
      host,
      () => [this.allowed, this.filters.q.trim(), this.filters.partnerType, this.filters.channel, this.#generation] as const,
      // Nothing is asked until the session says vendor staff: a partner's session would only be refused.
      async ([allowed, q, partnerType, channel], { client, signal }) =>
        allowed ? applications(client).pipeline(queryOf({ q, partnerType: partnerType as ReviewFilters['partnerType'], channel: channel as ReviewFilters['channel'] }), { signal }) : initialState,
    );
  }

  /** Whether the caller may review applications (vendor staff; a partner's session never). */
  get allowed(): boolean {
    return this.session.role === 'manager' || this.session.role === 'admin';
  }

  /** Shows one stage (or every stage with `''`). */
  choose(status: ApplicationStatus | ''): void {
    this.filters = { ...this.filters, status };
    this.#host.requestUpdate();
  }

  /** Sets a partner type or source filter. */
  filter(name: 'partnerType' | 'channel', value: string): void {
    this.filters = { ...this.filters, [name]: value };
    this.#host.requestUpdate();
  }

  /** Text typed in the search box: applied once typing pauses, or at once with `now` (Enter). */
  search(text: string, now = false): void {
    this.typed = text;
    const apply = (q: string) => {
      this.filters = { ...this.filters, q };
      this.#host.requestUpdate();
    };
    if (now) {
      this.list.cancelSearch();
      apply(text);
    } else this.list.search(text, apply);
  }

  /** After a move or an evaluation: the application's line and the counts follow. */
  changed(application: Application): void {
    this.list.replace(application);
    this.#generation += 1;
    this.#host.requestUpdate();
  }
}
