import { page, type Page } from '../../schemas/page.js';
import { Tier, type TierInput } from '../../schemas/tier.js';
import type { Api } from '../api.js';
import { route } from '../http/url.js';
import type { RequestOptions } from '../options.js';
import type { ListParams } from '../params.js';

const TierPage = page(Tier);

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

/** Builds `client.tiers`. */
export function tiersApi(api: Api): TiersApi {
  return {
    list: (query, options) => api.get('tiers', TierPage, query, options),
    iterate: (query, options) => api.iterate('tiers', TierPage, query, options),
    get: (id, options) => api.get(route`tiers/${id}`, Tier, undefined, options),
    put: (id, input, options) => api.mutate('PUT', route`tiers/${id}`, Tier, input, options),
    delete: (id, options) => api.mutate('DELETE', route`tiers/${id}`, null, undefined, options),
  };
}
