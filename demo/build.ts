/**
 * The one build the demo needs: the elements' CDN bundle (`packages/elements/dist/cdn`), made
 * with the project's own rollup configuration, and only when it is missing or older than what
 * it is built from. The server runs from TypeScript sources, so nothing else is built.
 * @module
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OutputOptions, RollupOptions } from 'rollup';
import { CDN_DIR, ROOT } from './server.js';

/** What the CDN bundle is built from: the elements and core sources, their manifests, the build config and the lock file. */
const INPUTS = ['packages/elements/src', 'packages/core/src', 'packages/elements/package.json', 'packages/core/package.json', 'rollup.config.mjs', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Why the bundle must be built, or null when it is up to date. */
export function cdnBuildReason(): string | null {
  const loader = join(CDN_DIR, 'loader.js');
  if (!existsSync(loader)) return 'no CDN build yet';
  const built = statSync(loader).mtimeMs;
  const changed = INPUTS.find((input) => newestMtime(join(ROOT, input)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/**
 * Builds the CDN bundle when {@link cdnBuildReason} says so. Returns what was done and how long
 * it took; `onBuild` hears why before a build starts.
 */
export async function ensureCdnBuild(onBuild: (reason: string) => void = () => {}): Promise<{ built: boolean; ms: number }> {
  const started = performance.now();
  const reason = cdnBuildReason();
  if (!reason) return { built: false, ms: performance.now() - started };
  onBuild(reason);
  const { rollup } = await import('rollup');
  // The configuration resolves paths against the working directory: build from the root.
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const configs = (await import(pathToFileURL(join(ROOT, 'rollup.config.mjs')).href)).default as RollupOptions[];
    const cdn = configs.find((config) => (config.output as OutputOptions | undefined)?.dir === 'packages/elements/dist/cdn');
    if (!cdn) throw new Error('rollup.config.mjs has no CDN build (output dir packages/elements/dist/cdn)');
    const bundle = await rollup({ ...cdn, onwarn: () => {} });
    try {
      await bundle.write(cdn.output as OutputOptions);
    } finally {
      await bundle.close();
    }
  } finally {
    process.chdir(cwd);
  }
  return { built: true, ms: performance.now() - started };
}
