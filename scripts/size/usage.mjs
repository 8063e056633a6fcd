// Which source modules each tag of the CDN build really uses, after tree-shaking: every tag's
// define module bundled alone by esbuild (same export conditions as the CDN build), its metafile
// read for the modules that put bytes into the output. "Eager" modules run when the tag is defined;
// "lazy" ones only when the tag imports a view or a translation on demand.
//
// The CDN build's chunking (rollup.config.mjs) and the size report (`npm run size`) both read this,
// so "used by one tag only" means the same thing in both; the report then checks the real output.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(new URL('../..', import.meta.url).pathname);

/** The export conditions of the CDN build (`partnerkit-cdn` picks the elements' production twins). */
export const CDN_CONDITIONS = ['partnerkit-cdn', 'production', 'browser', 'module', 'import'];

/** Resolves `@partnerkit/<pkg>[/sub]` to the TypeScript source its `partnerkit-source` export names. */
export function workspaceSource(specifier) {
  const match = /^@partnerkit\/([^/]+)(\/.+)?$/.exec(specifier);
  if (!match) return null;
  const manifest = JSON.parse(readFileSync(join(root, 'packages', match[1], 'package.json'), 'utf8'));
  const target = manifest.exports?.[`.${match[2] ?? ''}`]?.['partnerkit-source'];
  return target ? join(root, 'packages', match[1], target) : null;
}

/** esbuild's form of the CDN build's workspace resolution. */
export const esbuildWorkspaceSources = {
  name: 'partnerkit-workspace-sources',
  setup(build) {
    build.onResolve({ filter: /^@partnerkit\// }, ({ path }) => {
      const source = workspaceSource(path);
      return source ? { path: source } : undefined;
    });
  },
};

/** Where the elements' define modules are: one per tag, the entry the CDN loader imports for it. */
export const DEFINE_DIR = join(root, 'packages/elements/src/define');
/** The define module of `tag`. */
export const defineModuleOf = (tag) => join(DEFINE_DIR, `${tag}.ts`);

/**
 * `{ [tag]: { eager: Set<path>, lazy: Set<path> } }` with absolute source paths, for the define
 * modules of `tags` (or `entries`, a map of tag to entry file, for tags outside the package).
 */
export async function tagUsage(tags, entries = {}) {
  const esbuild = await import('esbuild');
  const usage = {};
  await Promise.all(
    tags.map(async (tag) => {
      const result = await esbuild.build({
        entryPoints: { [tag]: entries[tag] ?? defineModuleOf(tag) },
        bundle: true,
        splitting: true,
        format: 'esm',
        outdir: join(root, '.size-usage'),
        write: false,
        metafile: true,
        target: 'es2022',
        platform: 'browser',
        conditions: CDN_CONDITIONS,
        tsconfig: join(root, 'packages/elements/tsconfig.json'),
        define: { 'process.env.NODE_ENV': '"production"' },
        plugins: [esbuildWorkspaceSources],
        logLevel: 'silent',
      });
      const outputs = result.metafile.outputs;
      // The tag's own entry: esbuild marks every dynamically imported module an entry point too,
      // and lists outputs in no promised order, so the first entry found may be a lazy view.
      const entryFile = relative(process.cwd(), entries[tag] ?? defineModuleOf(tag));
      const entryOutput = Object.keys(outputs).find((file) => outputs[file].entryPoint === entryFile);
      if (!entryOutput) throw new Error(`esbuild's metafile has no output for ${entryFile}`);
      // Chunks a file imports for nothing (`import "./chunk.js";`): esbuild adds such an import for a
      // module that a dynamic import needs and a barrel's `export *` reaches statically, though the
      // importer uses none of it (core's issue descriptions, which the client loads on demand).
      const textOf = new Map(result.outputFiles.map((file) => [relative(process.cwd(), file.path), file.text]));
      const bareImports = (file) => new Set([...(textOf.get(file) ?? '').matchAll(/^import "(\.[^"]+)";$/gm)].map((m) => join(dirname(file), m[1])));
      // The entry's output and the chunks it imports statically, for something, run at definition time.
      const eagerFiles = new Set();
      const visit = (file) => {
        if (eagerFiles.has(file)) return;
        eagerFiles.add(file);
        const bare = bareImports(file);
        for (const imported of outputs[file].imports) {
          if (imported.kind === 'import-statement' && outputs[imported.path] && !bare.has(imported.path)) visit(imported.path);
        }
      };
      visit(entryOutput);
      const eager = new Set();
      const lazy = new Set();
      for (const [file, output] of Object.entries(outputs)) {
        if (!file.endsWith('.js')) continue;
        for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
          if (bytesInOutput > 0) (eagerFiles.has(file) ? eager : lazy).add(resolve(root, input));
        }
      }
      for (const module of eager) lazy.delete(module);
      usage[tag] = { eager, lazy };
    }),
  );
  return usage;
}

/** `packages/core/src/client/api.ts` for an absolute path inside the repository (node_modules shortened). */
export function displayPath(path) {
  const relativePath = path.startsWith(root) ? path.slice(root.length + 1) : path;
  return relativePath.replace(/^(?:.*\/)?node_modules\//, '');
}
