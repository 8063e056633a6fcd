/**
 * Resource gating: who may open a library item, by tier rank and partner type.
 * @module
 */
import type { PartnerType } from '../schemas/index.js';

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
export function lockReason(gates: ResourceGates, viewer: Viewer, tierRanks: ReadonlyMap<string, number>): 'partner_type' | 'tier' | null {
  if (viewer === null) return null;
  if (gates.partnerTypes.length > 0 && !gates.partnerTypes.includes(viewer.type)) return 'partner_type';
  if (gates.minTierId !== null) {
    const needed = tierRanks.get(gates.minTierId);
    if (needed === undefined || viewer.tierRank === null || viewer.tierRank < needed) return 'tier';
  }
  return null;
}
