/**
 * The typed PartnerKit client: `createClient()` with every namespace, the lean
 * `createBaseClient()` and the binder of each contract part, the options, the error hierarchy.
 *
 * ky 1.x is used (it supports Node 20; ky 2 requires Node 22).
 * @module
 */
export { createClient, type PartnerKitClient } from './create-client.js';
export { createBaseClient } from './base-client.js';
export { CLIENT_REQUESTS, definePart, type BaseClient, type PartBinder } from './part.js';
export type { ClientRequests } from './api.js';
export type { Invalidates } from './cache/invalidation.js';
export type { Schema } from './http/read-response.js';
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
} from './options.js';
export type { ListParams, Filters } from './params.js';
// One binder per contract part; each part also has its own entry point (`@partnerkit/core/client/deals`).
export { session, sessions, type SessionApi, type SessionsApi } from './parts/session.js';
export { tiers, type TiersApi } from './parts/tiers.js';
export { kpis, type KpisApi } from './parts/kpis.js';
export { partners, type PartnersApi, type PartnerListParams, type MeasurementListParams, type TargetListParams, type ScorecardParams } from './parts/partners.js';
export { measurements, type MeasurementsApi } from './parts/measurements.js';
export { deals, type DealsApi, type DealListParams } from './parts/deals.js';
export { resources, type ResourcesApi, type ResourceListParams } from './parts/resources.js';
export { events, type EventsApi, type EventListParams } from './parts/events.js';
export { newIdempotencyKey } from './http/idempotency-key.js';
export { route, type Query } from './http/url.js';
export { HEADERS } from './http/transport.js';
export { REQUEST_ID_HEADER } from './http/read-response.js';
export { CLIENT_VERSION } from './version.js';
export * from './errors/index.js';
