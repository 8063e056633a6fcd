/**
 * Partner applications: a company asking to join the programme, and its way through screening,
 * interview and due diligence to a decision.
 * @module
 */
import * as z from 'zod/mini';
import { CountryCode, EmailAddress, HttpUrl, Id, LanguageTag, PersonRef, Timestamp, text } from './common.js';
import { ApplicationReceipt, CompanySize } from './application-form.js';
import { DomainName } from './domain-name.js';
import { PartnerType } from './partner-type.js';
import { PhoneNumber } from './phone-number.js';

export const APPLICATION_STATUSES = ['submitted', 'screening', 'interview', 'due_diligence', 'approved', 'declined', 'on_hold', 'withdrawn'] as const;
/** A stage of the application lifecycle (core's `APPLICATION_TRANSITIONS` has the moves). */
export const ApplicationStatus = /* @__PURE__ */ z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const APPLICATION_CHANNELS = ['public_form', 'partner_referral', 'manager_invite'] as const;
/** How the application came in: the public form, referred by a partner, or invited by a manager. */
export const ApplicationChannel = /* @__PURE__ */ z.enum(APPLICATION_CHANNELS);
export type ApplicationChannel = z.infer<typeof ApplicationChannel>;

/** Why an application was declined, put on hold or withdrawn. */
export const APPLICATION_REASON_CODES = ['not_a_fit', 'knocked_out', 'incomplete', 'duplicate', 'no_capacity', 'applicant_request', 'other'] as const;
export const ApplicationReasonCode = /* @__PURE__ */ z.enum(APPLICATION_REASON_CODES);
export type ApplicationReasonCode = z.infer<typeof ApplicationReasonCode>;

/** Who moves an application: vendor principals, or the applicant through the public form. */
export const APPLICATION_ACTORS = ['admin', 'manager', 'applicant'] as const;
export const ApplicationActor = /* @__PURE__ */ z.enum(APPLICATION_ACTORS);
export type ApplicationActor = z.infer<typeof ApplicationActor>;

/** The earliest and latest founding year accepted. */
export const FOUNDED_YEAR_MIN = 1800;
export const FOUNDED_YEAR_MAX = 2100;

// Field objects are spread into the schemas that share them, never passed to zod, so a bundler
// can still drop each schema nobody uses.
const companyFields = {
  name: text(200),
  website: z.nullable(HttpUrl),
  /** The company's web domains; the backend adds the website's. Duplicates are matched on them. */
  domains: /* @__PURE__ */ z.array(DomainName).check(z.maxLength(10)),
  country: CountryCode,
  region: z.nullable(text(100)),
  size: CompanySize,
  foundedYear: z.nullable(/* @__PURE__ */ z.int().check(z.gte(FOUNDED_YEAR_MIN, `must be a year from ${FOUNDED_YEAR_MIN} on`), z.lte(FOUNDED_YEAR_MAX, `must be a year up to ${FOUNDED_YEAR_MAX}`))),
};

/** The applying company. */
export const ApplicationCompany = /* @__PURE__ */ z.object({ ...companyFields });
export type ApplicationCompany = z.infer<typeof ApplicationCompany>;

const contactFields = {
  name: text(200),
  email: EmailAddress,
  phone: z.nullable(PhoneNumber),
  title: z.nullable(text(200)),
};

/** The person the vendor talks to about the application. */
export const ApplicationContact = /* @__PURE__ */ z.object({ ...contactFields });
export type ApplicationContact = z.infer<typeof ApplicationContact>;

const referenceFields = {
  company: text(200),
  contactName: z.nullable(text(200)),
  contactEmail: z.nullable(EmailAddress),
};

/** A customer or vendor the applicant names as a reference. */
export const ApplicationReference = /* @__PURE__ */ z.object({ ...referenceFields });
export type ApplicationReference = z.infer<typeof ApplicationReference>;

const capabilityFields = {
  /** Countries the company sells or delivers in (1-100). */
  markets: /* @__PURE__ */ z.array(CountryCode).check(z.minLength(1, 'must name at least one market'), z.maxLength(100)),
  /** Industries it serves. */
  industries: /* @__PURE__ */ z.array(text(100)).check(z.maxLength(20)),
  /** Technical staff (engineers, consultants, support) it employs. */
  technicalStaff: /* @__PURE__ */ z.int().check(z.gte(0, 'must not be negative'), z.lte(1_000_000)),
  /** Certifications the company or its staff hold. */
  certifications: /* @__PURE__ */ z.array(text(200)).check(z.maxLength(50)),
  /** Experience with similar products and programmes. */
  experience: z.nullable(text(5000)),
  /** References, at most five. */
  references: /* @__PURE__ */ z.array(ApplicationReference).check(z.maxLength(5)),
  /** Why the company wants to partner with the vendor. */
  whyUs: text(5000),
};

