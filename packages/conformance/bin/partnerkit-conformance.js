#!/usr/bin/env node
// The `partnerkit-conformance` command. It is a committed file, not the build: npm links a workspace
// package's bin at install time only if its file exists then, and in a fresh clone dist/ does not
// (issue 19). Installed from the registry it runs the build; inside the PartnerKit workspace it
// runs the TypeScript sources, so `npx partnerkit-conformance` works right after `npm install`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sources = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const inWorkspace = !fileURLToPath(import.meta.url).split(/[\\/]/).includes('node_modules') && existsSync(sources);

if (!inWorkspace) {
  await import('../dist/cli.js');
} else {
  // The workspace reads its packages' sources through the `partnerkit-source` condition, which
  // only a new process can be given; tsx is resolved from here, not from the caller's directory.
  const child = spawn(process.execPath, ['--conditions=partnerkit-source', '--import', import.meta.resolve('tsx'), sources, ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl-C reaches both processes; the child decides how to stop. A TERM sent to this one is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
}
