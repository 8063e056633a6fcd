/**
 * Plans as callers read them, with progress computed by core's rules from the partner's
 * measurements at the server's clock; and what a change to what is agreed does to a plan.
 * @module
 */
import { isComputedKpi, monthsOf, objectiveProgress, planAfterChange, planProgress, planSideOf, withComputedKpis } from '@partnerkit/core/rules';
import type { Plan, PlanActor, PlanHistoryEntry, PlanObjective, PlanRevision, PlanSummary } from '@partnerkit/core/schemas';
import type { Queryable } from '../db/database.js';
import type { Caller } from '../security/caller.js';
import { callerPerson } from '../security/caller.js';
import { partnerCertificates } from '../store/certificates.js';
import type { NewEvent } from '../store/events.js';
import {
  activityOf,
  loadActivities,
  loadComments,
  loadKpisById,
  loadObjectiveRows,
  loadPlanMeasurements,
  type ObjectiveRow,
  type PlanRow,
  savePlan,
} from '../store/plans.js';

/** The caller as a plan records it: side, role, id and name. */
export function actorOf(caller: Caller): PlanActor {
  const person = callerPerson(caller);
  return { side: planSideOf(caller.role), role: caller.role, id: person.id, name: person.name ?? null };
}

/** A history entry of `plan` after a step. */
export function historyEntry(plan: Pick<PlanRow, 'revision' | 'version' | 'status'>, action: PlanHistoryEntry['action'], actor: PlanActor, now: Date, reason: string | null = null): PlanHistoryEntry {
  return { at: now.toISOString(), action, by: actor, revision: plan.revision, version: plan.version, status: plan.status, reason };
}

/** What every plan event carries. */
export function planEventData(plan: Pick<PlanRow, 'id' | 'period' | 'revision' | 'version'>): Record<string, unknown> {
  return { planId: plan.id, period: plan.period, revision: plan.revision, version: plan.version };
}

/**
 * Objectives as the contract shows them: with their activities, comments, KPI and progress at
 * `now`. One query each for activities, comments, KPIs and measurements, however many objectives.
 */
export async function presentObjectives(q: Queryable, rows: readonly ObjectiveRow[], now: Date): Promise<PlanObjective[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const measured = rows.filter((r) => r.kpiId !== null);
  const months = measured.flatMap((r) => monthsOf(r.period)).sort();
  // One after another: `q` may be a transaction, whose one connection runs one query at a time.
  const activities = await loadActivities(q, ids);
  const comments = await loadComments(q, ids);
  const kpis = await loadKpisById(q, measured.map((r) => r.kpiId as string));
  const measurements =
    months.length === 0 ? [] : await loadPlanMeasurements(q, measured.map((r) => r.partnerId), measured.map((r) => r.kpiId as string), months[0] as string, months.at(-1) as string);
  // A computed KPI (certified staff) measures an objective with its computed values, as on the scorecard.
  const certificates = new Map<string, Awaited<ReturnType<typeof partnerCertificates>>>();
  for (const row of measured) {
    const kpi = kpis.get(row.kpiId as string);
    if (kpi && isComputedKpi(kpi) && !certificates.has(row.partnerId)) certificates.set(row.partnerId, await partnerCertificates(q, row.partnerId));
  }
  return rows.map((row) => {
    const kpi = row.kpiId === null ? undefined : kpis.get(row.kpiId);
    const own = measurements.filter((m) => m.partnerId === row.partnerId);
    const held = kpi && isComputedKpi(kpi) ? certificates.get(row.partnerId) : undefined;
    const measure = kpi && row.target !== null ? { kpi, target: row.target } : null;
    const { seq: _seq, kpiId: _kpiId, target: _target, ...fields } = row;
    return {
      ...fields,
      measure,
      activities: activities.filter((a) => a.objectiveId === row.id).map(activityOf),
      comments: comments.filter((c) => c.objectiveId === row.id).map(({ objectiveId: _o, ...comment }) => comment),
      progress: objectiveProgress({
        objective: { kind: row.kind, measure, dueDate: row.dueDate, completed: row.completed },
        period: row.period,
        measurements: held ? withComputedKpis({ kpis: [kpi!], measurements: own, certificates: held, months: monthsOf(row.period), now }) : own,
        now,
      }),
    };
  });
}

