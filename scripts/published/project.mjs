// The fresh project outside the workspace, shared by every check: the packed PartnerKit packages,
// every example's dependencies (from the npm registry, through the npm cache), the TypeScript
// versions at the ends of the supported range, and a copy of examples/ whose modules resolve from
// the project's node_modules.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, run } from './process.mjs';

/**
 * The supported TypeScript range (README.md, docs/client.md): its ends, and 5.8, the first that
 * lets CommonJS code `require()` the ESM packages under `module: nodenext`. The examples pin the
 * version the workspace builds with.
 */
export const TYPESCRIPT_VERSIONS = { oldest: '5.5.4', oldestForRequire: '5.8.3', newest: '7.0.2' };

/**
 * Example dependencies the check does not install: Next.js itself (the route handler and page of
 * the Next-style example are Web-standard and React code, served by the check through Vite; see
 * docs/decisions.md).
 */
const NOT_INSTALLED = new Set(['next']);

/** The examples: directory name -> package.json. */
export function readExamples(root) {
  const dir = join(root, 'examples');
  return new Map(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => [entry.name, JSON.parse(readFileSync(join(dir, entry.name, 'package.json'), 'utf8'))]),
  );
}

/**
 * Creates and installs the project under `dir`.
 * @param {{ root: string, dir: string, tarballs: Map<string, string> }} options
 * @returns {Promise<string>} the project's directory
 */
export async function createProject({ root, dir, tarballs }) {
  const project = join(dir, 'project');
  mkdirSync(project, { recursive: true });
  const dependencies = {};
  for (const [example, manifest] of readExamples(root)) {
    for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (name.startsWith('@partnerkit/')) {
        if (!tarballs.has(name)) throw new Error(`examples/${example} depends on ${name}, which is no workspace package`);
        continue;
      }
      if (NOT_INSTALLED.has(name)) continue;
      if (dependencies[name] && dependencies[name] !== version) throw new Error(`examples disagree on ${name}: ${dependencies[name]} and ${version} (examples/${example})`);
      dependencies[name] = version;
    }
  }
  for (const [name, tarball] of tarballs) dependencies[name] = `file:${tarball}`;
  for (const version of new Set(Object.values(TYPESCRIPT_VERSIONS))) dependencies[`typescript-${version}`] = `npm:typescript@${version}`;
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'partnerkit-published-check', private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  // Nothing here may come from the workspace: a clean environment, the npm cache and registry.
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: project, env: cleanEnv(), timeout: 600_000 });
  cpSync(join(root, 'examples'), join(project, 'examples'), { recursive: true, filter: (path) => !/[\\/](node_modules|dist)$/.test(path) });
  return project;
}