/** What the company brings: markets and industries covered, experience and references, technical staff, why us. */
export const ApplicationCapabilities = /* @__PURE__ */ z.object({ ...capabilityFields });
export type ApplicationCapabilities = z.infer<typeof ApplicationCapabilities>;

/**
 * An answer to one of the programme's questions: text (`short_text`, `long_text`, an option's
 * value for `single_choice`), option values (`multiple_choice`), a number, or yes/no.
 */
export const AnswerValue = /* @__PURE__ */ z.union([
  /* @__PURE__ */ z.string().check(z.maxLength(5000)),
  /* @__PURE__ */ z.array(z.string().check(z.maxLength(64))).check(z.maxLength(50)),
  /* @__PURE__ */ z.number().check(z.gte(-1e12), z.lte(1e12)),
  z.boolean(),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** Answers by question id. Core's `checkAnswers` checks them against the form. */
export const ApplicationAnswers = /* @__PURE__ */ z.record(Id, AnswerValue);
export type ApplicationAnswers = z.infer<typeof ApplicationAnswers>;

/** What the applicant consented to, and when. */
export const ApplicationConsentRecord = /* @__PURE__ */ z.object({
  acceptedAt: Timestamp,
  /** The consent text as the applicant saw it (in their language). */
  text: text(2000),
  language: z.nullable(LanguageTag),
});
export type ApplicationConsentRecord = z.infer<typeof ApplicationConsentRecord>;

/** Where the application came from. */
export const ApplicationSource = /* @__PURE__ */ z.object({
  channel: ApplicationChannel,
  /** The partner that referred the applicant (`partner_referral`). */
  referrerPartnerId: z.nullable(Id),
  /** A referral code the public form carried (`?ref=`), as given; the vendor interprets it. */
  referralCode: z.nullable(text(100)),
  /** The manager who invited the applicant (`manager_invite`). */
  invitedBy: z.nullable(PersonRef),
});
export type ApplicationSource = z.infer<typeof ApplicationSource>;

/** Why two records look like the same company: a shared registrable domain, or alike names. */
export const MatchReason = /* @__PURE__ */ z.enum(['domain', 'name']);
export type MatchReason = z.infer<typeof MatchReason>;

/** An existing partner or another open application that looks like the same company. */
export const ApplicationDuplicate = /* @__PURE__ */ z.object({
  kind: z.enum(['partner', 'application']),
  id: Id,
  /** The partner's name, or the other application's company name. */
  name: text(200),
  /** The other application's number; `null` for a partner. */
  number: z.nullable(text(40)),
  match: MatchReason,
});
export type ApplicationDuplicate = z.infer<typeof ApplicationDuplicate>;

export const ApplicationHistoryEntry = /* @__PURE__ */ z.object({
  at: Timestamp,
  from: z.nullable(ApplicationStatus),
  to: ApplicationStatus,
  by: z.object({ role: ApplicationActor, id: z.nullable(text(200)), name: z.nullable(text(200)) }),
  reason: z.nullable(text(2000)),
  reasonCode: z.nullable(ApplicationReasonCode),
  /** True when the applicant was told of the move (a decline with `notifyApplicant`). */
  notifiedApplicant: z.boolean(),
});
export type ApplicationHistoryEntry = z.infer<typeof ApplicationHistoryEntry>;

export const Application = /* @__PURE__ */ z.object({
  id: Id,
  /** Human-facing application number, such as `APP-000123`. */
  number: text(40),
  status: ApplicationStatus,
  partnerType: PartnerType,
  company: ApplicationCompany,
  contact: ApplicationContact,
  capabilities: ApplicationCapabilities,
  answers: ApplicationAnswers,
  consent: ApplicationConsentRecord,
  source: ApplicationSource,
  /** The applicant's language, for what the vendor sends them. */
  locale: z.nullable(LanguageTag),
  /** The partner created when the application was approved. */
  partnerId: z.nullable(Id),
  submittedAt: Timestamp,
  /** When the application entered its current stage. */
  stageEnteredAt: Timestamp,
  /** When it was approved, declined or withdrawn. */
  decidedAt: z.nullable(Timestamp),
  /** The reason code and reason of the latest move that had them. */
  reasonCode: z.nullable(ApplicationReasonCode),
  reason: z.nullable(text(2000)),
  /** How many reviewers have submitted an evaluation (their scores are read through the evaluations). */
  evaluationCount: /* @__PURE__ */ z.int().check(z.gte(0)),
  /** Existing partners and open applications that look like the same company. */
  duplicates: z.array(ApplicationDuplicate),
  /** Every move, oldest first, starting with the submission. */
  history: z.array(ApplicationHistoryEntry),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Application = z.infer<typeof Application>;

/**
 * Body of `POST /v1/applications`. From the public form (a publishable key) it needs the
 * `formToken` of `GET /v1/application-form` and an empty `honeypot`; vendor principals may name
 * a `source` instead.
 */
export const ApplicationInput = /* @__PURE__ */ z.strictObject({
  partnerType: PartnerType,
  company: /* @__PURE__ */ z.strictObject({
    ...companyFields,
    website: z.optional(companyFields.website),
    domains: z.optional(companyFields.domains),
    region: z.optional(companyFields.region),
    foundedYear: z.optional(companyFields.foundedYear),
  }),
  contact: /* @__PURE__ */ z.strictObject({
    ...contactFields,
    phone: z.optional(contactFields.phone),
    title: z.optional(contactFields.title),
  }),
  capabilities: /* @__PURE__ */ z.strictObject({
    ...capabilityFields,
    industries: z.optional(capabilityFields.industries),
    certifications: z.optional(capabilityFields.certifications),
    experience: z.optional(capabilityFields.experience),
    references: z.optional(/* @__PURE__ */ z.array(z.strictObject({ ...referenceFields, contactName: z.optional(referenceFields.contactName), contactEmail: z.optional(referenceFields.contactEmail) })).check(z.maxLength(5))),
  }),
  answers: z.optional(ApplicationAnswers),
  /** Must be `true`: the applicant agrees to the form's consent text. */
  consent: z.literal(true, 'must be true: the applicant agrees to the consent text'),
  /** The applicant's language (the form's); the consent text is recorded in it. */
  locale: z.optional(LanguageTag),
  referralCode: z.optional(z.nullable(text(100))),
  /** The `formToken` of `GET /v1/application-form`; required with a publishable key. */
  formToken: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(1000))),
  /** A field people never see, left empty; bots fill it. Sent non-empty, the application is refused. */
  honeypot: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(1000))),
  /** Vendor principals only: a referral by a partner, or an invitation by the calling manager. */
  source: z.optional(
    /* @__PURE__ */ z.strictObject({
      channel: z.enum(['partner_referral', 'manager_invite']),
      referrerPartnerId: z.optional(Id),
    }),
  ),
});
export type ApplicationInput = z.input<typeof ApplicationInput>;