function header(plan: PlanRow, objectives: readonly PlanObjective[], now: Date) {
  const { history: _history, ...fields } = plan;
  return { ...fields, progress: planProgress(objectives.map((o) => o.progress)), asOf: now.toISOString() };
}

/** The plan as the contract shows it. */
export async function presentPlan(q: Queryable, plan: PlanRow, now: Date): Promise<Plan> {
  const objectives = await presentObjectives(q, await loadObjectiveRows(q, plan.id), now);
  return { ...header(plan, objectives, now), objectives, history: plan.history };
}

/** Plans as lists show them: progress without objectives. */
export async function presentPlanSummaries(q: Queryable, plans: readonly PlanRow[], now: Date): Promise<PlanSummary[]> {
  const summaries: PlanSummary[] = [];
  for (const plan of plans) {
    const objectives = await presentObjectives(q, await loadObjectiveRows(q, plan.id), now);
    summaries.push({ ...header(plan, objectives, now), objectiveCount: objectives.length });
  }
  return summaries;
}

/** The plan as both sides agreed to it: title, objectives and activities, without progress. */
export async function revisionSnapshot(q: Queryable, plan: PlanRow, agreedAt: Date): Promise<PlanRevision> {
  const { vendor, partner } = plan.agreements;
  if (vendor === null || partner === null) throw new Error('a revision is kept only once both sides agreed');
  const rows = await loadObjectiveRows(q, plan.id);
  const activities = await loadActivities(q, rows.map((r) => r.id));
  const kpis = await loadKpisById(q, rows.flatMap((r) => (r.kpiId === null ? [] : [r.kpiId])));
  return {
    planId: plan.id,
    partnerId: plan.partnerId,
    period: plan.period,
    revision: plan.revision,
    version: plan.version,
    title: plan.title,
    agreements: { vendor, partner },
    agreedAt: agreedAt.toISOString(),
    objectives: rows.map((row) => {
      const kpi = row.kpiId === null ? undefined : kpis.get(row.kpiId);
      return {
        id: row.id,
        side: row.side,
        owner: row.owner,
        title: row.title,
        description: row.description,
        kind: row.kind,
        measure: kpi && row.target !== null ? { kpi, target: row.target } : null,
        dueDate: row.dueDate,
        source: row.source,
        activities: activities.filter((a) => a.objectiveId === row.id).map(({ id, side, title, owner, dueDate }) => ({ id, side, title, owner, dueDate })),
      };
    }),
  };
}

/**
 * Records a change to what is agreed (core's `planAfterChange`): the version grows, agreements
 * are withdrawn, and an agreed plan moves to its next revision, with a `revised` history entry
 * and a `plan.revised` event. Answers the saved plan and the events to append.
 */
export async function recordChange(tx: Queryable, plan: PlanRow, actor: PlanActor, now: Date, title: string | null = plan.title): Promise<{ plan: PlanRow; events: NewEvent[] }> {
  const next = planAfterChange(plan);
  const changed: PlanRow = { ...plan, title, status: next.status, revision: next.revision, version: next.version, agreements: next.agreements };
  const history = next.revised ? [...plan.history, historyEntry(changed, 'revised', actor, now)] : plan.history;
  const saved = await savePlan(tx, { ...changed, history }, now);
  const events: NewEvent[] = next.revised
    ? [{ type: 'plan.revised', partnerId: plan.partnerId, data: { ...planEventData(saved), previousRevision: plan.revision, by: actor } }]
    : [];
  return { plan: saved, events };
}
