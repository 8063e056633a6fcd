/**
 * `@partnerkit/core/client/resources`: the resource library.
 * @module
 */
import type { ResourceListQuery } from '../../schemas/queries.js';
import { Resource, ResourceOpenResult, ResourcePage, type ResourceInput, type ResourcePatch } from '../../schemas/resource.js';
import { route } from '../http/url.js';
import type { CreateOptions, RequestOptions } from '../options.js';
import type { Filters, ListParams } from '../params.js';
import { definePart } from '../part.js';

/**
 * Filters and sort of `client.resources.list()`.
 * @example
 * ```ts
 * await client.resources.list({ type: 'document', language: 'vi', sort: 'popular' });
 * ```
 */
export type ResourceListParams = ListParams & Filters<ResourceListQuery>;

/**
 * `client.resources`: the resource library. Items the caller may not open come back `locked`
 * without a URL; `open()` records the open and answers with the URL.
 *
 * @example
 * ```ts
 * const { data, total, facets } = await client.resources.list({ type: 'document', sort: 'popular' });
 * const { url } = await client.resources.open(data[0].id);
 * window.open(url, '_blank', 'noopener');
 * ```
 */
export interface ResourcesApi {
  /** One page, with the total and facet counts of the whole filtered result. */
  list(query?: ResourceListParams, options?: RequestOptions): Promise<ResourcePage>;
  /** Every resource that matches, page after page. */
  iterate(query?: ResourceListParams, options?: RequestOptions): AsyncGenerator<Resource, void, undefined>;
  /** One resource. */
  get(id: string, options?: RequestOptions): Promise<Resource>;
  /** Records an open and answers with the URL to open (never retried: each call counts). */
  open(id: string, options?: RequestOptions): Promise<ResourceOpenResult>;
  /** Adds a resource (admin). Retried only when given an idempotency key. */
  create(input: ResourceInput, options?: CreateOptions): Promise<Resource>;
  /** Changes some fields of a resource (admin). */
  update(id: string, patch: ResourcePatch, options?: RequestOptions): Promise<Resource>;
  /** Deletes a resource (admin). */
  delete(id: string, options?: RequestOptions): Promise<void>;
}

/**
 * `resources(client)`: the resource library namespace of any PartnerKit client (`client.resources` on a full one).
 *
 * @example
 * ```ts
 * import { resources } from '@partnerkit/core/client/resources';
 * const { data } = await resources(client).list({ sort: 'popular' });
 * ```
 */
export const resources = /* @__PURE__ */ definePart(
  'resources',
  (requests): ResourcesApi => ({
    list: (query, options) => requests.get('resources', ResourcePage, query, options),
    iterate: (query, options) => requests.iterate('resources', ResourcePage, query, options),
    get: (id, options) => requests.get(route`resources/${id}`, Resource, undefined, options),
    open: (id, options) => requests.mutate('POST', route`resources/${id}/open`, ResourceOpenResult, undefined, options),
    create: (input, options) => requests.mutate('POST', 'resources', Resource, input, options),
    update: (id, patch, options) => requests.mutate('PATCH', route`resources/${id}`, Resource, patch, options),
    delete: (id, options) => requests.mutate('DELETE', route`resources/${id}`, null, undefined, options),
  }),
);
