/**
 * Rendering in headless Chromium: each widget against a hand-written vanilla-DOM baseline
 * showing the same data in the same page, fed by the same in-memory backend, measured to the
 * painted frame, runs interleaved (widget, baseline, baseline, widget, ...) after warm-up runs.
 * @module
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { runPart, bySize, type PartContext } from '../lib/part.ts';
import { launchChromium } from '../../scripts/chromium.mjs';
import { ratio, summarize, type Summary } from '../lib/stats.ts';
import { renderFixtures } from '../render/fixtures.ts';
import { bundlePage } from '../render/bundle.ts';
import type { LoadAll, PageSetup, PkBench } from '../render/page/main.ts';
import type { Painted, ScrollProbe } from '../render/page/frames.ts';

type Kind = 'widget' | 'vanilla';

/** One scenario measured on both sides. Times in ms; `ratio` is widget median / baseline median. */
export interface Comparison {
  widget: Summary;
  vanilla: Summary;
  ratio: number | null;
  /** Share of widget runs painted in the frame they started in. */
  widgetInOneFrame: number;
  vanillaInOneFrame: number;
  /** Requests each side made per run (the most seen). */
  widgetRequests: number;
  vanillaRequests: number;
}

export interface LoadAllResult {
  items: number;
  clicks: number;
  seconds: number;
  /** Each "Load more" to the new page painted, over the last ten clicks (the longest list). */
  lastClicks: Summary;
  scroll: ScrollProbe;
}

export interface RenderResult {
  chromium: string;
  sizes: { kpis: number; periods: number; deals: number; resources: number; objectives: number; libraryPageSize: number; dealPageSize: number };
  runs: number;
  scorecard: Comparison & { clientOnly: Summary };
  /** A joint business plan of `sizes.objectives` objectives (issue 22: within one frame against the baseline). */
  plan: Comparison;
  deals: { first: Comparison; filter: Comparison; loadAll: Record<Kind, LoadAllResult> };
  library: {
    first: Comparison;
    loadAll: Record<Kind, LoadAllResult>;
    keystroke: Comparison;
    search: Comparison;
    /** Real key presses (puppeteer) in the widget's search box: Event Timing entries of 16 ms or more. */
    typing: { text: string; delayMs: number; slowEvents: number; longestMs: number };
  };
}

function compare(samples: Record<Kind, Painted[]>): Comparison {
  const widget = summarize(samples.widget.map((p) => p.ms));
  const vanilla = summarize(samples.vanilla.map((p) => p.ms));
  const share = (list: Painted[]) => list.filter((p) => p.frames === 1).length / list.length;
  const most = (list: Painted[]) => Math.max(0, ...list.map((p) => p.requests));
  return {
    widget,
    vanilla,
    ratio: ratio(widget.median, vanilla.median),
    widgetInOneFrame: share(samples.widget),
    vanillaInOneFrame: share(samples.vanilla),
    widgetRequests: most(samples.widget),
    vanillaRequests: most(samples.vanilla),
  };
}

function loadAllResult(result: LoadAll & { scroll: ScrollProbe }): LoadAllResult {
  const last = result.clicks.slice(-10).map((p) => p.ms);
  return { items: result.items, clicks: result.clicks.length, seconds: result.seconds, lastClicks: summarize(last.length ? last : [0]), scroll: result.scroll };
}

