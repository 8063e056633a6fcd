/**
 * `@partnerkit/core/client/enablement`: certifications, the course catalogue, partners' people,
 * enrolments and assessment attempts, certificates, and tier certification requirements.
 * @module
 */
import {
  AssessmentKey,
  AttemptResult,
  Certificate,
  Certification,
  Course,
  Enrolment,
  PartnerEnablement,
  Person,
  TierCertificationRequirements,
  type AttemptInput,
  type CertificateInput,
  type CertificateRenewalInput,
  type CertificationInput,
  type CertificationPatch,
  type CourseInput,
  type CoursePatch,
  type EnrolmentInput,
  type EnrolmentTransitionInput,
  type PersonInput,
  type PersonPatch,
  type TierCertificationRequirementsInput,
} from '../../schemas/enablement.js';
import { page, type Page } from '../../schemas/page.js';
import type { CertificateListQuery, CertificationListQuery, CourseListQuery, EnrolmentListQuery, PersonListQuery } from '../../schemas/queries.js';
import { newIdempotencyKey } from '../http/idempotency-key.js';
import { route } from '../http/url.js';
import type { CreateOptions, RequestOptions } from '../options.js';
import type { Filters, ListParams } from '../params.js';
import { definePart } from '../part.js';

/** Filters of `client.enablement.courses()`. */
export type CourseListParams = ListParams & Filters<CourseListQuery>;
/** Filters of `client.enablement.certifications()`. */
export type CertificationListParams = ListParams & Filters<CertificationListQuery>;
/** Filters of `client.enablement.people()`. */
export type PersonListParams = ListParams & Filters<PersonListQuery>;
/** Filters of `client.enablement.enrolments()`. */
export type EnrolmentListParams = ListParams & Filters<EnrolmentListQuery>;
/** Filters of `client.enablement.certificates()`. */
export type CertificateListParams = ListParams & Filters<CertificateListQuery>;

const CertificationPage = /* @__PURE__ */ page(Certification);
const CoursePage = /* @__PURE__ */ page(Course);
const PersonPage = /* @__PURE__ */ page(Person);
const EnrolmentPage = /* @__PURE__ */ page(Enrolment);
const CertificatePage = /* @__PURE__ */ page(Certificate);
const RequirementsPage = /* @__PURE__ */ page(TierCertificationRequirements);

/** A step of an enrolment changes the enrolment, the person's certificates and the partner's enablement. */
const LEARNING = ['enrolments', 'certificates', 'partners'];

const withKey = (options: CreateOptions | undefined): CreateOptions => ({ ...options, idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey() });

/**
 * `client.enablement`: training and certification. Admins keep the catalogue, certifications and
 * requirements and record certificates; a partner session enrols its own people, records their
 * progress and submits their attempts (scored on the backend: the answers never reach the
 * browser); everyone reads what their scope allows.
 *
 * @example
 * ```ts
 * const { data: courses } = await client.enablement.courses({ certificationId: 'cert_sales_fundamentals' });
 * const enrolment = await client.enablement.enrol({ courseId: courses[0].id, personId: 'pp_1' });
 * await client.enablement.completeModule(enrolment.id, 'm1');
 * const result = await client.enablement.submitAttempt(enrolment.id, { answers });
 * if (result.passed) console.log('certificate', result.certificateId);
 * ```
 */
export interface EnablementApi {
  /** One page of certifications. */
  certifications(query?: CertificationListParams, options?: RequestOptions): Promise<Page<Certification>>;
  /** One certification. */
  certification(id: string, options?: RequestOptions): Promise<Certification>;
  /** Adds a certification (admin). Sends an `Idempotency-Key` unless you give one. */
  createCertification(input: CertificationInput, options?: CreateOptions): Promise<Certification>;
  /** Changes a certification (admin). */
  updateCertification(id: string, patch: CertificationPatch, options?: RequestOptions): Promise<Certification>;

