import type { ErrorKind } from './brand.js';
import { PartnerKitError } from './partnerkit-error.js';
import { describeRequest, type FailedRequest } from './request-info.js';

/**
 * The backend did not answer within `timeout` milliseconds (per attempt).
 *
 * @example
 * ```ts
 * import { isTimeoutError } from '@partnerkit/core/client';
 * try {
 *   await client.partners.scorecard('p_1');
 * } catch (error) {
 *   if (isTimeoutError(error)) console.warn(`no answer after ${error.timeout} ms`);
 * }
 * ```
 */
export class TimeoutError extends PartnerKitError {
  static override readonly kind: ErrorKind = 'TimeoutError';
  readonly code = 'timeout';
  /** Method and URL of the request that timed out. */
  readonly request: FailedRequest;
  /** The timeout that elapsed, in milliseconds. */
  readonly timeout: number;

  constructor(request: FailedRequest, timeout: number) {
    super(`The PartnerKit backend did not answer within ${timeout} ms (${describeRequest(request)})`);
    this.request = request;
    this.timeout = timeout;
  }
}
