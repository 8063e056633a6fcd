import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildOpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type Reference,
  type ResponseObject,
} from '@partnerkit/core/openapi';
import { DEFAULT_TREND_PERIODS } from '@partnerkit/core/rules';
import { DEFAULT_LIMIT, MAX_LIMIT, PageQuery, ScorecardQuery } from '@partnerkit/core/schemas';

/**
 * The v1 table of design.md ("The contract, v1"), written out independently of the path table in
 * src/openapi so the document is checked against the design, not against itself.
 */
type Role = 'admin' | 'manager' | 'partner' | 'publishable';
const ALL: Role[] = ['admin', 'manager', 'partner'];
const ADMIN: Role[] = ['admin'];
const VENDOR: Role[] = ['admin', 'manager'];

interface Expected {
  path: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  operationId: string;
  roles: Role[];
  /** Request body component. */
  body?: string;
  /** Success status -> response body component (null: no body). */
  success: Record<string, string | null>;
  /** Query parameters besides limit and cursor; `paged` adds limit and cursor. */
  query?: string[];
  paged?: true;
  /** Takes Idempotency-Key. */
  idempotent?: true;
  conflict?: true;
}

const v1: Expected[] = [
  { path: '/v1/sessions', method: 'post', operationId: 'createSession', roles: ADMIN, body: 'SessionInput', success: { 200: 'SessionToken' } },
  { path: '/v1/session', method: 'get', operationId: 'getSession', roles: ALL, success: { 200: 'Principal' } },

  { path: '/v1/tiers', method: 'get', operationId: 'listTiers', roles: ALL, paged: true, success: { 200: 'TierPage' } },
  { path: '/v1/tiers/{id}', method: 'get', operationId: 'getTier', roles: ALL, success: { 200: 'Tier' } },
  { path: '/v1/tiers/{id}', method: 'put', operationId: 'upsertTier', roles: ADMIN, body: 'TierInput', success: { 200: 'Tier', 201: 'Tier' } },
  { path: '/v1/tiers/{id}', method: 'delete', operationId: 'deleteTier', roles: ADMIN, success: { 204: null }, conflict: true },

  { path: '/v1/kpis', method: 'get', operationId: 'listKpis', roles: ALL, paged: true, success: { 200: 'KpiPage' } },
  { path: '/v1/kpis/{id}', method: 'get', operationId: 'getKpi', roles: ALL, success: { 200: 'Kpi' } },
  { path: '/v1/kpis/{id}', method: 'put', operationId: 'upsertKpi', roles: ADMIN, body: 'KpiInput', success: { 200: 'Kpi', 201: 'Kpi' } },
  { path: '/v1/kpis/{id}', method: 'delete', operationId: 'deleteKpi', roles: ADMIN, success: { 204: null }, conflict: true },

  {
    path: '/v1/partners',
    method: 'get',
    operationId: 'listPartners',
    roles: ALL,
    paged: true,
    query: ['type', 'status', 'tierId', 'country', 'region', 'q'],
    success: { 200: 'PartnerPage' },
  },
  { path: '/v1/partners', method: 'post', operationId: 'createPartner', roles: ADMIN, body: 'PartnerInput', idempotent: true, success: { 201: 'Partner' } },
  { path: '/v1/partners/{id}', method: 'get', operationId: 'getPartner', roles: ALL, success: { 200: 'Partner' } },
  { path: '/v1/partners/{id}', method: 'patch', operationId: 'updatePartner', roles: ADMIN, body: 'PartnerPatch', success: { 200: 'Partner' } },

  { path: '/v1/partners/{id}/targets', method: 'get', operationId: 'listTargets', roles: ALL, paged: true, query: ['kpiId', 'period'], success: { 200: 'TargetPage' } },
  { path: '/v1/partners/{id}/targets', method: 'put', operationId: 'upsertTargets', roles: ADMIN, body: 'TargetsInput', success: { 200: 'TargetsResult' } },

  { path: '/v1/measurements', method: 'post', operationId: 'ingestMeasurements', roles: ADMIN, body: 'MeasurementBatch', idempotent: true, conflict: true, success: { 200: 'MeasurementBatchResult' } },
  {
    path: '/v1/partners/{id}/measurements',
    method: 'get',
    operationId: 'listMeasurements',
    roles: ALL,
    paged: true,
    query: ['kpiId', 'from', 'to'],
    success: { 200: 'MeasurementPage' },
  },
  { path: '/v1/partners/{id}/scorecard', method: 'get', operationId: 'getScorecard', roles: ALL, query: ['period', 'periods'], success: { 200: 'Scorecard' } },

  { path: '/v1/deals', method: 'get', operationId: 'listDeals', roles: ALL, paged: true, query: ['status', 'partnerId', 'type', 'q'], success: { 200: 'DealPage' } },
  { path: '/v1/deals', method: 'post', operationId: 'registerDeal', roles: ALL, body: 'DealInput', idempotent: true, conflict: true, success: { 201: 'Deal' } },
  { path: '/v1/deals/{id}', method: 'get', operationId: 'getDeal', roles: ALL, success: { 200: 'Deal' } },
  { path: '/v1/deals/check', method: 'post', operationId: 'checkDeal', roles: ALL, body: 'DealCheckInput', success: { 200: 'DealCheckResult' } },
  {
    path: '/v1/deals/{id}/transitions',
    method: 'post',
    operationId: 'transitionDeal',
    roles: ALL,
    body: 'DealTransitionInput',
    idempotent: true,
    conflict: true,
    success: { 200: 'Deal' },
  },

  {
    path: '/v1/resources',
    method: 'get',
    operationId: 'listResources',
    roles: ALL,
    paged: true,
    query: ['type', 'tag', 'language', 'q', 'sort'],
    success: { 200: 'ResourcePage' },
  },
  { path: '/v1/resources', method: 'post', operationId: 'createResource', roles: ADMIN, body: 'ResourceInput', idempotent: true, success: { 201: 'Resource' } },
  { path: '/v1/resources/{id}', method: 'get', operationId: 'getResource', roles: ALL, success: { 200: 'Resource' } },
  { path: '/v1/resources/{id}', method: 'patch', operationId: 'updateResource', roles: ADMIN, body: 'ResourcePatch', success: { 200: 'Resource' } },
  { path: '/v1/resources/{id}', method: 'delete', operationId: 'deleteResource', roles: ADMIN, success: { 204: null } },
  { path: '/v1/resources/{id}/open', method: 'post', operationId: 'openResource', roles: ALL, idempotent: true, success: { 200: 'ResourceOpenResult' } },

  { path: '/v1/agreements', method: 'get', operationId: 'listAgreements', roles: ALL, paged: true, query: ['status', 'gate'], success: { 200: 'AgreementPage' } },
  { path: '/v1/agreements', method: 'post', operationId: 'createAgreement', roles: ADMIN, body: 'AgreementInput', idempotent: true, success: { 201: 'Agreement' } },
  { path: '/v1/agreements/{id}', method: 'get', operationId: 'getAgreement', roles: ALL, success: { 200: 'Agreement' } },
  { path: '/v1/agreements/{id}', method: 'patch', operationId: 'updateAgreement', roles: ADMIN, body: 'AgreementPatch', success: { 200: 'Agreement' } },
  { path: '/v1/agreements/{id}/versions', method: 'get', operationId: 'listAgreementVersions', roles: ALL, paged: true, success: { 200: 'AgreementVersionPage' } },
  {
    path: '/v1/agreements/{id}/versions',
    method: 'post',
    operationId: 'publishAgreementVersion',
    roles: ADMIN,
    body: 'AgreementVersionInput',
    idempotent: true,
    success: { 201: 'AgreementVersion' },
  },
  { path: '/v1/agreements/{id}/versions/{versionId}', method: 'get', operationId: 'getAgreementVersion', roles: ALL, success: { 200: 'AgreementVersion' } },
  { path: '/v1/partners/{id}/agreements', method: 'get', operationId: 'listPartnerAgreements', roles: ALL, paged: true, success: { 200: 'PartnerAgreementPage' } },
  { path: '/v1/partners/{id}/acceptances', method: 'get', operationId: 'listAcceptances', roles: ALL, paged: true, query: ['agreementId'], success: { 200: 'AcceptancePage' } },
  { path: '/v1/partners/{id}/acceptances', method: 'post', operationId: 'acceptAgreement', roles: ['partner'], body: 'AcceptanceInput', idempotent: true, success: { 201: 'Acceptance' } },
  { path: '/v1/partners/{id}/acceptances/{acceptanceId}', method: 'get', operationId: 'getAcceptance', roles: ALL, success: { 200: 'Acceptance' } },
  // Recruitment (design.md, "Round 2"): a publishable key may read the form and submit applications.
  { path: '/v1/application-form', method: 'get', operationId: 'getApplicationForm', roles: [...ALL, 'publishable'], success: { 200: 'ApplicationForm' } },
  { path: '/v1/application-form', method: 'put', operationId: 'updateApplicationForm', roles: ADMIN, body: 'ApplicationFormInput', success: { 200: 'ApplicationForm' } },
  {
    path: '/v1/applications',
    method: 'get',
    operationId: 'listApplications',
    roles: VENDOR,
    paged: true,
    query: ['status', 'partnerType', 'country', 'channel', 'q'],
    success: { 200: 'ApplicationPage' },
  },
  {
    path: '/v1/applications',
    method: 'post',
    operationId: 'createApplication',
    roles: [...VENDOR, 'publishable'],
    body: 'ApplicationInput',
    idempotent: true,
    success: { 201: 'ApplicationCreated' },
  },
  {
    path: '/v1/applications/pipeline',
    method: 'get',
    operationId: 'getApplicationPipeline',
    roles: VENDOR,
    query: ['partnerType', 'country', 'channel', 'q'],
    success: { 200: 'ApplicationPipeline' },
  },
  { path: '/v1/applications/{id}', method: 'get', operationId: 'getApplication', roles: VENDOR, success: { 200: 'Application' } },
  {
    path: '/v1/applications/{id}/transitions',
    method: 'post',
    operationId: 'transitionApplication',
    roles: VENDOR,
    body: 'ApplicationTransitionInput',
    idempotent: true,
    conflict: true,
    success: { 200: 'Application' },
  },
  { path: '/v1/applications/{id}/evaluations', method: 'get', operationId: 'listEvaluations', roles: VENDOR, success: { 200: 'EvaluationList' } },
  {
    path: '/v1/applications/{id}/evaluations',
    method: 'post',
    operationId: 'upsertEvaluation',
    roles: ['manager'],
    body: 'EvaluationInput',
    idempotent: true,
    conflict: true,
    success: { 200: 'Evaluation' },
  },
  { path: '/v1/selection-criteria', method: 'get', operationId: 'listSelectionCriteria', roles: VENDOR, paged: true, success: { 200: 'SelectionCriterionPage' } },
  { path: '/v1/selection-criteria/{id}', method: 'get', operationId: 'getSelectionCriterion', roles: VENDOR, success: { 200: 'SelectionCriterion' } },
  {
    path: '/v1/selection-criteria/{id}',
    method: 'put',
    operationId: 'upsertSelectionCriterion',
    roles: ADMIN,
    body: 'SelectionCriterionInput',
    success: { 200: 'SelectionCriterion', 201: 'SelectionCriterion' },
  },
  { path: '/v1/selection-criteria/{id}', method: 'delete', operationId: 'deleteSelectionCriterion', roles: ADMIN, success: { 204: null }, conflict: true },
  { path: '/v1/selection-thresholds', method: 'get', operationId: 'getSelectionThresholds', roles: VENDOR, success: { 200: 'SelectionThresholds' } },
  { path: '/v1/selection-thresholds', method: 'put', operationId: 'updateSelectionThresholds', roles: ADMIN, body: 'SelectionThresholdsInput', success: { 200: 'SelectionThresholds' } },
  { path: '/v1/publishable-keys', method: 'get', operationId: 'listPublishableKeys', roles: ADMIN, paged: true, success: { 200: 'PublishableKeyPage' } },
  {
    path: '/v1/publishable-keys',
    method: 'post',
    operationId: 'createPublishableKey',
    roles: ADMIN,
    body: 'PublishableKeyInput',
    idempotent: true,
    success: { 201: 'PublishableKey' },
  },
  { path: '/v1/publishable-keys/{id}', method: 'get', operationId: 'getPublishableKey', roles: ADMIN, success: { 200: 'PublishableKey' } },
  { path: '/v1/publishable-keys/{id}', method: 'patch', operationId: 'updatePublishableKey', roles: ADMIN, body: 'PublishableKeyPatch', success: { 200: 'PublishableKey' } },
  { path: '/v1/publishable-keys/{id}', method: 'delete', operationId: 'deletePublishableKey', roles: ADMIN, success: { 204: null } },

  {
    path: '/v1/partners/{id}/plans',
    method: 'get',
    operationId: 'listPlans',
    roles: ALL,
    paged: true,
    query: ['period', 'status'],
    success: { 200: 'PlanSummaryPage' },
  },
  { path: '/v1/partners/{id}/plans/{period}', method: 'get', operationId: 'getPlan', roles: ALL, success: { 200: 'Plan' } },
  { path: '/v1/partners/{id}/plans/{period}', method: 'put', operationId: 'upsertPlan', roles: ALL, body: 'PlanInput', success: { 200: 'Plan', 201: 'Plan' } },
  {
    path: '/v1/partners/{id}/plans/{period}/transitions',
    method: 'post',
    operationId: 'transitionPlan',
    roles: ALL,
    body: 'PlanTransitionInput',
    idempotent: true,
    conflict: true,
    success: { 200: 'Plan' },
  },
  { path: '/v1/partners/{id}/plans/{period}/revisions', method: 'get', operationId: 'listPlanRevisions', roles: ALL, paged: true, success: { 200: 'PlanRevisionPage' } },
  { path: '/v1/partners/{id}/plans/{period}/revisions/{revision}', method: 'get', operationId: 'getPlanRevision', roles: ALL, success: { 200: 'PlanRevision' } },
  {
    path: '/v1/partners/{id}/plans/{period}/objectives',
    method: 'post',
    operationId: 'createPlanObjective',
    roles: ALL,
    body: 'PlanObjectiveInput',
    idempotent: true,
    success: { 201: 'PlanObjective' },
  },
  { path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}', method: 'get', operationId: 'getPlanObjective', roles: ALL, success: { 200: 'PlanObjective' } },
  {
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}',
    method: 'patch',
    operationId: 'updatePlanObjective',
    roles: ALL,
    body: 'PlanObjectivePatch',
    success: { 200: 'PlanObjective' },
  },
  { path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}', method: 'delete', operationId: 'deletePlanObjective', roles: ALL, success: { 204: null } },
  {
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}/activities',
    method: 'post',
    operationId: 'createPlanActivity',
    roles: ALL,
    body: 'PlanActivityInput',
    idempotent: true,
    success: { 201: 'PlanActivity' },
  },
  {
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}/activities/{activityId}',
    method: 'get',
    operationId: 'getPlanActivity',
    roles: ALL,
    success: { 200: 'PlanActivity' },
  },
  {
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}/activities/{activityId}',
    method: 'patch',
    operationId: 'updatePlanActivity',
    roles: ALL,
    body: 'PlanActivityPatch',
    success: { 200: 'PlanActivity' },
  },
  {
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}/activities/{activityId}',
    method: 'delete',
    operationId: 'deletePlanActivity',
    roles: ALL,
    success: { 204: null },
  },
  {
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}/comments',
    method: 'post',
    operationId: 'createPlanComment',
    roles: ALL,
    body: 'PlanCommentInput',
    idempotent: true,
    success: { 201: 'PlanComment' },
  },
  {
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}/comments/{commentId}',
    method: 'get',
    operationId: 'getPlanComment',
    roles: ALL,
    success: { 200: 'PlanComment' },
  },
  {
    path: '/v1/plan-objectives',
    method: 'get',
    operationId: 'listPlanObjectives',
    roles: ALL,
    paged: true,
    query: ['partnerId', 'period', 'side', 'kind', 'overdue'],
    success: { 200: 'PlanObjectivePage' },
  },

  // Enablement
  { path: '/v1/certifications', method: 'get', operationId: 'listCertifications', roles: ALL, paged: true, query: ['q'], success: { 200: 'CertificationPage' } },
  { path: '/v1/certifications', method: 'post', operationId: 'createCertification', roles: ADMIN, body: 'CertificationInput', idempotent: true, success: { 201: 'Certification' } },
  { path: '/v1/certifications/{id}', method: 'get', operationId: 'getCertification', roles: ALL, success: { 200: 'Certification' } },
  { path: '/v1/certifications/{id}', method: 'patch', operationId: 'updateCertification', roles: ADMIN, body: 'CertificationPatch', success: { 200: 'Certification' } },
  { path: '/v1/courses', method: 'get', operationId: 'listCourses', roles: ALL, paged: true, query: ['status', 'format', 'language', 'certificationId', 'q'], success: { 200: 'CoursePage' } },
  { path: '/v1/courses', method: 'post', operationId: 'createCourse', roles: ADMIN, body: 'CourseInput', idempotent: true, success: { 201: 'Course' } },
  { path: '/v1/courses/{id}', method: 'get', operationId: 'getCourse', roles: ALL, success: { 200: 'Course' } },
  { path: '/v1/courses/{id}', method: 'patch', operationId: 'updateCourse', roles: ADMIN, body: 'CoursePatch', success: { 200: 'Course' } },
  { path: '/v1/courses/{id}/assessment-key', method: 'get', operationId: 'getAssessmentKey', roles: ADMIN, success: { 200: 'AssessmentKey' } },
  { path: '/v1/partners/{id}/people', method: 'get', operationId: 'listPeople', roles: ALL, paged: true, query: ['q'], success: { 200: 'PersonPage' } },
  { path: '/v1/partners/{id}/people', method: 'post', operationId: 'createPerson', roles: ['admin', 'partner'], body: 'PersonInput', idempotent: true, success: { 201: 'Person' } },
  { path: '/v1/people/{id}', method: 'get', operationId: 'getPerson', roles: ALL, success: { 200: 'Person' } },
  { path: '/v1/people/{id}', method: 'patch', operationId: 'updatePerson', roles: ['admin', 'partner'], body: 'PersonPatch', success: { 200: 'Person' } },
  { path: '/v1/enrolments', method: 'get', operationId: 'listEnrolments', roles: ALL, paged: true, query: ['partnerId', 'personId', 'courseId', 'status'], success: { 200: 'EnrolmentPage' } },
  { path: '/v1/enrolments', method: 'post', operationId: 'createEnrolment', roles: ['admin', 'partner'], body: 'EnrolmentInput', idempotent: true, success: { 200: 'Enrolment', 201: 'Enrolment' } },
  { path: '/v1/enrolments/{id}', method: 'get', operationId: 'getEnrolment', roles: ALL, success: { 200: 'Enrolment' } },
  { path: '/v1/enrolments/{id}/progress', method: 'post', operationId: 'recordEnrolmentProgress', roles: ['admin', 'partner'], body: 'EnrolmentProgressInput', idempotent: true, conflict: true, success: { 200: 'Enrolment' } },
  { path: '/v1/enrolments/{id}/attempts', method: 'post', operationId: 'submitAttempt', roles: ['admin', 'partner'], body: 'AttemptInput', idempotent: true, conflict: true, success: { 200: 'AttemptResult' } },
  { path: '/v1/enrolments/{id}/transitions', method: 'post', operationId: 'transitionEnrolment', roles: ['admin', 'partner'], body: 'EnrolmentTransitionInput', idempotent: true, conflict: true, success: { 200: 'Enrolment' } },
  { path: '/v1/certificates', method: 'get', operationId: 'listCertificates', roles: ALL, paged: true, query: ['partnerId', 'personId', 'certificationId', 'status'], success: { 200: 'CertificatePage' } },
  { path: '/v1/certificates', method: 'post', operationId: 'createCertificate', roles: ADMIN, body: 'CertificateInput', idempotent: true, success: { 200: 'Certificate', 201: 'Certificate' } },
  { path: '/v1/certificates/{id}', method: 'get', operationId: 'getCertificate', roles: ALL, success: { 200: 'Certificate' } },
  { path: '/v1/certificates/{id}/renewal', method: 'post', operationId: 'renewCertificate', roles: ADMIN, body: 'CertificateRenewalInput', idempotent: true, success: { 200: 'Certificate' } },
  { path: '/v1/certification-requirements', method: 'get', operationId: 'listCertificationRequirements', roles: ALL, paged: true, success: { 200: 'TierCertificationRequirementsPage' } },
  { path: '/v1/tiers/{id}/certification-requirements', method: 'get', operationId: 'getTierCertificationRequirements', roles: ALL, success: { 200: 'TierCertificationRequirements' } },
  { path: '/v1/tiers/{id}/certification-requirements', method: 'put', operationId: 'updateTierCertificationRequirements', roles: ADMIN, body: 'TierCertificationRequirementsInput', success: { 200: 'TierCertificationRequirements' } },
  { path: '/v1/partners/{id}/enablement', method: 'get', operationId: 'getPartnerEnablement', roles: ALL, success: { 200: 'PartnerEnablement' } },

  { path: '/v1/announcements', method: 'get', operationId: 'listAnnouncements', roles: ALL, paged: true, query: ['category', 'pinned', 'read', 'status'], success: { 200: 'AnnouncementPage' } },
  { path: '/v1/announcements', method: 'post', operationId: 'createAnnouncement', roles: ['admin', 'manager'], body: 'AnnouncementInput', idempotent: true, success: { 201: 'Announcement' } },
  { path: '/v1/announcements/{id}', method: 'get', operationId: 'getAnnouncement', roles: ALL, success: { 200: 'Announcement' } },
  { path: '/v1/announcements/{id}', method: 'patch', operationId: 'updateAnnouncement', roles: ['admin', 'manager'], body: 'AnnouncementPatch', success: { 200: 'Announcement' } },
  { path: '/v1/announcements/{id}/read', method: 'put', operationId: 'upsertAnnouncementRead', roles: ['partner'], success: { 200: 'Announcement' } },
  { path: '/v1/announcements/{id}/reads', method: 'get', operationId: 'listAnnouncementReads', roles: ['admin', 'manager'], paged: true, success: { 200: 'AnnouncementReadPage' } },
  { path: '/v1/requests', method: 'get', operationId: 'listRequests', roles: ALL, paged: true, query: ['status', 'category', 'partnerId', 'sort'], success: { 200: 'PartnerRequestSummaryPage' } },
  { path: '/v1/requests', method: 'post', operationId: 'openRequest', roles: ALL, body: 'PartnerRequestInput', idempotent: true, success: { 201: 'PartnerRequest' } },
  { path: '/v1/requests/{id}', method: 'get', operationId: 'getRequest', roles: ALL, success: { 200: 'PartnerRequest' } },
  { path: '/v1/requests/{id}/messages', method: 'post', operationId: 'createRequestMessage', roles: ALL, body: 'RequestMessageInput', idempotent: true, conflict: true, success: { 201: 'RequestMessage' } },
  { path: '/v1/requests/{id}/messages/{messageId}', method: 'get', operationId: 'getRequestMessage', roles: ALL, success: { 200: 'RequestMessage' } },
  { path: '/v1/requests/{id}/transitions', method: 'post', operationId: 'transitionRequest', roles: ALL, body: 'RequestTransitionInput', idempotent: true, conflict: true, success: { 200: 'PartnerRequest' } },
  { path: '/v1/request-targets', method: 'get', operationId: 'getRequestTargets', roles: ALL, success: { 200: 'RequestTargets' } },
  { path: '/v1/request-targets', method: 'put', operationId: 'upsertRequestTargets', roles: ADMIN, body: 'RequestTargetsInput', success: { 200: 'RequestTargets' } },

  {
    path: '/v1/events',
    method: 'get',
    operationId: 'listEvents',
    roles: ['admin', 'manager'],
    paged: true,
    query: ['after', 'type', 'partnerId'],
    success: { 200: 'EventPage' },
  },
  { path: '/v1/openapi.json', method: 'get', operationId: 'getOpenApiDocument', roles: [], success: { 200: null } },
];

