// Packs every workspace package (root package.json's `workspaces`, so a package added later is
// packed too) the way `npm publish` would, after checking that each was built.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './process.mjs';

/**
 * The workspace packages: name, directory and manifest.
 * @param {string} root
 */
export function workspacePackages(root) {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return workspaces.map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    return { name: manifest.name, dir: join(root, dir), manifest };
  });
}

/**
 * `npm pack` of every workspace package into `destination`; returns name -> tarball path.
 * @param {string} root
 * @param {string} destination
 */
export async function packAll(root, destination) {
  const packages = workspacePackages(root);
  const unbuilt = packages.filter((p) => (p.manifest.files ?? []).includes('dist') && !existsSync(join(p.dir, 'dist')));
  if (unbuilt.length) throw new Error(`not built: ${unbuilt.map((p) => p.name).join(', ')} (run \`npm run build\` first)`);
  const { stdout } = await run('npm', ['pack', '--workspaces', '--pack-destination', destination, '--json', '--silent', '--ignore-scripts'], { cwd: root });
  const packed = JSON.parse(stdout);
  const tarballs = new Map(packed.map((p) => [p.name, join(destination, p.filename)]));
  for (const { name } of packages) if (!tarballs.has(name)) throw new Error(`npm pack did not pack ${name}`);
  return { tarballs, packed };
}
