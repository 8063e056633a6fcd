/**
 * `deals.name_key`: the company name a registration is held by (core's `companyNameKey`), for the
 * rule that a registration without a domain is the customer of every active registration with
 * an equal normalised name (`sameCustomer`), with or without a domain. Until now a registration
 * without a domain was only compared by its exact key (`n:<name>`), so leaving the domain out
 * registered a customer another partner held under its domain.
 *
 * Existing deals get their key from core's rules, in batches, in the migration's transaction.
 * Registrations that already break the rule stay as they are (vendors see each other's as
 * possible conflicts); the rule applies to every registration and submission from here on.
 * @module
 */
import { companyNameKey } from '@partnerkit/core/rules';
import type { Migration } from './types.js';

const BATCH = 10_000;

export const dealNameKeys: Migration = {
  version: 5,
  name: 'deal-name-keys',
  sql: /* sql */ `
    ALTER TABLE deals ADD COLUMN name_key text;
  `,
  async run(tx) {
    for (let after = 0; ; ) {
      const { rows } = await tx.query<{ seq: number; company: string }>(
        `SELECT seq, customer->>'company' AS company FROM deals WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      await tx.query('UPDATE deals AS d SET name_key = v.name_key FROM unnest($1::bigint[], $2::text[]) AS v (seq, name_key) WHERE d.seq = v.seq', [
        rows.map((r) => r.seq),
        rows.map((r) => companyNameKey(r.company)),
      ]);
      after = Number(rows[rows.length - 1]?.seq);
    }
    await tx.execute('ALTER TABLE deals ALTER COLUMN name_key SET NOT NULL');
  },
};
