/**
 * `createClient()`: the typed PartnerKit client.
 * @module
 */
import { createBaseClient } from './base-client.js';
import type { ClientOptions } from './options.js';
import { CLIENT_REQUESTS, type BaseClient } from './part.js';
import { announcements, requests, type AnnouncementsApi, type RequestsApi } from './parts/communication.js';
import { agreements, type AgreementsApi } from './parts/agreements.js';
import { deals, type DealsApi } from './parts/deals.js';
import { enablement, type EnablementApi } from './parts/enablement.js';
import { events, type EventsApi } from './parts/events.js';
import { kpis, type KpisApi } from './parts/kpis.js';
import { measurements, type MeasurementsApi } from './parts/measurements.js';
import { partners, type PartnersApi } from './parts/partners.js';
import { plans, type PlansApi } from './parts/plans.js';
import { resources, type ResourcesApi } from './parts/resources.js';
import { session, sessions, type SessionApi, type SessionsApi } from './parts/session.js';
import { tiers, type TiersApi } from './parts/tiers.js';
// Recruitment's parts come last: imported before the others, their schemas would change the
// order of modules in the widgets' shared chunk (and its gzip size) though no widget uses them.
import { applicationForm, type ApplicationFormApi } from './parts/application-form.js';
import { applications, type ApplicationsApi } from './parts/applications.js';
import { publishableKeys, type PublishableKeysApi } from './parts/publishable-keys.js';
import { selection, type SelectionApi } from './parts/selection.js';

/**
 * The PartnerKit client: a {@link BaseClient} with one namespace per part of the v1 contract.
 * Every method returns data parsed with the contract's schemas and rejects with a
 * {@link PartnerKitError} (or, when aborted, with the signal's reason). Wherever a base client is
 * asked for (a widget's `client`, a part's binder), a full client does too.
 *
 * @example
 * ```ts
 * import type { PartnerKitClient } from '@partnerkit/core/client';
 * async function openCount(client: PartnerKitClient, id: string) {
 *   return (await client.resources.get(id)).openCount;
 * }
 * ```
 */
export interface PartnerKitClient extends BaseClient {
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
  /** Joint business plans. */
  readonly plans: PlansApi;
  /** Training and certification. */
  readonly enablement: EnablementApi;
  /** Announcements from the vendor, with read state. */
  readonly announcements: AnnouncementsApi;
  /** Partners' requests to their channel managers. */
  readonly requests: RequestsApi;
  /** The event log. */
  readonly events: EventsApi;
  /** Agreements, their versions, partners' standings and acceptances. */
  readonly agreements: AgreementsApi;
  /** The public application form, and submitting to it (what a publishable key may do). */
  readonly applicationForm: ApplicationFormApi;
  /** Applications, their stages and evaluations (vendor staff). */
  readonly applications: ApplicationsApi;
  /** Selection criteria and recommendation thresholds. */
  readonly selection: SelectionApi;
  /** Publishable keys of public pages (admin). */
  readonly publishableKeys: PublishableKeysApi;
}

/**
 * Creates a PartnerKit client with every namespace. Options are checked at once: a mistake throws
 * a `TypeError` naming the option. A page or bundle that calls only some parts can carry less:
 * `createBaseClient()` and the parts' binders (docs/client.md, "A lean client").
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
  const base = createBaseClient(options);
  return Object.freeze({
    [CLIENT_REQUESTS]: base[CLIENT_REQUESTS],
    clearCache: base.clearCache,
    session: session(base),
    sessions: sessions(base),
    tiers: tiers(base),
    kpis: kpis(base),
    partners: partners(base),
    measurements: measurements(base),
    deals: deals(base),
    resources: resources(base),
    plans: plans(base),
    enablement: enablement(base),
    announcements: announcements(base),
    requests: requests(base),
    events: events(base),
    agreements: agreements(base),
    applicationForm: applicationForm(base),
    applications: applications(base),
    selection: selection(base),
    publishableKeys: publishableKeys(base),
  });
}
