#!/usr/bin/env node
// Size budgets. Measures the elements' CDN build (packages/elements/dist/cdn, made by
// `npm run build`) file by file and per page, and every package entry point bundled on its own with
// its dependencies (what an app bundler would add), minified; gzip (zlib level 6) and brotli (q 11).
// Then checks the split (scripts/size/chunks.mjs): no module in the shared chunk that one tag alone
// uses, no contract-part code on a page that does not use it, every tag registered with a budget
// (scripts/size/budgets.mjs), and that a new contract part shared by two new widgets leaves the
// pages of the first three widgets unchanged (a second CDN build with stand-ins, about 30 s).
//
//   node scripts/size.mjs           print the tables
//   node scripts/size.mjs --check   also exit 1 when a budget or a check fails (or the CDN build is missing)
//   node scripts/size.mjs --cdn     CDN files only (skip the package entries and the second build)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NEW_WIDGET_LIMIT } from './size/budgets.mjs';
import { analyseCdn, auditCdn, KB, measure, unhashed } from './size/cdn.mjs';
import { proveNewPartsCostNothing } from './size/part-proof.mjs';

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
const audit = await auditCdn(cdnDir);

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
/** Prints a table; columns listed in `right` are right-aligned. */
function printTable(header, table, right = []) {
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (right.includes(i) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of table) console.log(line(r));
}
printTable(
  ['what', 'kind', 'min', 'gzip', 'brotli', 'budget (gzip)', ''],
  rows.map((r) => [r.name, r.kind, fmt(r.size.min), fmt(r.size.gzip), fmt(r.size.brotli), r.budget !== null ? fmt(r.budget) : '', r.status]),
  [2, 3, 4, 5],
);

// ── The split ──────────────────────────────────────────────────────────────────────────────────
console.log('\nContract parts in the CDN build (each module gzipped alone): where each travels, and who uses it');
printTable(
  ['module', 'file', 'used by', 'gzip'],
  audit.parts.map((p) => [p.module, unhashed(p.file), p.users.join(', '), fmt(p.size.gzip)]),
  [3],
);
const check = (ok, message, problems = []) => {
  console.log(`${ok ? '✔' : '✘'} ${message}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
  if (!ok) failures.push(message);
};
console.log('');
check(audit.stray.length === 0, 'no page loads contract-part code that none of its widgets uses', audit.stray.map((s) => `${s.page}: ${s.module} (${fmt(s.size.gzip)})`));
check(
  audit.sharedByOne.length === 0,
  'the shared chunk holds no module that one tag alone uses',
  audit.sharedByOne.map((m) => `${m.module}: only <${m.tag}> (${fmt(m.size.gzip)})`),
);
check(audit.unregistered.length === 0, 'every tag has its budget in scripts/size/budgets.mjs (TAGS)', audit.unregistered.map((tag) => `<${tag}>: add a line to TAGS`));
check(audit.overLimit.length === 0, `widgets added after the first three stay within ${fmt(NEW_WIDGET_LIMIT)} of their own`, audit.overLimit.map((tag) => `<${tag}>`));
if (!flags.cdn) {
  const proof = await proveNewPartsCostNothing();
  const changed = proof.pages.filter((p) => p.changes.length);
  const drift = Math.max(...proof.pages.map((p) => Math.abs(p.after.size.gzip - p.before.size.gzip)));
  check(
    changed.length === 0,
    `a new contract part shared by two new widgets (${proof.tags.map((t) => `<${t}>`).join(', ')}, scripts/size/fixture/) leaves the pages of the first three widgets made of the same files and modules (gzip moved by ${drift} B at most)`,
    changed.map((p) => `${p.name}: ${p.changes.join('; ')}`),
  );
}

if (failures.length) {
  console.log(`\n${failures.length} failed:\n  ${failures.join('\n  ')}`);
  if (flags.check) process.exit(1);
} else {
  console.log(misses.length ? `\nWithin every ceiling; goals not met yet:\n  ${misses.join('\n  ')}` : '\nAll size budgets hold.');
}
