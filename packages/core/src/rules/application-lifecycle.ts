/**
 * The application lifecycle: which moves exist, who may make them and which need a reason.
 * `submitted -> screening -> interview -> due_diligence -> approved | declined`, with `on_hold`
 * (and back to where it was held) and `withdrawn` from every open stage.
 * @module
 */
import type { ApplicationStatus, KnownEventType, Role } from '../schemas/index.js';

/** Who may move an application: vendor principals only (applicants have no session; partners never see applications). */
export type ApplicationMover = Role;

/** One allowed move of the lifecycle. */
export interface ApplicationTransition {
  from: ApplicationStatus;
  to: ApplicationStatus;
  roles: readonly ApplicationMover[];
  /** `required`: the move is refused without a non-blank reason. */
  reason: 'required' | 'optional';
}

const VENDOR = ['manager', 'admin'] as const;

const move = (from: ApplicationStatus, to: ApplicationStatus, reason: ApplicationTransition['reason'] = 'optional'): ApplicationTransition =>
  Object.freeze({ from, to, roles: Object.freeze([...VENDOR]), reason });

/** Stages an application waits in while the vendor works on it. */
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = Object.freeze(['submitted', 'screening', 'interview', 'due_diligence', 'on_hold']);

/** Stages no move leads out of. */
export const FINAL_APPLICATION_STATUSES: readonly ApplicationStatus[] = Object.freeze(['approved', 'declined', 'withdrawn']);

/** Stages in which reviewers score an application. */
export const EVALUATION_STAGES: readonly ApplicationStatus[] = Object.freeze(['screening', 'interview', 'due_diligence']);

/** The stages an application passes on its way to approval, in order. */
export const PIPELINE_STAGES: readonly ApplicationStatus[] = Object.freeze(['submitted', 'screening', 'interview', 'due_diligence', 'approved']);

/** Each stage's step forward. */
const FORWARD: readonly (readonly [ApplicationStatus, ApplicationStatus])[] = [
  ['submitted', 'screening'],
  ['screening', 'interview'],
  ['interview', 'due_diligence'],
  ['due_diligence', 'approved'],
];

/** Stages an application on hold may have been held from, and goes back to when resumed. */
const HOLDABLE: readonly ApplicationStatus[] = FORWARD.map(([from]) => from);

/**
 * Every allowed move; anything not listed is an `invalid_transition`. Every move is the vendor's
 * (manager or admin); declining, holding and withdrawing need a reason. A resume from `on_hold`
 * goes back to the stage the application was held from (see {@link checkApplicationTransition}).
 */
export const APPLICATION_TRANSITIONS: readonly ApplicationTransition[] = Object.freeze([
  ...FORWARD.flatMap(([from, to]) => [move(from, to), move(from, 'on_hold', 'required'), move(from, 'declined', 'required'), move(from, 'withdrawn', 'required')]),
  ...HOLDABLE.map((to) => move('on_hold', to)),
  move('on_hold', 'declined', 'required'),
  move('on_hold', 'withdrawn', 'required'),
]);

/** The move from `from` to `to`, if the lifecycle has one. */
export function findApplicationTransition(from: ApplicationStatus, to: ApplicationStatus): ApplicationTransition | undefined {
  return APPLICATION_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/**
 * The stages `role` may move an application to from `from`, in table order. For an application on
 * hold, give `heldFrom` (the stage it was held from) and the only resume offered is back to it.
 */
export function allowedApplicationTransitions(from: ApplicationStatus, role: ApplicationMover, heldFrom?: ApplicationStatus | null): ApplicationStatus[] {
  return APPLICATION_TRANSITIONS.filter((t) => t.from === from && t.roles.includes(role))
    .map((t) => t.to)
    .filter((to) => !(from === 'on_hold' && HOLDABLE.includes(to) && heldFrom != null && to !== heldFrom));
}

/** Why a move is refused; each code maps onto a problem document. */
export type ApplicationTransitionRefusal = 'invalid_transition' | 'forbidden' | 'reason_required';

/** The verdict of {@link checkApplicationTransition}. */
export type ApplicationTransitionCheck = { ok: true } | { ok: false; code: ApplicationTransitionRefusal; message: string };

const words = (status: ApplicationStatus) => status.replace('_', ' ');

/**
 * Checks one move, in this order: the move exists (`invalid_transition`; a resume from `on_hold`
 * must go back to `heldFrom` when it is given), the role may make it (`forbidden`), a required
 * reason is given and not blank (`reason_required`).
 */
export function checkApplicationTransition(input: {
  from: ApplicationStatus;
  to: ApplicationStatus;
  role: ApplicationMover;
  reason?: string | null;
  heldFrom?: ApplicationStatus | null;
}): ApplicationTransitionCheck {
  const { from, to, role } = input;
  const transition = findApplicationTransition(from, to);
  if (!transition) {
    const options = APPLICATION_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
    const hint = options.length > 0 ? `; from ${words(from)} it can move to ${options.map(words).join(', ')}` : `; ${words(from)} is final`;
    return { ok: false, code: 'invalid_transition', message: `an application cannot move from ${words(from)} to ${words(to)}${hint}` };
  }
  if (from === 'on_hold' && HOLDABLE.includes(to) && input.heldFrom != null && to !== input.heldFrom) {
    return {
      ok: false,
      code: 'invalid_transition',
      message: `an application on hold resumes where it was held: ${words(input.heldFrom)}, not ${words(to)}`,
    };
  }
  if (!transition.roles.includes(role)) {
    return { ok: false, code: 'forbidden', message: `${role} may not move an application; only ${transition.roles.join(', ')} may` };
  }
  if (transition.reason === 'required' && (input.reason ?? '').trim() === '') {
    return { ok: false, code: 'reason_required', message: `moving an application from ${words(from)} to ${words(to)} needs a reason` };
  }
  return { ok: true };
}

/** The event a move emits: `application.submitted` for a new application, else `application.<to>`. */
export function applicationEventType(to: ApplicationStatus): KnownEventType {
  return `application.${to}`;
}

/** True for a stage the vendor still works on ({@link OPEN_APPLICATION_STATUSES}). */
export function isOpenApplicationStatus(status: ApplicationStatus): boolean {
  return OPEN_APPLICATION_STATUSES.includes(status);
}

/** True for a stage no move leads out of ({@link FINAL_APPLICATION_STATUSES}). */
export function isFinalApplicationStatus(status: ApplicationStatus): boolean {
  return FINAL_APPLICATION_STATUSES.includes(status);
}

/** The stage an application on hold was held from: the `from` of the last move into `on_hold`. */
export function heldFromStage(history: readonly { from: ApplicationStatus | null; to: ApplicationStatus }[]): ApplicationStatus | null {
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const entry = history[i] as { from: ApplicationStatus | null; to: ApplicationStatus };
    if (entry.to === 'on_hold') return entry.from;
  }
  return null;
}
