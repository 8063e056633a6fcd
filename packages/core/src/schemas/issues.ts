/**
 * Readable descriptions of schema violations, shared by the server's problem documents and the
 * client's errors. zod/mini ships without message catalogues (its
 * messages are all "Invalid input" unless a schema names one), so describe each issue from its
 * structured fields: what the contract expects, never the value received (issues only carry the
 * input when asked to, and the client never asks).
 * @module
 */
import type * as z from 'zod/mini';
import type { FieldError } from './problem.js';

const GENERIC = 'Invalid input';

const unitOf = (origin: string) => (origin === 'string' ? ' characters' : origin === 'array' || origin === 'set' ? ' items' : '');

/** What the contract expects where `issue` failed. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== GENERIC) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `expected ${JSON.stringify(issue.values[0])}` : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `expected ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${unitOf(issue.origin)}`;
    case 'too_big':
      return `expected ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${unitOf(issue.origin)}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'does not match the expected pattern' : `expected a valid ${issue.format}`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return 'matches none of the allowed shapes';
    case 'invalid_key':
      return `has an invalid key`;
    case 'invalid_element':
      return 'has an invalid element';
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? 'is not a field of the contract' : `has ${issue.keys.length} unexpected fields`;
    default:
      return 'violates the contract';
  }
}

/** `customer.company`, `data[3].value`: a path as people read it. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/**
 * The field errors of a problem document: one per issue, and one per unexpected field so each
 * names the field to remove.
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatIssuePath([...issue.path, key]), message: 'is not a field of the contract' }))
      : [{ path: formatIssuePath(issue.path), message: describeIssue(issue) }],
  );
}
