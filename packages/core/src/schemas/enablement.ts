/**
 * Enablement: the courses a vendor offers its partners' people, the assessments that end them,
 * the certifications they lead to, the certificates people hold, and the certifications a tier
 * requires. The correct answers of an assessment are only in the admin's schemas
 * (`AssessmentInput`, `AssessmentKey`): no answer a partner receives can carry them.
 * @module
 */
import * as z from 'zod/mini';
import { CalendarDate, EmailAddress, HttpUrl, Id, LanguageTag, Timestamp, text } from './common.js';
import { PartnerType } from './partner-type.js';
import { translation, translations } from './translations.js';
import { translationsInput } from './translations-input.js';

/** `self_paced`: modules to read or watch, maybe an assessment; `live`: a session; `external`: another provider's course. */
export const COURSE_FORMATS = ['self_paced', 'live', 'external'] as const;
export const CourseFormat = /* @__PURE__ */ z.enum(COURSE_FORMATS);
export type CourseFormat = z.infer<typeof CourseFormat>;

/** `draft`: only admins see it; `published`: its audience may enrol; `retired`: no new enrolments. */
export const COURSE_STATUSES = ['draft', 'published', 'retired'] as const;
export const CourseStatus = /* @__PURE__ */ z.enum(COURSE_STATUSES);
export type CourseStatus = z.infer<typeof CourseStatus>;

/**
 * Where an enrolment stands: `enrolled` until the first module or attempt, `in_progress`, then
 * `completed` (modules done and assessment passed, or recorded by an admin), `failed` (every
 * attempt used without passing) or `withdrawn`.
 */
export const ENROLMENT_STATUSES = ['enrolled', 'in_progress', 'completed', 'failed', 'withdrawn'] as const;
export const EnrolmentStatus = /* @__PURE__ */ z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;

/** How a certificate was issued: on passing an assessment, recorded by an admin, or by an LMS. */
export const CERTIFICATE_SOURCES = ['assessment', 'admin', 'lms'] as const;
export const CertificateSource = /* @__PURE__ */ z.enum(CERTIFICATE_SOURCES);
export type CertificateSource = z.infer<typeof CertificateSource>;

/** A certificate's standing at the backend's clock: `valid` until its expiry, then `expired`. */
export const CERTIFICATE_STATUSES = ['valid', 'expired'] as const;
export const CertificateStatus = /* @__PURE__ */ z.enum(CERTIFICATE_STATUSES);
export type CertificateStatus = z.infer<typeof CertificateStatus>;

/** A whole number of minutes, 1 to 100 000. */
const minutes = /* @__NO_SIDE_EFFECTS__ */ () => z.int().check(z.gte(1), z.lte(100_000));

// ---------------------------------------------------------------------------------------------
// Certifications (what a course leads to, what a tier requires)

const certificationText = { name: text(200), description: text(2000) };

/** A certification's `name` and `description` in one language. */
// `translation({ ...fields })`, not `translation(fields)`: an object handed to a call may be
// changed by it, so a bundler keeps every later `fields.name` read, and with it every request
// body's schema, in the bundles of widgets that only read (Rollup did, for <partner-training>).
export const CertificationTranslation = /* @__PURE__ */ translation({ ...certificationText });
export type CertificationTranslation = z.infer<typeof CertificationTranslation>;

const certificationFields = {
  name: certificationText.name,
  description: z.nullable(certificationText.description),
  /** How long a certificate stays valid after it is issued or renewed, in months; null: it does not expire. */
  validityMonths: z.nullable(/* @__PURE__ */ z.int().check(z.gte(1), z.lte(120))),
};

