/**
 * A deal's history entry: every move, with who made it, when and why.
 * @module
 */
import type { Deal, DealHistoryEntry, DealStatus } from '@partnerkit/core/schemas';
import { type Caller, callerPerson } from '../security/caller.js';

/** The entry of a move `from` -> `to` made by `caller` at `at`. */
export function historyEntry(caller: Caller, at: Date, from: DealStatus | null, to: DealStatus, reason?: string, reasonCode?: Deal['reasonCode']): DealHistoryEntry {
  const person = callerPerson(caller);
  return {
    at: at.toISOString(),
    from,
    to,
    by: { role: caller.role, id: person.id, name: person.name ?? null },
    reason: reason ?? null,
    reasonCode: reasonCode ?? null,
  };
}
