/**
 * The objective form as data: how a draft becomes the contract's `PlanObjectiveInput` (a new
 * objective) or `PlanObjectivePatch` (an edit), validated by the contract's own schemas, and how
 * their issues, or a backend's field errors, become problems on the right field. Loaded with the
 * form, on its first opening.
 * @module
 */
import { isDateInPeriod, periodDays } from '@partnerkit/core/rules/plans';
import { type Kpi, PlanActivityInput, type PlanObjectiveInput, PlanObjectivePatch, type PlanObjective } from '@partnerkit/core/schemas';
import { currencyFractionDigits } from '../platform/localize.js';
import { OBJECTIVE_FIELDS, type ObjectiveField, type ObjectiveProblem, type ObjectiveValues } from './objective-fields.js';

export type Built<T> = { ok: true; input: T } | { ok: false; problems: ObjectiveProblem[] };

/** What checking a draft needs besides the draft: the plan's period and the programme's KPIs. */
export interface ObjectiveContext {
  period: string;
  kpis: readonly Kpi[];
}

/** The form field a contract path (`['owner', 'name']`, `measure.kpiId`, `activities[2].title`) belongs to. */
export function fieldOfPath(path: ReadonlyArray<PropertyKey> | string): ObjectiveField | undefined {
  const [head = '', sub = ''] = typeof path === 'string' ? path.split(/[./[\]]+/).filter(Boolean) : path.map(String);
  const name =
    head === 'owner' ? (sub === 'email' ? 'ownerEmail' : 'ownerName') : head === 'measure' ? (sub === 'target' ? 'target' : 'kpiId') : head;
  return (OBJECTIVE_FIELDS as readonly string[]).includes(name) ? (name as ObjectiveField) : undefined;
}

const optional = (value: string): string | undefined => value.trim() || undefined;

/** The target typed, in the contract's units (minor units of a currency KPI); NaN when it is not a number. */
function targetOf(text: string, kpi: Kpi | undefined): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  const digits = kpi?.unit === 'currency' && kpi.currency ? currencyFractionDigits(kpi.currency) : 0;
  return digits ? Math.round(value * 10 ** digits) : value;
}

/** What the form checks before the schema: a KPI and a number for a measured objective, a date in the period. */
function formProblems(values: ObjectiveValues, measured: boolean, ctx: ObjectiveContext): ObjectiveProblem[] {
  const problems: ObjectiveProblem[] = [];
  if (measured) {
    const kpi = ctx.kpis.find((k) => k.id === values.kpiId);
    if (!kpi) problems.push({ field: 'kpiId', key: 'objective.err.kpi' });
    const target = targetOf(values.target, kpi);
    if (values.target.trim() === '') problems.push({ field: 'target', key: 'objective.err.required' });
    else if (!Number.isFinite(target)) problems.push({ field: 'target', key: 'objective.err.number' });
    else if (target < 0) problems.push({ field: 'target', key: 'objective.err.negative' });
  }
  if (values.dueDate && /^\d{4}-\d{2}-\d{2}$/.test(values.dueDate) && !isDateInPeriod(values.dueDate, ctx.period)) {
    const { first, last } = periodDays(ctx.period);
    problems.push({ field: 'dueDate', key: 'objective.err.period', params: { first, last } });
  }
  return problems;
}

interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  maximum?: number | bigint;
}

