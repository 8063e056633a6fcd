/**
 * `createClient()`: the typed PartnerKit client.
 * @module
 */
import { createApi } from './api.js';
import { createCredentials } from './auth/credentials.js';
import { InFlight } from './cache/in-flight.js';
import { ResponseCache } from './cache/response-cache.js';
import { createTransport } from './http/transport.js';
import { dealsApi, type DealsApi } from './namespaces/deals.js';
import { eventsApi, type EventsApi } from './namespaces/events.js';
import { kpisApi, type KpisApi } from './namespaces/kpis.js';
import { measurementsApi, type MeasurementsApi } from './namespaces/measurements.js';
import { partnersApi, type PartnersApi } from './namespaces/partners.js';
import { resourcesApi, type ResourcesApi } from './namespaces/resources.js';
import { sessionApi, sessionsApi, type SessionApi, type SessionsApi } from './namespaces/session.js';
import { tiersApi, type TiersApi } from './namespaces/tiers.js';
import { resolveOptions, type ClientOptions } from './options.js';
import { CLIENT_VERSION } from './version.js';

/**
 * The PartnerKit client: one namespace per part of the v1 contract. Every method returns data
 * parsed with the contract's schemas and rejects with a {@link PartnerKitError} (or, when
 * aborted, with the signal's reason).
 *
 * @example
 * ```ts
 * import type { PartnerKitClient } from '@partnerkit/core/client';
 * async function openCount(client: PartnerKitClient, id: string) {
 *   return (await client.resources.get(id)).openCount;
 * }
 * ```
 */
export interface PartnerKitClient {
  /** Who the caller is. */
  readonly session: SessionApi;
  /** Minting sessions (admin). */
  readonly sessions: SessionsApi;
  /** The programme's tiers. */
  readonly tiers: TiersApi;
  /** The programme's KPIs. */
  readonly kpis: KpisApi;
  /** Partners, their targets, measurements and scorecards. */
  readonly partners: PartnersApi;
  /** Measurement ingest (admin). */
  readonly measurements: MeasurementsApi;
  /** Deal registration and lifecycle. */
  readonly deals: DealsApi;
  /** The resource library. */
  readonly resources: ResourcesApi;
  /** The event log. */
  readonly events: EventsApi;
  /** Forgets every cached answer (and stops sharing GETs already in flight with later callers). */
  clearCache(): void;
}

/**
 * Creates a PartnerKit client. Options are checked at once: a mistake throws a `TypeError`
 * naming the option.
 *
 * @example
 * ```ts
 * import { createClient } from '@partnerkit/core/client';
 *
 * const client = createClient({
 *   baseUrl: 'https://prm.example.com/api',           // requests go to .../api/v1/...
 *   fetchSession: async () => (await fetch('/partnerkit/session', { method: 'POST' })).json(),
 *   clientName: 'acme-portal/2.1',
 * });
 * const me = await client.session.get();
 * for await (const deal of client.deals.iterate({ status: 'approved' })) console.log(deal.number);
 * ```
 */
export function createClient(options: ClientOptions): PartnerKitClient {
  const resolved = resolveOptions(options, CLIENT_VERSION);
  const transport = createTransport(resolved, createCredentials(resolved));
  const inFlight = new InFlight();
  const cache = resolved.cache ? new ResponseCache(resolved.cache) : undefined;
  const api = createApi(resolved.apiRoot, transport, inFlight, cache);
  return Object.freeze({
    session: sessionApi(api),
    sessions: sessionsApi(api),
    tiers: tiersApi(api),
    kpis: kpisApi(api),
    partners: partnersApi(api),
    measurements: measurementsApi(api),
    deals: dealsApi(api),
    resources: resourcesApi(api),
    events: eventsApi(api),
    clearCache: () => {
      cache?.clear();
      inFlight.forget(() => true);
    },
  });
}
