/**
 * Writes the contract's OpenAPI document to docs/openapi.json, or with `--check` fails when the
 * committed file differs from a fresh generation (so the document can never silently go stale).
 *
 *   npx tsx packages/core/scripts/openapi.ts          # write docs/openapi.json
 *   npx tsx packages/core/scripts/openapi.ts --check  # verify it
 *
 * A path after the flags names another file (the tests use one in a temporary directory).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../src/openapi/index.js';

/** The committed document. */
export const OPENAPI_PATH = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

/** The document exactly as committed: two-space indentation and a trailing newline. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

/** Runs the script with its command-line arguments; answers the exit code. */
export async function runOpenApiScript(args: string[]): Promise<number> {
  const check = args.includes('--check');
  const file = resolve(args.find((arg) => !arg.startsWith('--')) ?? OPENAPI_PATH);
  const shown = relative(process.cwd(), file) || file;
  const fresh = renderOpenApiDocument();
  if (!check) {
    await writeFile(file, fresh);
    console.log(`wrote ${shown}`);
    return 0;
  }
  const committed = await readFile(file, 'utf8').catch(() => undefined);
  if (committed === fresh) {
    console.log(`${shown} is up to date`);
    return 0;
  }
  const why = committed === undefined ? 'is missing' : 'differs from a fresh generation of the schemas';
  console.error(`${shown} ${why}.\nRun \`npm run openapi\` (npx tsx packages/core/scripts/openapi.ts) and commit the result.`);
  return 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runOpenApiScript(process.argv.slice(2));
}
