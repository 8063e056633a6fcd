/**
 * `@partnerkit/core/client/tiers`: the programme's tiers.
 * @module
 */
import { page, type Page } from '../../schemas/page.js';
import { Tier, type TierInput } from '../../schemas/tier.js';
import { route } from '../http/url.js';
import type { RequestOptions } from '../options.js';
import type { ListParams } from '../params.js';
import { definePart } from '../part.js';

const TierPage = /* @__PURE__ */ page(Tier);
/** Scorecards (under `partners/`) embed tiers. */
const INVALIDATES = ['tiers', 'partners'];

/**
 * `client.tiers`: the programme's tiers, ordered by rank (`/v1/tiers`). Writing needs an admin.
 *
 * @example
 * ```ts
 * for await (const tier of client.tiers.iterate()) console.log(tier.rank, tier.name);
 * await admin.tiers.put('gold', { rank: 3, name: 'Gold', colour: '#D4AF37', benefits: [], requirements: [], dealProtectionDays: 90 });
 * ```
 */
export interface TiersApi {
  /** One page of tiers. */
  list(query?: ListParams, options?: RequestOptions): Promise<Page<Tier>>;
  /** Every tier, page after page. */
  iterate(query?: ListParams, options?: RequestOptions): AsyncGenerator<Tier, void, undefined>;
  /** One tier. */
  get(id: string, options?: RequestOptions): Promise<Tier>;
  /** Creates or replaces the tier `id` (admin). PUT is idempotent, so it is retried. */
  put(id: string, input: TierInput, options?: RequestOptions): Promise<Tier>;
  /** Deletes the tier `id` (admin). */
  delete(id: string, options?: RequestOptions): Promise<void>;
}

/** `tiers(client)`: the tiers namespace of any PartnerKit client (`client.tiers` on a full one). */
export const tiers = /* @__PURE__ */ definePart(
  'tiers',
  (requests): TiersApi => ({
    list: (query, options) => requests.get('tiers', TierPage, query, options),
    iterate: (query, options) => requests.iterate('tiers', TierPage, query, options),
    get: (id, options) => requests.get(route`tiers/${id}`, Tier, undefined, options),
    put: (id, input, options) => requests.mutate('PUT', route`tiers/${id}`, Tier, input, options, INVALIDATES),
    delete: (id, options) => requests.mutate('DELETE', route`tiers/${id}`, null, undefined, options, INVALIDATES),
  }),
);
