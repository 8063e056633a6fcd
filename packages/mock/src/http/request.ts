/**
 * Reading requests: JSON bodies within a size limit, query strings and path ids, each checked
 * with the contract's schemas and answered, when wrong, with field errors in core's words.
 * @module
 */
import { fieldErrors, Id, type SchemaIssue } from '@partnerkit/core/schemas';
import { problems } from './problem.js';

/** Largest body the mock accepts: 1 MiB, like the reference server. */
export const BODY_LIMIT = 1_048_576;

type SafeResult<T> = { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };

/** Any zod schema, by what this module needs of it. */
export interface Schema<T> {
  safeParse(data: unknown): SafeResult<T>;
}

/** Parses `input` with `schema`, or throws `validation_failed` naming every issue (under `prefix`). */
export function parseWith<T>(schema: Schema<T>, input: unknown, prefix: readonly string[] = []): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error.issues, input).map((e) => ({ ...e, path: [...prefix, e.path].filter((p) => p !== '').join('.') }));
  throw problems.validation(errors);
}

function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => {
    const [name, value] = param.split('=').map((s) => s.trim());
    return name !== 'charset' || value === 'utf-8' || value === '"utf-8"' || value === 'utf8';
  });
}

/** The body's bytes, refused with 413 past the limit. */
async function readBytes(request: Request): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > BODY_LIMIT) throw problems.payloadTooLarge(BODY_LIMIT);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > BODY_LIMIT) throw problems.payloadTooLarge(BODY_LIMIT);
  return bytes;
}

/** The parsed JSON body; `allowEmpty` lets an operation that needs none be called without one. */
export async function readJsonBody(request: Request, { allowEmpty = false } = {}): Promise<unknown> {
  const bytes = await readBytes(request);
  if (bytes.byteLength === 0 && allowEmpty) return undefined;
  if (!isJsonContentType(request.headers.get('content-type'))) throw problems.unsupportedMediaType();
  if (bytes.byteLength === 0) throw problems.malformedJson('The body is empty; send a JSON object.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw problems.malformedJson('The body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message.replace(/, "[\s\S]*"(\.\.\.)? is not valid JSON$/, '').slice(0, 200) : 'not JSON';
    throw problems.malformedJson(`The body is not valid JSON: ${reason}.`);
  }
}

/**
 * The query string as a plain object for a query schema: the parameters it knows, each given
 * once. Unknown parameters are ignored, as the contract says; a known one given twice is refused.
 */
export function queryObject(url: URL, known: readonly string[]): Record<string, string> {
  const query: Record<string, string> = {};
  const repeated = new Set<string>();
  for (const [name, value] of url.searchParams) {
    if (!known.includes(name)) continue;
    if (name in query) repeated.add(name);
    else query[name] = value;
  }
  if (repeated.size > 0) throw problems.validation([...repeated].map((name) => ({ path: name, message: 'must be given once' })));
  return query;
}

/** A path parameter, checked against the contract's id format. */
export function pathId(value: string, name = 'id'): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    throw problems.validation([{ path: 'path', message: 'is not a valid URL path' }]);
  }
  return parseWith(Id, decoded, [name]);
}
