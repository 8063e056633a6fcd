/**
 * Builds the bench page's script with esbuild: PartnerKit packages from source (their
 * `partnerkit-source` export targets, as the CDN build reads them), everything else, and the elements'
 * `#dev-mode`, in production form, minified. So the widgets run as a site would ship them.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** Resolves `@partnerkit/<pkg>[/sub]` to the `partnerkit-source` (TypeScript source) target of that package's exports. */
function workspaceSources(root: string): Plugin {
  return {
    name: 'partnerkit-workspace-sources',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^@partnerkit\// }, (args) => {
        const match = /^@partnerkit\/([^/]+)(\/.+)?$/.exec(args.path);
        if (!match) return undefined;
        const dir = join(root, 'packages', match[1]!);
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports: Record<string, { 'partnerkit-source'?: string } | string> };
        const target = manifest.exports[`.${match[2] ?? ''}`];
        const source = typeof target === 'object' ? target['partnerkit-source'] : undefined;
        if (!source) return { errors: [{ text: `${args.path} has no partnerkit-source export` }] };
        return { path: join(dir, source) };
      });
    },
  };
}

/** The page script (an IIFE that sets `window.pkBench`). */
export async function bundlePage(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'bench/render/page/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    conditions: ['partnerkit-cdn', 'production', 'browser'],
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [workspaceSources(root)],
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no bench page');
  return output.text;
}
