import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '@partnerkit/core/openapi';
import { CONTRACT_VERSION } from '@partnerkit/core/schemas';
import { OPENAPI_PATH, renderOpenApiDocument, runOpenApiScript } from '../../scripts/openapi.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/openapi.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('the OpenAPI document', () => {
  test('the committed docs/openapi.json equals a fresh generation', async () => {
    const committed = await readFile(OPENAPI_PATH, 'utf8');
    assert.ok(
      committed === renderOpenApiDocument(),
      'docs/openapi.json is stale: run `npx tsx packages/core/scripts/openapi.ts` and commit the result',
    );
  });

  test('is OpenAPI 3.1 and versioned as the contract', () => {
    const doc = buildOpenApiDocument();
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.version, CONTRACT_VERSION);
    // The 3.1 default dialect, left implicit: Prism turns an explicit `jsonSchemaDialect` into a
    // `$schema` its validator cannot compile, and then silently checks no body at all.
    assert.equal('jsonSchemaDialect' in doc, false);
  });

  test('is plain JSON data: serialising and parsing it changes nothing', () => {
    const doc = buildOpenApiDocument();
    assert.deepEqual(JSON.parse(JSON.stringify(doc)), doc);
  });

  test('is pure: every call answers an equal, independent document', () => {
    const first = buildOpenApiDocument();
    const second = buildOpenApiDocument();
    assert.notEqual(first, second);
    assert.deepEqual(first, second);
    first.info.title = 'changed by a caller';
    delete first.paths['/v1/deals'];
    const third = buildOpenApiDocument();
    assert.equal(third.info.title, 'PartnerKit API');
    assert.ok(third.paths['/v1/deals']);
  });

  test('every $ref resolves inside the document', () => {
    const doc = buildOpenApiDocument();
    const refs = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (typeof node === 'object' && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.add(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    assert.ok(refs.size > 50);
    for (const ref of refs) {
      assert.match(ref, /^#\//, `${ref} is not local`);
      const target = ref
        .slice(2)
        .split('/')
        .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      assert.ok(target !== undefined, `${ref} does not resolve`);
    }
  });

  test('the script writes the document, and --check fails on a stale or missing file with a clear message', async (t) => {
    const root = await mkdtemp(join(tmpdir(), 'pk-openapi-'));
    const file = join(root, 'openapi.json');
    const errors = t.mock.method(console, 'error', () => {});
    const logs = t.mock.method(console, 'log', () => {});
    const lastError = () => String(errors.mock.calls.at(-1)?.arguments[0]);
    try {
      await writeFile(file, '{}\n');
      assert.equal(await runOpenApiScript(['--check', file]), 1);
      assert.match(lastError(), /differs from a fresh generation/);
      assert.match(lastError(), /npm run openapi/);

      await rm(file);
      assert.equal(await runOpenApiScript(['--check', file]), 1);
      assert.match(lastError(), /is missing/);

      assert.equal(await runOpenApiScript([file]), 0);
      assert.equal(await readFile(file, 'utf8'), renderOpenApiDocument());
      assert.equal(await runOpenApiScript(['--check', file]), 0);
      assert.match(String(logs.mock.calls.at(-1)?.arguments[0]), /is up to date/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('run as a command, --check exits non-zero on a stale file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pk-openapi-'));
    const file = join(root, 'openapi.json');
    try {
      await writeFile(file, renderOpenApiDocument().replace('"3.1.0"', '"3.1.1"'));
      const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--check', file], { encoding: 'utf8', cwd: REPO_ROOT });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /differs from a fresh generation/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
