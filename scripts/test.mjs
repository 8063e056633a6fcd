#!/usr/bin/env node
// `npm test`: every check the project has, in order, each one real. Prints a summary table and
// exits non-zero when any step fails.
//
//   npm test                 all steps
//   npm test -- --only node  one step (by name), or a comma-separated list
//   npm test -- --from node  from that step on
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from './chromium.mjs';
import { ensureNode, SECOND_NODE_VERSION } from './node-runtime.mjs';

const { values: flags } = parseArgs({
  options: { only: { type: 'string' }, from: { type: 'string' } },
});

const root = new URL('..', import.meta.url).pathname;

/** Test files of the Node suites: every package's `test/` except the elements' browser tests. */
function nodeTestFiles() {
  const files = [];
  const walk = (dir, pick) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, pick);
      else if (pick(path)) files.push(path);
    }
  };
  for (const pkg of ['core', 'server', 'conformance', 'mock']) walk(join('packages', pkg, 'test'), (p) => p.endsWith('.test.ts'));
  // The demo's end-to-end test and the docs' link check.
  walk('demo/test', (p) => p.endsWith('.test.ts'));
  // Elements' tests run in Chromium, except the Node import smoke tests (`*.node.test.ts`).
  walk(join('packages', 'elements', 'test'), (p) => p.endsWith('.node.test.ts'));
  return files;
}

/**
 * The suites that run on the second supported Node too: the server and its CLI, the client (unit
 * and against the server), and the conformance kit.
 */
const secondNodeFiles = () => nodeTestFiles().filter((file) => /^packages\/(server|conformance)\/test\/|^packages\/core\/test\/client(-server)?\//.test(file));
let secondNode = '';

/** Chromium for the steps that drive a browser, or an error that says how to get one. */
function requireChromium() {
  const chrome = findChromium();
  if (!chrome) {
    throw new Error(
      'No Chromium found for the browser tests. Install it with `apt-get install -y chromium` ' +
        '(Debian) or point CHROME_PATH at a Chrome or Chromium binary.',
    );
  }
  process.env.CHROME_PATH = chrome;
}

/** A throwaway PostgreSQL cluster for the server suites, when the machine has PostgreSQL. */
function ensurePostgres() {
  if (process.env.PARTNERKIT_TEST_DATABASE_URL) return null;
  // A cluster someone else started (another run, a developer) is used and left running.
  const running = spawnSync('bash', ['scripts/pg-cluster.sh', 'status'], { cwd: root }).status === 0;
  const started = spawnSync('bash', ['scripts/pg-cluster.sh', 'start'], { cwd: root, encoding: 'utf8' });
  if (started.status !== 0) {
    const why = (started.stderr || '').trim().split('\n').pop();
    console.warn(`\n! PostgreSQL suites will be skipped: ${why || 'could not start a cluster'}`);
    console.warn('  Install it with `apt-get install -y postgresql`, or set PARTNERKIT_TEST_DATABASE_URL.\n');
    return null;
  }
  process.env.PARTNERKIT_TEST_DATABASE_URL = started.stdout.trim();
  console.log(`PostgreSQL for the server suites: ${process.env.PARTNERKIT_TEST_DATABASE_URL}`);
  return running ? null : () => spawnSync('bash', ['scripts/pg-cluster.sh', 'stop'], { cwd: root });
}

const npx = (...args) => ['npx', '--no-install', ...args];

const steps = [
  { name: 'typecheck', cmd: npx('tsc', '-p', 'tsconfig.check.json') },
  { name: 'lint', cmd: ['npm', 'run', '-s', 'lint'] },
  { name: 'build', cmd: ['npm', 'run', '-s', 'build'] },
  { name: 'packages', cmd: ['node', 'scripts/check-packages.mjs'] },
  // The packed packages in a fresh project outside the workspace, and the examples in Chromium.
  { name: 'published', before: requireChromium, cmd: ['node', 'scripts/published/run.mjs'] },
  { name: 'openapi', cmd: ['npm', 'run', '-s', 'openapi:check'] },
  {
    name: 'node',
    cmd: () => [
      'node',
      '--conditions=partnerkit-source',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-concurrency=2',
      ...nodeTestFiles(),
    ],
  },
  {
    // The same suites on the newest LTS Node (from the npm registry, installed on first use).
    name: `node${SECOND_NODE_VERSION.split('.')[0]}`,
    before() {
      secondNode = ensureNode(SECOND_NODE_VERSION);
    },
    cmd: () => [secondNode, '--conditions=partnerkit-source', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...secondNodeFiles()],
  },
  { name: 'browser', before: requireChromium, cmd: npx('web-test-runner', '--config', 'web-test-runner.config.mjs') },
  { name: 'storybook', cmd: ['npm', 'run', '-s', 'build-storybook'] },
  { name: 'typedoc', cmd: ['npm', 'run', '-s', 'docs'] },
  { name: 'manifest', cmd: ['npm', 'run', '-s', 'cem:check'] },
  { name: 'size', cmd: ['npm', 'run', '-s', 'size', '--', '--check'] },
  { name: 'bench', cmd: ['npm', 'run', '-s', 'bench', '--', '--quick'] },
  // Every command the docs show, in a fresh clone after `npm install`.
  { name: 'fresh-clone', cmd: ['node', 'scripts/fresh-clone/run.mjs'] },
];

function selected() {
  if (flags.only) {
    const names = flags.only.split(',');
    return steps.filter((s) => names.includes(s.name));
  }
  if (flags.from) return steps.slice(Math.max(0, steps.findIndex((s) => s.name === flags.from)));
  return steps;
}

function run([command, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}

const stopPostgres = selected().some((s) => s.name.startsWith('node') || s.name === 'bench') ? ensurePostgres() : null;
const results = [];
for (const step of selected()) {
  const started = performance.now();
  console.log(`\n━━ ${step.name} ${'━'.repeat(Math.max(0, 70 - step.name.length))}`);
  let code;
  try {
    step.before?.();
    code = await run(typeof step.cmd === 'function' ? step.cmd() : step.cmd);
  } catch (error) {
    console.error(`✖ ${error.message}`);
    code = 1;
  }
  results.push({ name: step.name, ok: code === 0, seconds: (performance.now() - started) / 1000 });
  // Nothing after a broken build means anything.
  if (code !== 0 && (step.name === 'typecheck' || step.name === 'build')) break;
}
stopPostgres?.();

const failed = results.filter((r) => !r.ok);
console.log('\n━━ summary ' + '━'.repeat(63));
for (const r of results) console.log(`${r.ok ? '✔' : '✖'} ${r.name.padEnd(12)} ${r.seconds.toFixed(1).padStart(7)} s`);
const skipped = selected().length - results.length;
console.log(`\nsteps: ${results.length - failed.length} passed, ${failed.length} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed.length || skipped ? 1 : 0);
