/**
 * The contract's zod schemas as named OpenAPI components. Every schema the schemas module exports
 * becomes `#/components/schemas/<ExportName>`, so the document and the TypeScript API share one
 * vocabulary, and any schema used twice is a `$ref`, never an inline copy.
 * @module
 */
import * as z from 'zod/mini';
import * as contract from '../schemas/index.js';
import type { JsonSchema } from './types.js';

/** Where components live in the document. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

/** `{ $ref }` to a named component schema. */
export const schemaRef = (name: string): JsonSchema => ({ $ref: `${SCHEMA_REF_PREFIX}${name}` });

type ContractExports = typeof contract;
type SchemaExportName = {
  [K in keyof ContractExports]: ContractExports[K] extends z.core.$ZodType ? K : never;
}[keyof ContractExports];

/** Query schemas become parameters, not components. */
export type QueryName = Extract<SchemaExportName, `${string}Query`>;
type ContractComponentName = Exclude<SchemaExportName, QueryName>;

/** Page envelopes for the lists; the contract builds them with `page(item)`. */
export const pageSchemas = {
  PartnerPage: contract.page(contract.Partner),
  TierPage: contract.page(contract.Tier),
  KpiPage: contract.page(contract.Kpi),
  TargetPage: contract.page(contract.Target),
  MeasurementPage: contract.page(contract.Measurement),
  DealPage: contract.page(contract.Deal),
  PlanSummaryPage: contract.page(contract.PlanSummary),
  PlanObjectivePage: contract.page(contract.PlanObjective),
  PlanRevisionPage: contract.page(contract.PlanRevision),
  CertificationPage: contract.page(contract.Certification),
  CoursePage: contract.page(contract.Course),
  PersonPage: contract.page(contract.Person),
  EnrolmentPage: contract.page(contract.Enrolment),
  CertificatePage: contract.page(contract.Certificate),
  TierCertificationRequirementsPage: contract.page(contract.TierCertificationRequirements),
  AnnouncementReadPage: contract.page(contract.AnnouncementRead),
  PartnerRequestSummaryPage: contract.page(contract.PartnerRequestSummary),
  EventPage: contract.page(contract.EventEnvelope),
  AgreementPage: contract.page(contract.Agreement),
  AgreementVersionPage: contract.page(contract.AgreementVersion),
  PartnerAgreementPage: contract.page(contract.PartnerAgreement),
  AcceptancePage: contract.page(contract.Acceptance),
  ApplicationPage: contract.page(contract.Application),
  SelectionCriterionPage: contract.page(contract.SelectionCriterion),
  PublishableKeyPage: contract.page(contract.PublishableKey),
} as const;

export type ComponentName = ContractComponentName | keyof typeof pageSchemas;

/**
 * One line per component. Typed against the schemas module's exports, so a new schema does not
 * compile until it is described here.
 */
