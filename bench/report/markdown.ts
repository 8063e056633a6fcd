/**
 * docs/benchmarks.md, and the same tables for the console, from a run's results. Every number
 * printed comes from the run; the prose only says what was measured and how.
 * @module
 */
import type { BenchRun } from '../lib/results.ts';
import type { Comparison, LoadAllResult } from '../parts/render.ts';
import { describeEndpoint, ENDPOINTS, type Endpoint } from '../lib/endpoints.ts';
import type { ThroughputDriver } from '../parts/throughput.ts';
import { describeInboxList, INBOX_LISTS } from '../lib/inbox-lists.ts';
import type { LoadSummary, TimeByOrigin } from '../parts/startup.ts';
import type { Summary } from '../lib/stats.ts';
import { count, kb, mark, mib, ms, percent, seconds, table, times } from './format.ts';
import { ratio } from '../lib/stats.ts';
import { dealsTick, type Plot } from './plots.ts';
import { SIZE_HISTORY, TRACKED_ROWS } from '../size/history.ts';

const FRAME_MS = 16;

interface Target {
  what: string;
  target: string;
  measured: string;
  ok: boolean;
}

/** Each target of the issues, checked against this run. */
function targets(run: BenchRun): Target[] {
  const list: Target[] = [];
  const { size, render, client, server } = run.parts;
  if (size) {
    const budgeted = size.rows.filter((r) => r.budget !== null);
    const over = budgeted.filter((r) => r.over);
    const overCeiling = budgeted.filter((r) => r.overCeiling);
    list.push({
      what: 'Size goals (gzip, `scripts/size.mjs`)',
      target: 'every budgeted file and page within its goal',
      measured: over.length ? `${budgeted.length - over.length} of ${budgeted.length} within; over: ${over.map((r) => `${r.name} ${kb(r.sizes.gzip)} (goal ${kb(r.budget ?? 0)})`).join(', ')}` : `${budgeted.length} of ${budgeted.length} within`,
      ok: over.length === 0,
    });
    if (over.length) {
      list.push({
        what: 'Size ceilings enforced until the goals are met',
        target: 'nothing over its ceiling',
        measured: overCeiling.length ? `over: ${overCeiling.map((r) => r.name).join(', ')}` : `${over.length} of ${over.length} within`,
        ok: overCeiling.length === 0,
      });
    }
  }
  if (render) {
    const sc = render.scorecard;
    const label = `${render.sizes.kpis} KPIs × ${render.sizes.periods} periods`;
    list.push({ what: `Scorecard, ${label}: data in hand to rows painted`, target: `within one ${FRAME_MS} ms frame`, measured: `${ms(sc.widget.median)} (p99 ${ms(sc.widget.p99)})`, ok: sc.widget.median <= FRAME_MS });
    list.push({ what: 'Scorecard against the vanilla-DOM baseline', target: 'at most 2×', measured: times(sc.ratio), ok: sc.ratio !== null && sc.ratio <= 2 });
    const scroll = render.deals.loadAll.widget.scroll;
    list.push({
      what: `My registrations with ${count(render.deals.loadAll.widget.items)} deals: scrolling`,
      target: 'no long task over 50 ms',
      measured: `${scroll.longTasks} long task(s)${scroll.longTasks ? `, longest ${ms(scroll.longestTaskMs)}` : ''}`,
      ok: scroll.longTasks === 0,
    });
    const key = render.library.keystroke;
    list.push({
      what: `Resource library with ${count(render.sizes.resources)} resources: a keystroke in the search box`,
      target: `within one ${FRAME_MS} ms frame`,
      measured: `${ms(key.widget.median)} (p99 ${ms(key.widget.p99)})`,
      ok: key.widget.median <= FRAME_MS,
    });
  }
  if (client) {
    const reference = client.overhead[0];
    if (reference) {
      list.push({ what: 'Client GET against raw fetch + JSON.parse (reference server)', target: 'at most 1.3×', measured: times(reference.ratio), ok: reference.ratio !== null && reference.ratio <= 1.3 });
    }
    list.push({
      what: `${client.sharing.concurrent} concurrent identical GETs`,
      target: 'exactly 1 request',
      measured: `${client.sharing.clientRequests} request(s)`,
      ok: client.sharing.clientRequests === 1,
    });
  }
  if (server) {
    const first = dealsTick(server.stages[0] ?? 0);
    const last = dealsTick(server.stages[server.stages.length - 1] ?? 0);
    for (const d of server.drivers) {
      list.push({
        what: `Registration p50 at ${last} deals vs ${first}, ${d.driver === 'pglite' ? 'PGlite' : 'PostgreSQL'}`,
        target: 'at most 1.5×',
        measured: `${times(d.growth.p50)} (p99 ${times(d.growth.p99)})`,
        ok: d.growth.p50 !== null && d.growth.p50 <= 1.5,
      });
    }
  }
  return list;
}

