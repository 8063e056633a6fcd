/**
 * Joint business plans: one plan per partner and period, with objectives owned by either side
 * (measured by a KPI, or a milestone), the activities each side takes on, comments from both
 * sides, and the agreement of both sides to each revision.
 * @module
 */
import * as z from 'zod/mini';
import { CalendarDate, EmailAddress, Id, Timestamp, text } from './common.js';
import { Kpi } from './kpi.js';
import { Role } from './session.js';

/** The two sides of a plan: the vendor (managers, admins) and the partner (its users). */
export const PLAN_SIDES = ['vendor', 'partner'] as const;
export const PlanSide = /* @__PURE__ */ z.enum(PLAN_SIDES);
export type PlanSide = z.infer<typeof PlanSide>;

/**
 * Where a plan stands: `draft` while it is written, `proposed` once a side asked for agreement
 * (until both sides agreed to the current version), `agreed` when both did.
 */
export const PLAN_STATUSES = ['draft', 'proposed', 'agreed'] as const;
export const PlanStatus = /* @__PURE__ */ z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** `measured`: progress comes from a KPI's measurements; `milestone`: done or not. */
export const OBJECTIVE_KINDS = ['measured', 'milestone'] as const;
export const ObjectiveKind = /* @__PURE__ */ z.enum(OBJECTIVE_KINDS);
export type ObjectiveKind = z.infer<typeof ObjectiveKind>;

/**
 * How an objective (or a whole plan) stands, computed by core's rules: never typed by hand.
 * `no_data`: a measured objective whose KPI has no measurement in the plan's period yet.
 */
export const OBJECTIVE_STATUSES = ['on_track', 'at_risk', 'off_track', 'done', 'no_data'] as const;
export const ObjectiveStatus = /* @__PURE__ */ z.enum(OBJECTIVE_STATUSES);
export type ObjectiveStatus = z.infer<typeof ObjectiveStatus>;

/** The period of a plan: a quarter (`2026-Q3`), a half-year (`2026-H1`) or a year (`2026`). */
export const PlanPeriod = /* @__PURE__ */ z.string().check(
  z.regex(/^\d{4}(-Q[1-4]|-H[12])?$/, 'must be a quarter, half-year or year such as 2026-Q3, 2026-H1 or 2026'),
);
export type PlanPeriod = z.infer<typeof PlanPeriod>;

const personFields = {
  /** An id in the side's own directory (the host site's user id), when known. */
  id: z.optional(Id),
  name: text(200),
  email: z.optional(EmailAddress),
};

/** The person who owns an objective or an activity, named by the side that owns it. */
export const PlanPerson = /* @__PURE__ */ z.object({ ...personFields });
export type PlanPerson = z.infer<typeof PlanPerson>;

/** Who did something to a plan, as the backend read it from the verified session. */
export const PlanActor = /* @__PURE__ */ z.object({
  side: PlanSide,
  role: Role,
  id: z.nullable(text(200)),
  name: z.nullable(text(200)),
});
export type PlanActor = z.infer<typeof PlanActor>;

/** Who did something, and when. */
export const PlanStamp = /* @__PURE__ */ z.object({ by: PlanActor, at: Timestamp });
export type PlanStamp = z.infer<typeof PlanStamp>;

/** One side's agreement: who, when, and the plan `version` agreed to. */
export const PlanAgreement = /* @__PURE__ */ z.object({
  by: PlanActor,
  at: Timestamp,
  version: /* @__PURE__ */ z.int().check(z.gte(1)),
});
export type PlanAgreement = z.infer<typeof PlanAgreement>;

/** Each side's agreement to the current version; null where that side has not agreed to it. */
export const PlanAgreements = /* @__PURE__ */ z.object({
  vendor: z.nullable(PlanAgreement),
  partner: z.nullable(PlanAgreement),
});
export type PlanAgreements = z.infer<typeof PlanAgreements>;

/**
 * Where an objective came from, when another part of the programme added it: a review's action
 * item is `{ type: "review", id: "rv_...", label: "Q3 business review" }`.
 */
/** What kind of thing an objective came from: a lowercase word such as `review`. */
export const PlanSourceType = /* @__PURE__ */ z.string().check(z.regex(/^[a-z][a-z0-9_]{0,49}$/, 'must be a lowercase word such as review'));
export type PlanSourceType = z.infer<typeof PlanSourceType>;

