/**
 * Joint business plans: who may change what, the agreement lifecycle (a table, like the deal
 * lifecycle's), what a change does to an agreed plan, and each objective's and plan's progress,
 * computed from the partner's measurements and the time elapsed, never typed by hand.
 * @module
 */
import type {
  Kpi,
  Measurement,
  ObjectiveKind,
  ObjectiveProgress,
  ObjectiveStatus,
  Plan,
  PlanAgreement,
  PlanAgreements,
  PlanObjective,
  PlanProgress,
  PlanSide,
  PlanStatus,
  PlanStatusCounts,
  Role,
} from '../schemas/index.js';
import { problems } from '../schemas/index.js';
import { kpiActual } from './kpi-values.js';
import { monthsOf, parsePeriod, periodBounds, type PeriodGrain } from './periods.js';
import { attainment, scorecardStatus } from './scorecard.js';

const DAY_MS = 86_400_000;

/** The grains a plan may cover: quarters, halves and years (months are too short to plan). */
export const PLAN_GRAINS: readonly PeriodGrain[] = Object.freeze(['quarter', 'half', 'year']);

/** A milestone not done this close to its due date is `at_risk`. */
export const MILESTONE_AT_RISK_DAYS = 14;

/** At most this many objectives per plan, activities per objective and comments per objective. */
export const PLAN_LIMITS = Object.freeze({ objectives: 100, activities: 50, comments: 500 });

/** The side a principal acts for: vendor staff and admin keys for the vendor, a partner session for its partner. */
export function planSideOf(role: Role): PlanSide {
  return role === 'partner' ? 'partner' : 'vendor';
}

/** The side across the table. */
export function otherSide(side: PlanSide): PlanSide {
  return side === 'vendor' ? 'partner' : 'vendor';
}

/** True when `period` is a quarter, a half or a year in the period text form. */
export function isPlanPeriod(period: string): boolean {
  try {
    return PLAN_GRAINS.includes(parsePeriod(period).grain);
  } catch {
    return false;
  }
}

/** What a side does to an objective or activity. `complete` marks it done or not done. */
export type PlanEdit = 'add' | 'update' | 'remove' | 'complete';

/**
 * Whether `actor` may make `edit` to an item (objective or activity) of `itemSide`. Each side
 * updates, completes and removes only its own items; a partner never touches the vendor's side.
 * The vendor may also add an item for the partner's side (drafting the plan, or a review's action
 * item): from then on it is the partner's to keep.
 */
export function canEditPlanItem(actor: PlanSide, itemSide: PlanSide, edit: PlanEdit): boolean {
  return actor === itemSide || (edit === 'add' && actor === 'vendor');
}

/** One allowed move of the plan lifecycle. */
export interface PlanTransition {
  from: PlanStatus;
  to: PlanStatus;
  sides: readonly PlanSide[];
  /** `required`: refused without a non-blank reason. */
  reason: 'required' | 'optional';
}

const BOTH: readonly PlanSide[] = Object.freeze(['vendor', 'partner']);

const move = (from: PlanStatus, to: PlanStatus, sides: readonly PlanSide[], reason: PlanTransition['reason'] = 'optional'): PlanTransition =>
  Object.freeze({ from, to, sides, reason });

/**
 * Every move of a plan; anything else is an `invalid_transition`. Proposing records the
 * proposer's agreement; `proposed -> agreed` records one side's agreement and the plan is
 * `agreed` once both sides agreed to the same version; `proposed -> draft` sends it back for
 * changes. Changing an agreed plan is not a move: it makes a new revision (see
 * {@link planAfterChange}).
 */
export const PLAN_TRANSITIONS: readonly PlanTransition[] = Object.freeze([
  move('draft', 'proposed', BOTH),
  move('proposed', 'agreed', BOTH),
  move('proposed', 'draft', BOTH, 'required'),
]);

/** The plan as the lifecycle needs it. */
export interface PlanState {
  status: PlanStatus;
  revision: number;
  version: number;
  agreements: PlanAgreements;
}