/** The throughput part's goals (issue 17), each checked against this run. */
function throughputTargets(run: BenchRun): Target[] {
  const throughput = run.parts.throughput;
  if (!throughput) return [];
  const list: Target[] = [];
  const at = (d: ThroughputDriver, endpoint: Endpoint, c: number) => d.cells.find((x) => x.endpoint === endpoint && x.concurrency === c);
  const size = dealsTick(throughput.deals);
  const lists: [Endpoint, string][] = [
    ['list-partner', 'a partner'],
    ['list-manager', 'a manager, with possible conflicts'],
  ];
  for (const d of throughput.drivers) {
    const name = `Throughput, ${d.driver === 'pglite' ? 'PGlite' : 'PostgreSQL'}`;
    for (const [endpoint, who] of lists) {
      const one = at(d, endpoint, 1);
      const ten = at(d, endpoint, 10);
      const baseline = at(d, 'baseline', 10);
      if (d.driver === 'postgres' && one) list.push({ what: `${name}, ${size} deals: deal list (${who}) at c = 1`, target: 'p50 at most 5 ms', measured: `p50 ${ms(one.latency.p50)} (mean ${ms(one.latency.mean)})`, ok: one.latency.p50 <= 5 });
      if (ten) {
        const goal = d.driver === 'postgres' ? 500 : 200;
        list.push({ what: `${name}, ${size} deals: deal list (${who}) at c = 10`, target: `at least ${goal} requests/s`, measured: `${count(ten.perSecond)}/s`, ok: ten.perSecond >= goal });
      }
      if (ten && baseline) {
        const share = ratio(ten.perSecond, baseline.perSecond);
        list.push({ what: `${name}: deal list (${who}) against the raw-SQL baseline at c = 10`, target: 'at least 0.5× its throughput', measured: `${times(share)} (${count(ten.perSecond)}/s against ${count(baseline.perSecond)}/s)`, ok: share !== null && share >= 0.5 });
      }
    }
    list.push({ what: `${name}: reading ${count(d.readAll.deals)} deals page by page (${d.readAll.pageSize} per page, admin key)`, target: 'under 20 s', measured: seconds(d.readAll.seconds), ok: d.readAll.seconds < 20 });
  }
  return list;
}

/**
 * The inbox part's goals (issue 25), declared as the deal list's (issue 17): on PostgreSQL a p50
 * of at most 5 ms one request at a time, and on both databases at most 2x the raw-SQL baseline's
 * p50 (the one-at-a-time form of "at least 0.5x its throughput").
 */
function inboxTargets(run: BenchRun): Target[] {
  const inbox = run.parts.inbox;
  if (!inbox) return [];
  const list: Target[] = [];
  const scale = `${count(inbox.requests)} requests, ${count(inbox.announcements)} announcements`;
  for (const d of inbox.drivers) {
    const name = `Inbox, ${d.driver === 'pglite' ? 'PGlite' : 'PostgreSQL'}`;
    for (const key of INBOX_LISTS) {
      const s = d.lists[key];
      const what = describeInboxList(key).split(' (')[0];
      if (d.driver === 'postgres') list.push({ what: `${name}, ${scale}: ${what}`, target: 'p50 at most 5 ms', measured: `p50 ${ms(s.server.median)} (p99 ${ms(s.server.p99)})`, ok: s.server.median <= 5 });
      list.push({ what: `${name}: ${what} against the raw-SQL baseline`, target: 'at most 2× its p50', measured: `${times(s.ratio)} (${ms(s.server.median)} against ${ms(s.baseline.median)})`, ok: s.ratio !== null && s.ratio <= 2 });
    }
  }
  return list;
}

function inboxSection(run: BenchRun): string[] {
  const inbox = run.parts.inbox;
  if (!inbox) return [];
  const lines = [
    '## Inbox',
    '',
    `The communication lists of issue 25 with ${count(inbox.requests)} partner requests (spread over ${count(inbox.partners)} partners and so their managers, every status and category, each with its opening message) and ${count(inbox.announcements)} announcements (audiences of everyone, a partner type, a tier, a region or named partners; some pinned, scheduled or expired; read by the bench partner's user and by other partners' users), seeded in bulk SQL as the server part seeds deals, on top of the demo programme's own. The reference server in its own process on 127.0.0.1, one request at a time, ${inbox.pageSize} per page; each list interleaved request by request with its baseline: a bare \`node:http\` server in the same process running the same statements as the server's store with the driver alone and \`JSON.stringify\` (no sessions, validation, mapping or cursors; the announcement baseline is told the partner's type, tier and region, which the server reads from the session's partner). Before timing, both are checked to answer the same rows in the same order (and the same unread count). Median and p99 in milliseconds; the ratio is the server's median against the baseline's.`,
    '',
  ];
  for (const d of inbox.drivers) {
    const rows = INBOX_LISTS.map((key) => {
      const s = d.lists[key];
      return [describeInboxList(key), ms(s.server.median), ms(s.server.p99), ms(s.baseline.median), ms(s.baseline.p99), times(s.ratio)];
    });
    lines.push(
      `### ${d.driver === 'pglite' ? `PGlite: ${d.engine}` : 'PostgreSQL'}`,
      '',
      table(['List', 'Server p50', 'Server p99', 'Baseline p50', 'Baseline p99', 'Server / baseline'], rows, [1, 2, 3, 4, 5]),
      '',
      `Seeding took ${seconds(d.seedSeconds)}: ${count(d.requests)} requests, ${count(d.announcements)} announcements, ${count(d.reads)} reads in all; the manager measured has ${count(d.manager.partners)} partners holding ${count(d.manager.requests)} requests.`,
      '',
    );
  }
  if (inbox.skipped.length) lines.push(`Skipped: ${inbox.skipped.join('; ')}.`, '');
  return lines;
}

