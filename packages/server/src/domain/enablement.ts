/**
 * Enablement rules applied to stored data, on the server's clock: answers without the
 * assessment's key, attempts scored here with core's `scoreAttempt` (never in the browser),
 * enrolments moved by core's lifecycle table, certifications issued or renewed on completion,
 * a partner's enablement computed with core's `partnerEnablement`, and expired certificates
 * announced once each.
 * @module
 */
import {
  assessmentKey,
  attemptsLeft,
  certificateExpiry,
  certificateStatus,
  isCourseComplete,
  partnerEnablement,
  publicAssessment,
  renewedExpiry,
  scoreAttempt,
} from '@partnerkit/core/rules';
import type { AttemptAnswer, AttemptResult, Certificate, Course, Enrolment, EnrolmentStatus, PartnerEnablement } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { newId } from '../security/random.js';
import { allTierRequirements } from '../store/certification-requirements.js';
import { getCertification } from '../store/certifications.js';
import { heldCertificate, insertCertificate, partnerCertificates, renewStoredCertificate, announceExpiredCertificates, type StoredCertificate } from '../store/certificates.js';
import type { StoredCourse } from '../store/courses.js';
import { insertAttempt, saveEnrolment, type StoredEnrolment } from '../store/enrolments.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { allTiers } from '../store/tiers.js';
import { applyDueTierChanges } from './tier-evaluation.js';

/** A course as every reader sees it: its assessment without the key. */
export function presentCourse(course: StoredCourse): Course {
  return { ...course, assessment: course.assessment === null ? null : publicAssessment(course.assessment) };
}

/** An enrolment as answered, with the attempts its course leaves it. */
export function presentEnrolment(enrolment: StoredEnrolment, course: Pick<StoredCourse, 'assessment'> | null): Enrolment {
  const { attemptsBase, ...rest } = enrolment;
  const allowed = course?.assessment?.attemptsAllowed ?? null;
  return { ...rest, attemptsLeft: course?.assessment ? attemptsLeft(allowed, enrolment.attempts - attemptsBase) : null };
}

/** A certificate as answered, its status at `now`. */
export function presentCertificate(certificate: StoredCertificate, now: Date): Certificate {
  return { ...certificate, status: certificateStatus(certificate, now) };
}

const enrolmentEvent = (type: NewEvent['type'], e: StoredEnrolment, data: Record<string, unknown> = {}): NewEvent => ({
  type,
  partnerId: e.partnerId,
  data: { enrolmentId: e.id, courseId: e.courseId, personId: e.personId, status: e.status, ...data },
});

/**
 * Issues `certificationId` to the person, or renews the certificate they hold of it (from its
 * expiry while valid, from now once expired); answers the certificate's id. Emits
 * `certification.issued` or `certification.renewed`.
 */
export async function issueCertification(
  tx: Transaction,
  person: { personId: string; partnerId: string },
  certificationId: string,
  courseId: string | null,
  now: Date,
  events: NewEvent[],
): Promise<string> {
  const certification = await getCertification(tx, certificationId);
  if (certification === null) throw new Error(`course ${courseId ?? ''} leads to a certification that does not exist`);
  const held = await heldCertificate(tx, person.personId, certificationId);
  if (held !== null) {
    const renewed = await renewStoredCertificate(tx, held.id, renewedExpiry(held.expiresAt === null ? null : new Date(held.expiresAt), now, certification.validityMonths), now);
    events.push({ type: 'certification.renewed', partnerId: person.partnerId, data: certificateEventData(renewed) });
    return renewed.id;
  }
  const issued = await insertCertificate(
    tx,
    {
      id: newId('ce', now),
      certificationId,
      personId: person.personId,
      partnerId: person.partnerId,
      source: 'assessment',
      externalId: null,
      courseId,
      issuedAt: now.toISOString(),
      expiresAt: certificateExpiry(now, certification.validityMonths)?.toISOString() ?? null,
    },
    now,
  );
  events.push({ type: 'certification.issued', partnerId: person.partnerId, data: certificateEventData(issued) });
  return issued.id;
}

/** The data of a `certification.*` event. */
export function certificateEventData(c: StoredCertificate): Record<string, unknown> {
  return { certificateId: c.id, certificationId: c.certificationId, personId: c.personId, source: c.source, issuedAt: c.issuedAt, expiresAt: c.expiresAt, renewals: c.renewals };
}

/** Completes an enrolment: its status, and the course's certification issued or renewed. */
async function complete(tx: Transaction, enrolment: StoredEnrolment, course: StoredCourse, now: Date, events: NewEvent[]): Promise<StoredEnrolment> {
  const certificateId = course.certificationId === null ? null : await issueCertification(tx, enrolment, course.certificationId, course.id, now, events);
  const done: StoredEnrolment = { ...enrolment, status: 'completed', completedAt: now.toISOString(), certificateId };
  events.push(enrolmentEvent('enrolment.completed', done, { certificateId }));
  return done;
}

/**
 * Saves an enrolment and its events; a certificate issued or renewed on the way is evaluated for
 * the partner's tier at once (an upgrade it completes applies now, with its `tier.changed`).
 */
async function save(tx: Transaction, enrolment: StoredEnrolment, events: NewEvent[], now: Date): Promise<StoredEnrolment> {
  const saved = await saveEnrolment(tx, enrolment, now);
  await appendEvents(tx, events, now);
  if (events.some((e) => e.type === 'certification.issued' || e.type === 'certification.renewed')) await applyDueTierChanges(tx, [enrolment.partnerId], now);
  return saved;
}

