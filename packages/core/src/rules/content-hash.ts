/**
 * Content hashes: a SHA-256 over a canonical JSON form, so any two parties (a backend, a widget,
 * the conformance kit) that hold the same data compute the same hash, whatever order its keys
 * arrived in.
 * @module
 */

/**
 * `value` as canonical JSON: object keys sorted by UTF-16 code units, no whitespace, `undefined`
 * members left out; strings and numbers as `JSON.stringify` writes them. For the data the
 * contract hashes (strings, booleans, integers, arrays and plain objects) this is the JSON
 * Canonicalization Scheme of RFC 8785.
 * @throws TypeError for a value JSON cannot hold (a function, a symbol, a bigint, a non-finite number).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
}

/**
 * `sha256:` and the lower-case hex SHA-256 of `value`'s {@link canonicalJson} in UTF-8. Uses the
 * Web Crypto API, present in Node 20+, Deno, workers and browsers (on secure origins).
 */
export async function contentHash(value: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(value)));
  return `sha256:${[...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