function enablementSection(run: BenchRun): string[] {
  const enablement = run.parts.enablement;
  if (!enablement) return [];
  const lines = [
    '## Tier evaluation with certifications',
    '',
    `Issue 23's tier evaluation at scale: the reference server's own sweep evaluates every partner's tier (its measurements of the quarter and its certificates against each tier's KPI and certification requirements, as core's \`evaluateTierStanding\` decides), in batches of 50 partners per transaction, in the benchmark's server process. The programme has ${count(enablement.partners)} partners with ${enablement.months} months of measurements; the baseline is the same evaluation with the certificates the seed gives each partner (enough for its tier), then the certificates table grows in bulk SQL to ${count(enablement.certificates)} (spread over the people and certifications, some expired or expiring). Each state is evaluated once to apply what falls due, then ${enablement.runs} times (each run is checked to evaluate every partner and change nothing); median and slowest in seconds.`,
    '',
  ];
  const rows = enablement.drivers.flatMap((d) =>
    [d.seeded, d.grown].map((s) => [d.driver === 'pglite' ? `PGlite: ${d.engine}` : 'PostgreSQL', count(s.partners), count(s.certificates), seconds(s.seconds.median), seconds(s.seconds.max), count(Math.round(s.partnersPerSecond)), s === d.grown ? times(d.ratio) : 'baseline']),
  );
  lines.push(table(['Database', 'Partners', 'Certificates', 'Every tier, median', 'Slowest', 'Partners per second', 'Against the baseline'], rows, [1, 2, 3, 4, 5, 6]), '');
  if (enablement.skipped.length) lines.push(`Skipped: ${enablement.skipped.join('; ')}.`, '');
  return lines;
}

function throughputSection(run: BenchRun): string[] {
  const throughput = run.parts.throughput;
  if (!throughput) return [];
  const lines = [
    '## Server throughput',
    '',
    `The reference server in its own process on 127.0.0.1 with ${count(throughput.deals)} deals (bulk SQL, as in the server part), under a bounded load from the benchmark process (autocannon, on the same cores): \`c\` connections, each sending its next request when the previous answer arrived, ${seconds(throughput.cellSeconds)} per cell after a warm-up. Requests per second, then p50 / p99 latency (autocannon's percentiles are whole milliseconds). The baseline is a bare \`node:http\` server in the same process reading the same partner's page with the driver alone and \`JSON.stringify\` (no sessions, validation, expiry, mapping or cursors); its ratio is the list's throughput against it at the same \`c\`.`,
    '',
  ];
  for (const d of throughput.drivers) {
    const cell = (endpoint: Endpoint, c: number) => d.cells.find((x) => x.endpoint === endpoint && x.concurrency === c);
    const rows = ENDPOINTS.map((endpoint) => [
      describeEndpoint(endpoint),
      ...throughput.concurrency.map((c) => {
        const x = cell(endpoint, c);
        if (!x) return 'n/a';
        const base = endpoint.startsWith('list-') ? cell('baseline', c) : undefined;
        return `${count(x.perSecond)}/s (${x.latency.p50} / ${x.latency.p99} ms)${base ? ` ${times(ratio(x.perSecond, base.perSecond))}` : ''}`;
      }),
    ]);
    lines.push(
      `### ${d.driver === 'pglite' ? `PGlite: ${d.engine}` : `PostgreSQL: ${d.version.split(' on ')[0]}`}`,
      '',
      table(['Endpoint', ...throughput.concurrency.map((c) => `c = ${c}`)], rows, throughput.concurrency.map((_, i) => i + 1)),
      '',
      `Reading ${count(d.readAll.deals)} deals page by page with an admin key (${d.readAll.pageSize} per page, with possible conflicts): ${d.readAll.pages} pages in ${seconds(d.readAll.seconds)}. Seeding ${count(d.deals)} deals took ${seconds(d.seedSeconds)}.`,
      '',
    );
  }
  if (throughput.skipped.length) lines.push(`Skipped: ${throughput.skipped.join('; ')}.`, '');
  return lines;
}

/** The start-up goals of issue 29 (Lighthouse's, measured here through the DevTools protocol), per demo page. */
function startupTargets(run: BenchRun): Target[] {
  const startup = run.parts.startup;
  if (!startup) return [];
  return startup.pages.flatMap((p) => [
    { what: `Start-up, ${p.path}: layout shift (CLS) of the first load`, target: 'at most 0.02', measured: `${p.widgets.cls.toFixed(3)} (worst of ${p.widgets.runs}: ${p.widgets.clsMax.toFixed(3)})`, ok: p.widgets.clsMax <= 0.02 },
    { what: `Start-up, ${p.path}: total blocking time at ${startup.cpuSlowdown}x CPU slowdown`, target: 'at most 150 ms', measured: `${ms(p.widgets.blockingMs)} (host page alone ${ms(p.baseline.blockingMs)})`, ok: p.widgets.blockingMs <= 150 },
    { what: `Start-up, ${p.path}: longest task at ${startup.cpuSlowdown}x CPU slowdown`, target: 'no long task (over 50 ms)', measured: `${ms(p.widgets.longestTaskMs)}, ${count(p.widgets.longTasks)} long task(s)`, ok: p.widgets.longTasks === 0 },
  ]);
}

