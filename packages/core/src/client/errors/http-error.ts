import type { ErrorKind } from './brand.js';
import type { Problem } from '../../schemas/problem.js';
import { httpErrorCode, type HttpErrorCode } from './codes.js';
import { PartnerKitError } from './partnerkit-error.js';
import { describeRequest, type FailedRequest } from './request-info.js';

/**
 * What every HTTP error is built from.
 *
 * @example
 * ```ts
 * const init: HttpErrorInit = {
 *   request: { method: 'GET', url: 'https://prm.example.com/api/v1/deals/d_1' },
 *   problem: { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' },
 *   requestId: null,
 * };
 * throw new NotFoundError(init); // e.g. from a test double of the client
 * ```
 */
export interface HttpErrorInit {
  request: FailedRequest;
  /** The problem document the backend answered with (or one synthesised from the status). */
  problem: Problem;
  /** The backend's request id (`X-Request-Id` header or the problem's `requestId`), if any. */
  requestId: string | null;
}

/**
 * The backend answered with a non-2xx status. `problem` is its RFC 9457 problem document;
 * `code` is the problem's stable code (`not_found`, `deal_conflict`, ...) when the contract
 * defines it, else the contract's code for the status (`service_unavailable` for a proxy's 502
 * page) or `unknown_problem`; `problem.code` keeps whatever the backend sent.
 *
 * @example
 * ```ts
 * import { isHttpError } from '@partnerkit/core/client';
 * try {
 *   await client.partners.get('p_1');
 * } catch (error) {
 *   if (isHttpError(error)) console.warn(error.status, error.problem.title, error.requestId);
 * }
 * ```
 */
export class HttpError extends PartnerKitError {
  static override readonly kind: ErrorKind = 'HttpError';
  /** One of the contract's codes (or `unknown_problem`): a `switch` over it can be exhaustive. */
  readonly code: HttpErrorCode;
  /** The HTTP status. */
  readonly status: number;
  /** The problem document. */
  readonly problem: Problem;
  /** The backend's request id, for support tickets and log searches. */
  readonly requestId: string | null;
  /** Method and URL of the failed request (never headers or body). */
  readonly request: FailedRequest;

  constructor(init: HttpErrorInit) {
    super(httpMessage(init));
    this.code = httpErrorCode(init.problem);
    this.status = init.problem.status;
    this.problem = init.problem;
    this.requestId = init.requestId;
    this.request = init.request;
  }
}

function httpMessage({ problem, request, requestId }: HttpErrorInit): string {
  const what = problem.detail ? `${problem.title}: ${problem.detail}` : problem.title;
  const where = [`${problem.status} ${problem.code}`, describeRequest(request)];
  if (requestId) where.push(`request ${requestId}`);
  return `${what} (${where.join(', ')})`;
}
