/**
 * Importing the elements in Node (server rendering, tests, static-site builds) must not crash:
 * every class module, and the define modules, load under Lit's Node build and its DOM shim.
 * The imports run in a child process: it needs the elements' tsconfig (legacy decorators), and
 * keeps Lit's global shims out of the other suites.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const src = new URL('../src/', import.meta.url);
const modules = [
  'index.ts',
  'platform/index.ts',
  'partnerkit-provider/index.ts',
  ...readdirSync(new URL('events/', src)).filter((f) => f.endsWith('.ts')).map((f) => `events/${f}`),
  ...readdirSync(new URL('define/', src)).filter((f) => f.endsWith('.ts')).map((f) => `define/${f}`),
];

test('every class, event and define module imports in Node', () => {
  const script = `
    const results = {};
    for (const path of ${JSON.stringify(modules.map((m) => new URL(m, src).href))}) {
      try { await import(path); results[path.split('/src/')[1]] = 'ok'; }
      catch (error) { results[path.split('/src/')[1]] = String(error && error.stack || error); }
    }
    const tags = ['partnerkit-provider', 'partner-scorecard', 'deal-register', 'resource-library'];
    results.defined = tags.filter((tag) => globalThis.customElements?.get(tag)).join(',');
    process.stdout.write('RESULT' + JSON.stringify(results));
  `;
  const child = spawnSync(process.execPath, ['--conditions=partnerkit-source', '--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, TSX_TSCONFIG_PATH: new URL('../tsconfig.json', import.meta.url).pathname },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(child.status, 0, child.stderr);
  const results = JSON.parse(child.stdout.slice(child.stdout.indexOf('RESULT') + 'RESULT'.length)) as Record<string, string>;
  const { defined, ...imports } = results;
  for (const [module, outcome] of Object.entries(imports)) assert.equal(outcome, 'ok', `${module} failed to import in Node:\n${outcome}`);
  assert.equal(Object.keys(imports).length, modules.length);
  assert.equal(defined, 'partnerkit-provider,partner-scorecard,deal-register,resource-library');
});
