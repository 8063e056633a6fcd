/**
 * Start-up: what the widgets cost a host page on first load, as a phone would feel it. Each demo
 * page (`npm start`'s code path on a scratch data directory) is loaded in a fresh browser context
 * (cold cache) with the CPU slowed 4x through the DevTools protocol, and measured from the
 * page's own observers and the protocol's metrics: layout shift (CLS), long tasks (the longest,
 * how many, total blocking time), and main-thread work (task and script time). The baseline is
 * the same page in the same run with the CDN loader blocked: the host page alone, so the
 * difference is what PartnerKit adds. Runs alternate between the two; medians of each.
 *
 * Not Lighthouse (which would simulate a slow network too): loopback, no network throttling.
 * @module
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { decode, type SourceMapMappings } from '@jridgewell/sourcemap-codec';
import type { Browser, CDPSession, Page, Protocol } from 'puppeteer-core';
import { launchChromium, waitForWidgets } from '../../demo/browser.ts';
import { ensureCdnBuild } from '../../demo/build.ts';
import { CDN_DIR, startDemo } from '../../demo/server.ts';
import { bySize, runPart } from '../lib/part.ts';
import { median } from '../lib/stats.ts';

/** The demo pages measured, the widgets' pages included. */
export const STARTUP_PAGES = ['/portal', '/intranet'] as const;
/** The CPU slowdown Lighthouse's mobile profile applies. */
export const CPU_SLOWDOWN = 4;

/** One page load, measured. */
export interface LoadSample {
  /** Cumulative layout shift (shifts without recent input), the whole load. */
  cls: number;
  /** Durations of every long task (over 50 ms), in ms. */
  longTasks: number[];
  /** Sum over long tasks of what exceeds 50 ms. */
  blockingMs: number;
  /** Main-thread task time (the protocol's TaskDuration), in ms. */
  taskMs: number;
  /** Script compilation and execution (ScriptDuration), in ms. */
  scriptMs: number;
  /** From navigation to every widget out of its loading state, in ms (widgets only). */
  settledMs: number | null;
}

/** Medians of one page and variant. */
export interface LoadSummary {
  runs: number;
  cls: number;
  /** Worst CLS of the runs. */
  clsMax: number;
  longestTaskMs: number;
  longTasks: number;
  blockingMs: number;
  taskMs: number;
  scriptMs: number;
  settledMs: number | null;
}

/** Where one profiled load's JavaScript time went, in ms of CPU samples, by origin. */
export interface TimeByOrigin {
  /** Self time of each origin's functions, natives they call (Intl, DOM) counted as theirs. */
  total: Record<string, number>;
  /** The same, only under a module's top level: evaluation of the chunks (and what it runs: define, upgrade, first render). */
  evaluation: Record<string, number>;
}

export interface StartupPage {
  path: string;
  widgets: LoadSummary;
  /** The same page with the CDN loader blocked. */
  baseline: LoadSummary;
  /** One more load with the widgets, under the sampling profiler (not in the medians). */
  profile: TimeByOrigin;
}

export interface StartupResult {
  cpuSlowdown: number;
  pages: StartupPage[];
}

declare global {
  interface Window {
    __startup?: { cls: number; longTasks: number[] };
  }
}

/** Observers installed before any script of the page runs. */
function observe(): void {
  const state = { cls: 0, longTasks: [] as number[] };
  window.__startup = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) state.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/** `work` on a fresh page in a fresh browser context (cold cache), phone-sized, its CPU slowed down. */
async function onSlowedPage<T>(browser: Browser, work: (page: Page, cdp: CDPSession) => Promise<T>): Promise<T> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1 });
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    return await work(page, cdp);
  } finally {
    await context.close();
  }
}

function loadOnce(browser: Browser, url: string, withWidgets: boolean): Promise<LoadSample> {
  return onSlowedPage(browser, async (page, cdp) => {
    await cdp.send('Performance.enable');
    await page.evaluateOnNewDocument(observe);
    if (!withWidgets) {
      await page.setRequestInterception(true);
      page.on('request', (request) => void (new URL(request.url()).pathname.startsWith('/cdn/') ? request.abort() : request.continue()));
    }
    const started = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    let settledMs: number | null = null;
    if (withWidgets) {
      await waitForWidgets(page, 120_000);
      settledMs = performance.now() - started;
    }
    // Let what the first render scheduled run, then read the observers.
    await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
    const observed = await page.evaluate(() => window.__startup ?? { cls: 0, longTasks: [] });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return {
      cls: observed.cls,
      longTasks: observed.longTasks,
      blockingMs: observed.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      taskMs: metric('TaskDuration'),
      scriptMs: metric('ScriptDuration'),
      settledMs,
    };
  });
}

