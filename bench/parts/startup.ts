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
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { launchChromium, waitForWidgets } from '../../demo/browser.ts';
import { ensureCdnBuild } from '../../demo/build.ts';
import { startDemo } from '../../demo/server.ts';
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

export interface StartupPage {
  path: string;
  widgets: LoadSummary;
  /** The same page with the CDN loader blocked. */
  baseline: LoadSummary;
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

async function loadOnce(browser: Browser, url: string, withWidgets: boolean): Promise<LoadSample> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1 });
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
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
  } finally {
    await context.close();
  }
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
      pages.push({ path, widgets: summarise(widgets), baseline: summarise(baseline) });
      ctx.log(`${path}: ${JSON.stringify(pages.at(-1))}`);
    }
    return { cpuSlowdown: CPU_SLOWDOWN, pages };
  } finally {
    await chromium.close();
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
