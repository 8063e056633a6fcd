#!/usr/bin/env node
// Generates custom-elements.json with @custom-elements-manifest/analyzer, or with `--check`
// generates it aside and fails when the committed one differs (a stale manifest misleads
// Storybook, IDEs and framework wrappers).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';
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

if (check) {
  const committedPath = join(packageDir, 'custom-elements.json');
  const fresh = readFileSync(join(packageDir, outdir, 'custom-elements.json'), 'utf8');
  rmSync(join(packageDir, outdir), { recursive: true, force: true });
  if (!existsSync(committedPath) || JSON.stringify(JSON.parse(readFileSync(committedPath, 'utf8'))) !== JSON.stringify(JSON.parse(fresh))) {
    console.error('packages/elements/custom-elements.json is stale: run `npm run cem` and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
}
