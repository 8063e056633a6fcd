/**
 * The name blocking keys' indexes also order by `seq`, so the possible conflicts of a deal read
 * at most a bounded number of its oldest candidates per key (`ORDER BY seq LIMIT n`) straight from
 * the index, however many deals share the key.
 * @module
 */
import type { Migration } from './types.js';

export const nameKeysByAge: Migration = {
  version: 2,
  name: 'name-keys-by-age',
  sql: /* sql */ `
    DROP INDEX deals_active_by_name_head;
    CREATE INDEX deals_active_by_name_head ON deals (name_head, seq)
      WHERE status IN ('submitted', 'under_review', 'needs_info', 'approved');
    DROP INDEX deals_active_by_name_tail;
    CREATE INDEX deals_active_by_name_tail ON deals (name_tail, seq)
      WHERE status IN ('submitted', 'under_review', 'needs_info', 'approved');
  `,
};
