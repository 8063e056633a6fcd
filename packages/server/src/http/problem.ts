/**
 * Problem documents (RFC 9457): every error the server answers, and nothing else on errors. The
 * builders are the contract's (`@partnerkit/core`), shared with `@partnerkit/mock`; only what
 * HTTP over a socket adds is the server's own.
 * @module
 */
import { problems as contractProblems } from '@partnerkit/core/schemas';

export { PROBLEM_MEDIA_TYPE, ProblemError, problemResponse } from '@partnerkit/core/schemas';

/** The problems the server answers, one constructor each. */
export const problems = {
  ...contractProblems,
  // The rest of the body is never read, so the connection cannot carry another request.
  payloadTooLarge: (limit: number) => contractProblems.payloadTooLarge(limit).withHeaders({ Connection: 'close' }),
};
