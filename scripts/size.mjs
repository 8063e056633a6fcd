#!/usr/bin/env node
// Size budgets. Measures the elements' CDN build (packages/elements/dist/cdn, made by
// `npm run build`) file by file and per page, and every package entry point bundled on its own with
// its dependencies (what an app bundler would add), minified; gzip (zlib level 6) and brotli (q 11).
//
//   node scripts/size.mjs           print the table
//   node scripts/size.mjs --check   also exit 1 when a budget is exceeded (or the CDN build is missing)
//   node scripts/size.mjs --cdn     CDN files only (skip bundling the package entries)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { parseArgs } from 'node:util';
import { decode } from '@jridgewell/sourcemap-codec';

const { values: flags } = parseArgs({ options: { check: { type: 'boolean' }, cdn: { type: 'boolean' } } });
const root = new URL('..', import.meta.url).pathname;
const cdnDir = join(root, 'packages/elements/dist/cdn');

const KB = 1024;
/** The goals of issue 7. */
const BUDGETS = {
  loader: 2 * KB,
  shared: 20 * KB,
  widget: 8 * KB,
  page: 40 * KB,
};
/**
 * Where a goal is not met yet, `--check` holds the line at today's size plus a small margin, so
 * nothing grows unnoticed while the gap is closed (docs/decisions.md, "Bundle size").
 */
const CEILINGS = {
  shared: 38 * KB,
  page: 64 * KB,
};
const WIDGETS = ['partner-scorecard', 'deal-register', 'resource-library'];

