/**
 * Resource gating: who may open a library item, by tier rank and partner type, and the item as
 * a caller sees it (`locked`, and `url` only when it may open it).
 * @module
 */
import type { PartnerType, Resource } from '@partnerkit/core/schemas';
import type { Queryable } from '../db/database.js';
import type { Caller } from '../security/caller.js';
import { partnerGates } from '../store/partners.js';
import type { StoredResource } from '../store/resources.js';
import { tierRanks } from '../store/tiers.js';

/** The partner a resource is shown to; null for vendor principals, who may open everything. */
export type Viewer = { type: PartnerType; tierRank: number | null } | null;

/** A resource's gates. */
export interface ResourceGates {
  minTierId: string | null;
  partnerTypes: readonly string[];
}

/**
 * Why `viewer` may not open the item, or null when it may: the partner type is not among the
 * item's types (an empty list admits every type), or the partner's tier ranks below the item's
 * minimum tier (a partner without a tier never reaches one).
 */
export function lockReason(gates: ResourceGates, viewer: Viewer, ranks: ReadonlyMap<string, number>): 'partner_type' | 'tier' | null {
  if (viewer === null) return null;
  if (gates.partnerTypes.length > 0 && !gates.partnerTypes.includes(viewer.type)) return 'partner_type';
  if (gates.minTierId !== null) {
    const needed = ranks.get(gates.minTierId);
    if (needed === undefined || viewer.tierRank === null || viewer.tierRank < needed) return 'tier';
  }
  return null;
}

/** What a caller's view of the library depends on: who it is, and the tiers' ranks. */
export interface Access {
  viewer: Viewer;
  tierRanks: ReadonlyMap<string, number>;
}

/** The access of `caller`. A session of a partner that no longer exists sees the library fully locked. */
export async function accessOf(q: Queryable, caller: Caller): Promise<Access> {
  const ranks = await tierRanks(q);
  if (caller.role !== 'partner') return { viewer: null, tierRanks: ranks };
  const partner = await partnerGates(q, caller.partnerId);
  if (!partner) return { viewer: { type: '' as PartnerType, tierRank: null }, tierRanks: new Map() };
  return { viewer: { type: partner.type, tierRank: partner.tierId === null ? null : (ranks.get(partner.tierId) ?? null) }, tierRanks: ranks };
}

/** The item as `access` sees it: `locked` without `url` when it may not open it. */
export function asSeenBy(item: StoredResource, access: Access): Resource {
  const { url, ...rest } = item;
  const locked = lockReason(item, access.viewer, access.tierRanks) !== null;
  return { ...rest, locked, ...(locked ? {} : { url }) };
}
