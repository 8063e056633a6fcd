#!/usr/bin/env node
/**
 * The `partnerkit-conformance` command (see `cli/main.ts` and docs/conformance.md).
 * @module
 */
import { main } from './cli/main.js';

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