  /** One page of the catalogue (a partner session: the published courses it may take). */
  courses(query?: CourseListParams, options?: RequestOptions): Promise<Page<Course>>;
  /** Every course that matches, page after page. */
  iterateCourses(query?: CourseListParams, options?: RequestOptions): AsyncGenerator<Course, void, undefined>;
  /** One course, its assessment without the answers. */
  course(id: string, options?: RequestOptions): Promise<Course>;
  /** Adds a course (admin). Sends an `Idempotency-Key` unless you give one. */
  createCourse(input: CourseInput, options?: CreateOptions): Promise<Course>;
  /** Changes, publishes or retires a course (admin). */
  updateCourse(id: string, patch: CoursePatch, options?: RequestOptions): Promise<Course>;
  /** The correct choices of a course's assessment (admin). */
  assessmentKey(courseId: string, options?: RequestOptions): Promise<AssessmentKey>;

  /** One page of a partner's people. */
  people(partnerId: string, query?: PersonListParams, options?: RequestOptions): Promise<Page<Person>>;
  /** One person. */
  person(id: string, options?: RequestOptions): Promise<Person>;
  /** Adds a person to a partner. Sends an `Idempotency-Key` unless you give one. */
  addPerson(partnerId: string, input: PersonInput, options?: CreateOptions): Promise<Person>;
  /** Changes a person. */
  updatePerson(id: string, patch: PersonPatch, options?: RequestOptions): Promise<Person>;

  /** One page of enrolments. */
  enrolments(query?: EnrolmentListParams, options?: RequestOptions): Promise<Page<Enrolment>>;
  /** Every enrolment that matches, page after page. */
  iterateEnrolments(query?: EnrolmentListParams, options?: RequestOptions): AsyncGenerator<Enrolment, void, undefined>;
  /** One enrolment. */
  enrolment(id: string, options?: RequestOptions): Promise<Enrolment>;
  /** Enrols a person in a course (or answers their open enrolment). Sends an `Idempotency-Key` unless you give one. */
  enrol(input: EnrolmentInput, options?: CreateOptions): Promise<Enrolment>;
  /** Marks a module done. Sends an `Idempotency-Key` unless you give one. */
  completeModule(enrolmentId: string, moduleId: string, options?: CreateOptions): Promise<Enrolment>;
  /**
   * Submits an attempt at the assessment, scored on the backend. Always sends an
   * `Idempotency-Key` (a new random one unless you give one), so a retry never uses a second
   * attempt. Rejects with `attempts_exhausted` or `assessment_passed` conflicts.
   */
  submitAttempt(enrolmentId: string, input: AttemptInput, options?: CreateOptions): Promise<AttemptResult>;
  /** Withdraws, re-enrols, completes (admin) or reopens (admin, with a reason) an enrolment. */
  transitionEnrolment(enrolmentId: string, input: EnrolmentTransitionInput, options?: CreateOptions): Promise<Enrolment>;

  /** One page of certificates, each with its status at the backend's clock. */
  certificates(query?: CertificateListParams, options?: RequestOptions): Promise<Page<Certificate>>;
  /** Every certificate that matches, page after page. */
  iterateCertificates(query?: CertificateListParams, options?: RequestOptions): AsyncGenerator<Certificate, void, undefined>;
  /** One certificate. */
  certificate(id: string, options?: RequestOptions): Promise<Certificate>;
  /** Records a certificate (admin, or an LMS with its external id). Sends an `Idempotency-Key` unless you give one. */
  recordCertificate(input: CertificateInput, options?: CreateOptions): Promise<Certificate>;
  /** Renews a certificate (admin). Sends an `Idempotency-Key` unless you give one. */
  renewCertificate(id: string, input?: CertificateRenewalInput, options?: CreateOptions): Promise<Certificate>;

  /** Every tier's certification requirements, by rank. */
  requirements(query?: ListParams, options?: RequestOptions): Promise<Page<TierCertificationRequirements>>;
  /** One tier's certification requirements. */
  tierRequirements(tierId: string, options?: RequestOptions): Promise<TierCertificationRequirements>;
  /** Replaces a tier's certification requirements (admin). */
  setTierRequirements(tierId: string, input: TierCertificationRequirementsInput, options?: RequestOptions): Promise<TierCertificationRequirements>;
  /** A partner's certifications against the tiers' requirements: certified staff, what is missing, expiry warnings. */
  partnerEnablement(partnerId: string, options?: RequestOptions): Promise<PartnerEnablement>;
}

