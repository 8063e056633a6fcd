/**
 * Enablement rules: scoring an assessment attempt (the backend calls it; the key never leaves
 * it), attempts left, the enrolment lifecycle as a table, who may take a course, certificate
 * validity at an instant, certification requirements per tier, the certified-staff count, and
 * the expiries that would leave a partner short of its tier's requirement. Pure, UTC.
 * @module
 */
import type {
  Assessment,
  AssessmentInput,
  AssessmentKey,
  AttemptAnswer,
  CertificateStatus,
  CertificationExpiryWarning,
  CertificationRequirement,
  CertificationRequirementCheck,
  Course,
  EnrolmentStatus,
  Partner,
  PartnerEnablement,
  Role,
  Tier,
  TierCertificationCheck,
  TierCertificationRequirements,
} from '../schemas/index.js';
import { DAY_MS } from './periods.js';

// ---------------------------------------------------------------------------------------------
// Assessments

/** What scoring an attempt gives. */
export interface AttemptScore {
  correct: number;
  total: number;
  /** `correct` of `total` in percent, rounded to one decimal (for display). */
  score: number;
  /** Decided on the exact ratio, never on the rounded score. */
  passed: boolean;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
};

/**
 * Scores answers against the key: a question is correct when the choices picked are exactly its
 * correct choices (all of them, nothing else; order and repeats do not matter). A question left
 * out, answered twice or unknown to the key counts as wrong (the first answer to a question is
 * the one scored). Passes when `correct / total >= passMark / 100`.
 */
export function scoreAttempt(key: Pick<AssessmentKey, 'questions'>, answers: readonly AttemptAnswer[], passMark: number): AttemptScore {
  const total = key.questions.length;
  const given = new Map<string, readonly string[]>();
  for (const answer of answers) if (!given.has(answer.questionId)) given.set(answer.questionId, answer.choiceIds);
  let correct = 0;
  for (const question of key.questions) {
    const picked = given.get(question.questionId);
    if (picked !== undefined && sameSet(picked, question.correctChoiceIds)) correct += 1;
  }
  const score = total === 0 ? 0 : Math.round((correct * 1000) / total) / 10;
  return { correct, total, score, passed: total > 0 && correct * 100 >= passMark * total };
}

/** Attempts left: null when any number is allowed; never below 0. */
export function attemptsLeft(attemptsAllowed: number | null, used: number): number | null {
  return attemptsAllowed === null ? null : Math.max(0, attemptsAllowed - used);
}

// ---------------------------------------------------------------------------------------------
// The enrolment lifecycle

/** Who moves an enrolment: a person's partner, an admin, or the backend itself (on progress and attempts). */
export type EnrolmentActor = Extract<Role, 'admin' | 'partner'> | 'system';

/** One allowed move of an enrolment. */
export interface EnrolmentTransition {
  from: EnrolmentStatus;
  to: EnrolmentStatus;
  who: readonly EnrolmentActor[];
  /** `required`: refused without a non-blank reason. */
  reason: 'required' | 'optional';
}

const step = (from: EnrolmentStatus, to: EnrolmentStatus, who: readonly EnrolmentActor[], reason: EnrolmentTransition['reason'] = 'optional'): EnrolmentTransition =>
  Object.freeze({ from, to, who: Object.freeze([...who]), reason });

/**
 * Every move of an enrolment; anything else is an `invalid_transition`. The backend starts an
 * enrolment on its first module or attempt, completes it when the modules are done and the
 * assessment passed, and fails it when the last attempt fails. An admin records the completion
 * of a live or external course, and may reopen a failed enrolment (a new round of attempts) with
 * a reason; a partner or an admin withdraws an open one, and may enrol again later.
 */
export const ENROLMENT_TRANSITIONS: readonly EnrolmentTransition[] = Object.freeze([
  step('enrolled', 'in_progress', ['system']),
  step('enrolled', 'completed', ['system', 'admin']),
  step('in_progress', 'completed', ['system', 'admin']),
  step('in_progress', 'failed', ['system']),
  step('enrolled', 'withdrawn', ['partner', 'admin']),
  step('in_progress', 'withdrawn', ['partner', 'admin']),
  step('withdrawn', 'enrolled', ['partner', 'admin']),
  step('failed', 'enrolled', ['admin'], 'required'),
]);

