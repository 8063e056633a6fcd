import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkApplicationTransition, checkRequestTransition, checkTransition } from '@partnerkit/core/rules';
import { moveRefused } from '@partnerkit/core/schemas';

const refused = (verdict: ReturnType<typeof checkTransition>) => {
  assert.equal(verdict.ok, false);
  return verdict as Extract<typeof verdict, { ok: false }>;
};

test("a lifecycle's refusal becomes the contract's problem: 403 for the role, 400 at reason, else 409 invalid_transition", () => {
  const forbidden = moveRefused(refused(checkTransition({ from: 'submitted', to: 'approved', role: 'partner', reason: null })), 'deal');
  assert.deepEqual([forbidden.status, forbidden.code], [403, 'forbidden']);
  const noReason = moveRefused(refused(checkTransition({ from: 'submitted', to: 'rejected', role: 'manager', reason: null })), 'deal');
  assert.deepEqual([noReason.status, noReason.code, noReason.extra.errors?.[0]?.path], [400, 'validation_failed', 'reason']);
  const invalid = moveRefused(refused(checkTransition({ from: 'rejected', to: 'approved', role: 'manager', reason: null })), 'deal');
  assert.deepEqual([invalid.status, invalid.code, invalid.title], [409, 'invalid_transition', 'The deal cannot make this move']);
});

test('an application refused a move is named as one', () => {
  const verdict = checkApplicationTransition({ from: 'approved', to: 'submitted', role: 'admin', reason: null, heldFrom: null });
  assert.equal(verdict.ok, false);
  if (verdict.ok) return;
  const problem = moveRefused(verdict, 'application');
  assert.deepEqual([problem.status, problem.code, problem.title], [409, 'invalid_transition', 'The application cannot make this move']);
});

test('a closed request answers request_closed; a move a request cannot make is named as a request', () => {
  const resolvedAt = '2026-01-01T00:00:00.000Z';
  const closed = checkRequestTransition({ from: 'closed', to: 'open', role: 'partner', reason: 'Still broken', resolvedAt, now: new Date('2026-01-02T00:00:00Z') });
  assert.equal(closed.ok, false);
  if (!closed.ok) assert.equal(moveRefused(closed, 'request').code, 'request_closed');
  const late = checkRequestTransition({ from: 'resolved', to: 'open', role: 'partner', reason: 'Still broken', resolvedAt, now: new Date('2026-03-01T00:00:00Z') });
  assert.equal(late.ok, false);
  if (!late.ok) {
    const problem = moveRefused(late, 'request');
    assert.deepEqual([problem.status, problem.code, problem.title], [409, 'invalid_transition', 'The request cannot make this move']);
  }
});
