/**
 * The typed PartnerKit client: `createClient()`, its options, its error hierarchy.
 *
 * ky 1.x is used (it supports Node 20; ky 2 requires Node 22).
 * @module
 */
export { createClient, type PartnerKitClient } from './create-client.js';
export type {
  ClientOptions,
  ClientHooks,
  BeforeRequestHook,
  AfterResponseHook,
  BeforeErrorHook,
  HookState,
  RetryOptions,
  RequestOptions,
  CreateOptions,
  SessionGrant,
  ClientBaseOptions,
  ClientAuth,
  TokenAuth,
  SessionAuth,
} from './options.js';
export type {
  ListParams,
  PartnerListParams,
  DealListParams,
  ResourceListParams,
  MeasurementListParams,
  TargetListParams,
  EventListParams,
  ScorecardParams,
} from './params.js';
export type { SessionApi, SessionsApi } from './namespaces/session.js';
export type { TiersApi } from './namespaces/tiers.js';
export type { KpisApi } from './namespaces/kpis.js';
export type { PartnersApi } from './namespaces/partners.js';
export type { MeasurementsApi } from './namespaces/measurements.js';
export type { DealsApi } from './namespaces/deals.js';
export type { ResourcesApi } from './namespaces/resources.js';
export type { EventsApi } from './namespaces/events.js';
export { newIdempotencyKey } from './http/idempotency-key.js';
export { HEADERS } from './http/transport.js';
export { REQUEST_ID_HEADER } from './http/read-response.js';
export { responseInfo, REPLAYED_HEADER, type ResponseInfo } from './http/response-info.js';
export { CLIENT_VERSION } from './version.js';
export * from './errors/index.js';
// Types an error's fields are made of, so a `switch` over them needs no other import.
export type { ProblemCode } from '../schemas/problem.js';
export type { ConflictReason } from '../schemas/deal.js';
