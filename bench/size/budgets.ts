/**
 * The size budgets, read from `scripts/size.mjs` (the one place they are set) so the benchmark
 * can never disagree with `npm run size -- --check`. That script runs on import, so its
 * `BUDGETS` table is read as text: `name: <n> * KB` lines.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** gzip byte budgets by kind: `loader`, `shared`, `widget`, `page`. */
export type Budgets = Readonly<Record<string, number>>;

export function readBudgets(root: string): Budgets {
  const source = readFileSync(join(root, 'scripts/size.mjs'), 'utf8');
  const kb = /const KB = (\d+);/.exec(source);
  const block = /const BUDGETS = \{([\s\S]*?)\};/.exec(source);
  if (!kb || !block) throw new Error('scripts/size.mjs no longer has `const KB = ...` and `const BUDGETS = {...}`: update bench/size/budgets.ts');
  const budgets: Record<string, number> = {};
  for (const [, name, value] of block[1]!.matchAll(/(\w+):\s*([\d.]+)\s*\*\s*KB/g)) budgets[name!] = Number(value) * Number(kb[1]);
  if (Object.keys(budgets).length === 0) throw new Error('scripts/size.mjs: no budgets found in BUDGETS');
  return budgets;
}
