/**
 * `createBaseClient()`: the PartnerKit client without namespaces. Contract parts bind to it.
 * @module
 */
import { createRequests } from './api.js';
import { createCredentials } from './auth/credentials.js';
import { InFlight } from './cache/in-flight.js';
import { ResponseCache } from './cache/response-cache.js';
import { createTransport } from './http/transport.js';
import { resolveOptions, type ClientOptions } from './options.js';
import { CLIENT_REQUESTS, type BaseClient } from './part.js';
import { CLIENT_VERSION } from './version.js';

/**
 * Creates a base client: the transport (ky, timeouts, retries, hooks), the session, in-flight
 * sharing and the opt-in cache, and no namespace. Bind the contract parts you call to it, each
 * from its own entry point, so your bundle carries only their schemas and operations. Takes the
 * same options as `createClient()`, checked at once (a mistake throws a `TypeError` naming the
 * option).
 *
 * @example
 * ```ts
 * import { createBaseClient } from '@partnerkit/core/client/base';
 * import { resources } from '@partnerkit/core/client/resources';
 *
 * const client = createBaseClient({ baseUrl: 'https://prm.example.com/api', fetchSession });
 * const library = resources(client);
 * const { data } = await library.list({ sort: 'popular' });
 * ```
 */
export function createBaseClient(options: ClientOptions): BaseClient {
  const resolved = resolveOptions(options, CLIENT_VERSION);
  const transport = createTransport(resolved, createCredentials(resolved));
  const inFlight = new InFlight();
  const cache = resolved.cache ? new ResponseCache(resolved.cache) : undefined;
  return Object.freeze({
    [CLIENT_REQUESTS]: createRequests(resolved.apiRoot, transport, inFlight, cache),
    clearCache: () => {
      cache?.clear();
      inFlight.forget(() => true);
    },
  });
}
