/**
 * `/v1/partners/{id}/plans` and `/v1/plan-objectives`: joint business plans, as the reference
 * server serves them. Each side acts for itself (core's `planSideOf`) and changes only its own
 * items (`canEditPlanItem`); the plan moves through core's lifecycle table
 * (`checkPlanTransition`, `applyPlanTransition`); a change to what is agreed withdraws the
 * agreements and revises an agreed plan (`planAfterChange`); progress is computed when read
 * (`planWithProgress`).
 * @module
 */
import {
  applyPlanTransition,
  canEditPlanItem,
  checkPlanTransition,
  assertDateInPeriod,
  assertPlanRoom,
  isSameValue,
  PLAN_LIMITS,
  periodDays,
  planAfterChange,
  planSideOf,
  planWithProgress,
  monthsOf,
  withComputedKpis,
  type PlanEdit,
  type StoredPlanObjective,
} from '@partnerkit/core/rules';
import {
  type KnownEventType,
  type ObjectiveMeasureInput,
  PageQuery,
  type Plan,
  type PlanActivity,
  PlanActivityInput,
  PlanActivityPatch,
  type PlanActor,
  PlanCommentInput,
  type PlanHistoryEntry,
  PlanInput,
  PlanListQuery,
  type PlanObjective,
  PlanObjectiveInput,
  PlanObjectiveListQuery,
  PlanObjectivePatch,
  PlanPeriod,
  type PlanRevision,
  type PlanSide,
  type PlanSummary,
  PlanTransitionInput,
} from '@partnerkit/core/schemas';
import { type Caller, callerOf, callerPerson, type MockPart, partnerScope, type RequestContext } from '../context.js';
import { createdLocation, idempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { json, problems } from '../http/problem.js';
import { newId } from '../http/random.js';
import { parseWith, pathId, queryObject, readJsonBody } from '../http/request.js';
import type { MockState, StoredPlan } from '../state.js';
import { partnerInScope } from './partners.js';

type NewEvent = { type: KnownEventType; partnerId: string | null; data: Record<string, unknown> };

const planKey = (partnerId: string, period: string) => `${partnerId}\n${period}`;

function actorOf(caller: Caller): PlanActor {
  const person = callerPerson(caller);
  return { side: planSideOf(caller.role), role: caller.role, id: person.id, name: person.name ?? null };
}

function historyEntry(plan: Pick<StoredPlan, 'revision' | 'version' | 'status'>, action: PlanHistoryEntry['action'], by: PlanActor, now: Date, reason: string | null = null): PlanHistoryEntry {
  return { at: now.toISOString(), action, by, revision: plan.revision, version: plan.version, status: plan.status, reason };
}

const eventData = (plan: Pick<StoredPlan, 'id' | 'period' | 'revision' | 'version'>) => ({ planId: plan.id, period: plan.period, revision: plan.revision, version: plan.version });

/** The `{period}` of the path (400 at `period` unless a quarter, half or year). */
const periodOf = (ctx: RequestContext) => parseWith(PlanPeriod, decodeURIComponent(ctx.params.period ?? ''), ['period']);

/** `itemSide`, unless the caller's side may not make `edit` to an item of it: then 403. */
function checkedSide(caller: Caller, itemSide: PlanSide, edit: PlanEdit): PlanSide {
  const side = planSideOf(caller.role);
  if (!canEditPlanItem(side, itemSide, edit)) {
    throw problems.forbidden(edit === 'add' ? `The ${side} side may not add items for the ${itemSide} side.` : `Only the ${itemSide} side may change its own items.`);
  }
  return itemSide;
}

function requirePlan(ctx: RequestContext, partnerId: string, period: string): StoredPlan {
  const plan = ctx.state.plans.get(planKey(partnerId, period));
  if (!plan) throw problems.notFound('This partner has no plan for this period.');
  return plan;
}

function requireObjective(ctx: RequestContext, plan: StoredPlan): StoredPlanObjective {
  const id = pathId(ctx.params.objectiveId!, 'objectiveId');
  const objective = plan.objectives.find((o) => o.id === id);
  if (!objective) throw problems.notFound('The plan has no objective with this id.');
  return objective;
}

function requireActivity(ctx: RequestContext, objective: StoredPlanObjective): PlanActivity {
  const id = pathId(ctx.params.activityId!, 'activityId');
  const activity = objective.activities.find((a) => a.id === id);
  if (!activity) throw problems.notFound('The objective has no activity with this id.');
  return activity;
}

function checkMeasure(state: MockState, measure: ObjectiveMeasureInput, path: string) {
  const kpi = state.kpis.get(measure.kpiId);
  if (!kpi) throw problems.validation([{ path: `${path}.kpiId`, message: 'no KPI has this id' }]);
  return { kpi, target: measure.target };
}

/** The plan as the contract shows it now: the KPIs as they are, progress from the partner's measurements. */
function present(state: MockState, plan: StoredPlan, now: Date): Plan {
  const { seq: _seq, revisions: _revisions, ...stored } = plan;
  const objectives = stored.objectives.map((o) => ({ ...o, measure: o.measure && { kpi: state.kpis.get(o.measure.kpi.id) ?? o.measure.kpi, target: o.measure.target } }));
  // A computed KPI (certified staff) measures an objective with its computed values, as on the scorecard.
  const kpis = objectives.flatMap((o) => (o.measure ? [o.measure.kpi] : []));
  const measurements = withComputedKpis({ kpis, measurements: state.measurementsOf(plan.partnerId), certificates: state.certificationsOf(plan.partnerId).certificates, months: monthsOf(plan.period), now });
  return planWithProgress({ ...stored, objectives }, measurements, now);
}

function presentObjective(state: MockState, plan: StoredPlan, objectiveId: string, now: Date): PlanObjective {
  return present(state, plan, now).objectives.find((o) => o.id === objectiveId) as PlanObjective;
}

function summaryOf(plan: Plan): PlanSummary {
  const { objectives, history: _history, ...header } = plan;
  return { ...header, objectiveCount: objectives.length };
}

/**
 * Records a change to what is agreed: the version grows, agreements are withdrawn, an agreed plan
 * moves to its next revision (with a `revised` entry and a `plan.revised` event).
 */
function recordChange(plan: StoredPlan, actor: PlanActor, now: Date): NewEvent[] {
  const next = planAfterChange(plan);
  const previousRevision = plan.revision;
  Object.assign(plan, { status: next.status, revision: next.revision, version: next.version, agreements: next.agreements, updatedAt: now.toISOString() });
  if (!next.revised) return [];
  plan.history.push(historyEntry(plan, 'revised', actor, now));
  return [{ type: 'plan.revised', partnerId: plan.partnerId, data: { ...eventData(plan), previousRevision, by: actor } }];
}

/** The plan as both sides agreed to it. */
function snapshot(plan: StoredPlan, now: Date): PlanRevision {
  const { vendor, partner } = plan.agreements;
  return {
    planId: plan.id,
    partnerId: plan.partnerId,
    period: plan.period,
    revision: plan.revision,
    version: plan.version,
    title: plan.title,
    agreements: { vendor: vendor!, partner: partner! },
    agreedAt: now.toISOString(),
    objectives: plan.objectives.map(({ id, side, owner, title, description, kind, measure, dueDate, source, activities }) => ({
      id, side, owner, title, description, kind, measure, dueDate, source,
      activities: activities.map((a) => ({ id: a.id, side: a.side, title: a.title, owner: a.owner, dueDate: a.dueDate })),
    })),
  };
}

function startPlan(ctx: RequestContext, partnerId: string, period: string, actor: PlanActor, title: string | null): { plan: StoredPlan; events: NewEvent[] } {
  const at = ctx.now.toISOString();
  const plan: StoredPlan = {
    id: newId('pl', ctx.now),
    partnerId,
    period,
    title,
    status: 'draft',
    revision: 1,
    version: 1,
    agreements: { vendor: null, partner: null },
    createdBy: actor,
    createdAt: at,
    updatedAt: at,
    objectives: [],
    history: [],
    revisions: [],
    seq: ctx.state.nextSeq(),
  };
  plan.history.push(historyEntry(plan, 'created', actor, ctx.now));
  ctx.state.plans.set(planKey(partnerId, period), plan);
  return { plan, events: [{ type: 'plan.created', partnerId, data: { ...eventData(plan), title, by: actor } }] };
}

function activityOf(caller: Caller, input: PlanActivityInput, now: Date): PlanActivity {
  const at = now.toISOString();
  return {
    id: newId('pa', now),
    side: checkedSide(caller, input.side ?? planSideOf(caller.role), 'add'),
    title: input.title,
    owner: input.owner ?? null,
    dueDate: input.dueDate ?? null,
    completed: null,
    createdBy: actorOf(caller),
    createdAt: at,
    updatedAt: at,
  };
}

/** Plans list latest period first (by the period's first day), then the newest first. */
const planOrder = (plan: StoredPlan) => [-Date.parse(`${periodDays(plan.period).first}T00:00:00Z`), -plan.seq];

export const plansPart: MockPart = {
  name: 'plans',
  routes: [
    {
      path: '/v1/partners/:id/plans',
      handlers: {
        get: (ctx) => {
          const query = parseWith(PlanListQuery, queryObject(ctx.url, Object.keys(PlanListQuery.shape)));
          const partner = partnerInScope(ctx);
          const { limit, cursor, ...filters } = query;
          const plans = [...ctx.state.plans.values()].filter(
            (p) => p.partnerId === partner.id && (filters.period === undefined || p.period === filters.period) && (filters.status === undefined || p.status === filters.status),
          );
          const page = ctx.state.cursors.page(plans, planOrder, { limit, cursor }, 'plans', { ...filters, partnerId: partner.id });
          return json({ data: page.data.map((p) => summaryOf(present(ctx.state, p, ctx.now))), nextCursor: page.nextCursor });
        },
      },
    },
    {
      path: '/v1/partners/:id/plans/:period',
      handlers: {
        get: (ctx) => {
          const period = periodOf(ctx);
          const partner = partnerInScope(ctx);
          return json(present(ctx.state, requirePlan(ctx, partner.id, period), ctx.now));
        },
        put: async (ctx) => {
          const caller = callerOf(ctx);
          const period = periodOf(ctx);
          const input = parseWith(PlanInput, await readJsonBody(ctx.request));
          const partner = partnerInScope(ctx);
          const actor = actorOf(caller);
          const existing = ctx.state.plans.get(planKey(partner.id, period));
          if (!existing) {
            const { plan, events } = startPlan(ctx, partner.id, period, actor, input.title ?? null);
            ctx.state.appendEvents(events, ctx.now);
            return json(present(ctx.state, plan, ctx.now), 201, { Location: createdLocation(ctx, period) });
          }
          if (input.title === undefined || isSameValue(input.title, existing.title)) return json(present(ctx.state, existing, ctx.now));
          existing.title = input.title;
          const events = recordChange(existing, actor, ctx.now);
          ctx.state.appendEvents([{ type: 'plan.updated', partnerId: partner.id, data: { ...eventData(existing), title: input.title, by: actor } }, ...events], ctx.now);
          return json(present(ctx.state, existing, ctx.now));
        },
      },
    },
    {
      path: '/v1/partners/:id/plans/:period/transitions',
      handlers: {
        post: async (ctx) => {
          const caller = callerOf(ctx);
          const period = periodOf(ctx);
          const body = await readJsonBody(ctx.request);
          const input = parseWith(PlanTransitionInput, body);
          idempotencyKey(ctx);
          const partner = partnerInScope(ctx);
          requirePlan(ctx, partner.id, period);
          return idempotentWrite(ctx, body, () => {
            const plan = requirePlan(ctx, partner.id, period);
            const side = planSideOf(caller.role);
            const verdict = checkPlanTransition({ plan, objectiveCount: plan.objectives.length, to: input.to, side, version: input.version, reason: input.reason ?? null });
            if (!verdict.ok) {
              if (verdict.code === 'plan_changed') throw problems.planChanged(verdict.message);
              if (verdict.code === 'reason_required') throw problems.validation([{ path: 'reason', message: 'is required to send a plan back' }], verdict.message);
              throw problems.invalidPlanTransition(verdict.message);
            }
            const { now } = ctx;
            const actor = actorOf(caller);
            Object.assign(plan, applyPlanTransition(plan, input.to, side, { by: actor, at: now.toISOString(), version: plan.version }), { updatedAt: now.toISOString() });
            const action = input.to === 'proposed' ? 'proposed' : input.to === 'agreed' ? 'agreed' : 'changes_requested';
            plan.history.push(historyEntry(plan, action, actor, now, input.reason ?? null));
            const data = { ...eventData(plan), side, by: actor };
            const events: NewEvent[] = [
              input.to === 'proposed'
                ? { type: 'plan.proposed', partnerId: partner.id, data }
                : input.to === 'agreed'
                  ? { type: 'plan.side_agreed', partnerId: partner.id, data }
                  : { type: 'plan.changes_requested', partnerId: partner.id, data: { ...data, reason: input.reason ?? null } },
            ];
            if (plan.status === 'agreed') {
              plan.revisions.push(snapshot(plan, now));
              events.push({ type: 'plan.agreed', partnerId: partner.id, data: eventData(plan) });
            }
            ctx.state.appendEvents(events, now);
            return { status: 200, body: present(ctx.state, plan, now) };
          });
        },
      },
    },
    {
      path: '/v1/partners/:id/plans/:period/revisions',
      handlers: {
        get: (ctx) => {
          const period = periodOf(ctx);
          const query = parseWith(PageQuery, queryObject(ctx.url, Object.keys(PageQuery.shape)));
          const partner = partnerInScope(ctx);
          const plan = requirePlan(ctx, partner.id, period);
          return json(ctx.state.cursors.page(plan.revisions, (r) => [r.revision], query, 'plan-revisions', { planId: plan.id }));
        },
      },
    },
    {
      path: '/v1/partners/:id/plans/:period/revisions/:revision',
      handlers: {
        get: (ctx) => {
          const period = periodOf(ctx);
          const text = ctx.params.revision ?? '';
          if (!/^[1-9][0-9]{0,8}$/.test(text)) throw problems.validation([{ path: 'revision', message: 'must be a whole number from 1' }]);
          const partner = partnerInScope(ctx);
          const plan = requirePlan(ctx, partner.id, period);
          const revision = plan.revisions.find((r) => r.revision === Number(text));
          if (!revision) throw problems.notFound('This plan has no agreed revision with this number.');
          return json(revision);
        },
      },
    },
    {
      path: '/v1/partners/:id/plans/:period/objectives',
      handlers: {
        post: async (ctx) => {
          const caller = callerOf(ctx);
          const period = periodOf(ctx);
          const body = await readJsonBody(ctx.request);
          const input = parseWith(PlanObjectiveInput, body);
          idempotencyKey(ctx);
          const partner = partnerInScope(ctx);
          const side = checkedSide(caller, input.side ?? planSideOf(caller.role), 'add');
          for (const activity of input.activities ?? []) checkedSide(caller, activity.side ?? planSideOf(caller.role), 'add');
          const measure = input.measure ? checkMeasure(ctx.state, input.measure, 'measure') : null;
          const dueDate = input.dueDate ?? periodDays(period).last;
          assertDateInPeriod(dueDate, period, 'dueDate');
          return idempotentWrite(ctx, body, () => {
            const { now } = ctx;
            const actor = actorOf(caller);
            const events: NewEvent[] = [];
            let plan = ctx.state.plans.get(planKey(partner.id, period));
            if (!plan) {
              const started = startPlan(ctx, partner.id, period, actor, null);
              plan = started.plan;
              events.push(...started.events);
            }
            assertPlanRoom(plan.objectives.length, PLAN_LIMITS.objectives, 'A plan holds');
            const at = now.toISOString();
            const objective: StoredPlanObjective = {
              id: newId('po', now),
              planId: plan.id,
              partnerId: partner.id,
              period,
              side,
              owner: input.owner,
              title: input.title,
              description: input.description ?? null,
              kind: input.kind,
              measure,
              dueDate,
              source: input.source ? { type: input.source.type, id: input.source.id, label: input.source.label ?? null } : null,
              completed: null,
              activities: (input.activities ?? []).map((a) => activityOf(caller, a, now)),
              comments: [],
              createdBy: actor,
              createdAt: at,
              updatedAt: at,
            };
            plan.objectives.push(objective);
            const revised = recordChange(plan, actor, now);
            events.push({ type: 'plan.objective_added', partnerId: partner.id, data: { ...eventData(plan), objectiveId: objective.id, side, kind: input.kind, source: objective.source, by: actor } }, ...revised);
            ctx.state.appendEvents(events, now);
            return { status: 201, body: presentObjective(ctx.state, plan, objective.id, now) };
          });
        },
      },
    },
    {
      path: '/v1/partners/:id/plans/:period/objectives/:objectiveId',
      handlers: {
        get: (ctx) => {
          const period = periodOf(ctx);
          const partner = partnerInScope(ctx);
          const plan = requirePlan(ctx, partner.id, period);
          return json(presentObjective(ctx.state, plan, requireObjective(ctx, plan).id, ctx.now));
        },
        patch: async (ctx) => {
          const caller = callerOf(ctx);
          const period = periodOf(ctx);
          const patch = parseWith(PlanObjectivePatch, await readJsonBody(ctx.request));
          const partner = partnerInScope(ctx);
          const measure = patch.measure ? checkMeasure(ctx.state, patch.measure, 'measure') : undefined;
          if (patch.dueDate !== undefined) assertDateInPeriod(patch.dueDate, period, 'dueDate');
          const plan = requirePlan(ctx, partner.id, period);
          const current = requireObjective(ctx, plan);
          checkedSide(caller, current.side, patch.done === undefined ? 'update' : 'complete');
          if (measure && current.kind !== 'measured') throw problems.validation([{ path: 'measure', message: 'applies to a measured objective only' }]);
          if (patch.done !== undefined && current.kind !== 'milestone') {
            throw problems.validation([{ path: 'done', message: 'applies to a milestone only: a measured objective is done when its measurements meet the target' }]);
          }
          const { now } = ctx;
          const actor = actorOf(caller);
          const next: StoredPlanObjective = {
            ...current,
            owner: patch.owner ?? current.owner,
            title: patch.title ?? current.title,
            description: patch.description === undefined ? current.description : patch.description,
            measure: measure ?? current.measure,
            dueDate: patch.dueDate ?? current.dueDate,
            completed: patch.done === undefined ? current.completed : patch.done ? (current.completed ?? { by: actor, at: now.toISOString() }) : null,
          };
          const measureKey = (o: StoredPlanObjective) => o.measure && { kpiId: o.measure.kpi.id, target: o.measure.target };
          const changed = (['owner', 'title', 'description', 'dueDate'] as const).filter((f) => !isSameValue(next[f], current[f]));
          if (!isSameValue(measureKey(next), measureKey(current))) changed.push('measure' as never);
          const completion = (current.completed === null) !== (next.completed === null);
          if (changed.length > 0 || completion) {
            Object.assign(current, next, { updatedAt: now.toISOString() });
            const events: NewEvent[] = [];
            if (changed.length > 0) {
              const revised = recordChange(plan, actor, now);
              events.push({ type: 'plan.objective_updated', partnerId: partner.id, data: { ...eventData(plan), objectiveId: current.id, changed, by: actor } }, ...revised);
            }
            if (completion) events.push({ type: next.completed ? 'plan.milestone_done' : 'plan.milestone_reopened', partnerId: partner.id, data: { ...eventData(plan), objectiveId: current.id, by: actor } });
            ctx.state.appendEvents(events, now);
          }
          return json(presentObjective(ctx.state, plan, current.id, now));
        },
        delete: (ctx) => {
          const caller = callerOf(ctx);
          const period = periodOf(ctx);
          const partner = partnerInScope(ctx);
          const plan = requirePlan(ctx, partner.id, period);
          const objective = requireObjective(ctx, plan);
          checkedSide(caller, objective.side, 'remove');
          const actor = actorOf(caller);
          plan.objectives = plan.objectives.filter((o) => o !== objective);
          const revised = recordChange(plan, actor, ctx.now);
          ctx.state.appendEvents([{ type: 'plan.objective_removed', partnerId: partner.id, data: { ...eventData(plan), objectiveId: objective.id, by: actor } }, ...revised], ctx.now);
          return new Response(null, { status: 204 });
        },
      },
    },
    {
      path: '/v1/partners/:id/plans/:period/objectives/:objectiveId/activities',
      handlers: {
        post: async (ctx) => {
          const caller = callerOf(ctx);
          const period = periodOf(ctx);
          const body = await readJsonBody(ctx.request);
          const input = parseWith(PlanActivityInput, body);
          idempotencyKey(ctx);
          const partner = partnerInScope(ctx);
          checkedSide(caller, input.side ?? planSideOf(caller.role), 'add');
          return idempotentWrite(ctx, body, () => {
            const plan = requirePlan(ctx, partner.id, period);
            const objective = requireObjective(ctx, plan);
            assertPlanRoom(objective.activities.length, PLAN_LIMITS.activities, 'An objective holds');
            const actor = actorOf(caller);
            const activity = activityOf(caller, input, ctx.now);
            objective.activities.push(activity);
            const revised = recordChange(plan, actor, ctx.now);
            ctx.state.appendEvents(
              [{ type: 'plan.activity_added', partnerId: partner.id, data: { ...eventData(plan), objectiveId: objective.id, activityId: activity.id, side: activity.side, by: actor } }, ...revised],
              ctx.now,
            );
            return { status: 201, body: activity };
          });
        },
      },
    },
    {
      path: '/v1/partners/:id/plans/:period/objectives/:objectiveId/activities/:activityId',
      handlers: {
        get: (ctx) => {
          const period = periodOf(ctx);
          const partner = partnerInScope(ctx);
          const plan = requirePlan(ctx, partner.id, period);
          return json(requireActivity(ctx, requireObjective(ctx, plan)));
        },
        patch: async (ctx) => {
          const caller = callerOf(ctx);
          const period = periodOf(ctx);
          const patch = parseWith(PlanActivityPatch, await readJsonBody(ctx.request));
          const partner = partnerInScope(ctx);
          const plan = requirePlan(ctx, partner.id, period);
          const objective = requireObjective(ctx, plan);
          const current = requireActivity(ctx, objective);
          checkedSide(caller, current.side, patch.done !== undefined && Object.keys(patch).length === 1 ? 'complete' : 'update');
          const { now } = ctx;
          const actor = actorOf(caller);
          const next: PlanActivity = {
            ...current,
            title: patch.title ?? current.title,
            owner: patch.owner === undefined ? current.owner : patch.owner,
            dueDate: patch.dueDate === undefined ? current.dueDate : patch.dueDate,
            completed: patch.done === undefined ? current.completed : patch.done ? (current.completed ?? { by: actor, at: now.toISOString() }) : null,
          };
          const changed = (['title', 'owner', 'dueDate'] as const).filter((f) => !isSameValue(next[f], current[f]));
          const completion = (current.completed === null) !== (next.completed === null);
          if (changed.length > 0 || completion) {
            Object.assign(current, next, { updatedAt: now.toISOString() });
            const revised = changed.length > 0 ? recordChange(plan, actor, now) : [];
            const changes = [...changed, ...(completion ? ['done'] : [])];
            ctx.state.appendEvents(
              [{ type: 'plan.activity_updated', partnerId: partner.id, data: { ...eventData(plan), objectiveId: objective.id, activityId: current.id, changed: changes, done: current.completed !== null, by: actor } }, ...revised],
              now,
            );
          }
          return json(current);
        },
        delete: (ctx) => {
          const caller = callerOf(ctx);
          const period = periodOf(ctx);
          const partner = partnerInScope(ctx);
          const plan = requirePlan(ctx, partner.id, period);
          const objective = requireObjective(ctx, plan);
          const activity = requireActivity(ctx, objective);
          checkedSide(caller, activity.side, 'remove');
          const actor = actorOf(caller);
          objective.activities = objective.activities.filter((a) => a !== activity);
          const revised = recordChange(plan, actor, ctx.now);
          ctx.state.appendEvents([{ type: 'plan.activity_removed', partnerId: partner.id, data: { ...eventData(plan), objectiveId: objective.id, activityId: activity.id, by: actor } }, ...revised], ctx.now);
          return new Response(null, { status: 204 });
        },
      },
    },
    {
      path: '/v1/partners/:id/plans/:period/objectives/:objectiveId/comments',
      handlers: {
        post: async (ctx) => {
          const caller = callerOf(ctx);
          const period = periodOf(ctx);
          const body = await readJsonBody(ctx.request);
          const input = parseWith(PlanCommentInput, body);
          idempotencyKey(ctx);
          const partner = partnerInScope(ctx);
          return idempotentWrite(ctx, body, () => {
            const plan = requirePlan(ctx, partner.id, period);
            const objective = requireObjective(ctx, plan);
            assertPlanRoom(objective.comments.length, PLAN_LIMITS.comments, 'An objective holds');
            const actor = actorOf(caller);
            const comment = { id: newId('pc', ctx.now), author: actor, body: input.body, createdAt: ctx.now.toISOString() };
            objective.comments.push(comment);
            ctx.state.appendEvents([{ type: 'plan.commented', partnerId: partner.id, data: { ...eventData(plan), objectiveId: objective.id, commentId: comment.id, by: actor } }], ctx.now);
            return { status: 201, body: comment };
          });
        },
      },
    },
    {
      path: '/v1/partners/:id/plans/:period/objectives/:objectiveId/comments/:commentId',
      handlers: {
        get: (ctx) => {
          const period = periodOf(ctx);
          const partner = partnerInScope(ctx);
          const objective = requireObjective(ctx, requirePlan(ctx, partner.id, period));
          const id = pathId(ctx.params.commentId!, 'commentId');
          const comment = objective.comments.find((c) => c.id === id);
          if (!comment) throw problems.notFound('The objective has no comment with this id.');
          return json(comment);
        },
      },
    },
    {
      path: '/v1/plan-objectives',
      handlers: {
        get: (ctx) => {
          const query = parseWith(PlanObjectiveListQuery, queryObject(ctx.url, Object.keys(PlanObjectiveListQuery.shape)));
          const { limit, cursor, ...filters } = query;
          const scope = partnerScope(callerOf(ctx));
          const objectives = [...ctx.state.plans.values()]
            .filter((plan) => (scope === null || plan.partnerId === scope) && (filters.partnerId === undefined || plan.partnerId === filters.partnerId) && (filters.period === undefined || plan.period === filters.period))
            .flatMap((plan) => present(ctx.state, plan, ctx.now).objectives)
            .filter(
              (o) =>
                (filters.side === undefined || o.side === filters.side) &&
                (filters.kind === undefined || o.kind === filters.kind) &&
                (filters.overdue === undefined || o.progress.overdue === (filters.overdue === 'true')),
            );
          return json(ctx.state.cursors.page(objectives, (o) => [o.dueDate, o.id], { limit, cursor }, 'plan-objectives', { ...filters, scope }));
        },
      },
    },
  ],
};
