/**
 * The one gate every URL passes before the library links to it or opens it.
 * @module
 */

/**
 * `value` as a normalised absolute URL when its scheme is `http:` or `https:`, else null.
 * Uses the WHATWG URL parser, so tricks that fool string checks (`JaVaScRiPt:`, leading spaces,
 * tabs or newlines inside the scheme, relative or protocol-relative URLs) are judged as a browser
 * would follow them. The normalised `href` is returned so what is checked is what is used.
 */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** Thrown (and reported as `pk-error` with code `unsafe_url`) when a URL is not http(s). */
export class UnsafeUrlError extends Error {
  override readonly name = 'UnsafeUrlError';
  readonly code = 'unsafe_url';

  constructor() {
    // The URL itself is left out: it may carry script or data the host's logs should not keep.
    super('Refused to open a resource URL that is not http: or https:');
  }
}
