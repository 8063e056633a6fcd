/**
 * Which message a failure shows: every problem code of the contract with its documented status
 * (docs/contract.md), and the client's own codes, written out here rather than derived, so a
 * change to the mapping or to a code's status shows up as a failure.
 */
import { expect } from '@open-wc/testing';
import { PROBLEM_CODES } from '@partnerkit/core/schemas';
import { describeError } from '../../src/platform/describe-error.js';

const problems: Record<(typeof PROBLEM_CODES)[number], [status: number, key: string]> = {
  validation_failed: [400, 'pk.error.invalidRequest'],
  malformed_json: [400, 'pk.error.invalidRequest'],
  malformed_request: [400, 'pk.error.invalidRequest'],
  unsupported_media_type: [415, 'pk.error.invalidRequest'],
  payload_too_large: [413, 'pk.error.invalidRequest'],
  headers_too_large: [431, 'pk.error.invalidRequest'],
  request_timeout: [408, 'pk.error.timeout'],
  unauthorized: [401, 'pk.error.unauthorized'],
  forbidden: [403, 'pk.error.forbidden'],
  agreement_required: [403, 'pk.error.agreementRequired'],
  not_found: [404, 'pk.error.notFound'],
  method_not_allowed: [405, 'pk.error.invalidRequest'],
  deal_conflict: [409, 'pk.error.invalidRequest'],
  in_use: [409, 'pk.error.invalidRequest'],
  invalid_transition: [409, 'pk.error.invalidRequest'],
  plan_changed: [409, 'pk.error.invalidRequest'],
  attempts_exhausted: [409, 'pk.error.invalidRequest'],
  assessment_passed: [409, 'pk.error.invalidRequest'],
  request_closed: [409, 'pk.error.invalidRequest'],
  kpi_computed: [409, 'pk.error.invalidRequest'],
  invalid_cursor: [400, 'pk.error.invalidRequest'],
  idempotency_mismatch: [422, 'pk.error.invalidRequest'],
  rate_limited: [429, 'pk.error.rateLimited'],
  internal_error: [500, 'pk.error.server'],
  service_unavailable: [503, 'pk.error.server'],
};

describe('describeError', () => {
  it('gives every problem code of the contract, with its status, its message', () => {
    for (const code of PROBLEM_CODES) {
      const [status, key] = problems[code];
      expect(describeError({ name: 'ProblemError', code, status, message: 'm' }).messageKey, code).to.equal(key);
    }
  });

  it('reads the client’s own failures, which have no status or a misleading one', () => {
    expect(describeError({ name: 'NetworkError', code: 'network_error' }).messageKey).to.equal('pk.error.network');
    expect(describeError({ name: 'TimeoutError', code: 'timeout' }).messageKey).to.equal('pk.error.timeout');
    expect(describeError({ name: 'ResponseValidationError', code: 'invalid_response', status: 200 }).messageKey).to.equal('pk.error.invalidResponse');
    expect(describeError({ name: 'SessionError', code: 'session_failed' }).messageKey).to.equal('pk.error.session');
    expect(describeError({ name: 'SessionError', code: 'session_invalid', status: 401 }).messageKey).to.equal('pk.error.session');
    expect(describeError(new TypeError('Failed to fetch')).messageKey).to.equal('pk.error.network');
    // A session route that answered 403 refused the caller: the status says so, not the class.
    expect(describeError({ name: 'SessionError', code: 'forbidden', status: 403 }).messageKey).to.equal('pk.error.forbidden');
    expect(describeError({ name: 'SessionError' }).messageKey).to.equal('pk.error.session');
  });

  it('falls back on the status for codes it does not know, and on unknown_error for anything else', () => {
    expect(describeError({ code: 'backend_specific', status: 409 }).messageKey).to.equal('pk.error.invalidRequest');
    expect(describeError({ code: 'backend_specific', status: 502 }).messageKey).to.equal('pk.error.server');
    const unknown = describeError('a string');
    expect(unknown.messageKey).to.equal('pk.error.unknown');
    expect(unknown.code).to.equal('unknown_error');
  });

  it('keeps the request id and a finite retry delay, and nothing that is not one', () => {
    const described = describeError({ code: 'rate_limited', status: 429, requestId: 'req_1', retryAfter: 30, message: 'slow down' });
    expect(described).to.deep.equal({ code: 'rate_limited', status: 429, requestId: 'req_1', retryAfter: 30, message: 'slow down', messageKey: 'pk.error.rateLimited' });
    expect(describeError({ code: 'rate_limited', status: 429, retryAfter: Number.NaN })).not.to.have.property('retryAfter');
  });
});
