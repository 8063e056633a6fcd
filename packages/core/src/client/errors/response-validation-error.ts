import type { ErrorKind } from './brand.js';
import { PartnerKitError } from './partnerkit-error.js';
import { describeRequest, type FailedRequest } from './request-info.js';

/**
 * One way a response broke the contract: where, and what the schema expected.
 *
 * @example
 * ```ts
 * const issue: ContractIssue = { path: 'data[0].status', message: 'expected one of "draft", "submitted", ...' };
 * ```
 */
export interface ContractIssue {
  /** Dotted path into the body, `data[0].status`; empty for the body as a whole. */
  path: string;
  /** What the contract expects there (never the value that was sent). */
  message: string;
}

/**
 * The backend sent something the contract forbids (a 2xx whose body fails the schema, or is not
 * JSON). It lists the failing paths and the request id, never the body's values, which may hold
 * secrets.
 *
 * @example
 * ```ts
 * import { isResponseValidationError } from '@partnerkit/core/client';
 * try {
 *   await client.deals.list();
 * } catch (error) {
 *   if (isResponseValidationError(error)) reportBug(error.issues, error.requestId);
 * }
 * ```
 */
export class ResponseValidationError extends PartnerKitError {
  static override readonly kind: ErrorKind = 'ResponseValidationError';
  readonly code = 'invalid_response';
  /** Method and URL of the request. */
  readonly request: FailedRequest;
  /** The HTTP status of the offending response. */
  readonly status: number;
  /** The backend's request id, if any. */
  readonly requestId: string | null;
  /** The contract violations, by path. */
  readonly issues: readonly ContractIssue[];

  constructor(init: { request: FailedRequest; status: number; requestId: string | null; issues: readonly ContractIssue[] }) {
    const shown = init.issues.slice(0, 5).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
    if (init.issues.length > shown.length) shown.push(`and ${init.issues.length - shown.length} more`);
    const where = [describeRequest(init.request), ...(init.requestId ? [`request ${init.requestId}`] : [])].join(', ');
    super(`The backend's answer breaks the PartnerKit contract (${where}): ${shown.join('; ')}`);
    this.request = init.request;
    this.status = init.status;
    this.requestId = init.requestId;
    this.issues = init.issues;
  }
}
