import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkApplicationTransition, checkTransition } from '@partnerkit/core/rules';
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
