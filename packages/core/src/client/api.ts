/**
 * What the contract parts call: GETs go through the cache and in-flight sharing; mutations go
 * straight through and then invalidate what they touched.
 * @module
 */
import type { Page } from '../schemas/page.js';
import type { ResponseCache } from './cache/response-cache.js';
import { affectedBy, type Invalidates } from './cache/invalidation.js';
import type { InFlight } from './cache/in-flight.js';
import type { CreateOptions, RequestOptions } from './options.js';
import type { Schema } from './http/read-response.js';
import type { HttpMethod, Transport } from './http/transport.js';
import { buildUrl, collectionOf, type Query } from './http/url.js';
import { paginate } from './pagination/paginate.js';
import { safeUrl } from './errors/request-info.js';

/**
 * The requests a contract part is built from, bound to one base client's transport, cache and
 * in-flight registry. Paths are below `/v1/` (`deals`, ``route`deals/${id}` ``); schemas are the
 * contract's, and every answer is parsed with them.
 *
 * @example
 * ```ts
 * import { definePart } from '@partnerkit/core/client/base';
 * export const tiers = definePart('tiers', (requests) => ({
 *   get: (id: string) => requests.get(route`tiers/${id}`, Tier),
 * }));
 * ```
 */
export interface ClientRequests {
  /** A GET, shared with identical GETs in flight and served from the cache when it is on. */
  get<T>(path: string, schema: Schema<T>, query?: Query, options?: RequestOptions): Promise<T>;
  /**
   * A non-GET request. Afterwards the cached collections it affects are invalidated: by default
   * the collection of `path` (its first segment); `invalidates` names them instead (`null`: a
   * question, not a write, which invalidates nothing). The event log is invalidated by every write.
   */
  mutate<T>(method: Exclude<HttpMethod, 'GET'>, path: string, schema: Schema<T> | null, body?: unknown, options?: CreateOptions, invalidates?: Invalidates): Promise<T>;
  /** Every item of a cursor-paginated list, page after page. */
  iterate<T>(path: string, schema: Schema<Page<T>>, query?: Query, options?: RequestOptions): AsyncGenerator<T, void, undefined>;
}

/** Wires the transport, the in-flight registry and the optional cache into {@link ClientRequests}. */
export function createRequests(apiRoot: URL, transport: Transport, inFlight: InFlight, cache: ResponseCache | undefined): ClientRequests {
  const get = <T>(path: string, schema: Schema<T>, query?: Query, options?: RequestOptions): Promise<T> => {
    const url = buildUrl(apiRoot, path, query);
    const collection = collectionOf(path);
    const cached = cache?.get(url);
    if (cached) return Promise.resolve(cached.value as T);
    return inFlight.run(url, collection, options?.signal, async (signal) => {
      const generation = cache?.generation(collection) ?? 0;
      const data = await transport.send({ method: 'GET', url, schema, signal });
      cache?.set(url, collection, generation, data);
      return data;
    });
  };

  const mutate = async <T>(
    method: Exclude<HttpMethod, 'GET'>,
    path: string,
    schema: Schema<T> | null,
    body?: unknown,
    options?: CreateOptions,
    invalidates?: Invalidates,
  ): Promise<T> => {
    const affected = affectedBy(collectionOf(path), invalidates);
    try {
      return await transport.send({ method, url: buildUrl(apiRoot, path), schema, body, idempotencyKey: options?.idempotencyKey, signal: options?.signal });
    } finally {
      // Even a failed mutation may have landed: treat what it touches as stale either way.
      if (affected.size > 0) {
        cache?.invalidate(affected);
        inFlight.forget((tag) => affected.has(tag));
      }
    }
  };

  const iterate = <T>(path: string, schema: Schema<Page<T>>, query?: Query, options?: RequestOptions) =>
    paginate((cursor) => get(path, schema, { ...query, cursor }, options), {
      firstCursor: cursorOf(query),
      request: { method: 'GET', url: safeUrl(buildUrl(apiRoot, path, query)) },
    });

  return { get, mutate, iterate };
}

function cursorOf(query: Query | undefined): string | undefined {
  const cursor = (query as { cursor?: unknown } | undefined)?.cursor;
  return typeof cursor === 'string' ? cursor : undefined;
}
