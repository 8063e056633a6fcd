/**
 * `/v1/partners/{id}/plans` and `/v1/plan-objectives`: joint business plans. Each side acts for
 * itself (core's `planSideOf`), changes only its own items (`canEditPlanItem`), and moves the
 * plan through core's lifecycle table; progress is computed when read (`domain/plans.ts`).
 * @module
 */
import type { Context, Hono } from 'hono';
import {
  applyPlanTransition,
  canEditPlanItem,
  checkPlanTransition,
  assertDateInPeriod,
  assertPlanRoom,
  isSameValue,
  PLAN_LIMITS,
  periodDays,
  planSideOf,
  type PlanEdit,
} from '@partnerkit/core/rules';
import {
  type ObjectiveMeasureInput,
  PageQuery,
  PlanActivityInput,
  PlanActivityPatch,
  PlanCommentInput,
  PlanInput,
  PlanListQuery,
  PlanObjectiveInput,
  PlanObjectiveListQuery,
  PlanObjectivePatch,
  PlanPeriod,
  type PlanSide,
  PlanTransitionInput,
} from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import type { Queryable } from '../db/database.js';
import { actorOf, historyEntry, planEventData, presentObjectives, presentPlan, presentPlanSummaries, recordChange, revisionSnapshot } from '../domain/plans.js';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { pageAnswer, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { createdLocation, json, pathId, requestUrl, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { type Caller, partnerScope } from '../security/caller.js';
import { newId } from '../security/random.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { existingIds } from '../store/references.js';
import {
  countActivities,
  countComments,
  countObjectives,
  deleteActivity,
  deleteObjective,
  insertActivity,
  insertComment,
  insertObjective,
  insertPlan,
  loadActivity,
  loadComments,
  loadObjectiveRow,
  listObjectiveRows,
  listPlanRows,
  listRevisions,
  loadPlanRow,
  loadRevision,
  OBJECTIVE_POSITION,
  type ObjectiveRow,
  PLAN_POSITION,
  type PlanRow,
  saveActivity,
  saveObjective,
  savePlan,
  REVISION_POSITION,
  saveRevision,
} from '../store/plans.js';
import { slicePage } from '../store/page.js';
import { partnerInScope } from './partners.js';

const planNotFound = () => problems.notFound('This partner has no plan for this period.');
const objectiveNotFound = () => problems.notFound('The plan has no objective with this id.');
const activityNotFound = () => problems.notFound('The objective has no activity with this id.');

/** The `{period}` of the path: a quarter, half or year (400 at `period` otherwise). */
function planPeriod(c: Context<AppEnv>): string {
  return parseWith(PlanPeriod, c.req.param('period'), ['period']);
}

/** `itemSide`, unless the caller's side may not make `edit` to an item of it: then 403. */
function checkedSide(caller: Caller, itemSide: PlanSide, edit: PlanEdit): PlanSide {
  const side = planSideOf(caller.role);
  if (!canEditPlanItem(side, itemSide, edit)) {
    throw problems.forbidden(
      edit === 'add' ? `The ${side} side may not add items for the ${itemSide} side.` : `Only the ${itemSide} side may change its own items.`,
    );
  }
  return itemSide;
}

async function requirePlan(q: Queryable, partnerId: string, period: string, lock = false): Promise<PlanRow> {
  const plan = await loadPlanRow(q, partnerId, period, { lock });
  if (!plan) throw planNotFound();
  return plan;
}

async function requireObjective(q: Queryable, plan: PlanRow, objectiveId: string, lock = false): Promise<ObjectiveRow> {
  const objective = await loadObjectiveRow(q, plan.id, objectiveId, { lock });
  if (!objective) throw objectiveNotFound();
  return objective;
}

/** 400 at `path` unless the KPI exists. */
async function checkMeasure(q: Queryable, measure: ObjectiveMeasureInput, path: string): Promise<void> {
  if (!(await existingIds(q, 'kpis', [measure.kpiId])).has(measure.kpiId)) throw problems.validation([{ path: `${path}.kpiId`, message: 'no KPI has this id' }]);
}

/** The activities of an input, as rows to insert, checked against the caller's side. */
function activityRows(caller: Caller, objectiveId: string, inputs: readonly PlanActivityInput[], now: Date) {
  return inputs.map((input) => ({
    id: newId('pa', now),
    objectiveId,
    side: checkedSide(caller, input.side ?? planSideOf(caller.role), 'add'),
    title: input.title,
    owner: input.owner ?? null,
    dueDate: input.dueDate ?? null,
    createdBy: actorOf(caller),
  }));
}

export function planRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/partners/:id/plans', {
    get: async (c) => {
      const query = parseWith(PlanListQuery, queryObject(requestUrl(c), Object.keys(PlanListQuery.shape)));
      const partner = await partnerInScope(ctx, c);
      const { limit: _l, cursor: _c, ...filters } = query;
      const identity = { list: 'plans', filters: { ...filters, partnerId: partner.id } };
      const window = await pageWindow(ctx, identity, query, PLAN_POSITION);
      const page = await pageAnswer(ctx, identity, await listPlanRows(ctx.db, { ...filters, partnerId: partner.id }, window));
      return json({ data: await presentPlanSummaries(ctx.db, page.data, ctx.now()), nextCursor: page.nextCursor });
    },
  });

  route(app, '/v1/partners/:id/plans/:period', {
    get: async (c) => {
      const period = planPeriod(c);
      const partner = await partnerInScope(ctx, c);
      return json(await presentPlan(ctx.db, await requirePlan(ctx.db, partner.id, period), ctx.now()));
    },
    put: async (c) => {
      const caller = c.get('caller');
      const period = planPeriod(c);
      const input = parseWith(PlanInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const partner = await partnerInScope(ctx, c);
      const { status, plan } = await ctx.db.transaction(async (tx) => {
        const now = ctx.now();
        const actor = actorOf(caller);
        const existing = await loadPlanRow(tx, partner.id, period, { lock: true });
        if (existing === null) {
          const created = await startPlan(tx, partner.id, period, actor, now, input.title ?? null);
          await appendEvents(tx, created.events, now);
          return { status: 201, plan: await presentPlan(tx, created.plan, now) };
        }
        if (input.title === undefined || isSameValue(input.title, existing.title)) return { status: 200, plan: await presentPlan(tx, existing, now) };
        const changed = await recordChange(tx, existing, actor, now, input.title);
        await appendEvents(tx, [{ type: 'plan.updated', partnerId: partner.id, data: { ...planEventData(changed.plan), title: input.title, by: actor } }, ...changed.events], now);
        return { status: 200, plan: await presentPlan(tx, changed.plan, now) };
      });
      return json(plan, status, status === 201 ? { Location: createdLocation(c, period) } : {});
    },
  });

  route(app, '/v1/partners/:id/plans/:period/transitions', {
    post: async (c) => {
      const caller = c.get('caller');
      const period = planPeriod(c);
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(PlanTransitionInput, body);
      checkIdempotencyKey(c);
      const partner = await partnerInScope(ctx, c);
      await requirePlan(ctx.db, partner.id, period);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const plan = await requirePlan(tx, partner.id, period, true);
        const side = planSideOf(caller.role);
        const verdict = checkPlanTransition({ plan, objectiveCount: await countObjectives(tx, plan.id), to: input.to, side, version: input.version, reason: input.reason ?? null });
        if (!verdict.ok) {
          if (verdict.code === 'plan_changed') throw problems.planChanged(verdict.message);
          if (verdict.code === 'reason_required') throw problems.validation([{ path: 'reason', message: 'is required to send a plan back' }], verdict.message);
          throw problems.invalidPlanTransition(verdict.message);
        }
        const now = ctx.now();
        const actor = actorOf(caller);
        const next = { ...plan, ...applyPlanTransition(plan, input.to, side, { by: actor, at: now.toISOString(), version: plan.version }) };
        const action = input.to === 'proposed' ? 'proposed' : input.to === 'agreed' ? 'agreed' : 'changes_requested';
        const saved = await savePlan(tx, { ...next, history: [...plan.history, historyEntry(next, action, actor, now, input.reason ?? null)] }, now);
        const data = { ...planEventData(saved), side, by: actor };
        const events: NewEvent[] =
          input.to === 'proposed'
            ? [{ type: 'plan.proposed', partnerId: partner.id, data }]
            : input.to === 'agreed'
              ? [{ type: 'plan.side_agreed', partnerId: partner.id, data }]
              : [{ type: 'plan.changes_requested', partnerId: partner.id, data: { ...data, reason: input.reason ?? null } }];
        if (saved.status === 'agreed') {
          await saveRevision(tx, await revisionSnapshot(tx, saved, now));
          events.push({ type: 'plan.agreed', partnerId: partner.id, data: planEventData(saved) });
        }
        await appendEvents(tx, events, now);
        return { status: 200, body: await presentPlan(tx, saved, now) };
      });
    },
  });

  route(app, '/v1/partners/:id/plans/:period/revisions', {
    get: async (c) => {
      const period = planPeriod(c);
      const query = parseWith(PageQuery, queryObject(requestUrl(c), Object.keys(PageQuery.shape)));
      const partner = await partnerInScope(ctx, c);
      const plan = await requirePlan(ctx.db, partner.id, period);
      const identity = { list: 'plan-revisions', filters: { planId: plan.id } };
      const window = await pageWindow(ctx, identity, query, REVISION_POSITION);
      return json(await pageAnswer(ctx, identity, await listRevisions(ctx.db, plan.id, window)));
    },
  });

  route(app, '/v1/partners/:id/plans/:period/revisions/:revision', {
    get: async (c) => {
      const period = planPeriod(c);
      const text = c.req.param('revision') ?? '';
      if (!/^[1-9][0-9]{0,8}$/.test(text)) throw problems.validation([{ path: 'revision', message: 'must be a whole number from 1' }]);
      const partner = await partnerInScope(ctx, c);
      const plan = await requirePlan(ctx.db, partner.id, period);
      const revision = await loadRevision(ctx.db, plan.id, Number(text));
      if (!revision) throw problems.notFound('This plan has no agreed revision with this number.');
      return json(revision);
    },
  });

  route(app, '/v1/partners/:id/plans/:period/objectives', {
    post: async (c) => {
      const caller = c.get('caller');
      const period = planPeriod(c);
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(PlanObjectiveInput, body);
      checkIdempotencyKey(c);
      const partner = await partnerInScope(ctx, c);
      const side = input.side ?? planSideOf(caller.role);
      checkedSide(caller, side, 'add');
      for (const activity of input.activities ?? []) checkedSide(caller, activity.side ?? planSideOf(caller.role), 'add');
      if (input.measure) await checkMeasure(ctx.db, input.measure, 'measure');
      const dueDate = input.dueDate ?? periodDays(period).last;
      assertDateInPeriod(dueDate, period, 'dueDate');
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        const actor = actorOf(caller);
        const events: NewEvent[] = [];
        let plan = await loadPlanRow(tx, partner.id, period, { lock: true });
        if (plan === null) {
          const started = await startPlan(tx, partner.id, period, actor, now, null);
          plan = started.plan;
          events.push(...started.events);
        }
        assertPlanRoom(await countObjectives(tx, plan.id), PLAN_LIMITS.objectives, 'A plan holds');
        const id = newId('po', now);
        const activities = activityRows(caller, id, input.activities ?? [], now);
        const row = await insertObjective(
          tx,
          plan,
          {
            id,
            side,
            owner: input.owner,
            title: input.title,
            description: input.description ?? null,
            kind: input.kind,
            kpiId: input.measure?.kpiId ?? null,
            target: input.measure?.target ?? null,
            dueDate,
            source: input.source ? { type: input.source.type, id: input.source.id, label: input.source.label ?? null } : null,
            createdBy: actor,
          },
          now,
        );
        for (const activity of activities) await insertActivity(tx, activity, now);
        const changed = await recordChange(tx, plan, actor, now);
        events.push(
          { type: 'plan.objective_added', partnerId: partner.id, data: { ...planEventData(changed.plan), objectiveId: id, side, kind: input.kind, source: row.source, by: actor } },
          ...changed.events,
        );
        await appendEvents(tx, events, now);
        return { status: 201, body: (await presentObjectives(tx, [row], now))[0] };
      });
    },
  });

  route(app, '/v1/partners/:id/plans/:period/objectives/:objectiveId', {
    get: async (c) => {
      const period = planPeriod(c);
      const objectiveId = pathId(c, 'objectiveId');
      const partner = await partnerInScope(ctx, c);
      const plan = await requirePlan(ctx.db, partner.id, period);
      const row = await requireObjective(ctx.db, plan, objectiveId);
      return json((await presentObjectives(ctx.db, [row], ctx.now()))[0]);
    },
    patch: async (c) => {
      const caller = c.get('caller');
      const period = planPeriod(c);
      const objectiveId = pathId(c, 'objectiveId');
      const patch = parseWith(PlanObjectivePatch, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const partner = await partnerInScope(ctx, c);
      if (patch.measure) await checkMeasure(ctx.db, patch.measure, 'measure');
      if (patch.dueDate !== undefined) assertDateInPeriod(patch.dueDate, period, 'dueDate');
      const objective = await ctx.db.transaction(async (tx) => {
        const plan = await requirePlan(tx, partner.id, period, true);
        const current = await requireObjective(tx, plan, objectiveId, true);
        checkedSide(caller, current.side, patch.done === undefined ? 'update' : 'complete');
        if (patch.measure && current.kind !== 'measured') throw problems.validation([{ path: 'measure', message: 'applies to a measured objective only' }]);
        if (patch.done !== undefined && current.kind !== 'milestone') {
          throw problems.validation([{ path: 'done', message: 'applies to a milestone only: a measured objective is done when its measurements meet the target' }]);
        }
        const now = ctx.now();
        const actor = actorOf(caller);
        const next: ObjectiveRow = {
          ...current,
          owner: patch.owner ?? current.owner,
          title: patch.title ?? current.title,
          description: patch.description === undefined ? current.description : patch.description,
          kpiId: patch.measure?.kpiId ?? current.kpiId,
          target: patch.measure?.target ?? current.target,
          dueDate: patch.dueDate ?? current.dueDate,
          completed: patch.done === undefined ? current.completed : patch.done ? (current.completed ?? { by: actor, at: now.toISOString() }) : null,
        };
        const fields = ['owner', 'title', 'description', 'kpiId', 'target', 'dueDate'] as const;
        const contentChanged = fields.filter((f) => !isSameValue(next[f], current[f]));
        const completion = (current.completed === null) !== (next.completed === null);
        if (contentChanged.length === 0 && !completion) return current;
        const saved = await saveObjective(tx, next, now);
        const events: NewEvent[] = [];
        let state = plan;
        if (contentChanged.length > 0) {
          const changed = await recordChange(tx, plan, actor, now);
          state = changed.plan;
          events.push({ type: 'plan.objective_updated', partnerId: partner.id, data: { ...planEventData(state), objectiveId, changed: contentChanged, by: actor } }, ...changed.events);
        }
        if (completion) {
          events.push({ type: next.completed ? 'plan.milestone_done' : 'plan.milestone_reopened', partnerId: partner.id, data: { ...planEventData(state), objectiveId, by: actor } });
        }
        await appendEvents(tx, events, now);
        return saved;
      });
      return json((await presentObjectives(ctx.db, [objective], ctx.now()))[0]);
    },
    delete: async (c) => {
      const caller = c.get('caller');
      const period = planPeriod(c);
      const objectiveId = pathId(c, 'objectiveId');
      const partner = await partnerInScope(ctx, c);
      await ctx.db.transaction(async (tx) => {
        const plan = await requirePlan(tx, partner.id, period, true);
        const objective = await requireObjective(tx, plan, objectiveId, true);
        checkedSide(caller, objective.side, 'remove');
        const now = ctx.now();
        const actor = actorOf(caller);
        await deleteObjective(tx, objectiveId);
        const changed = await recordChange(tx, plan, actor, now);
        await appendEvents(tx, [{ type: 'plan.objective_removed', partnerId: partner.id, data: { ...planEventData(changed.plan), objectiveId, by: actor } }, ...changed.events], now);
      });
      return new Response(null, { status: 204 });
    },
  });

  route(app, '/v1/partners/:id/plans/:period/objectives/:objectiveId/activities', {
    post: async (c) => {
      const caller = c.get('caller');
      const period = planPeriod(c);
      const objectiveId = pathId(c, 'objectiveId');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(PlanActivityInput, body);
      checkIdempotencyKey(c);
      const partner = await partnerInScope(ctx, c);
      checkedSide(caller, input.side ?? planSideOf(caller.role), 'add');
      return idempotentWrite(ctx, c, body, async (tx) => {
        const plan = await requirePlan(tx, partner.id, period, true);
        await requireObjective(tx, plan, objectiveId);
        assertPlanRoom(await countActivities(tx, objectiveId), PLAN_LIMITS.activities, 'An objective holds');
        const now = ctx.now();
        const actor = actorOf(caller);
        const [row] = activityRows(caller, objectiveId, [input], now);
        const activity = await insertActivity(tx, row as NonNullable<typeof row>, now);
        const changed = await recordChange(tx, plan, actor, now);
        await appendEvents(
          tx,
          [{ type: 'plan.activity_added', partnerId: partner.id, data: { ...planEventData(changed.plan), objectiveId, activityId: activity.id, side: activity.side, by: actor } }, ...changed.events],
          now,
        );
        const { objectiveId: _o, ...body } = activity;
        return { status: 201, body };
      });
    },
  });

  route(app, '/v1/partners/:id/plans/:period/objectives/:objectiveId/activities/:activityId', {
    get: async (c) => {
      const period = planPeriod(c);
      const objectiveId = pathId(c, 'objectiveId');
      const activityId = pathId(c, 'activityId');
      const partner = await partnerInScope(ctx, c);
      const plan = await requirePlan(ctx.db, partner.id, period);
      await requireObjective(ctx.db, plan, objectiveId);
      const activity = await loadActivity(ctx.db, objectiveId, activityId);
      if (!activity) throw activityNotFound();
      const { objectiveId: _o, ...body } = activity;
      return json(body);
    },
    patch: async (c) => {
      const caller = c.get('caller');
      const period = planPeriod(c);
      const objectiveId = pathId(c, 'objectiveId');
      const activityId = pathId(c, 'activityId');
      const patch = parseWith(PlanActivityPatch, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const partner = await partnerInScope(ctx, c);
      const activity = await ctx.db.transaction(async (tx) => {
        const plan = await requirePlan(tx, partner.id, period, true);
        await requireObjective(tx, plan, objectiveId);
        const current = await loadActivity(tx, objectiveId, activityId, { lock: true });
        if (!current) throw activityNotFound();
        checkedSide(caller, current.side, patch.done !== undefined && Object.keys(patch).length === 1 ? 'complete' : 'update');
        const now = ctx.now();
        const actor = actorOf(caller);
        const next = {
          ...current,
          title: patch.title ?? current.title,
          owner: patch.owner === undefined ? current.owner : patch.owner,
          dueDate: patch.dueDate === undefined ? current.dueDate : patch.dueDate,
          completed: patch.done === undefined ? current.completed : patch.done ? (current.completed ?? { by: actor, at: now.toISOString() }) : null,
        };
        const changedFields = (['title', 'owner', 'dueDate'] as const).filter((f) => !isSameValue(next[f], current[f]));
        const completion = (current.completed === null) !== (next.completed === null);
        if (changedFields.length === 0 && !completion) return current;
        const saved = await saveActivity(tx, next, now);
        const changed = changedFields.length > 0 ? await recordChange(tx, plan, actor, now) : { plan, events: [] };
        const changes = [...changedFields, ...(completion ? ['done'] : [])];
        await appendEvents(
          tx,
          [{ type: 'plan.activity_updated', partnerId: partner.id, data: { ...planEventData(changed.plan), objectiveId, activityId, changed: changes, done: next.completed !== null, by: actor } }, ...changed.events],
          now,
        );
        return saved;
      });
      const { objectiveId: _o, ...body } = activity;
      return json(body);
    },
    delete: async (c) => {
      const caller = c.get('caller');
      const period = planPeriod(c);
      const objectiveId = pathId(c, 'objectiveId');
      const activityId = pathId(c, 'activityId');
      const partner = await partnerInScope(ctx, c);
      await ctx.db.transaction(async (tx) => {
        const plan = await requirePlan(tx, partner.id, period, true);
        await requireObjective(tx, plan, objectiveId);
        const activity = await loadActivity(tx, objectiveId, activityId, { lock: true });
        if (!activity) throw activityNotFound();
        checkedSide(caller, activity.side, 'remove');
        const now = ctx.now();
        const actor = actorOf(caller);
        await deleteActivity(tx, activityId);
        const changed = await recordChange(tx, plan, actor, now);
        await appendEvents(tx, [{ type: 'plan.activity_removed', partnerId: partner.id, data: { ...planEventData(changed.plan), objectiveId, activityId, by: actor } }, ...changed.events], now);
      });
      return new Response(null, { status: 204 });
    },
  });

  route(app, '/v1/partners/:id/plans/:period/objectives/:objectiveId/comments', {
    post: async (c) => {
      const caller = c.get('caller');
      const period = planPeriod(c);
      const objectiveId = pathId(c, 'objectiveId');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(PlanCommentInput, body);
      checkIdempotencyKey(c);
      const partner = await partnerInScope(ctx, c);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const plan = await requirePlan(tx, partner.id, period);
        await requireObjective(tx, plan, objectiveId, true);
        assertPlanRoom(await countComments(tx, objectiveId), PLAN_LIMITS.comments, 'An objective holds');
        const now = ctx.now();
        const actor = actorOf(caller);
        const comment = await insertComment(tx, { id: newId('pc', now), objectiveId, author: actor, body: input.body, createdAt: now.toISOString() });
        await appendEvents(tx, [{ type: 'plan.commented', partnerId: partner.id, data: { ...planEventData(plan), objectiveId, commentId: comment.id, by: actor } }], now);
        return { status: 201, body: comment };
      });
    },
  });

  route(app, '/v1/partners/:id/plans/:period/objectives/:objectiveId/comments/:commentId', {
    get: async (c) => {
      const period = planPeriod(c);
      const objectiveId = pathId(c, 'objectiveId');
      const commentId = pathId(c, 'commentId');
      const partner = await partnerInScope(ctx, c);
      const plan = await requirePlan(ctx.db, partner.id, period);
      await requireObjective(ctx.db, plan, objectiveId);
      const comment = (await loadComments(ctx.db, [objectiveId])).find((x) => x.id === commentId);
      if (!comment) throw problems.notFound('The objective has no comment with this id.');
      const { objectiveId: _o, ...body } = comment;
      return json(body);
    },
  });

  route(app, '/v1/plan-objectives', {
    get: async (c) => {
      const caller = c.get('caller');
      const query = parseWith(PlanObjectiveListQuery, queryObject(requestUrl(c), Object.keys(PlanObjectiveListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const scope = partnerScope(caller);
      const identity = { list: 'plan-objectives', filters: { ...filters, scope } };
      const window = await pageWindow(ctx, identity, query, OBJECTIVE_POSITION);
      const now = ctx.now();
      // Overdue needs progress, which needs measurements: the database narrows to what may be
      // overdue (past due, not marked done), then core's rules decide, batch by batch.
      const { overdue, ...columns } = filters;
      const filter = { ...columns, scope, ...(overdue === 'true' ? { dueBefore: now.toISOString().slice(0, 10) } : {}) };
      const wanted = overdue === undefined ? null : overdue === 'true';
      const matches: ObjectiveRow[] = [];
      let after = window.after ? ([String(window.after[0]), String(window.after[1])] as const) : null;
      const batch = Math.max(window.limit + 1, 100);
      for (;;) {
        const candidates = await listObjectiveRows(ctx.db, filter, after, wanted === null ? window.limit + 1 : batch);
        if (wanted === null) {
          matches.push(...candidates);
          break;
        }
        const progress = await presentObjectives(ctx.db, candidates, now);
        for (const [i, objective] of progress.entries()) {
          if (objective.progress.overdue === wanted) matches.push(candidates[i] as ObjectiveRow);
          if (matches.length > window.limit) break;
        }
        const last = candidates.at(-1);
        if (matches.length > window.limit || candidates.length < batch || !last) break;
        after = [last.dueDate, last.id];
      }
      const page = slicePage(matches, window, (o) => [o.dueDate, o.id], (o) => o);
      const { nextCursor } = await pageAnswer(ctx, identity, page);
      return json({ data: await presentObjectives(ctx.db, page.items, now), nextCursor });
    },
  });
}

/** Starts a partner's plan for a period as a draft; answers it with its `plan.created` event. */
async function startPlan(tx: Queryable, partnerId: string, period: string, actor: ReturnType<typeof actorOf>, now: Date, title: string | null) {
  const history = [historyEntry({ revision: 1, version: 1, status: 'draft' }, 'created', actor, now)];
  const plan = await insertPlan(tx, { id: newId('pl', now), partnerId, period, startsOn: periodDays(period).first, title, history, createdBy: actor }, now);
  return { plan, events: [{ type: 'plan.created' as const, partnerId, data: { ...planEventData(plan), title, by: actor } }] };
}