const componentDescriptions: Record<ComponentName, string> = {
  Id: 'An opaque identifier: 1-128 letters, digits, `_`, `-`, `.` or `:`. Never parse it.',
  Timestamp: 'An ISO-8601 timestamp in UTC, such as `2026-11-30T12:00:00.000Z`.',
  CalendarDate: 'A calendar date without a time, such as `2026-12-31`.',
  CurrencyCode: 'An ISO 4217 currency code, such as `USD` or `VND`.',
  CountryCode: 'An ISO 3166-1 alpha-2 country code, such as `VN` or `DE`.',
  LanguageTag: 'A BCP 47 language tag, such as `en`, `vi` or `en-GB`.',
  Money: 'An amount in minor units of its currency: `{ "amount": 1250, "currency": "USD" }` is 12.50 USD.',
  Period: 'A reporting period: a month (`2026-07`), a quarter (`2026-Q3`), a half-year (`2026-H1`) or a year (`2026`). Always UTC.',
  MonthPeriod: 'A month (`2026-07`): the grain at which measurements are recorded.',
  HttpUrl: 'An absolute `http:` or `https:` URL, at most 2048 characters. No other scheme is accepted.',
  IdempotencyKey: 'The value of the `Idempotency-Key` header: 1-255 visible ASCII characters, unique per intended write (a UUID is a good choice).',
  EmailAddress: 'An e-mail address, at most 320 characters.',
  PersonRef: 'A person as the contract refers to them: a submitter, an approver, a channel manager.',
  PartnerType: 'How a partner goes to market.',
  PartnerStatus: 'Where a partner is in its relationship with the vendor.',
  DomainName: 'A web domain without scheme or path, such as `example.co.uk`.',
  Partner: 'An outside company in the vendor\'s partner programme.',
  PartnerInput: 'Body of `createPartner`. Unknown fields are rejected.',
  PartnerPatch: 'Body of `updatePartner`: any subset of the writable fields. Unknown fields are rejected.',
  TierRequirement: 'One qualification rule of a tier: the KPI must reach `min` (over `window` trailing months when given).',
  TierTranslation: 'A tier\'s `name` in one language: an entry of `Tier.translations`.',
  TierBenefitTranslation: 'A benefit\'s `label` and `value` in one language: an entry of `TierBenefit.translations`.',
  KpiTranslation: 'A KPI\'s `name` and `description` in one language: an entry of `Kpi.translations`.',
  ResourceTranslation: 'A resource\'s `title` and `description` in one language: an entry of `Resource.translations`.',
  TierBenefit: 'One benefit a tier grants, such as a discount or market development funds.',
  Tier: 'A level of the partner programme. Rank 1 is the lowest; lists are ordered by rank.',
  TierInput: 'Body of `upsertTier`: the whole tier, created or replaced.',
  KpiUnit: 'What a KPI counts. `currency` values are in minor units of the KPI\'s currency; `percent` values are percentages (`87.5` is 87.5 %).',
  KpiDirection: 'Whether more is better (revenue) or less is better (time to close).',
  KpiAggregation: 'How monthly measurements combine into a quarter, a half or a year.',
  Kpi: 'A key performance indicator the programme measures partners by.',
  KpiInput: 'Body of `upsertKpi`: the whole KPI, created or replaced. A `currency` KPI needs a `currency`.',
  Target: 'A partner\'s own target for one KPI and period. It overrides the tier requirement on the scorecard.',
  TargetInput: 'One target to store, keyed by (KPI, period).',
  TargetsInput: 'Body of `upsertTargets`: targets upserted by (KPI, period).',
  TargetsResult: 'Answer of `upsertTargets`: the targets as stored.',
  Measurement: 'One KPI value of one partner for one month.',
  MeasurementInput: 'One measurement to store, keyed by (partner, KPI, month).',
  MeasurementBatch: 'Body of `ingestMeasurements`: 1-1000 measurements upserted by (partner, KPI, month).',
  MeasurementBatchResult: 'Answer of `ingestMeasurements`: how many measurements were written.',
  ScorecardStatus: 'How a KPI stands against its target.',
  TrendPoint: 'A KPI\'s value in one earlier period; `null` when there was no data.',
  ScorecardRow: 'One KPI of a scorecard: actual against target, attainment, status and trend.',
  RequirementCheck: 'One tier requirement checked against the partner\'s numbers.',
  KpiSource: 'Where a KPI\'s values come from: `measurements` written through `ingestMeasurements`, or `certified_staff`, computed by the backend from the partner\'s valid certificates (people holding at least one); writes for a computed KPI answer 409 `kpi_computed`.',
  CertificationCheck: 'One certification requirement of a tier checked against the partner\'s valid certificates, with the certification\'s name: "1 more person certified in Technical Implementation".',
  CertificationExpiry: 'Certificates expiring within 60 days that would leave the partner short of its current tier\'s certification requirement: "2 certifications expire before 2027-02-01; Silver needs 2".',
  CertificationNameTranslation: 'A certification\'s `name` in one language: an entry of `CertificationCheck.translations`.',
  TierStanding: 'Where the partner stands in the tier ladder, and why.',
  Scorecard: 'A partner\'s scorecard for one period, computed with the same rules the widgets use.',
  DealStatus: 'A state of the deal registration lifecycle.',
  DealType: 'The kind of registration: the partner resells, refers, or sells together with the vendor.',
  DealReasonCode: 'Why a deal was closed without being won.',
  MatchReason: 'Why two records look like the same company: `domain` for a shared registrable domain, `name` for company names alike enough.',
  ConflictReason: 'Why a customer is not free to register. Never names who holds it.',
  Role: 'The kind of principal behind a token.',
  DealCustomer: 'The end customer of a deal. `domain` is normalised by the backend for conflict checks.',
  PhoneNumber: 'A phone number as people write it: digits, spaces, `( ) . -` and an optional leading `+`.',
  DealContact: 'The customer-side contact of a deal.',
  DealHistoryEntry: 'One move of a deal through its lifecycle, with who made it and why.',
  Deal: 'A deal registration: a partner\'s claim on an opportunity, its status, protection window and history.',
  DealInput: 'Body of `registerDeal`. A partner session registers for its own partner; a manager or admin names `partnerId`.',
  DealTransitionInput: 'Body of `transitionDeal`: the state to move to, and the reason when the move needs one.',
  DealCheckInput: 'Body of `checkDeal`: the customer to check.',
  DealCheckResult: 'Answer of `checkDeal`: whether the customer is free to register, and if not, a reason code only.',
  ResourceType: 'The kind of a library item.',
  ResourceSort: 'Orders of the resource list: newest first, by title, or most opened first.',
  Resource: 'An item of the partner resource library. Items the caller may not open come back `locked`, without `url`.',
  ResourceTag: 'A library tag: 1-50 letters, digits, spaces, `_` or `-`, starting with a letter or digit.',
  ResourceInput: 'Body of `createResource`.',
  ResourcePatch: 'Body of `updateResource`: any subset of the writable fields.',
  ResourceOpenResult: 'Answer of `openResource`: the URL to open.',
  ResourceFacets: 'Counts per facet value over the whole filtered result, not just the page.',
  ResourcePage: 'A page of resources, with the total and the facet counts of the whole filtered result.',
  RichTextListStyle: 'How a rich-text list marks its items: bullets or numbers.',
  RichTextHref: 'A rich-text link target: an absolute `http:` or `https:` URL without a user name or password.',
  RichTextSpan: 'A run of plain text, optionally bold, italic or a link (`href`). Whitespace is kept as written; the text is never read as markup.',
  RichTextHeading: 'A rich-text heading. Level 1 is the document\'s top level; a reader maps levels below its own headings.',
  RichTextParagraph: 'A rich-text paragraph.',
  RichTextListItem: 'One item of a rich-text list. `indent` nests it (0-2): an item goes at most one level deeper than the one before.',
  RichTextList: 'A bulleted or numbered rich-text list; items nest by their `indent`.',
  RichTextBlock: 'One block of a rich-text document: a heading, a paragraph or a list.',
  RichText: 'Rich text as data: headings, paragraphs and lists of plain-text spans (bold, italic, http(s) links). Never HTML; readers render it themselves.',
  RichTextSpanInput: 'A rich-text span in a request body (unknown fields refused).',
  RichTextHeadingInput: 'A rich-text heading in a request body.',
  RichTextParagraphInput: 'A rich-text paragraph in a request body.',
  RichTextListItemInput: 'A rich-text list item in a request body.',
  RichTextListInput: 'A rich-text list in a request body.',
  RichTextBlockInput: 'A rich-text block in a request body.',
  RichTextInput: 'A rich-text document in a request body: the shape of `RichText`, unknown fields refused. At most 1000 blocks and 100,000 characters of text.',
  PlanSide: 'A side of a joint business plan: the vendor (managers and admin keys) or the partner (its users).',
  PlanStatus: 'Where a plan stands: `draft` while written, `proposed` until both sides agreed to the current version, `agreed` when both did.',
  ObjectiveKind: '`measured`: progress comes from a KPI\'s measurements; `milestone`: done or not.',
  ObjectiveStatus: 'How an objective or plan stands, computed by the backend with core\'s rules from measurements, due dates and the time elapsed; never typed by hand.',
  PlanPeriod: 'The period of a plan: a quarter (`2026-Q3`), a half-year (`2026-H1`) or a year (`2026`).',
  PlanPerson: 'The person who owns an objective or an activity, as the owning side names them.',
  PlanActor: 'Who did something to a plan, as the backend read it from the verified session.',
  PlanStamp: 'Who did something, and when.',
  PlanAgreement: 'One side\'s agreement to a plan: who, when, and the version agreed to.',
  PlanAgreements: 'Each side\'s agreement to the current version; `null` where a side has not agreed to it.',
  PlanSourceType: 'What kind of thing an objective came from: a lowercase word such as `review`.',
  PlanPersonInput: 'A person named in a request body: the owner of an objective or an activity.',
  PlanSourceInput: 'Where an objective comes from, in a request body.',
  ObjectiveMeasureInput: 'The KPI and target of a measured objective, in a request body. The KPI must exist.',
  PlanSource: 'Where an objective came from when another part of the programme added it, such as a review\'s action item.',
  PlanActivity: 'What one side does towards an objective: a campaign, a training, a joint call.',
  PlanComment: 'A comment on an objective from either side, kept as written.',
  ObjectiveProgress: 'An objective\'s progress at the plan\'s `asOf`, computed with core\'s `objectiveProgress`.',
  ObjectiveMeasure: 'The KPI and target of a measured objective; the target is in the KPI\'s unit (minor units for a currency KPI).',
  PlanObjective: 'An objective of a joint business plan, with its activities, comments and progress. Its id is stable across revisions.',
  PlanStatusCounts: 'How many objectives of a plan are in each status.',
  PlanProgress: 'A plan\'s progress, rolled up from its objectives\' with core\'s `planProgress`.',
  PlanAction: 'A step of a plan\'s lifecycle in its history.',
  PlanHistoryEntry: 'One step of a plan\'s lifecycle: who, when, at which revision and version, and the status after it.',
  Plan: 'A partner\'s joint business plan for one period: objectives owned by either side, their activities, comments and progress, and each side\'s agreement.',
  PlanSummary: 'A plan as lists show it, without its objectives and history.',
  PlanActivitySnapshot: 'An activity as an agreed revision keeps it.',
  PlanObjectiveSnapshot: 'An objective as an agreed revision keeps it: what was agreed, without progress, completion or comments.',
  PlanRevision: 'A revision of a plan both sides agreed to, kept readable after the plan moved on.',
  PlanInput: 'Body of `putPlan`: starts the plan for the period, or renames it.',
  PlanTransitionInput: 'Body of `transitionPlan`: propose, agree, or send back for changes (with a reason), naming the version read.',
  PlanActivityInput: 'Body of `addPlanActivity`. `side` defaults to the caller\'s side.',
  PlanActivityPatch: 'Body of `updatePlanActivity`: any subset; `done` marks the activity done or not done.',
  PlanObjectiveInput: 'Body of `addPlanObjective`. `side` defaults to the caller\'s side, `dueDate` to the last day of the period; `measure` is required for a measured objective and not allowed for a milestone.',
  PlanObjectivePatch: 'Body of `updatePlanObjective`: any subset; `measure` applies to a measured objective, `done` to a milestone.',
  PlanCommentInput: 'Body of `addPlanComment`.',
  SessionInput: 'Body of `createSession`. `partnerId` is required for a partner session and not allowed for a manager session.',
  SessionToken: 'A signed, short-lived session token and when it expires.',
  Principal: 'Who the caller is, as the backend read it from the verified token.',
  EventType: 'A dotted event type such as `deal.approved`. Types are open: new ones may appear.',
  EventEnvelope: 'The envelope every event shares: the event log, webhooks and the elements\' DOM events.',
  FieldError: 'One invalid field of a request: where (`path`, dotted) and what to do (`message`).',
  Problem: 'An RFC 9457 problem document: how every error of the contract is answered.',
  CriterionScore: 'One score on the 1-5 scale of a selection criterion.',
  CriterionLevelTranslation: 'A criterion level\'s `description` in one language.',
  CriterionLevel: 'What one score of a criterion\'s 1-5 scale means.',
  SelectionCriterionTranslation: 'A selection criterion\'s `name` and `description` in one language.',
  SelectionCriterion: 'What applicants are scored on: a weighted criterion on a 1-5 scale with a description of each level, an optional knock-out minimum, and the partner types it applies to.',
  SelectionCriterionInput: 'Body of `upsertSelectionCriterion`: the whole criterion, created or replaced.',
  QuestionKind: 'How a question of the application form is answered.',
  OptionValue: 'The machine value of a choice question\'s option: 1-64 lower-case letters, digits, `_` or `-`.',
  QuestionOptionTranslation: 'An option\'s `label` in one language.',
  QuestionOption: 'One option of a choice question.',
  ApplicationQuestionTranslation: 'A question\'s `label` and `help` in one language.',
  ApplicationQuestion: 'One of the programme\'s own questions on the application form.',
  OfferedPartnerTypeTranslation: 'An offered partner type\'s `description` in one language.',
  OfferedPartnerType: 'A partner type the programme recruits, with what it means in this programme.',
  ConsentTranslation: 'The consent text in one language.',
  ApplicationConsent: 'What an applicant agrees to by submitting, and the vendor\'s privacy notice.',
  ApplicationForm: 'The public application form: offered partner types, the programme\'s questions, the consent text, and a token to send back with the application.',
  ApplicationFormInput: 'Body of `updateApplicationForm`: the whole form.',
  ApplicationStatus: 'A stage of the application lifecycle.',
  CompanySize: 'How many people the applying company employs.',
  ApplicationChannel: 'How an application came in.',
  ApplicationReasonCode: 'Why an application was declined, put on hold or withdrawn.',
  ApplicationActor: 'Who made a move of an application: a vendor principal, or the applicant (the submission).',
  ApplicationCompany: 'The applying company.',
  ApplicationContact: 'The person the vendor talks to about the application.',
  ApplicationReference: 'A customer or vendor the applicant names as a reference.',
  ApplicationCapabilities: 'What the company brings: markets and industries covered, technical staff and certifications, experience and references, and why it wants to partner.',
  AnswerValue: 'An answer to one of the programme\'s questions: text, option values, a number, or yes/no.',
  ApplicationAnswers: 'Answers to the programme\'s questions, by question id.',
  ApplicationConsentRecord: 'What the applicant consented to (the text as shown, in their language), and when.',
  ApplicationSource: 'Where an application came from.',
  ApplicationDuplicate: 'An existing partner or another open application that looks like the same company (same registrable domain, or a company name alike enough).',
  ApplicationHistoryEntry: 'One move of an application, with who made it and why.',
  Application: 'A company\'s application to join the programme: what it told, where it came from, its stage and full history.',
  ApplicationInput: 'Body of `createApplication`.',
  ApplicationReceipt: 'The answer of `createApplication` to a publishable key: the application number only.',
  ApplicationCreated: 'The answer of `createApplication`: the whole application for a manager or admin, the receipt for a publishable key.',
  ApplicationTransitionInput: 'Body of `transitionApplication`: the stage to move to, the reason when the move needs one, and whether to tell the applicant.',
  PipelineStage: 'How many applications one stage holds.',
  ApplicationPipeline: 'Every stage in lifecycle order with its count, and the total.',
  Recommendation: 'What to do with an application: approve it, discuss it, or decline it.',
  EvaluationStatus: 'A draft evaluation may change; a submitted one is final.',
  EvaluationScore: 'One criterion\'s score, with the reviewer\'s note.',
  WeightedScore: 'A weighted score from 0 to 100, with one decimal.',
  Evaluation: 'One reviewer\'s evaluation of one application.',
  EvaluationInput: 'Body of `upsertEvaluation`: the caller\'s scores, recommendation and comment; `submit: true` makes it final.',
  CriterionSpread: 'How far the reviewers\' scores of one criterion lie apart, and whether the criterion knocks the applicant out.',
  SelectionThresholds: 'The weighted scores at which the summary recommends approval or declining.',
  SelectionThresholdsInput: 'Body of `updateSelectionThresholds`.',
  EvaluationSummary: 'What the submitted evaluations of an application add up to, computed with core\'s rules.',
  EvaluationList: 'The evaluations of an application the caller may see, and their summary once the caller has submitted.',
  WebOrigin: 'A web origin as browsers send it in `Origin`: scheme, host and port, no path.',
  PublishableKey: 'A key for a public page: it may read the application form and submit applications from the origins it lists.',
  PublishableKeyInput: 'Body of `createPublishableKey`.',
  PublishableKeyPatch: 'Body of `updatePublishableKey`: a new name, or a new list of allowed origins.',
  PartnerPage: 'A page of partners.',
  TierPage: 'A page of tiers, ordered by rank.',
  KpiPage: 'A page of KPI definitions.',
  TargetPage: 'A page of a partner\'s targets.',
  MeasurementPage: 'A page of a partner\'s measurements, oldest month first.',
  DealPage: 'A page of deal registrations, newest first.',
  EventPage: 'A page of events, oldest first.',
  AgreementGate: 'An operation an agreement can hold back until it is accepted: registering deals, or opening library resources.',
  AgreementStatus: '`active` agreements are asked of the partners they apply to; `retired` ones ask nobody and gate nothing.',
  AgreementTerm: 'How long an acceptance lasts: until a new version (`renews_yearly`, renewing on each anniversary), or `months` after it was given (`expires`).',
  AgreementTermInput: 'An agreement\'s term in a request body.',
  ContentHash: 'A content hash: `sha256:` and the lower-case hex SHA-256 of the content\'s canonical JSON (RFC 8785).',
  AgreementTranslation: 'An agreement\'s title in one language.',
  AgreementVersionRef: 'A version as its agreement lists it.',
  Agreement: 'An agreement partners accept click-through, in versions: who it applies to, what it gates and its term.',
  AgreementInput: 'Body of `createAgreement`. The text comes with the first version (`publishAgreementVersion`).',
  AgreementPatch: 'Body of `updateAgreement`: any subset of the settings, and `status` to retire an agreement.',
  AgreementVersionTranslation: 'A version\'s body in one language.',
  AgreementVersionTranslationInput: 'A version\'s body in one language, in a request body.',
  AgreementVersion: 'One published version of an agreement: its text, when it takes effect and its content hash. Never changes once published.',
  AgreementVersionInput: 'Body of `publishAgreementVersion`.',
  AcceptanceSigner: 'Who accepted: the partner session\'s user, with the full name and job title they gave.',
  Acceptance: 'A partner\'s acceptance of one agreement version: who, when, the version\'s content hash, the language read, and until when.',
  AcceptanceInput: 'Body of `acceptAgreement`: the version, the hash of the text shown, and who accepts.',
  PartnerAgreementStatus: 'Where a partner stands with an agreement: `accepted`, `to_accept`, `expiring` (within 30 days) or `expired`.',
  PartnerAgreement: 'One agreement as it stands for one partner: status, the version to accept or in force, the latest acceptance, and the gates it closes now.',
  RequiredAgreement: 'An agreement a gated operation waits for, as an `agreement_required` problem names it.',
  AgreementPage: 'A page of agreements, oldest first.',
  AgreementVersionPage: 'A page of an agreement\'s versions, latest to take effect first.',
  PartnerAgreementPage: 'A page of the agreements that apply to a partner, with where it stands on each.',
  AcceptancePage: 'A page of a partner\'s acceptances, newest first.',
  PlanSummaryPage: 'A page of a partner\'s plans, latest period first.',
  PlanObjectivePage: 'A page of plan objectives, earliest due date first.',
  PlanRevisionPage: 'A page of a plan\'s agreed revisions, oldest first.',
  AnnouncementReadPage: 'A page of an announcement\'s reads, latest first.',
  PartnerRequestSummaryPage: 'A page of requests, latest activity first (or earliest due first with `sort=due`).',
  AnnouncementCategory: 'What an announcement is about.',
  AnnouncementStatus: 'Where an announcement stands on the backend\'s clock: `scheduled` before `publishAt`, `published` from then, `expired` from `expiresAt`.',
  AnnouncementAudience:
    'Who sees an announcement: the partners named in `partnerIds`, and the segment the other lists describe (each non-empty list narrows it; regions compare without regard to case). All empty: every partner; only `partnerIds`: only those partners.',
  AnnouncementAudienceInput: 'An audience in a request body; a list left out is empty.',
  AnnouncementTranslation: 'An announcement\'s `title` and `body` in one language: an entry of `Announcement.translations`.',
  CommunicationActor: 'Who wrote or moved something, as the backend read it from the verified session (`system`: the backend\'s own clock).',
  AnnouncementReadStats: 'How an announcement is read, for the vendor: partners in the audience now, those with at least one reader, readers, and the rate.',
  Announcement:
    'A message from the vendor to an audience of partners. A partner session sees only published announcements whose audience includes it, with its own user\'s `readAt`; vendor principals see every announcement with its audience and read stats.',
  AnnouncementPage: 'A page of announcements, pinned first, then (for a partner) unread first, then newest first; with the partner user\'s unread count.',
  AnnouncementInput: 'Body of `createAnnouncement`. `publishAt` defaults to now; a later one schedules the announcement.',
  AnnouncementPatch: 'Body of `updateAnnouncement`: any subset. An `expiresAt` of now withdraws the announcement.',
  AnnouncementRead: 'One partner user\'s read of an announcement (vendor principals only).',
  RequestCategory: 'What a partner\'s request is about; each category has its own response targets.',
  RequestStatus: 'Where a request stands: `open` until the vendor first answers, `waiting_on_partner` or `waiting_on_vendor` as the turn passes, `resolved` (reopenable for 14 days), `closed` (final).',
  RequestReferenceType: 'What a request may refer to: a deal, an objective of a joint business plan, a review\'s action item.',
  RequestReference: 'The object a request is about.',
  RequestAttachment: 'A link attached to a message: a resource of the library (with its title) or an http(s) URL.',
  RequestAttachmentInput: 'A link to attach: `{ type: "resource", resourceId }` or `{ type: "url", url, label? }`.',
  RequestMessage: 'One message of a request\'s thread, from either side, kept as written.',
  RequestHistoryEntry: 'One step of a request\'s lifecycle: who, when, from which status to which, and why.',
  RequestTargetsState: 'A request\'s standing against its response targets (vendor principals only): the due times in business hours, the next one, and whether each was missed.',
  PartnerRequest: 'A partner\'s request to its channel manager, with its whole thread and history.',
  PartnerRequestSummary: 'A request as lists show it, without its thread and history.',
  PartnerRequestInput: 'Body of `openRequest`. A partner session opens for its own partner; a manager (for a partner it manages) or an admin names `partnerId`.',
  RequestMessageInput: 'Body of `createRequestMessage`.',
  RequestTransitionInput: 'Body of `transitionRequest`: the status to move to, and the reason when the move needs one (reopening).',
  TimeZone: 'An IANA time zone, such as `Asia/Ho_Chi_Minh`, `Europe/Berlin` or `UTC`.',
  QueryFlag: 'A yes-or-no query parameter: `true` or `false`.',
  RequestCategoryTargetInput: 'One category\'s targets in a request body, in business hours.',
  ClockTime: 'A wall-clock time, `HH:MM` in 24 hours.',
  RequestCategoryTarget: 'The first-response and resolution targets of one request category, in business hours.',
  RequestTargets: 'The programme\'s response targets: business hours (time zone, days, start and end, holidays) and each category\'s targets in business hours.',
  RequestTargetsInput: 'Body of `upsertRequestTargets`: the whole configuration.',
  ApplicationPage: 'A page of applications, newest first.',
  SelectionCriterionPage: 'A page of selection criteria, in display order.',
  PublishableKeyPage: 'A page of publishable keys, oldest first.',
  CourseFormat: 'How a course is taken: `self_paced` (modules, maybe an assessment), `live` (a session) or `external` (another provider\'s course).',
  CourseStatus: 'Where a course stands: `draft` (admins only), `published` (its audience may enrol), `retired` (no new enrolments).',
  EnrolmentStatus: 'Where an enrolment stands: `enrolled`, `in_progress`, `completed`, `failed` (every attempt used) or `withdrawn`.',
  CertificateSource: 'How a certificate was issued: on passing an assessment, recorded by an admin, or by an LMS.',
  CertificateStatus: 'A certificate\'s standing at the backend\'s clock: `valid` until it expires, then `expired`.',
  CertificationTranslation: 'A certification\'s `name` and `description` in one language.',
  Certification: 'What a course leads to and a tier may require, such as Sales Fundamentals; people hold it as certificates.',
  CertificationInput: 'Body of `createCertification`.',
  CertificationPatch: 'Body of `updateCertification`: any subset.',
  CourseModuleTranslation: 'A module\'s `title` in one language.',
  CourseModule: 'One step of a self-paced course: a library resource to read or watch.',
  CourseModuleInput: 'A module in a request body; `id` defaults to `m1`, `m2`, ... by position.',
  AssessmentChoiceTranslation: 'A choice\'s `label` in one language.',
  AssessmentQuestionTranslation: 'A question\'s `prompt` in one language.',
  AssessmentChoice: 'One choice of an assessment question.',
  AssessmentQuestion: 'A question as every reader sees it: the prompt and its choices, never which are correct.',
  Assessment: 'The assessment that ends a self-paced course, as every reader sees it: without its answers.',
  AssessmentChoiceInput: 'A choice in a request body.',
  AssessmentQuestionInput: 'A question as the admin writes it, with the ids of its correct choices.',
  AssessmentInput: 'An assessment as the admin writes it: the questions with their correct choices, the pass mark and the attempts allowed.',
  AssessmentKey: 'The correct choices of each question of a course\'s assessment (admin keys only).',
  CourseTranslation: 'A course\'s `title` and `description` in one language.',
  Course: 'A course in the catalogue: who may take it, how, in which language, and the certification it leads to.',
  CourseInput: 'Body of `createCourse`.',
  CoursePatch: 'Body of `updateCourse`: any subset; `modules` and `assessment` replace the whole list.',
  Person: 'A named person of a partner: who enrols in courses, takes assessments and holds certificates.',
  PersonInput: 'Body of `createPerson`.',
  PersonPatch: 'Body of `updatePerson`: any subset.',
  Enrolment: 'A person\'s enrolment in a course: modules done, attempts, best score, and the certificate it led to.',
  EnrolmentInput: 'Body of `createEnrolment`.',
  EnrolmentProgressInput: 'Body of `recordEnrolmentProgress`: a module done.',
  EnrolmentTransitionInput: 'Body of `transitionEnrolment`: the status to move to, and the reason where the lifecycle asks one.',
  AttemptAnswer: 'One question\'s answer: the choices picked.',
  AttemptInput: 'Body of `submitAttempt`: the answers; a question left out counts as wrong.',
  AttemptResult: 'An attempt as the backend scored it: how many answers were correct (not which), passed or not, attempts left, and the certificate passing issued.',
  Certificate: 'A certification held by a person: when it was issued, when it expires, its renewals.',
  CertificateInput: 'Body of `createCertificate`: a certification recorded by an admin, or by an LMS with its external id.',
  CertificateRenewalInput: 'Body of `renewCertificate`.',
  CertificationRequirement: 'A tier\'s requirement: `count` people certified in `certificationId`.',
  TierCertificationRequirements: 'The certifications a tier requires of its partners.',
  TierCertificationRequirementsInput: 'Body of `updateTierCertificationRequirements`: the whole list.',
  CertificationRequirementCheck: 'One certification requirement against a partner\'s valid certificates.',
  TierCertificationCheck: 'A tier\'s certification requirements checked for one partner.',
  CertificationExpiryWarning: 'Certificates expiring within the horizon that would leave a partner short of its tier\'s requirement.',
  PartnerEnablement: 'A partner\'s certifications against the tiers\' requirements, computed with core\'s rules: certified staff, what is met and missing, expiry warnings.',
  CertificationPage: 'A page of certifications.',
  CoursePage: 'A page of courses, newest first.',
  PersonPage: 'A page of a partner\'s people, by name.',
  EnrolmentPage: 'A page of enrolments, newest first.',
  CertificatePage: 'A page of certificates, newest first.',
  TierCertificationRequirementsPage: 'Every tier\'s certification requirements, by tier rank.',
};