export type EnrolmentTransitionCheck = { ok: true; transition: EnrolmentTransition } | { ok: false; code: 'invalid_transition' | 'forbidden' | 'reason_required'; message: string };

/** Checks one move: it exists (`invalid_transition`), the actor may make it (`forbidden`), a required reason is given. */
export function checkEnrolmentTransition(from: EnrolmentStatus, to: EnrolmentStatus, actor: EnrolmentActor, reason?: string | null): EnrolmentTransitionCheck {
  const moves = ENROLMENT_TRANSITIONS.filter((t) => t.from === from && t.to === to);
  if (moves.length === 0) {
    const options = [...new Set(ENROLMENT_TRANSITIONS.filter((t) => t.from === from && t.who.some((w) => w !== 'system')).map((t) => t.to))];
    const hint = options.length > 0 ? `; from ${from} it can move to ${options.join(', ')}` : '';
    return { ok: false, code: 'invalid_transition', message: `an enrolment ${from.replace('_', ' ')} cannot move to ${to}${hint}` };
  }
  const transition = moves.find((t) => t.who.includes(actor));
  if (!transition) return { ok: false, code: 'forbidden', message: `only ${moves[0]!.who.filter((w) => w !== 'system').join(' or ') || 'the backend'} may move an enrolment from ${from} to ${to}` };
  if (transition.reason === 'required' && (reason ?? '').trim() === '') {
    return { ok: false, code: 'reason_required', message: `moving an enrolment from ${from} to ${to} needs a reason` };
  }
  return { ok: true, transition };
}

/** True while an enrolment may still make progress and take attempts. */
export function isOpenEnrolment(status: EnrolmentStatus): boolean {
  return status === 'enrolled' || status === 'in_progress';
}

/**
 * Whether a partner is in a course's audience: its type among the course's partner types and its
 * tier among the course's tiers (an empty list lets everyone in).
 */
export function isInAudience(course: Pick<Course, 'partnerTypes' | 'tierIds'>, partner: Pick<Partner, 'type' | 'tierId'>): boolean {
  const typeFits = course.partnerTypes.length === 0 || course.partnerTypes.includes(partner.type);
  const tierFits = course.tierIds.length === 0 || (partner.tierId !== null && course.tierIds.includes(partner.tierId));
  return typeFits && tierFits;
}

/**
 * Whether completing an enrolment is due: every module done and, with an assessment, passed. A
 * self-paced course completes this way; live and external ones are recorded by an admin.
 */
export function isCourseComplete(course: Pick<Course, 'format'> & { modules: readonly { id: string }[]; assessment: object | null }, completedModuleIds: readonly string[], passed: boolean): boolean {
  if (course.format !== 'self_paced') return false;
  const done = new Set(completedModuleIds);
  const modulesDone = course.modules.every((m) => done.has(m.id));
  return modulesDone && (course.assessment === null ? course.modules.length > 0 : passed);
}

// ---------------------------------------------------------------------------------------------
// Certificates

/** A held certificate as the rules need it. */
export interface HeldCertificate {
  personId: string;
  certificationId: string;
  issuedAt: string;
  /** Null: it never expires. */
  expiresAt: string | null;
}

/** `at` plus `months` calendar months (UTC), clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(at: Date, months: number): Date {
  const target = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1, at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  return target;
}

/** When a certificate issued (or renewed) at `from` expires: `validityMonths` later, or never. */
export function certificateExpiry(from: Date, validityMonths: number | null): Date | null {
  return validityMonths === null ? null : addMonths(from, validityMonths);
}

/**
 * When a renewal at `now` makes a certificate expire: the validity counted from its current
 * expiry when it is still valid (renewing early loses nothing), else from now.
 */
