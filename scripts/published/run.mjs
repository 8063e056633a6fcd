#!/usr/bin/env node
// "The packages as published" (issue 19): packs every workspace package, installs the tarballs
// into one fresh project outside the workspace (from the npm registry, through the npm cache),
// and proves there what an integrator does: the server's CLI and the conformance kit, every entry
// point from ESM and CommonJS on two Node versions, the types at both ends of the supported
// TypeScript range, every example in Chromium against the reference server, and every widget on
// a Vite dev server. Run by `npm test` after the build; alone: `node scripts/published/run.mjs`.
//
//   --only examples,types   some checks (the server starts when one needs it)
//   --keep                  keep the project (its path is printed) for a look afterwards
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readTags } from '../frameworks/model.mjs';
import { ensureNode, SECOND_NODE_VERSION } from '../node-runtime.mjs';
import { conformanceCheck } from './checks/conformance.mjs';
import { examplesCheck } from './checks/examples.mjs';
import { importsCheck } from './checks/imports.mjs';
import { serverCheck } from './checks/server.mjs';
import { typesCheck } from './checks/types.mjs';
import { viteDevCheck } from './checks/vite-dev.mjs';
import { launchChromium } from './browser.mjs';
import { packAll } from './pack.mjs';
import { freePort } from './process.mjs';
import { createProject, readExamples } from './project.mjs';

/**
 * What the checks share.
 * @typedef {object} Context
 * @property {string} root the workspace
 * @property {string} project the fresh project
 * @property {Record<string, number>} ports a free port per example and page, allowed by the server's CORS list
 * @property {string[]} examples the examples' directory names
 * @property {(name: string) => any} exampleManifest an example's package.json
 * @property {() => import('../frameworks/model.mjs').TagModel[]} tags every tag of the published manifest
 * @property {{ url: string, adminKey: string, partnerId: string } | undefined} server the reference server, once started
 * @property {() => { url: string, adminKey: string, partnerId: string }} requireServer
 * @property {() => Promise<import('puppeteer-core').Browser>} browser one Chromium for every page
 * @property {string} secondNodeVersion
 * @property {() => string} secondNode the second Node's binary
 * @property {(() => Promise<void> | void)[]} cleanup
 */

const { values: flags } = parseArgs({ options: { only: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const root = new URL('../..', import.meta.url).pathname;

/** The checks, in order; those in one group run at the same time (they share no state). */
const CHECKS = [
  [{ name: 'server', run: serverCheck }],
  [
    { name: 'conformance', run: conformanceCheck, needsServer: true },
    { name: 'imports', run: importsCheck },
    { name: 'types', run: typesCheck },
  ],
  [{ name: 'examples', run: examplesCheck, needsServer: true }],
  [{ name: 'vite-dev', run: viteDevCheck, needsServer: true }],
];
const wanted = flags.only ? new Set(flags.only.split(',')) : null;
const selected = CHECKS.map((group) =>
  group.filter((check) => !wanted || wanted.has(check.name) || (check.name === 'server' && CHECKS.flat().some((c) => c.needsServer && wanted.has(c.name)))),
).filter((group) => group.length);

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
const results = [];
async function timed(name, work) {
  const started = performance.now();
  try {
    const detail = await work();
    results.push({ name, ok: true, seconds: seconds(started), detail });
  } catch (error) {
    results.push({ name, ok: false, seconds: seconds(started), detail: error instanceof Error ? error.message : String(error) });
  }
  const last = results.at(-1);
  console.log(`${last.ok ? '✔' : '✖'} ${name.padEnd(12)} ${last.seconds.padStart(6)} s  ${last.detail ?? ''}`);
  return last.ok;
}

const dir = mkdtempSync(join(tmpdir(), 'partnerkit-published-'));
const examples = readExamples(root);
let chromium;
let secondNode;
/** @type {Context} */
const ctx = {
  root,
  project: '',
  ports: {},
  examples: [...examples.keys()].sort(),
  exampleManifest: (name) => examples.get(name),
  tags: () => readTags(join(ctx.project, 'node_modules', '@partnerkit', 'elements')).tags,
  server: undefined,
  requireServer: () => {
    if (!ctx.server) throw new Error('the server check did not pass');
    return ctx.server;
  },
  browser: async () => (chromium ??= await launchChromium({ tmpDir: dir })).browser,
  secondNodeVersion: SECOND_NODE_VERSION,
  secondNode: () => (secondNode ??= ensureNode(SECOND_NODE_VERSION)),
  cleanup: [],
};

console.log(`The packages as published, in ${dir}`);
const started = performance.now();
try {
  let tarballs;
  const ready =
    (await timed('pack', async () => {
      const packed = await packAll(root, dir);
      tarballs = packed.tarballs;
      return packed.packed.map((p) => `${p.name} ${(p.size / 1024).toFixed(0)} KB`).join(', ');
    })) &&
    (await timed('install', async () => {
      ctx.project = await createProject({ root, dir, tarballs });
      for (const name of [...ctx.examples, 'vite-dev']) ctx.ports[name] = await freePort();
      return `${tarballs.size} tarballs and what ${ctx.examples.length} examples need, into ${ctx.project}`;
    }));
  if (ready) {
    for (const group of selected) await Promise.all(group.map((check) => timed(check.name, () => check.run(ctx))));
  }
} finally {
  for (const step of ctx.cleanup.reverse()) await step();
  await chromium?.close();
  if (flags.keep) console.log(`Kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok);
console.log(`\npublished: ${results.length - failed.length} passed, ${failed.length} failed (${seconds(started)} s)`);
process.exit(failed.length ? 1 : 0);