function startupSection(run: BenchRun): string[] {
  const startup = run.parts.startup;
  if (!startup) return [];
  const row = (path: string, what: string, s: LoadSummary) => [
    path,
    what,
    `${s.cls.toFixed(3)} / ${s.clsMax.toFixed(3)}`,
    ms(s.longestTaskMs),
    count(s.longTasks),
    ms(s.blockingMs),
    ms(s.taskMs),
    ms(s.scriptMs),
    s.settledMs === null ? '' : ms(s.settledMs),
  ];
  return [
    '## Start-up',
    '',
    `Each demo page (\`npm start\`'s site on a scratch data directory) loaded in a fresh browser context (cold cache) at 412×823 with the CPU slowed ${startup.cpuSlowdown}x through the DevTools protocol (Lighthouse's mobile CPU; no network throttling: loopback). Layout shift and long tasks come from the page's own \`PerformanceObserver\`s, installed before any script; main-thread task and script time from the protocol's \`Performance.getMetrics\`, up to every widget out of its loading state and half a second more. The baseline is the same page in the same run with the CDN loader blocked (the host page alone); runs alternate between the two, medians of ${startup.pages[0]?.widgets.runs ?? 0} each. Not Lighthouse's scores: its simulated slow 4G is left out.`,
    '',
    table(
      ['Page', 'Load', 'CLS (median / worst)', 'Longest task', 'Long tasks', 'Blocking time', 'Main-thread tasks', 'Script', 'Widgets settled'],
      startup.pages.flatMap((p) => [row(p.path, 'with the widgets', p.widgets), row(p.path, 'host page alone', p.baseline)]),
      [2, 3, 4, 5, 6, 7, 8],
    ),
    '',
    `Where PartnerKit's JavaScript time goes: one more load of each page under V8's sampling profiler (same slowdown, not in the medians). Each sample counts for the origin of the innermost function of the CDN build on its stack (its source map names the module), so the Intl and DOM calls a function makes are its own; the browser's own work (parsing, compiling, style, layout) is not in these figures. "At module evaluation" is the part under a chunk's top level: building schemas and styles, defining the tags, and what that runs at once.`,
    '',
    table(
      ['Origin', ...startup.pages.flatMap((p) => [`${p.path}: all`, `${p.path}: at module evaluation`])],
      originRows(startup.pages.map((p) => p.profile)),
      startup.pages.flatMap((_, i) => [1 + 2 * i, 2 + 2 * i]),
    ),
    '',
  ];
}

/** One row per origin (largest first), each page's total and evaluation time with its share. */
function originRows(profiles: readonly TimeByOrigin[]): string[][] {
  const origins = [...new Set(profiles.flatMap((p) => Object.keys(p.total)))];
  const weight = (o: string) => profiles.reduce((sum, p) => sum + (p.total[o] ?? 0), 0);
  origins.sort((a, b) => weight(b) - weight(a));
  const cell = (ms_: number | undefined, all: number) => (ms_ ? `${ms(ms_)} (${percent(ms_ / all)})` : '');
  const sums = profiles.map((p) => ({ total: Object.values(p.total).reduce((a, b) => a + b, 0), evaluation: Object.values(p.evaluation).reduce((a, b) => a + b, 0) }));
  return [
    ...origins.map((o) => [o, ...profiles.flatMap((p, i) => [cell(p.total[o], sums[i]!.total), cell(p.evaluation[o], sums[i]!.total)])]),
    ['all PartnerKit JavaScript', ...sums.flatMap((sum) => [ms(sum.total), `${ms(sum.evaluation)} (${percent(sum.evaluation / sum.total)})`])],
  ];
}

/**
 * docs/benchmarks.md with one part's figures (its section and its rows of the targets, which
 * start with `rowPrefix`) replaced by those of `run`, a run of that part alone, which the section
 * says; everything else is left as it was.
 */
function replacePartFigures(markdown: string, run: BenchRun, part: { name: string; section: string[]; targets: Target[]; rowPrefix: string; busyNote: string }): string {
  const lines = markdown.split('\n');
  const heading = part.section[0]!;
  const busy = Math.max(run.machine.load.start, run.machine.load.end ?? 0) > run.machine.cores;
  const provenance = [
    `These ${part.name} figures come from a run of the ${part.name} part alone (\`npm run bench -- --only ${part.name} --write\`), commit ${run.machine.commit ?? 'unknown'}, ${run.startedAt}, load average ${run.machine.load.start.toFixed(2)} at the start and ${(run.machine.load.end ?? run.machine.load.start).toFixed(2)} at the end on ${run.machine.cores} cores; the other sections from the run described at the top.${
      busy ? ` The machine was busy with other work (a load above its ${run.machine.cores} cores): ${part.busyNote}` : ''
    }`,
    '',
  ];
  const section = [...part.section];
  section.splice(2, 0, ...provenance);
  const start = lines.indexOf(heading);
  const at = start !== -1 ? start : lines.indexOf('## Time each part took');
  if (at === -1) throw new Error(`docs/benchmarks.md has no "## Time each part took" section to put the ${part.name} figures before: write a full run first`);
  const end = start === -1 ? at : lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const updated = [...lines.slice(0, at), ...section, ...lines.slice(end)];
  const rows = table(['What', 'Target', 'Measured', ''], part.targets.map((t) => [t.what, t.target, t.measured, mark(t.ok)])).split('\n').slice(2);
  const old = updated.map((line, i) => (line.startsWith(part.rowPrefix) ? i : -1)).filter((i) => i !== -1);
  if (old.length) updated.splice(old[0]!, old.length, ...rows);
  else {
    const targets = updated.indexOf('## Targets');
    const last = updated.findIndex((line, i) => i > targets + 3 && !line.startsWith('|'));
    updated.splice(last, 0, ...rows);
  }
  return updated.join('\n');
}

