/**
 * `@partnerkit/core/client/plans`: joint business plans, their objectives, activities, comments
 * and agreement.
 * @module
 */
import { page, type Page } from '../../schemas/page.js';
import {
  Plan,
  PlanActivity,
  PlanComment,
  PlanObjective,
  PlanRevision,
  PlanSummary,
  type PlanActivityInput,
  type PlanActivityPatch,
  type PlanCommentInput,
  type PlanInput,
  type PlanObjectiveInput,
  type PlanObjectivePatch,
  type PlanTransitionInput,
} from '../../schemas/plan.js';
import type { PlanListQuery, PlanObjectiveListQuery } from '../../schemas/queries.js';
import { newIdempotencyKey } from '../http/idempotency-key.js';
import { route } from '../http/url.js';
import type { CreateOptions, RequestOptions } from '../options.js';
import type { Filters, ListParams } from '../params.js';
import { definePart } from '../part.js';

/**
 * Filters of `client.plans.list()`.
 * @example
 * ```ts
 * await client.plans.list('p_1', { status: 'agreed' });
 * ```
 */
export type PlanListParams = ListParams & Filters<PlanListQuery>;

/**
 * Filters of `client.plans.objectives()`; `overdue` takes a boolean.
 * @example
 * ```ts
 * await client.plans.objectives({ partnerId: 'p_1', overdue: true });
 * ```
 */
export type PlanObjectiveListParams = ListParams & Omit<Filters<PlanObjectiveListQuery>, 'overdue'> & { overdue?: boolean };

const PlanSummaryPage = /* @__PURE__ */ page(PlanSummary);
const PlanRevisionPage = /* @__PURE__ */ page(PlanRevision);
const PlanObjectivePage = /* @__PURE__ */ page(PlanObjective);

/** Plans live under `partners/`; their objectives are listed across partners in `plan-objectives/`. */
const INVALIDATES = ['partners', 'plan-objectives'];

const withKey = (options: CreateOptions | undefined): CreateOptions => ({ ...options, idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey() });

const plan = (partnerId: string, period: string) => route`partners/${partnerId}/plans/${period}`;
const objective = (partnerId: string, period: string, objectiveId: string) => `${plan(partnerId, period)}${route`/objectives/${objectiveId}`}`;
const activity = (partnerId: string, period: string, objectiveId: string, activityId: string) =>
  `${objective(partnerId, period, objectiveId)}${route`/activities/${activityId}`}`;

/**
 * `client.plans`: a partner's joint business plans. Each side acts for itself: a manager session or
 * an admin key for the vendor, a partner session for its own partner (which sees only its own
 * plans). Progress comes from the backend, computed with core's rules.
 *
 * @example
 * ```ts
 * const draft = await client.plans.addObjective('p_1', '2027-H1', {
 *   owner: { name: 'Minh Anh' },
 *   title: 'Grow managed-services revenue',
 *   kind: 'measured',
 *   measure: { kpiId: 'kpi_revenue', target: 120_000_000 },
 * });
 * const current = await client.plans.get('p_1', '2027-H1');
 * await client.plans.transition('p_1', '2027-H1', { to: 'proposed', version: current.version });
 * ```
 */
export interface PlansApi {
  /** One page of a partner's plans, latest period first, without their objectives. */
  list(partnerId: string, query?: PlanListParams, options?: RequestOptions): Promise<Page<PlanSummary>>;
  /** Every plan of a partner that matches, page after page. */
  iterate(partnerId: string, query?: PlanListParams, options?: RequestOptions): AsyncGenerator<PlanSummary, void, undefined>;
  /** The partner's plan for a period (`2027-H1`), with objectives, activities, comments and progress. */
  get(partnerId: string, period: string, options?: RequestOptions): Promise<Plan>;
  /** Starts the plan for a period, or renames it. */
  upsert(partnerId: string, period: string, input: PlanInput, options?: RequestOptions): Promise<Plan>;
  /**
   * Proposes (`proposed`), agrees (`agreed`) or sends back for changes (`draft`, with a reason) for
   * the caller's side. `version` is the plan version the caller read; a changed plan rejects with a
   * `plan_changed` conflict. Sends an `Idempotency-Key` (a new random one unless you give one).
   */
  transition(partnerId: string, period: string, input: PlanTransitionInput, options?: CreateOptions): Promise<Plan>;
  /** One page of the revisions both sides agreed to, oldest first. */
  revisions(partnerId: string, period: string, query?: ListParams, options?: RequestOptions): Promise<Page<PlanRevision>>;
  /** One agreed revision, as it was agreed. */
  revision(partnerId: string, period: string, revision: number, options?: RequestOptions): Promise<PlanRevision>;
  /**
   * Adds an objective, starting the plan when the period has none. Sends an `Idempotency-Key`
   * (a new random one unless you give one), so a retried request never adds it twice.
   */
  addObjective(partnerId: string, period: string, input: PlanObjectiveInput, options?: CreateOptions): Promise<PlanObjective>;
  /** One objective of the plan. */
  getObjective(partnerId: string, period: string, objectiveId: string, options?: RequestOptions): Promise<PlanObjective>;
  /** Changes an objective of the caller's side; `{ done: true }` marks a milestone done. */
  updateObjective(partnerId: string, period: string, objectiveId: string, patch: PlanObjectivePatch, options?: RequestOptions): Promise<PlanObjective>;
  /** Removes an objective of the caller's side. */
  removeObjective(partnerId: string, period: string, objectiveId: string, options?: RequestOptions): Promise<void>;
  /** Adds an activity under an objective. Sends an `Idempotency-Key` unless you give one. */
  addActivity(partnerId: string, period: string, objectiveId: string, input: PlanActivityInput, options?: CreateOptions): Promise<PlanActivity>;
  /** One activity of an objective. */
  getActivity(partnerId: string, period: string, objectiveId: string, activityId: string, options?: RequestOptions): Promise<PlanActivity>;
  /** Changes an activity of the caller's side; `{ done: true }` marks it done. */
  updateActivity(partnerId: string, period: string, objectiveId: string, activityId: string, patch: PlanActivityPatch, options?: RequestOptions): Promise<PlanActivity>;
  /** Removes an activity of the caller's side. */
  removeActivity(partnerId: string, period: string, objectiveId: string, activityId: string, options?: RequestOptions): Promise<void>;
  /** Comments on an objective. Sends an `Idempotency-Key` unless you give one. */
  addComment(partnerId: string, period: string, objectiveId: string, input: PlanCommentInput, options?: CreateOptions): Promise<PlanComment>;
  /** One comment on an objective. */
  getComment(partnerId: string, period: string, objectiveId: string, commentId: string, options?: RequestOptions): Promise<PlanComment>;
  /** One page of objectives across partners' plans, earliest due date first (`{ overdue: true }`: the late ones). */
  objectives(query?: PlanObjectiveListParams, options?: RequestOptions): Promise<Page<PlanObjective>>;
  /** Every objective that matches, page after page. */
  iterateObjectives(query?: PlanObjectiveListParams, options?: RequestOptions): AsyncGenerator<PlanObjective, void, undefined>;
}

