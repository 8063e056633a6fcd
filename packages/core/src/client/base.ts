/**
 * `@partnerkit/core/client/base`: the client without namespaces, and what contract parts are
 * made of. Bind the parts you call, each from its own entry point
 * (`@partnerkit/core/client/deals`, ...), so a bundle carries only their schemas and operations.
 * @module
 */
export { createBaseClient } from './base-client.js';
export { CLIENT_REQUESTS, definePart, type BaseClient, type PartBinder } from './part.js';
export type { ClientRequests } from './api.js';
export type { Invalidates } from './cache/invalidation.js';
export { route, type Query } from './http/url.js';
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
  ClientBaseOptions,
  ClientAuth,
  TokenAuth,
  SessionAuth,
} from './options.js';
export type { ListParams, Filters } from './params.js';
