/**
 * Tier names for locked resources ("requires the Gold tier"): resources name a tier by id, so the
 * library looks the programme's tiers up once per client and shares the answer between elements.
 * @module
 */
import type { BaseClient } from '@partnerkit/core/client/base';
import { tiers } from '@partnerkit/core/client/tiers';
import { MAX_PAGE_SIZE } from './filters.js';

const cache = new WeakMap<BaseClient, Promise<ReadonlyMap<string, string>>>();

/**
 * Tier id to tier name, from one `client.tiers.list()` (tier ranks run from 1 to 100, so one page
 * of 200 holds a whole programme). A failed lookup is forgotten, so the next caller tries again.
 */
export function tierNames(client: BaseClient): Promise<ReadonlyMap<string, string>> {
  let names = cache.get(client);
  if (!names) {
    names = tiers(client).list({ limit: MAX_PAGE_SIZE }).then((page) => new Map(page.data.map((tier) => [tier.id, tier.name])));
    cache.set(client, names);
    names.catch(() => cache.delete(client));
  }
  return names;
}
