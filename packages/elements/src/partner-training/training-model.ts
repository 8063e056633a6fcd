/**
 * What `<partner-training>` shows, worked out from the backend's answers with core's enablement
 * rules: the catalogue the partner may take with what its next tier needs first, each person's
 * enrolments and certificates, and the certifications missing for the next tier. Pure.
 * @module
 */
import { EXPIRY_WARNING_DAYS, isInAudience, isOpenEnrolment, missingCertifications } from '@partnerkit/core/rules';
import type { Certificate, Certification, Course, Enrolment, Partner, PartnerEnablement, Person, Tier } from '@partnerkit/core/schemas';
import type { PartnerAudience } from './training-reads.js';

/** Everything the overview reads, for one partner. */
export interface TrainingData {
  partner: PartnerAudience;
  enablement: PartnerEnablement;
  /** Published courses in the partner's audience. */
  courses: Course[];
  certifications: ReadonlyMap<string, Certification>;
  tiers: ReadonlyMap<string, Tier>;
  people: Person[];
  enrolments: Enrolment[];
  certificates: Certificate[];
}

/** A course of the catalogue, and whether it leads to a certification the next tier lacks. */
export interface CatalogueEntry {
  course: Course;
  needed: boolean;
}

/** A certification the next tier requires and the partner lacks. */
export interface MissingCertification {
  certificationId: string;
  missing: number;
  held: number;
  required: number;
}

/** One person's training: their enrolments (open ones first) and certificates (latest expiry first). */
export interface PersonTraining {
  person: Person;
  enrolments: Enrolment[];
  certificates: Certificate[];
}

/** The courses a partner may take: published and in its audience (a backend answers a partner session with these already). */
export function audienceCourses(courses: readonly Course[], partner: Pick<Partner, 'type' | 'tierId'>): Course[] {
  return courses.filter((course) => course.status === 'published' && isInAudience(course, partner));
}

/** What the next tier requires that the partner lacks, by certification; empty when met or there is no next tier. */
export function missingForNextTier(enablement: PartnerEnablement): MissingCertification[] {
  const check = enablement.tiers.find((t) => t.tierId === enablement.nextTierId);
  if (!check) return [];
  const missing = new Map(missingCertifications(check).map((m) => [m.certificationId, m.missing]));
  return check.requirements.filter((r) => missing.has(r.certificationId)).map((r) => ({ certificationId: r.certificationId, missing: r.missing, held: r.held, required: r.required }));
}

/** The catalogue with the courses leading to a certification the next tier lacks first (otherwise in the backend's order). */
export function orderCatalogue(courses: readonly Course[], missing: readonly MissingCertification[]): CatalogueEntry[] {
  const lacking = new Set(missing.map((m) => m.certificationId));
  const entries = courses.map((course) => ({ course, needed: course.certificationId !== null && lacking.has(course.certificationId) }));
  return [...entries.filter((e) => e.needed), ...entries.filter((e) => !e.needed)];
}

const expiryOf = (c: Certificate): number => (c.expiresAt === null ? Infinity : Date.parse(c.expiresAt));

/** Each person with their enrolments (open first, then the latest) and certificates (valid first, latest expiry first). */
export function peopleTraining(data: Pick<TrainingData, 'people' | 'enrolments' | 'certificates'>): PersonTraining[] {
  return data.people.map((person) => ({
    person,
    enrolments: data.enrolments
      .filter((e) => e.personId === person.id)
      .sort((a, b) => Number(isOpenEnrolment(b.status)) - Number(isOpenEnrolment(a.status)) || b.updatedAt.localeCompare(a.updatedAt)),
    certificates: data.certificates
      .filter((c) => c.personId === person.id)
      .sort((a, b) => Number(a.status === 'expired') - Number(b.status === 'expired') || expiryOf(b) - expiryOf(a)),
  }));
}

// A day in ms, restated: core's DAY_MS lives with the period arithmetic, which <partner-plan> uses,
// and one constant from it would move that module into the chunk every page loads.
const DAY = 86_400_000;

/** Whether a valid certificate expires within the warning horizon (60 days) of `now`. */
export function expiresSoon(certificate: Pick<Certificate, 'status' | 'expiresAt'>, now: number): boolean {
  return certificate.status === 'valid' && certificate.expiresAt !== null && Date.parse(certificate.expiresAt) - now < EXPIRY_WARNING_DAYS * DAY;
}
