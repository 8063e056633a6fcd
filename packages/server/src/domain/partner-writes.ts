/**
 * Creating partners, with their `partner.created` event, in the caller's transaction.
 * @module
 */
import type { Partner, PartnerInput } from '@partnerkit/core/schemas';
import type { Queryable } from '../db/database.js';
import { newId } from '../security/random.js';
import { appendEvents } from '../store/events.js';
import { mapPartner } from '../store/partners.js';

/** Creates a partner (references already checked); it holds its tier from `tierSince`, else from `now`. */
export async function createPartner(tx: Queryable, input: PartnerInput & { status: Partner['status'] }, now: Date): Promise<Partner> {
  const { rows } = await tx.query(
    `INSERT INTO partners (id, name, type, status, tier_id, region, country, website, domains, manager, created_at, updated_at, tier_since)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $11, $12) RETURNING *`,
    [
      newId('pt', now),
      input.name,
      input.type,
      input.status,
      input.tierId ?? null,
      input.region ?? null,
      input.country ?? null,
      input.website ?? null,
      JSON.stringify(input.domains ?? []),
      input.manager ? JSON.stringify(input.manager) : null,
      now,
      input.tierSince ?? now,
    ],
  );
  const partner = mapPartner(rows[0] as Record<string, unknown>);
  await appendEvents(tx, [{ type: 'partner.created', partnerId: partner.id, data: { partner } }], now);
  return partner;
}
