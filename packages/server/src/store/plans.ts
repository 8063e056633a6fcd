/**
 * Joint business plans as rows and as contract objects: plans, objectives, activities, comments
 * and agreed revisions. Progress is not stored: `domain/plans.ts` computes it when read.
 * @module
 */
import type {
  Kpi,
  Measurement,
  ObjectiveKind,
  PlanActivity,
  PlanActor,
  PlanAgreement,
  PlanComment,
  PlanHistoryEntry,
  PlanPerson,
  PlanRevision,
  PlanSide,
  PlanSource,
  PlanStamp,
  PlanStatus,
} from '@partnerkit/core/schemas';
import type { Queryable, Row } from '../db/database.js';
import { SqlBuilder } from '../db/sql.js';
import { kpiFromRow, type KpiRow } from './kpis.js';
import { measurementFromRow, type MeasurementRow } from './measurements.js';
import { type PageSlice, type PageWindow, type PositionShape, slicePage } from './page.js';

/** Timestamps arrive from both drivers as `Date`s. */
const toIso = (value: unknown): string => (value as Date).toISOString();

/** A plan row, typed. */
export interface PlanRow {
  id: string;
  partnerId: string;
  period: string;
  title: string | null;
  status: PlanStatus;
  revision: number;
  version: number;
  agreements: { vendor: PlanAgreement | null; partner: PlanAgreement | null };
  history: PlanHistoryEntry[];
  createdBy: PlanActor;
  createdAt: string;
  updatedAt: string;
}

/** An objective row, typed (without activities, comments and progress). */
export interface ObjectiveRow {
  id: string;
  planId: string;
  partnerId: string;
  period: string;
  side: PlanSide;
  owner: PlanPerson;
  title: string;
  description: string | null;
  kind: ObjectiveKind;
  kpiId: string | null;
  target: number | null;
  dueDate: string;
  source: PlanSource | null;
  completed: PlanStamp | null;
  createdBy: PlanActor;
  createdAt: string;
  updatedAt: string;
  /** The row's position in the table: objectives keep the order they were added in. */
  seq: number;
}

