/**
 * The library as a caller sees it: who it is (its partner type and tier rank), and each item
 * `locked`, with its `url` only when the caller may open it. The gating rule is core's
 * (`lockReason`), shared with the mock.
 * @module
 */
import { lockReason, type Viewer } from '@partnerkit/core/rules';
import type { PartnerType, Resource } from '@partnerkit/core/schemas';
import type { Queryable } from '../db/database.js';
import type { Caller } from '../security/caller.js';
import { agreementsBlocking } from './agreements.js';
import { partnerGates } from '../store/partners.js';
import type { StoredResource } from '../store/resources.js';
import { tierRanks } from '../store/tiers.js';

/** What a caller's view of the library depends on: who it is, and the tiers' ranks. */
export interface Access {
  viewer: Viewer;
  tierRanks: ReadonlyMap<string, number>;
  /** An agreement the caller's partner has not accepted holds the library closed: no item carries its URL. */
  agreementPending: boolean;
}

/** The access of `caller`. A session of a partner that no longer exists sees the library fully locked. */
export async function accessOf(q: Queryable, caller: Caller, now: Date): Promise<Access> {
  const ranks = await tierRanks(q);
  if (caller.role !== 'partner') return { viewer: null, tierRanks: ranks, agreementPending: false };
  const partner = await partnerGates(q, caller.partnerId);
  if (!partner) return { viewer: { type: '' as PartnerType, tierRank: null }, tierRanks: new Map(), agreementPending: false };
  const agreementPending = (await agreementsBlocking(q, caller.partnerId, 'resources', now)).length > 0;
  return { viewer: { type: partner.type, tierRank: partner.tierId === null ? null : (ranks.get(partner.tierId) ?? null) }, tierRanks: ranks, agreementPending };
}

/** The item as `access` sees it: `locked` without `url` when it may not open it, and without `url` while an agreement is pending. */
export function asSeenBy(item: StoredResource, access: Access): Resource {
  const { url, ...rest } = item;
  const locked = lockReason(item, access.viewer, access.tierRanks) !== null;
  return { ...rest, locked, ...(locked || access.agreementPending ? {} : { url }) };
}
