/**
 * The words for an answer that breaks the contract, loaded only when one does: every page that
 * embeds the client carries this module, and the descriptions (`schemas/issues.ts`) are rarely
 * needed.
 * @module
 */
import type { SchemaIssue } from '../../schemas/issues.js';

/** A schema violation as the client's errors name it: where, and what the contract expects. */
export interface IssueWords {
  path: string;
  message: string;
}

/** Describes `issues` (paths and expectations only, never the value received). */
export async function describeIssues(issues: readonly SchemaIssue[]): Promise<IssueWords[]> {
  try {
    const { describeIssue, formatIssuePath } = await import('../../schemas/issues.js');
    return issues.map((issue) => ({ path: formatIssuePath(issue.path), message: describeIssue(issue) }));
  } catch {
    // The descriptions could not load (a CDN chunk while offline): zod's own words, still without values.
    return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  }
}
