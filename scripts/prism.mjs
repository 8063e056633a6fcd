// Starts Stoplight Prism (a devDependency) on docs/openapi.json, for the tests that hold the
// document against real traffic: `mock` answers from the document alone (its examples), `proxy`
// forwards to a backend and checks every answer against the document.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const OPENAPI_DOCUMENT = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts Prism and resolves once it listens.
 *
 * - `{ mode: 'mock' }`: a backend generated from the document alone.
 * - `{ mode: 'proxy', upstream }`: a validating proxy in front of `upstream`. Requests are
 *   forwarded unchecked (the conformance kit sends bad ones on purpose); every answer is checked
 *   against the document, and with `--errors` a violation replaces the answer with a problem of
 *   type `https://stoplight.io/prism/errors#VIOLATIONS`. CORS stays the backend's (`--cors=false`).
 *
 * @param {{ mode: 'mock' } | { mode: 'proxy', upstream: string }} options
 * @returns {Promise<{ url: string, log: () => string, close: () => Promise<void> }>}
 */
export async function startPrism(options) {
  const port = await freePort();
  const args =
    options.mode === 'mock'
      ? ['mock', OPENAPI_DOCUMENT]
      : ['proxy', OPENAPI_DOCUMENT, options.upstream, '--errors', '--validate-request=false'];
  const child = spawn('npx', ['--no-install', 'prism', ...args, '--cors=false', '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: npx starts Prism as a child of its own, and stopping must stop both.
    detached: true,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      reject(new Error(`Prism did not start within 60 s:\n${output}`));
    }, 60_000);
    const read = (chunk) => {
      output += chunk;
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve(undefined);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited (${code}) before it listened:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => output.replace(/\u001b\[[0-9;]*m/g, ''),
    close: async () => {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}
