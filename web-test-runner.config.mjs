// Browser tests of @partnerkit/elements, in Debian's Chromium through puppeteer-core.
//
//   npx web-test-runner --config web-test-runner.config.mjs                   every group
//   npx web-test-runner --config web-test-runner.config.mjs --group platform  one group
//
// Each directory under packages/elements/test is a group (one per component). Sources are served
// straight from TypeScript (esbuild) under the workspace's `partnerkit-source` export condition. Tests that need the
// reference backend call the `pk-reference-server` commands (see
// packages/elements/test/platform/reference-server.ts); the admin key stays in this process.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import * as puppeteer from 'puppeteer-core';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const testRoot = 'packages/elements/test';
const testFiles = (dir) => [`${dir}/**/*.test.ts`, `!${dir}/**/*.node.test.ts`];

// One group per component directory (platform, provider, cdn, partner-scorecard, ...).
const groups = readdirSync(testRoot)
  .filter((name) => statSync(join(testRoot, name)).isDirectory())
  .map((name) => ({ name, files: testFiles(join(testRoot, name)) }));

/**
 * Starts the reference server (`@partnerkit/server`) once per run, on first use, in a child Node
 * process that reads TypeScript sources, and answers these commands from browser tests:
 *  - `pk-reference-server`: starts it; `{ starting: true }` until ready, then `{ baseUrl, origin }`
 *    (its API root, CORS-free through /pk-api, and its own origin, which does not allow the test
 *    page's: for the CORS diagnosis), or `{ error }`;
 *  - `pk-mint-session` with a SessionInput: `{ token, expiresAt }` minted with the admin key;
 *  - `pk-admin-request` with `{ method, path, body? }`: an admin call, for fixtures.
 * The admin key never leaves this process.
 */
function referenceServerPlugin() {
  let starting;
  let child;
  let serverReady = false;
  let serverOrigin;
  let serverError;
  const start = () =>
    (starting ??= new Promise((resolve, reject) => {
      child = spawn(process.execPath, ['--conditions=partnerkit-source', '--import', 'tsx', `${testRoot}/platform/reference-server/main.ts`], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        serverError ??= `the reference server exited (${code}) before it was ready`;
        reject(new Error(serverError));
      });
      createInterface({ input: child.stdout }).on('line', (line) => {
        try {
          const ready = JSON.parse(line);
          if (ready.origin && ready.adminKey) {
            serverReady = true;
            serverOrigin = ready.origin;
            resolve(ready);
          }
        } catch {
          // server log lines: ignore
        }
      });
    }));

  const admin = async (method, path, body) => {
    const { origin, adminKey } = await start();
    const response = await fetch(new URL(`/v1${path}`, origin), {
      method,
      headers: { authorization: `Bearer ${adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  // Same-origin proxy (/pk-api -> the server), so tests exercise the widgets, not the server's CORS list.
  const proxy = async (ctx, next) => {
    if (!ctx.path.startsWith('/pk-api/')) return next();
    const { origin } = await start();
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const headers = {};
    for (const name of ['authorization', 'content-type', 'idempotency-key', 'accept', 'origin']) {
      if (ctx.get(name)) headers[name] = ctx.get(name);
    }
    const response = await fetch(new URL(ctx.url.slice('/pk-api'.length), origin), {
      method: ctx.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    ctx.status = response.status;
    response.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) ctx.set(name, value);
    });
    ctx.body = Buffer.from(await response.arrayBuffer());
  };

  // The host site's session endpoint (the Stripe Connect pattern): its server mints a session with
  // the admin key and hands the page `{ token, expiresAt }`. `?role=manager` or `?partnerId=...`.
  const hostSession = async (ctx, next) => {
    if (ctx.path !== '/pk-host/session') return next();
    const partnerId = ctx.query.partnerId;
    const input = partnerId ? { role: 'partner', partnerId, user: { id: `user-${partnerId}` } } : { role: 'manager', user: { id: 'host-manager' } };
    const { status, body } = await admin('POST', '/sessions', input);
    ctx.status = status;
    ctx.body = body;
  };

  return {
    middleware: [proxy, hostSession],
    name: 'partnerkit-reference-server',
    async executeCommand({ command, payload }) {
      if (command === 'pk-reference-server') {
        // Answers at once (commands time out after 20 s; starting can take longer on a busy
        // machine): the browser side polls until the server is ready.
        start().catch(() => {}); // the outcome is read from serverReady / serverError
        await new Promise((resolve) => setTimeout(resolve, 250));
        if (serverError) return { error: serverError };
        return serverReady ? { baseUrl: '/pk-api', origin: serverOrigin } : { starting: true };
      }
      if (command === 'pk-mint-session') {
        const { status, body } = await admin('POST', '/sessions', payload);
        if (status !== 201 && status !== 200) throw new Error(`minting a session failed: ${status} ${JSON.stringify(body)}`);
        return body;
      }
      if (command === 'pk-admin-request') {
        return admin(payload.method, payload.path, payload.body);
      }
      return undefined;
    },
    serverStop() {
      child?.removeAllListeners('exit');
      child?.kill('SIGTERM');
    },
  };
}

const referenceServer = referenceServerPlugin();

// The built CDN bundle again under another URL, so a page can load two copies of it (ES modules
// are keyed by URL). /pk-cdn-copy/x.js serves packages/elements/dist/cdn/x.js.
const secondCdnCopy = (ctx, next) => {
  if (ctx.path.startsWith('/pk-cdn-copy/')) ctx.url = `/packages/elements/dist/cdn/${ctx.url.slice('/pk-cdn-copy/'.length)}`;
  return next();
};

export default {
  rootDir: '.',
  groups,
  // Workspace packages from TypeScript source, Lit and PartnerKit in their development builds.
  nodeResolve: { exportConditions: ['partnerkit-source', 'development'], browser: true },
  concurrency: 2,
  concurrentBrowsers: 1,
  // Per test file; generous because a busy 2-core machine can be slow to compile a widget's sources.
  testsFinishTimeout: 240_000,
  testFramework: { config: { timeout: 10_000 } },
  browsers: [
    chromeLauncher({
      puppeteer,
      // Each test page in its own browser context (its own window), so no page is a background
      // tab whose requestAnimationFrame never fires.
      createPage: async ({ browser }) => {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        page.once('close', () => context.close().catch(() => {}));
        return page;
      },
      // CHROME_PATH or Debian's Chromium, headless, with the flags every PartnerKit tool uses
      // (they keep each test page's frames and timers running at full speed).
      launchOptions: chromiumLaunchOptions(),
    }),
  ],
  middleware: [...referenceServer.middleware, secondCdnCopy],
  plugins: [
    // The elements' tsconfig holds `experimentalDecorators` itself (the plugin ignores `extends`).
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' }),
    referenceServer,
  ],
};