/**
 * `plans(client)`: the plans namespace of any PartnerKit client (`client.plans` on a full one).
 *
 * @example
 * ```ts
 * import { plans } from '@partnerkit/core/client/plans';
 * const plan = await plans(client).get('p_1', '2027-H1');
 * ```
 */
export const plans = /* @__PURE__ */ definePart(
  'plans',
  (requests): PlansApi => ({
    list: (partnerId, query, options) => requests.get(route`partners/${partnerId}/plans`, PlanSummaryPage, query, options),
    iterate: (partnerId, query, options) => requests.iterate(route`partners/${partnerId}/plans`, PlanSummaryPage, query, options),
    get: (partnerId, period, options) => requests.get(plan(partnerId, period), Plan, undefined, options),
    upsert: (partnerId, period, input, options) => requests.mutate('PUT', plan(partnerId, period), Plan, input, options, INVALIDATES),
    transition: (partnerId, period, input, options) =>
      requests.mutate('POST', `${plan(partnerId, period)}/transitions`, Plan, input, withKey(options), INVALIDATES),
    revisions: (partnerId, period, query, options) => requests.get(`${plan(partnerId, period)}/revisions`, PlanRevisionPage, query, options),
    revision: (partnerId, period, revision, options) => requests.get(`${plan(partnerId, period)}/revisions/${String(revision)}`, PlanRevision, undefined, options),
    addObjective: (partnerId, period, input, options) =>
      requests.mutate('POST', `${plan(partnerId, period)}/objectives`, PlanObjective, input, withKey(options), INVALIDATES),
    getObjective: (partnerId, period, objectiveId, options) => requests.get(objective(partnerId, period, objectiveId), PlanObjective, undefined, options),
    updateObjective: (partnerId, period, objectiveId, patch, options) =>
      requests.mutate('PATCH', objective(partnerId, period, objectiveId), PlanObjective, patch, options, INVALIDATES),
    removeObjective: (partnerId, period, objectiveId, options) =>
      requests.mutate('DELETE', objective(partnerId, period, objectiveId), null, undefined, options, INVALIDATES),
    addActivity: (partnerId, period, objectiveId, input, options) =>
      requests.mutate('POST', `${objective(partnerId, period, objectiveId)}/activities`, PlanActivity, input, withKey(options), INVALIDATES),
    getActivity: (partnerId, period, objectiveId, activityId, options) =>
      requests.get(activity(partnerId, period, objectiveId, activityId), PlanActivity, undefined, options),
    updateActivity: (partnerId, period, objectiveId, activityId, patch, options) =>
      requests.mutate('PATCH', activity(partnerId, period, objectiveId, activityId), PlanActivity, patch, options, INVALIDATES),
    removeActivity: (partnerId, period, objectiveId, activityId, options) =>
      requests.mutate('DELETE', activity(partnerId, period, objectiveId, activityId), null, undefined, options, INVALIDATES),
    addComment: (partnerId, period, objectiveId, input, options) =>
      requests.mutate('POST', `${objective(partnerId, period, objectiveId)}/comments`, PlanComment, input, withKey(options), INVALIDATES),
    getComment: (partnerId, period, objectiveId, commentId, options) =>
      requests.get(`${objective(partnerId, period, objectiveId)}${route`/comments/${commentId}`}`, PlanComment, undefined, options),
    objectives: (query, options) => requests.get('plan-objectives', PlanObjectivePage, query, options),
    iterateObjectives: (query, options) => requests.iterate('plan-objectives', PlanObjectivePage, query, options),
  }),
);
