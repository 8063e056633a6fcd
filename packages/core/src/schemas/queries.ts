/**
 * Query parameters of the list and read endpoints, as strings arrive on the wire.
 * Filters are named as the fields they filter.
 * @module
 */
import * as z from 'zod/mini';
import { AgreementGate, AgreementStatus } from './agreement.js';
import { APPLICATION_STATUSES, ApplicationChannel } from './application.js';
import { CountryCode, Id, LanguageTag, MonthPeriod, Period, QueryFlag, text } from './common.js';
import { AnnouncementCategory, AnnouncementStatus, REQUEST_STATUSES, RequestCategory } from './communication.js';
import { DEAL_STATUSES, DealType } from './deal.js';
import { CertificateStatus, CourseFormat, CourseStatus, EnrolmentStatus } from './enablement.js';
import { PageQuery } from './page.js';
import { PartnerStatus } from './partner.js';
import { PartnerType } from './partner-type.js';
import { ObjectiveKind, PlanPeriod, PlanSide, PlanStatus } from './plan.js';
import { ResourceSort, ResourceType } from './resource.js';

/**
 * `?status=`: one status or a comma-separated list. A function marked free of side effects, so a
 * bundler drops it with the query schemas when only the entity schemas are used.
 */
const statusList = /* @__NO_SIDE_EFFECTS__ */ (statuses: readonly string[]) =>
  z.string().check(
    z.regex(new RegExp(`^(${statuses.join('|')})(,(${statuses.join('|')}))*$`), `must be one or more of ${statuses.join(', ')}, comma-separated`),
  );

export const PartnerListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  type: z.optional(PartnerType),
  status: z.optional(PartnerStatus),
  tierId: z.optional(Id),
  country: z.optional(z.string()),
  region: z.optional(z.string()),
  /** Case-insensitive search in the partner's name. */
  q: z.optional(text(200)),
});
export type PartnerListQuery = z.infer<typeof PartnerListQuery>;

export const DealListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  /** One status or a comma-separated list: `submitted,under_review`. */
  status: z.optional(statusList(DEAL_STATUSES)),
  partnerId: z.optional(Id),
  type: z.optional(DealType),
  /** Case-insensitive search in the customer company, domain and deal number. */
  q: z.optional(text(200)),
});
export type DealListQuery = z.infer<typeof DealListQuery>;

const applicationFilters = {
  partnerType: z.optional(PartnerType),
  /** The applying company's country. */
  country: z.optional(CountryCode),
  channel: z.optional(ApplicationChannel),
  /** Case-insensitive search in the company name, its domains, the contact's e-mail and the number. */
  q: z.optional(text(200)),
};

export const ApplicationListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  /** One stage or a comma-separated list: `screening,interview`. */
  status: z.optional(statusList(APPLICATION_STATUSES)),
  ...applicationFilters,
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;

/** The filters of the application list, without the stage: the pipeline counts every stage. */
export const ApplicationPipelineQuery = /* @__PURE__ */ z.object({ ...applicationFilters });
export type ApplicationPipelineQuery = z.infer<typeof ApplicationPipelineQuery>;

export const ResourceListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  type: z.optional(ResourceType),
  tag: z.optional(text(50)),
  language: z.optional(LanguageTag),
  /** Case-insensitive search in title, description and tags. */
  q: z.optional(text(200)),
  sort: z.optional(ResourceSort),
});
export type ResourceListQuery = z.infer<typeof ResourceListQuery>;

export const MeasurementListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  kpiId: z.optional(Id),
  /** First month included. */
  from: z.optional(MonthPeriod),
  /** Last month included. */
  to: z.optional(MonthPeriod),
});
export type MeasurementListQuery = z.infer<typeof MeasurementListQuery>;

export const TargetListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  kpiId: z.optional(Id),
  period: z.optional(Period),
});
export type TargetListQuery = z.infer<typeof TargetListQuery>;

