#!/usr/bin/env node
// Size budgets. Measures the elements' CDN build (packages/elements/dist/cdn, made by
// `npm run build`) file by file and per page, and every package entry point bundled on its own with
// its dependencies (what an app bundler would add), minified; gzip (zlib level 6) and brotli (q 11).
//
//   node scripts/size.mjs           print the table
//   node scripts/size.mjs --check   also exit 1 when a budget is exceeded (or the CDN build is missing)
//   node scripts/size.mjs --cdn     CDN files only (skip bundling the package entries)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseCdn, KB, measure } from './size/cdn.mjs';

const { values: flags } = parseArgs({ options: { check: { type: 'boolean' }, cdn: { type: 'boolean' } } });
const root = new URL('..', import.meta.url).pathname;
const cdnDir = join(root, 'packages/elements/dist/cdn');

const fmt = (bytes) => (bytes >= KB ? `${(bytes / KB).toFixed(2)} KB` : `${bytes} B`);
const rows = [];
const failures = [];
const misses = [];
function row({ name, kind, size, budget = null, ceiling = null }) {
  const over = budget !== null && size.gzip > budget;
  const status = budget === null ? '' : !over ? 'ok' : ceiling !== null && size.gzip <= ceiling ? `over goal (ceiling ${fmt(ceiling)})` : 'OVER';
  rows.push({ name, kind, size, budget, status });
  if (status === 'OVER') failures.push(`${name}: ${fmt(size.gzip)} gzip > ${ceiling !== null ? `ceiling ${fmt(ceiling)}` : `budget ${fmt(budget)}`}`);
  else if (over) misses.push(`${name}: ${fmt(size.gzip)} gzip, goal ${fmt(budget)}`);
}

// ── CDN ────────────────────────────────────────────────────────────────────────────────────────
if (!existsSync(join(cdnDir, 'loader.js'))) {
  console.error('No CDN build at packages/elements/dist/cdn: run `npm run build` first.');
  process.exit(flags.check ? 1 : 0);
}
for (const cdnRow of analyseCdn(cdnDir)) row(cdnRow);

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
        const target = manifest.exports?.[`.${sub ?? ''}`]?.['partnerkit-source'];
        return target ? { path: join(root, 'packages', pkg, target) } : undefined;
      });
    },
  };
  for (const pkg of ['core', 'elements']) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'));
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target !== 'object' || !target['partnerkit-source'] || subpath.includes('*')) continue;
      const source = join(root, 'packages', pkg, target['partnerkit-source']);
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
      row({ name, kind: name === '@partnerkit/core/client' ? 'entry: the client alone' : 'entry', size: measure(result.outputFiles[0].contents) });
    }
  }
}

// ── Report ─────────────────────────────────────────────────────────────────────────────────────
const header = ['what', 'kind', 'min', 'gzip', 'brotli', 'budget (gzip)', ''];
const table = rows.map((r) => [r.name, r.kind, fmt(r.size.min), fmt(r.size.gzip), fmt(r.size.brotli), r.budget !== null ? fmt(r.budget) : '', r.status]);
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
