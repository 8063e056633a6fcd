/**
 * What an error may say about the request that failed: method and URL only. Never headers (they
 * hold the token), never the body. Credentials in the URL's user-info part are dropped.
 * @module
 */

/**
 * The request an error is about: method and URL, never headers or body.
 *
 * @example
 * ```ts
 * if (isNetworkError(error)) console.warn(`${error.request.method} ${error.request.url} failed`);
 * ```
 */
export interface FailedRequest {
  /** `GET`, `POST`, ... */
  method: string;
  /** The absolute URL without user-info. */
  url: string;
}

/** Drops `user:password@` from a URL so it is safe to show. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/** `GET /api/v1/deals`: method and path, the short form used in messages. */
export function describeRequest({ method, url }: FailedRequest): string {
  try {
    return `${method} ${new URL(url).pathname}`;
  } catch {
    return method;
  }
}
