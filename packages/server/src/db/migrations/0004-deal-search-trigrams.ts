/**
 * Trigram indexes for the deal list's text search (`?q=`: company, domain or number
 * `ILIKE '%q%'`), one GIN index per searched expression, so the planner answers a search from a
 * bitmap of the three instead of reading every deal. The query is unchanged (the indexes match
 * its expressions; a trigram match is always rechecked against the row), so results are too.
 *
 * They need the `pg_trgm` extension. PGlite loads it (the driver passes it at creation); on
 * PostgreSQL it ships with the server and is trusted, so a role with `CREATE` on the database
 * may create it. Where it is missing or the role may not create it, the search stays correct
 * without indexes: the migration records why in `settings` (`deal_search_trigrams`), raises a
 * warning into the PostgreSQL log, and the server logs it at start (docs/server.md).
 * @module
 */
import type { Migration } from './types.js';

/** The `settings` row saying why the deal search has no trigram indexes (absent when it has them). */
export const DEAL_SEARCH_TRIGRAMS_SETTING = 'deal_search_trigrams';

export const dealSearchTrigrams: Migration = {
  version: 4,
  name: 'deal-search-trigrams',
  sql: /* sql */ `
    DO $migration$
    DECLARE
      reason text;
      ops text;
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        reason := 'the pg_trgm extension is not available on this PostgreSQL server';
      ELSE
        -- The handler's implicit savepoint keeps the migration's transaction usable after a refusal.
        BEGIN
          CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN insufficient_privilege THEN
          reason := 'the database role may not create the pg_trgm extension (' || SQLERRM || ')';
        END;
      END IF;
      IF reason IS NULL THEN
        -- Installed earlier in another schema (e.g. "extensions"): name the operator class there.
        SELECT quote_ident(n.nspname) || '.gin_trgm_ops' INTO ops
          FROM pg_extension e
          JOIN pg_depend d ON d.refobjid = e.oid AND d.classid = 'pg_opclass'::regclass AND d.deptype = 'e'
          JOIN pg_opclass c ON c.oid = d.objid AND c.opcname = 'gin_trgm_ops'
          JOIN pg_namespace n ON n.oid = c.opcnamespace
         WHERE e.extname = 'pg_trgm';
        IF ops IS NULL THEN
          reason := 'the pg_trgm extension has no gin_trgm_ops operator class';
        END IF;
      END IF;
      IF reason IS NOT NULL THEN
        INSERT INTO settings (name, value, created_at) VALUES ('${DEAL_SEARCH_TRIGRAMS_SETTING}', reason, now())
          ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, created_at = EXCLUDED.created_at;
        RAISE WARNING 'partnerkit: the deal search has no trigram indexes: %', reason;
        RETURN;
      END IF;
      EXECUTE format('CREATE INDEX deals_search_company ON deals USING gin ((customer->>''company'') %s)', ops);
      EXECUTE format('CREATE INDEX deals_search_domain ON deals USING gin ((customer->>''domain'') %s)', ops);
      EXECUTE format('CREATE INDEX deals_search_number ON deals USING gin (number %s)', ops);
    END
    $migration$;
  `,
};
