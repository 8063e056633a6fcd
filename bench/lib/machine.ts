/**
 * The machine a run measured, read at run time: figures only mean something next to it.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** Filled in by the parts that use them. */
  chromium: string | null;
  postgres: string | null;
  pglite: string | null;
  /** 1-minute load average when the run started and when it ended (other work on the machine skews figures). */
  load: { start: number; end: number | null };
  commit: string | null;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return `${pretty ?? process.platform} (kernel ${release()})`;
  } catch {
    return `${process.platform} ${release()}`;
  }
}

function commit(root: string): string | null {
  if (!existsSync(`${root}/.git`)) return null;
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return null;
  }
}

export function describeMachine(root: string): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    node: process.version,
    chromium: null,
    postgres: null,
    pglite: null,
    load: { start: loadavg()[0] ?? 0, end: null },
    commit: commit(root),
  };
}

export const currentLoad = (): number => loadavg()[0] ?? 0;