export function renewedExpiry(current: Date | null, now: Date, validityMonths: number | null): Date | null {
  if (validityMonths === null) return null;
  return addMonths(current !== null && current.getTime() > now.getTime() ? current : now, validityMonths);
}

/** Valid from its issue until (not including) its expiry. */
export function isCertificateValid(certificate: Pick<HeldCertificate, 'issuedAt' | 'expiresAt'>, at: Date): boolean {
  const t = at.getTime();
  return Date.parse(certificate.issuedAt) <= t && (certificate.expiresAt === null || t < Date.parse(certificate.expiresAt));
}

/** `valid` or `expired` at `at` (a certificate dated in the future reads `valid`: it is recorded, just not yet counted). */
export function certificateStatus(certificate: Pick<HeldCertificate, 'expiresAt'>, at: Date): CertificateStatus {
  return certificate.expiresAt !== null && Date.parse(certificate.expiresAt) <= at.getTime() ? 'expired' : 'valid';
}

/** People holding at least one valid certificate at `at`: the certified-staff count. */
export function certifiedStaff(certificates: readonly HeldCertificate[], at: Date): number {
  return new Set(certificates.filter((c) => isCertificateValid(c, at)).map((c) => c.personId)).size;
}

/** People holding a valid certificate of `certificationId` at `at`. */
export function certifiedPeople(certificates: readonly HeldCertificate[], certificationId: string, at: Date): Set<string> {
  return new Set(certificates.filter((c) => c.certificationId === certificationId && isCertificateValid(c, at)).map((c) => c.personId));
}

/** One requirement against the certificates valid at `at`. */
export function checkCertificationRequirement(requirement: CertificationRequirement, certificates: readonly HeldCertificate[], at: Date): CertificationRequirementCheck {
  const held = certifiedPeople(certificates, requirement.certificationId, at).size;
  const missing = Math.max(0, requirement.count - held);
  return { certificationId: requirement.certificationId, required: requirement.count, held, missing, met: missing === 0 };
}

/** A tier's requirements against the certificates valid at `at`; a tier without requirements is met. */
export function checkTierCertifications(tierId: string, requirements: readonly CertificationRequirement[], certificates: readonly HeldCertificate[], at: Date): TierCertificationCheck {
  const checks = requirements.map((r) => checkCertificationRequirement(r, certificates, at));
  return { tierId, met: checks.every((c) => c.met), requirements: checks };
}

/** The names of the certifications a tier check is missing, with how many people each still needs. */
export function missingCertifications(check: TierCertificationCheck): { certificationId: string; missing: number }[] {
  return check.requirements.filter((r) => !r.met).map((r) => ({ certificationId: r.certificationId, missing: r.missing }));
}

/** How far ahead expiries are flagged, in days. */
export const EXPIRY_WARNING_DAYS = 60;

const isoDate = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * The expiries within `days` of `at` that would leave the partner short of `tierId`'s
 * requirements, one warning per requirement met now and short before the horizon. `shortOn` is
 * the first day it falls short (the day the deciding certificate expires); `expiring` counts the
 * certified people whose last valid certificate of it expires before the horizon. A requirement
 * short already is what tier evaluation says, not a warning.
 */
export function expiryWarnings(
  tierId: string,
  requirements: readonly CertificationRequirement[],
  certificates: readonly HeldCertificate[],
  at: Date,
  days = EXPIRY_WARNING_DAYS,
): CertificationExpiryWarning[] {
  const horizon = new Date(at.getTime() + days * DAY_MS);
  const warnings: CertificationExpiryWarning[] = [];
  for (const requirement of requirements) {
    const valid = certificates.filter((c) => c.certificationId === requirement.certificationId && isCertificateValid(c, at));
    // Each certified person's latest expiry (null: never) decides when they stop counting.
    const until = new Map<string, number>();
    for (const c of valid) {
      const end = c.expiresAt === null ? Infinity : Date.parse(c.expiresAt);
      until.set(c.personId, Math.max(until.get(c.personId) ?? -Infinity, end));
    }
    const held = until.size;
    if (held < requirement.count) continue;
    const ends = [...until.values()].sort((a, b) => b - a);
    // With people sorted by when they stop counting, latest first, the partner falls short when
    // the `count`-th of them stops.
    const deciding = ends[requirement.count - 1]!;
    if (deciding >= horizon.getTime()) continue;
    warnings.push({
      tierId,
      certificationId: requirement.certificationId,
      required: requirement.count,
      held,
      expiring: ends.filter((end) => end < horizon.getTime()).length,
      shortOn: isoDate(new Date(deciding)),
      before: isoDate(horizon),
    });
  }
  return warnings;
}

