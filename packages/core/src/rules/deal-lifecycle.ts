/**
 * The deal registration lifecycle: which moves exist, who may make them, which need a reason,
 * and the protection window of an approved registration.
 * @module
 */
import type { ConflictReason, Deal, DealStatus, KnownEventType, Role } from '../schemas/index.js';
import { DAY_MS } from './periods.js';

/** Who makes a move: a principal's role, or the backend's own clock (`system`). */
export type DealActor = Role | 'system';

/** One allowed move of the lifecycle. */
export interface DealTransition {
  from: DealStatus;
  to: DealStatus;
  roles: readonly DealActor[];
  /** `required`: the move is refused without a non-blank reason. */
  reason: 'required' | 'optional';
}

const PARTNER_AND_VENDOR = ['partner', 'manager', 'admin'] as const;
const VENDOR = ['manager', 'admin'] as const;

const move = (
  from: DealStatus,
  to: DealStatus,
  roles: readonly DealActor[],
  reason: DealTransition['reason'] = 'optional',
): DealTransition => Object.freeze({ from, to, roles: Object.freeze([...roles]), reason });

/**
 * Every allowed move; anything not listed is an `invalid_transition`.
 * `approved -> approved` extends the protection window (at most {@link MAX_PROTECTION_EXTENSIONS}),
 * and only when asked for explicitly ({@link isExtension}, `extend: true`).
 */
export const DEAL_TRANSITIONS: readonly DealTransition[] = Object.freeze([
  move('draft', 'submitted', PARTNER_AND_VENDOR),
  move('draft', 'withdrawn', ['partner'], 'required'),
  move('submitted', 'under_review', VENDOR),
  move('submitted', 'needs_info', VENDOR, 'required'),
  move('submitted', 'approved', VENDOR),
  move('submitted', 'rejected', VENDOR, 'required'),
  move('submitted', 'withdrawn', ['partner'], 'required'),
  move('under_review', 'needs_info', VENDOR, 'required'),
  move('under_review', 'approved', VENDOR),
  move('under_review', 'rejected', VENDOR, 'required'),
  move('under_review', 'withdrawn', ['partner'], 'required'),
  move('needs_info', 'submitted', ['partner']),
  move('needs_info', 'approved', VENDOR),
  move('needs_info', 'rejected', VENDOR, 'required'),
  move('needs_info', 'withdrawn', ['partner'], 'required'),
  move('approved', 'approved', VENDOR),
  move('approved', 'won', PARTNER_AND_VENDOR),
  move('approved', 'lost', PARTNER_AND_VENDOR),
  move('approved', 'expired', ['system']),
]);

/** Statuses that hold the customer: a competing registration cannot be approved meanwhile. */
export const ACTIVE_DEAL_STATUSES: readonly DealStatus[] = Object.freeze(['submitted', 'under_review', 'needs_info', 'approved']);

/** Statuses no move leads out of. */
export const TERMINAL_DEAL_STATUSES: readonly DealStatus[] = Object.freeze(['rejected', 'won', 'lost', 'expired', 'withdrawn']);

/** Statuses a new registration may be created in. */
export const INITIAL_DEAL_STATUSES: readonly DealStatus[] = Object.freeze(['draft', 'submitted']);

/** How many times an approved registration's protection may be extended. */
export const MAX_PROTECTION_EXTENSIONS = 1;

/**
 * True for the move that extends protection, `approved -> approved`. A request makes it only by
 * saying so (`{ "to": "approved", "extend": true }`): approving an approved deal again is not an
 * extension, so a retried or concurrent approval can never extend by accident.
 */
export function isExtension(from: DealStatus, to: DealStatus): boolean {
  return from === 'approved' && to === 'approved';
}

