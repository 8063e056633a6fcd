/**
 * `<resource-library>` in every state, for a partner and a manager, in both languages, in grid
 * and list, light and dark, on `@partnerkit/mock`: the in-memory backend behind a real client
 * gates, filters, searches, sorts and pages `stories/resource-library/fixtures.ts` with core's
 * rules, so Storybook needs no server; its states are the mock's faults.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { action } from 'storybook/actions';
import type { Resource, ResourceSort, ResourceType } from '@partnerkit/core/schemas';
import '../packages/elements/src/define/resource-library.js';
import { ALL_LOCKED_LIBRARY, generateLibrary, MANAGER_LIBRARY, MARKUP_RESOURCE } from './resource-library/fixtures.js';
import { libraryClient, type LibraryBackendOptions } from './resource-library/backend.js';
import { rewriteJson } from './support/mock-backend.js';

/** The element's attributes, plus how the mock backend behaves. */
interface LibraryArgs {
  type: '' | ResourceType;
  tag: string;
  language: '' | 'en' | 'vi';
  q: string;
  sort: ResourceSort;
  layout: 'list' | 'grid';
  pageSize: number;
  /** Empty: the element follows the page language (the toolbar). */
  lang: '' | 'en' | 'vi';
  theme: 'light' | 'dark' | 'auto';
  /** What the session sees: a Silver reseller (some items locked), a manager (all open), a new partner (all locked). */
  library: 'partner' | 'manager' | 'all locked' | 'empty' | '10,000 generated' | 'markup in titles';
  backend: 'ok' | 'slow' | 'loading forever' | 'server error' | 'breaks the contract' | 'open answers javascript:' | 'slow to open';
  /** The width of the column the element sits in: the element follows its container, not the viewport. */
  width: 'auto' | '320px' | '375px';
}

// Generated once: the story re-renders with every control change.
let tenThousand: Resource[] | undefined;

const manager = { role: 'manager' } as const;

/** Who calls and what the library holds (the Silver reseller by default: the backend locks what its tier and type may not open). */
const libraries: Record<LibraryArgs['library'], () => LibraryBackendOptions> = {
  partner: () => ({ resources: MANAGER_LIBRARY }),
  manager: () => ({ as: manager, resources: MANAGER_LIBRARY }),
  'all locked': () => ({ resources: ALL_LOCKED_LIBRARY }),
  empty: () => ({ resources: [] }),
  '10,000 generated': () => ({ resources: (tenThousand ??= generateLibrary(10_000)) }),
  'markup in titles': () => ({ as: manager, resources: [...MANAGER_LIBRARY.slice(0, 3), MARKUP_RESOURCE] }),
};

const LIST = 'GET /v1/resources';
const OPEN = 'POST /v1/resources/*/open';

/** The mock backend for `args`: the library, and the fault that gives the story its state. */
function backendFor(args: LibraryArgs): LibraryBackendOptions {
  const options = libraries[args.library]();
  if (args.backend === 'slow') options.latency = 900;
  if (args.backend === 'loading forever') options.faults = [{ mode: 'slow', delayMs: Infinity }];
  if (args.backend === 'server error') options.faults = [{ mode: 'error', status: 503, match: LIST }];
  // A non-http URL in a list breaks the contract: the client rejects the answer, the element shows the error state.
  if (args.backend === 'breaks the contract') {
    options.faults = [rewriteJson(LIST, (page) => ({ ...page, data: (page.data as Resource[]).map((r) => ({ ...r, url: 'javascript:alert(1)' })) }))];
  }
  if (args.backend === 'open answers javascript:') options.faults = [rewriteJson(OPEN, () => ({ url: 'javascript:alert(document.domain)' }))];
  if (args.backend === 'slow to open') options.faults = [{ mode: 'slow', delayMs: 1500, match: OPEN }];
  return options;
}

const log = (name: string) => (e: Event) => action(name)((e as CustomEvent).detail);

// Stories never open real tabs: the host takes over opening (as the event allows) and logs it.
const openInLog = (e: Event) => {
  e.preventDefault();
  log('pk-resource-open')(e);
};