const doc = buildOpenApiDocument();

const isRef = (value: object): value is Reference => '$ref' in value;

function resolve<T>(value: T | Reference): T {
  if (!isRef(value as object)) return value as T;
  const ref = (value as Reference).$ref;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc);
  assert.ok(target !== undefined, `${ref} does not resolve`);
  return target as T;
}

const operationOf = (e: Expected): OperationObject => {
  const operation = doc.paths[e.path]?.[e.method];
  assert.ok(operation, `${e.method.toUpperCase()} ${e.path} is missing`);
  return operation;
};

const parametersOf = (operation: OperationObject): ParameterObject[] => (operation.parameters ?? []).map((p) => resolve(p));

const responseOf = (operation: OperationObject, status: string): ResponseObject | undefined => {
  const response = operation.responses[status];
  return response === undefined ? undefined : resolve(response);
};

const componentOf = (schema: unknown): string | null => {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  return ref === undefined ? null : ref.replace('#/components/schemas/', '');
};

describe('the v1 path table', () => {
  test('has exactly the operations of the design, no more', () => {
    const present = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    assert.deepEqual(present.sort(), v1.map((e) => `${e.method} ${e.path}`).sort());
  });

  for (const e of v1) {
    describe(`${e.method.toUpperCase()} ${e.path}`, () => {
      test('has its operationId, tag, roles and a description that says who may call', () => {
        const operation = operationOf(e);
        assert.equal(operation.operationId, e.operationId);
        assert.equal(operation.tags.length, 1);
        assert.ok(doc.tags.some((tag) => tag.name === operation.tags[0]), `tag ${operation.tags[0]} is not declared`);
        assert.deepEqual(operation['x-roles'], e.roles);
        assert.match(operation.description, /\*\*Who may call:\*\*/);
        for (const role of e.roles) assert.match(operation.description, new RegExp(`\\b${role}\\b`));
        assert.ok(operation.summary.length > 0);
      });

      test('takes its parameters', () => {
        const operation = operationOf(e);
        const parameters = parametersOf(operation);
        const names = (where: string) => parameters.filter((p) => p.in === where).map((p) => p.name);
        assert.deepEqual(names('path'), [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
        const query = [...(e.paged ? ['limit', 'cursor'] : []), ...(e.query ?? [])];
        assert.deepEqual(names('query').sort(), query.sort());
        assert.deepEqual(names('header'), e.idempotent ? ['Idempotency-Key'] : []);
        for (const p of parameters) {
          assert.ok(p.description.length > 10, `${p.name} has no description`);
          assert.equal(p.required, p.in === 'path', `${p.name} required`);
        }
      });

      test('reads its request body as JSON', () => {
        const body = operationOf(e).requestBody;
        if (e.body === undefined) return assert.equal(body, undefined);
        assert.ok(body?.required);
        assert.deepEqual(Object.keys(body.content), ['application/json']);
        assert.equal(componentOf(body.content['application/json']?.schema), e.body);
      });

      test('answers its success responses', () => {
        const operation = operationOf(e);
        const successes = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
        assert.deepEqual(successes.sort(), Object.keys(e.success).sort());
        for (const [status, component] of Object.entries(e.success)) {
          const response = responseOf(operation, status)!;
          if (status === '204') assert.equal(response.content, undefined);
          else if (component !== null) assert.equal(componentOf(response.content?.['application/json']?.schema), component);
          else assert.ok(response.content?.['application/json'], 'a JSON body');
        }
      });

      test('answers its errors as problem documents', () => {
        const operation = operationOf(e);
        const errors = Object.keys(operation.responses).filter((status) => !status.startsWith('2'));
        // Any request may be malformed HTTP, arrive too slowly or carry too much header; any backend may fail.
        const expected = new Set<string>(['400', '408', '429', '431', '500', '503']);
        if (e.roles.length > 0) expected.add('401');
        if (e.body !== undefined) ['413', '415'].forEach((s) => expected.add(s));
        if (e.path.includes('{')) expected.add('404');
        const sessionRoles = e.roles.filter((role) => role !== 'publishable');
        if (sessionRoles.length > 0 && sessionRoles.length < 3) expected.add('403');
        // A publishable key from an origin it does not list is refused with 403.
        if (e.roles.includes('publishable')) expected.add('403');
        if (e.conflict) expected.add('409');
        if (e.idempotent) expected.add('422');
        // Finer per-object rules (a deal move, a locked resource, an agreement to accept first, the
        // other side's plan item, a request's move) may also refuse with 403.
        const finer = ['transitionDeal', 'openResource', 'registerDeal', 'acceptAgreement', 'createPlanObjective', 'updatePlanObjective', 'deletePlanObjective', 'createPlanActivity', 'updatePlanActivity', 'deletePlanActivity', 'transitionRequest'];
        if (finer.includes(e.operationId)) expected.add('403');
        assert.deepEqual(errors.sort(), [...expected].sort());
        for (const status of errors) {
          const response = responseOf(operation, status)!;
          assert.deepEqual(Object.keys(response.content ?? {}), ['application/problem+json'], status);
          assert.equal(componentOf(response.content?.['application/problem+json']?.schema), 'Problem');
        }
      });

      test('carries X-Request-Id on every response, Location on 201, Retry-After on 429', () => {
        const operation = operationOf(e);
        for (const [status, value] of Object.entries(operation.responses)) {
          const headers = Object.keys(resolve(value).headers ?? {});
          assert.ok(headers.includes('X-Request-Id'), `${status} lacks X-Request-Id`);
          assert.equal(headers.includes('Location'), status === '201', `${status} and Location`);
          if (status === '429') assert.ok(headers.includes('Retry-After'));
          if (status === '401') assert.ok(headers.includes('WWW-Authenticate'));
        }
      });
    });
  }
});

describe('security', () => {
  test('every operation but the document itself needs a bearer token of one of its roles', () => {
    assert.deepEqual(doc.components.securitySchemes.bearerAuth, {
      ...doc.components.securitySchemes.bearerAuth,
      type: 'http',
      scheme: 'bearer',
    });
    assert.deepEqual(doc.security, [{ bearerAuth: [] }]);
    for (const e of v1) {
      const operation = operationOf(e);
      // One alternative per role (OpenAPI 3.1 lets a non-OAuth requirement list role names); the
      // description and x-roles say the same.
      assert.deepEqual(operation.security, e.roles.map((role) => ({ bearerAuth: [role] })), e.operationId);
      assert.deepEqual(operation['x-roles'], e.roles, e.operationId);
      for (const role of e.roles) assert.match(operation.description, new RegExp(`\\*\\*Who may call:\\*\\*[^\\n]*${role}`), e.operationId);
    }
  });

  test('descriptions state the scope rule where a partner sees less', () => {
    const scoped = ['getPartner', 'getDeal', 'transitionDeal', 'listTargets', 'listMeasurements', 'getScorecard'];
    for (const operationId of [...scoped, 'getAgreement', 'listPartnerAgreements', 'listAcceptances', 'acceptAgreement', 'getPlan', 'transitionPlan', 'createPlanObjective']) {
      const e = v1.find((x) => x.operationId === operationId)!;
      assert.match(operationOf(e).description, /404/, operationId);
    }
    const id = doc.components.parameters.DealId!;
    assert.match(id.description, /outside the caller's scope answers 404/);
  });
});

describe('pagination and filters', () => {
  test('limit is 1-200, default 50, and agrees with the PageQuery schema', () => {
    assert.deepEqual(doc.components.parameters.limit!.schema, { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT });
    assert.equal(MAX_LIMIT, 200);
    assert.equal(DEFAULT_LIMIT, 50);
    for (const ok of ['1', '50', '200']) assert.ok(PageQuery.safeParse({ limit: ok }).success, ok);
    for (const bad of ['0', '201', '-1', '1.5', 'ten']) assert.ok(!PageQuery.safeParse({ limit: bad }).success, bad);
  });

  test('the scorecard\'s periods is 1-24, default 6, and agrees with the ScorecardQuery schema', () => {
    const operation = operationOf(v1.find((e) => e.operationId === 'getScorecard')!);
    const periods = parametersOf(operation).find((p) => p.name === 'periods')!;
    assert.deepEqual(periods.schema, { type: 'integer', minimum: 1, maximum: 24, default: 6 });
    assert.equal(DEFAULT_TREND_PERIODS, 6, 'the rules\' default trend length');
    for (const ok of ['1', '6', '24']) assert.ok(ScorecardQuery.safeParse({ periods: ok }).success, ok);
    for (const bad of ['0', '25', '6.0']) assert.ok(!ScorecardQuery.safeParse({ periods: bad }).success, bad);
  });

  test('every page is { data, nextCursor } and the resource page adds total and facets', () => {
    const schemas = doc.components.schemas;
    for (const e of v1.filter((x) => x.paged)) {
      const name = e.success['200']!;
      const page = schemas[name] as { properties: Record<string, { type?: unknown; anyOf?: unknown[] }>; required: string[] };
      assert.equal(page.properties.data?.type, 'array', name);
      const cursor = page.properties.nextCursor;
      const stringOrNull = [{ type: ['string', 'null'] }, { anyOf: [{ type: 'string' }, { type: 'null' }] }];
      assert.ok(stringOrNull.some((form) => JSON.stringify(form) === JSON.stringify(cursor)), `${name}.nextCursor is ${JSON.stringify(cursor)}`);
      assert.ok(page.required.includes('data') && page.required.includes('nextCursor'), name);
    }
    const resources = schemas.ResourcePage as { properties: Record<string, unknown>; required: string[] };
    assert.ok(resources.required.includes('total') && resources.required.includes('facets'));
    assert.equal(componentOf(resources.properties.facets), 'ResourceFacets');
  });

  test('filters are named as the fields they filter', () => {
    // Search, ordering and range parameters filter no single field; `tag` matches one of `tags`,
    // `gate` one of `gates`, `overdue` the objective's `progress.overdue`, `read` the announcement's `readAt`.
    const notFields = new Set(['limit', 'cursor', 'q', 'sort', 'after', 'from', 'to', 'periods']);
    const fieldOf = (name: string) => ({ tag: 'tags', gate: 'gates', overdue: 'progress', read: 'readAt' })[name] ?? name;
    // An application's country and channel are fields of its company and its source.
    const nested: Record<string, Record<string, [string, string]>> = { listApplications: { country: ['company', 'country'], channel: ['source', 'channel'] } };
    const propertiesOf = (schema: unknown) => (doc.components.schemas[componentOf(schema)!] as { properties: Record<string, unknown> }).properties;
    for (const e of v1.filter((x) => x.paged)) {
      const page = doc.components.schemas[e.success['200']!] as { properties: { data: { items: unknown } } };
      const item = propertiesOf(page.properties.data.items);
      for (const p of parametersOf(operationOf(e)).filter((x) => x.in === 'query' && !notFields.has(x.name))) {
        const inner = nested[e.operationId]?.[p.name];
        if (inner) assert.ok(inner[1] in propertiesOf(item[inner[0]]), `${e.operationId}: ${p.name} is not a field of the item's ${inner[0]}`);
        else assert.ok(fieldOf(p.name) in item, `${e.operationId}: ${p.name} is not a field of the item`);
      }
    }
  });

  test('the Idempotency-Key header promises the same result for the same body and 422 for another', () => {
    const header = doc.components.parameters.IdempotencyKey!;
    assert.equal(header.name, 'Idempotency-Key');
    assert.equal(header.in, 'header');
    assert.match(header.description, /idempotency_mismatch/);
    assert.match(header.description, /24 hours/);
    assert.equal(componentOf(header.schema), 'IdempotencyKey');
  });
});

describe('operationIds', () => {
  test('are unique lowerCamelCase verbs', () => {
    const ids = v1.map((e) => operationOf(e).operationId);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^(list|get|create|update|upsert|delete|register|check|transition|ingest|open|record|submit|renew|publish|accept)[A-Z][A-Za-z]+$/);
  });
});