/** Why a move is refused; each maps onto a problem document. */
export type PlanTransitionRefusal = 'invalid_transition' | 'plan_changed' | 'reason_required' | 'already_agreed' | 'no_objectives';

export type PlanTransitionCheck = { ok: true } | { ok: false; code: PlanTransitionRefusal; message: string };

/**
 * Checks one move, in this order: the move exists (`invalid_transition`), the caller read the
 * current version (`plan_changed`: a side only agrees to what it saw), a required reason is given
 * (`reason_required`), the side has not agreed to this version already (`already_agreed`), and a
 * plan proposed has objectives (`no_objectives`). Both sides may make every move.
 */
export function checkPlanTransition(input: {
  plan: PlanState;
  objectiveCount: number;
  to: PlanStatus;
  side: PlanSide;
  version: number;
  reason?: string | null;
}): PlanTransitionCheck {
  const { plan, to, side } = input;
  const transition = PLAN_TRANSITIONS.find((t) => t.from === plan.status && t.to === to && t.sides.includes(side));
  if (!transition) {
    const options = PLAN_TRANSITIONS.filter((t) => t.from === plan.status).map((t) => t.to);
    const hint = options.length > 0 ? `; from ${plan.status} it can move to ${options.join(', ')}` : '; change it to ask for agreement again';
    return { ok: false, code: 'invalid_transition', message: `a ${plan.status} plan cannot move to ${to}${hint}` };
  }
  if (input.version !== plan.version) {
    return { ok: false, code: 'plan_changed', message: `the plan is at version ${plan.version}, not ${input.version}: read it again first` };
  }
  if (transition.reason === 'required' && (input.reason ?? '').trim() === '') {
    return { ok: false, code: 'reason_required', message: `sending a plan back to ${to} needs a reason` };
  }
  if (to === 'agreed' && plan.agreements[side]?.version === plan.version) {
    return { ok: false, code: 'already_agreed', message: `the ${side} side already agreed to version ${plan.version}` };
  }
  if (to === 'proposed' && input.objectiveCount === 0) {
    return { ok: false, code: 'no_objectives', message: 'a plan needs at least one objective before it is proposed' };
  }
  return { ok: true };
}

/** The moves `side` may make now, in table order (what a widget offers). */
export function allowedPlanTransitions(plan: PlanState, side: PlanSide): PlanStatus[] {
  return PLAN_TRANSITIONS.filter((t) => t.from === plan.status && t.sides.includes(side))
    .filter((t) => t.to !== 'agreed' || plan.agreements[side]?.version !== plan.version)
    .map((t) => t.to);
}

/** The plan after a move {@link checkPlanTransition} allowed; `agreement` is the caller's side's. */
export function applyPlanTransition(plan: PlanState, to: PlanStatus, side: PlanSide, agreement: PlanAgreement): PlanState {
  if (to === 'draft') return { ...plan, status: 'draft', agreements: { vendor: null, partner: null } };
  const base: PlanAgreements = to === 'proposed' ? { vendor: null, partner: null } : plan.agreements;
  const agreements: PlanAgreements = side === 'vendor' ? { ...base, vendor: agreement } : { ...base, partner: agreement };
  return { ...plan, status: isAgreedByBoth(agreements, plan.version) ? 'agreed' : 'proposed', agreements };
}

/** True when both sides agreed to `version`. */
export function isAgreedByBoth(agreements: PlanAgreements, version: number): boolean {
  return agreements.vendor?.version === version && agreements.partner?.version === version;
}

/**
 * The plan after a change to what is agreed (its title, an objective or an activity added,
 * changed or removed): the version grows and agreements given to earlier versions are withdrawn;
 * an agreed plan moves to the next revision and is proposed again (`revised`: the agreed one is
 * to be kept). Comments and marking items done are progress, not changes: they leave the plan
 * as it is.
 */
export function planAfterChange(plan: PlanState): PlanState & { revised: boolean } {
  const cleared = { vendor: null, partner: null };
  if (plan.status === 'agreed') return { status: 'proposed', revision: plan.revision + 1, version: plan.version + 1, agreements: cleared, revised: true };
  return { ...plan, version: plan.version + 1, agreements: cleared, revised: false };
}