/**
 * `enablement(client)`: the enablement namespace of any PartnerKit client (`client.enablement` on a full one).
 *
 * @example
 * ```ts
 * import { enablement } from '@partnerkit/core/client/enablement';
 * const standing = await enablement(client).partnerEnablement('p_1');
 * ```
 */
export const enablement = /* @__PURE__ */ definePart(
  'enablement',
  (requests): EnablementApi => ({
    certifications: (query, options) => requests.get('certifications', CertificationPage, query, options),
    certification: (id, options) => requests.get(route`certifications/${id}`, Certification, undefined, options),
    createCertification: (input, options) => requests.mutate('POST', 'certifications', Certification, input, withKey(options)),
    updateCertification: (id, patch, options) => requests.mutate('PATCH', route`certifications/${id}`, Certification, patch, options, ['certifications', 'partners']),

    courses: (query, options) => requests.get('courses', CoursePage, query, options),
    iterateCourses: (query, options) => requests.iterate('courses', CoursePage, query, options),
    course: (id, options) => requests.get(route`courses/${id}`, Course, undefined, options),
    createCourse: (input, options) => requests.mutate('POST', 'courses', Course, input, withKey(options)),
    updateCourse: (id, patch, options) => requests.mutate('PATCH', route`courses/${id}`, Course, patch, options),
    assessmentKey: (courseId, options) => requests.get(route`courses/${courseId}/assessment-key`, AssessmentKey, undefined, options),

    people: (partnerId, query, options) => requests.get(route`partners/${partnerId}/people`, PersonPage, query, options),
    person: (id, options) => requests.get(route`people/${id}`, Person, undefined, options),
    addPerson: (partnerId, input, options) => requests.mutate('POST', route`partners/${partnerId}/people`, Person, input, withKey(options), ['partners', 'people']),
    updatePerson: (id, patch, options) => requests.mutate('PATCH', route`people/${id}`, Person, patch, options, ['partners', 'people']),

    enrolments: (query, options) => requests.get('enrolments', EnrolmentPage, query, options),
    iterateEnrolments: (query, options) => requests.iterate('enrolments', EnrolmentPage, query, options),
    enrolment: (id, options) => requests.get(route`enrolments/${id}`, Enrolment, undefined, options),
    enrol: (input, options) => requests.mutate('POST', 'enrolments', Enrolment, input, withKey(options), LEARNING),
    completeModule: (enrolmentId, moduleId, options) =>
      requests.mutate('POST', route`enrolments/${enrolmentId}/progress`, Enrolment, { moduleId }, withKey(options), LEARNING),
    submitAttempt: (enrolmentId, input, options) => requests.mutate('POST', route`enrolments/${enrolmentId}/attempts`, AttemptResult, input, withKey(options), LEARNING),
    transitionEnrolment: (enrolmentId, input, options) =>
      requests.mutate('POST', route`enrolments/${enrolmentId}/transitions`, Enrolment, input, withKey(options), LEARNING),

    certificates: (query, options) => requests.get('certificates', CertificatePage, query, options),
    iterateCertificates: (query, options) => requests.iterate('certificates', CertificatePage, query, options),
    certificate: (id, options) => requests.get(route`certificates/${id}`, Certificate, undefined, options),
    recordCertificate: (input, options) => requests.mutate('POST', 'certificates', Certificate, input, withKey(options), LEARNING),
    renewCertificate: (id, input, options) => requests.mutate('POST', route`certificates/${id}/renewal`, Certificate, input ?? {}, withKey(options), LEARNING),

    requirements: (query, options) => requests.get('certification-requirements', RequirementsPage, query, options),
    tierRequirements: (tierId, options) => requests.get(route`tiers/${tierId}/certification-requirements`, TierCertificationRequirements, undefined, options),
    setTierRequirements: (tierId, input, options) =>
      requests.mutate('PUT', route`tiers/${tierId}/certification-requirements`, TierCertificationRequirements, input, options, ['tiers', 'certification-requirements', 'partners']),
    partnerEnablement: (partnerId, options) => requests.get(route`partners/${partnerId}/enablement`, PartnerEnablement, undefined, options),
  }),
);