/** This run's sizes against each recorded earlier state (bench/size/history.ts). */
function sizeHistory(rows: readonly { name: string; sizes: { gzip: number; brotli: number } }[]): string[] {
  const now = new Map(rows.map((r) => [r.name, r.sizes]));
  const change = (before: number, after: number) => `${after >= before ? '+' : '−'}${kb(Math.abs(after - before))} (${after >= before ? '+' : '−'}${Math.abs(((after - before) / before) * 100).toFixed(1)} %)`;
  return SIZE_HISTORY.flatMap((snapshot) => [
    `### Against ${snapshot.label} (${snapshot.commit}, ${snapshot.date})`,
    '',
    snapshot.note,
    '',
    table(
      ['What', 'gzip then', 'gzip now', 'gzip change', 'brotli then', 'brotli now', 'brotli change'],
      TRACKED_ROWS.filter((name) => snapshot.rows[name] && now.has(name)).map((name) => {
        const [before, after] = [snapshot.rows[name]!, now.get(name)!];
        return [name, kb(before.gzip), kb(after.gzip), change(before.gzip, after.gzip), kb(before.brotli), kb(after.brotli), change(before.brotli, after.brotli)];
      }),
      [1, 2, 3, 4, 5, 6],
    ),
    '',
  ]);
}

function sizeSection(run: BenchRun, sizeOnly = false): string[] {
  const size = run.parts.size;
  if (!size) return [];
  // Size figures are exact (no timing), so they may be refreshed alone; say which run they are from.
  const provenance = sizeOnly ? ` These size figures come from a run of the size part alone (\`npm run bench -- --only size --write\`), commit ${run.machine.commit ?? 'unknown'}, ${run.startedAt}; the other sections from the run described at the top.` : '';
  const status = (r: (typeof size.rows)[number]) => (r.budget === null ? '' : !r.over ? '✔' : r.overCeiling ? '✘ over' : `✘ over the goal (ceiling ${kb(r.ceiling ?? 0)})`);
  const rows = (group: string) =>
    size.rows
      .filter((r) => r.group === group)
      .map((r) => [r.name, r.kind, kb(r.sizes.min), kb(r.sizes.gzip), kb(r.sizes.brotli), r.budget === null ? '' : kb(r.budget), status(r)] as const);
  const headers = ['What', 'Kind', 'Minified', 'gzip', 'brotli', 'Goal (gzip)', ''];
  return [
    '## Size',
    '',
    `Minified with terser; gzip at level 6, brotli at quality 11; goals and ceilings from \`${size.budgetsFrom}\`. The CDN build is made afresh from the sources in the run; each package entry is bundled alone with its dependencies, as an application's bundler would add it.${provenance}`,
    '',
    '### CDN build',
    '',
    table(headers, rows('cdn'), [2, 3, 4, 5]),
    '',
    ...sizeHistory(size.rows),
    '### Contract parts: where each travels',
    '',
    'Each part of the contract (its client module and its schemas) loads with the widgets that use it, in their chunks or in a chunk of its own when several use it, never in the shared chunk (`scripts/size/chunks.mjs`; `npm run size` checks that no page loads a part none of its widgets uses, and that a new part shared by two new widgets leaves the other pages unchanged). Each module gzipped alone.',
    '',
    table(['Module', 'In', 'Used by', 'gzip'], size.parts.map((p) => [p.module, p.file, p.users.join(', '), kb(p.sizes.gzip)]), [3]),
    '',
    '### Package entries',
    '',
    table(headers.slice(0, 5), rows('entry').map((r) => r.slice(0, 5)), [2, 3, 4]),
    '',
    '### Baselines, bundled the same way in the same run',
    '',
    table(headers.slice(0, 5), rows('baseline').map((r) => r.slice(0, 5)), [2, 3, 4]),
    '',
    table(
      ['Compared', 'With', 'gzip ratio'],
      size.comparisons.map((c) => [c.what, c.against, times(c.ratio)]),
      [2],
    ),
    '',
  ];
}

const side = (s: Summary) => [ms(s.median), ms(s.p99)];

