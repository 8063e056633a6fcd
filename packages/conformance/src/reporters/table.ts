/**
 * The report as a table for people: area, check, result, the contract rule it checks, and what
 * the backend did instead. Cells wrap to the terminal's width.
 * @module
 */
import type { CheckResult } from '../check.js';
import type { RunReport } from '../runner.js';
import { RATE_LIMIT_RETRIES } from '../rate-limits.js';

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** Characters per line (default 160). */
  width?: number;
  /** ANSI colours (default false). */
  color?: boolean;
}

const RESULT_TEXT: Record<CheckResult['outcome'], string> = { pass: 'pass', fail: 'FAIL', skip: 'skip' };
const COLOURS: Record<CheckResult['outcome'], string> = { pass: '\u001b[32m', fail: '\u001b[31;1m', skip: '\u001b[33m' };
const RESET = '\u001b[0m';
const DIM = '\u001b[2m';

/** Splits `text` into lines of at most `width` characters, at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while (rest.length > width) {
        if (line) {
          lines.push(line);
          line = '';
        }
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The rule as the table shows it: whole for failures and skips, its first sentence for passes. */
function ruleText(result: CheckResult): string {
  if (result.outcome !== 'pass') return result.rule;
  const first = /^.*?\.(?=\s+[A-Z]|$)/.exec(result.rule)?.[0] ?? result.rule;
  return first.length <= 140 ? first : `${first.slice(0, 139)}…`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The whole report as text: the table, then totals per area, then what cleanup did. */
export function renderTable(report: RunReport, options: TableOptions = {}): string {
  const width = Math.max(100, options.width ?? 160);
  const paint = (outcome: CheckResult['outcome'], text: string) => (options.color ? `${COLOURS[outcome]}${text}${RESET}` : text);
  const dim = (text: string) => (options.color ? `${DIM}${text}${RESET}` : text);
  const fixed = [11, 6];
  const free = width - fixed[0]! - fixed[1]! - 4 * 3;
  const widths = [fixed[0]!, Math.floor(free * 0.3), fixed[1]!, Math.floor(free * 0.35), free - Math.floor(free * 0.3) - Math.floor(free * 0.35)];
  const headers = ['Area', 'Check', 'Result', 'Contract rule', 'Seen'];
  const line = (cells: string[], outcome?: CheckResult['outcome']) =>
    cells
      .map((cell, i) => {
        const padded = cell.padEnd(widths[i]!);
        return i === 2 && outcome ? paint(outcome, padded) : padded;
      })
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');

  const out: string[] = [];
  out.push(`PartnerKit conformance ${report.kit} · contract ${report.contractVersion} · ${report.baseUrl}`);
  out.push(dim(`run ${report.prefix}, started ${report.startedAt}`));
  out.push('');
  out.push(line(headers.map((h, i) => h.slice(0, widths[i]))));
  out.push(rule);
  const blocked = (id: string) => report.results.filter((r) => r.blockedBy === id).map((r) => r.id);
  for (const result of report.results) {
    // A failed setup is reported once, on the row of the check that met it; the checks it kept
    // from running are named there, not given rows of their own.
    if (result.blockedBy !== undefined) continue;
    const columns = [[result.area], wrap(`${result.title} (${result.id})`, widths[1]!), [RESULT_TEXT[result.outcome]], wrap(ruleText(result), widths[3]!), wrap(result.seen ?? '', widths[4]!)];
    const height = Math.max(...columns.map((c) => c.length));
    for (let row = 0; row < height; row++) out.push(line(columns.map((c) => c[row] ?? ''), row === 0 ? result.outcome : undefined));
    const kept = blocked(result.id);
    if (kept.length > 0) {
      for (const text of wrap(`↳ this kept ${plural(kept.length, 'more check')} from running: ${kept.join(', ')}`, width - 2)) out.push(`  ${text}`);
    }
    out.push(dim(rule));
  }
  out.push('');
  for (const area of report.areas) {
    const parts = [`${area.passed} passed`, area.failed ? paint('fail', `${area.failed} failed`) : '', area.skipped ? paint('skip', `${area.skipped} not checked`) : ''].filter(Boolean);
    out.push(`  ${area.area.padEnd(12)} ${parts.join(', ')}`);
  }
  const { summary } = report;
  const verdict = summary.failed > 0 ? paint('fail', `${plural(summary.failed, 'check')} failed`) : paint('pass', 'the backend passes every check run');
  out.push('');
  const notChecked = summary.blocked > 0 ? `${summary.skipped} not checked (${summary.blocked} blocked by a failure above)` : `${summary.skipped} not checked`;
  out.push(`${verdict}: ${summary.passed} passed, ${summary.failed} failed, ${notChecked}, of ${summary.total} (${(report.durationMs / 1000).toFixed(1)} s, ${report.requests} requests)`);
  const { rateLimits } = report;
  if (rateLimits.answers > 0) {
    const kept = rateLimits.exhausted > 0 ? `; ${plural(rateLimits.exhausted, 'request')} still answered 429 after ${RATE_LIMIT_RETRIES} waits, and the checks that sent them saw it` : '';
    out.push(dim(`rate limits: the backend answered 429 ${plural(rateLimits.answers, 'time')}; the run waited ${(rateLimits.waitedMs / 1000).toFixed(1)} s on Retry-After${kept}`));
  }
  const { cleanup } = report;
  out.push(dim(`cleanup: ${cleanup.removed.length} removed, ${cleanup.left.length} left (the contract cannot delete them)${cleanup.failed.length ? `, ${cleanup.failed.length} failed` : ''}`));
  for (const failure of cleanup.failed) out.push(dim(`  cleanup failed: ${failure}`));
  return out.join('\n');
}
