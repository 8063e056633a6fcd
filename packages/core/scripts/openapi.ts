/**
 * Writes the contract's OpenAPI document to docs/openapi.json, or with `--check` fails when the
 * committed file differs from a fresh generation (so the document can never silently go stale).
 *
 *   npx tsx packages/core/scripts/openapi.ts          # write
 *   npx tsx packages/core/scripts/openapi.ts --check  # verify
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../src/openapi/index.js';

/** The committed document, relative to the repository root. */
export const OPENAPI_PATH = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

/** The document exactly as committed: two-space indentation and a trailing newline. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

async function main(check: boolean): Promise<number> {
  const fresh = renderOpenApiDocument();
  if (!check) {
    await writeFile(OPENAPI_PATH, fresh);
    console.log(`wrote ${OPENAPI_PATH}`);
    return 0;
  }
  const committed = await readFile(OPENAPI_PATH, 'utf8').catch(() => undefined);
  if (committed === fresh) {
    console.log(`${OPENAPI_PATH} is up to date`);
    return 0;
  }
  const why = committed === undefined ? 'is missing' : 'differs from a fresh generation of the schemas';
  console.error(`${OPENAPI_PATH} ${why}.\nRun \`npm run openapi\` (npx tsx packages/core/scripts/openapi.ts) and commit the result.`);
  return 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.includes('--check'));
}