/** What a source path is part of, by the origins `scripts/size/cdn.mjs` reports for the shared chunk. */
function origin(source: string): string {
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+)\//.test(source)) return 'lit';
  if (/node_modules\/zod\//.test(source)) return 'zod';
  if (/node_modules\/ky\//.test(source)) return 'ky';
  if (/packages\/core\//.test(source)) return '@partnerkit/core';
  const widget = /packages\/elements\/src\/(partner-scorecard|deal-register|resource-library|partnerkit-provider)\//.exec(source);
  if (widget) return widget[1]!;
  if (/packages\/elements\//.test(source)) return 'platform';
  return 'other';
}

/** Source paths of generated positions in the CDN build's files, from their source maps. */
class CdnSources {
  readonly #maps = new Map<string, { sources: string[]; lines: SourceMapMappings }>();
  at(url: string, line: number, column: number): string | null {
    const file = new URL(url).pathname.replace(/^\/cdn\//, '');
    let map = this.#maps.get(file);
    if (!map) {
      const path = join(CDN_DIR, `${file}.map`);
      const raw = JSON.parse(readFileSync(path, 'utf8')) as { sources: string[]; mappings: string };
      // Sources are relative to the map: resolve them, so `packages/...` and `node_modules/...` show.
      this.#maps.set(file, (map = { sources: raw.sources.map((source) => resolve(dirname(path), source)), lines: decode(raw.mappings) }));
    }
    const segments = map.lines[line] ?? [];
    let found: number | undefined;
    for (const segment of segments) {
      if (segment[0] > column) break;
      found = segment[1];
    }
    return found === undefined ? null : (map.sources[found] ?? null);
  }
}

/**
 * One load with the widgets under V8's sampling profiler: each sample's time goes to the origin
 * of the innermost frame of the CDN build on its stack (so Intl and DOM calls count for the code
 * that made them); samples with no such frame are the browser's own (parsing, compiling, style,
 * layout, idle) and are left out.
 */
function profileLoad(browser: Browser, url: string, sources: CdnSources): Promise<TimeByOrigin> {
  return onSlowedPage(browser, async (page, cdp) => {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    await waitForWidgets(page, 120_000);
    const { profile } = await cdp.send('Profiler.stop');
    return attribute(profile, sources);
  });
}

function attribute(profile: Protocol.Profiler.Profile, sources: CdnSources): TimeByOrigin {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const cdn = (frame: Protocol.Runtime.CallFrame) => frame.url.includes('/cdn/');
  const total: Record<string, number> = {};
  const evaluation: Record<string, number> = {};
  const add = (into: Record<string, number>, key: string, ms: number) => (into[key] = (into[key] ?? 0) + ms);
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    let owner: Protocol.Runtime.CallFrame | null = null;
    let atTopLevel = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = nodes.get(at)!.callFrame;
      if (!cdn(frame)) continue;
      owner ??= frame;
      // A module's top level: the anonymous function at the start of a file of the build.
      if (frame.functionName === '' && frame.lineNumber === 0 && frame.columnNumber === 0) atTopLevel = true;
    }
    if (!owner) return;
    const key = origin(sources.at(owner.url, owner.lineNumber, owner.columnNumber) ?? '');
    add(total, key, ms);
    if (atTopLevel) add(evaluation, key, ms);
  });
  return { total, evaluation };
}

function summarise(samples: LoadSample[]): LoadSummary {
  const settled = samples.map((s) => s.settledMs).filter((s): s is number => s !== null);
  return {
    runs: samples.length,
    cls: median(samples.map((s) => s.cls)),
    clsMax: Math.max(...samples.map((s) => s.cls)),
    longestTaskMs: median(samples.map((s) => Math.max(0, ...s.longTasks))),
    longTasks: median(samples.map((s) => s.longTasks.length)),
    blockingMs: median(samples.map((s) => s.blockingMs)),
    taskMs: median(samples.map((s) => s.taskMs)),
    scriptMs: median(samples.map((s) => s.scriptMs)),
    settledMs: settled.length ? median(settled) : null,
  };
}

await runPart<StartupResult>('startup', async (ctx) => {
  const runs = bySize(ctx, 7, 1);
  await ctx.step('CDN build (when stale)', () => ensureCdnBuild());
  const dataDir = mkdtempSync(join(ctx.tmp, 'demo-'));
  const demo = await ctx.step('demo server (seeded)', () => startDemo({ dataDir, port: 0, logger: false }));
  const chromium = await launchChromium({ tmpDir: ctx.tmp });
  const sources = new CdnSources();
  try {
    const pages: StartupPage[] = [];
    for (const path of STARTUP_PAGES) {
      const url = new URL(path, demo.url).href;
      const widgets: LoadSample[] = [];
      const baseline: LoadSample[] = [];
      await ctx.step(`${path}: ${runs} loads with the widgets and ${runs} without, alternating, CPU ${CPU_SLOWDOWN}x slower`, async () => {
        // A warm-up load of each, unmeasured: the server's first answers fill its caches.
        await loadOnce(chromium.browser, url, true);
        for (let i = 0; i < runs; i += 1) {
          for (const withWidgets of i % 2 ? [false, true] : [true, false]) (withWidgets ? widgets : baseline).push(await loadOnce(chromium.browser, url, withWidgets));
        }
      });
      const profile = await ctx.step(`${path}: one load under the sampling profiler`, () => profileLoad(chromium.browser, url, sources));
      pages.push({ path, widgets: summarise(widgets), baseline: summarise(baseline), profile });
      ctx.log(`${path}: ${JSON.stringify(pages.at(-1))}`);
    }
    return { cpuSlowdown: CPU_SLOWDOWN, pages };
  } finally {
    await chromium.close();
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
