/**
 * `npm run bench`: runs each benchmark part in its own process, prints the results, keeps the raw
 * figures in `bench-results/`, and with `--write` regenerates `docs/benchmarks.md` and its plots.
 * Started by `bench/run.mjs` (which adds tsx and the `partnerkit-source` condition).
 *
 *   --quick          tiny sizes, few iterations: checks the harness works (used by `npm test`)
 *   --only a,b       some parts only: size, client, render, server, throughput, inbox, enablement, startup
 *   --write          regenerate docs/benchmarks.md and docs/benchmarks/*.svg (full runs only), or,
 *                    with `--only size`, only its size figures (exact, so they need no quiet machine),
 *                    with `--only throughput`, only the server throughput figures, with
 *                    `--only inbox`, only the inbox figures, with
 *                    `--only startup`, only the start-up figures
 * @module
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine, currentLoad } from './lib/machine.ts';
import { ROOT, type Mode } from './lib/part.ts';
import { PART_NAMES, type BenchRun, type PartName, type PartResults, type PartTiming } from './lib/results.ts';
import { renderConsole, renderMarkdown, replaceInboxFigures, replaceSizeFigures, replaceStartupFigures, replaceThroughputFigures } from './report/markdown.ts';
import { renderPlots } from './report/plots.ts';

const { values: flags } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, write: { type: 'boolean', default: false }, only: { type: 'string' } },
});

const mode: Mode = flags.quick ? 'quick' : 'full';
const only = flags.only ? flags.only.split(',').map((s) => s.trim()) : [...PART_NAMES];
const unknown = only.filter((name) => !(PART_NAMES as readonly string[]).includes(name));
if (unknown.length) {
  console.error(`Unknown part(s): ${unknown.join(', ')}. Parts: ${PART_NAMES.join(', ')}.`);
  process.exit(2);
}
const sizeOnly = only.length === 1 && only[0] === 'size';
const throughputOnly = only.length === 1 && only[0] === 'throughput';
const startupOnly = only.length === 1 && only[0] === 'startup';
const inboxOnly = only.length === 1 && only[0] === 'inbox';
if (flags.write && (flags.quick || (flags.only && !sizeOnly && !throughputOnly && !startupOnly && !inboxOnly))) {
  console.error('--write regenerates the published figures: it needs a full run of every part (no --quick, no --only), or --only size, --only throughput, --only inbox or --only startup for those figures alone.');
  process.exit(2);
}
const parts = PART_NAMES.filter((name) => only.includes(name));

/** Runs `bench/parts/<name>.ts` in its own Node process; its result, or null when it failed. */
function runPartProcess(name: PartName, out: string): Promise<boolean> {
  const args = ['--conditions=partnerkit-source', '--import', 'tsx', ...(name === 'client' ? ['--expose-gc'] : []), join(ROOT, 'bench/parts', `${name}.ts`)];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BENCH_MODE: mode, BENCH_OUT: out } });
    child.on('exit', (code) => resolve(code === 0));
    child.on('error', () => resolve(false));
  });
}

const startedAt = new Date();
const started = performance.now();
const machine = describeMachine(ROOT);
console.log(`PartnerKit benchmarks (${mode}): ${parts.join(', ')} on ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.load.start.toFixed(2)}`);

