/**
 * The CDN build seen as a browser fetches it: each file, the shared chunks, each widget's own
 * chunks, and whole pages (the loader plus everything a set of tags imports statically). The same
 * walk as `scripts/size.mjs`.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { measureBytes, sumSizes, type Sizes } from '../lib/bytes.ts';
import type { SizeLimits } from './budgets.ts';

export const WIDGETS = ['partner-scorecard', 'deal-register', 'resource-library'] as const;

interface CdnFile {
  sizes: Sizes;
  staticDeps: string[];
  dynamicDeps: string[];
}

export interface CdnRow {
  name: string;
  kind: string;
  sizes: Sizes;
  /** The goal, in gzip bytes. */
  budget: number | null;
  /** Where the goal is not met yet: the size `npm run size -- --check` holds the line at. */
  ceiling: number | null;
}

export function analyseCdn(dir: string, limits: SizeLimits): CdnRow[] {
  const files = new Map<string, CdnFile>();
  const load = (file: string): CdnFile => {
    const known = files.get(file);
    if (known) return known;
    const code = readFileSync(join(dir, file), 'utf8');
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    const resolve = (spec: string) => relative(dir, join(dir, base, spec));
    // Minified ESM: static `import"./x.js"` / `from"./x.js"`, dynamic `import("./x.js")`.
    const entry: CdnFile = {
      sizes: measureBytes(code),
      staticDeps: [...code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolve(m[1]!)),
      dynamicDeps: [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => resolve(m[1]!)),
    };
    files.set(file, entry);
    return entry;
  };
  const closure = (file: string, into = new Set<string>()): Set<string> => {
    if (into.has(file)) return into;
    into.add(file);
    for (const dep of load(file).staticDeps) closure(dep, into);
    return into;
  };
  const isShared = (file: string) => /(^|\/)shared-[^/]+\.js$/.test(file);
  const sizeOf = (set: Iterable<string>) => sumSizes([...set].map((f) => load(f).sizes));

  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) load(name);
  for (const name of readdirSync(join(dir, 'chunks')).filter((n) => n.endsWith('.js'))) load(`chunks/${name}`);

  const rows: CdnRow[] = [];
  const limit = (kind: string) => ({ budget: limits.goals[kind] ?? null, ceiling: limits.ceilings[kind] ?? null });
  const none = { budget: null, ceiling: null };
  const loader = load('loader.js');
  rows.push({ name: 'loader.js', kind: 'loader', sizes: loader.sizes, ...limit('loader') });
  const shared = [...files.keys()].filter(isShared).sort();
  for (const file of shared) rows.push({ name: file.replace(/-[\w-]{8}\.js$/, '-[hash].js'), kind: 'shared chunk', sizes: load(file).sizes, ...none });
  rows.push({ name: 'shared chunks (total)', kind: 'shared', sizes: sizeOf(shared), ...limit('shared') });

  const tagFile = (tag: string): string => {
    const target = loader.dynamicDeps.find((d) => d === `${tag}.js` || d.startsWith(`chunks/${tag}-`));
    if (!target) throw new Error(`loader.js does not import a chunk for <${tag}>`);
    return target;
  };
  const own = (tag: string) => new Set([...closure(tagFile(tag))].filter((f) => !isShared(f)));
  rows.push({ name: 'partnerkit-provider (own chunks)', kind: 'widget', sizes: sizeOf(own('partnerkit-provider')), ...none });
  for (const tag of WIDGETS) {
    const set = own(tag);
    rows.push({ name: `${tag} (own chunks)`, kind: 'widget', sizes: sizeOf(set), ...limit('widget') });
    const lazy = new Set<string>();
    for (const file of set) for (const dep of load(file).dynamicDeps) if (!set.has(dep) && !isShared(dep)) closure(dep, lazy);
    for (const file of shared) lazy.delete(file);
    if (lazy.size) rows.push({ name: `${tag} (loaded on demand)`, kind: 'lazy', sizes: sizeOf(lazy), ...none });
  }
  const pageFiles = (tags: readonly string[]) => {
    const set = new Set(['loader.js']);
    for (const tag of tags) closure(tagFile(tag), set);
    return set;
  };
  const page = (tags: readonly string[]) => sizeOf(pageFiles(tags));
  const all = pageFiles(['partnerkit-provider', ...WIDGETS]);
  rows.push({ name: 'page: provider + all three widgets', kind: 'page', sizes: sizeOf(all), ...limit('page') });
  // The same page once every view has been opened (the chunks loaded on demand too).
  const everything = new Set(all);
  for (const file of all) for (const dep of load(file).dynamicDeps) if (dep !== 'loader.js') closure(dep, everything);
  rows.push({ name: '... and every view opened (on-demand chunks)', kind: 'page', sizes: sizeOf(everything), ...none });
  for (const tag of WIDGETS) rows.push({ name: `page: provider + ${tag}`, kind: 'page', sizes: page(['partnerkit-provider', tag]), ...none });
  return rows;
}