function renderSection(run: BenchRun): string[] {
  const render = run.parts.render;
  if (!render) return [];
  const { sizes } = render;
  const row = (name: string, c: Comparison) => [
    name,
    ...side(c.widget),
    ...side(c.vanilla),
    times(c.ratio),
    `${percent(c.widgetInOneFrame)} / ${percent(c.vanillaInOneFrame)}`,
    `${c.widgetRequests} / ${c.vanillaRequests}`,
  ];
  const loadRow = (name: string, kind: string, l: LoadAllResult) => [
    name,
    kind,
    count(l.items),
    count(l.clicks),
    seconds(l.seconds),
    ms(l.lastClicks.median),
    count(l.scroll.frames),
    count(l.scroll.longTasks),
    l.scroll.longTasks ? ms(l.scroll.longestTaskMs) : '',
    ms(l.scroll.longestFrameMs),
  ];
  const typing = render.library.typing;
  return [
    '## Rendering',
    '',
    `Headless ${run.machine.chromium ?? 'Chromium'}, 1280×900. Each widget, built from source in production mode, against a hand-written vanilla-DOM baseline that renders the same data (same rows, text, Intl formatting, ARIA) in a shadow root of the same page. Both read the same in-memory backend (no network): the widget through \`createClient()\` with an injected \`fetch\`, the baseline with \`fetch\` + \`JSON.parse\`. ${render.runs} runs per side after warm-up, interleaved; median and p99 in milliseconds, from the start of a frame to the end of the paint of the first frame that shows the result.`,
    '',
    table(
      ['Scenario', 'Widget p50', 'Widget p99', 'Baseline p50', 'Baseline p99', 'Widget / baseline', 'Painted in the first frame (widget / baseline)', 'Requests (widget / baseline)'],
      [
        row(`Scorecard, ${sizes.kpis} KPIs × ${sizes.periods} periods: data in hand to rows painted`, render.scorecard),
        row(`My registrations, ${count(sizes.deals)} deals: first page (${sizes.dealPageSize}) painted`, render.deals.first),
        row('My registrations: status filter changed to the filtered list painted', render.deals.filter),
        row(`Resource library, ${count(sizes.resources)} resources: first page (${sizes.libraryPageSize}) painted`, render.library.first),
        row(`Resource library, all ${count(sizes.resources)} loaded: keystroke in the search box to the next paint`, render.library.keystroke),
        row('Resource library: search committed (Enter, no debounce) to the new results painted', render.library.search),
      ],
      [1, 2, 3, 4, 5, 7],
    ),
    '',
    `Of the scorecard's time, the client alone (answer from memory, parse, validate against the contract) takes ${ms(render.scorecard.clientOnly.median)} at the median.`,
    '',
    `Typing "${typing.text}" with real key presses into the widget's search box (${typing.delayMs} ms apart, all ${count(sizes.resources)} loaded): ${typing.slowEvents} input event(s) took longer than 16 ms from input to paint (Event Timing, 8 ms resolution); the longest took ${ms(typing.longestMs)}.`,
    '',
    '### Long lists: "Load more" to the end, then scrolling',
    '',
    table(
      ['List', 'Side', 'Items', '"Load more" clicks', 'Total', 'Last 10 clicks p50', 'Scroll frames', 'Long tasks > 50 ms', 'Longest task', 'Longest frame'],
      [
        loadRow('My registrations', 'widget', render.deals.loadAll.widget),
        loadRow('My registrations', 'baseline', render.deals.loadAll.vanilla),
        loadRow('Resource library', 'widget', render.library.loadAll.widget),
        loadRow('Resource library', 'baseline', render.library.loadAll.vanilla),
      ],
      [2, 3, 4, 5, 6, 7, 8, 9],
    ),
    '',
    'Scrolling moves the page (deals) or the list (library) from top to bottom in equal steps, one per frame, while a `PerformanceObserver` counts `longtask` entries.',
    '',
  ];
}

function clientSection(run: BenchRun): string[] {
  const client = run.parts.client;
  if (!client) return [];
  const { sharing, cache } = client;
  return [
    '## Client',
    '',
    `Sequential GETs of one deal on 127.0.0.1, through \`createClient()\` (ky, the contract's schema, errors, sharing) and through raw \`fetch\` + \`JSON.parse\`, interleaved after a warm-up. The reference server runs in its own process; the static server answers a fixed deal from memory, so its row shows the client's own cost.`,
    '',
    table(
      ['Server', 'Requests per side', 'Raw p50', 'Raw p99', 'Client p50', 'Client p99', 'Overhead per request', 'Client / raw'],
      client.overhead.map((o) => [o.server, count(o.requests), ...side(o.raw), ...side(o.client), `${Math.round(o.overheadMicros)} µs`, times(o.ratio)]),
      [1, 2, 3, 4, 5, 6, 7],
    ),
    '',
    `- ${sharing.concurrent} concurrent identical GETs through one client: **${sharing.clientRequests}** request(s) reached the reference server (counted in its access log); the same ${sharing.concurrent} through raw \`fetch\`: ${sharing.rawRequests}.`,
    `- ${count(cache.entries)} cached answers (\`cache: { ttl }\`, ${count(cache.bodyBytes)}-byte deals): ${mib(cache.clientBytes)} of heap, ${count(cache.perEntryBytes)} bytes per entry; the same answers parsed and kept in a \`Map\` by hand: ${mib(cache.rawMapBytes)}, ${count(cache.rawPerEntryBytes)} bytes per entry. Repeated GETs ${cache.hitsServedFromCache ? 'were answered from the cache (no request reached the server)' : 'still reached the server'}.`,
    '',
  ];
}