/** Answer of `POST /v1/applications`: the application for vendor principals, the receipt for a publishable key. */
export const ApplicationCreated = /* @__PURE__ */ z.union([Application, ApplicationReceipt]);
export type ApplicationCreated = z.infer<typeof ApplicationCreated>;

/**
 * Body of `POST /v1/applications/{id}/transitions`. Declining, putting on hold and withdrawing
 * need a `reason`; a decline may notify the applicant, with a message of its own.
 */
export const ApplicationTransitionInput = /* @__PURE__ */ z.strictObject({
  to: ApplicationStatus,
  /** Why; kept in the history, never shown to the applicant. */
  reason: z.optional(text(2000)),
  reasonCode: z.optional(ApplicationReasonCode),
  /** Tell the applicant (declines only): the backend emits the event a mailer sends from. */
  notifyApplicant: z.optional(z.boolean()),
  /** What the applicant is told, with `notifyApplicant`; a standard text when absent. */
  applicantMessage: z.optional(text(2000)),
});
export type ApplicationTransitionInput = z.infer<typeof ApplicationTransitionInput>;

/** How many applications are in one stage. */
export const PipelineStage = /* @__PURE__ */ z.object({
  status: ApplicationStatus,
  count: /* @__PURE__ */ z.int().check(z.gte(0)),
});
export type PipelineStage = z.infer<typeof PipelineStage>;

/** Answer of `GET /v1/applications/pipeline`: every stage in lifecycle order with its count, and the total. */
export const ApplicationPipeline = /* @__PURE__ */ z.object({
  stages: z.array(PipelineStage),
  total: /* @__PURE__ */ z.int().check(z.gte(0)),
});
export type ApplicationPipeline = z.infer<typeof ApplicationPipeline>;
