/**
 * Creating and changing partners, each with its events (`partner.created`, `partner.updated`,
 * and `tier.changed` when an admin sets another tier), in the caller's transaction.
 * @module
 */
import type { Partner, PartnerInput, PartnerPatch } from '@partnerkit/core/schemas';
import type { Transaction } from '../db/database.js';
import { newId } from '../security/random.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { getPartner, insertPartner, updatePartner } from '../store/partners.js';

/**
 * Creates a partner (references already checked); it holds its tier from `tierSince`, else from
 * `now`. `id` is for the seed, whose data must be the same from the same options.
 */
export async function createPartner(tx: Transaction, input: PartnerInput & { status: Partner['status'] }, now: Date, id = newId('pt', now)): Promise<Partner> {
  const partner = await insertPartner(tx, id, input, now);
  await appendEvents(tx, [{ type: 'partner.created', partnerId: partner.id, data: { partner } }], now);
  return partner;
}

/**
 * Applies `patch` to partner `id`; null when there is no such partner. A tier set by hand starts
 * afresh (downgrades are judged on periods that end from now on), unless the patch says since when.
 */
export async function changePartner(tx: Transaction, id: string, patch: PartnerPatch, now: Date): Promise<Partner | null> {
  const before = await getPartner(tx, id, { lock: true });
  if (!before) return null;
  const restartTier = patch.tierId !== undefined && patch.tierId !== before.tierId && patch.tierSince === undefined;
  const after = await updatePartner(tx, id, patch, now, { restartTier });
  const changed = Object.keys(patch).filter((k) => patch[k as keyof PartnerPatch] !== undefined);
  const events: NewEvent[] = [{ type: 'partner.updated', partnerId: id, data: { partnerId: id, changed } }];
  if (before.tierId !== after.tierId) events.push({ type: 'tier.changed', partnerId: id, data: { partnerId: id, from: before.tierId, to: after.tierId, kind: 'manual' } });
  await appendEvents(tx, events, now);
  return after;
}
