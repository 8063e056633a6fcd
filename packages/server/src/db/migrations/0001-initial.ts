/**
 * The first schema. Migrations are append-only: once released, a migration never changes; a
 * later one alters what it made.
 * @module
 */
import type { Migration } from './types.js';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
    -- Server-wide settings, e.g. the session-signing secret of a PostgreSQL deployment.
    CREATE TABLE settings (
      name       text PRIMARY KEY,
      value      text NOT NULL,
      created_at timestamptz NOT NULL
    );

    -- Admin API keys: only a SHA-256 of the key is stored; the key itself is shown once.
    CREATE TABLE api_keys (
      id         text PRIMARY KEY,
      name       text NOT NULL,
      key_hash   text NOT NULL UNIQUE,
      prefix     text NOT NULL,
      created_at timestamptz NOT NULL,
      revoked_at timestamptz
    );

    CREATE TABLE tiers (
      seq                  bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id                   text PRIMARY KEY,
      rank                 integer NOT NULL UNIQUE,
      name                 text NOT NULL,
      colour               text NOT NULL,
      benefits             jsonb NOT NULL,
      requirements         jsonb NOT NULL,
      deal_protection_days integer NOT NULL,
      created_at           timestamptz NOT NULL,
      updated_at           timestamptz NOT NULL
    );

    CREATE TABLE kpis (
      seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id          text PRIMARY KEY,
      name        text NOT NULL,
      description text,
      unit        text NOT NULL,
      direction   text NOT NULL,
      aggregation text NOT NULL,
      weight      double precision NOT NULL,
      currency    text,
      created_at  timestamptz NOT NULL,
      updated_at  timestamptz NOT NULL
    );

    CREATE TABLE partners (
      seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id         text PRIMARY KEY,
      name       text NOT NULL,
      type       text NOT NULL,
      status     text NOT NULL,
      tier_id    text REFERENCES tiers (id),
      region     text,
      country    text,
      website    text,
      domains    jsonb NOT NULL,
      manager    jsonb,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX partners_by_name ON partners (name, id);
    CREATE INDEX partners_by_tier ON partners (tier_id);

    CREATE TABLE targets (
      partner_id text NOT NULL REFERENCES partners (id),
      kpi_id     text NOT NULL REFERENCES kpis (id),
      period     text NOT NULL,
      value      double precision NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (partner_id, kpi_id, period)
    );
    CREATE INDEX targets_by_kpi ON targets (kpi_id);

    -- One value per partner, KPI and month; reads go by partner (the primary key's prefix).
    CREATE TABLE measurements (
      partner_id  text NOT NULL REFERENCES partners (id),
      kpi_id      text NOT NULL REFERENCES kpis (id),
      period      text NOT NULL,
      value       double precision NOT NULL,
      source      text,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (partner_id, kpi_id, period)
    );
    CREATE INDEX measurements_by_kpi ON measurements (kpi_id);

    CREATE SEQUENCE deal_numbers;

    CREATE TABLE deals (
      seq                 bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id                  text PRIMARY KEY,
      number              text NOT NULL UNIQUE,
      partner_id          text NOT NULL REFERENCES partners (id),
      status              text NOT NULL,
      type                text NOT NULL,
      customer            jsonb NOT NULL,
      -- customerKey() of core's rules: d:<registrable domain> or n:<normalised company name>.
      customer_key        text NOT NULL,
      -- First and last six letters of the compact normalised company name: the blocking keys
      -- that find near-duplicate names without scanning every deal.
      name_head           text NOT NULL,
      name_tail           text NOT NULL,
      contact             jsonb NOT NULL,
      products            jsonb NOT NULL,
      amount              jsonb,
      expected_close_date text,
      stage               text,
      description         text,
      submitted_by        jsonb NOT NULL,
      submitted_at        timestamptz,
      approved_at         timestamptz,
      expires_at          timestamptz,
      extensions          integer NOT NULL DEFAULT 0,
      approved_by         jsonb,
      reason_code         text,
      reason              text,
      history             jsonb NOT NULL,
      created_at          timestamptz NOT NULL,
      updated_at          timestamptz NOT NULL
    );
    -- One active registration per customer: the rule that settles concurrent registrations.
    -- The status list is ACTIVE_DEAL_STATUSES of core's rules (a test keeps the two equal).
    CREATE UNIQUE INDEX deals_one_active_per_customer ON deals (customer_key)
      WHERE status IN ('submitted', 'under_review', 'needs_info', 'approved');
    CREATE INDEX deals_active_by_name_head ON deals (name_head)
      WHERE status IN ('submitted', 'under_review', 'needs_info', 'approved');
    CREATE INDEX deals_active_by_name_tail ON deals (name_tail)
      WHERE status IN ('submitted', 'under_review', 'needs_info', 'approved');
    CREATE INDEX deals_by_partner ON deals (partner_id, seq DESC);
    CREATE INDEX deals_by_partner_status ON deals (partner_id, status, seq DESC);
    CREATE INDEX deals_by_status ON deals (status, seq DESC);
    CREATE INDEX deals_protection_end ON deals (expires_at) WHERE status = 'approved';

    CREATE TABLE resources (
      seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id            text PRIMARY KEY,
      title         text NOT NULL,
      description   text,
      type          text NOT NULL,
      format        text,
      size_bytes    bigint,
      language      text NOT NULL,
      tags          jsonb NOT NULL,
      thumbnail_url text,
      min_tier_id   text REFERENCES tiers (id),
      partner_types jsonb NOT NULL,
      url           text NOT NULL,
      open_count    integer NOT NULL DEFAULT 0,
      created_at    timestamptz NOT NULL,
      updated_at    timestamptz NOT NULL
    );
    CREATE INDEX resources_by_title ON resources (title, seq);
    CREATE INDEX resources_by_popularity ON resources (open_count, seq);
    CREATE INDEX resources_by_tier ON resources (min_tier_id);
    CREATE INDEX resources_by_tag ON resources USING gin (tags);

    -- The event log, read in (tx_id, seq) order. tx_id is the writing transaction's id; readers
    -- stop before the oldest transaction that may still add events, so a slow transaction's
    -- event can never appear behind a reader's position (see store/events.ts).
    CREATE TABLE events (
      seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tx_id       xid8 NOT NULL DEFAULT pg_current_xact_id(),
      type        text NOT NULL,
      occurred_at timestamptz NOT NULL,
      partner_id  text,
      data        jsonb NOT NULL
    );
    CREATE INDEX events_in_order ON events (tx_id, seq);
    CREATE INDEX events_by_partner ON events (partner_id, tx_id, seq);
    CREATE INDEX events_by_type ON events (type, tx_id, seq);

    -- Answers of writes sent with an Idempotency-Key, per principal, for replays.
    CREATE TABLE idempotency_keys (
      scope        text NOT NULL,
      key          text NOT NULL,
      request_hash text NOT NULL,
      status       integer NOT NULL,
      body         jsonb NOT NULL,
      created_at   timestamptz NOT NULL,
      PRIMARY KEY (scope, key)
    );
    CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
  `,
};