export function mapPlanRow(row: Row): PlanRow {
  return {
    id: row.id as string,
    partnerId: row.partner_id as string,
    period: row.period as string,
    title: (row.title as string | null) ?? null,
    status: row.status as PlanStatus,
    revision: Number(row.revision),
    version: Number(row.version),
    agreements: { vendor: (row.vendor_agreement as PlanAgreement | null) ?? null, partner: (row.partner_agreement as PlanAgreement | null) ?? null },
    history: row.history as PlanHistoryEntry[],
    createdBy: row.created_by as PlanActor,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function mapObjectiveRow(row: Row): ObjectiveRow {
  return {
    id: row.id as string,
    planId: row.plan_id as string,
    partnerId: row.partner_id as string,
    period: row.period as string,
    side: row.side as PlanSide,
    owner: row.owner as PlanPerson,
    title: row.title as string,
    description: (row.description as string | null) ?? null,
    kind: row.kind as ObjectiveKind,
    kpiId: (row.kpi_id as string | null) ?? null,
    target: row.target === null || row.target === undefined ? null : Number(row.target),
    dueDate: row.due_date as string,
    source: (row.source as PlanSource | null) ?? null,
    completed: (row.completed as PlanStamp | null) ?? null,
    createdBy: row.created_by as PlanActor,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    seq: Number(row.seq),
  };
}

/** An activity row with the objective it belongs to. */
export type ActivityRow = PlanActivity & { objectiveId: string };

export function mapActivity(row: Row): ActivityRow {
  return {
    id: row.id as string,
    objectiveId: row.objective_id as string,
    side: row.side as PlanSide,
    title: row.title as string,
    owner: (row.owner as PlanPerson | null) ?? null,
    dueDate: (row.due_date as string | null) ?? null,
    completed: (row.completed as PlanStamp | null) ?? null,
    createdBy: row.created_by as PlanActor,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** The contract's activity (without the row's `objectiveId`). */
export function activityOf(row: ActivityRow): PlanActivity {
  const { objectiveId: _objectiveId, ...activity } = row;
  return activity;
}

export function mapComment(row: Row): PlanComment & { objectiveId: string } {
  return { id: row.id as string, objectiveId: row.objective_id as string, author: row.author as PlanActor, body: row.body as string, createdAt: toIso(row.created_at) };
}

/** The partner's plan for a period, or null. `lock` holds the row for the rest of the transaction. */
export async function loadPlanRow(q: Queryable, partnerId: string, period: string, { lock = false } = {}): Promise<PlanRow | null> {
  const { rows } = await q.query(`SELECT * FROM plans WHERE partner_id = $1 AND period = $2${lock ? ' FOR UPDATE' : ''}`, [partnerId, period]);
  return rows[0] ? mapPlanRow(rows[0]) : null;
}

/** Inserts a new draft plan at revision 1, version 1. */
export async function insertPlan(
  tx: Queryable,
  plan: { id: string; partnerId: string; period: string; startsOn: string; title: string | null; history: PlanHistoryEntry[]; createdBy: PlanActor },
  now: Date,
): Promise<PlanRow> {
  const { rows } = await tx.query(
    `INSERT INTO plans (id, partner_id, period, starts_on, title, status, revision, version, history, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'draft', 1, 1, $6::jsonb, $7::jsonb, $8, $8)
     ON CONFLICT (partner_id, period) DO NOTHING
     RETURNING *`,
    [plan.id, plan.partnerId, plan.period, plan.startsOn, plan.title, JSON.stringify(plan.history), JSON.stringify(plan.createdBy), now],
  );
  return rows[0] ? mapPlanRow(rows[0]) : ((await loadPlanRow(tx, plan.partnerId, plan.period, { lock: true })) as PlanRow);
}

/** Writes a plan's lifecycle state, title and history back. */
export async function savePlan(tx: Queryable, plan: PlanRow, now: Date): Promise<PlanRow> {
  const { rows } = await tx.query(
    `UPDATE plans SET title = $2, status = $3, revision = $4, version = $5, vendor_agreement = $6::jsonb, partner_agreement = $7::jsonb,
            history = $8::jsonb, updated_at = $9
      WHERE id = $1 RETURNING *`,
    [
      plan.id,
      plan.title,
      plan.status,
      plan.revision,
      plan.version,
      plan.agreements.vendor === null ? null : JSON.stringify(plan.agreements.vendor),
      plan.agreements.partner === null ? null : JSON.stringify(plan.agreements.partner),
      JSON.stringify(plan.history),
      now,
    ],
  );
  return mapPlanRow(rows[0] as Row);
}

/** The objectives of one plan, in the order they were added. */
export async function loadObjectiveRows(q: Queryable, planId: string): Promise<ObjectiveRow[]> {
  const { rows } = await q.query('SELECT * FROM plan_objectives WHERE plan_id = $1 ORDER BY seq', [planId]);
  return rows.map(mapObjectiveRow);
}

/** One objective of a plan, or null. */
export async function loadObjectiveRow(q: Queryable, planId: string, objectiveId: string, { lock = false } = {}): Promise<ObjectiveRow | null> {
  const { rows } = await q.query(`SELECT * FROM plan_objectives WHERE id = $1 AND plan_id = $2${lock ? ' FOR UPDATE' : ''}`, [objectiveId, planId]);
  return rows[0] ? mapObjectiveRow(rows[0]) : null;
}

/** How many objectives a plan has. */
export async function countObjectives(q: Queryable, planId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM plan_objectives WHERE plan_id = $1', [planId]);
  return Number(rows[0]?.n ?? 0);
}

/** Inserts an objective of `plan`. */
export async function insertObjective(tx: Queryable, plan: PlanRow, objective: Omit<ObjectiveRow, 'planId' | 'partnerId' | 'period' | 'seq' | 'createdAt' | 'updatedAt' | 'completed'>, now: Date): Promise<ObjectiveRow> {
  const { rows } = await tx.query(
    `INSERT INTO plan_objectives (id, plan_id, partner_id, period, side, owner, title, description, kind, kpi_id, target, due_date, source, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13::jsonb, $14::jsonb, $15, $15)
     RETURNING *`,
    [
      objective.id,
      plan.id,
      plan.partnerId,
      plan.period,
      objective.side,
      JSON.stringify(objective.owner),
      objective.title,
      objective.description,
      objective.kind,
      objective.kpiId,
      objective.target,
      objective.dueDate,
      objective.source === null ? null : JSON.stringify(objective.source),
      JSON.stringify(objective.createdBy),
      now,
    ],
  );
  return mapObjectiveRow(rows[0] as Row);
}

/** Writes an objective's editable fields back. */
export async function saveObjective(tx: Queryable, objective: ObjectiveRow, now: Date): Promise<ObjectiveRow> {
  const { rows } = await tx.query(
    `UPDATE plan_objectives SET owner = $2::jsonb, title = $3, description = $4, kpi_id = $5, target = $6, due_date = $7, completed = $8::jsonb, updated_at = $9
      WHERE id = $1 RETURNING *`,
    [
      objective.id,
      JSON.stringify(objective.owner),
      objective.title,
      objective.description,
      objective.kpiId,
      objective.target,
      objective.dueDate,
      objective.completed === null ? null : JSON.stringify(objective.completed),
      now,
    ],
  );
  return mapObjectiveRow(rows[0] as Row);
}

/** Removes an objective with its activities and comments. */
export async function deleteObjective(tx: Queryable, objectiveId: string): Promise<void> {
  await tx.query('DELETE FROM plan_objectives WHERE id = $1', [objectiveId]);
}

/** The activities of the given objectives, in the order they were added. */
export async function loadActivities(q: Queryable, objectiveIds: readonly string[]): Promise<ActivityRow[]> {
  if (objectiveIds.length === 0) return [];
  const { rows } = await q.query('SELECT * FROM plan_activities WHERE objective_id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY seq', [JSON.stringify(objectiveIds)]);
  return rows.map(mapActivity);
}

/** One activity of an objective, or null. */
export async function loadActivity(q: Queryable, objectiveId: string, activityId: string, { lock = false } = {}): Promise<ActivityRow | null> {
  const { rows } = await q.query(`SELECT * FROM plan_activities WHERE id = $1 AND objective_id = $2${lock ? ' FOR UPDATE' : ''}`, [activityId, objectiveId]);
  return rows[0] ? mapActivity(rows[0]) : null;
}

/** Inserts an activity. */
export async function insertActivity(tx: Queryable, activity: Omit<ActivityRow, 'createdAt' | 'updatedAt' | 'completed'>, now: Date): Promise<ActivityRow> {
  const { rows } = await tx.query(
    `INSERT INTO plan_activities (id, objective_id, side, title, owner, due_date, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8, $8) RETURNING *`,
    [activity.id, activity.objectiveId, activity.side, activity.title, activity.owner === null ? null : JSON.stringify(activity.owner), activity.dueDate, JSON.stringify(activity.createdBy), now],
  );
  return mapActivity(rows[0] as Row);
}

/** Writes an activity's editable fields back. */
export async function saveActivity(tx: Queryable, activity: ActivityRow, now: Date): Promise<ActivityRow> {
  const { rows } = await tx.query(
    `UPDATE plan_activities SET title = $2, owner = $3::jsonb, due_date = $4, completed = $5::jsonb, updated_at = $6 WHERE id = $1 RETURNING *`,
    [activity.id, activity.title, activity.owner === null ? null : JSON.stringify(activity.owner), activity.dueDate, activity.completed === null ? null : JSON.stringify(activity.completed), now],
  );
  return mapActivity(rows[0] as Row);
}

export async function deleteActivity(tx: Queryable, activityId: string): Promise<void> {
  await tx.query('DELETE FROM plan_activities WHERE id = $1', [activityId]);
}

/** How many activities an objective has. */
export async function countActivities(q: Queryable, objectiveId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM plan_activities WHERE objective_id = $1', [objectiveId]);
  return Number(rows[0]?.n ?? 0);
}

/** The comments of the given objectives, oldest first. */
export async function loadComments(q: Queryable, objectiveIds: readonly string[]): Promise<(PlanComment & { objectiveId: string })[]> {
  if (objectiveIds.length === 0) return [];
  const { rows } = await q.query('SELECT * FROM plan_comments WHERE objective_id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY seq', [JSON.stringify(objectiveIds)]);
  return rows.map(mapComment);
}

/** How many comments an objective has. */
export async function countComments(q: Queryable, objectiveId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM plan_comments WHERE objective_id = $1', [objectiveId]);
  return Number(rows[0]?.n ?? 0);
}

export async function insertComment(tx: Queryable, comment: PlanComment & { objectiveId: string }): Promise<PlanComment> {
  await tx.query('INSERT INTO plan_comments (id, objective_id, author, body, created_at) VALUES ($1, $2, $3::jsonb, $4, $5)', [
    comment.id,
    comment.objectiveId,
    JSON.stringify(comment.author),
    comment.body,
    comment.createdAt,
  ]);
  const { objectiveId: _objectiveId, ...rest } = comment;
  return rest;
}

/** Stores an agreed revision (the same revision agreed again replaces it). */
export async function saveRevision(tx: Queryable, revision: PlanRevision): Promise<void> {
  await tx.query(
    `INSERT INTO plan_revisions (plan_id, revision, version, snapshot, agreed_at) VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT (plan_id, revision) DO UPDATE SET version = EXCLUDED.version, snapshot = EXCLUDED.snapshot, agreed_at = EXCLUDED.agreed_at`,
    [revision.planId, revision.revision, revision.version, JSON.stringify(revision), revision.agreedAt],
  );
}

export function mapRevision(row: Row): PlanRevision {
  return row.snapshot as PlanRevision;
}

/** The KPIs with the given ids, by id. */
export async function loadKpisById(q: Queryable, ids: readonly string[]): Promise<Map<string, Kpi>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query('SELECT * FROM kpis WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [JSON.stringify([...new Set(ids)])]);
  return new Map(rows.map((r) => [r.id as string, kpiFromRow(r as unknown as KpiRow)]));
}

/** The measurements of the given partners and KPIs within a month range, for progress. */
export async function loadPlanMeasurements(q: Queryable, partnerIds: readonly string[], kpiIds: readonly string[], from: string, to: string): Promise<Measurement[]> {
  if (partnerIds.length === 0 || kpiIds.length === 0) return [];
  const { rows } = await q.query(
    `SELECT * FROM measurements
      WHERE partner_id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND kpi_id IN (SELECT jsonb_array_elements_text($2::jsonb))
        AND period >= $3 AND period <= $4`,
    [JSON.stringify([...new Set(partnerIds)]), JSON.stringify([...new Set(kpiIds)]), from, to],
  );
  return rows.map((r) => measurementFromRow(r as unknown as MeasurementRow));
}

/** Plans are listed newest period first: the position is `[startsOn, id]`. */
export const PLAN_POSITION: PositionShape = ['string', 'string'];

/** A page of one partner's plans, optionally of one period or status. */
export async function listPlanRows(q: Queryable, filter: { partnerId: string; period?: string; status?: string }, window: PageWindow): Promise<PageSlice<PlanRow>> {
  const sql = new SqlBuilder();
  sql.where(`partner_id = ${sql.param(filter.partnerId)}`);
  if (filter.period) sql.where(`period = ${sql.param(filter.period)}`);
  if (filter.status) sql.where(`status = ${sql.param(filter.status)}`);
  if (window.after) sql.where(`(starts_on, id) < (${sql.param(window.after[0])}, ${sql.param(window.after[1])})`);
  const { rows } = await q.query(`SELECT * FROM plans ${sql.whereClause()} ORDER BY starts_on DESC, id DESC LIMIT ${window.limit + 1}`, sql.params);
  return slicePage(rows, window, (r) => [r.starts_on as string, r.id as string], mapPlanRow);
}

/** Revisions are listed in order: the position is `[revision]`. */
export const REVISION_POSITION: PositionShape = ['number'];

/** A page of a plan's agreed revisions. */
export async function listRevisions(q: Queryable, planId: string, window: PageWindow): Promise<PageSlice<PlanRevision>> {
  const after = window.after ? Number(window.after[0]) : 0;
  const { rows } = await q.query(`SELECT * FROM plan_revisions WHERE plan_id = $1 AND revision > $2 ORDER BY revision LIMIT ${window.limit + 1}`, [planId, after]);
  return slicePage(rows, window, (r) => [Number(r.revision)], mapRevision);
}

/** One agreed revision of a plan, or null. */
export async function loadRevision(q: Queryable, planId: string, revision: number): Promise<PlanRevision | null> {
  const { rows } = await q.query('SELECT * FROM plan_revisions WHERE plan_id = $1 AND revision = $2', [planId, revision]);
  return rows[0] ? mapRevision(rows[0]) : null;
}

/** Objectives across plans are listed by due date: the position is `[dueDate, id]`. */
export const OBJECTIVE_POSITION: PositionShape = ['string', 'string'];

/** The filters of the objectives list the database applies (overdue needs progress: see the route). */
export interface ObjectiveFilter {
  scope: string | null;
  partnerId?: string;
  period?: string;
  side?: string;
  kind?: string;
  /** Only objectives due before this day and not marked done: those that may be overdue. */
  dueBefore?: string;
}

/** Up to `limit` objectives after position `after`, in `(dueDate, id)` order. */
export async function listObjectiveRows(q: Queryable, filter: ObjectiveFilter, after: readonly [string, string] | null, limit: number): Promise<ObjectiveRow[]> {
  const sql = new SqlBuilder();
  if (filter.scope !== null) sql.where(`partner_id = ${sql.param(filter.scope)}`);
  if (filter.partnerId) sql.where(`partner_id = ${sql.param(filter.partnerId)}`);
  if (filter.period) sql.where(`period = ${sql.param(filter.period)}`);
  if (filter.side) sql.where(`side = ${sql.param(filter.side)}`);
  if (filter.kind) sql.where(`kind = ${sql.param(filter.kind)}`);
  if (filter.dueBefore) sql.where(`due_date < ${sql.param(filter.dueBefore)} AND completed IS NULL`);
  if (after) sql.where(`(due_date, id) > (${sql.param(after[0])}, ${sql.param(after[1])})`);
  const { rows } = await q.query(`SELECT * FROM plan_objectives ${sql.whereClause()} ORDER BY due_date, id LIMIT ${limit}`, sql.params);
  return rows.map(mapObjectiveRow);
}