/** Serves the page and its script on 127.0.0.1 (a real origin: the deal widget keeps drafts in localStorage). */
async function servePage(script: string): Promise<{ url: string; server: Server }> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PartnerKit bench</title>
<style>body { font: 16px/1.4 system-ui, sans-serif; margin: 0; } #stage { max-width: 72em; margin: 0 auto; padding: 1em; }</style>
</head><body><main id="stage"></main><script src="/bench.js"></script></body></html>`;
  const server = createServer((request, response) => {
    if (request.url === '/favicon.ico') return void response.writeHead(204).end();
    const body = request.url === '/bench.js' ? script : request.url === '/' ? html : null;
    response.writeHead(body === null ? 404 : 200, { 'content-type': request.url === '/bench.js' ? 'text/javascript' : 'text/html' });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Calls `window.pkBench[name](...args)` in the page. */
function call<K extends keyof PkBench>(page: Page, name: K, ...args: Parameters<PkBench[K]>): Promise<Awaited<ReturnType<PkBench[K]>>> {
  return page.evaluate(
    (fn, list) => (window as unknown as { pkBench: Record<string, (...a: unknown[]) => unknown> }).pkBench[fn]!(...list),
    name,
    args as unknown[],
  ) as Promise<Awaited<ReturnType<PkBench[K]>>>;
}

async function measureRendering(ctx: PartContext): Promise<RenderResult> {
  const sizes = bySize(ctx, { kpis: 12, periods: 8, deals: 5_000, resources: 10_000, objectives: 50 }, { kpis: 3, periods: 4, deals: 60, resources: 450, objectives: 50 });
  const libraryPageSize = 200;
  const runs = bySize(ctx, 25, 3);
  const warmups = bySize(ctx, 3, 1);
  const fixtures = await ctx.step('fixtures (checked against the contract)', async () => renderFixtures(sizes));
  const script = await ctx.step('bench page bundle (esbuild)', () => bundlePage(ctx.root));
  const { url, server } = await servePage(script);
  const chromium = await launchChromium({ tmpDir: ctx.tmp });
  try {
    const page = await chromium.browser.newPage();
    page.on('pageerror', (error) => ctx.log(`page error: ${error instanceof Error ? error.message : String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') ctx.log(`page ${message.type()}: ${message.text()}`);
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url);
    await call(page, 'setup', { fixtures, libraryPageSize, scrollFrames: bySize(ctx, 240, 20) } satisfies PageSetup);

    /** Warm-up runs, then `runs` interleaved runs of `scenario` on both sides. */
    const series = async (scenario: (kind: Kind, round: number) => Promise<Painted>): Promise<Comparison> => {
      for (let i = 0; i < warmups; i += 1) for (const kind of ['widget', 'vanilla'] as const) await scenario(kind, i);
      const samples: Record<Kind, Painted[]> = { widget: [], vanilla: [] };
      for (let i = 0; i < runs; i += 1) {
        for (const kind of i % 2 ? (['vanilla', 'widget'] as const) : (['widget', 'vanilla'] as const)) samples[kind].push(await scenario(kind, i));
      }
      return compare(samples);
    };

    const scorecard = await ctx.step(`scorecard ${sizes.kpis} KPIs x ${sizes.periods} periods`, async () => {
      const comparison = await series((kind) => call(page, 'scorecard', kind));
      const clientOnly: number[] = [];
      for (let i = 0; i < runs; i += 1) clientOnly.push(await call(page, 'scorecardClientOnly'));
      return { ...comparison, clientOnly: summarize(clientOnly) };
    });

    const plan = await ctx.step(`joint business plan, ${sizes.objectives} objectives`, () => series((kind) => call(page, 'plan', kind)));

    const deals = await ctx.step(`deal list, ${sizes.deals} deals`, async () => {
      const first = await series((kind) => call(page, 'dealsFirst', kind));
      const filter = await series((kind) => call(page, 'dealsFilter', kind));
      const widget = loadAllResult(await call(page, 'dealsLoadAll', 'widget'));
      const vanilla = loadAllResult(await call(page, 'dealsLoadAll', 'vanilla'));
      for (const [kind, result] of Object.entries({ widget, vanilla })) {
        if (result.items !== sizes.deals) throw new Error(`deals, ${kind}: ${result.items} of ${sizes.deals} deals listed after "Load more"`);
      }
      return { first, filter, loadAll: { widget, vanilla } };
    });

    const library = await ctx.step(`resource library, ${sizes.resources} resources`, async () => {
      const first = await series((kind) => call(page, 'libraryFirst', kind));
      const loadAll = {} as Record<Kind, LoadAllResult>;
      const keystrokes: Record<Kind, Painted[]> = { widget: [], vanilla: [] };
      const searches: Record<Kind, Painted[]> = { widget: [], vanilla: [] };
      const expectedClicks = Math.ceil(sizes.resources / libraryPageSize) - 1;
      let typing = { text: '', delayMs: 0, slowEvents: 0, longestMs: 0 };
      // Each side: load everything, then type into the full library, then search it.
      for (const kind of ['widget', 'vanilla'] as const) {
        loadAll[kind] = loadAllResult(await call(page, 'libraryLoadAll', kind));
        if (loadAll[kind].clicks !== expectedClicks) throw new Error(`library, ${kind}: ${loadAll[kind].clicks} "Load more" clicks, expected ${expectedClicks}`);
        for (let i = 0; i < warmups + runs * 2; i += 1) {
          const painted = await call(page, 'libraryKeystroke');
          if (i >= warmups) keystrokes[kind].push(painted);
        }
        if (kind === 'widget') {
          const text = 'security';
          const delayMs = 40;
          await call(page, 'startEventProbe');
          await page.keyboard.type(text, { delay: delayMs });
          const events = await call(page, 'stopEventProbe');
          typing = { text, delayMs, slowEvents: events.count, longestMs: events.longestMs };
        }
        for (let i = 0; i < warmups + runs; i += 1) {
          const painted = await call(page, 'librarySearch', i);
          if (i >= warmups) searches[kind].push(painted);
        }
        await call(page, 'unmount');
      }
      return { first, loadAll, keystroke: compare(keystrokes), search: compare(searches), typing };
    });

    const log = await call(page, 'backendLog');
    if (log.unknown.length) throw new Error(`the widgets asked the bench backend for paths it does not serve: ${[...new Set(log.unknown)].join(', ')}`);
    return {
      chromium: await chromium.browser.version(),
      sizes: { ...sizes, libraryPageSize, dealPageSize: log.limits['/v1/deals'] ?? 0 },
      runs,
      scorecard,
      plan,
      deals,
      library,
    };
  } finally {
    await chromium.close();
    server.close();
  }
}

await runPart('render', async (ctx) => {
  const result = await measureRendering(ctx);
  const ms = (s: Summary) => `${s.median.toFixed(2)} ms`;
  ctx.log(`scorecard: widget ${ms(result.scorecard.widget)}, vanilla ${ms(result.scorecard.vanilla)}`);
  ctx.log(`plan (${result.sizes.objectives} objectives): widget ${ms(result.plan.widget)}, vanilla ${ms(result.plan.vanilla)}; painted in one frame: ${(result.plan.widgetInOneFrame * 100).toFixed(0)}% / ${(result.plan.vanillaInOneFrame * 100).toFixed(0)}%`);
  ctx.log(`deals first: widget ${ms(result.deals.first.widget)}, vanilla ${ms(result.deals.first.vanilla)}; filter: ${ms(result.deals.filter.widget)} / ${ms(result.deals.filter.vanilla)}`);
  ctx.log(`library first: ${ms(result.library.first.widget)} / ${ms(result.library.first.vanilla)}; keystroke ${ms(result.library.keystroke.widget)} / ${ms(result.library.keystroke.vanilla)}; search ${ms(result.library.search.widget)} / ${ms(result.library.search.vanilla)}`);
  return result;
});
