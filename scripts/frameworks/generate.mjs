#!/usr/bin/env node
// Generates the framework bindings of the PartnerKit tags from the elements' custom elements
// manifest: the React 19 JSX and Vue type declarations that @partnerkit/elements ships
// (packages/elements/types/) and the wrappers of @partnerkit/react (packages/react/src/). With
// `--check` it writes nothing and fails when a committed file is stale or one is missing or extra,
// like the manifest's own check. `npm run cem` runs it after the analyzer.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reactIndex, reactJsx, reactWrapper, vueComponents } from './emit.mjs';
import { readTags } from './model.mjs';

const root = new URL('../..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const elementsDir = join(root, 'packages/elements');
const model = readTags(elementsDir);

/** Every generated file: path -> text. The React package's `src/` holds generated files only. */
const files = new Map([
  [join(elementsDir, 'types/react.d.ts'), reactJsx(model)],
  [join(elementsDir, 'types/vue.d.ts'), vueComponents(model)],
  [join(root, 'packages/react/src/index.ts'), reactIndex(model.packageName, model.tags)],
  ...model.tags.map((tag) => [join(root, 'packages/react/src', `${tag.tag}.ts`), reactWrapper(model.packageName, tag)]),
]);
const generatedDirs = [join(root, 'packages/react/src')];

const stale = [];
for (const [path, text] of files) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === text) continue;
  stale.push(relative(root, path));
  if (!check) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
}
// A wrapper of a tag that no longer exists.
for (const dir of generatedDirs) {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const path = join(dir, name);
    if (files.has(path)) continue;
    stale.push(`${relative(root, path)} (no such tag any more)`);
    if (!check) rmSync(path);
  }
}

if (check) {
  if (stale.length) {
    console.error(`Framework bindings are stale (${stale.join(', ')}): run \`npm run cem\` and commit the result.`);
    process.exit(1);
  }
  console.log(`Framework bindings are up to date (${model.tags.length} tags).`);
} else {
  console.log(stale.length ? `Wrote ${stale.join(', ')}.` : 'Framework bindings were up to date.');
}
