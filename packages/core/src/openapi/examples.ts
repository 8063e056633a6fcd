/**
 * The document's examples, taken from the demo programme (`@partnerkit/core/demo`, the data the
 * reference server seeds and `@partnerkit/mock` serves) as of a fixed day, so they are realistic,
 * stable from one generation to the next, and valid: a test checks each against its schema.
 * A mock generated from the document (Prism's) answers these.
 * @module
 */
import { generateDemoData, type DemoData } from '../demo/generate.js';
import { generateDemoEnablement } from '../demo/enablement.js';
import { generateDemoCommunication } from '../demo/communication.js';
import { nextRenewal } from '../rules/agreements.js';
import { generateDemoPlans } from '../demo/plans.js';
import { certificateStatus, partnerEnablement } from '../rules/enablement.js';
import { DEFAULT_REQUEST_TARGETS, presentAnnouncement, presentRequest, readStatsOf } from '../rules/communication.js';
import { planWithProgress } from '../rules/plans.js';
import { computeScorecard } from '../rules/scorecard.js';
import { PROBLEM_TYPE_BASE, type Deal, type EventEnvelope, type Partner, type PartnerAgreement, type Resource, type ResourceFacets, type Scorecard } from '../schemas/index.js';
import type { ComponentName } from './components.js';
import { recruitmentExamples } from './recruitment-examples.js';

/** The day the examples are generated "as of". */
export const EXAMPLES_AS_OF = '2026-11-30T09:00:00.000Z';

/** Example request ids and cursors: what a backend would send, opaque to clients. */
export const EXAMPLE_REQUEST_ID = 'req_01JDZ8W3K4M5N6P7Q8R9S0T1V2';
const EXAMPLE_CURSOR = 'eyJ2IjoxLCJhdCI6WzM5OF19.Hc3m1x0Q9Wq2';

/** What the document's examples are made of. */
export interface Examples {
  /** One example per component schema. */
  components: Record<ComponentName, unknown>;
  /** The demo data the examples come from. */
  demo: DemoData;
  /** A partner session's view of a deal (no `possibleConflicts`). */
  partnerDeal: Deal;
}

/** A partner of the given tier rank from the demo data. */
function partnerOfRank(demo: DemoData, tierId: string): Partner {
  const found = demo.partners.find(({ partner }) => partner.tierId === tierId && partner.status === 'active');
  if (!found) throw new Error(`the demo data has no active partner in ${tierId}`);
  return found.partner;
}

function facetsOf(resources: readonly Resource[]): ResourceFacets {
  const count = (values: string[]) => {
    const counts: Record<string, number> = {};
    for (const value of values.sort()) counts[value] = (counts[value] ?? 0) + 1;
    return counts;
  };
  return { type: count(resources.map((r) => r.type)), tag: count(resources.flatMap((r) => r.tags)), language: count(resources.map((r) => r.language)) };
}

/** The programme agreement, its version in effect, and partner `partnerId`'s acceptance and standing. */
function agreementExamples(demo: DemoData, partnerId: string) {
  const { agreement: programme, versions, acceptances } = demo.agreements.find((a) => a.agreement.id === 'ag_programme')!;
  const version = versions.find((v) => v.id === programme.currentVersion?.id)!;
  const acceptance = acceptances.find((a) => a.partnerId === partnerId && a.versionId === version.id)!;
  const standing: PartnerAgreement = { agreement: programme, status: 'accepted', version, acceptance, dueAt: null, renewsAt: nextRenewal(new Date(acceptance.acceptedAt), demo.asOf).toISOString(), blocks: [] };
  return { programme, version, acceptance, standing };
}

let cached: Examples | undefined;

