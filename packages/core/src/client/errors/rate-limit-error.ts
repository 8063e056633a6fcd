import type { ErrorKind } from './brand.js';
import { HttpError, type HttpErrorInit } from './http-error.js';

/**
 * The backend is rate limiting the caller (429) and the client's retries are used up, or the
 * wait it asked for exceeds `retry.maxRetryAfter`. `retryAfter` is the wait in seconds.
 *
 * @example
 * ```ts
 * import { isRateLimitError } from '@partnerkit/core/client';
 * try {
 *   await client.deals.list();
 * } catch (error) {
 *   if (isRateLimitError(error)) showBanner(`Try again in ${error.retryAfter ?? 60} s`);
 * }
 * ```
 */
export class RateLimitError extends HttpError {
  static override readonly kind: ErrorKind = 'RateLimitError';
  /** Seconds to wait before trying again (from `Retry-After`), or null when not given. */
  readonly retryAfter: number | null;

  constructor(init: HttpErrorInit & { retryAfter: number | null }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}