/** What {@link partnerEnablement} reads. */
export interface PartnerEnablementInput {
  partner: Pick<Partner, 'id' | 'tierId'>;
  tiers: readonly Pick<Tier, 'id' | 'rank'>[];
  /** Each tier's certification requirements; a tier left out requires none. */
  requirements: readonly Pick<TierCertificationRequirements, 'tierId' | 'requirements'>[];
  /** The partner's certificates. */
  certificates: readonly HeldCertificate[];
  at: Date;
  horizonDays?: number;
}

/**
 * A partner's enablement at `at`: certified staff, every tier with certification requirements
 * checked (by rank), the tier above the partner's, and the expiries that would leave it short of
 * its own tier's requirements.
 */
export function partnerEnablement(input: PartnerEnablementInput): PartnerEnablement {
  const { partner, certificates, at } = input;
  const tiers = [...input.tiers].sort((a, b) => a.rank - b.rank);
  const requirementsOf = (tierId: string) => input.requirements.find((r) => r.tierId === tierId)?.requirements ?? [];
  const current = tiers.find((t) => t.id === partner.tierId) ?? null;
  const next = current === null ? (tiers[0] ?? null) : (tiers.find((t) => t.rank > current.rank) ?? null);
  return {
    partnerId: partner.id,
    asOf: at.toISOString(),
    certifiedStaff: certifiedStaff(certificates, at),
    tierId: current?.id ?? null,
    nextTierId: next?.id ?? null,
    tiers: tiers.filter((t) => requirementsOf(t.id).length > 0).map((t) => checkTierCertifications(t.id, requirementsOf(t.id), certificates, at)),
    warnings: current === null ? [] : expiryWarnings(current.id, requirementsOf(current.id), certificates, at, input.horizonDays),
  };
}

/** An assessment as every reader sees it: the admin's input without the correct choices. */
export function publicAssessment(input: AssessmentInput): Assessment {
  return {
    passMark: input.passMark,
    attemptsAllowed: input.attemptsAllowed,
    questions: input.questions.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      ...(q.translations !== undefined ? { translations: q.translations } : {}),
      multiple: q.correctChoiceIds.length > 1,
      choices: q.choices.map((c) => ({ id: c.id, label: c.label, ...(c.translations !== undefined ? { translations: c.translations } : {}) })),
    })),
  };
}

/** The key of an assessment: each question's correct choices. */
export function assessmentKey(courseId: string, input: AssessmentInput): AssessmentKey {
  return { courseId, questions: input.questions.map((q) => ({ questionId: q.id, correctChoiceIds: [...q.correctChoiceIds] })) };
}

/**
 * What is wrong with an assessment the admin wrote, as `[path, message]` pairs: question ids and
 * each question's choice ids used once, correct choices among the question's choices.
 */
export function assessmentProblems(input: AssessmentInput): [path: string, message: string][] {
  const problems: [string, string][] = [];
  const questionIds = new Set<string>();
  input.questions.forEach((q, i) => {
    if (questionIds.has(q.id)) problems.push([`questions.${i}.id`, 'must name each question once']);
    questionIds.add(q.id);
    const choiceIds = new Set(q.choices.map((c) => c.id));
    if (choiceIds.size !== q.choices.length) problems.push([`questions.${i}.choices`, 'must name each choice once']);
    q.correctChoiceIds.forEach((id, j) => {
      if (!choiceIds.has(id)) problems.push([`questions.${i}.correctChoiceIds.${j}`, 'must be the id of one of the question\'s choices']);
    });
  });
  return problems;
}
