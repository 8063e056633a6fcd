/**
 * Every "load more" list of every widget: the first page of a query, the pages after it by
 * cursor, a search box that asks only once typing pauses, and the rules a list must keep so it
 * never shows something wrong: a newer query aborts the older one's request and ignores its late
 * answer; an item a later page repeats (the data changed between requests) is shown once; a failure
 * keeps what was loaded and offers to try again; a load cut short by leaving the page runs again
 * on return. Widgets render it; `renderStates` takes it like a data task.
 * @module
 */
import type { ReactiveController } from 'lit';
import { TaskStatus } from '@lit/task';
import type { Page } from '@partnerkit/core/schemas';
import type { DataTaskContext } from '../platform/data-task.js';
import { isAbortError } from '../platform/describe-error.js';
import type { PartnerKitHost } from '../platform/host.js';
import { reportError } from '../platform/report-error.js';

/** How long typing pauses before a search goes to the backend. */
export const SEARCH_DEBOUNCE_MS = 300;

/** Loads one page of `query`: the first when `cursor` is undefined. Pass `signal` on. */
export type PageLoader<T, Q, P extends Page<T> = Page<T>> = (query: Q, cursor: string | undefined, context: DataTaskContext) => Promise<P>;

/** What a paged list lists and how. */
export interface PagedListOptions<T, Q, P extends Page<T> = Page<T>> {
  /**
   * The query to list, read before every update (compared by its JSON): a change starts over
   * from the first page. `undefined` while it cannot be known yet (say, until the session
   * answered): nothing is asked meanwhile.
   */
  query: () => Q | undefined;
  load: PageLoader<T, Q, P>;
  /** An item's identity, for de-duplication across pages; default `item.id`. */
  key?: (item: T) => string;
}

const idOf = (item: unknown): string => String((item as { id?: unknown }).id);

/** A Lit controller for one paged list of `host`. */
export class PagedListController<T, Q, P extends Page<T> = Page<T>> implements ReactiveController {
  /** What is loaded, in order, each item once. While `stale`, the previous query's. */
  items: readonly T[] = [];
  /** The first page of `items` (its `total`, facets and the like). */
  page: P | undefined;
  /** What is being loaded: the first page of a query, the next page, or nothing. */
  loading: 'first' | 'more' | false = false;
  /** The last failure and what it was loading; cleared by the next load. */
  error: unknown;
  failedOn: 'first' | 'more' | undefined;

  #cursor: string | null = null;
  #asked: { key: string; client: unknown } | undefined;
  #request: AbortController | undefined;
  #interrupted: 'first' | 'more' | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #host: PartnerKitHost;
  readonly #options: PagedListOptions<T, Q, P>;

  constructor(host: PartnerKitHost, options: PagedListOptions<T, Q, P>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether there is a next page to load. */
  get hasMore(): boolean {
    return this.#cursor !== null;
  }

  /** The items on screen belong to the previous query while the new one's first page loads. */
  get stale(): boolean {
    return this.loading === 'first' && this.page !== undefined;
  }

  /** The list's state as a data task's: pending while a first page loads, error when it failed. */
  get status(): TaskStatus {
    if (this.loading === 'first') return TaskStatus.PENDING;
    if (this.failedOn === 'first') return TaskStatus.ERROR;
    return this.page ? TaskStatus.COMPLETE : TaskStatus.INITIAL;
  }

  /** `items`, as a data task's value. */
  get value(): readonly T[] {
    return this.items;
  }

  /** Tries again what failed (the retry button): the first page, or the next one. */
  run(): Promise<void> {
    return this.failedOn === 'more' ? this.loadMore() : this.reload();
  }

  /** Starts over from the first page of the current query; settles when it is shown. */
  async reload(): Promise<void> {
    const query = this.#options.query();
    if (query !== undefined) await this.#fetch(query, undefined);
  }

  /** Loads the next page, if there is one and nothing is loading; settles when it is shown. */
  async loadMore(): Promise<void> {
    const query = this.#options.query();
    if (query !== undefined && this.#cursor && !this.loading) await this.#fetch(query, this.#cursor);
  }

  /** Puts `item` in place of the loaded item with its key (after an action changed it). */
  replace(item: T): void {
    const keyOf = this.#options.key ?? idOf;
    const key = keyOf(item);
    this.items = this.items.map((i) => (keyOf(i) === key ? item : i));
    this.#host.requestUpdate();
  }

  /**
   * Text typed in a search box: `apply` runs once typing pauses for {@link SEARCH_DEBOUNCE_MS}
   * (each keystroke starts the wait again). Apply at once (Enter) by calling `cancelSearch` first.
   */
  search(text: string, apply: (text: string) => void): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => apply(text), SEARCH_DEBOUNCE_MS);
  }

  /** Drops a search still waiting for the pause. */
  cancelSearch(): void {
    clearTimeout(this.#searchTimer);
  }

  hostConnected(): void {
    // A load cut short by leaving the page: the next page is asked for now, a first page by the next update.
    if (this.#interrupted === 'more') void this.loadMore();
    else if (this.#interrupted) {
      this.#asked = undefined;
      this.#host.requestUpdate();
    }
    this.#interrupted = undefined;
  }

  hostUpdate(): void {
    const query = this.#options.query();
    const client = this.#host.resolvedClient;
    if (query === undefined || !client) return;
    const key = JSON.stringify(query);
    if (this.#asked?.key === key && this.#asked.client === client) return;
    this.#asked = { key, client };
    void this.#fetch(query, undefined);
  }

  hostDisconnected(): void {
    this.cancelSearch();
    if (!this.loading) return;
    this.#interrupted = this.loading;
    this.#abort();
  }

  #abort(): void {
    this.#request?.abort();
    this.#request = undefined;
    this.loading = false;
  }

  async #fetch(query: Q, cursor: string | undefined): Promise<void> {
    const client = this.#host.resolvedClient;
    this.#abort();
    if (!client) return;
    const request = (this.#request = new AbortController());
    this.loading = cursor ? 'more' : 'first';
    this.error = this.failedOn = undefined;
    this.#host.requestUpdate();
    try {
      const page = await this.#options.load(query, cursor, { client, signal: request.signal });
      if (request !== this.#request) return;
      if (cursor) {
        const keyOf = this.#options.key ?? idOf;
        const seen = new Set(this.items.map(keyOf));
        this.items = this.items.concat(page.data.filter((item) => !seen.has(keyOf(item))));
      } else {
        this.page = page;
        this.items = page.data;
      }
      this.#cursor = page.nextCursor;
    } catch (error) {
      if (request !== this.#request || isAbortError(error)) return;
      this.error = error;
      this.failedOn = cursor ? 'more' : 'first';
      // A failed new query must not leave the previous query's items on screen as its answer.
      if (!cursor) {
        this.page = undefined;
        this.items = [];
        this.#cursor = null;
      }
      reportError(this.#host, error);
    }
    this.#request = undefined;
    this.loading = false;
    this.#host.requestUpdate();
  }
}
