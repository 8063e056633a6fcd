/**
 * The demo enablement in the seed: core's `generateDemoEnablement` (the catalogue in English and
 * Vietnamese, each tier's certification requirements, every partner's people with enrolments and
 * certificates, some expiring) written in the programme's transaction.
 * @module
 */
import type { DemoEnablement } from '@partnerkit/core/demo';
import type { Queryable } from '../db/database.js';
import { insertBatched } from './batch.js';

/** Writes `enablement` in the caller's transaction. */
export async function seedEnablement(tx: Queryable, enablement: DemoEnablement): Promise<void> {
  const insert = insertBatched;
  await insert(
    tx,
    'certifications',
    { id: 'text', name: 'text', description: 'text', validity_months: 'int', translations: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz' },
    enablement.certifications.map((c) => ({ id: c.id, name: c.name, description: c.description, validity_months: c.validityMonths, translations: c.translations ?? {}, created_at: c.createdAt, updated_at: c.updatedAt })),
  );
  await insert(
    tx,
    'courses',
    {
      id: 'text', title: 'text', description: 'text', format: 'text', duration_minutes: 'int', language: 'text', partner_types: 'jsonb', tier_ids: 'jsonb', certification_id: 'text',
      url: 'text', status: 'text', translations: 'jsonb', modules: 'jsonb', assessment: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
    },
    enablement.courses.map(({ course: c, assessment }) => ({
      id: c.id, title: c.title, description: c.description, format: c.format, duration_minutes: c.durationMinutes, language: c.language, partner_types: c.partnerTypes,
      tier_ids: c.tierIds, certification_id: c.certificationId, url: c.url, status: c.status, translations: c.translations ?? {}, modules: c.modules, assessment,
      created_at: c.createdAt, updated_at: c.updatedAt,
    })),
  );
  await insert(
    tx,
    'tier_certification_requirements',
    { tier_id: 'text', requirements: 'jsonb', updated_at: 'timestamptz' },
    enablement.requirements.filter((r) => r.requirements.length > 0).map((r) => ({ tier_id: r.tierId, requirements: r.requirements, updated_at: r.updatedAt })),
  );
  await insert(
    tx,
    'people',
    { id: 'text', partner_id: 'text', name: 'text', email: 'text', external_id: 'text', created_at: 'timestamptz', updated_at: 'timestamptz' },
    enablement.people.map((p) => ({ id: p.id, partner_id: p.partnerId, name: p.name, email: p.email, external_id: p.externalId, created_at: p.createdAt, updated_at: p.updatedAt })),
  );
  await insert(
    tx,
    'certificates',
    {
      id: 'text', certification_id: 'text', person_id: 'text', partner_id: 'text', source: 'text', external_id: 'text', course_id: 'text', issued_at: 'timestamptz',
      expires_at: 'timestamptz', renewed_at: 'timestamptz', renewals: 'int', updated_at: 'timestamptz',
    },
    enablement.certificates.map((c) => ({
      id: c.id, certification_id: c.certificationId, person_id: c.personId, partner_id: c.partnerId, source: c.source, external_id: c.externalId, course_id: c.courseId,
      issued_at: c.issuedAt, expires_at: c.expiresAt, renewed_at: c.renewedAt, renewals: c.renewals, updated_at: c.updatedAt,
    })),
  );
  await insert(
    tx,
    'enrolments',
    {
      id: 'text', course_id: 'text', person_id: 'text', partner_id: 'text', status: 'text', completed_module_ids: 'jsonb', attempts: 'int', passed_at: 'timestamptz',
      best_score: 'float8', certificate_id: 'text', enrolled_at: 'timestamptz', completed_at: 'timestamptz', updated_at: 'timestamptz',
    },
    enablement.enrolments.map((e) => ({
      id: e.id, course_id: e.courseId, person_id: e.personId, partner_id: e.partnerId, status: e.status, completed_module_ids: e.completedModuleIds, attempts: e.attempts,
      passed_at: e.passedAt, best_score: e.bestScore, certificate_id: e.certificateId, enrolled_at: e.enrolledAt, completed_at: e.completedAt, updated_at: e.updatedAt,
    })),
  );
}
