// `npx partnerkit-conformance` from the fresh project against the server it started: the kit as
// a backend author runs it, and the reference server as published passes it.
import { cleanEnv, run } from '../process.mjs';

/** @param {import('../run.mjs').Context} ctx */
export async function conformanceCheck(ctx) {
  const { url, adminKey } = ctx.requireServer();
  // The key through the environment, as a CI job would pass a secret.
  const { stdout } = await run('npx', ['--no-install', 'partnerkit-conformance', '--base-url', url], {
    cwd: ctx.project,
    env: cleanEnv({ PARTNERKIT_ADMIN_KEY: adminKey }),
    timeout: 600_000,
  });
  // The kit's verdict: `56 passed, 0 failed, 4 not checked, of 60 (...)`.
  return stdout.split('\n').find((line) => /\bof \d+ \(/.test(line))?.trim() ?? 'passed';
}
