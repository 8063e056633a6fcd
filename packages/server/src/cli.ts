#!/usr/bin/env node
/**
 * The `partnerkit-server` executable: runs a command and, for `start`, stops gracefully on
 * SIGINT or SIGTERM (a second signal exits at once).
 * @module
 */
import { runCli } from './cli/main.js';
import type { RunningServer } from './server.js';

let server: RunningServer | null = null;
const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  onStarted: (running) => {
    server = running;
  },
});

if (server === null) {
  process.exitCode = code;
} else {
  const running: RunningServer = server;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`partnerkit-server: ${signal} again, exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`partnerkit-server: ${signal}, finishing in-flight requests\n`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`partnerkit-server: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
