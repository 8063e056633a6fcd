/**
 * One interface over each widget and its baseline, so every scenario drives both the same way:
 * mount, read progress, find the controls. Widgets are read through their shadow roots' parts and
 * ids, the way a person's browser sees them.
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import type { Deal, Plan, ResourcePage, Scorecard } from '@partnerkit/core/schemas';
import { PARTNER_ID, PLAN_PERIOD } from '../fixtures.ts';
import { renderScorecard } from '../vanilla/scorecard.ts';
import { createDealList } from '../vanilla/deals.ts';
import { createLibrary } from '../vanilla/library.ts';
import { renderPlan } from '../vanilla/plan.ts';

export type Kind = 'widget' | 'vanilla';

/** A mounted (or mountable) view under test. */
export interface View {
  host: HTMLElement;
  /** Starts rendering: puts the host in the page (and, for a baseline, starts its load). */
  mount(stage: HTMLElement): void;
  /** Something that changes whenever the view shows new data (an item count, a result count). */
  progress(): string;
  /** Whether the view shows its data. */
  shown(): boolean;
  /** The "Load more" button when it can be used now. */
  moreButton(): HTMLElement | null;
  /** The status filter (deals) or the search box (library). */
  control(): HTMLInputElement | HTMLSelectElement;
  /** What scrolls the view's items. */
  scroller(): Element | Window;
}

const shadow = (host: HTMLElement): ShadowRoot => {
  if (!host.shadowRoot) throw new Error(`<${host.localName}> has no open shadow root`);
  return host.shadowRoot;
};

function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`bench: ${what} not found`);
  return value;
}

/** The raw-fetch path of the baselines: the same backend, `fetch` + `JSON.parse`, no validation. */
export const rawFetch = (backendFetch: typeof fetch) => async (path: string, query?: URLSearchParams) =>
  JSON.parse(await (await backendFetch(`https://bench.invalid/api${path}${query ? `?${query}` : ''}`)).text()) as unknown;

type RawFetch = ReturnType<typeof rawFetch>;

export function scorecardView(kind: Kind, client: PartnerKitClient, raw: RawFetch, periods: number, rows: number): View {
  let host: HTMLElement;
  let mount: (stage: HTMLElement) => void;
  if (kind === 'widget') {
    host = document.createElement('partner-scorecard');
    host.setAttribute('partner-id', PARTNER_ID);
    host.setAttribute('period', '2026-Q3');
    host.setAttribute('periods', String(periods));
    (host as HTMLElement & { client?: PartnerKitClient }).client = client;
    mount = (stage) => stage.append(host);
  } else {
    host = document.createElement('div');
    mount = (stage) => {
      stage.append(host);
      void raw(`/v1/partners/${PARTNER_ID}/scorecard`, new URLSearchParams({ period: '2026-Q3', periods: String(periods) })).then((data) =>
        host.append(renderScorecard(data as Scorecard)),
      );
    };
  }
  const rowCount = () =>
    kind === 'widget' ? (host.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0) : (host.firstElementChild?.shadowRoot?.querySelectorAll('tr.row').length ?? 0);
  return {
    host,
    mount,
    progress: () => String(rowCount()),
    shown: () => rowCount() === rows,
    moreButton: () => null,
    control: () => {
      throw new Error('bench: the scorecard scenarios use no control');
    },
    scroller: () => window,
  };
}

export function dealsView(kind: Kind, client: PartnerKitClient, raw: RawFetch, pageSize: () => number): View {
  let host: HTMLElement;
  let mount: (stage: HTMLElement) => void;
  if (kind === 'widget') {
    host = document.createElement('deal-register');
    host.setAttribute('view', 'list');
    host.setAttribute('draft-key', `bench-${Math.random()}`);
    (host as HTMLElement & { client?: PartnerKitClient }).client = client;
    mount = (stage) => stage.append(host);
  } else {
    const list = createDealList((query) => raw('/v1/deals', query) as Promise<{ data: Deal[]; nextCursor: string | null }>, pageSize());
    host = list.host;
    mount = (stage) => {
      stage.append(host);
      void list.load();
    };
  }
  const items = () => shadow(host).querySelectorAll(kind === 'widget' ? '[part~="deal"]' : '.deal');
  return {
    host,
    mount,
    progress: () => `${items().length}:${items()[0]?.getAttribute('data-id') ?? ''}`,
    shown: () => !!host.shadowRoot && items().length > 0,
    moreButton: () => {
      const button = shadow(host).querySelector<HTMLElement>(kind === 'widget' ? '[part~="load-more"]' : '.more:not([hidden])');
      return button && button.getAttribute('aria-disabled') !== 'true' ? button : null;
    },
    control: () => must(shadow(host).querySelector<HTMLSelectElement>(kind === 'widget' ? '#l-status' : '#status'), 'the status filter'),
    scroller: () => window,
  };
}

export function libraryView(kind: Kind, client: PartnerKitClient, raw: RawFetch, pageSize: number): View {
  let host: HTMLElement;
  let mount: (stage: HTMLElement) => void;
  if (kind === 'widget') {
    host = document.createElement('resource-library');
    host.setAttribute('page-size', String(pageSize));
    (host as HTMLElement & { client?: PartnerKitClient }).client = client;
    mount = (stage) => stage.append(host);
  } else {
    const library = createLibrary((query) => raw('/v1/resources', query) as Promise<ResourcePage>, pageSize);
    host = library.host;
    mount = (stage) => {
      stage.append(host);
      void library.load();
    };
  }
  const root = () => shadow(host);
  const count = () => root().querySelector(kind === 'widget' ? '[part~="count"]' : '.count')?.textContent?.trim() ?? '';
  return {
    host,
    mount,
    progress: count,
    shown: () => !!host.shadowRoot && count() !== '' && root().querySelectorAll(kind === 'widget' ? '[part~="item"]' : '.item').length > 0,
    moreButton: () => {
      const button = root().querySelector<HTMLElement>(kind === 'widget' ? '[part~="load-more"]' : '.more:not([hidden])');
      return button && button.getAttribute('aria-disabled') !== 'true' ? button : null;
    },
    control: () => must(root().querySelector<HTMLInputElement>('#search'), 'the search box'),
    scroller: () => must(root().querySelector(kind === 'widget' ? '[part~="scroller"]' : '.scroller'), 'the scroller'),
  };
}

export function planView(kind: Kind, client: PartnerKitClient, raw: RawFetch, objectives: number): View {
  let host: HTMLElement;
  let mount: (stage: HTMLElement) => void;
  if (kind === 'widget') {
    host = document.createElement('partner-plan');
    host.setAttribute('partner-id', PARTNER_ID);
    host.setAttribute('period', PLAN_PERIOD);
    (host as HTMLElement & { client?: PartnerKitClient }).client = client;
    mount = (stage) => stage.append(host);
  } else {
    host = document.createElement('div');
    mount = (stage) => {
      stage.append(host);
      void raw(`/v1/partners/${PARTNER_ID}/plans/${PLAN_PERIOD}`).then((data) => host.append(renderPlan(data as Plan, 'partner')));
    };
  }
  const count = () =>
    kind === 'widget' ? (host.shadowRoot?.querySelectorAll('[part~="objective"]').length ?? 0) : (host.firstElementChild?.shadowRoot?.querySelectorAll('.objective').length ?? 0);
  return {
    host,
    mount,
    progress: () => String(count()),
    shown: () => count() === objectives,
    moreButton: () => null,
    control: () => {
      throw new Error('bench: the plan scenario uses no control');
    },
    scroller: () => window,
  };
}