const outDir = join(ROOT, '.tmp', `bench-out-${process.pid}`);
mkdirSync(outDir, { recursive: true });
const results: PartResults = {};
const timings: PartTiming[] = [];
async function runOne(name: PartName): Promise<void> {
  const partStarted = performance.now();
  const out = join(outDir, `${name}.json`);
  const ok = await runPartProcess(name, out);
  const seconds = (performance.now() - partStarted) / 1000;
  timings.push({ part: name, seconds, ok });
  if (ok) (results as Record<string, unknown>)[name] = JSON.parse(readFileSync(out, 'utf8'));
  console.log(`━━ ${name}: ${ok ? 'done' : 'FAILED'} in ${seconds.toFixed(1)} s`);
}
if (mode === 'quick') {
  // A smoke run times nothing that matters, so the parts overlap (their log lines carry their names).
  await Promise.all(parts.map(runOne));
  timings.sort((a, b) => parts.indexOf(a.part) - parts.indexOf(b.part));
} else {
  // Measuring runs go one at a time: parts must not compete for the cores.
  for (const name of parts) {
    console.log(`\n━━ ${name} ${'━'.repeat(Math.max(0, 70 - name.length))}`);
    await runOne(name);
  }
}
rmSync(outDir, { recursive: true, force: true });

machine.load.end = currentLoad();
machine.chromium = results.render?.chromium ?? null;
const postgres = results.server?.drivers.find((d) => d.driver === 'postgres');
const postgresServer = results.server?.postgres;
machine.postgres = postgres ? `${postgres.version.split(' on ')[0]}${postgresServer ? ` at ${postgresServer.server} (${postgresServer.from})` : ''}` : null;
machine.pglite = results.server?.drivers.find((d) => d.driver === 'pglite')?.engine ?? null;
const run: BenchRun = {
  format: 1,
  mode,
  startedAt: startedAt.toISOString(),
  seconds: (performance.now() - started) / 1000,
  machine,
  parts: results,
  timings,
};

const resultsDir = join(ROOT, 'bench-results');
mkdirSync(resultsDir, { recursive: true });
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
writeFileSync(join(resultsDir, `bench-${mode}-${stamp}.json`), JSON.stringify(run, null, 2));
writeFileSync(join(resultsDir, `latest-${mode}.json`), JSON.stringify(run, null, 2));

console.log(`\n${renderConsole(run)}`);
const failed = timings.filter((t) => !t.ok);
if (failed.length === 0 && flags.write && sizeOnly) {
  const page = join(ROOT, 'docs/benchmarks.md');
  writeFileSync(page, replaceSizeFigures(readFileSync(page, 'utf8'), run));
  console.log('Wrote the size figures of docs/benchmarks.md.');
} else if (failed.length === 0 && flags.write && throughputOnly) {
  const page = join(ROOT, 'docs/benchmarks.md');
  writeFileSync(page, replaceThroughputFigures(readFileSync(page, 'utf8'), run));
  console.log('Wrote the throughput figures of docs/benchmarks.md.');
} else if (failed.length === 0 && flags.write && inboxOnly) {
  const page = join(ROOT, 'docs/benchmarks.md');
  writeFileSync(page, replaceInboxFigures(readFileSync(page, 'utf8'), run));
  console.log('Wrote the inbox figures of docs/benchmarks.md.');
} else if (failed.length === 0 && flags.write && startupOnly) {
  const page = join(ROOT, 'docs/benchmarks.md');
  writeFileSync(page, replaceStartupFigures(readFileSync(page, 'utf8'), run));
  console.log('Wrote the start-up figures of docs/benchmarks.md.');
} else if (failed.length === 0 && flags.write) {
  const plots = renderPlots(run);
  mkdirSync(join(ROOT, 'docs/benchmarks'), { recursive: true });
  for (const plot of plots) writeFileSync(join(ROOT, 'docs/benchmarks', plot.file), plot.svg);
  writeFileSync(join(ROOT, 'docs/benchmarks.md'), renderMarkdown(run, plots));
  console.log(`Wrote docs/benchmarks.md and ${plots.map((p) => `docs/benchmarks/${p.file}`).join(', ')}.`);
}
console.log(`Raw results: bench-results/latest-${mode}.json. Whole run: ${run.seconds.toFixed(1)} s.`);
if (failed.length) {
  console.error(`\nFailed: ${failed.map((t) => t.part).join(', ')}${flags.write ? ' (docs not written)' : ''}.`);
  process.exit(1);
}
