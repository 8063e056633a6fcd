/**
 * Runs the reference backend for the browser tests in its own Node process (started once per run
 * by web-test-runner.config.mjs with `--conditions=partnerkit-source --import tsx`): an in-memory
 * database, a free port on 127.0.0.1, and one admin key. Prints one JSON line when ready,
 * `{ "origin": "http://127.0.0.1:<port>", "adminKey": "..." }`, read by the test runner's Node
 * process only: browser tests never see the key.
 */
import { startServer } from '@partnerkit/server';

// No minimum fill time: a test fills the public form in milliseconds (the server's own tests and
// the mock-backed widget tests prove the minimum).
const server = await startServer({ port: 0, host: '127.0.0.1', memory: true, logger: false, minFormFillMs: 0 });
const { key } = await server.createAdminKey('browser-tests');

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.stdout.write(`${JSON.stringify({ origin: new URL(server.url).origin, adminKey: key })}\n`);
