/**
 * Joint business plans: one plan per partner and period, its objectives (measured or milestones),
 * the activities each side takes on, comments, and the revisions both sides agreed to.
 * Due dates are `YYYY-MM-DD` text, like the deals' dates: they compare in order and no driver
 * turns them into local-time instants.
 * @module
 */
import type { Migration } from './types.js';

export const plans: Migration = {
  version: 30,
  name: 'plans',
  sql: /* sql */ `
    CREATE TABLE plans (
      seq               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id                text PRIMARY KEY,
      partner_id        text NOT NULL REFERENCES partners (id),
      period            text NOT NULL,
      -- The period's first day: plans list latest period first.
      starts_on         text NOT NULL,
      title             text,
      status            text NOT NULL,
      revision          integer NOT NULL,
      version           integer NOT NULL,
      vendor_agreement  jsonb,
      partner_agreement jsonb,
      history           jsonb NOT NULL,
      created_by        jsonb NOT NULL,
      created_at        timestamptz NOT NULL,
      updated_at        timestamptz NOT NULL,
      UNIQUE (partner_id, period)
    );
    CREATE INDEX plans_by_partner ON plans (partner_id, starts_on DESC, id DESC);

    CREATE TABLE plan_objectives (
      seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id          text PRIMARY KEY,
      plan_id     text NOT NULL REFERENCES plans (id),
      -- The plan's partner and period, so objectives are listed across plans without a join.
      partner_id  text NOT NULL REFERENCES partners (id),
      period      text NOT NULL,
      side        text NOT NULL,
      owner       jsonb NOT NULL,
      title       text NOT NULL,
      description text,
      kind        text NOT NULL,
      kpi_id      text REFERENCES kpis (id),
      target      double precision,
      due_date    text NOT NULL,
      source      jsonb,
      completed   jsonb,
      created_by  jsonb NOT NULL,
      created_at  timestamptz NOT NULL,
      updated_at  timestamptz NOT NULL
    );
    CREATE INDEX plan_objectives_by_plan ON plan_objectives (plan_id, seq);
    -- Objectives across partners, earliest due first, and a partner's overdue ones.
    CREATE INDEX plan_objectives_by_due ON plan_objectives (due_date, id);
    CREATE INDEX plan_objectives_by_partner_due ON plan_objectives (partner_id, due_date, id);
    CREATE INDEX plan_objectives_by_kpi ON plan_objectives (kpi_id) WHERE kpi_id IS NOT NULL;

    CREATE TABLE plan_activities (
      seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id           text PRIMARY KEY,
      objective_id text NOT NULL REFERENCES plan_objectives (id) ON DELETE CASCADE,
      side         text NOT NULL,
      title        text NOT NULL,
      owner        jsonb,
      due_date     text,
      completed    jsonb,
      created_by   jsonb NOT NULL,
      created_at   timestamptz NOT NULL,
      updated_at   timestamptz NOT NULL
    );
    CREATE INDEX plan_activities_by_objective ON plan_activities (objective_id, seq);

    CREATE TABLE plan_comments (
      seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id           text PRIMARY KEY,
      objective_id text NOT NULL REFERENCES plan_objectives (id) ON DELETE CASCADE,
      author       jsonb NOT NULL,
      body         text NOT NULL,
      created_at   timestamptz NOT NULL
    );
    CREATE INDEX plan_comments_by_objective ON plan_comments (objective_id, seq);

    -- Each revision both sides agreed to, as it was agreed.
    CREATE TABLE plan_revisions (
      plan_id   text NOT NULL REFERENCES plans (id),
      revision  integer NOT NULL,
      version   integer NOT NULL,
      snapshot  jsonb NOT NULL,
      agreed_at timestamptz NOT NULL,
      PRIMARY KEY (plan_id, revision)
    );
  `,
};
