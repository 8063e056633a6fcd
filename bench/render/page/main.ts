/**
 * The bench page: the three widgets (from source, production mode) and their hand-written
 * baselines, fed by one in-memory backend, driven by `bench/parts/render.ts` through
 * `window.pkBench`. Every scenario function runs one measurement and leaves the page idle.
 * @module
 */
import { createClient } from '@partnerkit/core/client';
import '@partnerkit/elements/partner-scorecard.js';
import '@partnerkit/elements/deal-register.js';
import '@partnerkit/elements/resource-library.js';
import '@partnerkit/elements/partner-plan.js';
import type { RenderFixtures } from '../fixtures.ts';
import { BASE_URL, createBackend, filterResources, type BackendLog } from './backend.ts';
import { measurePainted as measureFrames, probeScroll, settle, type Painted, type ScrollProbe } from './frames.ts';
import { dealsView, libraryView, planView, rawFetch, scorecardView, type Kind, type View } from './views.ts';

/**
 * How the page is set up: the data, and the library's page size (its `page-size` attribute). The
 * deal list's page size is the widget's own: the baseline asks for what the widget asked for.
 */
export interface PageSetup {
  fixtures: RenderFixtures;
  libraryPageSize: number;
  /** Frames each scroll probe takes (one step per frame). */
  scrollFrames: number;
}

/** What loading every page through "Load more" measured. */
export interface LoadAll {
  clicks: Painted[];
  items: number;
  seconds: number;
}

let setup: PageSetup;
let backend: ReturnType<typeof createBackend>;
let client: ReturnType<typeof createClient>;
let raw: ReturnType<typeof rawFetch>;
let mounted: View | undefined;
const stage = () => document.getElementById('stage') as HTMLElement;
const measurePainted = (kick: () => unknown, ready: () => boolean) => measureFrames(kick, ready, () => backend.log.requests);

