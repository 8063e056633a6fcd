/**
 * The CDN build clears stale chunks from the directory it writes, and from no other: a build into
 * a scratch directory (the bench's size part, `npm test`'s last step) must leave the
 * `packages/elements/dist/cdn` that `npm start` and host pages serve alone.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup, type OutputOptions, type RollupOptions } from 'rollup';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const sandbox = mkdtempSync(join(tmpdir(), 'partnerkit-cdn-clean-'));
after(() => rmSync(sandbox, { recursive: true, force: true }));

it('cleans only the output directory of the build being written', async () => {
  // The config reads the repository relative to the working directory.
  process.chdir(root);
  const configs = ((await import(pathToFileURL(join(root, 'rollup.config.mjs')).href)) as { default: RollupOptions[] }).default;
  const cdn = configs.find((c) => (c.output as OutputOptions | undefined)?.dir === 'packages/elements/dist/cdn');
  assert.ok(cdn, 'rollup.config.mjs has the CDN build');
  const plugins = (cdn.plugins as { name: string }[]).filter((p) => p.name === 'clean-cdn');
  assert.equal(plugins.length, 1, 'the CDN build has its clean-cdn plugin');

  // A sandbox standing in for the repository: a served CDN build, and a scratch build's leftovers.
  process.chdir(sandbox);
  mkdirSync('packages/elements/dist/cdn', { recursive: true });
  writeFileSync('packages/elements/dist/cdn/loader.js', 'export {};\n');
  mkdirSync('scratch/chunks', { recursive: true });
  writeFileSync('scratch/chunks/stale-0000.js', 'export {};\n');
  writeFileSync('entry.js', 'export const answer = 42;\n');
  try {
    const bundle = await rollup({ input: 'entry.js', plugins });
    try {
      await bundle.generate({ dir: 'elsewhere', format: 'esm' });
      await bundle.write({ dir: 'scratch', format: 'esm' });
    } finally {
      await bundle.close();
    }
    assert.ok(existsSync('packages/elements/dist/cdn/loader.js'), 'the served CDN build is still there');
    assert.ok(!existsSync('scratch/chunks/stale-0000.js'), 'the stale chunk in the directory written is gone');
    assert.ok(existsSync('scratch/entry.js'), 'and the new build is in it');
  } finally {
    process.chdir(root);
  }
});
