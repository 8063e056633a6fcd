#!/usr/bin/env node
// Runs `npm run build` when a workspace package or the elements' CDN bundle has no build yet (a
// fresh clone), so commands that read the build, such as `npm run size`, work right after
// `npm install`. A build that exists is left alone: rebuild after changing sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// A package's main module is the last thing its build writes (declarations alone come from `tsc -b`).
const missing = workspaces.filter((dir) => {
  const { main } = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  return main !== undefined && !existsSync(join(root, dir, main));
});
if (!existsSync(join(root, 'packages/elements/dist/cdn/loader.js'))) missing.push('packages/elements/dist/cdn');
if (missing.length) {
  console.error(`No build yet (${missing.join(', ')}): running \`npm run build\` first.`);
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(build.status ?? 1);
}
