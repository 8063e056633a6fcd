/**
 * The history entry of one move of an application: who made it (a vendor principal, or the
 * applicant through the public form), when and why.
 * @module
 */
import type { ApplicationHistoryEntry, ApplicationReasonCode, ApplicationStatus } from '@partnerkit/core/schemas';
import { type Caller, callerPerson } from '../security/caller.js';

/** Who made a move: a vendor principal, or the applicant (named by their contact) submitting the public form. */
export type ApplicationMover = { caller: Caller } | { applicant: string };

/** The history entry of a move by `mover` at `at`. */
export function applicationHistoryEntry(
  mover: ApplicationMover,
  at: Date,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
  { reason = null, reasonCode = null, notifiedApplicant = false }: { reason?: string | null; reasonCode?: ApplicationReasonCode | null; notifiedApplicant?: boolean } = {},
): ApplicationHistoryEntry {
  let by: ApplicationHistoryEntry['by'];
  if ('applicant' in mover) by = { role: 'applicant', id: null, name: mover.applicant };
  else {
    const person = callerPerson(mover.caller);
    // Partner sessions never move applications (the routes refuse them first).
    by = { role: mover.caller.role === 'admin' ? 'admin' : 'manager', id: person.id, name: person.name ?? null };
  }
  return { at: at.toISOString(), from, to, by, reason, reasonCode, notifiedApplicant };
}
