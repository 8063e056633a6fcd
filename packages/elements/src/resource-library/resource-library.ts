/**
 * `<resource-library>`: the partner portal's documents, videos, templates, brand assets and
 * training, searchable and filterable wherever partners already work, with the vendor's gating.
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { BaseClient } from '@partnerkit/core/client/base';
import { resources } from '@partnerkit/core/client/resources';
import { RESOURCE_SORTS, RESOURCE_TYPES, type Resource, type ResourcePage, type ResourceSort, type ResourceType, type Tier } from '@partnerkit/core/schemas';
import { PartnerKitElement } from '../platform/partnerkit-element.js';
import { describeError, isAbortError } from '../platform/describe-error.js';
import { LazyView } from '../controllers/lazy-view.js';
import { PagedListController } from '../controllers/paged-list.js';
import { errorText, renderLoading } from '../platform/state-views.js';
import { styleProperties } from '../platform/style-properties.js';
import { PkFilterChangeEvent, type PkFilterChangeData } from '../events/filter-change.js';
import { PkResourceOpenEvent } from '../events/resource-open.js';
import { activeFilters, DEFAULT_PAGE_SIZE, FACETS, facetOptions, listQuery, type FacetName, type FilterName, type ResourceFilters } from './filters.js';
import { formatBytes, languageName } from './format.js';
import { LOCK_ICON, REMOVE_ICON, TYPE_ICONS } from './icons.js';
import { resourceLibraryCatalogues, type ResourceLibraryMessages } from './i18n/index.js';
import { resourceLibraryStyles } from './resource-library.styles.js';
import { safeHttpUrl, UnsafeUrlError } from './safe-url.js';
import { tierNames } from './tier-names.js';
import { WindowController } from './windowing.js';

/** `layout`: cards in a responsive grid, or one row per resource. */
export type ResourceLayout = 'grid' | 'list';

/** What the list asks for: the filters and the page size. */
type ResourceQuery = ResourceFilters & { pageSize: number };

/** An icon from `icons.ts`: decorative, so hidden from assistive technology (the text beside it says it). */
const icon = (path: string, part = 'icon') =>
  html`<svg class="icon" part=${part} viewBox="0 0 16 16" aria-hidden="true"><path d=${path} /></svg>`;

const isResourceType = (value: unknown): value is ResourceType => RESOURCE_TYPES.includes(value as ResourceType);

