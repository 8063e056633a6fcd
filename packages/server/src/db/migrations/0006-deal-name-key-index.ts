/**
 * The active registrations by company name key: the holders a new registration without a domain
 * (or one whose holder has none) is checked against, through an index.
 * @module
 */
import type { Migration } from './types.js';

export const dealNameKeyIndex: Migration = {
  version: 6,
  name: 'deal-name-key-index',
  sql: /* sql */ `
    CREATE INDEX deals_active_by_name_key ON deals (name_key)
      WHERE status IN ('submitted', 'under_review', 'needs_info', 'approved');
  `,
};
