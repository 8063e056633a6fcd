/**
 * Scrubbing a known secret out of text a backend or a fetch implementation produced. The client
 * never puts a token into an error itself; this covers a backend that echoes one back.
 * @module
 */

const REDACTED = '[REDACTED]';

/** `value` with every string inside it cleared of `secret` (objects and arrays are copied). */
export function redact<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  if (typeof value === 'string') return value.split(secret).join(REDACTED) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redact(item, secret)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item, secret)])) as T;
  }
  return value;
}
