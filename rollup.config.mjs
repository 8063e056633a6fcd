// Builds every package's ESM (one output module per source module, dependencies external) and the
// elements' CDN bundle (a loader plus one chunk per widget over a shared chunk, all self-contained).
// Declarations come from `tsc -b`; this file only emits JavaScript.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const packages = ['core', 'elements', 'server', 'conformance'];

/** Every `.ts` module under `dir`, keyed by its path without extension. */
function modulesUnder(dir) {
  const entries = {};
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) entries[relative(dir, path).slice(0, -3)] = path;
    }
  };
  walk(dir);
  return entries;
}

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

const packageBuild = (name) => ({
  input: modulesUnder(`packages/${name}/src`),
  external: isBare,
  plugins: [esbuild({ target: 'es2022', tsconfig: `packages/${name}/tsconfig.json` })],
  output: {
    dir: `packages/${name}/dist`,
    format: 'esm',
    preserveModules: true,
    preserveModulesRoot: `packages/${name}/src`,
    sourcemap: true,
    entryFileNames: '[name].js',
  },
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.some((id) => id.includes('node_modules'))) return;
    warn(warning);
  },
});

/** The CDN build: `loader.js` defines each tag on first sight and imports only its chunk. */
const cdnEntries = 'packages/elements/src/cdn';
const cdnBuild = existsSync(cdnEntries)
  ? [
      {
        input: modulesUnder(cdnEntries),
        plugins: [
          nodeResolve({ browser: true, exportConditions: ['development', 'browser', 'module', 'import'] }),
          esbuild({ target: 'es2022', tsconfig: 'packages/elements/tsconfig.json', define: { 'process.env.NODE_ENV': '"production"' } }),
          terser({ ecma: 2022, module: true, format: { comments: false } }),
        ],
        output: {
          dir: 'packages/elements/dist/cdn',
          format: 'esm',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          sourcemap: true,
        },
      },
    ]
  : [];

export default [...packages.filter((p) => existsSync(`packages/${p}/src`) && Object.keys(modulesUnder(`packages/${p}/src`)).length > 0).map(packageBuild), ...cdnBuild];