export const ScorecardQuery = /* @__PURE__ */ z.object({
  /** Defaults to the current quarter (UTC). */
  period: z.optional(Period),
  /** How many periods the trend shows, 1-24, default 6. */
  periods: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^([1-9]|1\d|2[0-4])$/, 'must be a whole number from 1 to 24'))),
});
export type ScorecardQuery = z.infer<typeof ScorecardQuery>;

export const EventListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  /** Only events after this event id (exclusive), oldest first. */
  after: z.optional(Id),
  type: z.optional(z.string()),
  partnerId: z.optional(Id),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

export const AgreementListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  status: z.optional(AgreementStatus),
  /** Only agreements that gate this operation (one of `gates`). */
  gate: z.optional(AgreementGate),
});
export type AgreementListQuery = z.infer<typeof AgreementListQuery>;

export const AcceptanceListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  agreementId: z.optional(Id),
});
export type AcceptanceListQuery = z.infer<typeof AcceptanceListQuery>;
export const PlanListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  period: z.optional(PlanPeriod),
  status: z.optional(PlanStatus),
});
export type PlanListQuery = z.infer<typeof PlanListQuery>;

export const PlanObjectiveListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  partnerId: z.optional(Id),
  period: z.optional(PlanPeriod),
  side: z.optional(PlanSide),
  kind: z.optional(ObjectiveKind),
  /** `true`: only objectives whose due date has passed without them being done; `false`: only the others. */
  overdue: z.optional(QueryFlag),
});
export type PlanObjectiveListQuery = z.infer<typeof PlanObjectiveListQuery>;

export const CertificationListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  /** Case-insensitive search in the name. */
  q: z.optional(text(200)),
});
export type CertificationListQuery = z.infer<typeof CertificationListQuery>;

export const CourseListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  /** Partner sessions see `published` courses only, whatever they ask. */
  status: z.optional(CourseStatus),
  format: z.optional(CourseFormat),
  language: z.optional(LanguageTag),
  certificationId: z.optional(Id),
  /** Case-insensitive search in the title and description. */
  q: z.optional(text(200)),
});
export type CourseListQuery = z.infer<typeof CourseListQuery>;

export const PersonListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  /** Case-insensitive search in the name and e-mail. */
  q: z.optional(text(200)),
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

export const EnrolmentListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  partnerId: z.optional(Id),
  personId: z.optional(Id),
  courseId: z.optional(Id),
  status: z.optional(EnrolmentStatus),
});
export type EnrolmentListQuery = z.infer<typeof EnrolmentListQuery>;

export const CertificateListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  partnerId: z.optional(Id),
  personId: z.optional(Id),
  certificationId: z.optional(Id),
  /** At the backend's clock. */
  status: z.optional(CertificateStatus),
});
export type CertificateListQuery = z.infer<typeof CertificateListQuery>;


export const AnnouncementListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  category: z.optional(AnnouncementCategory),
  pinned: z.optional(QueryFlag),
  /** Partner sessions: `false` for the unread ones only, `true` for the read ones. */
  read: z.optional(QueryFlag),
  /** Vendor principals: scheduled, published or expired (a partner sees published ones only). */
  status: z.optional(AnnouncementStatus),
});
export type AnnouncementListQuery = z.infer<typeof AnnouncementListQuery>;

/** `?status=` of requests: one status or a comma-separated list. */
const requestStatusList = /* @__NO_SIDE_EFFECTS__ */ () =>
  z.string().check(
    z.regex(new RegExp(`^(${REQUEST_STATUSES.join('|')})(,(${REQUEST_STATUSES.join('|')}))*$`), `must be one or more of ${REQUEST_STATUSES.join(', ')}, comma-separated`),
  );

/** How requests are listed: latest activity first (`updated`), or earliest due time first (`due`, vendor principals). */
export const REQUEST_SORTS = ['updated', 'due'] as const;

export const RequestListQuery = /* @__PURE__ */ z.extend(PageQuery, {
  /** One status or a comma-separated list: `open,waiting_on_vendor`. */
  status: z.optional(requestStatusList()),
  category: z.optional(RequestCategory),
  partnerId: z.optional(Id),
  sort: z.optional(z.enum(REQUEST_SORTS)),
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;