/** The move from `from` to `to`, if the lifecycle has one. */
export function findTransition(from: DealStatus, to: DealStatus): DealTransition | undefined {
  return DEAL_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The statuses `role` may move a deal to from `from`, in table order. */
export function allowedTransitions(from: DealStatus, role: DealActor): DealStatus[] {
  return DEAL_TRANSITIONS.filter((t) => t.from === from && t.roles.includes(role)).map((t) => t.to);
}

/** Why a move is refused; each code maps onto a problem document. */
export type TransitionRefusal = 'invalid_transition' | 'forbidden' | 'reason_required' | 'extension_limit';

/** The verdict of {@link checkTransition}. */
export type TransitionCheck = { ok: true } | { ok: false; code: TransitionRefusal; message: string };

/**
 * Checks one move, in this order: the request says whether it extends protection, and only the
 * extension does (`invalid_transition`: an approval of an approved deal without `extend`, or
 * `extend` on any other move); the move exists (`invalid_transition`); the role may make it
 * (`forbidden`); a required reason is given and not blank (`reason_required`); and an extension
 * stays within {@link MAX_PROTECTION_EXTENSIONS} (`extension_limit`; `extensions` is the count
 * granted so far).
 */
export function checkTransition(input: {
  from: DealStatus;
  to: DealStatus;
  role: DealActor;
  reason?: string | null;
  extensions?: number;
  /** The request asks to extend protection (`extend: true`). */
  extend?: boolean;
}): TransitionCheck {
  const { from, to, role } = input;
  if (isExtension(from, to) && input.extend !== true) {
    return {
      ok: false,
      code: 'invalid_transition',
      message: 'the deal is approved already; to extend its protection, ask for it explicitly (extend: true)',
    };
  }
  if (input.extend === true && !isExtension(from, to)) {
    return { ok: false, code: 'invalid_transition', message: `only an approved deal's protection can be extended (to approved); this move is ${from} -> ${to}` };
  }
  const transition = findTransition(from, to);
  if (!transition) {
    const options = DEAL_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
    const hint = options.length > 0 ? `; from ${from} a deal can move to ${options.join(', ')}` : `; ${from} is final`;
    return { ok: false, code: 'invalid_transition', message: `a deal cannot move from ${from} to ${to}${hint}` };
  }
  if (!transition.roles.includes(role)) {
    return {
      ok: false,
      code: 'forbidden',
      message: `${role} may not move a deal from ${from} to ${to}; only ${transition.roles.join(', ')} may`,
    };
  }
  if (transition.reason === 'required' && (input.reason ?? '').trim() === '') {
    return { ok: false, code: 'reason_required', message: `moving a deal from ${from} to ${to} needs a reason` };
  }
  if (from === 'approved' && to === 'approved' && (input.extensions ?? 0) >= MAX_PROTECTION_EXTENSIONS) {
    return {
      ok: false,
      code: 'extension_limit',
      message: `protection can be extended at most ${MAX_PROTECTION_EXTENSIONS} time(s)`,
    };
  }
  return { ok: true };
}

/** The event a move emits: `deal.extended` for `approved -> approved`, else `deal.<to>`. */
export function transitionEventType(from: DealStatus | null, to: DealStatus): KnownEventType {
  if (from === null && to === 'draft') return 'deal.drafted';
  if (from === 'approved' && to === 'approved') return 'deal.extended';
  return `deal.${to === 'draft' ? 'drafted' : to}`;
}

/**
 * The end of a protection window of `days` days from `from` (whole days of 24 hours in UTC).
 * @throws RangeError when `days` is not a whole number >= 0 or `from` is invalid.
 */
export function protectionEnd(from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`${days} is not a whole number of days >= 0`);
  if (Number.isNaN(from.getTime())) throw new RangeError('protectionEnd needs a valid Date');
  return new Date(from.getTime() + days * DAY_MS);
}

/** True while an approved deal's protection lasts (`expiresAt` still ahead of `now`). */
export function isProtectionActive(deal: Pick<Deal, 'status' | 'expiresAt'>, now: Date): boolean {
  return deal.status === 'approved' && deal.expiresAt !== null && Date.parse(deal.expiresAt) > now.getTime();
}

/** True when an approved deal's protection has run out: it is due to move to `expired`. */
export function isPastProtection(deal: Pick<Deal, 'status' | 'expiresAt'>, now: Date): boolean {
  return deal.status === 'approved' && deal.expiresAt !== null && Date.parse(deal.expiresAt) <= now.getTime();
}

/** True for a status that holds the customer ({@link ACTIVE_DEAL_STATUSES}). */
export function isActiveDealStatus(status: DealStatus): boolean {
  return ACTIVE_DEAL_STATUSES.includes(status);
}

/** True for a status no move leads out of ({@link TERMINAL_DEAL_STATUSES}). */
export function isTerminalDealStatus(status: DealStatus): boolean {
  return TERMINAL_DEAL_STATUSES.includes(status);
}

/** A deal number as people read it: registration `n` is `DR-000123`. */
export function dealNumber(n: number): string {
  return `DR-${String(n).padStart(6, '0')}`;
}

/**
 * Why a customer that `holder` (an active registration of it) holds is not free to register for
 * the caller's partner, as the reason code alone: `own_registration` when the caller's partner
 * holds it, `protected` while an approved registration's protection lasts, else
 * `already_registered`. `callerPartnerId` is null for vendor principals.
 */
export function conflictReasonOf(holder: Pick<Deal, 'partnerId' | 'status' | 'expiresAt'>, callerPartnerId: string | null, now: Date): ConflictReason {
  if (callerPartnerId !== null && holder.partnerId === callerPartnerId) return 'own_registration';
  return isProtectionActive(holder, now) ? 'protected' : 'already_registered';
}

/** Which reason wins when several registrations hold a customer: the caller's own first. */
const REASON_ORDER: readonly ConflictReason[] = ['own_registration', 'protected', 'already_registered'];

/**
 * {@link conflictReasonOf} for a customer several active registrations hold (under the name rule
 * of `sameCustomer`, one without a domain may be held by registrations under several domains):
 * the caller's own registration first, then protection; null when none holds it.
 */
export function conflictReasonOfHolders(holders: Iterable<Pick<Deal, 'partnerId' | 'status' | 'expiresAt'>>, callerPartnerId: string | null, now: Date): ConflictReason | null {
  let reason: ConflictReason | null = null;
  for (const holder of holders) {
    const found = conflictReasonOf(holder, callerPartnerId, now);
    if (reason === null || REASON_ORDER.indexOf(found) < REASON_ORDER.indexOf(reason)) reason = found;
  }
  return reason;
}