const TRANSLATIONS_NOTE = (fields: string) =>
  `${fields} in other languages, keyed by BCP 47 tag (at most ${contract.MAX_TRANSLATIONS}, each once without regard to case); each translation gives any subset of the fields. Readers pick by language: \`vi-VN\`, then \`vi\`, then another \`vi-*\`, then the default text (\`localise\` in core's rules).`;

/**
 * Field-level notes where the shape alone does not say enough. `Component.property` keys; a key
 * that names no property fails the build, so these cannot go stale silently.
 */
const propertyDescriptions: Partial<Record<`${ComponentName}.${string}`, string>> = {
  'Partner.tierId': 'The tier the partner holds now; `null` before its first qualification.',
  'Partner.manager': 'The vendor\'s channel account manager for this partner.',
  'Kpi.weight': 'Relative weight in the overall score; 0 leaves the KPI out of it.',
  'Kpi.currency': 'The currency of a `currency` KPI; its values are in minor units of it.',
  'Tier.dealProtectionDays': 'How long an approved registration of a partner in this tier stays protected, in days.',
  'Tier.colour': 'Badge colour as `#RRGGBB`.',
  'Tier.translations': TRANSLATIONS_NOTE('`name`'),
  'TierBenefit.translations': TRANSLATIONS_NOTE('`label` and `value`'),
  'Kpi.translations': TRANSLATIONS_NOTE('`name` and `description`'),
  'Resource.translations': `${TRANSLATIONS_NOTE('`title` and `description`')} \`language\` stays the language of the item itself.`,
  'TierRequirement.window': 'Trailing window in months, ending with the evaluated period. Absent: the evaluated period itself.',
  'Measurement.source': 'Where the number came from (`crm`, `billing`, ...).',
  'ScorecardRow.actual': 'The KPI\'s value over the period, aggregated by the KPI\'s aggregation; `null` without data.',
  'ScorecardRow.targetSource': '`partner` for a partner-specific target, `tier` for the next tier\'s requirement.',
  'ScorecardRow.attainment': 'Actual against target, direction-aware (1 = target met exactly); `null` without both.',
  'ScorecardRow.trend': 'Oldest first, ending with the scorecard\'s period.',
  'RequirementCheck.missing': 'How far the partner still is from the level, in the KPI\'s unit; 0 when met.',
  'TierStanding.qualified': 'The highest tier whose requirements the partner meets over the period.',
  'TierStanding.next': 'The tier above the current one and what is missing for it; `null` at the top.',
  'TierStanding.pending': 'A downgrade held for review instead of applied at once.',
  'Scorecard.score': 'Weighted overall score, 0-100; `null` when no KPI has both a target and data.',
  'Scorecard.availablePeriods': 'Periods of the same grain that hold data, newest first: what a period picker offers.',
  'Deal.number': 'Human-facing registration number, such as `DR-000123`.',
  'Deal.expiresAt': 'End of the protection window of an approved deal.',
  'Deal.extensions': 'Protection extensions granted so far (at most one).',
  'Deal.possibleConflicts': 'Other registrations that look like the same customer. Present for vendor principals (admin, manager) only.',
  'Deal.history': 'Every move of the deal, oldest first.',
  'DealInput.status': '`submitted` (the default) or `draft`.',
  'Resource.locked': 'True when the caller may see the item but not open it; `url` is then absent.',
  'Resource.url': 'Present only when the caller may open the item.',
  'Resource.minTierId': 'Lowest tier that may open the item; `null`: every tier.',
  'Resource.partnerTypes': 'Partner types that may open the item; empty: every type.',
  'Resource.openCount': 'How many times the item was opened, over all partners.',
  'ResourcePage.total': 'How many items match the filters, over all pages.',
  'PlanObjective.side': 'The side that owns the objective: only that side updates it, marks it done or removes it.',
  'PlanObjective.measure': 'The KPI and target of a measured objective; `null` for a milestone.',
  'PlanObjective.dueDate': 'Inside the plan\'s period.',
  'PlanObjective.completed': 'When a milestone was marked done, and by whom; always `null` for a measured objective.',
  'PlanObjective.comments': 'Oldest first.',
  'ObjectiveProgress.percent': 'What the progress bar shows, 0-100: the attainment of the whole target (capped), or 0/100 for a milestone.',
  'ObjectiveProgress.actual': 'The KPI\'s value over the objective\'s months so far; `null` without measurements or for a milestone.',
  'ObjectiveProgress.attainment': '`actual` against the whole target, direction-aware (1 = met); `null` without both.',
  'ObjectiveProgress.expected': 'The share of the target due by now, 0-1: the time elapsed for a cumulative (`sum`) KPI, 1 for a level; `null` for a milestone.',
  'ObjectiveProgress.overdue': 'True once the due date has passed without the objective being done.',
  'PlanProgress.status': 'The worst status among the objectives not yet done (`done` when all are); `null` without objectives.',
  'PlanProgress.percent': 'The mean of the objectives\' percentages, 0-100.',
  'PlanProgress.overdue': 'How many objectives are overdue.',
  'PlanAgreement.version': 'The plan version agreed to.',
  'PlanHistoryEntry.status': 'The plan\'s status after the step.',
  'Plan.revision': 'Starts at 1; changing an agreed plan makes the next revision and asks both sides to agree again.',
  'Plan.version': 'Grows with every change to what is agreed; a transition names the version its caller read.',
  'Plan.asOf': 'The instant progress was computed at, on the backend\'s clock.',
  'Plan.objectives': 'In the order they were added.',
  'PlanRevision.agreedAt': 'When the second side agreed.',
  'PlanTransitionInput.version': 'The plan version the caller read; another answers 409 `plan_changed`, so a side only agrees to what it saw.',
  'PlanTransitionInput.reason': 'Required to send a proposed plan back to `draft`.',
  'Course.translations': TRANSLATIONS_NOTE('`title` and `description`'),
  'Course.assessment': 'Without the correct answers: scoring happens on the backend (`submitAttempt`).',
  'Certification.translations': TRANSLATIONS_NOTE('`name` and `description`'),
  'Enrolment.attemptsLeft': 'Attempts left at the assessment; `null` when any number is allowed or the course has none.',
  'Certificate.status': 'At the backend\'s clock when answered; an expired certificate no longer counts toward requirements.',
  'PartnerEnablement.certifiedStaff': 'People holding at least one valid certificate: the certified-staff figure, computed, never typed in.',
  'CertificationExpiryWarning.shortOn': 'The first day the partner would fall short of the requirement.',
  'SessionInput.ttlSeconds': 'Lifetime of the token in seconds, 60-86400; 900 (15 minutes) when absent.',
  'SelectionCriterion.weight': 'Relative weight in the weighted score, 1-100.',
  'SelectionCriterion.levels': 'Exactly five levels: what a score of 1, 2, 3, 4 and 5 means, in that order.',
  'SelectionCriterion.knockOutMin': 'A mean score below this knocks the applicant out (2-5); `null`: no knock-out.',
  'SelectionCriterion.partnerTypes': 'Partner types the criterion applies to; empty: every type.',
  'Application.number': 'Human-facing application number, such as `APP-000123`.',
  'Application.partnerId': 'The partner created when the application was approved; `null` before.',
  'Application.duplicates': 'Existing partners and open applications that look like the same company.',
  'Application.history': 'Every move of the application, oldest first, starting with the submission.',
  'ApplicationInput.formToken': 'The `formToken` of `getApplicationForm`; required with a publishable key.',
  'ApplicationInput.honeypot': 'A field people never see, left empty; an application with it filled is refused.',
  'Evaluation.weightedScore': 'Core\'s `scoreEvaluation` over the applicable criteria scored so far; `null` before any.',
  'EvaluationList.blind': 'True while the caller may not see the others\' scores: until they have submitted their own.',
  'PublishableKey.key': 'The key itself, `pk_pub_...`: public by design, so it is shown whenever the key is read.',
  'EventEnvelope.partnerId': 'The partner the event concerns, when it concerns one.',
  'EventEnvelope.data': 'The event\'s payload; its shape depends on `type`.',
  'Announcement.translations': TRANSLATIONS_NOTE('`title` and `body`'),
  'Announcement.body': 'Plain text; a line break separates paragraphs. Rendered as text, never as markup.',
  'Announcement.audience': 'Vendor principals only: a partner never learns who else is addressed.',
  'Announcement.readAt': 'Partner sessions only: when the caller\'s user read it; `null` while unread.',
  'Announcement.readStats': 'Vendor principals only.',
  'PartnerRequest.targets': 'Vendor principals only.',
  'PartnerRequest.firstResponseAt': 'When the vendor\'s side first wrote in the thread; `null` until then.',
  'PartnerRequest.messages': 'Oldest first; the first is the opening message.',
  'PartnerRequestSummary.targets': 'Vendor principals only.',
  'RequestTargetsState.dueAt': 'The next due time while one is pending: the first response\'s, then the resolution\'s; `null` once resolved.',
  'Problem.type': 'A URI naming the problem kind: `https://partnerkit.dev/problems/<code>`.',
  'Problem.code': `A stable machine-readable code. The contract's codes: ${contract.PROBLEM_CODES.map((c) => `\`${c}\``).join(', ')}. Backends may add their own; clients treat unknown codes by \`status\`.`,
  'Problem.requestId': 'The request id, as in the `X-Request-Id` header; quote it when reporting a problem.',
  'Problem.errors': 'The invalid fields of a `validation_failed` problem.',
  'Problem.reason': 'The reason code of a `deal_conflict` problem (see `ConflictReason`). Never names another partner.',
  'Problem.agreements': 'The agreements to accept before the operation can succeed, on an `agreement_required` problem.',
  'Agreement.partnerTypes': 'Partner types it applies to; empty: every type.',
  'Agreement.tierIds': 'Tiers it applies to; empty: every partner, with a tier or without.',
  'Agreement.gates': 'What it holds back until accepted; empty: nothing (it is asked for, never enforced).',
  'Agreement.currentVersion': 'The version in effect now; `null` before the first takes effect.',
  'Agreement.nextVersion': 'The soonest published version still to take effect, if any.',
  'AgreementVersion.version': 'The version as people name it (`2026.1`, `3.0`); unique within its agreement.',
  'AgreementVersion.effectiveAt': 'From when partners must have accepted this version; earlier versions stop counting then.',
  'AgreementVersion.contentHash': 'The `ContentHash` of `{ version, body, translations }` as served (translations `{}` when absent). Acceptances record it.',
  'AgreementVersionInput.effectiveAt': 'Defaults to the time of publishing. May be in the future: partners can accept ahead, and are warned 30 days before.',
  'Acceptance.language': 'The language the text was shown in.',
  'Acceptance.expiresAt': 'End of the term for an agreement that `expires`; `null` when it renews yearly.',
  'AcceptanceInput.contentHash': 'The hash of the version the person read; a mismatch answers 400, so an acceptance never records text nobody showed.',
  'AcceptanceInput.language': 'The language the text was shown in; default: the session\'s locale, else `en`.',
  'PartnerAgreement.version': 'The version the status is about: the one to accept, or the accepted one in force.',
  'PartnerAgreement.acceptance': 'The partner\'s latest acceptance of this agreement, of whichever version; `null` if none.',
  'PartnerAgreement.dueAt': 'When the partner must act by: the version\'s effective date (`to_accept`), or when the acceptance ends (`expiring`, `expired`).',
  'PartnerAgreement.renewsAt': 'The next yearly renewal of an accepted agreement that renews yearly.',
  'PartnerAgreement.blocks': 'The gates this agreement holds closed now: gated operations answer 403 `agreement_required` until it is accepted.',
};

