/**
 * The report for machines: the run, every check with its rule and outcome, and the cleanup.
 * @module
 */
import type { RunReport } from '../runner.js';

/** Identifies the JSON layout; a change that breaks readers bumps it. */
export const JSON_FORMAT = 'partnerkit-conformance-report/1';

/** The JSON report, as `--json` writes it. */
export interface JsonReport extends RunReport {
  format: typeof JSON_FORMAT;
  ok: boolean;
}

/** The report as a JSON document (two-space indented, one trailing newline). */
export function renderJson(report: RunReport): string {
  const document: JsonReport = { format: JSON_FORMAT, ok: report.summary.failed === 0, ...report };
  return `${JSON.stringify(document, null, 2)}\n`;
}
