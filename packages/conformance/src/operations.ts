/**
 * The contract's operations, read from the OpenAPI document core builds from the schemas (the
 * kit's own copy of the contract), and a request for each that a check can send as is.
 * @module
 */
import { buildOpenApiDocument, type HttpMethod } from '@partnerkit/core/openapi';
import type { Role } from '@partnerkit/core/schemas';

/** One operation of the contract. */
export interface Operation {
  operationId: string;
  method: Uppercase<HttpMethod>;
  /** The path template, e.g. `/v1/deals/{id}`. */
  path: string;
  /** Who may call it (`x-roles`); empty for the anonymous `getOpenApiDocument`. */
  roles: Role[];
  /** True when it takes a JSON body. */
  hasBody: boolean;
}

let cached: Operation[] | null = null;

/** Every operation of the contract, in the document's order. */
export function contractOperations(): Operation[] {
  if (cached) return cached;
  const document = buildOpenApiDocument();
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation) continue;
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase() as Uppercase<HttpMethod>,
        path,
        roles: operation['x-roles'] as Role[],
        hasBody: operation.requestBody !== undefined,
      });
    }
  }
  cached = operations;
  return operations;
}

/** The ids a sample request is addressed to. */
export interface SampleIds {
  partnerId: string;
  dealId: string;
  tierId: string;
  kpiId: string;
  resourceId: string;
  announcementId: string;
  requestId: string;
  /** A message of the request. */
  messageId: string;
  agreementId: string;
  /** The `{versionId}` of an agreement's version. */
  versionId: string;
  /** The `{acceptanceId}` of a partner's acceptance. */
  acceptanceId: string;
  applicationId: string;
  criterionId: string;
  publishableKeyId: string;
  /** A plan's `{period}`, and the `{objectiveId}`, `{activityId}`, `{commentId}` and `{revision}` below it. */
  period: string;
  objectiveId: string;
  activityId: string;
  commentId: string;
  revision: string;
  /** Enablement: a certification, a course, a person, an enrolment and a certificate. */
  certificationId: string;
  courseId: string;
  personId: string;
  enrolmentId: string;
  certificateId: string;
  /** A partner a write may name (measurements, sessions). */
  bodyPartnerId: string;
  /** A KPI a write may name. */
  bodyKpiId: string;
  /** Unique text for names, so a wrongly accepted write is recognisable as the kit's. */
  label: string;
}

/** A concrete request for an operation: its path with ids filled in, and a valid body. */
export interface SampleRequest {
  path: string;
  body?: unknown;
}

/** Which id fills the `{id}` of a path, by the collection it names. */
function idFor(path: string, ids: SampleIds): string {
  if (path.startsWith('/v1/partners/')) return ids.partnerId;
  if (path.startsWith('/v1/deals/')) return ids.dealId;
  if (path.startsWith('/v1/tiers/')) return ids.tierId;
  if (path.startsWith('/v1/kpis/')) return ids.kpiId;
  if (path.startsWith('/v1/resources/')) return ids.resourceId;
  if (path.startsWith('/v1/announcements/')) return ids.announcementId;
  if (path.startsWith('/v1/requests/')) return ids.requestId;
  if (path.startsWith('/v1/agreements/')) return ids.agreementId;
  if (path.startsWith('/v1/applications/')) return ids.applicationId;
  if (path.startsWith('/v1/selection-criteria/')) return ids.criterionId;
  if (path.startsWith('/v1/publishable-keys/')) return ids.publishableKeyId;
  if (path.startsWith('/v1/certifications/')) return ids.certificationId;
  if (path.startsWith('/v1/courses/')) return ids.courseId;
  if (path.startsWith('/v1/people/')) return ids.personId;
  if (path.startsWith('/v1/enrolments/')) return ids.enrolmentId;
  if (path.startsWith('/v1/certificates/')) return ids.certificateId;
  throw new Error(`the kit has no id kind for ${path}`);
}

