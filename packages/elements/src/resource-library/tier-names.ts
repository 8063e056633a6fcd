/**
 * Tiers for locked resources ("requires the Gold tier"): resources name a tier by id, so the
 * library looks the programme's tiers up once per client and shares the answer between elements.
 * Whole tiers, not names: each element names them in its own language (`localise`).
 * @module
 */
import type { BaseClient } from '@partnerkit/core/client/base';
import type { Tier } from '@partnerkit/core/schemas';
import { tiers as tierPart } from '@partnerkit/core/client/tiers';
import { MAX_PAGE_SIZE } from './filters.js';

const cache = new WeakMap<BaseClient, Promise<ReadonlyMap<string, Tier>>>();

/**
 * Tier id to tier, from one `client.tiers.list()` (tier ranks run from 1 to 100, so one page of
 * 200 holds a whole programme). A failed lookup is forgotten, so the next caller tries again.
 */
export function tierNames(client: BaseClient): Promise<ReadonlyMap<string, Tier>> {
  let tiers = cache.get(client);
  if (!tiers) {
    tiers = tierPart(client).list({ limit: MAX_PAGE_SIZE }).then((page) => new Map(page.data.map((tier) => [tier.id, tier])));
    cache.set(client, tiers);
    tiers.catch(() => cache.delete(client));
  }
  return tiers;
}