/** The first and last day of a period as `YYYY-MM-DD`. */
export function periodDays(period: string): { first: string; last: string } {
  const { start, end } = periodBounds(period);
  return { first: isoDay(start), last: isoDay(new Date(end.getTime() - DAY_MS)) };
}

/** True when `date` (`YYYY-MM-DD`) falls inside `period`. */
export function isDateInPeriod(date: string, period: string): boolean {
  const { first, last } = periodDays(period);
  return date >= first && date <= last;
}

/** Refuses (400 at `path`) a date outside the plan's period. */
export function assertDateInPeriod(date: string, period: string, path: string): void {
  if (isDateInPeriod(date, period)) return;
  const { first, last } = periodDays(period);
  throw problems.validation([{ path, message: `must be inside ${period}, from ${first} to ${last}` }]);
}

/** Refuses (400) one more item once a plan's list holds `limit` (see {@link PLAN_LIMITS}). */
export function assertPlanRoom(count: number, limit: number, what: string): void {
  if (count >= limit) throw problems.validation([{ path: '', message: `${what} at most ${limit}; remove one first` }]);
}

/** Whether an edit leaves a field as stored (absent and null alike), so it changes nothing. */
export function isSameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The instant a due date ends: midnight UTC after it. */
export function dueDateEnd(dueDate: string): Date {
  const start = Date.parse(`${dueDate}T00:00:00.000Z`);
  if (Number.isNaN(start)) throw new RangeError(`${JSON.stringify(dueDate)} is not a date such as 2026-06-30`);
  return new Date(start + DAY_MS);
}

/**
 * The months an objective is measured over: the plan period's months up to and including the
 * month of its due date.
 */
export function objectiveMonths(period: string, dueDate: string): string[] {
  const dueMonth = dueDate.slice(0, 7);
  return monthsOf(period).filter((month) => month <= dueMonth);
}

/**
 * The share of the time from the period's start to the end of the due date that has passed at
 * `now`, 0-1.
 */
