// The elements' CDN build as a browser fetches it, measured against the size budgets: each file,
// the shared chunk (and what it is made of), each tag's own chunks, and whole pages (the loader
// plus everything a set of tags imports statically). Used by `scripts/size.mjs` and the
// benchmark's size part, so the two can never disagree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
import { CEILINGS, GOALS, KB, NEW_WIDGET_LIMIT, ORIGINAL_WIDGETS, TAGS } from './budgets.mjs';
import { PART_MODULE } from './chunks.mjs';
import { DEFINE_DIR, displayPath, tagUsage } from './usage.mjs';

export { KB };

/** A file of the build named without its content hash: `chunks/shared-[hash].js` (entries keep their names). */
export const unhashed = (file) => file.replace(/^(chunks\/.+)-[\w-]{8}\.js$/, '$1-[hash].js');

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

// What the shared chunk is made of, by the origin its source map gives each character.
const ORIGINS = [
  ['lit', /node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+)\//],
  ['zod', /node_modules\/zod\//],
  ['ky', /node_modules\/ky\//],
  ['@partnerkit/core', /packages\/core\//],
  ['platform', /packages\/elements\//],
];

/**
 * The CDN build in `dir`, read: its files with their static and dynamic imports, the closure a
 * tag or a page loads, and the source modules inside each file (from the source maps).
 */
export function readCdn(dir) {
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
      modules: undefined,
    };
    files.set(file, entry);
    return entry;
  };
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) load(name);
  if (existsSync(join(dir, 'chunks'))) for (const name of readdirSync(join(dir, 'chunks')).filter((n) => n.endsWith('.js'))) load(`chunks/${name}`);

  /** A file and everything it imports statically: what the browser fetches to run it. */
  const closure = (file, into = new Set()) => {
    if (into.has(file)) return into;
    into.add(file);
    for (const dep of load(file).staticDeps) closure(dep, into);
    return into;
  };
  const isShared = (file) => /(^|\/)shared-[^/]+\.js$/.test(file);
  const loader = load('loader.js');
  const tagFile = (tag) => {
    const target = loader.dynamicDeps.find((d) => d === `${tag}.js` || d.startsWith(`chunks/${tag}-`));
    if (!target) throw new Error(`loader.js does not import a chunk for <${tag}>`);
    return target;
  };
  /** The code of each source module (absolute path) in `file`, by its source map. */
  const modulesOf = (file) => {
    const entry = load(file);
    if (entry.modules) return entry.modules;
    entry.modules = new Map();
    if (!existsSync(join(dir, `${file}.map`))) return entry.modules;
    const lines = entry.code.split('\n');
    const map = JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8'));
    const paths = map.sources.map((source) => resolve(dir, dirname(file), source));
    decode(map.mappings).forEach((segments, line) =>
      segments.forEach(([column, source], i) => {
        if (source === undefined) return;
        entry.modules.set(paths[source], (entry.modules.get(paths[source]) ?? '') + lines[line].slice(column, segments[i + 1]?.[0]));
      }),
    );
    return entry.modules;
  };
  return {
    files,
    loader,
    load,
    closure,
    isShared,
    tagFile,
    modulesOf,
    shared: () => [...files.keys()].filter(isShared).sort(),
    /** A tag's own files: what its page loads besides the loader and the shared chunk. */
    own: (tag) => new Set([...closure(tagFile(tag))].filter((f) => !isShared(f))),
    /** A page with the provider and `tags`: the loader, then what it imports for each. */
    page: (tags) => {
      const set = new Set(['loader.js']);
      for (const tag of ['partnerkit-provider', ...tags]) closure(tagFile(tag), set);
      return set;
    },
    sizeOf: (set) => sum([...set].map((f) => load(f).size)),
  };
}

/** The widgets the build defines (every registered tag but the provider). */
const widgets = () => Object.keys(TAGS).filter((tag) => tag !== 'partnerkit-provider');

/** Rows of `{ name, kind, size, budget, ceiling }` for the CDN build in `dir`. */
export function analyseCdn(dir) {
  const cdn = readCdn(dir);
  const rows = [];
  const row = (name, kind, size, budget = null, ceiling = null) => rows.push({ name, kind, size, budget, ceiling });

  row('loader.js', 'loader', cdn.loader.size, GOALS.loader);
  const shared = cdn.shared();
  for (const file of shared) row(unhashed(file), 'shared chunk', cdn.load(file).size);
  row('shared chunks (total)', 'shared', cdn.sizeOf(shared), GOALS.shared, CEILINGS.shared);

  // Each origin gzipped alone, so the parts add up to a little more than the whole.
  const origins = new Map();
  for (const file of shared) {
    for (const [module, code] of cdn.modulesOf(file)) {
      const name = ORIGINS.find(([, pattern]) => pattern.test(module))?.[0] ?? 'other';
      origins.set(name, (origins.get(name) ?? '') + code);
    }
  }
  if (origins.size) {
    for (const [name] of ORIGINS) if (origins.has(name)) row(`  of which ${name}`, 'shared: origin', measure(origins.get(name)));
    const dependencies = ['lit', 'zod', 'ky'].filter((name) => origins.has(name));
    row(`  of which ${dependencies.join(' + ')}, gzipped together`, 'shared: dependencies', measure(dependencies.map((name) => origins.get(name)).join('')));
  }

  for (const tag of Object.keys(TAGS)) {
    const own = cdn.own(tag);
    const original = ORIGINAL_WIDGETS.includes(tag);
    row(`${tag} (own chunks)`, 'widget', cdn.sizeOf(own), original ? GOALS.widget : TAGS[tag], TAGS[tag]);
    const lazy = new Set();
    for (const file of own) for (const dep of cdn.load(file).dynamicDeps) if (!own.has(dep) && !cdn.isShared(dep)) cdn.closure(dep, lazy);
    for (const file of [...shared, ...own]) lazy.delete(file); // already loaded with the tag
    if (lazy.size) row(`${tag} (loaded on demand)`, 'lazy', cdn.sizeOf(lazy));
  }

  const all = cdn.page(ORIGINAL_WIDGETS);
  row('page: provider + all three widgets', 'page', cdn.sizeOf(all), GOALS.page, CEILINGS.page);
  const everything = new Set(all);
  for (const file of all) for (const dep of cdn.load(file).dynamicDeps) if (dep !== 'loader.js') cdn.closure(dep, everything);
  row('  ... and every view opened (on-demand chunks)', 'page', cdn.sizeOf(everything));
  for (const tag of widgets()) {
    const ceiling = CEILINGS.widgetPage[tag] ?? null;
    row(`page: provider + ${tag}`, 'page', cdn.sizeOf(cdn.page([tag])), ceiling, ceiling);
  }
  return rows;
}

/**
 * What keeps the split honest, from the build in `dir` and the tags' measured use of each module:
 * - `unregistered`: tags with a define module but no budget in budgets.mjs;
 * - `overLimit`: widgets after the first three registered above NEW_WIDGET_LIMIT;
 * - `sharedByOne`: modules in the shared chunk that one tag alone uses;
 * - `parts`: every contract-part module in the build, where it is and who uses it;
 * - `stray`: contract-part code a page loads although none of its tags uses it, outside the shared
 *   chunk: that chunk is on every page by design, and a part lands in it only when a module of it
 *   imports the part (the session part, which <partner-application> with no session does not use);
 *   `sharedByOne` and the shared ceiling hold what it carries.
 */
export async function auditCdn(dir) {
  const cdn = readCdn(dir);
  const defined = readdirSync(DEFINE_DIR)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => name.slice(0, -3));
  const unregistered = defined.filter((tag) => !(tag in TAGS));
  const overLimit = widgets().filter((tag) => !ORIGINAL_WIDGETS.includes(tag) && TAGS[tag] > NEW_WIDGET_LIMIT);
  const usage = await tagUsage(defined);
  const users = (module) => defined.filter((tag) => usage[tag].eager.has(module) || usage[tag].lazy.has(module));

  const sharedByOne = [];
  for (const file of cdn.shared()) {
    for (const [module, code] of cdn.modulesOf(file)) {
      const by = users(module);
      if (by.length === 1) sharedByOne.push({ module: displayPath(module), tag: by[0], size: measure(code) });
    }
  }

  const parts = [];
  for (const file of cdn.files.keys()) {
    for (const [module, code] of cdn.modulesOf(file)) {
      if (PART_MODULE.test(module)) parts.push({ module: displayPath(module), path: module, file, users: users(module), size: measure(code) });
    }
  }
  const stray = [];
  const pages = [['all three widgets', ORIGINAL_WIDGETS], ...widgets().map((tag) => [tag, [tag]])];
  for (const [name, tags] of pages) {
    const loaded = cdn.page(tags);
    for (const part of parts) {
      if (loaded.has(part.file) && !cdn.isShared(part.file) && !part.users.some((tag) => tags.includes(tag))) stray.push({ page: name, module: part.module, size: part.size });
    }
  }
  return { unregistered, overLimit, sharedByOne, parts, stray };
}

/**
 * What each page of the first three widgets loads: its files (names without their hashes) with the
 * source modules inside each, and its size.
 */
export function originalPages(dir) {
  const cdn = readCdn(dir);
  const pages = { 'all three widgets': cdn.page(ORIGINAL_WIDGETS) };
  for (const tag of ORIGINAL_WIDGETS) pages[tag] = cdn.page([tag]);
  // Chunks that Rollup names alike (two chunks named after a `session.ts`) share one entry: their
  // hashes, and so which one a name stands for, differ between builds.
  const contents = (set) => {
    const byName = {};
    for (const file of set) (byName[unhashed(file)] ??= []).push(...[...cdn.modulesOf(file).keys()].map(displayPath));
    return Object.fromEntries(Object.entries(byName).map(([name, modules]) => [name, modules.sort()]));
  };
  return Object.fromEntries(Object.entries(pages).map(([name, set]) => [name, { contents: contents(set), size: cdn.sizeOf(set) }]));
}
