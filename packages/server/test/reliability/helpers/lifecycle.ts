/**
 * The check every suite that moves deals shares: a deal's history is a walk through core's
 * lifecycle table, made by roles the table allows, with reasons where it requires them.
 */
import assert from 'node:assert/strict';
import { findTransition, MAX_PROTECTION_EXTENSIONS } from '@partnerkit/core/rules';
import type { DealHistoryEntry, DealStatus } from '@partnerkit/core/schemas';

/** Asserts that `history` is a valid path from creation; answers the number of moves in it. */
export function assertValidPath(history: readonly DealHistoryEntry[], what: string): number {
  assert.ok(Array.isArray(history) && history.length >= 1, `${what}: no history`);
  const first = history[0] as DealHistoryEntry;
  assert.equal(first.from, null, `${what}: history starts at creation`);
  assert.ok(first.to === 'submitted' || first.to === 'draft', `${what}: created as ${first.to}`);
  let extensions = 0;
  for (let i = 1; i < history.length; i += 1) {
    const previous = history[i - 1] as DealHistoryEntry;
    const entry = history[i] as DealHistoryEntry;
    assert.equal(entry.from, previous.to, `${what}: move ${i} starts at ${entry.from}, but the deal was ${previous.to}`);
    const move = findTransition(entry.from as DealStatus, entry.to);
    assert.ok(move, `${what}: ${entry.from} -> ${entry.to} is not in DEAL_TRANSITIONS`);
    assert.ok(move.roles.includes(entry.by.role), `${what}: ${entry.by.role} may not move ${entry.from} -> ${entry.to}`);
    if (move.reason === 'required') assert.ok(entry.reason && entry.reason.trim() !== '', `${what}: ${entry.from} -> ${entry.to} without its reason`);
    if (entry.from === 'approved' && entry.to === 'approved') extensions += 1;
    assert.ok(Date.parse(entry.at) >= Date.parse(previous.at), `${what}: history out of order`);
  }
  assert.ok(extensions <= MAX_PROTECTION_EXTENSIONS, `${what}: extended ${extensions} times`);
  return history.length - 1;
}
