/**
 * The committed document loads in the outside tools a backend author or integrator reaches for:
 * Redocly and Spectral lint it without errors; openapi-typescript and swagger-typescript-api
 * generate TypeScript from it that compiles under `strict`; Prism serves a mock from it that
 * answers the document's own examples. (Dredd 14 cannot load OpenAPI 3.1 at all: docs/conformance.md.)
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { OPENAPI_DOCUMENT, startPrism } from '../../../../scripts/prism.mjs';

const run = promisify(execFile);
const npx = (args: string[]) =>
  run('npx', ['--no-install', ...args], { env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, maxBuffer: 32 * 1024 * 1024 });

const doc = JSON.parse(await readFile(OPENAPI_DOCUMENT, 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }> }>>;
};
const operationIds = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pk-openapi-tools-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('outside tools load docs/openapi.json', () => {
  test('Redocly lints it without a problem', async () => {
    const { stdout, stderr } = await npx(['redocly', 'lint', OPENAPI_DOCUMENT]);
    assert.match(`${stdout}${stderr}`, /Your API description is valid/);
  });

  test("Spectral lints it with the repository's ruleset without an error", async () => {
    const result = await npx(['spectral', 'lint', OPENAPI_DOCUMENT, '--fail-severity', 'error', '--format', 'json']).catch((error: { stdout: string }) => error);
    const problems = JSON.parse(result.stdout || '[]') as { code: string; severity: number; path: string[] }[];
    assert.deepEqual(
      problems.filter((p) => p.severity === 0).map((p) => `${p.code} at ${p.path.join('.')}`),
      [],
    );
  });

  test('openapi-typescript and swagger-typescript-api generate TypeScript that compiles', async () => {
    await npx(['openapi-typescript', OPENAPI_DOCUMENT, '-o', join(dir, 'types.ts')]);
    await npx(['swagger-typescript-api', 'generate', '-p', OPENAPI_DOCUMENT, '-o', dir, '-n', 'client.ts']);
    const types = await readFile(join(dir, 'types.ts'), 'utf8');
    const client = await readFile(join(dir, 'client.ts'), 'utf8');
    for (const id of operationIds) {
      assert.ok(types.includes(`${id}: {`), `openapi-typescript has no operation ${id}`);
      assert.ok(client.includes(`${id}: (`), `swagger-typescript-api has no method ${id}`);
    }
    await npx(['tsc', '--ignoreConfig', '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', '--skipLibCheck', join(dir, 'types.ts'), join(dir, 'client.ts')]);
  });

  test("Prism mocks it: a mock answers the document's own examples", async () => {
    const prism = await startPrism({ mode: 'mock' });
    try {
      const response = await fetch(`${prism.url}/v1/tiers`, { headers: { authorization: 'Bearer any-token-of-sixteen-characters' } });
      assert.equal(response.status, 200);
      const example = doc.paths['/v1/tiers']!.get!.responses['200']!.content!['application/json']!.examples!.listTiers!.value;
      assert.deepEqual(await response.json(), example);
      const refused = await fetch(`${prism.url}/v1/tiers`);
      assert.equal(refused.status, 401, 'the mock asks for a bearer token');
    } finally {
      await prism.close();
    }
  });
});
