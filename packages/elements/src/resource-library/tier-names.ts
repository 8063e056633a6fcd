/**
 * Tiers for locked resources ("requires the Gold tier"): resources name a tier by id, so the
 * library looks the programme's tiers up once per client and shares the answer between elements.
 * Whole tiers, not names: each element names them in its own language (`localise`).
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import type { Tier } from '@partnerkit/core/schemas';
import { MAX_PAGE_SIZE } from './filters.js';

const cache = new WeakMap<PartnerKitClient, Promise<ReadonlyMap<string, Tier>>>();

/**
 * Tier id to tier, from one `client.tiers.list()` (tier ranks run from 1 to 100, so one page of
 * 200 holds a whole programme). A failed lookup is forgotten, so the next caller tries again.
 */
export function tierNames(client: PartnerKitClient): Promise<ReadonlyMap<string, Tier>> {
  let tiers = cache.get(client);
  if (!tiers) {
    tiers = client.tiers.list({ limit: MAX_PAGE_SIZE }).then((page) => new Map(page.data.map((tier) => [tier.id, tier])));
    cache.set(client, tiers);
    tiers.catch(() => cache.delete(client));
  }
  return tiers;
}