function serverSection(run: BenchRun, plots: readonly Plot[]): string[] {
  const server = run.parts.server;
  if (!server) return [];
  const lines = [
    '## Server',
    '',
    'The reference server (`startServer`, rate limits off) in its own process on 127.0.0.1, driven over HTTP by the benchmark process. Deals are added between stages by bulk SQL through the server\'s own migrations and schema (a sample of every stage is checked against the contract and the server\'s customer keys); the programme has 8 KPIs with 24 months of measurements per partner. Registrations are partner sessions registering new customers (the conflict check included), one at a time for latency, then several in flight for throughput. Times in milliseconds.',
    '',
  ];
  for (const d of server.drivers) {
    lines.push(
      `### ${d.driver === 'pglite' ? `PGlite (embedded, data directory on disk): ${d.engine}` : `PostgreSQL: ${d.version.split(' on ')[0]}`}`,
      '',
      table(
        ['Deals', 'Seeding', 'Registration p50', 'p99', 'Throughput', 'p50 in flight', 'Scorecard p50', 'p99', 'Partner list, by status p50', 'Review queue p50', 'Partner search p50'],
        d.stages.map((s) => {
          // A series cut short by its time cap says on how many requests it stands.
          const read = (x: Summary) => `${ms(x.median)}${x.n < s.plannedReads ? ` (n=${x.n})` : ''}`;
          return [
            count(s.deals),
            seconds(s.seedSeconds),
            ms(s.registration.latency.median),
            ms(s.registration.latency.p99),
            `${count(s.registration.throughput)}/s (${s.registration.concurrency} in flight)`,
            ms(s.registration.loaded.median),
            read(s.scorecard),
            ms(s.scorecard.p99),
            read(s.lists.partnerByStatus),
            read(s.lists.reviewQueue),
            read(s.lists.partnerSearch),
          ];
        }),
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      ),
      '',
      table(
        ['Deals', 'Manager list p50', 'Company fragment p50', 'p99', 'Domain fragment p50', 'p99', 'Number p50', 'p99', 'Partner list p50', 'Partner search p50', 'p99'],
        d.stages.map((s) => {
          const read = (x: Summary) => `${ms(x.median)}${x.n < s.plannedReads ? ` (n=${x.n})` : ''}`;
          // Each search beside its own session's plain first page, measured in the same stage.
          const vs = (x: Summary, list: Summary) => `${read(x)} (${times(ratio(x.median, list.median))})`;
          const { managerList, company, domain, number, partnerList, partner } = s.search;
          return [
            count(s.deals),
            read(managerList),
            vs(company.times, managerList),
            ms(company.times.p99),
            vs(domain.times, managerList),
            ms(domain.times.p99),
            vs(number.times, managerList),
            ms(number.times.p99),
            read(partnerList),
            vs(partner.times, partnerList),
            ms(partner.times.p99),
          ];
        }),
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      ),
      '',
      `From ${dealsTick(d.stages[0]?.deals ?? 0)} to ${dealsTick(d.stages[d.stages.length - 1]?.deals ?? 0)} deals: registration p50 ${times(d.growth.p50)}, p99 ${times(d.growth.p99)}, throughput ${times(d.growth.throughput)}.${d.stages.some((s) => s.registration.conflicts) ? ` Registrations answered 409 (a generated name matched an existing customer): ${d.stages.map((s) => s.registration.conflicts).join(' / ')}.` : ''} Server ready (open, migrate, seed the programme) in ${seconds(d.startSeconds)}.`,
      '',
    );
  }
  lines.push(
    'Deal search (`GET /v1/deals?q=`, 50 per page): a manager session searching every deal for the first word of a customer\'s company (three syllables such as `kalomi`, shared by a few deals in every hundred thousand; the raw results give the deals on each first page), a fragment of a customer\'s domain (one deal) and a registration number (`DR-…`, one deal), and a partner session searching its own deals for the first word of one of its customers; each ratio is against the same session\'s plain first page (`?limit=50`, the manager\'s with possible conflicts computed) measured in the same stage. The targets are seeded deals 37 % of the way into the table; every search is checked first (each deal listed holds the fragment; the target is listed unless newer matches fill the page).',
    '',
    'Lists: a partner session listing its approved deals (`?status=approved`), a manager session listing the review queue (`?status=submitted,under_review`, with possible conflicts computed), and a partner session searching its deals (`?q=`); 50 per page. A read series that gets slow at scale stops after 12 s (at least 8 requests); `n=` marks those. p99 of every figure is in `bench-results/`.',
    '',
  );
  if (server.skipped.length) lines.push(`Skipped: ${server.skipped.join('; ')}.`, '');
  for (const plot of plots) lines.push(`![${plot.alt}](benchmarks/${plot.file})`, '');
  return lines;
}

function timingSection(run: BenchRun): string[] {
  const rows: string[][] = [];
  for (const t of run.timings) {
    rows.push([`**${t.part}**`, seconds(t.seconds), t.ok ? '' : 'failed']);
    for (const step of run.parts[t.part]?.steps ?? []) rows.push([`↳ ${step.name}`, seconds(step.seconds), '']);
  }
  return ['## Time each part took', '', table(['Part / step', 'Time', ''], rows, [1]), '', `Whole run: ${seconds(run.seconds)}.`, ''];
}

function machineSection(run: BenchRun): string[] {
  const m = run.machine;
  return [
    table(
      ['Machine', ''],
      [
        ['CPU', `${m.cpu}, ${m.cores} cores`],
        ['Memory', `${m.memoryGiB} GiB`],
        ['OS', m.os],
        ['Node', m.node],
        ['Chromium', m.chromium ?? 'not run'],
        ['PostgreSQL', m.postgres ?? 'not run'],
        ['PGlite', m.pglite ?? 'not run'],
        ['Commit', m.commit ?? 'unknown'],
        ['Load average (1 min), start / end', `${m.load.start.toFixed(2)} / ${m.load.end?.toFixed(2) ?? '?'}`],
        ['Run', `${run.mode}, started ${run.startedAt}, ${seconds(run.seconds)}`],
      ],
    ),
    '',
  ];
}

function targetSection(run: BenchRun): string[] {
  return ['## Targets', '', table(['What', 'Target', 'Measured', ''], [...targets(run), ...throughputTargets(run), ...inboxTargets(run), ...startupTargets(run)].map((t) => [t.what, t.target, t.measured, mark(t.ok)])), ''];
}