const sourceFields = {
  type: PlanSourceType,
  id: Id,
  label: z.optional(z.nullable(text(200))),
};

export const PlanSource = /* @__PURE__ */ z.object({ ...sourceFields });
export type PlanSource = z.infer<typeof PlanSource>;

const activityFields = {
  title: text(200),
  owner: z.nullable(PlanPerson),
  dueDate: z.nullable(CalendarDate),
};

/** What one side does towards an objective: a campaign, a training, a joint call. */
export const PlanActivity = /* @__PURE__ */ z.object({
  id: Id,
  side: PlanSide,
  ...activityFields,
  /** When it was marked done, and by whom; null while it is not. */
  completed: z.nullable(PlanStamp),
  createdBy: PlanActor,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PlanActivity = z.infer<typeof PlanActivity>;

/** A comment on an objective, from either side. Comments are kept as written. */
export const PlanComment = /* @__PURE__ */ z.object({
  id: Id,
  author: PlanActor,
  body: text(4000),
  createdAt: Timestamp,
});
export type PlanComment = z.infer<typeof PlanComment>;

/**
 * An objective's progress at `asOf` of its plan, computed by core's `objectiveProgress`:
 * `actual` and `attainment` come from the partner's measurements (measured objectives only),
 * `expected` is the share of the target due by now, `percent` what the progress bar shows.
 */
export const ObjectiveProgress = /* @__PURE__ */ z.object({
  status: ObjectiveStatus,
  /** 0-100: the attainment of the whole target (capped at 100), or 0/100 for a milestone. */
  percent: /* @__PURE__ */ z.number().check(z.gte(0), z.lte(100)),
  /** The KPI's value over the objective's months so far; null without measurements or for a milestone. */
  actual: z.nullable(z.number()),
  /** `actual` against the whole target, direction-aware (1 = met); null without both. */
  attainment: z.nullable(z.number()),
  /** The share of the target expected by now, 0-1: the time elapsed for a cumulative KPI, 1 for a level; null for a milestone. */
  expected: z.nullable(/* @__PURE__ */ z.number().check(z.gte(0), z.lte(1))),
  /** True once the due date has passed without the objective being done. */
  overdue: z.boolean(),
});
export type ObjectiveProgress = z.infer<typeof ObjectiveProgress>;

/** A measured objective's KPI and target (in the KPI's unit; minor units for a currency KPI). */
export const ObjectiveMeasure = /* @__PURE__ */ z.object({
  kpi: Kpi,
  target: /* @__PURE__ */ z.number().check(z.gte(0)),
});
export type ObjectiveMeasure = z.infer<typeof ObjectiveMeasure>;

const objectiveFields = {
  /** The side that owns the objective: only that side updates it, marks it done or removes it. */
  side: PlanSide,
  owner: PlanPerson,
  title: text(200),
  description: z.nullable(text(4000)),
  kind: ObjectiveKind,
  /** The KPI and target of a measured objective; null for a milestone. */
  measure: z.nullable(ObjectiveMeasure),
  /** Inside the plan's period. */
  dueDate: CalendarDate,
  source: z.nullable(PlanSource),
};

/** An objective of a plan. Its id is stable across revisions: other parts of the programme may refer to it. */
export const PlanObjective = /* @__PURE__ */ z.object({
  id: Id,
  planId: Id,
  partnerId: Id,
  period: PlanPeriod,
  ...objectiveFields,
  /** When a milestone was marked done, and by whom; always null for a measured objective. */
  completed: z.nullable(PlanStamp),
  activities: z.array(PlanActivity),
  /** Oldest first. */
  comments: z.array(PlanComment),
  progress: ObjectiveProgress,
  createdBy: PlanActor,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PlanObjective = z.infer<typeof PlanObjective>;

/** Objectives per status, over a whole plan. */
export const PlanStatusCounts = /* @__PURE__ */ z.object({
  on_track: /* @__PURE__ */ z.int().check(z.gte(0)),
  at_risk: /* @__PURE__ */ z.int().check(z.gte(0)),
  off_track: /* @__PURE__ */ z.int().check(z.gte(0)),
  done: /* @__PURE__ */ z.int().check(z.gte(0)),
  no_data: /* @__PURE__ */ z.int().check(z.gte(0)),
});
export type PlanStatusCounts = z.infer<typeof PlanStatusCounts>;

/** A plan's progress, computed by core's `planProgress` from its objectives'. */
export const PlanProgress = /* @__PURE__ */ z.object({
  /** The worst status among the objectives not yet done (`done` when all are); null without objectives. */
  status: z.nullable(ObjectiveStatus),
  /** 0-100: the mean of the objectives' percentages. */
  percent: /* @__PURE__ */ z.number().check(z.gte(0), z.lte(100)),
  counts: PlanStatusCounts,
  /** How many objectives are overdue. */
  overdue: /* @__PURE__ */ z.int().check(z.gte(0)),
});
export type PlanProgress = z.infer<typeof PlanProgress>;

/** What happened to a plan, in its history. */
export const PLAN_ACTIONS = ['created', 'proposed', 'agreed', 'changes_requested', 'revised'] as const;
export const PlanAction = /* @__PURE__ */ z.enum(PLAN_ACTIONS);
export type PlanAction = z.infer<typeof PlanAction>;

/** One step of a plan's lifecycle: who, when, at which revision and version. */
export const PlanHistoryEntry = /* @__PURE__ */ z.object({
  at: Timestamp,
  action: PlanAction,
  by: PlanActor,
  revision: /* @__PURE__ */ z.int().check(z.gte(1)),
  version: /* @__PURE__ */ z.int().check(z.gte(1)),
  /** The plan's status after the step. */
  status: PlanStatus,
  reason: z.nullable(text(2000)),
});
export type PlanHistoryEntry = z.infer<typeof PlanHistoryEntry>;

const planHeaderFields = {
  id: Id,
  partnerId: Id,
  period: PlanPeriod,
  title: z.nullable(text(200)),
  status: PlanStatus,
  /** Starts at 1; changing an agreed plan makes the next revision and asks both sides again. */
  revision: /* @__PURE__ */ z.int().check(z.gte(1)),
  /** Starts at 1 and grows with every change to what is agreed; an agreement names the version it agrees to. */
  version: /* @__PURE__ */ z.int().check(z.gte(1)),
  agreements: PlanAgreements,
  progress: PlanProgress,
  createdBy: PlanActor,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The instant progress was computed at (the backend's clock). */
  asOf: Timestamp,
};

/** A partner's plan for one period, with its objectives and their progress. */
export const Plan = /* @__PURE__ */ z.object({
  ...planHeaderFields,
  /** In the order they were added. */
  objectives: z.array(PlanObjective),
  /** Oldest first. */
  history: z.array(PlanHistoryEntry),
});
export type Plan = z.infer<typeof Plan>;

/** A plan as lists show it: without its objectives and history. */
export const PlanSummary = /* @__PURE__ */ z.object({
  ...planHeaderFields,
  objectiveCount: /* @__PURE__ */ z.int().check(z.gte(0)),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/** An activity as a revision keeps it: what was agreed, without its later completion. */
export const PlanActivitySnapshot = /* @__PURE__ */ z.object({ id: Id, side: PlanSide, ...activityFields });
export type PlanActivitySnapshot = z.infer<typeof PlanActivitySnapshot>;

/** An objective as a revision keeps it: what was agreed, without progress, completion or comments. */
export const PlanObjectiveSnapshot = /* @__PURE__ */ z.object({
  id: Id,
  ...objectiveFields,
  activities: z.array(PlanActivitySnapshot),
});
export type PlanObjectiveSnapshot = z.infer<typeof PlanObjectiveSnapshot>;

/** A revision both sides agreed to, kept readable after the plan moved on. */
export const PlanRevision = /* @__PURE__ */ z.object({
  planId: Id,
  partnerId: Id,
  period: PlanPeriod,
  revision: /* @__PURE__ */ z.int().check(z.gte(1)),
  version: /* @__PURE__ */ z.int().check(z.gte(1)),
  title: z.nullable(text(200)),
  agreements: z.object({ vendor: PlanAgreement, partner: PlanAgreement }),
  /** When the second side agreed. */
  agreedAt: Timestamp,
  objectives: z.array(PlanObjectiveSnapshot),
});
export type PlanRevision = z.infer<typeof PlanRevision>;

/** A person named in a request body. */
export const PlanPersonInput = /* @__PURE__ */ z.strictObject({ ...personFields });
export type PlanPersonInput = z.infer<typeof PlanPersonInput>;

/** Where an objective comes from, in a request body. */
export const PlanSourceInput = /* @__PURE__ */ z.strictObject({ ...sourceFields });
export type PlanSourceInput = z.input<typeof PlanSourceInput>;

/** The KPI and target of a measured objective, in a request body. */
export const ObjectiveMeasureInput = /* @__PURE__ */ z.strictObject({ kpiId: Id, target: /* @__PURE__ */ z.number().check(z.gte(0)) });
export type ObjectiveMeasureInput = z.infer<typeof ObjectiveMeasureInput>;

/** Body of `PUT /v1/partners/{id}/plans/{period}`: starts the plan, or renames it. */
export const PlanInput = /* @__PURE__ */ z.strictObject({
  title: z.optional(z.nullable(text(200))),
});
export type PlanInput = z.input<typeof PlanInput>;

/**
 * Body of `POST /v1/partners/{id}/plans/{period}/transitions`: `proposed` asks the other side to
 * agree (and records the caller's side's agreement), `agreed` records the caller's side's
 * agreement, `draft` sends a proposed plan back with a reason. `version` is the plan version the
 * caller read: a side only ever agrees to what it saw.
 */
export const PlanTransitionInput = /* @__PURE__ */ z.strictObject({
  to: PlanStatus,
  version: /* @__PURE__ */ z.int().check(z.gte(1)),
  reason: z.optional(text(2000)),
});
export type PlanTransitionInput = z.infer<typeof PlanTransitionInput>;

/** Body of `POST .../objectives/{objectiveId}/activities`. `side` defaults to the caller's side. */
export const PlanActivityInput = /* @__PURE__ */ z.strictObject({
  side: z.optional(PlanSide),
  title: text(200),
  owner: z.optional(z.nullable(PlanPersonInput)),
  dueDate: z.optional(z.nullable(CalendarDate)),
});
export type PlanActivityInput = z.input<typeof PlanActivityInput>;

/** Body of `PATCH .../activities/{activityId}`: any subset; `done` marks it done or not done. */
export const PlanActivityPatch = /* @__PURE__ */ z.strictObject({
  title: z.optional(text(200)),
  owner: z.optional(z.nullable(PlanPersonInput)),
  dueDate: z.optional(z.nullable(CalendarDate)),
  done: z.optional(z.boolean()),
});
export type PlanActivityPatch = z.input<typeof PlanActivityPatch>;

/**
 * Body of `POST /v1/partners/{id}/plans/{period}/objectives`, which starts the plan when the
 * period has none. `side` defaults to the caller's side; `dueDate` to the period's last day.
 */
export const PlanObjectiveInput = /* @__PURE__ */ z
  .strictObject({
    side: z.optional(PlanSide),
    owner: PlanPersonInput,
    title: text(200),
    description: z.optional(z.nullable(text(4000))),
    kind: ObjectiveKind,
    /** Required for a measured objective, not allowed for a milestone. */
    measure: z.optional(ObjectiveMeasureInput),
    dueDate: z.optional(CalendarDate),
    /** Where it came from, when another part of the programme adds it. */
    source: z.optional(PlanSourceInput),
    /** Activities to add with it. */
    activities: z.optional(/* @__PURE__ */ z.array(PlanActivityInput).check(z.maxLength(50))),
  })
  .check(
    z.refine((o) => (o.kind === 'measured') === (o.measure !== undefined), {
      message: 'is required for a measured objective and not allowed for a milestone',
      path: ['measure'],
    }),
  );
export type PlanObjectiveInput = z.input<typeof PlanObjectiveInput>;

/**
 * Body of `PATCH .../objectives/{objectiveId}`: any subset of the fields. `measure` applies to a
 * measured objective only; `done` marks a milestone done or not done.
 */
export const PlanObjectivePatch = /* @__PURE__ */ z.strictObject({
  owner: z.optional(PlanPersonInput),
  title: z.optional(text(200)),
  description: z.optional(z.nullable(text(4000))),
  measure: z.optional(ObjectiveMeasureInput),
  dueDate: z.optional(CalendarDate),
  done: z.optional(z.boolean()),
});
export type PlanObjectivePatch = z.input<typeof PlanObjectivePatch>;

/** Body of `POST .../objectives/{objectiveId}/comments`. */
export const PlanCommentInput = /* @__PURE__ */ z.strictObject({ body: text(4000) });
export type PlanCommentInput = z.infer<typeof PlanCommentInput>;
