// Builds every package's ESM (one output module per source module, dependencies external) and the
// elements' CDN bundle (a loader plus one chunk per widget over a shared chunk, all self-contained).
// Declarations come from `tsc -b`; this file only emits JavaScript.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyHTMLLiterals } from 'minify-literals';

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
  resolveId(source) {
    const match = /^@partnerkit\/([^/]+)(\/.+)?$/.exec(source);
    if (!match) return null;
    const manifest = JSON.parse(readFileSync(`packages/${match[1]}/package.json`, 'utf8'));
    const target = manifest.exports?.[`.${match[2] ?? ''}`]?.['partnerkit-source'];
    return target ? resolve(`packages/${match[1]}`, target) : null;
  },
});
// What every page needs (Lit, the client with the schemas it validates with, the platform) goes into
// one shared chunk; the rest is split by Rollup: code one widget uses stays in that widget's chunk.
const sharedModule = (id) =>
  /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/](reactive-element|context|task)|zod|ky)[\\/]/.test(id) ||
  /[\\/]packages[\\/]core[\\/]src[\\/](client|schemas)[\\/]/.test(id) ||
  /[\\/]packages[\\/]elements[\\/]src[\\/](platform[\\/]|events[\\/](pk-event|error)\.ts$)/.test(id);
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
const cdnBuild = existsSync(cdnEntries)
  ? [
      {
        input: modulesUnder(cdnEntries),
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
          workspaceSources(),
          // `partnerkit-cdn` picks the production twin of the elements' `#dev-mode` from source.
          nodeResolve({ browser: true, exportConditions: ['partnerkit-cdn', 'production', 'browser', 'module', 'import'] }),
          esbuild({ target: 'es2022', tsconfig: 'packages/elements/tsconfig.json', define: { 'process.env.NODE_ENV': '"production"' } }),
          minifyTemplates(),
          terser({ ecma: 2022, module: true, format: { comments: false } }),
        ],
        output: {
          dir: 'packages/elements/dist/cdn',
          format: 'esm',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          manualChunks: (id) => (sharedModule(id) ? 'shared' : undefined),
          sourcemap: true,
        },
      },
    ]
  : [];

export default [...packages.filter((p) => existsSync(`packages/${p}/src`) && Object.keys(modulesUnder(`packages/${p}/src`)).length > 0).map(packageBuild), ...cdnBuild];
