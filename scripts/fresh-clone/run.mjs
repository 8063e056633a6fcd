#!/usr/bin/env node
// Every command the documentation shows, in a fresh clone after the README's install step (issue
// 19: `npx partnerkit-server` answered 404 there, because npm links a workspace's bin only if its
// file exists at install time). The clone is the working tree's files (tracked and new, none
// ignored) copied outside the workspace; `npm install` runs there as the README says; then each
// documented command runs as written, except for ports, data directories and URLs that would
// collide with another run or point at an example host. Commands that only `npm test` runs are
// proven by CI, which runs `npm ci` and `npm test` in a fresh clone of its own.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanEnv, freePort, run, start } from '../published/process.mjs';
import { documentedCommands } from './commands.mjs';

const { values: flags } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
const root = new URL('../..', import.meta.url).pathname;

/**
 * How each documented command is proven, by pattern (first match wins). `clone` commands run in
 * the fresh clone below; the others say where they are proven instead.
 */
const RULES = [
  [/^npm install$/, 'clone', 'the install step itself'],
  [/^npm install (--save-dev )?@partnerkit\//, 'elsewhere', 'a consumer project: proven by the published-packages check (scripts/published)'],
  [/^npx partnerkit-(server|conformance)$/, 'elsewhere', 'a bin named in prose: its documented forms run here, and the published check runs both from the tarballs'],
  [/^npx @stoplight\/prism-cli@\S+ proxy /, 'elsewhere', 'the kit against Prism\'s proxy: packages/conformance/test/openapi-proxy.test.ts runs it'],
  [/^npm run cem$/, 'elsewhere', '`npm test` runs its check (the manifest step)'],
  [/^npm run preview$/, 'elsewhere', 'an example\'s command: the published check runs every example as its README says'],
  [/^npx msw init /, 'clone', ''],
  [/^(npm test|npx web-test-runner |node --conditions=partnerkit-source --import tsx --test |PARTNERKIT_TEST_DATABASE_URL=\S+ node .* --test )/, 'elsewhere', 'a test suite: `npm test` runs it, in a fresh clone in CI'],
  [/^npm run (build|typecheck|lint|openapi)$/, 'elsewhere', '`npm test` runs it before or as the build, in a fresh clone in CI'],
  [/^npm run bench\b/, 'elsewhere', '`npm test` runs its quick mode; it builds what it measures'],
  [/^scripts\/pg-cluster\.sh start$/, 'elsewhere', 'CI starts its PostgreSQL with it (.ci/run)'],
  [/^export PARTNERKIT_ADMIN_KEY=/, 'clone', 'the key the conformance commands use'],
  [/^(npx partnerkit-server |node --conditions=partnerkit-source --import tsx packages\/server\/src\/cli\.ts |npx partnerkit-conformance |npm run dev -w @partnerkit\/conformance |npm start\b|KEY=|curl |npm run (storybook|build-storybook|docs|size)\b)/, 'clone', ''],
];

const commands = documentedCommands(root).map((c) => ({ ...c, rule: RULES.find(([pattern]) => pattern.test(c.command)) }));
const unknown = commands.filter((c) => !c.rule);
if (unknown.length) {
  console.error(`The docs show commands this check does not know; add them to scripts/fresh-clone/run.mjs:\n${unknown.map((c) => `  ${c.command}  (${c.where})`).join('\n')}`);
  process.exit(1);
}
const inClone = new Set(commands.filter((c) => c.rule[1] === 'clone').map((c) => c.command));
const done = new Set();
const results = [];
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

const dir = mkdtempSync(join(tmpdir(), 'partnerkit-fresh-clone-'));
const clone = join(dir, 'partnerkit');
const cleanup = [];
const started = performance.now();

/** Runs one step for `documented` (the commands it proves), and records the outcome. */
async function step(documented, work) {
  const since = performance.now();
  try {
    const detail = await work();
    for (const c of documented) done.add(c);
    results.push({ ok: true, text: `${documented.join(' | ')}  (${seconds(since)} s)${detail ? `: ${detail}` : ''}` });
  } catch (error) {
    results.push({ ok: false, text: `${documented.join(' | ')}: ${error.message}` });
  }
  console.log(`${results.at(-1).ok ? '✔' : '✖'} ${results.at(-1).text}`);
  return results.at(-1).ok;
}

const documented = (pattern) => [...inClone].filter((c) => pattern.test(c));
const bash = (command, env, options = {}) => run('bash', ['-c', command], { cwd: clone, env, ...options });
const serve = (command, env, ready) => start('bash', ['-c', `exec ${command}`], { cwd: clone, env, ready, timeout: 300_000 });

try {
  // The clone: what `git clone` would give, plus new files not yet committed.
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root }).toString().split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    try {
      cpSync(join(root, file), join(clone, file));
    } catch {
      // Deleted in the working tree but not yet in the index.
    }
  }
  const env = cleanEnv({ NO_COLOR: '1' });
  const installed = await step(['npm install'], async () => {
    await bash('npm install --no-audit --no-fund --prefer-offline --loglevel=error', env, { timeout: 900_000 });
  });

  if (installed) {
    // The server's CLI, as docs/server.md shows it: a key, then the server on that data directory.
    let key = '';
    await step(documented(/^npx partnerkit-server keys create/), async () => {
      for (const command of documented(/^npx partnerkit-server keys create/)) key = (await bash(command, env)).stdout.trim();
      if (!/^pk_admin_/.test(key)) throw new Error(`printed no admin key: ${key}`);
    });
    const serverPort = await freePort();
    let server;
    await step(documented(/^npx partnerkit-server start/), async () => {
      // Each form the docs show; the last keeps running for the kit.
      for (const command of documented(/^npx partnerkit-server start/)) {
        await server?.stop();
        server = await serve(command, { ...env, PORT: String(serverPort) }, /listening on (http:\/\/\S+)/);
      }
      cleanup.push(() => server.stop());
      return `serving ${server.match[1]}`;
    });
    if (server) {
      const url = server.match[1];
      // The kit, against that server (its OpenAPI area: this proves the command, the whole kit runs in the published check).
      const kitEnv = { ...env, PARTNERKIT_ADMIN_KEY: key, KEY: key };
      await step(documented(/^(npx partnerkit-conformance|npm run dev -w @partnerkit\/conformance|export PARTNERKIT_ADMIN_KEY=)/), async () => {
        for (const command of documented(/^(npx partnerkit-conformance|npm run dev -w @partnerkit\/conformance)/)) {
          await bash(`${command.replace(/--base-url \S+/, `--base-url ${url}`)} --only openapi`, kitEnv);
        }
      });
      await server.stop();
    }
    await step(documented(/^node --conditions=partnerkit-source --import tsx packages\/server\/src\/cli\.ts/), async () => {
      for (const command of documented(/^node --conditions=partnerkit-source --import tsx packages\/server\/src\/cli\.ts/)) {
        const again = await serve(command, { ...env, PORT: String(await freePort()) }, /listening on (http:\/\/\S+)/);
        await again.stop();
      }
    });

    // The demo (builds the CDN bundle on its first start), then getting-started.md's curl commands against it.
    await step(documented(/^(npm start|KEY=|curl )/), async () => {
      const port = await freePort();
      const demo = await serve('npm start', { ...env, PORT: String(port) }, /demo ready in [\d.]+ s: (http:\/\/\S+)\//);
      try {
        const shell = documented(/^(KEY=|curl )/).map((c) => c.replaceAll('127.0.0.1:8787', `127.0.0.1:${port}`));
        const { stdout } = await bash(`set -e -o pipefail\n${shell.join('\n')}`, env);
        if (!stdout.includes('"token"') || !stdout.includes('"data"')) throw new Error(`the curl commands answered ${stdout.slice(0, 300)}`);
      } finally {
        await demo.stop();
      }
      // Its documented options, each on its own start (ports made free; data directories moved
      // into the clone's temporary directory, one for all, so only the first of them seeds).
      for (const command of documented(/^npm start -- /)) {
        const variant = command.replace(/--port \d+/, `--port ${await freePort()}`).replace(/--data-dir \S+/, `--data-dir ${join(dir, 'demo-data-dir')}`);
        const options = variant.includes('--port') ? env : { ...env, PORT: String(await freePort()) };
        await (await serve(variant, options, /demo ready in [\d.]+ s/)).stop();
      }
    });

    await step(documented(/^npm run storybook$/), async () => {
      const port = await freePort();
      const storybook = await serve(`npm run storybook -- --port ${port} --ci`, env, /Storybook .* started|Local:\s+http/);
      try {
        const index = await fetch(`http://localhost:${port}/index.json`);
        if (!index.ok) throw new Error(`its index answered ${index.status}`);
      } finally {
        await storybook.stop();
      }
    });
    // docs/mock.md's worker file, as an embedder's project gets it (the clone is thrown away, so
    // its package.json may take msw's --save entry).
    await step(documented(/^npx msw init /), async () => {
      for (const command of documented(/^npx msw init /)) {
        await bash(command, env);
        const worker = join(clone, /init (\S+)/.exec(command)[1], 'mockServiceWorker.js');
        if (!existsSync(worker)) throw new Error(`wrote no ${worker}`);
      }
    });
    // Before any full build: each of these must build or read what it needs itself.
    for (const pattern of [/^npm run build-storybook$/, /^npm run docs$/, /^npm run size$/, /^npm run size -- --check$/]) {
      await step(documented(pattern), async () => {
        for (const command of documented(pattern)) await bash(command, env, { timeout: 900_000 });
      });
    }
  }
} finally {
  for (const stop of cleanup.reverse()) await stop();
  if (flags.keep) console.log(`Kept ${clone}`);
  else rmSync(dir, { recursive: true, force: true });
}

const missed = [...inClone].filter((c) => !done.has(c));
const failed = results.filter((r) => !r.ok).length + missed.length;
for (const c of missed) console.log(`✖ ${c}: not run`);
for (const c of commands.filter((c) => c.rule[1] === 'elsewhere')) console.log(`  ${c.command}: ${c.rule[2]}`);
console.log(`\nfresh clone: ${inClone.size - missed.length - results.filter((r) => !r.ok).length} passed, ${failed} failed (${seconds(started)} s)`);
process.exit(failed ? 1 : 0);
