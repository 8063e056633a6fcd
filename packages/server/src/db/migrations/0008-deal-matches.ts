/**
 * `deal_matches`: the pairs of registrations core's `matchCustomers` says are the same customer,
 * recorded when the later one is registered (in both directions), so a vendor's deal list reads a
 * page's possible conflicts with one index lookup. Until now each read found up to hundreds of
 * candidates per page and matched them in JS: most of the manager's list's time. Candidates
 * are now any status (a draft or a closed deal may be active again; reads keep the active ones),
 * so the name blocking indexes cover every deal, and the customer key gets one too. Existing
 * deals get their matches from core's rules here, in bulk. `store/deal-matches.ts` reads and
 * writes the table; the candidates function of migration 7 is gone.
 * @module
 */
import { recordDealMatchesInBulk } from '../../domain/deal-conflicts.js';
import type { Migration } from './types.js';

export const dealMatches: Migration = {
  version: 8,
  name: 'deal-matches',
  sql: /* sql */ `
    -- Both ids are deals' (written in the transaction that writes the later deal; deals are never
    -- deleted). No foreign keys: bulk loads rebuild the deals table's keys (bench/server/seed.ts).
    CREATE TABLE deal_matches (
      deal  text NOT NULL,
      other text NOT NULL,
      -- matchCustomers()'s reason: 'domain' or 'name'.
      match text NOT NULL,
      PRIMARY KEY (deal, other)
    );
    DROP FUNCTION deal_conflict_candidates(text[]);
    DROP INDEX deals_active_by_name_head;
    DROP INDEX deals_active_by_name_tail;
    CREATE INDEX deals_by_name_head ON deals (name_head, seq);
    CREATE INDEX deals_by_name_tail ON deals (name_tail, seq);
    CREATE INDEX deals_by_customer_key ON deals (customer_key, seq);
  `,
  async run(tx) {
    await recordDealMatchesInBulk(tx);
  },
};
