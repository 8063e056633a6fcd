#!/usr/bin/env node
// What a consumer installs: each workspace package packed as npm would publish it, then checked by
// publint (exports, files, fields) and by attw (types resolve for every ESM resolution mode; the
// packages are ESM only, so CommonJS `require` is out of scope). Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// Every workspace package (root package.json), so one added later is checked without a change here.
const PACKAGES = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).workspaces.map((dir) => dir.replace(/^packages\//, ''));
const checks = (dir) => [
  ['publint', ['--no-install', 'publint', '--strict', dir]],
  ['attw', ['--no-install', 'attw', '--pack', dir, '--profile', 'esm-only', '--format', 'ascii']],
];

let failed = 0;
for (const name of PACKAGES) {
  for (const [tool, args] of checks(`packages/${name}`)) {
    const result = spawnSync('npx', args, { encoding: 'utf8' });
    const ok = result.status === 0;
    console.log(`${ok ? '✔' : '✘'} @partnerkit/${name}: ${tool}`);
    if (!ok) {
      failed += 1;
      console.log(`${result.stdout}${result.stderr}`);
    }
  }
}
process.exit(failed ? 1 : 0);