function problemOf(issue: SchemaIssue, values: ObjectiveValues): ObjectiveProblem | undefined {
  const field = fieldOfPath(issue.path);
  if (!field) return undefined;
  if (issue.code === 'too_big' && field !== 'activities') return { field, key: 'objective.err.tooLong', params: { max: Number(issue.maximum), count: values[field].trim().length } };
  if (issue.code === 'too_small' || (issue.code === 'invalid_type' && values[field].trim() === '')) return { field, key: 'objective.err.required' };
  if (field === 'ownerEmail') return { field, key: 'objective.err.email' };
  if (field === 'dueDate') return { field, key: 'objective.err.date' };
  return { field, key: 'objective.err.invalid' };
}

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: SchemaIssue[] } } }, raw: unknown, values: ObjectiveValues, before: ObjectiveProblem[]): Built<T> {
  // Leave absent keys out entirely: the input schemas are strict about what is present.
  const result = schema.safeParse(JSON.parse(JSON.stringify(raw)));
  const problems = [...before];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const problem = problemOf(issue, values);
      if (problem && !problems.some((p) => p.field === problem.field)) problems.push(problem);
    }
  }
  if (problems.length) {
    const order = (p: ObjectiveProblem) => OBJECTIVE_FIELDS.indexOf(p.field);
    return { ok: false, problems: problems.sort((a, b) => order(a) - order(b)) };
  }
  return { ok: true, input: (result as { data: T }).data };
}

const owner = (values: ObjectiveValues) => ({ name: values.ownerName, email: optional(values.ownerEmail) });

/**
 * A new objective, or every problem in form order. Activities are one per line, of the signed-in
 * side. Its fields are checked by the contract's own field schemas (`PlanObjectivePatch`'s, each
 * activity by `PlanActivityInput`); the body's one cross-field rule (a KPI exactly for a measured
 * objective) is the form's KPI check, as the form builds `measure` only for one. Checking with
 * `PlanObjectiveInput` itself would bring zod's refinements into the CDN's shared chunk, onto
 * every page (docs/decisions.md, "Joint business plans").
 */
export function buildObjectiveInput(values: ObjectiveValues, ctx: ObjectiveContext): Built<PlanObjectiveInput> {
  const measured = values.kind === 'measured';
  const kpi = ctx.kpis.find((k) => k.id === values.kpiId);
  const lines = values.activities
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const fields = {
    owner: owner(values),
    title: values.title,
    description: optional(values.description),
    measure: measured && kpi ? { kpiId: kpi.id, target: targetOf(values.target, kpi) } : undefined,
    dueDate: optional(values.dueDate),
  };
  const before = formProblems(values, measured, ctx);
  if (lines.length > 50 || lines.some((title) => !PlanActivityInput.safeParse({ title }).success)) before.push({ field: 'activities', key: 'objective.err.activities', params: { max: 200 } });
  const built = parsed<PlanObjectivePatch>(PlanObjectivePatch, fields, values, before);
  if (!built.ok) return built;
  const side = values.side === 'partner' ? 'partner' : 'vendor';
  const kind = measured ? 'measured' : 'milestone';
  const input = { ...built.input, side, kind, ...(lines.length ? { activities: lines.map((title) => ({ title })) } : {}) } as PlanObjectiveInput;
  return { ok: true, input };
}

/** The changes to `objective`, or every problem in form order. Its side and kind stay as they are. */
export function buildObjectivePatch(values: ObjectiveValues, objective: PlanObjective, ctx: ObjectiveContext): Built<PlanObjectivePatch> {
  const measured = objective.kind === 'measured';
  const kpi = ctx.kpis.find((k) => k.id === values.kpiId) ?? (objective.measure?.kpi.id === values.kpiId ? objective.measure.kpi : undefined);
  const raw = {
    owner: owner(values),
    title: values.title,
    description: optional(values.description) ?? null,
    measure: measured && kpi ? { kpiId: kpi.id, target: targetOf(values.target, kpi) } : undefined,
    dueDate: values.dueDate,
  };
  return parsed<PlanObjectivePatch>(PlanObjectivePatch, raw, values, formProblems(values, measured, { ...ctx, kpis: kpi ? [kpi] : ctx.kpis }));
}

/** The backend refused values the schema let through: its words, on the fields they name. */
export function refusedProblems(errors: readonly { path: string; message: string }[]): ObjectiveProblem[] {
  return errors.map((e) => ({ field: fieldOfPath(e.path) ?? 'title', key: 'objective.err.server', params: { detail: e.message } }));
}
