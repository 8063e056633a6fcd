/**
 * The size budgets, read from `scripts/size.mjs` (the one place they are set) so the benchmark
 * can never disagree with `npm run size -- --check`: the goals (`BUDGETS`) and, where a goal is
 * not met yet, the ceilings `--check` enforces meanwhile (`CEILINGS`). That script runs on import,
 * so its tables are read as text: `name: <n> * KB` lines.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** gzip byte budgets by kind: `loader`, `shared`, `widget`, `page`. */
export type Budgets = Readonly<Record<string, number>>;

/** Goals and ceilings by kind, in gzip bytes. */
export interface SizeLimits {
  goals: Budgets;
  ceilings: Budgets;
}

function readTable(source: string, name: string, kb: number): Record<string, number> | null {
  const block = new RegExp(`const ${name} = \\{([\\s\\S]*?)\\};`).exec(source);
  if (!block) return null;
  const table: Record<string, number> = {};
  for (const [, key, value] of block[1]!.matchAll(/(\w+):\s*([\d.]+)\s*\*\s*KB/g)) table[key!] = Number(value) * kb;
  return table;
}

export function readBudgets(root: string): SizeLimits {
  const source = readFileSync(join(root, 'scripts/size.mjs'), 'utf8');
  const kb = /const KB = (\d+);/.exec(source);
  const goals = kb ? readTable(source, 'BUDGETS', Number(kb[1])) : null;
  if (!kb || !goals || Object.keys(goals).length === 0) {
    throw new Error('scripts/size.mjs no longer has `const KB = ...` and `const BUDGETS = {...}`: update bench/size/budgets.ts');
  }
  return { goals, ceilings: readTable(source, 'CEILINGS', Number(kb[1])) ?? {} };
}
