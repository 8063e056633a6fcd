/**
 * What the kit says when something went wrong outside its own checks: an error of the typed
 * client (the backend's answer broke the contract, was an error, or never came) told in the
 * kit's words, request, answer and expectation, with the backend's request id set apart so it
 * never reads as part of the sentence.
 * @module
 */
import { isHttpError, isNetworkError, isPartnerKitError, isResponseValidationError, isTimeoutError } from '@partnerkit/core/client';

/** `GET /v1/kpis/x`: the method and the path from `/v1/` on. */
function requestOf(request: { method: string; url: string }): string {
  let path = request.url;
  try {
    path = new URL(request.url).pathname;
  } catch {
    // Not a URL: shown as it is.
  }
  const at = path.indexOf('/v1/');
  return `${request.method} ${at === -1 ? path : path.slice(at)}`;
}

const idNote = (requestId: string | null) => (requestId ? ` [X-Request-Id: ${JSON.stringify(requestId)}]` : '');

/** The failure as one sentence a backend author can act on. */
export function describeFailure(error: unknown): string {
  if (isResponseValidationError(error)) {
    const issues = error.issues.slice(0, 4).map((issue) => (issue.path ? `${issue.path} ${issue.message}` : issue.message));
    if (error.issues.length > 4) issues.push(`and ${error.issues.length - 4} more`);
    return `${requestOf(error.request)} answered ${error.status} with a body the contract does not allow: ${issues.join('; ')}; expected the contract's schema for this answer${idNote(error.requestId)}`;
  }
  if (isHttpError(error)) {
    const detail = error.problem.detail ?? error.problem.title;
    return `${requestOf(error.request)} answered ${error.status} ${error.code}${detail ? `: ${detail}` : ''}; expected a success${idNote(error.requestId)}`;
  }
  if (isTimeoutError(error) || isNetworkError(error)) {
    return `${requestOf(error.request)} got no answer (${error.message}); expected the backend to answer`;
  }
  if (isPartnerKitError(error)) {
    // A session that could not be minted: what minting it answered.
    const cause = (error as { cause?: unknown }).cause;
    return cause === undefined ? `${error.name}: ${error.message}` : `${error.message}: ${describeFailure(cause)}`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
