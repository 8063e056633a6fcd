#!/usr/bin/env node
// Generates custom-elements.json with @custom-elements-manifest/analyzer, or with `--check`
// generates it aside and fails when the committed one differs (a stale manifest misleads
// Storybook, IDEs and framework wrappers).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const packageDir = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
// The analyzer takes outdir relative to the package (an absolute path is joined onto it).
const outdir = check ? '.tmp/cem-check' : '.';

const result = spawnSync('npx', ['--no-install', 'cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outdir, '--quiet'], {
  cwd: packageDir,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);

// The analyzer lists modules in the order its file reads finish, which varies from run to run:
// sorted by path, the same sources always give the same file.
const generatedPath = join(packageDir, outdir, 'custom-elements.json');
const manifest = JSON.parse(readFileSync(generatedPath, 'utf8'));
manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
writeFileSync(generatedPath, `${JSON.stringify(manifest, null, 2)}\n`);

if (check) {
  const committedPath = join(packageDir, 'custom-elements.json');
  const fresh = readFileSync(generatedPath, 'utf8');
  rmSync(join(packageDir, outdir), { recursive: true, force: true });
  if (!existsSync(committedPath) || JSON.stringify(JSON.parse(readFileSync(committedPath, 'utf8'))) !== JSON.stringify(JSON.parse(fresh))) {
    console.error('packages/elements/custom-elements.json is stale: run `npm run cem` and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
}
