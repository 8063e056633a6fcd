// The packages' types as a strict consumer sees them, at both ends of the supported TypeScript
// range: the type tests of the client, the React wrappers and the tags in JSX (files that must
// compile, lines that must not) compiled against the packed declarations with `strict`,
// `exactOptionalPropertyTypes` and `module: nodenext`; the CommonJS file from 5.8 on.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TYPESCRIPT_VERSIONS } from '../project.mjs';
import { cleanEnv, run } from '../process.mjs';

/** The workspace's type tests, as a consumer would write them. */
const TYPE_TESTS = ['packages/core/test/types/client.ts', 'packages/react/test/types/wrappers.tsx', 'packages/react/test/types/react-jsx.tsx'];
const REQUIRE_TESTS = ['packages/core/test/types/require.cts'];

const compilerOptions = {
  target: 'ES2022',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  jsx: 'react-jsx',
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  // Our declarations are checked with the rest: a .d.ts that breaks under a consumer's settings fails here.
  skipLibCheck: false,
  types: ['node'],
};

/** @param {import('../run.mjs').Context} ctx */
export async function typesCheck(ctx) {
  const dir = join(ctx.project, 'checks', 'types');
  mkdirSync(dir, { recursive: true });
  for (const file of [...TYPE_TESTS, ...REQUIRE_TESTS]) copyFileSync(join(ctx.root, file), join(dir, basename(file)));
  const config = (files) => JSON.stringify({ compilerOptions, files: files.map((f) => basename(f)) }, null, 2);
  writeFileSync(join(dir, 'tsconfig.json'), config(TYPE_TESTS));
  writeFileSync(join(dir, 'tsconfig.require.json'), config(REQUIRE_TESTS));

  const compilers = [
    [TYPESCRIPT_VERSIONS.oldest, ['tsconfig.json']],
    [TYPESCRIPT_VERSIONS.oldestForRequire, ['tsconfig.json', 'tsconfig.require.json']],
    ['workspace', ['tsconfig.json', 'tsconfig.require.json']],
    [TYPESCRIPT_VERSIONS.newest, ['tsconfig.json', 'tsconfig.require.json']],
  ];
  const passed = [];
  await Promise.all(
    compilers.map(async ([version, configs]) => {
      const tsc = join(ctx.project, 'node_modules', version === 'workspace' ? 'typescript' : `typescript-${version}`, 'bin', 'tsc');
      for (const tsconfig of configs) await run(process.execPath, [tsc, '-p', join(dir, tsconfig)], { cwd: dir, env: cleanEnv() });
      const { stdout } = await run(process.execPath, [tsc, '--version'], { env: cleanEnv() });
      passed.push(stdout.replace('Version ', 'TypeScript ').trim());
    }),
  );
  // The tags in Vue templates, with vue-tsc (it runs on the workspace's TypeScript).
  const vueDir = join(ctx.project, 'checks', 'types-vue');
  mkdirSync(vueDir, { recursive: true });
  copyFileSync(join(ctx.root, 'scripts/published/types/vue-tags.vue'), join(vueDir, 'vue-tags.vue'));
  writeFileSync(join(vueDir, 'env.d.ts'), '/// <reference types="@partnerkit/elements/types/vue" />\n');
  writeFileSync(
    join(vueDir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'ESNext', moduleResolution: 'bundler', types: [] }, vueCompilerOptions: { strictTemplates: true }, files: ['env.d.ts', 'vue-tags.vue'] }, null, 2),
  );
  await run(process.execPath, [join(ctx.project, 'node_modules', 'vue-tsc', 'bin', 'vue-tsc.js'), '-p', join(vueDir, 'tsconfig.json')], { cwd: vueDir, env: cleanEnv() });
  return `type tests pass with ${passed.sort().join(', ')}; the Vue template tests with vue-tsc --strictTemplates`;
}
