/**
 * Readable descriptions of schema violations, shared by the server's problem documents and the
 * client's errors. zod/mini ships without message catalogues (its message is "Invalid input"
 * unless a schema names one), so each issue is described from its structured fields: what the
 * contract expects, never the value received.
 * @module
 */
import type * as z from 'zod/mini';
import type { FieldError } from './problem.js';

/** One issue of a failed parse, as zod reports it; what {@link describeIssue} reads. */
export type SchemaIssue = z.core.$ZodIssue;

const GENERIC = 'Invalid input';

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
  nan: 'a number',
};

/** "must be at least 3 characters", "must have at most 200 items", "must be more than 0". */
function sizeMessage(origin: string, bound: number | bigint, word: string): string {
  if (origin === 'string') return `must be ${word} ${String(bound)} characters`;
  if (origin === 'array' || origin === 'set') return `must have ${word} ${String(bound)} items`;
  return `must be ${word} ${String(bound)}`;
}

const listOf = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * What the contract expects where `issue` failed. Given the parsed `input`, a missing field reads
 * "is required" rather than "must be a string".
 */
export function describeIssue(issue: SchemaIssue, input?: unknown): string {
  if (issue.message && issue.message !== GENERIC) return issue.message;
  const missing = input !== undefined && valueAt(input, issue.path) === undefined;
  switch (issue.code) {
    case 'invalid_type':
      return missing ? 'is required' : `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      if (issue.values.length === 1) return `${missing ? 'is required:' : 'must be'} ${JSON.stringify(issue.values[0])}`;
      return `${missing ? 'is required: ' : 'must be '}one of ${listOf(issue.values)}`;
    case 'too_small':
      return sizeMessage(issue.origin, issue.minimum, issue.inclusive === false ? 'more than' : 'at least');
    case 'too_big':
      return sizeMessage(issue.origin, issue.maximum, issue.inclusive === false ? 'less than' : 'at most');
    case 'invalid_format':
      return issue.format === 'regex' ? 'does not have the expected format' : `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return 'does not match any accepted shape';
    case 'invalid_key':
      // The path names the key; say what a key must be (`translations.VI`: "must be a language tag ...").
      return issue.issues[0] ? describeIssue(issue.issues[0] as SchemaIssue) : 'is not an accepted key';
    case 'invalid_element':
      return 'has an invalid element';
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? 'is not a known field' : `has ${issue.keys.length} unknown fields`;
    default:
      return 'is not valid';
  }
}

/** `customer.company`, `data.3.value`: a path in the contract's dotted form. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * The field errors of a problem document: one per issue, and one per unknown field so each names
 * the field to remove.
 */
export function fieldErrors(issues: readonly SchemaIssue[], input?: unknown): FieldError[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatIssuePath([...issue.path, key]), message: 'is not a known field' }))
      : [{ path: formatIssuePath(issue.path), message: describeIssue(issue, input) }],
  );
}
