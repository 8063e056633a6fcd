/**
 * Agreements, their versions and partners' acceptances (issue 22). Versions never change once
 * published; acceptances are a log (accepting again adds a row). `*_noticed` mark the acceptances
 * whose coming or past expiry the sweep has announced (`agreement.expiring`, `agreement.expired`).
 * @module
 */
import type { Migration } from './types.js';

export const agreements: Migration = {
  version: 35,
  name: 'agreements',
  sql: /* sql */ `
    CREATE TABLE agreements (
      seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id            text PRIMARY KEY,
      title         text NOT NULL,
      translations  jsonb,
      partner_types jsonb NOT NULL,
      tier_ids      jsonb NOT NULL,
      gates         jsonb NOT NULL,
      term          jsonb NOT NULL,
      status        text NOT NULL,
      created_at    timestamptz NOT NULL,
      updated_at    timestamptz NOT NULL
    );

    CREATE TABLE agreement_versions (
      seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id            text PRIMARY KEY,
      agreement_id  text NOT NULL REFERENCES agreements (id),
      version       text NOT NULL,
      body          jsonb NOT NULL,
      translations  jsonb,
      effective_at  timestamptz NOT NULL,
      content_hash  text NOT NULL,
      created_at    timestamptz NOT NULL,
      UNIQUE (agreement_id, version)
    );
    CREATE INDEX agreement_versions_in_effect ON agreement_versions (agreement_id, effective_at DESC, seq DESC);

    CREATE TABLE acceptances (
      seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id               text PRIMARY KEY,
      partner_id       text NOT NULL REFERENCES partners (id),
      agreement_id     text NOT NULL REFERENCES agreements (id),
      version_id       text NOT NULL REFERENCES agreement_versions (id),
      version          text NOT NULL,
      content_hash     text NOT NULL,
      accepted_by      jsonb NOT NULL,
      accepted_at      timestamptz NOT NULL,
      language         text NOT NULL,
      expires_at       timestamptz,
      expiring_noticed boolean NOT NULL DEFAULT false,
      expired_noticed  boolean NOT NULL DEFAULT false
    );
    CREATE INDEX acceptances_by_partner ON acceptances (partner_id, seq DESC);
    CREATE INDEX acceptances_by_agreement ON acceptances (partner_id, agreement_id, accepted_at DESC);
    CREATE INDEX acceptances_to_notice ON acceptances (expires_at) WHERE expires_at IS NOT NULL AND NOT expired_noticed;
  `,
};
