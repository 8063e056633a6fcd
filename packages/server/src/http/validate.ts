/**
 * Parses bodies and query strings with the contract's schemas. Every schema issue becomes a
 * field error a person can act on (`customer.company: must not be empty`), in the words core
 * gives the client's errors too.
 * @module
 */
import { type FieldError, fieldErrors, type SchemaIssue } from '@partnerkit/core/schemas';
import { isStorableText } from './body.js';
import { problems } from './problem.js';

/** What `safeParse` of a zod schema answers. */
type SafeResult<T> = { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };

/** Any zod schema, by what this module needs of it. */
export interface Schema<T> {
  safeParse(data: unknown): SafeResult<T>;
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
