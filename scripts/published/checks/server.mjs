// `npx partnerkit-server keys create` and `start --seed demo` in the fresh project, as
// docs/server.md shows them: the server the later checks use. Its base URL has no `/api`.
import { join } from 'node:path';
import { cleanEnv, run, start } from '../process.mjs';

/** @param {import('../run.mjs').Context} ctx */
export async function serverCheck(ctx) {
  const dataDir = join(ctx.project, '.partnerkit', 'data');
  const env = cleanEnv();
  const { stdout } = await run('npx', ['--no-install', 'partnerkit-server', 'keys', 'create', '--name', 'published check', '--data-dir', dataDir], { cwd: ctx.project, env });
  const adminKey = stdout.trim();
  if (!/^pk_admin_[\w-]{43}$/.test(adminKey)) throw new Error(`keys create printed no admin key on stdout: ${JSON.stringify(stdout)}`);

  const origins = Object.values(ctx.ports).map((port) => ['--allow-origin', `http://127.0.0.1:${port}`]);
  // Limits that fit a conformance run, as docs/conformance.md advises: the kit sends a few hundred
  // requests without a credential or with a publishable key from one address within a minute
  // (every operation walked with each), over the defaults of 60 and 20 a minute meant for
  // strangers and visitors. Still limits: the server keeps limiting and the kit still honours 429.
  const limits = ['anonymous=1200', 'public-address=1200'].flatMap((limit) => ['--rate-limit', limit]);
  const server = await start('npx', ['--no-install', 'partnerkit-server', 'start', '--seed', 'demo', '--port', '0', '--data-dir', dataDir, ...limits, ...origins.flat()], {
    cwd: ctx.project,
    env,
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    timeout: 180_000,
  });
  ctx.cleanup.push(() => server.stop());
  const url = server.match[1];

  const me = await fetch(`${url}/v1/session`, { headers: { authorization: `Bearer ${adminKey}` } });
  const role = me.ok ? (await me.json()).role : `HTTP ${me.status}`;
  if (role !== 'admin') throw new Error(`GET ${url}/v1/session with the new key answered ${role}`);
  const partners = await (await fetch(`${url}/v1/partners?limit=1`, { headers: { authorization: `Bearer ${adminKey}` } })).json();
  if (!partners.data?.length) throw new Error('start --seed demo seeded no partners');
  ctx.server = { url, adminKey, partnerId: partners.data[0].id };
  return `admin key created; serving ${url} with the demo data`;
}
