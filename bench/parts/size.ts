/**
 * Size: every package entry bundled alone with its dependencies, and the CDN build file by file
 * and page by page (measured by `scripts/size/cdn.mjs`, as `npm run size` does), minified, gzip and
 * brotli, against the budgets set there; beside
 * them lit alone, ky alone, and the same schemas in zod and zod/mini, bundled the same way in the
 * same run.
 * @module
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup, type OutputOptions, type RollupCache, type RollupOptions } from 'rollup';
import { runPart, type PartContext } from '../lib/part.ts';
import { BASELINES } from '../size/baselines.ts';
import { analyseCdn, auditCdn, measure, unhashed, type PartModule, type Sizes } from '../../scripts/size/cdn.mjs';

/**
 * One measured thing. `budget` is the goal and `ceiling` the limit enforced until the goal is met
 * (both gzip bytes); `over` means over the goal, `overCeiling` over what `--check` enforces.
 */
export interface SizeRow {
  name: string;
  group: 'entry' | 'cdn' | 'baseline';
  kind: string;
  sizes: Sizes;
  budget: number | null;
  ceiling: number | null;
  over: boolean;
  overCeiling: boolean;
}

/** Ours against a baseline measured in the same run. */
export interface SizeComparison {
  what: string;
  against: string;
  /** gzip bytes of `what` divided by gzip bytes of `against`. */
  ratio: number;
}

/** A contract part's module in the CDN build: the chunk it travels in and the tags that use it. */
export interface PartPlacement {
  module: string;
  file: string;
  users: string[];
  sizes: Sizes;
}

export interface SizeResult {
  rows: SizeRow[];
  comparisons: SizeComparison[];
  /** Every contract-part module of the CDN build. */
  parts: PartPlacement[];
  /** Where the budgets were read from. */
  budgetsFrom: string;
}

async function loadRollupConfigs(root: string): Promise<RollupOptions[]> {
  const module = (await import(pathToFileURL(join(root, 'rollup.config.mjs')).href)) as { default: RollupOptions[] };
  return module.default;
}

const outputOf = (config: RollupOptions): OutputOptions => (Array.isArray(config.output) ? config.output[0] : config.output) ?? {};

// Modules already transformed by an earlier bundle of this run are reused (Rollup's cache).
let cache: RollupCache | undefined;

/** Bundles `input` alone (dynamic imports inlined) with the CDN build's plugins; the code. */
async function bundleAlone(input: string, plugins: RollupOptions['plugins']): Promise<string> {
  const bundle = await rollup({ input, plugins, cache, onwarn: () => {} });
  cache = bundle.cache;
  try {
    const { output } = await bundle.generate({ format: 'esm', inlineDynamicImports: true });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

/** Every `@partnerkit/core` and `@partnerkit/elements` export with a source (`partnerkit-source`) target. */
function packageEntries(root: string): { name: string; source: string }[] {
  const entries: { name: string; source: string }[] = [];
  for (const pkg of ['core', 'elements']) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8')) as {
      name: string;
      exports: Record<string, unknown>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target !== 'object' || target === null || subpath.includes('*')) continue;
      const source = (target as { 'partnerkit-source'?: string })['partnerkit-source'];
      if (!source) continue;
      entries.push({ name: `${manifest.name}${subpath === '.' ? '' : subpath.slice(1)}`, source: join(root, 'packages', pkg, source) });
    }
  }
  return entries;
}

async function measureSizes(ctx: PartContext): Promise<SizeResult> {
  const { root, tmp } = ctx;
  const configs = await loadRollupConfigs(root);
  const cdnConfig = configs.find((c) => outputOf(c).dir === 'packages/elements/dist/cdn');
  if (!cdnConfig) throw new Error('rollup.config.mjs has no CDN build (output.dir packages/elements/dist/cdn)');
  const rows: SizeRow[] = [];

  // The CDN build, made fresh from the sources into a scratch directory (never a stale dist).
  const cdnDir = join(tmp, 'cdn');
  // The build's clean-up empties packages/elements/dist/cdn: not wanted for builds into scratch directories.
  const plugins = (Array.isArray(cdnConfig.plugins) ? cdnConfig.plugins : []).filter((p) => !(p && typeof p === 'object' && 'name' in p && p.name === 'clean-cdn'));
  await ctx.step('CDN build', async () => {
    const bundle = await rollup({ ...cdnConfig, plugins, onwarn: () => {} });
    try {
      await bundle.write({ ...outputOf(cdnConfig), dir: cdnDir });
    } finally {
      await bundle.close();
    }
  });
  for (const { size: sizes, ...row } of analyseCdn(cdnDir)) {
    const over = row.budget !== null && sizes.gzip > row.budget;
    rows.push({ group: 'cdn', ...row, sizes, over, overCeiling: over && (row.ceiling === null || sizes.gzip > row.ceiling) });
  }
  const parts = (await auditCdn(cdnDir)).parts.map((p: PartModule) => ({ module: p.module, file: unhashed(p.file), users: p.users, sizes: p.size }));

  // Each package entry alone, as an app's bundler would add it.
  const entries = packageEntries(root).filter((e) => !ctx.quick || e.name === '@partnerkit/core/client');
  await ctx.step(`${entries.length} package entries`, async () => {
    for (const entry of entries) {
      const code = await bundleAlone(entry.source, plugins);
      rows.push({ name: entry.name, group: 'entry', kind: 'package entry', sizes: measure(code), budget: null, ceiling: null, over: false, overCeiling: false });
    }
  });

  // Baselines: tiny entry files bundled by the same pipeline.
  const baselines = BASELINES.filter((b) => !ctx.quick || b.name === 'ky alone');
  await ctx.step(`${baselines.length} baselines`, async () => {
    for (const baseline of baselines) {
      const file = join(tmp, `${baseline.file}.ts`);
      writeFileSync(file, baseline.source);
      const code = await bundleAlone(file, plugins);
      rows.push({ name: baseline.name, group: 'baseline', kind: baseline.kind, sizes: measure(code), budget: null, ceiling: null, over: false, overCeiling: false });
    }
  });

  const gzipOf = (name: string) => rows.find((r) => r.name === name)?.sizes.gzip;
  const comparisons: SizeComparison[] = [];
  for (const [what, against] of [
    ['@partnerkit/core/client', 'ky alone'],
    ['@partnerkit/core/schemas', 'zod/mini: the sample schemas'],
    ['zod: the sample schemas', 'zod/mini: the sample schemas'],
    ['page: provider + all three widgets', 'lit alone'],
    ['page: provider + all three widgets', 'lit + decorators + @lit/context + @lit/task'],
    ['@partnerkit/elements', 'lit + decorators + @lit/context + @lit/task'],
  ] as const) {
    const a = gzipOf(what);
    const b = gzipOf(against);
    if (a !== undefined && b !== undefined) comparisons.push({ what, against, ratio: a / b });
  }
  return { rows, comparisons, parts, budgetsFrom: relative(root, join(root, 'scripts/size/budgets.mjs')) };
}

await runPart('size', async (ctx) => {
  const result = await measureSizes(ctx);
  const over = result.rows.filter((r) => r.over);
  ctx.log(`${result.rows.length} sizes measured; ${over.length ? `over the goal: ${over.map((r) => r.name).join(', ')}` : 'every goal met'}`);
  // The scratch CDN directory goes with the part's tmp; list it for the curious.
  ctx.log(`CDN files: ${readdirSync(join(ctx.tmp, 'cdn')).filter((name) => !name.endsWith('.map')).join(' ')}`);
  return result;
});
