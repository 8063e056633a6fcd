/**
 * `partners.tier_since`: when the partner entered the tier it holds, which core's tier rules
 * need to judge a downgrade only on a period the partner held its tier in (one rank per period,
 * never one per evaluation). Existing partners take the time of their latest `tier.changed`
 * event, else their creation (the tier they were created with).
 * @module
 */
import type { Migration } from './types.js';

export const partnerTierSince: Migration = {
  version: 3,
  name: 'partner-tier-since',
  sql: /* sql */ `
    ALTER TABLE partners ADD COLUMN tier_since timestamptz;
    UPDATE partners p SET tier_since = COALESCE(
      (SELECT max(e.occurred_at) FROM events e WHERE e.partner_id = p.id AND e.type = 'tier.changed'),
      p.created_at
    );
    ALTER TABLE partners ALTER COLUMN tier_since SET NOT NULL;
  `,
};
