import { Resource, ResourceOpenResult, ResourcePage, type ResourceInput, type ResourcePatch } from '../../schemas/resource.js';
import type { Api } from '../api.js';
import { route } from '../http/url.js';
import type { CreateOptions, RequestOptions } from '../options.js';
import type { ResourceListParams } from '../params.js';

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

/** Builds `client.resources`. */
export function resourcesApi(api: Api): ResourcesApi {
  return {
    list: (query, options) => api.get('resources', ResourcePage, query, options),
    iterate: (query, options) => api.iterate('resources', ResourcePage, query, options),
    get: (id, options) => api.get(route`resources/${id}`, Resource, undefined, options),
    open: (id, options) => api.mutate('POST', route`resources/${id}/open`, ResourceOpenResult, undefined, options),
    create: (input, options) => api.mutate('POST', 'resources', Resource, input, options),
    update: (id, patch, options) => api.mutate('PATCH', route`resources/${id}`, Resource, patch, options),
    delete: (id, options) => api.mutate('DELETE', route`resources/${id}`, null, undefined, options),
  };
}
