// The elements' CDN build as a browser fetches it, measured against the size budgets: each file,
// the shared chunks (and what they are made of), each widget's own chunks, and whole pages (the
// loader plus everything a set of tags imports statically). Used by `scripts/size.mjs` and the
// benchmark's size part, so the two can never disagree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

export const KB = 1024;
/** The goals of issue 7, gzip bytes by kind. */
export const BUDGETS = {
  loader: 2 * KB,
  shared: 20 * KB,
  widget: 8 * KB,
  page: 40 * KB,
};
/**
 * Where a goal is not met yet, `--check` holds the line at today's size plus a small margin, so
 * nothing grows unnoticed (docs/decisions.md, "Bundle size").
 */
export const CEILINGS = {
  shared: 37.5 * KB,
  page: 61.5 * KB,
};
export const WIDGETS = ['partner-scorecard', 'deal-register', 'resource-library'];

/** Minified bytes as they are, gzip at level 6 (what servers use), brotli at quality 11 (what CDNs precompress). */
export function measure(code) {
  const buffer = typeof code === 'string' ? Buffer.from(code) : code;
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 6 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
const sum = (sizes) => sizes.reduce((a, s) => ({ min: a.min + s.min, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { min: 0, gzip: 0, brotli: 0 });

// What the shared chunks are made of, by the origin their source maps give each character.
const ORIGINS = [
  ['lit', /node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+)\//],
  ['zod', /node_modules\/zod\//],
  ['ky', /node_modules\/ky\//],
  ['@partnerkit/core', /packages\/core\//],
  ['platform', /packages\/elements\//],
];

/** Rows of `{ name, kind, size, budget, ceiling }` for the CDN build in `dir`. */
export function analyseCdn(dir) {
  const files = new Map();
  const load = (file) => {
    if (files.has(file)) return files.get(file);
    const code = readFileSync(join(dir, file), 'utf8');
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    const resolveDep = (spec) => relative(dir, join(dir, base, spec));
    // Minified ESM: static `import"./x.js"` / `from"./x.js"`, dynamic `import("./x.js")`.
    const entry = {
      code,
      size: measure(code),
      staticDeps: [...code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolveDep(m[1])),
      dynamicDeps: [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => resolveDep(m[1])),
    };
    files.set(file, entry);
    return entry;
  };
  /** A file and everything it imports statically: what the browser fetches to run it. */
  const closure = (file, into = new Set()) => {
    if (into.has(file)) return into;
    into.add(file);
    for (const dep of load(file).staticDeps) closure(dep, into);
    return into;
  };
  const isShared = (file) => /(^|\/)shared-[^/]+\.js$/.test(file);
  const sizeOf = (set) => sum([...set].map((f) => load(f).size));

  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) load(name);
  for (const name of readdirSync(join(dir, 'chunks')).filter((n) => n.endsWith('.js'))) load(`chunks/${name}`);

  const rows = [];
  const row = (name, kind, size, budgeted = false) => rows.push({ name, kind, size, budget: budgeted ? BUDGETS[kind] : null, ceiling: budgeted ? (CEILINGS[kind] ?? null) : null });

  const loader = load('loader.js');
  row('loader.js', 'loader', loader.size, true);
  const shared = [...files.keys()].filter(isShared).sort();
  for (const file of shared) row(file.replace(/-[\w-]{8}\.js$/, '-[hash].js'), 'shared chunk', load(file).size);
  row('shared chunks (total)', 'shared', sizeOf(shared), true);

  // Each origin gzipped alone, so the parts add up to a little more than the whole.
  const origins = new Map();
  for (const file of shared) {
    if (!existsSync(join(dir, `${file}.map`))) continue;
    const lines = load(file).code.split('\n');
    const map = JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8'));
    const originOf = map.sources.map((source) => ORIGINS.find(([, pattern]) => pattern.test(join(dir, file, '..', source)))?.[0] ?? 'other');
    decode(map.mappings).forEach((segments, line) =>
      segments.forEach(([column, source], i) => {
        const name = source === undefined ? 'other' : originOf[source];
        origins.set(name, (origins.get(name) ?? '') + lines[line].slice(column, segments[i + 1]?.[0]));
      }),
    );
  }
  if (origins.size) {
    for (const [name] of ORIGINS) if (origins.has(name)) row(`  of which ${name}`, 'shared: origin', measure(origins.get(name)));
    const dependencies = ['lit', 'zod', 'ky'].map((name) => origins.get(name) ?? '').join('');
    row('  of which lit + zod + ky, gzipped together', 'shared: dependencies', measure(dependencies));
  }

  const tagFile = (tag) => {
    const target = loader.dynamicDeps.find((d) => d === `${tag}.js` || d.startsWith(`chunks/${tag}-`));
    if (!target) throw new Error(`loader.js does not import a chunk for <${tag}>`);
    return target;
  };
  const own = (tag) => new Set([...closure(tagFile(tag))].filter((f) => !isShared(f)));
  row('partnerkit-provider (own chunks)', 'widget', sizeOf(own('partnerkit-provider')));
  for (const tag of WIDGETS) {
    const set = own(tag);
    row(`${tag} (own chunks)`, 'widget', sizeOf(set), true);
    const lazy = new Set();
    for (const file of set) for (const dep of load(file).dynamicDeps) if (!set.has(dep) && !isShared(dep)) closure(dep, lazy);
    for (const file of [...shared, ...set]) lazy.delete(file); // already loaded with the widget
    if (lazy.size) row(`${tag} (loaded on demand)`, 'lazy', sizeOf(lazy));
  }

  // A page with the provider and one of each widget: the loader, then what it imports.
  const page = (tags) => {
    const set = new Set(['loader.js']);
    for (const tag of ['partnerkit-provider', ...tags]) closure(tagFile(tag), set);
    return set;
  };
  const all = page(WIDGETS);
  row('page: provider + all three widgets', 'page', sizeOf(all), true);
  const everything = new Set(all);
  for (const file of all) for (const dep of load(file).dynamicDeps) if (dep !== 'loader.js') closure(dep, everything);
  row('  ... and every view opened (on-demand chunks)', 'page', sizeOf(everything));
  for (const tag of WIDGETS) row(`page: provider + ${tag}`, 'page', sizeOf(page([tag])));
  return rows;
}
