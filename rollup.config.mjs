// Builds every package's ESM (one output module per source module, dependencies external) and the
// elements' CDN bundle (a loader plus one chunk per widget over a shared chunk, all self-contained).
// Declarations come from `tsc -b`; this file only emits JavaScript.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyHTMLLiterals } from 'minify-literals';
import { precompress } from './scripts/precompress.mjs';
import { chunkPlan } from './scripts/size/chunks.mjs';
import { CDN_CONDITIONS, tagUsage, workspaceSource } from './scripts/size/usage.mjs';

// Every workspace package (root package.json), so a package added later is built without a change here.
const packages = JSON.parse(readFileSync('package.json', 'utf8')).workspaces.map((dir) => dir.replace(/^packages\//, ''));

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

// The elements' `src/cdn` modules are only CDN entries (built below into dist/cdn); the package
// build must not write unbundled copies over them.
const packageInputs = (name) =>
  Object.fromEntries(Object.entries(modulesUnder(`packages/${name}/src`)).filter(([key]) => !(name === 'elements' && key.startsWith('cdn/'))));

const packageBuild = (name) => ({
  input: packageInputs(name),
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

/**
 * The CDN build: `loader.js` defines each tag on first sight and imports only its chunk. The
 * PartnerKit packages are read from source (the workspace's `partnerkit-source` condition, so no prior build is needed);
 * everything else resolves to its production build, and the elements' `#dev-mode` to its no-op twin.
 */
const cdnEntries = 'packages/elements/src/cdn';
/** Resolves `@partnerkit/<pkg>[/sub]` to the `partnerkit-source` (TypeScript source) target of that package's exports. */
const workspaceSources = () => ({
  name: 'partnerkit-workspace-sources',
  resolveId: (source) => workspaceSource(source),
});
/** A `package.json` `sideEffects` glob (`./src/define/*.ts`, `./dist/cdn/**`) as a regular expression. */
const globPattern = (glob) =>
  new RegExp(`^${glob.replace(/^\.\//, '').replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}$`);
/**
 * Whether a module of a workspace package may have side effects, from that package's
 * `sideEffects` field, as an application's bundler reads the published package: a core module
 * imported for nothing (a schema barrel, an error class) then costs nothing. Other modules keep
 * Rollup's default (node-resolve reads their packages' fields).
 */
const workspaceSideEffects = (id) => {
  const match = /[\\/]packages[\\/]([^\\/]+)[\\/](src[\\/].*)$/.exec(id);
  if (!match) return true;
  const { sideEffects } = JSON.parse(readFileSync(`packages/${match[1]}/package.json`, 'utf8'));
  const path = match[2].replaceAll('\\', '/');
  return Array.isArray(sideEffects) ? sideEffects.some((glob) => globPattern(glob).test(path)) : sideEffects !== false;
};
/**
 * Chunks by scripts/size/chunks.mjs: a module that two or more tags use when defined goes into one
 * shared chunk, unless it belongs to a contract part (those travel with the widgets that use
 * them); Rollup splits the rest by itself, so code one tag uses stays in that tag's chunks. The
 * tags are the build's entries besides the loader (`cdn/<tag>.ts`); which tag uses what is
 * measured when each build starts (scripts/size/usage.mjs, about a second).
 */
const chunkPlanner = () => {
  let plan;
  return {
    plugin: {
      name: 'partnerkit-chunk-plan',
      async buildStart({ input }) {
        // Only a build of the loader has tags to share code between (not one module bundled alone).
        if (Array.isArray(input) || !input.loader) return void (plan = undefined);
        const tags = Object.fromEntries(Object.entries(input).filter(([name]) => name !== 'loader'));
        plan = chunkPlan(await tagUsage(Object.keys(tags), tags));
      },
    },
    manualChunks: (id, { getModuleInfo }) => (plan?.isShared(id, (module) => getModuleInfo(module)?.importers ?? []) ? 'shared' : undefined),
  };
};
/**
 * Minifies the CSS and HTML inside Lit's `css` and `html` templates (terser leaves template text
 * alone). Whitespace collapses to one space rather than none, so text between bindings keeps its
 * spaces; empty attributes stay (`alt=""` means decorative); `style` attributes are left as
 * written (minifying `style=${styleProperties(...)}` appends a `;`, which turns the directive into
 * an inline style attribute that a strict CSP refuses).
 */
const minifyTemplates = () => ({
  name: 'partnerkit-minify-templates',
  async transform(code, id) {
    if (!/[\\/]packages[\\/]elements[\\/]src[\\/]/.test(id)) return null;
    return minifyHTMLLiterals(code, { fileName: id, html: { conservativeCollapse: true, removeEmptyAttributes: false, minifyCSS: false } });
  },
});
const chunks = chunkPlanner();
const cdnBuild = existsSync(cdnEntries)
  ? [
      {
        input: modulesUnder(cdnEntries),
        treeshake: { moduleSideEffects: workspaceSideEffects },
        plugins: [
          // Chunk names carry hashes: clear the last build so stale chunks are neither served nor
          // measured. Only the directory being written (a scratch build must not remove dist/cdn),
          // and only when writing: `generate()` and bundles that borrow these plugins write nothing.
          {
            name: 'clean-cdn',
            generateBundle(options, _bundle, isWrite) {
              if (isWrite && options.dir) rmSync(options.dir, { recursive: true, force: true });
            },
          },
          chunks.plugin,
          workspaceSources(),
          // `partnerkit-cdn` picks the production twin of the elements' `#dev-mode` from source.
          nodeResolve({ browser: true, exportConditions: CDN_CONDITIONS }),
          esbuild({ target: 'es2022', tsconfig: 'packages/elements/tsconfig.json', define: { 'process.env.NODE_ENV': '"production"' } }),
          minifyTemplates(),
          terser({ ecma: 2022, module: true, format: { comments: false } }),
          // `.br` and `.gz` twins of every file, for servers that negotiate Accept-Encoding.
          precompress(),
        ],
        output: {
          dir: 'packages/elements/dist/cdn',
          format: 'esm',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          manualChunks: chunks.manualChunks,
          // The plan names every module of the shared chunk; their other dependencies stay where Rollup puts them.
          onlyExplicitManualChunks: true,
          sourcemap: true,
        },
      },
    ]
  : [];

export default [...packages.filter((p) => existsSync(`packages/${p}/src`) && Object.keys(modulesUnder(`packages/${p}/src`)).length > 0).map(packageBuild), ...cdnBuild];