/** The tables for the terminal (Markdown reads fine there too). */
export function renderConsole(run: BenchRun): string {
  return [...machineSection(run), ...targetSection(run), ...sizeSection(run), ...renderSection(run), ...clientSection(run), ...serverSection(run, []), ...throughputSection(run), ...inboxSection(run), ...enablementSection(run), ...startupSection(run), ...timingSection(run)].join('\n');
}

/**
 * docs/benchmarks.md with its size figures (the Size section and the size rows of the targets)
 * replaced by those of `run`, a run of the size part alone; everything else is left as it was.
 */
export function replaceSizeFigures(markdown: string, run: BenchRun): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf('## Size');
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  if (start === -1 || end === -1) throw new Error('docs/benchmarks.md has no "## Size" section to replace: write a full run first');
  const updated = [...lines.slice(0, start), ...sizeSection(run, true), ...lines.slice(end)];
  const sizeRows = updated.map((line, i) => (line.startsWith('| Size ') ? i : -1)).filter((i) => i !== -1);
  const rows = table(['What', 'Target', 'Measured', ''], targets(run).map((t) => [t.what, t.target, t.measured, mark(t.ok)])).split('\n').slice(2);
  if (sizeRows.length) updated.splice(sizeRows[0]!, sizeRows.length, ...rows);
  return updated.join('\n');
}

/**
 * docs/benchmarks.md with its throughput figures (the Server throughput section and the
 * throughput rows of the targets) replaced by those of `run`, a run of the throughput part alone,
 * which the section says; everything else is left as it was.
 */
export function replaceThroughputFigures(markdown: string, run: BenchRun): string {
  return replacePartFigures(markdown, run, {
    name: 'throughput',
    section: throughputSection(run),
    targets: throughputTargets(run),
    rowPrefix: '| Throughput, ',
    busyNote:
      "every absolute figure, the baseline's included, is far below a quiet machine's, and cells with no answer within the cell's time show 0/s; the ratios against the baseline measured in the same run are the comparable figures.",
  });
}

/**
 * docs/benchmarks.md with its inbox figures (the Inbox section and the inbox rows of the targets)
 * replaced by those of `run`, a run of the inbox part alone.
 */
export function replaceInboxFigures(markdown: string, run: BenchRun): string {
  return replacePartFigures(markdown, run, {
    name: 'inbox',
    section: inboxSection(run),
    targets: inboxTargets(run),
    rowPrefix: '| Inbox, ',
    busyNote: "every absolute time, the baseline's included, is longer than a quiet machine's; the ratios against the baseline measured in the same run, request by request, are the comparable figures.",
  });
}

/**
 * docs/benchmarks.md with its start-up figures (the Start-up section and the start-up rows of the
 * targets) replaced by those of `run`, a run of the start-up part alone.
 */
export function replaceStartupFigures(markdown: string, run: BenchRun): string {
  return replacePartFigures(markdown, run, {
    name: 'startup',
    section: startupSection(run),
    targets: startupTargets(run),
    rowPrefix: '| Start-up, ',
    busyNote: 'times (tasks, blocking, script) are longer than a quiet machine\'s; layout shift does not depend on the load.',
  });
}

/** The whole of docs/benchmarks.md. */
export function renderMarkdown(run: BenchRun, plots: readonly Plot[]): string {
  return [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench -- --write` (bench/). Do not edit: every figure comes from the harness. -->',
    '',
    `Performance claims anyone can reproduce: one command measures size, rendering, client and server costs, each against a baseline measured in the same run, and writes this page. Every figure below comes from the run described here; the raw results of every run land in \`bench-results/\` (JSON). Targets live here and in the size budgets, never in timed tests.`,
    '',
    ...machineSection(run),
    'Figures depend on the machine and on what else runs on it (see the load average): compare ratios against the baselines of the same run rather than absolute times across machines.',
    '',
    '## Commands',
    '',
    '```sh',
    'npm run bench                     # full run (under 15 minutes on 2 cores), prints these tables',
    'npm run bench -- --write          # full run, then rewrites this page and docs/benchmarks/*.svg',
    'npm run bench -- --quick          # tiny sizes, a few iterations: the smoke run of `npm test`',
    'npm run bench -- --only size,client   # some parts: size, client, render, server, throughput, inbox, enablement, startup',
    'npm run bench -- --only size --write  # refresh only the size figures of this page (they are exact)',
    'npm run bench -- --only throughput --write  # refresh only the server throughput figures (a run of that part alone)',
    'npm run bench -- --only inbox --write  # refresh only the inbox figures (a run of that part alone)',
    'npm run bench -- --only startup --write  # refresh only the start-up figures (a run of that part alone)',
    '```',
    '',
    'PostgreSQL figures need a server: `PARTNERKIT_TEST_DATABASE_URL`, else `postgres://postgres@127.0.0.1:54329/postgres` (`scripts/pg-cluster.sh start`); the run creates its own database there and drops it afterwards. Chromium comes from `CHROME_PATH`, else `/usr/bin/chromium`.',
    '',
    ...targetSection(run),
    ...sizeSection(run),
    ...renderSection(run),
    ...clientSection(run),
    ...serverSection(run, plots),
    ...throughputSection(run),
    ...inboxSection(run),
    ...enablementSection(run),
    ...startupSection(run),
    ...timingSection(run),
  ].join('\n');
}