async function unmount(): Promise<void> {
  mounted = undefined;
  stage().replaceChildren();
  window.scrollTo(0, 0);
  await settle();
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Mounts `view` and measures until it shows its data. */
async function first(view: View): Promise<Painted> {
  await unmount();
  const painted = await measurePainted(() => view.mount(stage()), () => view.shown());
  mounted = view;
  return painted;
}

/** Mounts `view` untimed and waits until it shows its data. */
async function mountQuietly(view: View): Promise<View> {
  await unmount();
  view.mount(stage());
  await waitFor(() => view.shown(), 'the first data');
  await settle();
  return (mounted = view);
}

const current = (): View => {
  if (!mounted) throw new Error('bench: nothing mounted');
  return mounted;
};

const widgetDealPageSize = (): number => {
  const limit = backend.log.limits['/v1/deals'];
  if (!limit) throw new Error('bench: measure the deal widget first (its page size is the baseline\'s)');
  return limit;
};
const deals = (kind: Kind) => dealsView(kind, client, raw, widgetDealPageSize);
const library = (kind: Kind) => libraryView(kind, client, raw, setup.libraryPageSize);

/** The status to filter by: the first one whose first deal is not the list's first deal. */
function filterStatus(): string {
  const [head, ...rest] = setup.fixtures.deals;
  const other = rest.find((d) => d.status !== head?.status && d.status !== 'draft');
  if (!other) throw new Error('bench: the deal fixtures need two statuses');
  return other.status;
}

/** Two searches with different, non-empty results, so each one visibly changes the list. */
function searchTerms(): [string, string] {
  const candidates = ['security', 'cloud', 'deck', 'pricing', 'webinar', 'brand', 'training', 'retail'];
  const counted = candidates.map((q) => ({ q, n: filterResources(setup.fixtures.resources, new URLSearchParams({ q })).length })).filter((c) => c.n > 0);
  const a = counted[0];
  const b = counted.find((c) => a && c.n !== a.n);
  if (!a || !b) throw new Error('bench: the resource fixtures need two searches with different results');
  return [a.q, b.q];
}

async function clickThrough(view: View): Promise<LoadAll> {
  const clicks: Painted[] = [];
  const started = performance.now();
  for (let button = view.moreButton(); button; button = view.moreButton()) {
    const before = view.progress();
    const target = button;
    // The new page is shown when the progress (item count, result count) changes; the button is
    // idle again, or gone after the last page, in the same render.
    clicks.push(await measurePainted(() => target.click(), () => view.progress() !== before));
    await settle(1);
  }
  const items = Number.parseInt(view.progress(), 10);
  return { clicks, items: Number.isNaN(items) ? 0 : items, seconds: (performance.now() - started) / 1000 };
}

const api = {
  setup(value: PageSetup): void {
    setup = value;
    backend = createBackend(value.fixtures);
    client = createClient({ baseUrl: BASE_URL, token: 'bench-session-token-0123456789', fetch: backend.fetch, retry: 0, timeout: 120_000 });
    raw = rawFetch(backend.fetch);
  },

  backendLog(): BackendLog {
    return backend.log;
  },

  /** From a plan in hand (served from memory) to every objective painted. */
  plan(kind: Kind): Promise<Painted> {
    return first(planView(kind, client, raw, setup.fixtures.plan.objectives.length));
  },

  /** From a scorecard in hand (served from memory) to its rows painted. */
  scorecard(kind: Kind): Promise<Painted> {
    return first(scorecardView(kind, client, raw, setup.fixtures.scorecard.periods, setup.fixtures.scorecard.kpis));
  },

  /** The widget's client alone: fetch from memory, parse, validate (no rendering). */
  async scorecardClientOnly(): Promise<number> {
    const start = performance.now();
    await client.partners.scorecard(setup.fixtures.principal.partnerId ?? '', { period: '2026-Q3', periods: setup.fixtures.scorecard.periods });
    return performance.now() - start;
  },

  /** My registrations: mounting to the first page of deals painted. */
  dealsFirst(kind: Kind): Promise<Painted> {
    return first(deals(kind));
  },

  /** My registrations: picking a status to the filtered list painted (then back to all, untimed). */
  async dealsFilter(kind: Kind): Promise<Painted> {
    const view = await mountQuietly(deals(kind));
    const select = view.control() as HTMLSelectElement;
    const before = view.progress();
    const painted = await measurePainted(
      () => {
        select.value = filterStatus();
        select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      },
      () => view.progress() !== before && view.shown(),
    );
    await unmount();
    return painted;
  },

  /** My registrations: "Load more" until every deal is listed, then scroll the whole page. */
  async dealsLoadAll(kind: Kind): Promise<LoadAll & { scroll: ScrollProbe }> {
    const view = await mountQuietly(deals(kind));
    const loaded = await clickThrough(view);
    const height = document.documentElement.scrollHeight - innerHeight;
    const scroll = await probeScroll(window, Math.max(0, height), setup.scrollFrames);
    await unmount();
    return { ...loaded, scroll };
  },

  /** The library: mounting to the first page painted. */
  libraryFirst(kind: Kind): Promise<Painted> {
    return first(library(kind));
  },

  /** The library: "Load more" until everything is loaded, then scroll the list; stays mounted. */
  async libraryLoadAll(kind: Kind): Promise<LoadAll & { scroll: ScrollProbe }> {
    const view = await mountQuietly(library(kind));
    const loaded = await clickThrough(view);
    const scroller = view.scroller() as Element;
    const scroll = await probeScroll(scroller, Math.max(0, scroller.scrollHeight - scroller.clientHeight), setup.scrollFrames);
    scroller.scrollTop = 0;
    await settle();
    return { ...loaded, items: setup.fixtures.resources.length, scroll };
  },

  /**
   * One keystroke in the mounted library's search box to the next frame painted; the character
   * is taken back at once (untimed), so the debounced search never fires.
   */
  async libraryKeystroke(): Promise<Painted> {
    const input = current().control() as HTMLInputElement;
    input.focus();
    const type = (value: string, data: string | null) => {
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: data ? 'insertText' : 'deleteContentBackward', data }));
    };
    const was = input.value;
    const painted = await measurePainted(() => type(`${was}s`, 's'), () => true);
    type(was, null);
    return painted;
  },

  /** A search committed in the mounted library (Enter, so no debounce) to the new results painted. */
  async librarySearch(round: number): Promise<Painted> {
    const view = current();
    const input = view.control() as HTMLInputElement;
    const terms = searchTerms();
    const before = view.progress();
    return measurePainted(
      () => {
        input.value = terms[round % 2]!;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: 'x' }));
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
      },
      () => view.progress() !== '' && view.progress() !== before && view.shown(),
    );
  },

  /** Focuses the mounted view's search box and starts recording Event Timing entries over 16 ms. */
  startEventProbe(): void {
    const input = current().control() as HTMLInputElement;
    input.value = '';
    input.focus();
    const entries: { name: string; duration: number }[] = [];
    const observer = new PerformanceObserver((list) => entries.push(...list.getEntries().map((e) => ({ name: e.name, duration: e.duration }))));
    observer.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    probe = { observer, entries };
  },

  /** Stops the probe: how many events took longer than a 16 ms frame from input to paint, and the longest. */
  async stopEventProbe(): Promise<{ count: number; longestMs: number; types: string[] }> {
    await settle(3);
    if (!probe) throw new Error('bench: no event probe running');
    const { observer, entries } = probe;
    entries.push(...observer.takeRecords().map((e) => ({ name: e.name, duration: e.duration })));
    observer.disconnect();
    probe = undefined;
    const slow = entries.filter((e) => e.duration > 16);
    return { count: slow.length, longestMs: Math.max(0, ...entries.map((e) => e.duration)), types: [...new Set(slow.map((e) => e.name))] };
  },

  unmount,
};

let probe: { observer: PerformanceObserver; entries: { name: string; duration: number }[] } | undefined;

export type PkBench = typeof api;
(window as unknown as { pkBench: PkBench }).pkBench = api;
