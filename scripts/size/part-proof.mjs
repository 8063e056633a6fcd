// The proof that a new contract part costs the existing pages nothing: the CDN build made twice
// from the sources, as it is and with two more widgets that share a new contract part (the
// stand-ins in scripts/size/fixture/, laid out as a real part and real widgets are), then the
// pages of the first three widgets compared file by file: the same files, each made of the same
// source modules. (Their bytes may still differ by a few: the minified names under which the
// shared chunk exports its bindings shift when more chunks import from it.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { originalPages } from './cdn.mjs';

const root = resolve(new URL('../..', import.meta.url).pathname);
const FIXTURE_WIDGETS = {
  'size-dummy-list': join(root, 'scripts/size/fixture/widgets/dummy-list.ts'),
  'size-dummy-card': join(root, 'scripts/size/fixture/widgets/dummy-card.ts'),
};

async function build(options, input, dir) {
  const { rollup } = await import('rollup');
  // The build's own clean-up empties packages/elements/dist/cdn: not wanted for a scratch build.
  const bundle = await rollup({ ...options, input, plugins: options.plugins.filter((p) => p?.name !== 'clean-cdn'), onwarn: () => {} });
  try {
    await bundle.write({ ...options.output, dir });
  } finally {
    await bundle.close();
  }
}

/**
 * `{ pages: [{ name, before, after, changes }], tags }`: each original page's contents and size
 * without and with the stand-in part, and what changed (nothing, when it loads the same files made
 * of the same modules).
 */
export async function proveNewPartsCostNothing() {
  const configs = (await import(pathToFileURL(join(root, 'rollup.config.mjs')).href)).default;
  const options = configs.find((c) => c.output?.dir === 'packages/elements/dist/cdn');
  if (!options) throw new Error('rollup.config.mjs has no CDN build (output.dir packages/elements/dist/cdn)');
  const scratch = mkdtempSync(join(tmpdir(), 'partnerkit-size-'));
  const cwd = process.cwd();
  process.chdir(root); // the build's paths are relative to the repository
  try {
    const [before, after] = [join(scratch, 'as-is'), join(scratch, 'with-part')];
    // One after the other: the two builds share a Rollup plugin instance (the chunk plan).
    await build(options, options.input, before);
    await build(options, { ...options.input, ...FIXTURE_WIDGETS }, after);
    const [was, is] = [originalPages(before), originalPages(after)];
    const pages = Object.keys(was).map((name) => {
      const [a, b] = [was[name].contents, is[name].contents];
      const changes = [];
      for (const file of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const added = (b[file] ?? []).filter((m) => !(a[file] ?? []).includes(m));
        const removed = (a[file] ?? []).filter((m) => !(b[file] ?? []).includes(m));
        if (!a[file]) changes.push(`loads ${file} too (${added.join(', ')})`);
        else if (!b[file]) changes.push(`no longer loads ${file}`);
        else if (added.length || removed.length) changes.push(`${file} ${[...added.map((m) => `+${m}`), ...removed.map((m) => `-${m}`)].join(' ')}`);
      }
      return { name, before: was[name], after: is[name], changes };
    });
    return { pages, tags: Object.keys(FIXTURE_WIDGETS) };
  } finally {
    process.chdir(cwd);
    rmSync(scratch, { recursive: true, force: true });
  }
}