const parts = (root: ParentNode, name: string) => [...root.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

/**
 * The resource library: a search box (server-side, debounced), facets for type, tag and language
 * with counts, a sort, chips for the active filters, and the resources in a grid or a list. Each
 * resource shows its type, title, description, language, format and size, when it was updated and
 * its tags. Resources the caller's tier or partner type may not open show as locked, with the
 * tier that unlocks them, and no link.
 *
 * Opening a resource goes through the backend (`client.resources.open`, so it is counted), then
 * the returned URL opens in a new tab without an opener or referrer. Only `http:` and `https:`
 * URLs are ever linked to or opened; anything else is refused with a visible message and
 * `pk-error` (`code: 'unsafe_url'`).
 *
 * Long libraries load page by page ("Load more", cursor pagination) and render only the rows in
 * view, so ten thousand resources stay quick. The attributes are the initial filters; the element
 * loads again, aborting the previous request, when they change.
 *
 * @summary Searchable, gated library of partner resources.
 * @tagname resource-library
 *
 * @fires {PkResourceOpenEvent} pk-resource-open - a resource was opened; `detail.data.resourceId`, `detail.data.url`; cancelable (the host then opens it)
 * @fires {PkFilterChangeEvent} pk-filter-change - the person changed the search, a facet or the sort; `detail.data` holds the filters
 * @fires {PkErrorEvent} pk-error - loading or opening failed; `code: 'unsafe_url'` when a URL was not http(s)
 *
 * @csspart library - the box around everything (background, border, padding)
 * @csspart toolbar - the search box, facets and sort
 * @csspart search - the search field (label and input)
 * @csspart search-input - the search `<input>`
 * @csspart facet - each facet field (label and `<select>`); also `facet-type`, `facet-tag`, `facet-language`
 * @csspart sort - the sort field
 * @csspart chips - the active filters
 * @csspart chip - one active filter's remove button
 * @csspart clear-filters - the button that removes every filter
 * @csspart count - the result count (a polite live region)
 * @csspart notice - the message shown when a resource could not be opened (until the next open or filter change)
 * @csspart open-status - what opening a resource is doing ("Opening …", "… opened in a new tab"), a polite live region
 * @csspart scroller - the scrolling box around the resources
 * @csspart list - the list of resources
 * @csspart item - one resource; also `item-locked` for locked ones
 * @csspart type-icon - a resource's type icon
 * @csspart icon - the other icons (the padlock, a chip's cross)
 * @csspart type - a resource's type, in text
 * @csspart title - a resource's title
 * @csspart title-link - the title's link (resources the caller may open)
 * @csspart description - a resource's description
 * @csspart meta - language, format and size, and when it was updated
 * @csspart tags - a resource's tags
 * @csspart tag - one tag
 * @csspart lock - the locked notice with the tier that unlocks the resource
 * @csspart no-results - the box shown when no resource matches the filters
 * @csspart load-more - the "Load more" button
 *
 * @cssprop --pk-resource-library-max-height - height of the scrolling list before it scrolls (default `36em`; `none` lets the page scroll it)
 * @cssprop --pk-resource-library-row-height - height of a row in the list layout (default `8.5em`; `11.5em` when the library is under 30em wide)
 * @cssprop --pk-resource-library-card-height - height of a card in the grid layout (default `15em`)
 * @cssprop --pk-resource-library-card-min-width - narrowest a grid card gets before the grid drops a column (default `15em`)
 * @cssprop --pk-resource-library-icon-color - type icon colour (default: `--pk-color-primary`)
 * @cssprop --pk-resource-library-chip-background - active-filter chip background (default: `--pk-color-surface-raised`)
 * @cssprop --pk-resource-library-locked-color - colour of the locked notice (default: `--pk-color-text-muted`)
 */
export class ResourceLibrary extends PartnerKitElement<ResourceLibraryMessages> {
  static override styles = [PartnerKitElement.styles, resourceLibraryStyles];

  // Declared here rather than with decorators: the decorator helper would otherwise be bundled
  // into this widget's own chunk, which has a size budget.
  static override properties: PropertyDeclarations = {
    type: {},
    tag: {},
    language: {},
    q: {},
    sort: {},
    layout: { reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
    notice: { state: true, attribute: false },
    awaiting: { state: true, attribute: false },
    opening: { state: true, attribute: false },
    tiers: { state: true, attribute: false },
  };

  /** Only resources of this type: `document`, `video`, `link`, `template`, `brand_asset`, `training`. */
  declare type?: ResourceType;

  /** Only resources with this tag. */
  declare tag?: string;

  /** Only resources in this language (a BCP 47 tag such as `vi`); not the element's own `lang`. */
  declare language?: string;

  /** Search text: matched by the backend in titles, descriptions and tags. */
  declare q?: string;

  /** Order: `newest` (default), `title` or `popular` (most opened). */
  sort: ResourceSort = 'newest';

  /** `list` (default): one row per resource; `grid`: cards. */
  layout: ResourceLayout = 'list';

  /** Resources per page, 1-200 (default 50). */
  pageSize = DEFAULT_PAGE_SIZE;

  // Every page loaded so far for the current filters ("Load more"), through the platform's paged list.
  private readonly resources = new PagedListController<Resource, ResourceQuery, ResourcePage>(this, {
    query: () => ({ ...this.filters, pageSize: this.pageSize }),
    load: (query, cursor, { client, signal }) => resources(client).list(listQuery(query, query.pageSize, cursor), { signal }),
  });

  readonly #windowing = new WindowController(this, () => {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    const list = scroller?.querySelector<HTMLElement>('.items');
    return scroller && list ? { scroller, list } : null;
  });

  // The agreements an opening waits for, with <partner-agreements>: loaded the first time a refusal names one.
  readonly #agreements = new LazyView(this, () => import('../partner-agreements/inline.js'));

  /** Why the last open failed, already in the element's language. */
  declare private notice?: string;
  /** A resource whose opening waits for agreements to be accepted, and the refusal that names them. */
  declare private awaiting?: { resource: Resource; refusal: unknown };
  /** The resource being opened, then the one opened (until the next open or filter change). */
  declare private opening?: { title: string; done: boolean };
  declare private tiers?: ReadonlyMap<string, Tier>;

  /** What is typed in the search box (sent to the server after a pause, as `q`). */
  #draft = '';
  #tiersFor?: BaseClient;
  #shownFirst?: ResourcePage;

  constructor() {
    super(resourceLibraryCatalogues);
  }

  /** The filters applied now, with unknown types and sorts ignored. */
  get filters(): ResourceFilters {
    return {
      type: isResourceType(this.type) ? this.type : undefined,
      tag: this.tag,
      language: this.language,
      q: this.q,
      sort: RESOURCE_SORTS.includes(this.sort) ? this.sort : 'newest',
    };
  }

  /** Loads the next page and adds it to the list (what "Load more" does). */
  loadMore(): Promise<void> {
    return this.resources.loadMore();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('q')) this.#draft = this.q ?? '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const first = this.resources.stale ? undefined : this.resources.page;
    if (first && first !== this.#shownFirst) {
      this.#shownFirst = first;
      this.#windowing.scrollToStart();
    }
    this.#lookUpTiers(this.resources.items);
  }

  override render(): TemplateResult {
    if (!this.localize.ready) return renderLoading(this.localize);
    const page = this.resources.page;
    const filters = this.filters;
    const t = this.localize.t.bind(this.localize);
    return html`<div class="library" part="library">
      <div class="toolbar" part="toolbar">
        ${this.#renderSearch()}
        ${FACETS.map((name) =>
          this.#renderSelect(
            name,
            t(`library.${name}`),
            [
              ['', t(`library.all.${name}`)],
              ...facetOptions(page?.facets, name, filters[name]).map(({ value, count }): [string, string] => [
                value,
                t('library.option', { label: this.#facetLabel(name, value), count: this.localize.number(count) }),
              ]),
            ],
            filters[name],
          ),
        )}
        ${this.#renderSelect('sort', t('library.sort'), RESOURCE_SORTS.map((value) => [value, t(`library.sort.${value}`)]), filters.sort)}
      </div>
      ${this.#renderChips()}
      <p class="count" part="count" role="status">${this.#countText(page)}</p>
      <p class="open-status" part="open-status" role="status">${this.opening ? t(this.opening.done ? 'library.opened' : 'library.opening', { title: this.opening.title }) : ''}</p>
      ${this.notice ? html`<p class="state state--error" part="notice" role="alert">${this.notice}</p>` : nothing}
      ${this.awaiting ? html`<div part="agreement-required">${this.#agreements.render(this.localize, (inline) => inline.renderRequiredAgreements(this.awaiting?.refusal, { client: this.resolvedClient, accepted: this.#onAgreementAccepted }))}</div>` : nothing}
      ${this.#renderResults()}
    </div>`;
  }

  #renderSearch(): TemplateResult {
    const t = this.localize;
    return html`<div class="field" part="search" role="search">
      <label for="search">${t.t('library.search')}</label>
      <input
        id="search"
        part="search-input"
        type="search"
        maxlength="200"
        placeholder=${t.t('library.searchPlaceholder')}
        .value=${this.#draft}
        @input=${this.#onSearchInput}
        @keydown=${this.#onSearchKeydown}
      />
    </div>`;
  }

  /** A labelled `<select>` for a facet or the sort; `options` are `[value, text]` pairs. */
  #renderSelect(name: FacetName | 'sort', label: string, options: Array<[string, string]>, selected = ''): TemplateResult {
    return html`<div class="field" part=${name === 'sort' ? name : `facet facet-${name}`}>
      <label for=${name}>${label}</label>
      <select id=${name} @change=${this.#onSelectChange}>
        ${options.map(([value, text]) => html`<option value=${value} .selected=${value === selected}>${text}</option>`)}
      </select>
    </div>`;
  }

  #renderChips(): TemplateResult | typeof nothing {
    const active = activeFilters(this.filters);
    if (active.length === 0) return nothing;
    const t = this.localize;
    // Each chip's name says what it removes ("Remove filter: Type: Video"), so no group label is needed.
    return html`<div class="chips" part="chips">
      ${active.map(([name, value]) => {
        const label = this.#chipLabel(name, value);
        return html`<button class="button chip" part="chip" type="button" data-filter=${name} aria-label=${t.t('library.removeFilter', { filter: label })} @click=${this.#onChipClick}>
          ${label} ${icon(REMOVE_ICON)}
        </button>`;
      })}
      ${active.length > 1
        ? html`<button class="button chip" part="clear-filters" type="button" @click=${this.#clearFilters}>${t.t('library.clearFilters')}</button>`
        : nothing}
    </div>`;
  }

  #renderResults(): TemplateResult {
    const { resources } = this;
    // A new query keeps the previous results on screen, marked busy, rather than flashing a skeleton.
    if (resources.stale && this.resolvedClient) return this.#renderList(true);
    return this.renderStates(resources, {
      data: () => this.#renderList(false),
      empty: (items) => items.length === 0 && activeFilters(this.filters).length === 0,
      emptyMessage: this.localize.t('library.empty'),
    });
  }

  #renderList(busy: boolean): TemplateResult {
    const t = this.localize;
    const { items, page, loading, failedOn } = this.resources;
    if (items.length === 0) {
      const q = this.filters.q?.trim();
      return html`<div class="state state--empty" part="state no-results">
        <p class="state__body">${q ? t.t('library.noResultsFor', { q }) : t.t('library.noResults')}</p>
        <button class="button" part="clear-filters" type="button" @click=${this.#clearFilters}>${t.t('library.clearFilters')}</button>
      </div>`;
    }
    const { start, end, before, after } = this.#windowing.range(items.length);
    const size = Math.max(page?.total ?? 0, items.length);
    return html`
      <div class="scroller" part="scroller" role="region" tabindex="0" aria-label=${t.t('library.label')} aria-busy=${busy ? 'true' : 'false'}>
        <ul
          class="items"
          part="list"
          role="list"
          style=${styleProperties({ paddingTop: `${before}px`, paddingBottom: `${after}px` })}
          @click=${this.#onListClick}
          @auxclick=${this.#onListClick}
        >
          ${repeat(
            items.slice(start, end),
            (resource) => resource.id,
            (resource, index) => this.#renderItem(resource, start + index + 1, size),
          )}
        </ul>
      </div>
      ${this.resources.hasMore
        ? html`<div class="more">
            <button class="button" part="load-more" type="button" aria-disabled=${loading === 'more' ? 'true' : 'false'} @click=${this.loadMore}>
              ${loading === 'more' ? t.t('library.loadingMore') : t.t('library.loadMore')}
            </button>
            ${failedOn === 'more' ? html`<p role="alert">${errorText(t, this.resources.error)}</p>` : nothing}
          </div>`
        : nothing}
    `;
  }

  #renderItem(item: Resource, position: number, size: number): TemplateResult {
    const t = this.localize;
    // Title and description in the element's language when the programme translated them.
    const resource = t.localise(item);
    const { locked } = resource;
    // A locked resource never gets a link, whatever the response held.
    const href = locked ? null : safeHttpUrl(resource.url);
    const format = [resource.format?.toUpperCase(), resource.sizeBytes == null ? null : formatBytes((v, o) => t.number(v, o), resource.sizeBytes)]
      .filter(Boolean)
      .join(', ');
    const title = href
      ? html`<a part="title-link" href=${href} target="_blank" rel="noopener noreferrer" data-id=${resource.id}
          >${resource.title}<span class="visually-hidden"> (${t.t('library.opens')})</span></a
        >`
      : locked
        ? resource.title
        : // No URL yet (an agreement to accept first): opening asks the backend, which says what is missing.
          html`<button class="title-button" part="title-link" type="button" data-id=${resource.id}>${resource.title}<span class="visually-hidden"> (${t.t('library.opens')})</span></button>`;
    return html`<li class="item" part=${locked ? 'item item-locked' : 'item'} aria-posinset=${position} aria-setsize=${size}>
      ${icon(TYPE_ICONS[resource.type] ?? TYPE_ICONS.document, 'type-icon')}
      <div class="item__body">
        <p class="item__title" part="title">${title}</p>
        ${resource.description ? html`<p class="item__description" part="description">${resource.description}</p>` : nothing}
        <p class="item__meta" part="meta">
          <span part="type">${isResourceType(resource.type) ? t.t(`library.type.${resource.type}`) : resource.type}</span>
          <span>${languageName(t.lang, resource.language)}</span>
          ${format ? html`<span>${format}</span>` : nothing}
          <span><time datetime=${resource.updatedAt}>${t.t('library.updated', { when: t.relativeTime(resource.updatedAt, { numeric: 'always' }) })}</time></span>
        </p>
        ${resource.tags.length
          ? html`<ul class="item__tags" part="tags" role="list" aria-label=${t.t('library.tags')}>
              ${resource.tags.map((tag) => html`<li part="tag">${tag}</li>`)}
            </ul>`
          : nothing}
        ${locked ? html`<p class="item__lock" part="lock">${icon(LOCK_ICON)}${this.#lockText(resource)}</p>` : nothing}
      </div>
    </li>`;
  }

  #countText(page: ResourcePage | undefined): string {
    if (!page || this.resources.stale) return '';
    const t = this.localize;
    const shown = this.resources.items.length;
    const total = Math.max(page.total, shown);
    if (total === 0) return '';
    return shown < total
      ? t.t('library.countPartial', { total, shown: t.number(shown), n: t.number(total) })
      : t.t('library.count', { total, n: t.number(total) });
  }

  #facetLabel(name: FacetName, value: string): string {
    if (name === 'type') return isResourceType(value) ? this.localize.t(`library.type.${value}`) : value;
    if (name === 'language') return languageName(this.localize.lang, value);
    return value;
  }

  #chipLabel(name: FilterName, value: string): string {
    const t = this.localize;
    if (name === 'q') return t.t('library.searchChip', { q: value });
    return t.t('library.chip', { name: t.t(`library.${name}`), value: this.#facetLabel(name, value) });
  }

  #lockText(resource: Resource): string {
    const t = this.localize;
    if (resource.minTierId) {
      const tier = this.tiers?.get(resource.minTierId);
      return tier ? t.t('library.lockedTier', { tier: t.localise(tier).name }) : t.t('library.lockedHigherTier');
    }
    return resource.partnerTypes.length ? t.t('library.lockedType') : t.t('library.locked');
  }

  // Names of locked resources' tiers, looked up once per client (and shared between elements).
  #lookUpTiers(items: readonly Resource[]): void {
    const client = this.resolvedClient;
    if (!client || this.#tiersFor === client || !items.some((r) => r.locked && r.minTierId)) return;
    this.#tiersFor = client;
    tierNames(client).then(
      (names) => {
        if (this.#tiersFor === client) this.tiers = names;
      },
      // Without names the lock says "requires a higher tier"; nothing else depends on them.
      () => undefined,
    );
  }

  /** Applies a person's change of filters and announces it. */
  #applyFilters(change: Partial<ResourceFilters>): void {
    Object.assign(this, change);
    this.notice = this.opening = this.awaiting = undefined;
    const data: PkFilterChangeData = { sort: this.filters.sort, ...Object.fromEntries(activeFilters(this.filters)) };
    this.emit(new PkFilterChangeEvent(data));
  }

  readonly #onSearchInput = (event: Event): void => {
    this.#draft = (event.target as HTMLInputElement).value;
    this.resources.search(this.#draft, this.#commitSearch);
  };

  readonly #onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.#commitSearch();
  };

  readonly #commitSearch = (): void => {
    this.resources.cancelSearch();
    const q = this.#draft.trim() || undefined;
    if (q !== (this.q?.trim() || undefined)) this.#applyFilters({ q });
  };

  readonly #onSelectChange = (event: Event): void => {
    const { id, value } = event.target as HTMLSelectElement;
    this.#applyFilters({ [id]: value || undefined });
  };

  readonly #onChipClick = (event: Event): void => {
    const chip = event.currentTarget as HTMLButtonElement;
    const name = chip.dataset.filter as FilterName;
    void this.#removeFilters({ [name]: undefined }, parts(this.renderRoot, 'chip').indexOf(chip));
  };

  readonly #clearFilters = (): Promise<void> => this.#removeFilters({ type: undefined, tag: undefined, language: undefined, q: undefined }, -1);

  /** Removes filters, then puts the keyboard on the chip now at `index`, else the last, else the search box. */
  async #removeFilters(change: Partial<ResourceFilters>, index: number): Promise<void> {
    this.resources.cancelSearch();
    this.#applyFilters(change);
    await this.updateComplete;
    const chips = parts(this.renderRoot, 'chip');
    (chips[Math.min(index, chips.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#search'))?.focus();
  }

  // One listener for every title link: clicks (and middle clicks) go through the backend.
  readonly #onListClick = (event: MouseEvent): void => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const link = (event.target as Element).closest<HTMLElement>('a[data-id], button[data-id]');
    if (!link) return;
    event.preventDefault();
    const resource = this.resources.items.find((r) => r.id === link.dataset.id);
    if (resource) void this.#open(resource);
  };

  /**
   * Records the open with the backend, then opens the URL it returns in a new tab (unless a
   * `pk-resource-open` listener cancels the event). Refuses any URL that is not http(s).
   */
  async #open(resource: Resource): Promise<void> {
    const client = this.resolvedClient;
    if (!client || resource.locked || (this.opening && !this.opening.done)) return;
    const { title } = resource;
    this.opening = { title, done: false };
    this.notice = this.awaiting = undefined;
    try {
      const { url } = await resources(client).open(resource.id);
      const safe = safeHttpUrl(url);
      if (!safe) throw new UnsafeUrlError();
      const event = this.emit(new PkResourceOpenEvent({ resourceId: resource.id, url: safe }));
      // A host that cancels the event opens the resource its own way and says so itself.
      if (event.defaultPrevented) this.opening = undefined;
      else {
        window.open(safe, '_blank', 'noopener,noreferrer');
        this.opening = { title, done: true };
      }
    } catch (error) {
      this.opening = undefined;
      if (isAbortError(error)) return;
      this.reportError(error);
      if (describeError(error).code === 'agreement_required') {
        this.awaiting = { resource, refusal: error };
        this.#agreements.ensure();
        return;
      }
      const t = this.localize;
      this.notice = error instanceof UnsafeUrlError ? t.t('library.unsafeUrl') : `${t.t('library.openFailed')} ${errorText(t, error)}`;
    }
  }

  /** Once the agreement is accepted, the resource that waited for it opens. */
  readonly #onAgreementAccepted = (): void => {
    const resource = this.awaiting?.resource;
    this.awaiting = undefined;
    if (resource) void this.#open(resource);
  };
}

