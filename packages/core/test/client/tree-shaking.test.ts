/**
 * What a bundler keeps of core: schema modules and contract parts must cost nothing unless used.
 * Rollup, reading core from source with every core module assumed to have side effects (the
 * strictest reading: no `sideEffects` field to lean on), must drop whatever is not used, so schema
 * definitions have to be marked pure, and a part carries its own schemas and no other's. zod and
 * ky are bundled from node_modules as an application's bundler would (zod marks its functions
 * free of side effects).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup, type Plugin } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

const core = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = '\0entry.ts';

/** The entry `code`, and `@partnerkit/core/*` resolved to core's sources (every core module assumed to have side effects). */
const sources = (code: string): Plugin => ({
  name: 'core-sources',
  resolveId(id, importer) {
    if (id === ENTRY) return id;
    const subpath = /^@partnerkit\/core(\/.+)?$/.exec(id)?.[1];
    if (id.startsWith('@partnerkit/core')) {
      const manifest = JSON.parse(readFileSync(join(core, 'package.json'), 'utf8')) as { exports: Record<string, { 'partnerkit-source'?: string }> };
      const target = manifest.exports[`.${subpath ?? ''}`]?.['partnerkit-source'];
      return target ? { id: join(core, target), moduleSideEffects: true } : null;
    }
    if (importer?.startsWith(core) && id.startsWith('.')) {
      const path = resolve(dirname(importer), id).replace(/\.js$/, '.ts');
      return existsSync(path) ? { id: path, moduleSideEffects: true } : null;
    }
    return null;
  },
  load: (id) => (id === ENTRY ? code : null),
});

/** Core's modules that put code into the bundle of `code`, as paths below `packages/core/src/`. */
async function keptModules(code: string): Promise<{ modules: string[]; output: string }> {
  const bundle = await rollup({ input: ENTRY, plugins: [sources(code), nodeResolve({ browser: true }), esbuild({ target: 'es2022', tsconfig: join(core, 'tsconfig.json') })], onwarn: () => {} });
  try {
    const { output } = await bundle.generate({ format: 'esm' });
    const modules = Object.entries(output[0].modules)
      .filter(([id, module]) => id.startsWith(join(core, 'src')) && module.renderedLength > 0)
      .map(([id]) => id.slice(join(core, 'src').length + 1))
      .sort();
    return { modules, output: output[0].code };
  } finally {
    await bundle.close();
  }
}

describe('tree-shaking core', () => {
  it('a schema barrel imported for nothing bundles to nothing', async () => {
    assert.deepEqual((await keptModules(`import '@partnerkit/core/schemas';`)).modules, []);
  });

  it('the client barrel imported for nothing bundles to nothing of the contract', async () => {
    const { modules } = await keptModules(`import '@partnerkit/core/client';`);
    assert.deepEqual(modules.filter((m) => m.startsWith('schemas/') || m.startsWith('client/parts/')), []);
  });

  it('one schema keeps the schemas it is made of and no others', async () => {
    const { modules, output } = await keptModules(`import { Deal } from '@partnerkit/core/schemas'; export default Deal;`);
    assert.deepEqual(modules, ['schemas/common.ts', 'schemas/deal-codes.ts', 'schemas/deal.ts', 'schemas/phone-number.ts', 'schemas/session.ts']);
    for (const unused of ['DealInput', 'DealCheckInput', 'DealTransitionInput', 'SessionInput', 'Principal', 'HttpUrl', 'IdempotencyKey']) {
      assert.ok(!new RegExp(`\\b${unused}\\b`).test(output), `${unused} should have been dropped`);
    }
  });

  it("a part carries its own schemas and operations, and neither the transport nor another part's", async () => {
    const { modules } = await keptModules(`import { deals } from '@partnerkit/core/client/deals'; export default deals;`);
    assert.deepEqual(modules, ['client/http/idempotency-key.ts', 'client/http/url.ts', 'client/part.ts', 'client/parts/deals.ts', 'schemas/common.ts', 'schemas/deal-codes.ts', 'schemas/deal.ts', 'schemas/page.ts', 'schemas/phone-number.ts', 'schemas/session.ts']);
  });

  // The application's own schemas stay out: a form loads them only to check what was typed.
  it('the public form\'s part carries the form and the receipt, none of the application\'s schemas nor the vendor side of recruitment', async () => {
    const { modules, output } = await keptModules(`import { applicationForm } from '@partnerkit/core/client/application-form'; export default applicationForm;`);
    assert.deepEqual(modules.filter((m) => m.startsWith('schemas/')), [
      'schemas/application-form.ts',
      'schemas/common.ts',
      'schemas/holds.ts',
      'schemas/partner-type.ts',
      'schemas/translations.ts',
    ]);
    for (const unused of ['ApplicationHistoryEntry', 'ApplicationCapabilities', 'ApplicationInput', 'Evaluation', 'SelectionCriterion', 'PhoneNumber']) {
      assert.ok(!new RegExp(`\\b${unused}\\b`).test(output), `${unused} should have been dropped`);
    }
  });

  it('the base client carries no contract part', async () => {
    const { modules } = await keptModules(`import { createBaseClient } from '@partnerkit/core/client/base'; export default createBaseClient;`);
    assert.ok(modules.includes('client/http/transport.ts'));
    const parts = modules.filter((m) => m.startsWith('client/parts/') || (m.startsWith('schemas/') && !/^schemas\/(common|issues|problem|session-token)\.ts$/.test(m)));
    assert.deepEqual(parts, []);
  });
});
