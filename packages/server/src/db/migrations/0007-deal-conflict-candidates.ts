/**
 * `deal_conflict_candidates(ids)`: the candidates of each deal of a page for `possibleConflicts`
 * (the other active registrations under its exact key or sharing a name blocking key with it,
 * at most 1000 per blocking key, oldest first), as a PL/pgSQL function so its plan is prepared
 * once per connection. Planned afresh on every request, the query cost more than running it: on
 * PGlite about 4 ms of the manager's deal list's 9. It answers each candidate's stored keys
 * (`customer_key`, `name_key`), so matching need not normalise its name and domain again.
 * `store/deals.ts` calls it.
 * @module
 */
import type { Migration } from './types.js';

export const dealConflictCandidates: Migration = {
  version: 7,
  name: 'deal-conflict-candidates',
  sql: /* sql */ `
    CREATE FUNCTION deal_conflict_candidates(ids text[])
      RETURNS TABLE (deal text, id text, number text, company text, customer_key text, name_key text)
      LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN QUERY
      SELECT page.id, c.id, c.number, c.company, c.customer_key, c.name_key
        FROM deals AS page
        CROSS JOIN LATERAL (
          (SELECT d.seq, d.id, d.number, d.customer->>'company' AS company, d.customer_key, d.name_key FROM deals AS d
            WHERE d.status IN ('submitted', 'under_review', 'needs_info', 'approved') AND d.customer_key = page.customer_key)
          UNION ALL
          (SELECT d.seq, d.id, d.number, d.customer->>'company', d.customer_key, d.name_key FROM deals AS d
            WHERE d.status IN ('submitted', 'under_review', 'needs_info', 'approved') AND d.name_head = page.name_head
            ORDER BY d.seq LIMIT 1000)
          UNION ALL
          (SELECT d.seq, d.id, d.number, d.customer->>'company', d.customer_key, d.name_key FROM deals AS d
            WHERE d.status IN ('submitted', 'under_review', 'needs_info', 'approved') AND d.name_tail = page.name_tail
            ORDER BY d.seq LIMIT 1000)
        ) AS c
       WHERE page.id = ANY (ids) AND c.id <> page.id
       ORDER BY page.id, c.seq;
    END
    $fn$;
  `,
};