export function elapsedShare(period: string, dueDate: string, now: Date): number {
  const start = periodBounds(period).start.getTime();
  const end = dueDateEnd(dueDate).getTime();
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

/** An objective as its progress needs it. */
export interface ObjectiveProgressInput {
  kind: ObjectiveKind;
  /** The KPI and target of a measured objective. */
  measure: { kpi: Pick<Kpi, 'id' | 'aggregation' | 'direction'>; target: number } | null;
  dueDate: string;
  /** Set when a milestone was marked done. */
  completed: unknown;
}

const EPSILON = 1e-9;

/**
 * An objective's progress at `now`:
 *
 * - **Milestone**: `done` once marked done; otherwise `off_track` after its due date, `at_risk`
 *   within {@link MILESTONE_AT_RISK_DAYS} of it, else `on_track`.
 * - **Measured**: `actual` is the KPI's value over {@link objectiveMonths} from the partner's
 *   measurements, combined by the KPI's aggregation. A cumulative KPI (`sum`) is expected to
 *   grow with time, so by now `target × elapsed` is due and `actual` is judged against that with
 *   the scorecard's attainment and thresholds; a level (`avg`, `last`, `max`, `min`) is judged
 *   against the whole target all along. A higher-is-better cumulative target already reached is
 *   `done`; after the due date an objective is `done` when its whole target is met and
 *   `off_track` when not. Without any measurement it is `no_data` until its due date passes.
 *
 * `overdue` is true once the due date has passed and the objective is not done.
 */
export function objectiveProgress(input: {
  objective: ObjectiveProgressInput;
  period: string;
  /** The partner's measurements; other KPIs' are ignored. */
  measurements: readonly Pick<Measurement, 'kpiId' | 'period' | 'value' | 'recordedAt'>[];
  now: Date;
}): ObjectiveProgress {
  const { objective, period, now } = input;
  const due = dueDateEnd(objective.dueDate).getTime();
  const pastDue = now.getTime() >= due;
  const result = (status: ObjectiveStatus, percent: number, actual: number | null, reached: number | null, expected: number | null): ObjectiveProgress => ({
    status,
    percent: Math.min(100, Math.max(0, percent)),
    actual,
    attainment: reached,
    expected,
    overdue: pastDue && status !== 'done',
  });

  if (objective.kind === 'milestone' || objective.measure === null) {
    if (objective.completed) return result('done', 100, null, null, null);
    const status = pastDue ? 'off_track' : due - now.getTime() <= MILESTONE_AT_RISK_DAYS * DAY_MS ? 'at_risk' : 'on_track';
    return result(status, 0, null, null, null);
  }

  const { kpi, target } = objective.measure;
  const actual = kpiActual(kpi, input.measurements, objectiveMonths(period, objective.dueDate));
  const cumulative = kpi.aggregation === 'sum';
  const elapsed = elapsedShare(period, objective.dueDate, now);
  const expected = cumulative ? elapsed : 1;
  if (actual === null) return result(pastDue ? 'off_track' : 'no_data', 0, null, null, expected);

  const whole = attainment(actual, target, kpi.direction);
  const percent = (whole ?? 0) * 100;
  const met = whole !== null && whole >= 1 - EPSILON;
  if (pastDue) return result(met ? 'done' : 'off_track', percent, actual, whole, expected);
  if (cumulative && kpi.direction === 'higher_is_better' && met) return result('done', percent, actual, whole, expected);
  const paced = cumulative ? attainment(actual, target * elapsed, kpi.direction) : whole;
  const status = scorecardStatus(paced, true, true);
  return result(status === 'no_data' || status === 'no_target' ? 'no_data' : status, percent, actual, whole, expected);
}

/** Worst first: a plan shows the worst status among its objectives not yet done. */
const SEVERITY: readonly ObjectiveStatus[] = ['off_track', 'at_risk', 'on_track', 'no_data'];

/**
 * A plan's progress from its objectives': counts per status, how many are overdue, the mean
 * percentage, and a status: null without objectives, `done` when every objective is, else the
 * worst status among the others (`off_track` before `at_risk` before `on_track`; `no_data` only
 * when nothing else is known), as a traffic light rolls up.
 */
export function planProgress(objectives: readonly Pick<ObjectiveProgress, 'status' | 'percent' | 'overdue'>[]): PlanProgress {
  const counts: PlanStatusCounts = { on_track: 0, at_risk: 0, off_track: 0, done: 0, no_data: 0 };
  let overdue = 0;
  let percent = 0;
  for (const objective of objectives) {
    counts[objective.status] += 1;
    if (objective.overdue) overdue += 1;
    percent += objective.percent;
  }
  const status: ObjectiveStatus | null =
    objectives.length === 0 ? null : counts.done === objectives.length ? 'done' : (SEVERITY.find((s) => counts[s] > 0) ?? null);
  return { status, percent: objectives.length === 0 ? 0 : percent / objectives.length, counts, overdue };
}

/** An objective as stored: everything the contract shows but its progress, which is computed. */
export type StoredPlanObjective = Omit<PlanObjective, 'progress'>;

/** A plan as stored: everything the contract shows but progress and `asOf`. */
export type StoredPlan = Omit<Plan, 'progress' | 'asOf' | 'objectives'> & { objectives: StoredPlanObjective[] };

/**
 * The plan as the contract shows it at `now`: each objective's progress from the partner's
 * `measurements` ({@link objectiveProgress}) and the plan's ({@link planProgress}).
 */
export function planWithProgress(plan: StoredPlan, measurements: readonly Pick<Measurement, 'kpiId' | 'period' | 'value' | 'recordedAt'>[], now: Date): Plan {
  const objectives = plan.objectives.map((objective) => ({
    ...objective,
    progress: objectiveProgress({ objective, period: plan.period, measurements, now }),
  }));
  return { ...plan, objectives, progress: planProgress(objectives.map((o) => o.progress)), asOf: now.toISOString() };
}
