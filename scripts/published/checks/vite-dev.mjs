// The Vite dev server (not only the build) serves a page on which every PartnerKit widget renders:
// a page made from the published custom elements manifest, so a widget added later is on it
// without a change here. Dev servers resolve the `development` condition, which picks the
// elements' compiled development diagnostics: a published condition that pointed at TypeScript
// sources broke exactly this (issue 19).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectWidgets } from '../browser.mjs';
import { cleanEnv, start } from '../process.mjs';

/** Attributes a widget needs on this page (a partner session), by tag; none needs one yet. */
const ATTRIBUTES = {};

/** @param {import('../run.mjs').Context} ctx */
export async function viteDevCheck(ctx) {
  const { url, adminKey, partnerId } = ctx.requireServer();
  const tags = ctx.tags();
  const dir = join(ctx.project, 'checks', 'vite-dev');
  mkdirSync(dir, { recursive: true });
  const widgets = tags.filter((t) => t.tag !== 'partnerkit-provider');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Every widget on the Vite dev server</title><script type="module" src="/main.js"></script></head>
  <body>
    <partnerkit-provider base-url="${url}" session-url="/partnerkit/session">
${widgets.map(({ tag }) => `      <${tag}${Object.entries(ATTRIBUTES[tag] ?? {}).map(([k, v]) => ` ${k}="${v}"`).join('')}></${tag}>`).join('\n')}
    </partnerkit-provider>
  </body>
</html>
`,
  );
  writeFileSync(join(dir, 'main.js'), tags.map((t) => `import '${t.defineSpecifier}';`).join('\n') + '\n');
  writeFileSync(
    join(dir, 'vite.config.mjs'),
    `export default {
  plugins: [{
    name: 'session-route',
    configureServer(server) {
      server.middlewares.use('/partnerkit/session', async (_req, res) => {
        const answer = await fetch(${JSON.stringify(`${url}/v1/sessions`)}, {
          method: 'POST',
          headers: { authorization: 'Bearer ' + process.env.PARTNERKIT_ADMIN_KEY, 'content-type': 'application/json' },
          body: JSON.stringify({ role: 'partner', partnerId: ${JSON.stringify(partnerId)}, user: { id: 'vite-dev-check' } }),
        });
        res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(await answer.text());
      });
    },
  }],
};
`,
  );
  const port = ctx.ports['vite-dev'];
  const vite = join(ctx.project, 'node_modules', 'vite', 'bin', 'vite.js');
  const server = await start(process.execPath, [vite, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: dir,
    env: cleanEnv({ PARTNERKIT_ADMIN_KEY: adminKey, NO_COLOR: '1' }),
    ready: /http:\/\/127\.0\.0\.1:\d+/,
  });
  try {
    const loaded = await expectWidgets(await ctx.browser(), `http://127.0.0.1:${port}/`, { tags: tags.map((t) => t.tag), timeout: 90_000 });
    // The dev server resolved the `development` condition: the diagnostics ("[PartnerKit] ..." warnings) are in.
    if (!loaded.bodies.some((body) => body.includes('[PartnerKit] '))) throw new Error('the page did not load the elements\' development diagnostics (dist/platform/dev-mode/on.js)');
    return `${tags.length} tags render on the Vite dev server, with the compiled development diagnostics`;
  } catch (error) {
    throw new Error(`${error.message}\n${server.output}`);
  } finally {
    await server.stop();
  }
}
