/**
 * Recruitment: publishable keys, selection criteria and thresholds, the public application form,
 * applications with their moves (the history, one row per move, so the funnel can be read by
 * stage and time), duplicate flags, and reviewers' evaluations with their scores.
 * @module
 */
import type { Migration } from './types.js';

/** The `settings` row saying why the application search has no trigram index (absent when it has one). */
export const APPLICATION_SEARCH_TRIGRAMS_SETTING = 'application_search_trigrams';

/**
 * The SQL list of open stages: equal to core's `OPEN_APPLICATION_STATUSES` (a test checks it) and
 * to the predicate of the partial indexes duplicates are found through.
 */
export const OPEN_APPLICATIONS_SQL = `('submitted', 'screening', 'interview', 'due_diligence', 'on_hold')`;

export const recruitment: Migration = {
  version: 20,
  name: 'recruitment',
  sql: /* sql */ `
    -- Keys of public pages. The key is public by design (it sits in the page), so it is stored
    -- as it is and shown whenever an admin reads it; a revoked key stays for the applications
    -- it submitted.
    CREATE TABLE publishable_keys (
      seq             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id              text PRIMARY KEY,
      name            text NOT NULL,
      key             text NOT NULL UNIQUE,
      allowed_origins jsonb NOT NULL,
      created_at      timestamptz NOT NULL,
      updated_at      timestamptz NOT NULL,
      revoked_at      timestamptz
    );

    CREATE TABLE selection_criteria (
      id            text PRIMARY KEY,
      name          text NOT NULL,
      description   text,
      weight        integer NOT NULL,
      levels        jsonb NOT NULL,
      knock_out_min integer,
      partner_types jsonb NOT NULL,
      position      integer NOT NULL,
      translations  jsonb,
      created_at    timestamptz NOT NULL,
      updated_at    timestamptz NOT NULL
    );
    CREATE INDEX selection_criteria_in_order ON selection_criteria (position, id);

    -- One row each: the programme's recommendation thresholds and its public form.
    CREATE TABLE selection_thresholds (
      id            boolean PRIMARY KEY DEFAULT true CHECK (id),
      approve_at    integer NOT NULL,
      decline_below integer NOT NULL,
      updated_at    timestamptz NOT NULL
    );
    CREATE TABLE application_form (
      id            boolean PRIMARY KEY DEFAULT true CHECK (id),
      partner_types jsonb NOT NULL,
      questions     jsonb NOT NULL,
      consent       jsonb NOT NULL,
      updated_at    timestamptz NOT NULL
    );

    CREATE SEQUENCE application_numbers;
    CREATE TABLE applications (
      seq                bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id                 text PRIMARY KEY,
      number             text NOT NULL UNIQUE,
      status             text NOT NULL,
      partner_type       text NOT NULL,
      company            jsonb NOT NULL,
      contact            jsonb NOT NULL,
      capabilities       jsonb NOT NULL,
      answers            jsonb NOT NULL,
      consent            jsonb NOT NULL,
      source             jsonb NOT NULL,
      -- Copies of fields the list filters on, as plain columns the indexes can hold.
      country            text NOT NULL,
      channel            text NOT NULL,
      locale             text,
      publishable_key_id text REFERENCES publishable_keys (id),
      partner_id         text REFERENCES partners (id),
      -- Duplicate matching: registrable domains, and the first and last letters of the compact
      -- normalised name (blocking keys: names alike enough agree at one end at least).
      domain_keys        text[] NOT NULL,
      name_head          text NOT NULL,
      name_tail          text NOT NULL,
      -- What ?q= searches: company name, domains, contact e-mail and number, lower-cased.
      search_text        text NOT NULL,
      submitted_at       timestamptz NOT NULL,
      stage_entered_at   timestamptz NOT NULL,
      decided_at         timestamptz,
      reason_code        text,
      reason             text,
      evaluation_count   integer NOT NULL DEFAULT 0,
      created_at         timestamptz NOT NULL,
      updated_at         timestamptz NOT NULL
    );
    -- The pipeline: newest first within a stage, a partner type, a country or a channel.
    CREATE INDEX applications_by_status ON applications (status, seq DESC);
    CREATE INDEX applications_by_partner_type ON applications (partner_type, seq DESC);
    CREATE INDEX applications_by_country ON applications (country, seq DESC);
    CREATE INDEX applications_by_channel ON applications (channel, seq DESC);
    -- Duplicates among open applications.
    CREATE INDEX applications_open_domains ON applications USING gin (domain_keys) WHERE status IN ${OPEN_APPLICATIONS_SQL};
    CREATE INDEX applications_open_name_head ON applications (name_head, seq) WHERE status IN ${OPEN_APPLICATIONS_SQL};
    CREATE INDEX applications_open_name_tail ON applications (name_tail, seq) WHERE status IN ${OPEN_APPLICATIONS_SQL};
    CREATE INDEX applications_by_partner ON applications (partner_id) WHERE partner_id IS NOT NULL;

    -- Every move of every application, the submission first: its history, and the funnel
    -- (applications entering each stage over time, time spent per stage).
    CREATE TABLE application_moves (
      seq                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      application_id     text NOT NULL REFERENCES applications (id),
      from_status        text,
      to_status          text NOT NULL,
      at                 timestamptz NOT NULL,
      by_role            text NOT NULL,
      by_id              text,
      by_name            text,
      reason             text,
      reason_code        text,
      notified_applicant boolean NOT NULL DEFAULT false
    );
    CREATE INDEX application_moves_of_application ON application_moves (application_id, seq);
    CREATE INDEX application_moves_into_stage ON application_moves (to_status, at);

    -- Existing partners and other open applications that looked like the same company when the
    -- application was submitted (an application matching an earlier one flags both).
    CREATE TABLE application_duplicates (
      application_id text NOT NULL REFERENCES applications (id),
      kind           text NOT NULL,
      target_id      text NOT NULL,
      match          text NOT NULL,
      PRIMARY KEY (application_id, kind, target_id)
    );

    CREATE TABLE evaluations (
      seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id             text PRIMARY KEY,
      application_id text NOT NULL REFERENCES applications (id),
      reviewer_id    text NOT NULL,
      reviewer       jsonb NOT NULL,
      status         text NOT NULL,
      recommendation text,
      comment        text,
      submitted_at   timestamptz,
      created_at     timestamptz NOT NULL,
      updated_at     timestamptz NOT NULL,
      UNIQUE (application_id, reviewer_id)
    );
    -- A criterion some evaluation scored cannot be deleted (in_use).
    CREATE TABLE evaluation_scores (
      evaluation_id text NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
      criterion_id  text NOT NULL REFERENCES selection_criteria (id),
      score         smallint NOT NULL,
      note          text,
      position      integer NOT NULL,
      PRIMARY KEY (evaluation_id, criterion_id)
    );
    CREATE INDEX evaluation_scores_by_criterion ON evaluation_scores (criterion_id);

    -- The search's trigram index, where pg_trgm is there (migration 4 installs it when it may).
    DO $migration$
    DECLARE
      ops text;
    BEGIN
      SELECT quote_ident(n.nspname) || '.gin_trgm_ops' INTO ops
        FROM pg_extension e
        JOIN pg_depend d ON d.refobjid = e.oid AND d.classid = 'pg_opclass'::regclass AND d.deptype = 'e'
        JOIN pg_opclass c ON c.oid = d.objid AND c.opcname = 'gin_trgm_ops'
        JOIN pg_namespace n ON n.oid = c.opcnamespace
       WHERE e.extname = 'pg_trgm';
      IF ops IS NULL THEN
        INSERT INTO settings (name, value, created_at)
          VALUES ('${APPLICATION_SEARCH_TRIGRAMS_SETTING}', 'the pg_trgm extension is not installed', now())
          ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, created_at = EXCLUDED.created_at;
        RAISE WARNING 'partnerkit: the application search has no trigram index: pg_trgm is not installed';
        RETURN;
      END IF;
      EXECUTE format('CREATE INDEX applications_search ON applications USING gin (search_text %s)', ops);
    END
    $migration$;
  `,
};
