/**
 * Communication: announcements with their audience and per-user reads, and partners' requests
 * with their threads. A request's next due time is kept in `due_sort` (a far-future instant when
 * none is pending), so the manager's list reads earliest due first by an index.
 * @module
 */
import type { Migration } from './types.js';

export const communication: Migration = {
  version: 60,
  name: 'communication',
  sql: /* sql */ `
    CREATE TABLE announcements (
      seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id           text PRIMARY KEY,
      title        text NOT NULL,
      body         text NOT NULL,
      translations jsonb NOT NULL,
      category     text NOT NULL,
      audience     jsonb NOT NULL,
      publish_at   timestamptz NOT NULL,
      expires_at   timestamptz,
      pinned       boolean NOT NULL,
      -- Whether announcement.published was emitted: the sweep publishes what fell due.
      published    boolean NOT NULL,
      created_by   jsonb NOT NULL,
      created_at   timestamptz NOT NULL,
      updated_at   timestamptz NOT NULL
    );
    CREATE INDEX announcements_by_order ON announcements (pinned DESC, publish_at DESC, id DESC);
    CREATE INDEX announcements_unpublished ON announcements (publish_at) WHERE NOT published;

    CREATE TABLE announcement_reads (
      announcement_id text NOT NULL REFERENCES announcements (id),
      partner_id      text NOT NULL REFERENCES partners (id),
      user_id         text NOT NULL,
      user_name       text,
      read_at         timestamptz NOT NULL,
      PRIMARY KEY (announcement_id, partner_id, user_id)
    );
    CREATE INDEX announcement_reads_by_reader ON announcement_reads (partner_id, user_id);
    CREATE INDEX announcement_reads_latest ON announcement_reads (announcement_id, read_at DESC, partner_id, user_id);

    -- A manager's partners, for the requests it sees.
    CREATE INDEX partners_by_manager ON partners ((manager->>'id'));

    CREATE SEQUENCE request_numbers;
    CREATE TABLE requests (
      seq                   bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id                    text PRIMARY KEY,
      number                text NOT NULL UNIQUE,
      partner_id            text NOT NULL REFERENCES partners (id),
      category              text NOT NULL,
      subject               text NOT NULL,
      status                text NOT NULL,
      reference             jsonb,
      opened_by             jsonb NOT NULL,
      history               jsonb NOT NULL,
      first_response_at     timestamptz,
      resolved_at           timestamptz,
      closed_at             timestamptz,
      first_response_due_at timestamptz NOT NULL,
      resolution_due_at     timestamptz NOT NULL,
      due_sort              timestamptz NOT NULL,
      message_count         integer NOT NULL,
      last_message_at       timestamptz NOT NULL,
      last_message_by       jsonb NOT NULL,
      created_at            timestamptz NOT NULL,
      updated_at            timestamptz NOT NULL
    );
    CREATE INDEX requests_by_update ON requests (updated_at DESC, id DESC);
    CREATE INDEX requests_by_partner_update ON requests (partner_id, updated_at DESC, id DESC);
    CREATE INDEX requests_by_due ON requests (due_sort, id);
    CREATE INDEX requests_by_partner_due ON requests (partner_id, due_sort, id);
    CREATE INDEX requests_resolved ON requests (resolved_at) WHERE status = 'resolved';

    CREATE TABLE request_messages (
      seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id          text PRIMARY KEY,
      request_id  text NOT NULL REFERENCES requests (id),
      author      jsonb NOT NULL,
      body        text NOT NULL,
      attachments jsonb NOT NULL,
      created_at  timestamptz NOT NULL
    );
    CREATE INDEX request_messages_by_request ON request_messages (request_id, seq);
  `,
};
