/**
 * The typed PartnerKit client: `createClient()` with every namespace, the lean
 * `createBaseClient()` and the binder of each contract part, the options, the error hierarchy.
 *
 * ky 1.x is used (it supports Node 20; ky 2 requires Node 22).
 * @module
 */
export { createClient, type PartnerKitClient } from './create-client.js';
// The base client, part authoring and the option types (also `@partnerkit/core/client/base`).
export * from './base.js';
// One binder per contract part; each part also has its own entry point (`@partnerkit/core/client/deals`).
export { session, sessions, type SessionApi, type SessionsApi } from './parts/session.js';
export { tiers, type TiersApi } from './parts/tiers.js';
export { kpis, type KpisApi } from './parts/kpis.js';
export { partners, type PartnersApi, type PartnerListParams, type MeasurementListParams, type TargetListParams, type ScorecardParams } from './parts/partners.js';
export { measurements, type MeasurementsApi } from './parts/measurements.js';
export { deals, type DealsApi, type DealListParams } from './parts/deals.js';
export { resources, type ResourcesApi, type ResourceListParams } from './parts/resources.js';
export { plans, type PlansApi, type PlanListParams, type PlanObjectiveListParams } from './parts/plans.js';
export {
  enablement,
  type EnablementApi,
  type CertificateListParams,
  type CertificationListParams,
  type CourseListParams,
  type EnrolmentListParams,
  type PersonListParams,
} from './parts/enablement.js';
export { announcements, requests, type AnnouncementsApi, type AnnouncementListParams, type RequestsApi, type RequestListParams } from './parts/communication.js';
export { events, type EventsApi, type EventListParams } from './parts/events.js';
export { agreements, type AgreementsApi, type AgreementListParams, type AcceptanceListParams } from './parts/agreements.js';
export { applicationForm, type ApplicationFormApi } from './parts/application-form.js';
export { applications, type ApplicationsApi, type ApplicationListParams, type ApplicationPipelineParams } from './parts/applications.js';
export { selection, type SelectionApi } from './parts/selection.js';
export { publishableKeys, type PublishableKeysApi } from './parts/publishable-keys.js';
export { newIdempotencyKey } from './http/idempotency-key.js';
export { HEADERS } from './http/transport.js';
export { REQUEST_ID_HEADER } from './http/read-response.js';
export { responseInfo, REPLAYED_HEADER, type ResponseInfo } from './http/response-info.js';
export { CLIENT_VERSION } from './version.js';
export * from './errors/index.js';
// Types an error's fields are made of, so a `switch` over them needs no other import.
export type { ProblemCode } from '../schemas/problem.js';
export type { ConflictReason } from '../schemas/deal.js';
