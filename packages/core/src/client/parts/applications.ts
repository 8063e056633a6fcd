/**
 * `@partnerkit/core/client/applications`: the recruitment pipeline for vendor staff: applications,
 * their stages, and reviewers' evaluations.
 * @module
 */
import { Application, ApplicationPipeline, type ApplicationInput, type ApplicationStatus, type ApplicationTransitionInput } from '../../schemas/application.js';
import { Evaluation, EvaluationList, type EvaluationInput } from '../../schemas/evaluation.js';
import { page, type Page } from '../../schemas/page.js';
import type { ApplicationListQuery, ApplicationPipelineQuery } from '../../schemas/queries.js';
import { newIdempotencyKey } from '../http/idempotency-key.js';
import { route } from '../http/url.js';
import type { CreateOptions, RequestOptions } from '../options.js';
import type { Filters, ListParams } from '../params.js';
import { definePart } from '../part.js';

/**
 * Filters of `client.applications.list()`; `status` takes one stage or several.
 * @example
 * ```ts
 * await client.applications.list({ status: ['screening', 'interview'], q: 'acme' });
 * ```
 */
export type ApplicationListParams = ListParams & Omit<Filters<ApplicationListQuery>, 'status'> & { status?: ApplicationStatus | readonly ApplicationStatus[] };

/** Filters of `client.applications.pipeline()`: the list's, without the stage. */
export type ApplicationPipelineParams = ApplicationPipelineQuery;

const ApplicationPage = /* @__PURE__ */ page(Application);

/**
 * `client.applications`: applications and their evaluations (manager and admin; partner sessions
 * get 403). Moving an application, and approving it above all, changes partners too.
 *
 * @example
 * ```ts
 * const { stages } = await client.applications.pipeline();
 * const { data } = await client.applications.list({ status: 'due_diligence' });
 * const approved = await client.applications.transition(data[0].id, { to: 'approved' });
 * console.log(approved.partnerId); // the new onboarding partner
 * ```
 */
export interface ApplicationsApi {
  /** One page of applications, newest first. */
  list(query?: ApplicationListParams, options?: RequestOptions): Promise<Page<Application>>;
  /** Every application that matches, page after page. */
  iterate(query?: ApplicationListParams, options?: RequestOptions): AsyncGenerator<Application, void, undefined>;
  /** How many applications each stage holds, under the list's filters. */
  pipeline(query?: ApplicationPipelineParams, options?: RequestOptions): Promise<ApplicationPipeline>;
  /** One application, with its answers, duplicates and history. */
  get(id: string, options?: RequestOptions): Promise<Application>;
  /** Records an application (an invitation, or a partner's referral). Sends an `Idempotency-Key`. */
  create(input: ApplicationInput, options?: CreateOptions): Promise<Application>;
  /** Moves an application to another stage; approving creates the partner. */
  transition(id: string, input: ApplicationTransitionInput, options?: CreateOptions): Promise<Application>;
  /** The evaluations the caller may see: their own until they submit, then every submitted one and the summary. */
  evaluations(id: string, options?: RequestOptions): Promise<EvaluationList>;
  /** Creates or replaces the caller's evaluation (a manager's); `submit: true` makes it final. */
  evaluate(id: string, input: EvaluationInput, options?: CreateOptions): Promise<Evaluation>;
}

/**
 * `applications(client)`: the applications namespace of any PartnerKit client
 * (`client.applications` on a full one).
 *
 * @example
 * ```ts
 * import { applications } from '@partnerkit/core/client/applications';
 * const { stages } = await applications(client).pipeline({ partnerType: 'reseller' });
 * ```
 */
export const applications = /* @__PURE__ */ definePart(
  'applications',
  (requests): ApplicationsApi => ({
    list: (query, options) => requests.get('applications', ApplicationPage, query, options),
    iterate: (query, options) => requests.iterate('applications', ApplicationPage, query, options),
    pipeline: (query, options) => requests.get('applications/pipeline', ApplicationPipeline, query, options),
    get: (id, options) => requests.get(route`applications/${id}`, Application, undefined, options),
    create: (input, options) =>
      requests.mutate('POST', 'applications', Application, input, { ...options, idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey() }),
    // Approval creates a partner.
    transition: (id, input, options) => requests.mutate('POST', route`applications/${id}/transitions`, Application, input, options, ['applications', 'partners']),
    evaluations: (id, options) => requests.get(route`applications/${id}/evaluations`, EvaluationList, undefined, options),
    evaluate: (id, input, options) => requests.mutate('POST', route`applications/${id}/evaluations`, Evaluation, input, options),
  }),
);
