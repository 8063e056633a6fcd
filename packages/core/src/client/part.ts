/**
 * Contract parts: each part of the v1 contract (deals, resources, ...) is a module whose binder
 * gives its namespace for a base client, so a page or bundle carries the schemas and operations
 * of the parts it calls and no others. This module is a leaf (types and one symbol), so a part
 * never pulls the transport into a bundle that only binds parts to a client made elsewhere.
 * @module
 */
import type { ClientRequests } from './api.js';

/**
 * The key under which a base client carries its {@link ClientRequests}. A registered symbol, so
 * parts from another copy of `@partnerkit/core` on the page (two bundles) find it too; the
 * version in the key changes if `ClientRequests` ever changes incompatibly.
 */
export const CLIENT_REQUESTS: unique symbol = Symbol.for('partnerkit.client.requests.v1');

/**
 * What every PartnerKit client is: a transport with its session, in-flight sharing, cache and
 * hooks, to which contract parts bind. `createBaseClient()` makes one with no namespace at all;
 * `createClient()` makes one with every namespace. Bind a part with its binder:
 * `deals(client).list()`.
 *
 * @example
 * ```ts
 * import { createBaseClient, type BaseClient } from '@partnerkit/core/client/base';
 * import { deals } from '@partnerkit/core/client/deals';
 *
 * const client: BaseClient = createBaseClient({ baseUrl: '/api', fetchSession });
 * const { data } = await deals(client).list({ status: 'approved' });
 * ```
 */
export interface BaseClient {
  /** The requests parts are built from (see {@link definePart}). */
  readonly [CLIENT_REQUESTS]: ClientRequests;
  /** Forgets every cached answer (and stops sharing GETs already in flight with later callers). */
  clearCache(): void;
}

/**
 * A part's binder: the part's namespace for `client`. A client that already carries the namespace
 * under the part's name (one from `createClient()`, or your own wrapper of it) is answered with
 * that namespace; any other client gets the part bound to its requests, once per client, so every
 * bound namespace shares the client's cache, in-flight registry and invalidation.
 */
export type PartBinder<T> = (client: BaseClient) => T;

/**
 * Declares a contract part: `name` is the namespace it has on a full client (`client.deals`),
 * `build` makes the namespace from a client's requests. Part modules export the result, and
 * nothing in them runs until a binder is called (calls are pure), so an unused part costs a
 * bundle nothing.
 *
 * @example
 * ```ts
 * export const deals = definePart('deals', (requests): DealsApi => ({
 *   list: (query, options) => requests.get('deals', DealPage, query, options),
 *   ...
 * }));
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function definePart<T extends object>(name: string, build: (requests: ClientRequests) => T): PartBinder<T> {
  const bound = new WeakMap<ClientRequests, T>();
  return (client) => {
    const given = client as Partial<BaseClient> & Record<string, unknown> | null | undefined;
    const own = given?.[name];
    if (typeof own === 'object' && own !== null) return own as T;
    const requests = given?.[CLIENT_REQUESTS];
    if (typeof requests !== 'object' || requests === null) {
      throw new TypeError(`${name}(client): not a PartnerKit client; make one with createBaseClient() or createClient() from @partnerkit/core/client`);
    }
    let namespace = bound.get(requests);
    if (!namespace) bound.set(requests, (namespace = Object.freeze(build(requests))));
    return namespace;
  };
}