export const Certification = /* @__PURE__ */ z.object({
  id: Id,
  ...certificationFields,
  /** `name` and `description` in other languages, by BCP 47 tag. */
  translations: z.optional(translations(CertificationTranslation)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Certification = z.infer<typeof Certification>;

/** Body of `POST /v1/certifications`. */
export const CertificationInput = /* @__PURE__ */ z.strictObject({
  ...certificationFields,
  description: z.optional(certificationFields.description),
  translations: z.optional(translationsInput(CertificationTranslation)),
});
export type CertificationInput = z.input<typeof CertificationInput>;

/** Body of `PATCH /v1/certifications/{id}`. */
export const CertificationPatch = /* @__PURE__ */ z.partial(CertificationInput);
export type CertificationPatch = z.infer<typeof CertificationPatch>;

// ---------------------------------------------------------------------------------------------
// Courses, modules and assessments

const moduleText = { title: text(200) };

/** A module's `title` in one language. */
export const CourseModuleTranslation = /* @__PURE__ */ translation({ ...moduleText });
export type CourseModuleTranslation = z.infer<typeof CourseModuleTranslation>;

/** One step of a self-paced course: a library resource to read or watch. */
export const CourseModule = /* @__PURE__ */ z.object({
  /** Stable within the course: progress names it. */
  id: Id,
  title: moduleText.title,
  translations: z.optional(translations(CourseModuleTranslation)),
  /** The library resource to read or watch (`POST /v1/resources/{id}/open`). */
  resourceId: Id,
  durationMinutes: z.nullable(minutes()),
});
export type CourseModule = z.infer<typeof CourseModule>;

/** A module in a request body; `id` defaults to `m1`, `m2`, ... by position. */
export const CourseModuleInput = /* @__PURE__ */ z.strictObject({
  id: z.optional(Id),
  title: moduleText.title,
  translations: z.optional(translationsInput(CourseModuleTranslation)),
  resourceId: Id,
  durationMinutes: z.optional(z.nullable(minutes())),
});
export type CourseModuleInput = z.infer<typeof CourseModuleInput>;

const choiceText = { label: text(500) };
const questionText = { prompt: text(1000) };

/** A choice's `label` in one language. */
export const AssessmentChoiceTranslation = /* @__PURE__ */ translation({ ...choiceText });
export type AssessmentChoiceTranslation = z.infer<typeof AssessmentChoiceTranslation>;

/** A question's `prompt` in one language. */
export const AssessmentQuestionTranslation = /* @__PURE__ */ translation({ ...questionText });
export type AssessmentQuestionTranslation = z.infer<typeof AssessmentQuestionTranslation>;

export const AssessmentChoice = /* @__PURE__ */ z.object({
  id: Id,
  label: choiceText.label,
  translations: z.optional(translations(AssessmentChoiceTranslation)),
});
export type AssessmentChoice = z.infer<typeof AssessmentChoice>;

/** A question as every reader sees it: the prompt and the choices, never which are correct. */
export const AssessmentQuestion = /* @__PURE__ */ z.object({
  id: Id,
  prompt: questionText.prompt,
  translations: z.optional(translations(AssessmentQuestionTranslation)),
  /** True when more than one choice is correct (the person picks every correct one). */
  multiple: z.boolean(),
  choices: z.array(AssessmentChoice),
});
export type AssessmentQuestion = z.infer<typeof AssessmentQuestion>;

const assessmentRules = {
  /** The share of questions answered correctly to pass, in percent (1-100). */
  passMark: /* @__PURE__ */ z.int().check(z.gte(1), z.lte(100)),
  /** How many attempts a person has per enrolment; null: as many as they like. */
  attemptsAllowed: z.nullable(/* @__PURE__ */ z.int().check(z.gte(1), z.lte(20))),
};

/** The assessment that ends a self-paced course, as every reader sees it. */
export const Assessment = /* @__PURE__ */ z.object({
  ...assessmentRules,
  questions: z.array(AssessmentQuestion),
});
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentChoiceInput = /* @__PURE__ */ z.strictObject({
  id: Id,
  label: choiceText.label,
  translations: z.optional(translationsInput(AssessmentChoiceTranslation)),
});
export type AssessmentChoiceInput = z.infer<typeof AssessmentChoiceInput>;

/** A question as the admin writes it, with the ids of its correct choices. */
export const AssessmentQuestionInput = /* @__PURE__ */ z.strictObject({
  id: Id,
  prompt: questionText.prompt,
  translations: z.optional(translationsInput(AssessmentQuestionTranslation)),
  choices: /* @__PURE__ */ z.array(AssessmentChoiceInput).check(z.minLength(2), z.maxLength(10)),
  /** The correct choices (one or more); kept on the backend, never in an answer a partner receives. */
  correctChoiceIds: /* @__PURE__ */ z.array(Id).check(z.minLength(1), z.maxLength(10)),
});
export type AssessmentQuestionInput = z.infer<typeof AssessmentQuestionInput>;

/** An assessment as the admin writes it. */
export const AssessmentInput = /* @__PURE__ */ z.strictObject({
  ...assessmentRules,
  questions: /* @__PURE__ */ z.array(AssessmentQuestionInput).check(z.minLength(1), z.maxLength(100)),
});
export type AssessmentInput = z.infer<typeof AssessmentInput>;

/** Answer of `GET /v1/courses/{id}/assessment-key` (admin only): the correct choices per question. */
export const AssessmentKey = /* @__PURE__ */ z.object({
  courseId: Id,
  questions: z.array(z.object({ questionId: Id, correctChoiceIds: z.array(Id) })),
});
export type AssessmentKey = z.infer<typeof AssessmentKey>;

const courseText = { title: text(200), description: text(4000) };

/** A course's `title` and `description` in one language. */
export const CourseTranslation = /* @__PURE__ */ translation({ ...courseText });
export type CourseTranslation = z.infer<typeof CourseTranslation>;

const courseFields = {
  title: courseText.title,
  description: z.nullable(courseText.description),
  format: CourseFormat,
  /** How long the course takes, in minutes. */
  durationMinutes: minutes(),
  /** The language the course is taught in (its title may carry translations). */
  language: LanguageTag,
  /** Partner types that may take it; empty: every type. */
  partnerTypes: /* @__PURE__ */ z.array(PartnerType).check(z.maxLength(10)),
  /** Tiers whose partners may take it; empty: every partner, with a tier or not. */
  tierIds: /* @__PURE__ */ z.array(Id).check(z.maxLength(100)),
  /** The certification a person earns by completing it; null: none. */
  certificationId: z.nullable(Id),
  /** Where a live session is joined or an external course is taken; null for a self-paced course. */
  url: z.nullable(HttpUrl),
};

export const Course = /* @__PURE__ */ z.object({
  id: Id,
  ...courseFields,
  status: CourseStatus,
  /** `title` and `description` in other languages, by BCP 47 tag. */
  translations: z.optional(translations(CourseTranslation)),
  /** The modules of a self-paced course, in the order they are taken. */
  modules: z.array(CourseModule),
  /** The assessment that ends a self-paced course, without its answers; null: none. */
  assessment: z.nullable(Assessment),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Course = z.infer<typeof Course>;

/** Body of `POST /v1/courses`. */
export const CourseInput = /* @__PURE__ */ z.strictObject({
  ...courseFields,
  description: z.optional(courseFields.description),
  partnerTypes: z.optional(courseFields.partnerTypes),
  tierIds: z.optional(courseFields.tierIds),
  certificationId: z.optional(courseFields.certificationId),
  url: z.optional(courseFields.url),
  /** `draft` unless given. */
  status: z.optional(CourseStatus),
  translations: z.optional(translationsInput(CourseTranslation)),
  modules: z.optional(/* @__PURE__ */ z.array(CourseModuleInput).check(z.maxLength(100))),
  assessment: z.optional(z.nullable(AssessmentInput)),
});
export type CourseInput = z.input<typeof CourseInput>;

/** Body of `PATCH /v1/courses/{id}`: any subset; `modules` and `assessment` replace the whole list. */
export const CoursePatch = /* @__PURE__ */ z.partial(CourseInput);
export type CoursePatch = z.infer<typeof CoursePatch>;

// ---------------------------------------------------------------------------------------------
// People

const personFields = {
  name: text(200),
  email: z.nullable(EmailAddress),
  /** The person's id in the partner's or an LMS's directory, when known. */
  externalId: z.nullable(text(200)),
};

/** A named person of a partner: who enrols, takes assessments and holds certificates. */
export const Person = /* @__PURE__ */ z.object({
  id: Id,
  partnerId: Id,
  ...personFields,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Person = z.infer<typeof Person>;

/** Body of `POST /v1/partners/{id}/people`. */
export const PersonInput = /* @__PURE__ */ z.strictObject({
  name: personFields.name,
  email: z.optional(personFields.email),
  externalId: z.optional(personFields.externalId),
});
export type PersonInput = z.infer<typeof PersonInput>;

/** Body of `PATCH /v1/people/{id}`. */
export const PersonPatch = /* @__PURE__ */ z.partial(PersonInput);
export type PersonPatch = z.infer<typeof PersonPatch>;

// ---------------------------------------------------------------------------------------------
// Enrolments and attempts

export const Enrolment = /* @__PURE__ */ z.object({
  id: Id,
  courseId: Id,
  personId: Id,
  partnerId: Id,
  status: EnrolmentStatus,
  /** The modules done, in the order they were done. */
  completedModuleIds: z.array(Id),
  /** Attempts at the assessment so far. */
  attempts: /* @__PURE__ */ z.int().check(z.gte(0)),
  /** Attempts left; null when the course allows any number, or has no assessment. */
  attemptsLeft: z.nullable(/* @__PURE__ */ z.int().check(z.gte(0))),
  /** When the assessment was passed; null until then (a course completes once its modules are done too). */
  passedAt: z.nullable(Timestamp),
  /** The best score so far, in percent; null before the first attempt. */
  bestScore: z.nullable(/* @__PURE__ */ z.number().check(z.gte(0), z.lte(100))),
  /** The certificate completing the course issued (or renewed); null otherwise. */
  certificateId: z.nullable(Id),
  enrolledAt: Timestamp,
  completedAt: z.nullable(Timestamp),
  updatedAt: Timestamp,
});
export type Enrolment = z.infer<typeof Enrolment>;

/** Body of `POST /v1/enrolments`. */
export const EnrolmentInput = /* @__PURE__ */ z.strictObject({ courseId: Id, personId: Id });
export type EnrolmentInput = z.infer<typeof EnrolmentInput>;

/** Body of `POST /v1/enrolments/{id}/progress`: a module done. */
export const EnrolmentProgressInput = /* @__PURE__ */ z.strictObject({ moduleId: Id });
export type EnrolmentProgressInput = z.infer<typeof EnrolmentProgressInput>;

/** Body of `POST /v1/enrolments/{id}/transitions`. */
export const EnrolmentTransitionInput = /* @__PURE__ */ z.strictObject({
  to: EnrolmentStatus,
  reason: z.optional(text(1000)),
});
export type EnrolmentTransitionInput = z.infer<typeof EnrolmentTransitionInput>;

/** One question's answer: the choices picked. */
export const AttemptAnswer = /* @__PURE__ */ z.strictObject({
  questionId: Id,
  choiceIds: /* @__PURE__ */ z.array(Id).check(z.maxLength(10)),
});
export type AttemptAnswer = z.infer<typeof AttemptAnswer>;

/** Body of `POST /v1/enrolments/{id}/attempts`: the answers; a question left out counts as wrong. */
export const AttemptInput = /* @__PURE__ */ z.strictObject({
  answers: /* @__PURE__ */ z.array(AttemptAnswer).check(z.maxLength(100)),
});
export type AttemptInput = z.infer<typeof AttemptInput>;

/**
 * Answer of `POST /v1/enrolments/{id}/attempts`: the score, scored by the backend. It says how
 * many answers were correct, not which, so an attempt's answer does not give the key away.
 */
export const AttemptResult = /* @__PURE__ */ z.object({
  id: Id,
  enrolmentId: Id,
  /** 1 for the first attempt. */
  number: /* @__PURE__ */ z.int().check(z.gte(1)),
  correct: /* @__PURE__ */ z.int().check(z.gte(0)),
  total: /* @__PURE__ */ z.int().check(z.gte(1)),
  /** `correct` of `total`, in percent, rounded to one decimal. */
  score: /* @__PURE__ */ z.number().check(z.gte(0), z.lte(100)),
  passMark: /* @__PURE__ */ z.int().check(z.gte(1), z.lte(100)),
  passed: z.boolean(),
  attemptsLeft: z.nullable(/* @__PURE__ */ z.int().check(z.gte(0))),
  /** The certificate passing issued or renewed; null otherwise. */
  certificateId: z.nullable(Id),
  submittedAt: Timestamp,
  /** The enrolment after the attempt. */
  enrolment: Enrolment,
});
export type AttemptResult = z.infer<typeof AttemptResult>;

// ---------------------------------------------------------------------------------------------
// Certificates: certifications held by people

export const Certificate = /* @__PURE__ */ z.object({
  id: Id,
  certificationId: Id,
  personId: Id,
  partnerId: Id,
  source: CertificateSource,
  /** The id the LMS gave it; null unless `source` is `lms`. */
  externalId: z.nullable(text(200)),
  /** The course whose completion issued it; null when recorded. */
  courseId: z.nullable(Id),
  issuedAt: Timestamp,
  /** When it stops being valid; null: never. */
  expiresAt: z.nullable(Timestamp),
  /** When it was last renewed; null: never. */
  renewedAt: z.nullable(Timestamp),
  renewals: /* @__PURE__ */ z.int().check(z.gte(0)),
  /** At the backend's clock when answered. */
  status: CertificateStatus,
  updatedAt: Timestamp,
});
export type Certificate = z.infer<typeof Certificate>;

/** Body of `POST /v1/certificates` (admin, or an LMS with an admin key). */
export const CertificateInput = /* @__PURE__ */ z.strictObject({
  certificationId: Id,
  personId: Id,
  /** `admin` unless given; `lms` needs `externalId`. */
  source: z.optional(z.enum(['admin', 'lms'])),
  externalId: z.optional(text(200)),
  /** Defaults to now. */
  issuedAt: z.optional(Timestamp),
  /** Defaults to `issuedAt` plus the certification's validity. */
  expiresAt: z.optional(z.nullable(Timestamp)),
});
export type CertificateInput = z.infer<typeof CertificateInput>;

/** Body of `POST /v1/certificates/{id}/renewal`. */
export const CertificateRenewalInput = /* @__PURE__ */ z.strictObject({
  /** Defaults to the later of now and the current expiry, plus the certification's validity. */
  expiresAt: z.optional(z.nullable(Timestamp)),
});
export type CertificateRenewalInput = z.infer<typeof CertificateRenewalInput>;

// ---------------------------------------------------------------------------------------------
// Tier certification requirements and a partner's standing

/** "`count` people certified in `certificationId`". */
export const CertificationRequirement = /* @__PURE__ */ z.object({
  certificationId: Id,
  count: /* @__PURE__ */ z.int().check(z.gte(1), z.lte(1000)),
});
export type CertificationRequirement = z.infer<typeof CertificationRequirement>;

/** The certifications a tier requires of its partners. */
export const TierCertificationRequirements = /* @__PURE__ */ z.object({
  tierId: Id,
  requirements: z.array(CertificationRequirement),
  updatedAt: z.nullable(Timestamp),
});
export type TierCertificationRequirements = z.infer<typeof TierCertificationRequirements>;

/** Body of `PUT /v1/tiers/{id}/certification-requirements`: the whole list. */
export const TierCertificationRequirementsInput = /* @__PURE__ */ z.strictObject({
  requirements: /* @__PURE__ */ z.array(z.strictObject({ certificationId: Id, count: CertificationRequirement.shape.count })).check(z.maxLength(50)),
});
export type TierCertificationRequirementsInput = z.infer<typeof TierCertificationRequirementsInput>;

/** One requirement checked against the partner's valid certificates. */
export const CertificationRequirementCheck = /* @__PURE__ */ z.object({
  certificationId: Id,
  required: /* @__PURE__ */ z.int().check(z.gte(1)),
  /** People holding a valid certificate of it. */
  held: /* @__PURE__ */ z.int().check(z.gte(0)),
  /** How many more people need it; 0 when met. */
  missing: /* @__PURE__ */ z.int().check(z.gte(0)),
  met: z.boolean(),
});
export type CertificationRequirementCheck = z.infer<typeof CertificationRequirementCheck>;

/** A tier's certification requirements checked for one partner. */
export const TierCertificationCheck = /* @__PURE__ */ z.object({
  tierId: Id,
  met: z.boolean(),
  requirements: z.array(CertificationRequirementCheck),
});
export type TierCertificationCheck = z.infer<typeof TierCertificationCheck>;

/**
 * Certificates expiring before `before` would leave the partner short of its tier's requirement:
 * "2 certifications expire before 2027-02-01; Silver needs 2".
 */
export const CertificationExpiryWarning = /* @__PURE__ */ z.object({
  tierId: Id,
  certificationId: Id,
  required: /* @__PURE__ */ z.int().check(z.gte(1)),
  held: /* @__PURE__ */ z.int().check(z.gte(0)),
  /** Valid certificates that expire before `before` and are not otherwise covered. */
  expiring: /* @__PURE__ */ z.int().check(z.gte(1)),
  /** The first day the partner falls short. */
  shortOn: CalendarDate,
  /** The end of the warning horizon. */
  before: CalendarDate,
});
export type CertificationExpiryWarning = z.infer<typeof CertificationExpiryWarning>;

/** Answer of `GET /v1/partners/{id}/enablement`: the partner's certifications against its tiers. */
export const PartnerEnablement = /* @__PURE__ */ z.object({
  partnerId: Id,
  /** The instant it was computed at, on the backend's clock. */
  asOf: Timestamp,
  /** People holding at least one valid certificate. */
  certifiedStaff: /* @__PURE__ */ z.int().check(z.gte(0)),
  /** The tier the partner holds and the one above it; null where there is none. */
  tierId: z.nullable(Id),
  nextTierId: z.nullable(Id),
  /** Every tier with certification requirements, by rank. */
  tiers: z.array(TierCertificationCheck),
  /** Expiries within the horizon that would leave the partner short of its tier. */
  warnings: z.array(CertificationExpiryWarning),
});
export type PartnerEnablement = z.infer<typeof PartnerEnablement>;