/**
 * A valid body for each operation that takes one: what a caller allowed to make the request
 * would send. Checks that expect a refusal send these, so that the only thing wrong with the
 * request is the thing under test.
 */
const BODIES: Record<string, (ids: SampleIds) => unknown> = {
  createSession: () => ({ role: 'manager', user: { id: 'conformance-user' } }),
  upsertTier: (ids) => ({
    rank: 1,
    name: `${ids.label} tier`,
    colour: '#808080',
    benefits: [],
    requirements: [],
    dealProtectionDays: 30,
  }),
  upsertKpi: (ids) => ({ name: `${ids.label} KPI`, unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 0 }),
  createPartner: (ids) => ({ name: `${ids.label} partner`, type: 'referral' }),
  updatePartner: () => ({ region: 'Conformance' }),
  upsertTargets: (ids) => ({ data: [{ kpiId: ids.bodyKpiId, period: '2001-01', value: 1 }] }),
  ingestMeasurements: (ids) => ({ data: [{ partnerId: ids.bodyPartnerId, kpiId: ids.bodyKpiId, period: '2001-01', value: 1 }] }),
  registerDeal: (ids) => ({ partnerId: ids.bodyPartnerId, type: 'referral', customer: { company: `${ids.label} customer`, domain: `${ids.label}.invalid` } }),
  checkDeal: (ids) => ({ customer: { company: `${ids.label} customer` } }),
  transitionDeal: () => ({ to: 'withdrawn', reason: 'conformance check' }),
  createResource: (ids) => ({ title: `${ids.label} resource`, type: 'link', language: 'en', url: 'https://example.com/partnerkit-conformance' }),
  updateResource: (ids) => ({ title: `${ids.label} resource` }),
  // Agreements a refused request would create gate nothing and apply to no partner type, so even a
  // backend that wrongly accepts one changes no other check's answer.
  createAgreement: (ids) => ({ title: `${ids.label} agreement`, partnerTypes: [], tierIds: [ids.tierId], term: { kind: 'renews_yearly' } }),
  updateAgreement: (ids) => ({ title: `${ids.label} agreement` }),
  publishAgreementVersion: (ids) => ({ version: ids.label.slice(-40), body: { blocks: [{ type: 'paragraph', spans: [{ text: `${ids.label} terms` }] }] } }),
  acceptAgreement: (ids) => ({ versionId: ids.versionId, contentHash: `sha256:${'0'.repeat(64)}`, signer: { name: 'Conformance Kit', title: 'Tester' } }),
  updateApplicationForm: () => ({ partnerTypes: [{ type: 'reseller', description: null }], questions: [], consent: { text: 'I agree.', privacyUrl: null } }),
  createApplication: (ids) => ({
    partnerType: 'reseller',
    company: { name: `${ids.label} applicant`, country: 'VN', size: '1-10' },
    contact: { name: `${ids.label} contact`, email: 'contact@partnerkit-conformance.invalid' },
    capabilities: { markets: ['VN'], technicalStaff: 0, whyUs: 'conformance check' },
    consent: true,
  }),
  transitionApplication: () => ({ to: 'withdrawn', reason: 'conformance check' }),
  upsertEvaluation: () => ({ scores: [] }),
  upsertSelectionCriterion: (ids) => ({ name: `${ids.label} criterion`, weight: 1, levels: [1, 2, 3, 4, 5].map((n) => ({ description: `level ${n}` })), partnerTypes: ['agent'] }),
  updateSelectionThresholds: () => ({ approveAt: 70, declineBelow: 50 }),
  createPublishableKey: (ids) => ({ name: `${ids.label} key`, allowedOrigins: ['https://partnerkit-conformance.invalid'] }),
  updatePublishableKey: (ids) => ({ name: `${ids.label} key` }),
  upsertPlan: (ids) => ({ title: `${ids.label} plan` }),
  transitionPlan: () => ({ to: 'proposed', version: 1 }),
  createPlanObjective: (ids) => ({ owner: { name: 'Conformance' }, title: `${ids.label} objective`, kind: 'milestone' }),
  updatePlanObjective: (ids) => ({ title: `${ids.label} objective` }),
  createPlanActivity: (ids) => ({ title: `${ids.label} activity` }),
  updatePlanActivity: (ids) => ({ title: `${ids.label} activity` }),
  createPlanComment: (ids) => ({ body: `${ids.label} comment` }),
  createCertification: (ids) => ({ name: `${ids.label} certification`, validityMonths: 12 }),
  updateCertification: (ids) => ({ name: `${ids.label} certification` }),
  createCourse: (ids) => ({ title: `${ids.label} course`, format: 'live', durationMinutes: 60, language: 'en' }),
  updateCourse: (ids) => ({ title: `${ids.label} course` }),
  createPerson: (ids) => ({ name: `${ids.label} person` }),
  updatePerson: (ids) => ({ name: `${ids.label} person` }),
  createEnrolment: (ids) => ({ courseId: ids.courseId, personId: ids.personId }),
  recordEnrolmentProgress: () => ({ moduleId: 'm1' }),
  submitAttempt: () => ({ answers: [] }),
  transitionEnrolment: () => ({ to: 'withdrawn' }),
  createCertificate: (ids) => ({ certificationId: ids.certificationId, personId: ids.personId }),
  renewCertificate: () => ({}),
  updateTierCertificationRequirements: () => ({ requirements: [] }),
  createAnnouncement: (ids) => ({ title: `${ids.label} announcement`, body: 'Conformance', category: 'product_news', audience: { partnerIds: [ids.bodyPartnerId] } }),
  updateAnnouncement: (ids) => ({ title: `${ids.label} announcement` }),
  openRequest: (ids) => ({ partnerId: ids.bodyPartnerId, category: 'question', subject: `${ids.label} request`, message: 'Conformance' }),
  createRequestMessage: (ids) => ({ body: `${ids.label} message` }),
  transitionRequest: () => ({ to: 'resolved' }),
  upsertRequestTargets: () => ({
    businessHours: { timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', holidays: [] },
    categories: Object.fromEntries(['question', 'deal_support', 'technical', 'commercial', 'complaint'].map((c) => [c, { firstResponseHours: 8, resolutionHours: 40 }])),
  }),
};

/** What fills each path parameter besides `{id}`. */
const PARAMETERS: Record<string, (ids: SampleIds) => string> = {
  period: (ids) => ids.period,
  objectiveId: (ids) => ids.objectiveId,
  activityId: (ids) => ids.activityId,
  commentId: (ids) => ids.commentId,
  revision: (ids) => ids.revision,
  messageId: (ids) => ids.messageId,
  versionId: (ids) => ids.versionId,
  acceptanceId: (ids) => ids.acceptanceId,
};

/** The request for `operation` addressed to `ids`, with a valid body when it takes one. */
export function sampleRequest(operation: Operation, ids: SampleIds): SampleRequest {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const fill = name === 'id' ? () => idFor(operation.path, ids) : PARAMETERS[name] && (() => (PARAMETERS[name] as (ids: SampleIds) => string)(ids));
    if (!fill) throw new Error(`the kit has no value for {${name}} in ${operation.path}`);
    return encodeURIComponent(fill());
  });
  if (!operation.hasBody) return { path };
  const body = BODIES[operation.operationId];
  if (!body) throw new Error(`the kit has no sample body for ${operation.operationId}; add one to operations.ts`);
  return { path, body: body(ids) };
}

/** Operation ids that take a body but have no sample: must stay empty (a test checks it). */
export function operationsWithoutSamples(): string[] {
  return contractOperations()
    .filter((o) => o.hasBody && !(o.operationId in BODIES))
    .map((o) => o.operationId);
}