/** What the generator needs to know about the operations: which schemas are read from requests. */
export interface SchemaRoots {
  /** Request bodies and query schemas: converted as zod *inputs* (defaults optional). */
  input: readonly z.core.$ZodType[];
  /** Response bodies: converted as zod *outputs*. */
  output: readonly z.core.$ZodType[];
}

export interface GeneratedSchemas {
  /** The components reachable from the roots, by name, in name order. */
  components: Record<string, JsonSchema>;
  /** The JSON Schema of each query schema (input form), for turning into parameters. */
  queries: Record<QueryName, JsonSchema>;
}

/** The named schemas: the contract's exports plus the page envelopes. */
export interface SchemaCatalog {
  /** The component or query name of a schema; throws for a schema the catalog does not know. */
  nameOf(schema: z.core.$ZodType): string;
  /** Converts the catalog to JSON Schema, keeping only what the roots reach. */
  generate(roots: SchemaRoots): GeneratedSchemas;
}

const isZodSchema = (value: unknown): value is z.core.$ZodType =>
  typeof value === 'object' && value !== null && '_zod' in value;

const isQueryName = (name: string): name is QueryName => name.endsWith('Query');

/** `z.object()` (unknown keys stripped), as opposed to `z.strictObject()` (unknown keys rejected). */
const isStrippingObject = (schema: z.core.$ZodType): boolean =>
  schema._zod.def.type === 'object' && (schema as z.core.$ZodObject)._zod.def.catchall === undefined;