const measure = (code) => {
  const buffer = Buffer.from(code);
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 6 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const sum = (sizes) => sizes.reduce((a, s) => ({ min: a.min + s.min, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { min: 0, gzip: 0, brotli: 0 });

const rows = [];
const failures = [];
const misses = [];
function row(name, kind, size, budget) {
  const ceiling = CEILINGS[kind];
  const over = budget !== undefined && size.gzip > budget;
  const status = !budget ? '' : !over ? 'ok' : ceiling && size.gzip <= ceiling ? `over goal (ceiling ${fmt(ceiling)})` : 'OVER';
  rows.push({ name, kind, size, budget, status });
  if (status === 'OVER') failures.push(`${name}: ${fmt(size.gzip)} gzip > ${ceiling ? `ceiling ${fmt(ceiling)}` : `budget ${fmt(budget)}`}`);
  else if (over) misses.push(`${name}: ${fmt(size.gzip)} gzip, goal ${fmt(budget)}`);
}
const fmt = (bytes) => (bytes >= KB ? `${(bytes / KB).toFixed(2)} KB` : `${bytes} B`);

// ── CDN ────────────────────────────────────────────────────────────────────────────────────────
if (!existsSync(join(cdnDir, 'loader.js'))) {
  console.error('No CDN build at packages/elements/dist/cdn: run `npm run build` first.');
  process.exit(flags.check ? 1 : 0);
}

const files = new Map(); // path relative to cdnDir -> { code, size, staticDeps, dynamicDeps }
function load(file) {
  if (files.has(file)) return files.get(file);
  const code = readFileSync(join(cdnDir, file), 'utf8');
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const resolveDep = (spec) => relative(cdnDir, join(cdnDir, dir, spec));
  // Minified ESM: static `import"./x.js"` / `from"./x.js"`, dynamic `import("./x.js")`.
  const staticDeps = [...code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolveDep(m[1]));
  const dynamicDeps = [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => resolveDep(m[1]));
  const entry = { code, size: measure(code), staticDeps, dynamicDeps };
  files.set(file, entry);
  return entry;
}
/** A file and everything it imports statically: what the browser fetches to run it. */
function closure(file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  for (const dep of load(file).staticDeps) closure(dep, into);
  return into;
}
const isShared = (file) => /(^|\/)shared-[^/]+\.js$/.test(file);
const sizeOf = (set) => sum([...set].map((f) => load(f).size));

for (const name of readdirSync(cdnDir).filter((n) => n.endsWith('.js'))) load(name);
for (const name of readdirSync(join(cdnDir, 'chunks')).filter((n) => n.endsWith('.js'))) load(`chunks/${name}`);

const loader = load('loader.js');
row('loader.js', 'loader', loader.size, BUDGETS.loader);

const shared = [...files.keys()].filter(isShared).sort();
for (const file of shared) row(file, 'shared chunk', load(file).size);
row('shared chunks (total)', 'shared', sum(shared.map((f) => load(f).size)), BUDGETS.shared);

// What the shared chunks are made of, by origin (read from their source maps). Each part is
// gzipped alone, so the parts add up to a little more than the whole.
const ORIGINS = [
  ['lit', /node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+)\//],
  ['zod', /node_modules\/zod\//],
  ['ky', /node_modules\/ky\//],
  ['@partnerkit/core', /packages\/core\//],
  ['platform', /packages\/elements\//],
];
/** The minified code of `file`, split by the origin each character maps back to. */
function byOrigin(file) {
  const code = load(file).code.split('\n');
  const map = JSON.parse(readFileSync(join(cdnDir, `${file}.map`), 'utf8'));
  const origin = map.sources.map((source) => {
    const path = join(cdnDir, file, '..', source);
    return ORIGINS.find(([, pattern]) => pattern.test(path))?.[0] ?? 'other';
  });
  const parts = new Map();
  decode(map.mappings).forEach((segments, line) =>
    segments.forEach(([column, source], i) => {
      const name = source === undefined ? 'other' : origin[source];
      parts.set(name, (parts.get(name) ?? '') + code[line].slice(column, segments[i + 1]?.[0]));
    }),
  );
  return parts;
}
const origins = new Map();
for (const file of shared) for (const [name, code] of byOrigin(file)) origins.set(name, (origins.get(name) ?? '') + code);
for (const [name] of ORIGINS) if (origins.has(name)) row(`  of which ${name}`, 'shared: origin', measure(origins.get(name)));
const thirdParty = ['lit', 'zod', 'ky'].map((name) => origins.get(name) ?? '').join('');
row('  of which lit + zod + ky, gzipped together', 'shared: dependencies', measure(thirdParty));

const tagFile = (tag) => {
  const target = loader.dynamicDeps.find((d) => d === `${tag}.js` || d.startsWith(`chunks/${tag}-`));
  if (!target) throw new Error(`loader.js does not import a chunk for <${tag}>`);
  return target;
};
const own = (tag) => new Set([...closure(tagFile(tag))].filter((f) => !isShared(f)));

const provider = own('partnerkit-provider');
row('partnerkit-provider (own chunks)', 'widget', sizeOf(provider));
for (const tag of WIDGETS) {
  const set = own(tag);
  row(`${tag} (own chunks)`, 'widget', sizeOf(set), BUDGETS.widget);
  const lazy = new Set();
  for (const file of set) for (const dep of load(file).dynamicDeps) if (!set.has(dep) && !isShared(dep)) closure(dep, lazy);
  for (const file of [...shared, ...set]) lazy.delete(file); // already loaded with the widget
  if (lazy.size) row(`${tag} (loaded on demand)`, 'lazy', sizeOf(lazy));
}

// A page with the provider and one of each widget: the loader, then what it imports.
const page = new Set(['loader.js']);
for (const tag of ['partnerkit-provider', ...WIDGETS]) closure(tagFile(tag), page);
row('page: provider + all three widgets', 'page', sizeOf(page), BUDGETS.page);
const everything = new Set(page);
for (const file of page) for (const dep of load(file).dynamicDeps) if (dep !== 'loader.js') closure(dep, everything);
row('  ... and every view opened (on-demand chunks)', 'page', sizeOf(everything));
for (const tag of WIDGETS) {
  const single = new Set(['loader.js']);
  for (const t of ['partnerkit-provider', tag]) closure(tagFile(t), single);
  row(`page: provider + ${tag}`, 'page', sizeOf(single));
}

// ── Package entries, each bundled alone with its dependencies ────────────────────────────────
// esbuild (bundle + minify) stands in for an app's bundler: fast, and within a few percent of terser.
if (!flags.cdn) {
  const esbuild = await import('esbuild');
  // PartnerKit packages from source (as the CDN build reads them), everything else in production.
  const workspaceSources = {
    name: 'partnerkit-workspace-sources',
    setup(build) {
      build.onResolve({ filter: /^@partnerkit\// }, ({ path }) => {
        const [, pkg, sub] = /^@partnerkit\/([^/]+)(\/.+)?$/.exec(path);
        const manifest = JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'));
        const target = manifest.exports?.[`.${sub ?? ''}`]?.development;
        return target ? { path: join(root, 'packages', pkg, target) } : undefined;
      });
    },
  };
  for (const pkg of ['core', 'elements']) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'));
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target !== 'object' || !target.development || subpath.includes('*')) continue;
      const source = join(root, 'packages', pkg, target.development);
      if (!existsSync(source)) continue;
      const name = `${manifest.name}${subpath === '.' ? '' : subpath.slice(1)}`;
      const result = await esbuild.build({
        entryPoints: [source],
        bundle: true,
        minify: true,
        format: 'esm',
        target: 'es2022',
        platform: 'browser',
        conditions: ['partnerkit-cdn', 'production'],
        tsconfig: join(root, 'packages', pkg, 'tsconfig.json'),
        define: { 'process.env.NODE_ENV': '"production"' },
        plugins: [workspaceSources],
        write: false,
        logLevel: 'silent',
      });
      row(name, name === '@partnerkit/core/client' ? 'entry: the client alone' : 'entry', measure(result.outputFiles[0].contents));
    }
  }
}

// ── Report ─────────────────────────────────────────────────────────────────────────────────────
const header = ['what', 'kind', 'min', 'gzip', 'brotli', 'budget (gzip)', ''];
const table = rows.map((r) => [r.name, r.kind, fmt(r.size.min), fmt(r.size.gzip), fmt(r.size.brotli), r.budget ? fmt(r.budget) : '', r.status]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const r of table) console.log(line(r));

if (failures.length) {
  console.log(`\n${failures.length} over budget:\n  ${failures.join('\n  ')}`);
  if (flags.check) process.exit(1);
} else {
  console.log(misses.length ? `\nWithin every ceiling; goals not met yet:\n  ${misses.join('\n  ')}` : '\nAll size budgets hold.');
}
