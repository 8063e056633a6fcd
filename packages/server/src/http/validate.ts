/**
 * Parses bodies and query strings with the contract's schemas, and turns every schema issue
 * into a field error a person can act on (`customer.company: must not be empty`).
 * @module
 */
import type { FieldError } from '@partnerkit/core/schemas';
import { isStorableText } from './body.js';
import { problems } from './problem.js';

/** The parts of a zod issue the messages read. */
interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: string;
  keys?: readonly string[];
  values?: readonly unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
}

/** What `safeParse` of a zod schema answers. */
type SafeResult<T> = { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };

/** Any zod schema, by what this module needs of it. */
export interface Schema<T> {
  safeParse(data: unknown): SafeResult<T>;
}

/** zod/mini ships no message catalogue: its default text is this, so we write our own. */
const DEFAULT_MESSAGE = 'Invalid input';

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

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function sizeMessage(issue: Issue, atLeast: boolean): string {
  const bound = atLeast ? issue.minimum : issue.maximum;
  const word = atLeast ? (issue.inclusive === false ? 'more than' : 'at least') : issue.inclusive === false ? 'less than' : 'at most';
  if (issue.origin === 'string') return `must be ${word} ${bound} characters`;
  if (issue.origin === 'array' || issue.origin === 'set') return `must have ${word} ${bound} items`;
  return `must be ${word} ${bound}`;
}

function messageOf(issue: Issue, input: unknown): string {
  if (issue.message !== DEFAULT_MESSAGE && issue.message !== '') return issue.message;
  const missing = valueAt(input, issue.path) === undefined;
  switch (issue.code) {
    case 'invalid_type':
      return missing ? 'is required' : `must be ${TYPE_NAMES[issue.expected ?? ''] ?? issue.expected ?? 'of another type'}`;
    case 'invalid_value':
      if (missing) return `is required: one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
      return `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return sizeMessage(issue, true);
    case 'too_big':
      return sizeMessage(issue, false);
    case 'invalid_format':
      return `must be a valid ${issue.format ?? 'value'}`;
    case 'invalid_union':
      return 'does not match any accepted shape';
    case 'not_multiple_of':
      return 'is not an allowed step';
    default:
      return 'is not valid';
  }
}

const pathText = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Field errors of a failed parse: an unknown key becomes its own error at its path. */
export function fieldErrors(issues: readonly Issue[], input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) errors.push({ path: pathText([...issue.path, key]), message: 'is not a known field' });
      continue;
    }
    errors.push({ path: pathText(issue.path), message: messageOf(issue, input) });
  }
  return errors;
}

/** Parses `input` with `schema`, or throws a `validation_failed` problem naming every issue. */
export function parseWith<T>(schema: Schema<T>, input: unknown, prefix: readonly string[] = []): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error.issues, input).map((e) => ({ ...e, path: [...prefix, e.path].filter((p) => p !== '').join('.') }));
  throw problems.validation(errors);
}

/**
 * The query string as a plain object for a query schema: the parameters the schema knows
 * (`known`), each given once. Unknown parameters are ignored, as the contract says (caches and
 * analytics add their own, `?utm_source=`); a known one given twice is ambiguous and refused.
 */
export function queryObject(url: URL, known: readonly string[]): Record<string, string> {
  const query: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const [name, value] of url.searchParams) {
    if (!known.includes(name)) continue;
    if (!isStorableText(value)) errors.push({ path: name, message: 'must be valid Unicode text without NUL characters' });
    else if (name in query) errors.push({ path: name, message: 'must be given once' });
    else query[name] = value;
  }
  if (errors.length > 0) throw problems.validation(errors);
  return query;
}
