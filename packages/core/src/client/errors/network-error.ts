import type { ErrorKind } from './brand.js';
import { PartnerKitError } from './partnerkit-error.js';
import { describeRequest, type FailedRequest } from './request-info.js';

/**
 * No answer arrived: the connection failed, was reset, or the body could not be read. For
 * retryable requests this is thrown only after the retries are used up.
 *
 * @example
 * ```ts
 * import { isNetworkError } from '@partnerkit/core/client';
 * try {
 *   await client.session.get();
 * } catch (error) {
 *   if (isNetworkError(error)) showOffline();
 * }
 * ```
 */
export class NetworkError extends PartnerKitError {
  static override readonly kind: ErrorKind = 'NetworkError';
  readonly code = 'network_error';
  /** Method and URL of the failed request. */
  readonly request: FailedRequest;

  constructor(request: FailedRequest, options?: { cause?: unknown; reason?: string }) {
    super(`Could not reach the PartnerKit backend (${describeRequest(request)})${options?.reason ? `: ${options.reason}` : ''}`, options);
    this.request = request;
  }
}
