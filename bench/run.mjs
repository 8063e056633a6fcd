#!/usr/bin/env node
// `npm run bench`: runs bench/main.ts under tsx with the `partnerkit-source` export condition, so the
// benchmarks read every PartnerKit package from source (no build needed). Arguments pass through:
//
//   npm run bench                  the full run (about 10-15 minutes on 2 cores)
//   npm run bench -- --quick       a smoke run with tiny sizes (used by `npm test`)
//   npm run bench -- --write       the full run, then regenerate docs/benchmarks.md and its plots
//   npm run bench -- --only size,client
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const child = spawn(process.execPath, ['--conditions=partnerkit-source', '--import', 'tsx', main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
// Ctrl-C reaches the child (same process group); exit with its status once it is gone.
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