/** Why an enrolment takes no step now, or null when it may: the problem the route answers. */
export type StepRefusal = 'passed' | 'not_open' | 'no_assessment' | 'exhausted';

/** Marks a module done (the enrolment locked by the caller); completes the course when that was all. */
export async function recordProgress(tx: Transaction, enrolment: StoredEnrolment, course: StoredCourse, moduleId: string, now: Date): Promise<StoredEnrolment | StepRefusal> {
  if (enrolment.status !== 'enrolled' && enrolment.status !== 'in_progress') return 'not_open';
  if (enrolment.completedModuleIds.includes(moduleId)) return enrolment;
  const events: NewEvent[] = [];
  let next: StoredEnrolment = { ...enrolment, status: 'in_progress', completedModuleIds: [...enrolment.completedModuleIds, moduleId] };
  events.push(enrolmentEvent('enrolment.progressed', next, { moduleId }));
  if (isCourseComplete(course, next.completedModuleIds, next.passedAt !== null)) next = await complete(tx, next, course, now, events);
  return save(tx, next, events, now);
}

/**
 * Scores an attempt (the enrolment locked by the caller) and records it: passing completes the
 * course once its modules are done; the last failing attempt fails the enrolment. Refuses an
 * attempt after passing, beyond the attempts allowed, or on an enrolment that is not open.
 */
export async function submitAttempt(
  tx: Transaction,
  enrolment: StoredEnrolment,
  course: StoredCourse,
  answers: readonly AttemptAnswer[],
  now: Date,
): Promise<AttemptResult | StepRefusal> {
  const assessment = course.assessment;
  if (assessment === null) return 'no_assessment';
  if (enrolment.passedAt !== null) return 'passed';
  const used = enrolment.attempts - enrolment.attemptsBase;
  if (attemptsLeft(assessment.attemptsAllowed, used) === 0) return 'exhausted';
  if (enrolment.status !== 'enrolled' && enrolment.status !== 'in_progress') return 'not_open';

  const result = scoreAttempt(assessmentKey(course.id, assessment), answers, assessment.passMark);
  const number = enrolment.attempts + 1;
  const attemptId = newId('at', now);
  await insertAttempt(tx, { id: attemptId, enrolmentId: enrolment.id, number, answers, ...result }, now);
  const events: NewEvent[] = [];
  let next: StoredEnrolment = {
    ...enrolment,
    status: 'in_progress',
    attempts: number,
    bestScore: Math.max(enrolment.bestScore ?? 0, result.score),
    passedAt: result.passed ? now.toISOString() : null,
  };
  events.push(enrolmentEvent('enrolment.attempted', next, { attemptId, number, score: result.score, passed: result.passed }));
  if (result.passed && isCourseComplete(course, next.completedModuleIds, true)) next = await complete(tx, next, course, now, events);
  if (!result.passed && attemptsLeft(assessment.attemptsAllowed, used + 1) === 0) {
    next = { ...next, status: 'failed' };
    events.push(enrolmentEvent('enrolment.failed', next));
  }
  const saved = await save(tx, next, events, now);
  return {
    id: attemptId,
    enrolmentId: enrolment.id,
    number,
    correct: result.correct,
    total: result.total,
    score: result.score,
    passMark: assessment.passMark,
    passed: result.passed,
    attemptsLeft: attemptsLeft(assessment.attemptsAllowed, used + 1),
    certificateId: result.passed ? saved.certificateId : null,
    submittedAt: now.toISOString(),
    enrolment: presentEnrolment(saved, course),
  };
}

/** Applies a lifecycle move core's table allowed (the enrolment locked by the caller). */
export async function moveEnrolment(tx: Transaction, enrolment: StoredEnrolment, course: StoredCourse, to: EnrolmentStatus, reason: string | null, now: Date): Promise<StoredEnrolment> {
  const events: NewEvent[] = [];
  const from = enrolment.status;
  let next: StoredEnrolment = { ...enrolment, status: to };
  if (to === 'completed') return save(tx, await complete(tx, enrolment, course, now, events), events, now);
  if (from === 'failed' && to === 'enrolled') {
    // A new round: the attempts so far no longer count against the limit.
    next = { ...next, attemptsBase: enrolment.attempts };
    events.push(enrolmentEvent('enrolment.reopened', next, { from, reason }));
  } else {
    events.push(enrolmentEvent(to === 'withdrawn' ? 'enrolment.withdrawn' : 'enrolment.reopened', next, { from, reason }));
  }
  return save(tx, next, events, now);
}

/** A partner's enablement at `now`, with core's rules. */
export async function readPartnerEnablement(q: Queryable, partner: { id: string; tierId: string | null }, now: Date): Promise<PartnerEnablement> {
  const tiers = await allTiers(q);
  const requirements = await allTierRequirements(q);
  const certificates = await partnerCertificates(q, partner.id);
  return partnerEnablement({ partner, tiers, requirements, certificates, at: now });
}

/** Announces the certificates expired by `now` (once per expiry): `certification.expired` events. */
export async function expireCertificates(tx: Transaction, now: Date): Promise<number> {
  const expired = await announceExpiredCertificates(tx, now);
  await appendEvents(tx, expired.map((c) => ({ type: 'certification.expired' as const, partnerId: c.partnerId, data: certificateEventData(c) })), now);
  return expired.length;
}
