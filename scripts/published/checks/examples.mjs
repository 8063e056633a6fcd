// Every example of examples/, run the way its README says, against the server the check started:
// type-checked with its own `typecheck` script, built with its own `build`, served with its own
// `start` or `preview`, and opened in Chromium, where every widget must render the partner's data
// (and, in the React and Vue apps, a deal registered through the form must reach the app's
// callback). Prints the JavaScript each page loaded and each build's output, gzipped.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expectWidgets, registerDeal } from '../browser.mjs';
import { cleanEnv, run, start } from '../process.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The JavaScript of a Vite build's output, raw and gzipped. */
function buildSize(distDir) {
  const assets = join(distDir, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const bodies = files.map((f) => readFileSync(join(assets, f)));
  return { bytes: bodies.reduce((s, b) => s + b.length, 0), gzipBytes: bodies.reduce((s, b) => s + gzipSync(b, { level: 6 }).length, 0) };
}

/**
 * The Next-style example without Next.js: Vite serves its client component on a page and routes
 * `/partnerkit/session` to `app/partnerkit/session/route.ts`'s `GET`, called with a Web `Request`
 * as Next.js calls it.
 */
function writeNextHarness(dir) {
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Next-style check</title></head><body><div id="root"></div><script type="module" src="/check-entry.tsx"></script></body></html>\n');
  writeFileSync(
    join(dir, 'check-entry.tsx'),
    `import { createRoot } from 'react-dom/client';
import { PartnerPortal } from './app/partner/partner-portal';
createRoot(document.getElementById('root')!).render(<PartnerPortal backendUrl={import.meta.env.VITE_PARTNERKIT_URL} />);
`,
  );
  writeFileSync(
    join(dir, 'check.vite.config.mjs'),
    `import { existsSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** App Router route handlers: app/<path>/route.ts answers <path> with its exported method. */
const routeHandlers = () => ({
  name: 'app-router-route-handlers',
  configureServer(server) {
    server.middlewares.use(async (req, res, next) => {
      const { pathname } = new URL(req.url, 'http://localhost');
      const file = 'app' + pathname + '/route.ts';
      if (!existsSync(file)) return next();
      const handler = (await server.ssrLoadModule('/' + file))[req.method];
      if (typeof handler !== 'function') return res.writeHead(405).end();
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
      const response = await handler(new Request(new URL(req.url, 'http://' + req.headers.host), { method: req.method, headers }));
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
    });
  },
});

export default defineConfig({ plugins: [react(), routeHandlers()], logLevel: 'info' });
`,
  );
}

/** @param {import('../run.mjs').Context} ctx */
export async function examplesCheck(ctx) {
  const { url, adminKey, partnerId } = ctx.requireServer();
  const env = cleanEnv({ PARTNERKIT_URL: url, VITE_PARTNERKIT_URL: url, PARTNERKIT_ADMIN_KEY: adminKey, PARTNERKIT_PARTNER_ID: partnerId, NO_COLOR: '1' });
  const dir = (name) => join(ctx.project, 'examples', name);
  const npm = (name, args, options = {}) => run('npm', ['run', '--silent', ...args], { cwd: dir(name), env, ...options });
  const tags = ['partnerkit-provider', 'partner-scorecard', 'deal-register', 'resource-library'];
  const lines = [];

  // Type-check every example that has a typecheck script, in parallel.
  const typed = ctx.examples.filter((name) => ctx.exampleManifest(name).scripts?.typecheck);
  await Promise.all(typed.map((name) => npm(name, ['typecheck'])));
  lines.push(`type-checked: ${typed.join(', ')}`);

  // Build the Vite apps one after the other (each uses every core); the Next-style page is built
  // with Vite too, for a bundle size comparable with the others (Next.js would bundle it itself).
  const vite = join(ctx.project, 'node_modules', 'vite', 'bin', 'vite.js');
  writeNextHarness(dir('next-route-handler'));
  const buildSizes = new Map();
  for (const name of ctx.examples) {
    if (ctx.exampleManifest(name).scripts?.build?.startsWith('vite')) await npm(name, ['build']);
    else if (name === 'next-route-handler') await run(process.execPath, [vite, 'build', '--config', 'check.vite.config.mjs'], { cwd: dir(name), env });
    else continue;
    buildSizes.set(name, buildSize(join(dir(name), 'dist')));
  }

  const browser = await ctx.browser();
  const serve = {
    'static-site': (port) => start('npm', ['start'], { cwd: dir('static-site'), env: { ...env, PORT: String(port) }, ready: /on http:\/\/127\.0\.0\.1:\d+/ }),
    express: (port) => start('npm', ['start'], { cwd: dir('express'), env: { ...env, PORT: String(port) }, ready: /on http:\/\/127\.0\.0\.1:\d+/ }),
    'react-vite': (port) => start('npm', ['run', 'preview', '--', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: dir('react-vite'), env, ready: /http:\/\/127\.0\.0\.1:\d+/ }),
    'vue-vite': (port) => start('npm', ['run', 'preview', '--', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: dir('vue-vite'), env, ready: /http:\/\/127\.0\.0\.1:\d+/ }),
    'next-route-handler': (port) =>
      start(process.execPath, [vite, '--config', 'check.vite.config.mjs', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
        cwd: dir('next-route-handler'),
        env,
        ready: /http:\/\/127\.0\.0\.1:\d+/,
      }),
  };
  const unknown = ctx.examples.filter((name) => !serve[name]);
  if (unknown.length) throw new Error(`no way to run examples/${unknown.join(', examples/')}: add it to scripts/published/checks/examples.mjs`);

  for (const name of ctx.examples) {
    const port = ctx.ports[name];
    const server = await serve[name](port);
    try {
      // The apps that report a registration through their own state prove the typed callbacks end to end.
      const reacts = name === 'react-vite' || name === 'vue-vite';
      const loaded = await expectWidgets(browser, `http://127.0.0.1:${port}/`, { tags, then: reacts ? (page) => registerDeal(page, /Registered DR-\d+/) : undefined });
      const build = buildSizes.get(name);
      // A dev server's unbundled modules say nothing about size: the build's output does.
      const served = name === 'next-route-handler' ? 'served by the Vite dev server' : `the page loaded ${loaded.scripts} scripts, ${kb(loaded.gzipBytes)} gzipped`;
      lines.push(`${name}: widgets render${reacts ? ', a registered deal reached the app' : ''}; ${served}${build ? `; build ${kb(build.bytes)} (${kb(build.gzipBytes)} gzipped)` : ''}`);
    } catch (error) {
      throw new Error(`examples/${name}: ${error.message}\n${server.output}`);
    } finally {
      await server.stop();
    }
  }
  return lines.join('\n    ');
}