const meta: Meta<LibraryArgs> = {
  title: 'Widgets/resource-library',
  component: 'resource-library',
  tags: ['autodocs'],
  args: {
    type: '',
    tag: '',
    language: '',
    q: '',
    sort: 'newest',
    layout: 'list',
    pageSize: 50,
    lang: '',
    theme: 'auto',
    library: 'partner',
    backend: 'ok',
    width: 'auto',
  },
  argTypes: {
    type: { control: 'select', options: ['', 'document', 'video', 'link', 'template', 'brand_asset', 'training'] },
    language: { control: 'inline-radio', options: ['', 'en', 'vi'], description: 'The `language` filter (not the element’s `lang`)' },
    sort: { control: 'inline-radio', options: ['newest', 'title', 'popular'] },
    layout: { control: 'inline-radio', options: ['list', 'grid'] },
    pageSize: { control: { type: 'number', min: 1, max: 200 }, description: 'The `page-size` attribute' },
    lang: { control: 'inline-radio', options: ['', 'en', 'vi'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    library: { control: 'select', options: Object.keys(libraries), table: { category: 'mock backend' } },
    backend: {
      control: 'select',
      options: ['ok', 'slow', 'loading forever', 'server error', 'breaks the contract', 'open answers javascript:', 'slow to open'],
      table: { category: 'mock backend' },
    },
    width: { control: 'inline-radio', options: ['auto', '320px', '375px'], table: { category: 'page' } },
  },
  render: (args) => html`<div style=${`${args.theme === 'dark' ? 'background:#000;' : ''}padding:1em;${args.width === 'auto' ? '' : `width:${args.width}`}`}>
    <resource-library
      .client=${libraryClient(backendFor(args))}
      type=${args.type || nothing}
      tag=${args.tag || nothing}
      language=${args.language || nothing}
      q=${args.q || nothing}
      sort=${args.sort}
      layout=${args.layout}
      page-size=${args.pageSize}
      lang=${args.lang || nothing}
      theme=${args.theme}
      @pk-resource-open=${args.backend === 'slow to open' ? log('pk-resource-open') : openInLog}
      @pk-filter-change=${log('pk-filter-change')}
      @pk-error=${log('pk-error')}
    ></resource-library>
  </div>`,
};
export default meta;

type Story = StoryObj<LibraryArgs>;

/** A Silver reseller on the vendor's site: three items are locked, with the tier that unlocks them. */
export const Partner: Story = {};

/**
 * The programme's Vietnamese: titles and descriptions from each item's translations (the margin
 * calculator has none and keeps its English), locks named by the tier's Vietnamese ("Đã khóa: cần
 * hạng Vàng"), tags as "Nhãn".
 */
export const PartnerVietnamese: Story = { args: { lang: 'vi' } };

/** A channel manager on the intranet: every item is open. */
export const Manager: Story = { args: { library: 'manager' } };

export const Grid: Story = { args: { layout: 'grid' } };

export const GridVietnamese: Story = { args: { layout: 'grid', lang: 'vi' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const DarkGridVietnamese: Story = { args: { theme: 'dark', layout: 'grid', lang: 'vi' } };

/** Initial filters from attributes, shown as chips that remove them. */
export const InitialFilters: Story = { args: { library: 'manager', tag: 'sales', language: 'en', sort: 'popular' } };

/** The skeleton while the first page loads; the search box is usable already. */
export const Loading: Story = { args: { backend: 'loading forever' } };

/** Each search takes a while: the current results stay, dimmed, until the new ones arrive. */
export const SlowSearch: Story = { args: { backend: 'slow', library: 'manager' } };

/** The vendor has not published anything yet. */
export const EmptyLibrary: Story = { args: { library: 'empty' } };

export const EmptyLibraryVietnamese: Story = { args: { library: 'empty', lang: 'vi' } };

/** A search that matches nothing, with a way back. */
export const NoResults: Story = { args: { q: 'quantum', type: 'video' } };

export const NoResultsVietnamese: Story = { args: { q: 'quantum', lang: 'vi' } };

/** A new partner: everything is locked, nothing can be opened, no URL reaches the page. */
export const LockedItems: Story = { args: { library: 'all locked' } };

export const LockedItemsVietnamese: Story = { args: { library: 'all locked', lang: 'vi', layout: 'grid' } };

export const ServerError: Story = { args: { backend: 'server error' } };

export const ServerErrorVietnamese: Story = { args: { backend: 'server error', lang: 'vi' } };

/** A list answer with a `javascript:` URL breaks the contract: the error state, never a link. */
export const InvalidResponse: Story = { args: { backend: 'breaks the contract' } };

/** Opening an item whose URL comes back as `javascript:` is refused, said and reported. */
export const UnsafeOpenUrl: Story = { args: { backend: 'open answers javascript:', library: 'manager' } };

/** Presses "Load more" (through the element's `loadMore()`) until every page is in. */
async function loadEverything({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const el = canvasElement.querySelector('resource-library')!;
  const hasMore = () => el.shadowRoot?.querySelector('[part~="load-more"]') != null;
  for (let wait = 0; wait < 100 && !hasMore(); wait++) await new Promise((r) => setTimeout(r, 50));
  while (el.isConnected && hasMore()) {
    await el.loadMore();
    await el.updateComplete;
  }
}

/**
 * 10,000 generated resources, loaded in 50 cursor pages of 200 ("Load more", pressed by the
 * story): the scrollbar stands for all of them, the DOM holds only the rows in view.
 */
export const TenThousandItems: Story = { args: { library: '10,000 generated', pageSize: 200 }, play: loadEverything };

export const TenThousandItemsGrid: Story = { args: { library: '10,000 generated', pageSize: 200, layout: 'grid' }, play: loadEverything };

/** The first 200 of 10,000, with "Load more". */
export const LoadMore: Story = { args: { library: '10,000 generated', pageSize: 200 } };

/** Brand assets are "Tư liệu thương hiệu" (logos, banners), not brand equity; filters as chips. */
export const InitialFiltersVietnamese: Story = { args: { library: 'manager', type: 'brand_asset', lang: 'vi' } };

/** Titles and descriptions that are markup show those characters, never elements. */
export const MarkupInTitles: Story = { args: { library: 'markup in titles' } };

/** In a narrow column (320 px): rows grow for the lines they wrap into; long text is clamped. */
export const OnAPhone: Story = { args: { width: '320px', lang: 'vi' } };

export const GridOnAPhone: Story = { args: { width: '375px', layout: 'grid', library: 'manager' } };

/**
 * Opening a resource says what happens: "Opening …" while the backend records the open, then
 * "… opened in a new tab". (The story logs the tab instead of opening it.)
 */
export const OpeningFeedback: Story = {
  args: { backend: 'slow to open', library: 'manager' },
  // The element opens the tab itself here (nobody cancels pk-resource-open): the story logs it instead.
  beforeEach: () => {
    const open = window.open;
    window.open = (url?: string | URL) => {
      action('window.open')(String(url));
      return null;
    };
    return () => {
      window.open = open;
    };
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('resource-library')!;
    for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('a[data-id]'); i++) await new Promise((r) => setTimeout(r, 100));
    el.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-id]')!.click();
  },
};
