// Every public entry point of every package, imported from ESM and required from CommonJS (Node's
// `require(esm)`: 20.19+, 22.12+, 24) in the fresh project, on the machine's Node and on the
// second supported one; and the React wrappers rendered on the server (`renderToString`, as
// Next.js renders client components), which must not touch the DOM.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, run } from '../process.mjs';

/** `@partnerkit/core/client`, ...: the subpaths of a package's exports that load JavaScript. */
function entryPoints(project) {
  const dir = join(project, 'node_modules', '@partnerkit');
  return readdirSync(dir).flatMap((name) => {
    const manifest = JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8'));
    return Object.entries(manifest.exports ?? { '.': manifest.main })
      .filter(([key, target]) => !key.includes('*') && !key.endsWith('.json') && (typeof target === 'string' || target?.default))
      .map(([key]) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
  });
}

const esm = (entries) => `
const failed = [];
for (const entry of ${JSON.stringify(entries)}) {
  try { await import(entry); } catch (error) { failed.push(entry + ': ' + (error?.stack ?? error)); }
}
if (failed.length) { console.error(failed.join('\\n')); process.exit(1); }
console.log('imported ' + ${entries.length} + ' entry points');
`;

const cjs = (entries) => `
const failed = [];
for (const entry of ${JSON.stringify(entries)}) {
  try { require(entry); } catch (error) { failed.push(entry + ': ' + (error?.stack ?? error)); }
}
const { createClient, isPartnerKitError, NotFoundError } = require('@partnerkit/core/client');
const error = new NotFoundError({ request: { method: 'GET', url: 'https://prm.example.com/v1/deals/d_1' }, problem: { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' }, requestId: null });
if (typeof createClient !== 'function' || !isPartnerKitError(error) || error.code !== 'not_found') failed.push('@partnerkit/core/client: unexpected exports');
if (failed.length) { console.error(failed.join('\\n')); process.exit(1); }
console.log('required ' + ${entries.length} + ' entry points');
`;

const ssr = (tags) => `
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import * as wrappers from '@partnerkit/react';
const { PartnerKitProvider, ...widgets } = wrappers;
const html = renderToString(h(PartnerKitProvider, { baseUrl: 'https://prm.example.com/api', sessionUrl: '/partnerkit/session' },
  ...Object.values(widgets).map((Widget, key) => h(Widget, { key, onError: () => {} }))));
const missing = ${JSON.stringify(tags)}.filter((tag) => !html.includes('<' + tag));
if (missing.length) { console.error('no ' + missing.join(', ') + ' in ' + html); process.exit(1); }
console.log('rendered ' + Object.keys(wrappers).length + ' wrappers on the server');
`;

/** @param {import('../run.mjs').Context} ctx */
export async function importsCheck(ctx) {
  const entries = entryPoints(ctx.project);
  const dir = join(ctx.project, 'checks');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'import-all.mjs'), esm(entries));
  writeFileSync(join(dir, 'require-all.cjs'), cjs(entries));
  writeFileSync(join(dir, 'react-ssr.mjs'), ssr(ctx.tags().map((t) => t.tag)));
  const results = [];
  for (const [label, node] of [[`Node ${process.versions.node}`, process.execPath], [`Node ${ctx.secondNodeVersion}`, ctx.secondNode()]]) {
    for (const script of ['import-all.mjs', 'require-all.cjs', 'react-ssr.mjs']) {
      const { stdout } = await run(node, [join(dir, script)], { cwd: ctx.project, env: cleanEnv() });
      results.push(`${label}: ${stdout.trim()}`);
    }
  }
  return results.join('; ');
}
