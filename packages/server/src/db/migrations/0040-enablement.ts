/**
 * Enablement: certifications, courses (their modules and assessment, with its key, as JSON: a
 * course is read and written whole), partners' people, enrolments and their scored attempts,
 * certificates held, and each tier's certification requirements.
 * @module
 */
import type { Migration } from './types.js';

export const enablement: Migration = {
  version: 40,
  name: 'enablement',
  sql: /* sql */ `
    CREATE TABLE certifications (
      seq             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id              text PRIMARY KEY,
      name            text NOT NULL,
      description     text,
      validity_months integer,
      translations    jsonb NOT NULL DEFAULT '{}',
      created_at      timestamptz NOT NULL,
      updated_at      timestamptz NOT NULL
    );
    CREATE INDEX certifications_by_name ON certifications (name, seq);

    CREATE TABLE courses (
      seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id               text PRIMARY KEY,
      title            text NOT NULL,
      description      text,
      format           text NOT NULL,
      duration_minutes integer NOT NULL,
      language         text NOT NULL,
      partner_types    jsonb NOT NULL,
      tier_ids         jsonb NOT NULL,
      certification_id text REFERENCES certifications (id),
      url              text,
      status           text NOT NULL,
      translations     jsonb NOT NULL DEFAULT '{}',
      modules          jsonb NOT NULL,
      -- The assessment as the admin wrote it, correct choices included: answers strip them.
      assessment       jsonb,
      created_at       timestamptz NOT NULL,
      updated_at       timestamptz NOT NULL
    );
    CREATE INDEX courses_by_certification ON courses (certification_id) WHERE certification_id IS NOT NULL;

    CREATE TABLE people (
      seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id          text PRIMARY KEY,
      partner_id  text NOT NULL REFERENCES partners (id),
      name        text NOT NULL,
      email       text,
      external_id text,
      created_at  timestamptz NOT NULL,
      updated_at  timestamptz NOT NULL
    );
    CREATE INDEX people_by_partner ON people (partner_id, name, seq);

    CREATE TABLE enrolments (
      seq                  bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id                   text PRIMARY KEY,
      course_id            text NOT NULL REFERENCES courses (id),
      person_id            text NOT NULL REFERENCES people (id),
      partner_id           text NOT NULL REFERENCES partners (id),
      status               text NOT NULL,
      completed_module_ids jsonb NOT NULL DEFAULT '[]',
      attempts             integer NOT NULL DEFAULT 0,
      -- Attempts used before the last reopening: attempts left count from there.
      attempts_base        integer NOT NULL DEFAULT 0,
      passed_at            timestamptz,
      best_score           double precision,
      certificate_id       text,
      enrolled_at          timestamptz NOT NULL,
      completed_at         timestamptz,
      updated_at           timestamptz NOT NULL
    );
    -- One open enrolment per person and course.
    CREATE UNIQUE INDEX enrolments_open ON enrolments (person_id, course_id) WHERE status = 'enrolled' OR status = 'in_progress';
    CREATE INDEX enrolments_by_partner ON enrolments (partner_id, seq DESC);
    CREATE INDEX enrolments_by_person ON enrolments (person_id, seq DESC);
    CREATE INDEX enrolments_by_course ON enrolments (course_id, seq DESC);

    CREATE TABLE assessment_attempts (
      seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id           text PRIMARY KEY,
      enrolment_id text NOT NULL REFERENCES enrolments (id),
      number       integer NOT NULL,
      answers      jsonb NOT NULL,
      correct      integer NOT NULL,
      total        integer NOT NULL,
      score        double precision NOT NULL,
      passed       boolean NOT NULL,
      submitted_at timestamptz NOT NULL,
      UNIQUE (enrolment_id, number)
    );

    CREATE TABLE certificates (
      seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id               text PRIMARY KEY,
      certification_id text NOT NULL REFERENCES certifications (id),
      person_id        text NOT NULL REFERENCES people (id),
      partner_id       text NOT NULL REFERENCES partners (id),
      source           text NOT NULL,
      external_id      text,
      course_id        text REFERENCES courses (id),
      issued_at        timestamptz NOT NULL,
      expires_at       timestamptz,
      renewed_at       timestamptz,
      renewals         integer NOT NULL DEFAULT 0,
      -- The expiry a certification.expired event was emitted for; a renewal moves expires_at past it.
      expiry_announced timestamptz,
      updated_at       timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX certificates_by_external_id ON certificates (external_id) WHERE external_id IS NOT NULL;
    CREATE INDEX certificates_by_partner ON certificates (partner_id, seq DESC);
    CREATE INDEX certificates_by_person ON certificates (person_id, certification_id);
    CREATE INDEX certificates_due ON certificates (expires_at) WHERE expires_at IS NOT NULL;

    CREATE TABLE tier_certification_requirements (
      tier_id      text PRIMARY KEY REFERENCES tiers (id) ON DELETE CASCADE,
      requirements jsonb NOT NULL,
      updated_at   timestamptz NOT NULL
    );
  `,
};