/** `HTTP://x` is as valid to zod as `http://x`; the JSON Schema says so without `(?i)`. */
const HTTP_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://';

/** Creates the catalog. Each call builds a fresh registry: no global state is touched. */
export function createSchemaCatalog(): SchemaCatalog {
  const registry = z.registry<{ id: string; description?: string }>();
  const names = new Map<z.core.$ZodType, string>();
  const add = (name: string, schema: z.core.$ZodType): void => {
    const known = names.get(schema);
    if (known !== undefined) throw new Error(`schemas ${known} and ${name} are the same object; export it once`);
    names.set(schema, name);
    const description = (componentDescriptions as Record<string, string>)[name];
    registry.add(schema, description === undefined ? { id: name } : { id: name, description });
  };
  for (const [name, value] of Object.entries(contract)) if (isZodSchema(value)) add(name, value);
  for (const [name, schema] of Object.entries(pageSchemas)) add(name, schema);

  const convert = (io: 'input' | 'output'): Record<string, JsonSchema> =>
    z.toJSONSchema(registry, {
      io,
      metadata: registry,
      target: 'draft-2020-12',
      unrepresentable: 'throw',
      uri: (id) => `${SCHEMA_REF_PREFIX}${id}`,
      override: ({ zodSchema, jsonSchema }) => {
        if (zodSchema === contract.HttpUrl) jsonSchema.pattern = HTTP_URL_PATTERN;
        // zod's output of a stripping object never has extra keys, so it says `additionalProperties:
        // false`; but the contract lets backends add response fields and clients ignore them.
        if (isStrippingObject(zodSchema)) delete jsonSchema.additionalProperties;
      },
    }).schemas as Record<string, JsonSchema>;

  return {
    nameOf(schema) {
      const name = names.get(schema);
      if (name === undefined) throw new Error('the path table names a schema the contract does not export');
      return name;
    },
    generate(roots) {
      const inputs = convert('input');
      const outputs = convert('output');
      const rootNames = (list: readonly z.core.$ZodType[]) => list.map((schema) => this.nameOf(schema));
      const inputReach = reachable(rootNames(roots.input), inputs);
      const outputReach = reachable(rootNames(roots.output), outputs);

      const components: Record<string, JsonSchema> = {};
      for (const name of [...new Set([...inputReach, ...outputReach])].sort()) {
        if (isQueryName(name)) continue;
        const input = inputs[name];
        const output = outputs[name];
        if (inputReach.has(name) && outputReach.has(name) && JSON.stringify(input) !== JSON.stringify(output)) {
          throw new Error(`schema ${name} reads differently in requests and responses; give the request its own schema`);
        }
        components[name] = clean((inputReach.has(name) ? input : output) as JsonSchema);
      }
      for (const [key, description] of Object.entries(propertyDescriptions)) {
        if (description !== undefined) describeProperty(components, key, description);
      }

      const queries = {} as Record<QueryName, JsonSchema>;
      for (const name of inputReach) if (isQueryName(name)) queries[name] = clean(inputs[name] as JsonSchema);
      return { components, queries };
    },
  };
}

/** Names of the schemas the roots reach through `$ref`s, the roots included. */
function reachable(roots: readonly string[], schemas: Record<string, JsonSchema>): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const schema = schemas[name];
    if (schema === undefined) throw new Error(`no schema named ${name}`);
    for (const ref of refsIn(schema)) visit(ref);
  };
  roots.forEach(visit);
  return seen;
}

/** Component names referenced anywhere inside a JSON value. */
export function refsIn(value: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF_PREFIX)) {
          found.push(child.slice(SCHEMA_REF_PREFIX.length));
        } else walk(child);
      }
    }
  };
  walk(value);
  return found;
}

/** Drops the standalone-document keywords zod adds; inside OpenAPI they are noise. */
function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

function describeProperty(components: Record<string, JsonSchema>, key: string, description: string): void {
  const [component, property] = key.split('.') as [string, string];
  const schema = components[component];
  if (schema === undefined) return; // no operation uses it, so the document leaves it out
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  const target = properties?.[property];
  if (target === undefined) throw new Error(`property description ${key} names no property`);
  target.description = description;
}
