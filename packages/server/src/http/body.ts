/**
 * Request bodies: JSON only, UTF-8 only, within a size limit, read without trusting
 * `Content-Length`.
 * @module
 */
import type { FieldError } from '@partnerkit/core/schemas';
import { problems } from './problem.js';

/** Largest body accepted when the app is not told otherwise: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1_048_576;

function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => {
    const [name, value] = param.split('=').map((s) => s.trim());
    return name !== 'charset' || value === 'utf-8' || value === '"utf-8"' || value === 'utf8';
  });
}

/**
 * How much of an oversized body is read and thrown away before the 413 is sent. A server that
 * answers and closes while the client is still sending makes the client's next write fail, and
 * the reset that follows discards the answer it had not read yet: the client sees a broken
 * connection instead of the 413 (a race that load makes likely). Draining a bounded amount lets
 * ordinary clients read the answer; a longer body is cut off after it, as before.
 */
const OVERSIZE_DRAIN_BYTES = 8 * 1_048_576;

/** Reads and discards up to {@link OVERSIZE_DRAIN_BYTES} more of the body, then stops reading. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
  try {
    for (let size = alreadyRead; size <= OVERSIZE_DRAIN_BYTES; ) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
    }
  } catch {
    // The client went away: nothing left to answer.
  } finally {
    await reader.cancel().catch(() => {});
  }
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) {
    if (request.body !== null) await drain(request.body.getReader(), 0);
    throw problems.payloadTooLarge(limit);
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await drain(reader, size);
      throw problems.payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The parsed JSON body. `allowEmpty` lets an operation that needs no body (opening a resource)
 * be called without one; a body it does get must still be JSON.
 */
export async function readJsonBody(request: Request, limit: number, { allowEmpty = false } = {}): Promise<unknown> {
  const bytes = await readLimited(request, limit);
  if (bytes.byteLength === 0 && allowEmpty) return undefined;
  if (!isJsonContentType(request.headers.get('content-type'))) throw problems.unsupportedMediaType();
  if (bytes.byteLength === 0) throw problems.malformedJson('The body is empty; send a JSON object.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw problems.malformedJson('The body is not valid UTF-8.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    // V8's message names the position or the token; the snippet of the body it may quote is cut off.
    const reason = error instanceof SyntaxError ? error.message.replace(/, "[\s\S]*"(\.\.\.)? is not valid JSON$/, '').slice(0, 200) : 'not JSON';
    throw problems.malformedJson(`The body is not valid JSON: ${reason}.`);
  }
  const unstorable = unstorableStrings(value);
  if (unstorable.length > 0) throw problems.validation(unstorable);
  return value;
}

/** True when `text` can be stored as PostgreSQL text: well-formed Unicode without NUL. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How deeply a body may nest arrays and objects. */
const MAX_DEPTH = 64;

/**
 * Strings PostgreSQL cannot store (NUL, or half a surrogate pair, which JSON allows as `\u`
 * escapes), found before they reach the database and reported with their paths. Walks without
 * recursion, and refuses bodies nested deeper than any contract shape.
 */
function unstorableStrings(root: unknown): FieldError[] {
  const found: FieldError[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0 && found.length < 20) {
    const { value, path } = stack.pop() as { value: unknown; path: string[] };
    if (path.length > MAX_DEPTH) throw problems.malformedJson(`The body nests deeper than ${MAX_DEPTH} levels.`);
    if (typeof value === 'string') {
      if (!isStorableText(value)) found.push({ path: path.join('.'), message: 'must be valid Unicode text without NUL characters' });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, String(i)] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (!isStorableText(key)) found.push({ path: [...path, key].join('.'), message: 'field names must be valid Unicode text' });
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return found;
}