/** Builds the examples (once per process). */
export function createExamples(): Examples {
  if (cached) return cached;
  const demo = generateDemoData({ asOf: EXAMPLES_AS_OF, partners: 12, deals: 120, resources: 12 });
  const asOf = new Date(EXAMPLES_AS_OF);
  const deals = [...demo.dealBatches()].flat();
  const gold = partnerOfRank(demo, 'tier_gold');
  const tier = demo.tiers.find((t) => t.id === 'tier_gold') ?? demo.tiers[0]!;
  const kpi = demo.kpis[0]!;
  const partnerDeals = deals.filter((d) => d.partnerId === gold.id);
  const approved = deals.find((d) => d.status === 'approved')!;
  const rejected = deals.find((d) => d.status === 'rejected')!;
  const partnerDeal: Deal = approved;
  const deal: Deal = { ...approved, possibleConflicts: [] };
  const history = approved.history.at(-1)!;
  const resource = demo.resources.find((r) => r.minTierId === null && r.partnerTypes.length === 0)!;
  const lockedResource: Resource = (() => {
    const gated = demo.resources.find((r) => r.minTierId !== null) ?? demo.resources[1]!;
    const { url: _url, ...rest } = gated;
    return { ...rest, minTierId: gated.minTierId ?? 'tier_platinum', locked: true };
  })();
  const measurements = demo.measurements.filter((m) => m.partnerId === gold.id);
  const targets = demo.targets.filter((t) => t.partnerId === gold.id);
  const target = targets[0] ?? { partnerId: gold.id, kpiId: 'kpi_revenue', period: '2026-Q4', value: 49_500_000, updatedAt: EXAMPLES_AS_OF };
  // Enablement: the demo catalogue, the Gold partner's people and certificates.
  const enablement = generateDemoEnablement(demo);
  const goldCertificates = enablement.certificates.filter((c) => c.partnerId === gold.id);
  const scorecard: Scorecard = computeScorecard({
    partner: gold, period: '2026-Q4', kpis: demo.kpis, tiers: demo.tiers, targets, measurements, now: asOf,
    certifications: { requirements: enablement.requirements, certifications: enablement.certifications, certificates: goldCertificates },
  });
  const row = scorecard.rows[0]!;
  const requirement = scorecard.tier.requirements[0] ?? scorecard.tier.next?.gaps[0];
  const measurement = measurements.at(-1)!;
  const user = demo.partners.find(({ partner }) => partner.id === gold.id)!.users[0]!;
  const manager = gold.manager!;
  const event: EventEnvelope = {
    id: 'ev_01JDZ8W3K4M5N6P7Q8R9S0T1V3',
    type: 'deal.approved',
    occurredAt: approved.approvedAt!,
    partnerId: approved.partnerId,
    data: { dealId: approved.id, number: approved.number, from: 'submitted', to: 'approved', expiresAt: approved.expiresAt },
  };
  const page = <T>(items: T[]) => ({ data: items, nextCursor: EXAMPLE_CURSOR });
  const { id: _id, locked: _locked, openCount: _openCount, createdAt: _c, updatedAt: _u, ...resourceFields } = resource;
  // The Gold partner's joint business plan, as the demo programme has it.
  const demoPlans = generateDemoPlans(demo);
  const demoPlan = demoPlans.find((p) => p.plan.partnerId === gold.id) ?? demoPlans[0]!;
  const plan = planWithProgress(demoPlan.plan, demo.measurements.filter((m) => m.partnerId === demoPlan.plan.partnerId), asOf);
  const { objectives: _objectives, history: planHistory, ...planHeader } = plan;
  const planSummary = { ...planHeader, objectiveCount: plan.objectives.length };
  const objective = plan.objectives.find((o) => o.measure !== null) ?? plan.objectives[0]!;
  const milestone = plan.objectives.find((o) => o.kind === 'milestone') ?? objective;
  const planActivity = objective.activities[0]!;
  const planComment = objective.comments[0]!;
  // An agreed revision, from the first demo plan both sides agreed to.
  const planRevision = demoPlans.flatMap((p) => p.revisions)[0]!;
  const agreement = planRevision.agreements.partner;
  const person = { id: objective.owner.id, name: objective.owner.name, email: objective.owner.email };
  const salesCourse = enablement.courses.find((c) => c.assessment !== null)!;
  const course = salesCourse.course;
  const assessmentInput = salesCourse.assessment!;
  const certification = enablement.certifications[0]!;
  const goldPeople = enablement.people.filter((p) => p.partnerId === gold.id);
  const certificates = enablement.certificates.filter((c) => c.partnerId === gold.id).map((c) => ({ ...c, status: certificateStatus(c, asOf) }));
  const certificate = certificates[0]!;
  const enrolment = { ...enablement.enrolments.find((e) => e.partnerId === gold.id && e.status !== 'completed')!, attemptsLeft: assessmentInput.attemptsAllowed };
  const passedEnrolment = { ...enrolment, status: 'completed' as const, completedModuleIds: course.modules.map((m) => m.id), attempts: 1, attemptsLeft: (assessmentInput.attemptsAllowed ?? 1) - 1, passedAt: EXAMPLES_AS_OF, bestScore: 100, certificateId: 'ce_00999', completedAt: EXAMPLES_AS_OF, updatedAt: EXAMPLES_AS_OF };
  const tierRequirements = enablement.requirements.find((r) => r.tierId === 'tier_gold')!;
  const partnerEnablementExample = partnerEnablement({ partner: gold, tiers: demo.tiers, requirements: enablement.requirements, certificates, at: asOf });
  const questionInput = assessmentInput.questions[0]!;
  const { id: _courseId, status: _status, createdAt: _cc, updatedAt: _cu, assessment: _a, modules, ...courseFields } = course;
  // The demo programme's communication: the pinned announcement, a request answered and replied to.
  const communication = generateDemoCommunication(demo);
  const storedAnnouncement = communication.announcements[0]!;
  const readStats = readStatsOf(10, 4, 5);
  const announcement = presentAnnouncement(storedAnnouncement, { partner: false, readStats }, asOf);
  const partnerAnnouncement = presentAnnouncement(storedAnnouncement, { partner: true, readAt: null }, asOf);
  const announcementRead = communication.reads[0]!;
  const storedRequest = communication.requests.find((r) => r.status === 'waiting_on_vendor' && r.messages.some((m) => m.attachments.length > 0)) ?? communication.requests[0]!;
  const partnerRequest = presentRequest(storedRequest, true, asOf, demo.partners.find(({ partner }) => partner.id === storedRequest.partnerId)?.partner.name);
  const { messages: requestMessages, history: requestHistory, ...requestSummary } = partnerRequest;
  const requestMessage = requestMessages.find((m) => m.attachments.length > 0) ?? requestMessages[0]!;
  const requestAttachment = requestMessage.attachments[0] ?? { type: 'url' as const, url: 'https://example.com/quote.pdf', label: null };
  const fieldError = { path: 'amount.currency', message: 'must be a 3-letter ISO 4217 code such as USD' };
  const { programme, version, acceptance, standing } = agreementExamples(demo, gold.id);
  const paragraph = version.body.blocks.find((b) => b.type === 'paragraph')!;
  const heading = version.body.blocks.find((b) => b.type === 'heading')!;
  const list = version.body.blocks.find((b) => b.type === 'list')!;
  const link = version.body.blocks.flatMap((b) => (b.type === 'list' ? b.items.flatMap((i) => i.spans) : b.spans)).find((span) => span.href)!;
  const versionRef = { id: version.id, version: version.version, effectiveAt: version.effectiveAt, contentHash: version.contentHash };
  const versionInput = { version: '2027.1', body: version.body, translations: version.translations, effectiveAt: '2027-01-01T00:00:00.000Z' };

  const components: Record<ComponentName, unknown> = {
    Id: gold.id,
    Timestamp: approved.approvedAt,
    CalendarDate: approved.expectedCloseDate,
    CurrencyCode: approved.amount!.currency,
    CountryCode: gold.country,
    LanguageTag: 'vi',
    Money: approved.amount,
    Period: '2026-Q4',
    MonthPeriod: measurement.period,
    HttpUrl: gold.website,
    IdempotencyKey: '5f0c6d2e-8a8b-4c1e-9a55-0d9e3b7c2a41',
    EmailAddress: user.email,
    PersonRef: manager,
    PartnerType: gold.type,
    PartnerStatus: gold.status,
    DomainName: gold.domains[0],
    Partner: gold,
    PartnerInput: {
      name: gold.name,
      type: gold.type,
      status: 'onboarding',
      region: gold.region,
      country: gold.country,
      website: gold.website,
      domains: gold.domains,
      manager,
    },
    PartnerPatch: { status: 'active', tierId: tier.id },
    TierRequirement: tier.requirements[0],
    TierBenefit: tier.benefits[0],
    TierBenefitTranslation: tier.benefits[0]?.translations?.['vi'],
    TierTranslation: tier.translations?.['vi'],
    Tier: tier,
    TierInput: { rank: tier.rank, name: tier.name, colour: tier.colour, benefits: tier.benefits, requirements: tier.requirements, dealProtectionDays: tier.dealProtectionDays, translations: tier.translations },
    KpiUnit: kpi.unit,
    KpiDirection: kpi.direction,
    KpiAggregation: kpi.aggregation,
    KpiTranslation: kpi.translations?.['vi'],
    Kpi: kpi,
    KpiInput: { name: kpi.name, description: kpi.description, unit: kpi.unit, direction: kpi.direction, aggregation: kpi.aggregation, weight: kpi.weight, currency: kpi.currency, translations: kpi.translations },
    Target: target,
    TargetInput: { kpiId: target.kpiId, period: target.period, value: target.value },
    TargetsInput: { data: [{ kpiId: target.kpiId, period: target.period, value: target.value }] },
    TargetsResult: { data: [target] },
    Measurement: measurement,
    MeasurementInput: { partnerId: measurement.partnerId, kpiId: measurement.kpiId, period: measurement.period, value: measurement.value, source: measurement.source },
    MeasurementBatch: {
      data: measurements.slice(-2).map((m) => ({ partnerId: m.partnerId, kpiId: m.kpiId, period: m.period, value: m.value, source: m.source })),
    },
    MeasurementBatchResult: { upserted: 2 },
    ScorecardStatus: row.status,
    TrendPoint: row.trend.at(-1),
    ScorecardRow: row,
    RequirementCheck: requirement,
    TierStanding: scorecard.tier,
    CertificationCheck: scorecard.tier.next?.certifications[0] ?? scorecard.tier.certifications[0],
    CertificationExpiry: { certificationId: certification.id, name: certification.name, translations: { vi: { name: certification.translations?.['vi']?.name } }, required: 2, held: 2, expiring: 1, shortOn: '2027-01-12', before: '2027-01-29' },
    CertificationNameTranslation: { name: certification.translations?.['vi']?.name },
    KpiSource: 'certified_staff',
    Scorecard: scorecard,
    DealStatus: approved.status,
    DealType: approved.type,
    DealReasonCode: rejected.reasonCode,
    ConflictReason: 'protected',
    Role: 'partner',
    DealCustomer: approved.customer,
    PhoneNumber: '+84 28 3823 4567',
    DealContact: { ...approved.contact, phone: '+84 28 3823 4567' },
    DealHistoryEntry: history,
    Deal: deal,
    DealInput: {
      type: approved.type,
      customer: approved.customer,
      contact: approved.contact,
      products: approved.products,
      amount: approved.amount,
      expectedCloseDate: approved.expectedCloseDate,
      stage: approved.stage,
      description: approved.description,
    },
    DealTransitionInput: { to: 'rejected', reason: rejected.reason, reasonCode: rejected.reasonCode },
    DealCheckInput: { customer: { company: approved.customer.company, domain: approved.customer.domain } },
    DealCheckResult: { available: false, reason: 'protected' },
    ResourceType: resource.type,
    ResourceSort: 'newest',
    ResourceTranslation: Object.values(resource.translations ?? {})[0],
    Resource: resource,
    ResourceTag: resource.tags[0],
    ResourceInput: resourceFields,
    ResourcePatch: { minTierId: 'tier_silver', tags: resource.tags },
    ResourceOpenResult: { url: resource.url },
    ResourceFacets: facetsOf(demo.resources),
    ResourcePage: { data: [resource, lockedResource], nextCursor: EXAMPLE_CURSOR, total: demo.resources.length, facets: facetsOf(demo.resources) },
    SessionInput: { role: 'partner', partnerId: gold.id, user, locale: 'vi', ttlSeconds: 900 },
    SessionToken: {
      token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoicGFydG5lciJ9.c2lnbmF0dXJlLW9mLXRoZS1leGFtcGxl',
      expiresAt: new Date(asOf.getTime() + 900_000).toISOString(),
    },
    Principal: { role: 'partner', partnerId: gold.id, user, locale: 'vi', expiresAt: new Date(asOf.getTime() + 900_000).toISOString() },
    EventType: event.type,
    EventEnvelope: event,
    FieldError: fieldError,
    Problem: {
      type: `${PROBLEM_TYPE_BASE}validation_failed`,
      title: 'The request is not valid',
      status: 400,
      detail: 'Fix the fields listed in errors and send the request again.',
      code: 'validation_failed',
      requestId: EXAMPLE_REQUEST_ID,
      errors: [fieldError],
    },
    RichTextListStyle: list.style,
    RichTextHref: link.href,
    RichTextSpan: link,
    RichTextHeading: heading,
    RichTextParagraph: paragraph,
    RichTextListItem: list.items[0],
    RichTextList: list,
    RichTextBlock: paragraph,
    RichText: version.body,
    RichTextSpanInput: link,
    RichTextHeadingInput: heading,
    RichTextParagraphInput: paragraph,
    RichTextListItemInput: list.items[0],
    RichTextListInput: list,
    RichTextBlockInput: heading,
    RichTextInput: version.body,
    AgreementGate: 'deal_registration',
    AgreementStatus: programme.status,
    AgreementTerm: programme.term,
    AgreementTermInput: { kind: 'expires', months: 12 },
    ContentHash: version.contentHash,
    AgreementTranslation: programme.translations?.vi,
    AgreementVersionRef: versionRef,
    Agreement: programme,
    AgreementInput: { title: programme.title, partnerTypes: programme.partnerTypes, tierIds: programme.tierIds, gates: programme.gates, term: programme.term, translations: programme.translations },
    AgreementPatch: { gates: ['deal_registration', 'resources'] },
    AgreementVersionTranslation: version.translations?.vi,
    AgreementVersionTranslationInput: version.translations?.vi,
    AgreementVersion: version,
    AgreementVersionInput: versionInput,
    AcceptanceSigner: acceptance.acceptedBy,
    Acceptance: acceptance,
    AcceptanceInput: { versionId: version.id, contentHash: version.contentHash, signer: { name: acceptance.acceptedBy.name, title: acceptance.acceptedBy.title }, language: acceptance.language },
    PartnerAgreementStatus: standing.status,
    PartnerAgreement: standing,
    RequiredAgreement: { agreementId: programme.id, versionId: version.id, title: programme.title, gate: 'deal_registration' },
    AgreementPage: { data: demo.agreements.map((a) => a.agreement), nextCursor: null },
    AgreementVersionPage: { data: demo.agreements[0]!.versions.toReversed(), nextCursor: null },
    PartnerAgreementPage: { data: [standing], nextCursor: null },
    AcceptancePage: page([acceptance]),
    PartnerPage: page(demo.partners.slice(0, 2).map(({ partner }) => partner)),
    TierPage: { data: demo.tiers, nextCursor: null },
    KpiPage: page(demo.kpis.slice(0, 2)),
    TargetPage: { data: targets.length > 0 ? targets : [target], nextCursor: null },
    MeasurementPage: page(measurements.slice(0, 2)),
    DealPage: page(partnerDeals.slice(0, 2)),
    EventPage: page([event]),
    PlanSide: objective.side,
    PlanStatus: plan.status,
    ObjectiveKind: objective.kind,
    ObjectiveStatus: objective.progress.status,
    PlanPeriod: plan.period,
    PlanPerson: objective.owner,
    PlanActor: plan.createdBy,
    PlanStamp: { by: planComment.author, at: planComment.createdAt },
    PlanAgreement: agreement,
    PlanAgreements: plan.agreements,
    PlanSourceType: 'review',
    PlanPersonInput: person,
    PlanSourceInput: { type: 'review', id: 'rv_01JDZ8W3K4M5N6P7Q8R9S0T1V4', label: 'Q3 business review' },
    ObjectiveMeasureInput: { kpiId: objective.measure?.kpi.id ?? kpi.id, target: objective.measure?.target ?? 100 },
    PlanSource: { type: 'review', id: 'rv_01JDZ8W3K4M5N6P7Q8R9S0T1V4', label: 'Q3 business review' },
    PlanActivity: planActivity,
    PlanComment: planComment,
    ObjectiveProgress: objective.progress,
    ObjectiveMeasure: objective.measure,
    PlanObjective: objective,
    PlanStatusCounts: plan.progress.counts,
    PlanProgress: plan.progress,
    PlanAction: planHistory.at(-1)!.action,
    PlanHistoryEntry: planHistory.at(-1),
    Plan: plan,
    PlanSummary: planSummary,
    PlanActivitySnapshot: planRevision.objectives[0]?.activities[0],
    PlanObjectiveSnapshot: planRevision.objectives[0],
    PlanRevision: planRevision,
    PlanInput: { title: plan.title },
    PlanTransitionInput: { to: 'agreed', version: plan.version },
    PlanActivityInput: { side: planActivity.side, title: planActivity.title, owner: person, dueDate: planActivity.dueDate },
    PlanActivityPatch: { done: true },
    PlanObjectiveInput: {
      side: objective.side,
      owner: person,
      title: objective.title,
      description: objective.description,
      kind: objective.kind,
      ...(objective.measure ? { measure: { kpiId: objective.measure.kpi.id, target: objective.measure.target } } : {}),
      dueDate: objective.dueDate,
      activities: objective.activities.map((a) => ({ side: a.side, title: a.title, ...(a.dueDate ? { dueDate: a.dueDate } : {}) })),
    },
    PlanObjectivePatch: { dueDate: milestone.dueDate, done: true },
    PlanCommentInput: { body: planComment.body },
    PlanSummaryPage: { data: [planSummary], nextCursor: null },
    PlanObjectivePage: page([objective, milestone]),
    PlanRevisionPage: { data: [planRevision], nextCursor: null },
    AnnouncementCategory: announcement.category,
    AnnouncementStatus: announcement.status,
    AnnouncementAudience: { partnerTypes: [], tierIds: ['tier_silver'], regions: [], partnerIds: [] },
    AnnouncementAudienceInput: { tierIds: ['tier_silver'] },
    AnnouncementTranslation: Object.values(storedAnnouncement.translations ?? {})[0],
    CommunicationActor: storedAnnouncement.createdBy,
    AnnouncementReadStats: readStats,
    Announcement: announcement,
    AnnouncementPage: { data: [partnerAnnouncement], nextCursor: null, unread: 1 },
    AnnouncementInput: {
      title: storedAnnouncement.title,
      body: storedAnnouncement.body,
      translations: storedAnnouncement.translations,
      category: storedAnnouncement.category,
      audience: { tierIds: ['tier_silver'] },
      publishAt: storedAnnouncement.publishAt,
      pinned: true,
    },
    AnnouncementPatch: { expiresAt: EXAMPLES_AS_OF },
    AnnouncementRead: { partnerId: announcementRead.partnerId, user: { id: announcementRead.userId, name: announcementRead.userName }, readAt: announcementRead.readAt },
    AnnouncementReadPage: { data: [{ partnerId: announcementRead.partnerId, user: { id: announcementRead.userId, name: announcementRead.userName }, readAt: announcementRead.readAt }], nextCursor: null },
    RequestCategory: partnerRequest.category,
    RequestStatus: partnerRequest.status,
    RequestReferenceType: 'deal',
    RequestReference: { type: 'deal', id: approved.id },
    RequestAttachment: requestAttachment,
    RequestAttachmentInput: requestAttachment,
    RequestMessage: requestMessage,
    RequestHistoryEntry: requestHistory.at(-1),
    RequestTargetsState: partnerRequest.targets,
    PartnerRequest: partnerRequest,
    PartnerRequestSummary: requestSummary,
    PartnerRequestSummaryPage: page([requestSummary]),
    PartnerRequestInput: { category: partnerRequest.category, subject: partnerRequest.subject, message: requestMessages[0]!.body, reference: { type: 'deal', id: approved.id } },
    RequestMessageInput: { body: requestMessage.body, attachments: [requestAttachment] },
    RequestTransitionInput: { to: 'resolved' },
    ClockTime: '09:00',
    TimeZone: 'Asia/Ho_Chi_Minh',
    QueryFlag: 'true',
    RequestCategoryTargetInput: DEFAULT_REQUEST_TARGETS.categories.question,
    RequestCategoryTarget: DEFAULT_REQUEST_TARGETS.categories.question,
    RequestTargets: { ...DEFAULT_REQUEST_TARGETS, businessHours: { ...DEFAULT_REQUEST_TARGETS.businessHours, timeZone: 'Asia/Ho_Chi_Minh', holidays: ['2027-01-01'] } },
    RequestTargetsInput: { ...DEFAULT_REQUEST_TARGETS, businessHours: { ...DEFAULT_REQUEST_TARGETS.businessHours, timeZone: 'Asia/Ho_Chi_Minh', holidays: ['2027-01-01'] } },
    ...recruitmentExamples(asOf, page),
    CourseFormat: course.format,
    CourseStatus: course.status,
    EnrolmentStatus: enrolment.status,
    CertificateSource: certificate.source,
    CertificateStatus: certificate.status,
    CertificationTranslation: certification.translations?.['vi'],
    Certification: certification,
    CertificationInput: { name: certification.name, description: certification.description, validityMonths: certification.validityMonths, translations: certification.translations },
    CertificationPatch: { validityMonths: 36 },
    CourseModuleTranslation: modules[0]!.translations?.['vi'],
    CourseModule: modules[0],
    CourseModuleInput: modules[0],
    AssessmentChoiceTranslation: course.assessment!.questions[0]!.choices[0]!.translations?.['vi'],
    AssessmentQuestionTranslation: course.assessment!.questions[0]!.translations?.['vi'],
    AssessmentChoice: course.assessment!.questions[0]!.choices[0],
    AssessmentQuestion: course.assessment!.questions[2],
    Assessment: course.assessment,
    AssessmentChoiceInput: questionInput.choices[0],
    AssessmentQuestionInput: questionInput,
    AssessmentInput: assessmentInput,
    AssessmentKey: { courseId: course.id, questions: assessmentInput.questions.map((q) => ({ questionId: q.id, correctChoiceIds: q.correctChoiceIds })) },
    CourseTranslation: course.translations?.['vi'],
    Course: course,
    CourseInput: { ...courseFields, modules, assessment: assessmentInput },
    CoursePatch: { status: 'published' },
    Person: goldPeople[0],
    PersonInput: { name: goldPeople[0]!.name, email: goldPeople[0]!.email, externalId: goldPeople[0]!.externalId },
    PersonPatch: { email: goldPeople[0]!.email },
    Enrolment: enrolment,
    EnrolmentInput: { courseId: enrolment.courseId, personId: enrolment.personId },
    EnrolmentProgressInput: { moduleId: modules[1]!.id },
    EnrolmentTransitionInput: { to: 'withdrawn' },
    AttemptAnswer: { questionId: questionInput.id, choiceIds: questionInput.correctChoiceIds },
    AttemptInput: { answers: assessmentInput.questions.map((q) => ({ questionId: q.id, choiceIds: q.correctChoiceIds })) },
    AttemptResult: { id: 'at_00001', enrolmentId: enrolment.id, number: 1, correct: assessmentInput.questions.length, total: assessmentInput.questions.length, score: 100, passMark: assessmentInput.passMark, passed: true, attemptsLeft: passedEnrolment.attemptsLeft, certificateId: passedEnrolment.certificateId, submittedAt: EXAMPLES_AS_OF, enrolment: passedEnrolment },
    Certificate: certificate,
    CertificateInput: { certificationId: certification.id, personId: goldPeople[1]!.id, source: 'lms', externalId: 'LMS-204518', issuedAt: EXAMPLES_AS_OF },
    CertificateRenewalInput: {},
    CertificationRequirement: tierRequirements.requirements[0],
    TierCertificationRequirements: tierRequirements,
    TierCertificationRequirementsInput: { requirements: tierRequirements.requirements },
    CertificationRequirementCheck: partnerEnablementExample.tiers[0]!.requirements[0],
    TierCertificationCheck: partnerEnablementExample.tiers[0],
    CertificationExpiryWarning: { tierId: 'tier_silver', certificationId: certification.id, required: 2, held: 2, expiring: 1, shortOn: '2027-01-12', before: '2027-01-29' },
    PartnerEnablement: partnerEnablementExample,
    CertificationPage: { data: enablement.certifications, nextCursor: null },
    CoursePage: page(enablement.courses.slice(0, 2).map((c) => c.course)),
    PersonPage: page(goldPeople.slice(0, 2)),
    EnrolmentPage: page([enrolment]),
    CertificatePage: page(certificates.slice(0, 2)),
    TierCertificationRequirementsPage: { data: enablement.requirements, nextCursor: null },
  };
  cached = { components, demo, partnerDeal };
  return cached;
}
