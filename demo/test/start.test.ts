/**
 * `npm start` as a person runs it: the real command line in a child process, on a temporary data
 * directory and a free port. It says where to go and which admin key to use, serves the demo,
 * and stops cleanly on Ctrl-C, keeping the data for the next start.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from '../server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'partnerkit-start-test-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** `scripts/start.ts` exactly as the root package's `start` script runs it. */
function start(): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--conditions=partnerkit-source', '--import', 'tsx', 'scripts/start.ts', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function ready(run: ReturnType<typeof start>): Promise<{ url: string; key: string }> {
  const deadline = Date.now() + 150_000;
  while (!run.output().includes('Press Ctrl-C')) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited early:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`npm start was not ready in time:\n${run.output()}`);
    await new Promise((done) => setTimeout(done, 200));
  }
  const url = /ready in [\d.]+ s: (http:\/\/127\.0\.0\.1:\d+)\//.exec(run.output())?.[1];
  const key = /Demo admin key\s+(pk_admin_\S+)/.exec(run.output())?.[1];
  assert.ok(url && key, `the banner names the URL and the admin key:\n${run.output()}`);
  return { url, key };
}

test('npm start prints what to open, serves the demo, and stops cleanly on Ctrl-C', { timeout: 300_000 }, async () => {
  const first = start();
  const { url, key } = await ready(first);
  assert.match(first.output(), /created the demo data in .+: 26 partners, 400 deals, 36 resources/);
  for (const page of ['/intranet', '/portal']) assert.ok(first.output().includes(`${url}${page}`), `names ${page}`);
  assert.equal(readFileSync(join(dataDir, 'admin-key'), 'utf8').trim(), key, 'the printed key is the kept one');

  assert.equal((await fetch(`${url}/portal`)).status, 200);
  const me = await fetch(`${url}/api/v1/session`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(((await me.json()) as { role: string }).role, 'admin');

  first.child.kill('SIGINT');
  assert.equal(await first.exited, 0, `exit code 0 after Ctrl-C:\n${first.output()}`);
  assert.match(first.output(), /Stopped\. The demo data is kept for next time\./);
  await assert.rejects(fetch(`${url}/`), 'nothing listens any more');

  // The second start finds the data and the key where the first left them.
  const second = start();
  const again = await ready(second);
  assert.match(second.output(), /using the demo data in /);
  assert.equal(again.key, key);
  second.child.kill('SIGTERM');
  assert.equal(await second.exited, 0);
});
