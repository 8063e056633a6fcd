/**
 * Communication between the vendor and its partners: announcements (vendor -> partners, targeted
 * by partner type, tier, region or named partners, with read tracking) and requests (partner ->
 * its channel manager: a category, a subject, a thread of messages from both sides, a lifecycle
 * and response targets in business hours).
 *
 * Titles, bodies and messages are plain text: the rich-text subset agreements bring is not on
 * main yet (docs/decisions.md, "Communication"). A widget renders them as text, line breaks kept.
 * @module
 */
import * as z from 'zod/mini';
import { CalendarDate, HttpUrl, Id, Timestamp, text } from './common.js';
import { holdsAt } from './holds.js';
import { PartnerType } from './partner-type.js';
import { Role } from './session.js';
import { translation, translations } from './translations.js';
import { translationsInput } from './translations-input.js';

/** What an announcement is about. */
export const ANNOUNCEMENT_CATEGORIES = ['programme_change', 'product_news', 'incentive', 'event'] as const;
export const AnnouncementCategory = /* @__PURE__ */ z.enum(ANNOUNCEMENT_CATEGORIES);
export type AnnouncementCategory = z.infer<typeof AnnouncementCategory>;

/**
 * Where an announcement stands at the backend's clock, computed from its times: `scheduled`
 * before `publishAt`, `published` from then, `expired` from `expiresAt`.
 */
export const ANNOUNCEMENT_STATUSES = ['scheduled', 'published', 'expired'] as const;
export const AnnouncementStatus = /* @__PURE__ */ z.enum(ANNOUNCEMENT_STATUSES);
export type AnnouncementStatus = z.infer<typeof AnnouncementStatus>;

/** How many entries each audience list may hold. */
export const AUDIENCE_LIMIT = 200;

const audienceFields = {
  /** Partner types; empty: any type. */
  partnerTypes: /* @__PURE__ */ z.array(PartnerType).check(z.maxLength(AUDIENCE_LIMIT)),
  /** Tiers (exactly these, not "and above"); empty: any tier. */
  tierIds: /* @__PURE__ */ z.array(Id).check(z.maxLength(AUDIENCE_LIMIT)),
  /** Regions, compared without regard to case; empty: any region. */
  regions: /* @__PURE__ */ z.array(text(100)).check(z.maxLength(AUDIENCE_LIMIT)),
  /** Partners named one by one: they see it whatever the segment says. */
  partnerIds: /* @__PURE__ */ z.array(Id).check(z.maxLength(AUDIENCE_LIMIT)),
};

/**
 * Who sees an announcement (core's `audienceIncludes`): the partners named in `partnerIds`, and
 * the segment the other three lists describe, each list narrowing it (Silver resellers in APAC).
 * All four empty: every partner. Only `partnerIds` given: only those partners.
 */
export const AnnouncementAudience = /* @__PURE__ */ z.object({ ...audienceFields });
export type AnnouncementAudience = z.infer<typeof AnnouncementAudience>;

/** An audience in a request body: any list left out is empty. */
export const AnnouncementAudienceInput = /* @__PURE__ */ z.strictObject({
  partnerTypes: z.optional(audienceFields.partnerTypes),
  tierIds: z.optional(audienceFields.tierIds),
  regions: z.optional(audienceFields.regions),
  partnerIds: z.optional(audienceFields.partnerIds),
});
export type AnnouncementAudienceInput = z.input<typeof AnnouncementAudienceInput>;

const announcementText = { title: text(200), body: text(20_000) };

/** An announcement's `title` and `body` in one language. */
export const AnnouncementTranslation = /* @__PURE__ */ translation(announcementText);
export type AnnouncementTranslation = z.infer<typeof AnnouncementTranslation>;

/** Someone on the vendor's side or a partner's, as the backend read them from the verified session. */
export const CommunicationActor = /* @__PURE__ */ z.object({
  role: z.union([Role, z.literal('system')]),
  id: z.nullable(text(200)),
  name: z.nullable(text(200)),
});
export type CommunicationActor = z.infer<typeof CommunicationActor>;

/** How an announcement is read, for the vendor: partners in the audience and those with a reader. */
export const AnnouncementReadStats = /* @__PURE__ */ z.object({
  /** Active and onboarding partners the audience includes now. */
  audiencePartners: /* @__PURE__ */ z.int().check(z.gte(0)),
  /** Of those, partners at least one of whose users read it. */
  readPartners: /* @__PURE__ */ z.int().check(z.gte(0)),
  /** Partner users who read it. */
  readers: /* @__PURE__ */ z.int().check(z.gte(0)),
  /** `readPartners / audiencePartners`, 0-1; null when the audience is empty. */
  rate: z.nullable(/* @__PURE__ */ z.number().check(z.gte(0), z.lte(1))),
});
export type AnnouncementReadStats = z.infer<typeof AnnouncementReadStats>;

export const Announcement = /* @__PURE__ */ z.object({
  id: Id,
  title: announcementText.title,
  /** Plain text; line breaks are paragraphs. */
  body: announcementText.body,
  /** `title` and `body` in other languages, by BCP 47 tag. */
  translations: z.optional(translations(AnnouncementTranslation)),
  category: AnnouncementCategory,
  /** Vendor principals only: a partner never learns who else is addressed. */
  audience: z.optional(AnnouncementAudience),
  publishAt: Timestamp,
  expiresAt: z.nullable(Timestamp),
  pinned: z.boolean(),
  status: AnnouncementStatus,
  /** For a partner session: when its user read it; null while unread. Absent for vendor principals. */
  readAt: z.optional(z.nullable(Timestamp)),
  /** Vendor principals only. */
  readStats: z.optional(AnnouncementReadStats),
  createdBy: CommunicationActor,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Announcement = z.infer<typeof Announcement>;

/** Answer of `GET /v1/announcements`: a page, and for a partner session its unread count over the whole list. */
export const AnnouncementPage = /* @__PURE__ */ z.object({
  data: z.array(Announcement),
  nextCursor: z.nullable(z.string()),
  /** Published announcements the caller's user has not read (partner sessions); null for vendor principals. */
  unread: z.nullable(/* @__PURE__ */ z.int().check(z.gte(0))),
});
export type AnnouncementPage = z.infer<typeof AnnouncementPage>;

// The request bodies are made by functions, so a reader's bundle that includes the answers'
// schemas (which these share fields with) can drop them whole: a top-level call that is handed an
// included schema is kept (Rollup cannot tell it leaves the schema alone), and with it
// `translationsInput`'s refinement, `$ZodCustom`, in the chunk every page shares.
const announcementInput = /* @__NO_SIDE_EFFECTS__ */ () =>
  z.strictObject({
    title: announcementText.title,
    body: announcementText.body,
    translations: z.optional(translationsInput(AnnouncementTranslation)),
    category: AnnouncementCategory,
    audience: z.optional(AnnouncementAudienceInput),
    publishAt: z.optional(Timestamp),
    expiresAt: z.optional(z.nullable(Timestamp)),
    pinned: z.optional(z.boolean()),
  }).check(
    holdsAt(['expiresAt'], (a: { publishAt?: string | undefined; expiresAt?: string | null | undefined }) => a.expiresAt == null || a.publishAt === undefined || Date.parse(a.expiresAt) > Date.parse(a.publishAt), 'must be after publishAt'),
  );

/** Body of `POST /v1/announcements`. `publishAt` defaults to now; a later one schedules it. */
export const AnnouncementInput = /* @__PURE__ */ announcementInput();
export type AnnouncementInput = z.input<typeof AnnouncementInput>;

const announcementPatch = /* @__NO_SIDE_EFFECTS__ */ () =>
  z.strictObject({
    title: z.optional(announcementText.title),
    body: z.optional(announcementText.body),
    translations: z.optional(translationsInput(AnnouncementTranslation)),
    category: z.optional(AnnouncementCategory),
    audience: z.optional(AnnouncementAudienceInput),
    publishAt: z.optional(Timestamp),
    expiresAt: z.optional(z.nullable(Timestamp)),
    pinned: z.optional(z.boolean()),
  });

/** Body of `PATCH /v1/announcements/{id}`: any subset. Setting `expiresAt` to now withdraws it. */
export const AnnouncementPatch = /* @__PURE__ */ announcementPatch();
export type AnnouncementPatch = z.input<typeof AnnouncementPatch>;

/** One partner user's read of an announcement (vendor principals only). */
export const AnnouncementRead = /* @__PURE__ */ z.object({
  partnerId: Id,
  partnerName: z.optional(text(200)),
  user: z.object({ id: text(200), name: z.nullable(text(200)) }),
  readAt: Timestamp,
});
export type AnnouncementRead = z.infer<typeof AnnouncementRead>;

/** What a partner asks about. */
export const REQUEST_CATEGORIES = ['question', 'deal_support', 'technical', 'commercial', 'complaint'] as const;
export const RequestCategory = /* @__PURE__ */ z.enum(REQUEST_CATEGORIES);
export type RequestCategory = z.infer<typeof RequestCategory>;

/**
 * Where a request stands: `open` until the vendor first takes it up, then `waiting_on_partner` or
 * `waiting_on_vendor` as the turn passes, `resolved` (reopened within 14 days), `closed` (final).
 * The moves are core's `REQUEST_TRANSITIONS`.
 */
export const REQUEST_STATUSES = ['open', 'waiting_on_partner', 'waiting_on_vendor', 'resolved', 'closed'] as const;
export const RequestStatus = /* @__PURE__ */ z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;

/** What a request may refer to: a deal, an objective of a joint business plan, a review's action item. */
export const REQUEST_REFERENCE_TYPES = ['deal', 'plan_objective', 'review_action'] as const;
export const RequestReferenceType = /* @__PURE__ */ z.enum(REQUEST_REFERENCE_TYPES);
export type RequestReferenceType = z.infer<typeof RequestReferenceType>;

const referenceFields = { type: RequestReferenceType, id: Id };

export const RequestReference = /* @__PURE__ */ z.object({ ...referenceFields });
export type RequestReference = z.infer<typeof RequestReference>;

/** How many attachments one message may carry. */
export const MAX_ATTACHMENTS = 10;

const resourceAttachmentFields = { type: /* @__PURE__ */ z.literal('resource'), resourceId: Id };
const urlAttachmentFields = { type: /* @__PURE__ */ z.literal('url'), url: HttpUrl, label: z.optional(z.nullable(text(200))) };

/**
 * A link to a resource of the library, or to an http(s) URL (never another scheme). Plain unions
 * (the `type` literal tells them apart all the same), here and in request bodies: the inbox loads
 * both, and `$ZodDiscriminatedUnion` or `z.refine`'s `$ZodCustom` would land in the chunk every
 * page shares (decisions.md, "Communication").
 */
export const RequestAttachment = /* @__PURE__ */ z.union([
  /* @__PURE__ */ z.object({ ...resourceAttachmentFields, title: z.optional(text(200)) }),
  /* @__PURE__ */ z.object({ ...urlAttachmentFields }),
]);
export type RequestAttachment = z.infer<typeof RequestAttachment>;

export const RequestAttachmentInput = /* @__PURE__ */ z.union([
  /* @__PURE__ */ z.strictObject({ ...resourceAttachmentFields }),
  /* @__PURE__ */ z.strictObject({ ...urlAttachmentFields }),
]);
export type RequestAttachmentInput = z.input<typeof RequestAttachmentInput>;

/** One message of a request's thread, from either side. Messages are kept as written. */
export const RequestMessage = /* @__PURE__ */ z.object({
  id: Id,
  author: CommunicationActor,
  body: text(10_000),
  attachments: z.array(RequestAttachment),
  createdAt: Timestamp,
});
export type RequestMessage = z.infer<typeof RequestMessage>;

/** One step of a request's lifecycle. */
export const RequestHistoryEntry = /* @__PURE__ */ z.object({
  at: Timestamp,
  from: z.nullable(RequestStatus),
  to: RequestStatus,
  by: CommunicationActor,
  reason: z.nullable(text(2000)),
});
export type RequestHistoryEntry = z.infer<typeof RequestHistoryEntry>;

/**
 * A request's response targets, for vendor principals: when the first response and the
 * resolution fall due (business hours of the programme's calendar from opening, or from the last
 * reopening), when each happened, and whether the target was missed.
 */
export const RequestTargetsState = /* @__PURE__ */ z.object({
  firstResponseDueAt: Timestamp,
  resolutionDueAt: Timestamp,
  /** The next due time while one is pending: the first response's, then the resolution's; null once resolved. */
  dueAt: z.nullable(Timestamp),
  firstResponseBreached: z.boolean(),
  resolutionBreached: z.boolean(),
});
export type RequestTargetsState = z.infer<typeof RequestTargetsState>;

const requestHeaderFields = {
  id: Id,
  /** Human-facing number, e.g. `RQ-000123`. */
  number: text(40),
  partnerId: Id,
  partnerName: z.optional(text(200)),
  category: RequestCategory,
  subject: text(200),
  status: RequestStatus,
  reference: z.nullable(RequestReference),
  openedBy: CommunicationActor,
  /** When the vendor's side first wrote in the thread; null until then. */
  firstResponseAt: z.nullable(Timestamp),
  resolvedAt: z.nullable(Timestamp),
  closedAt: z.nullable(Timestamp),
  messageCount: /* @__PURE__ */ z.int().check(z.gte(1)),
  lastMessageAt: Timestamp,
  /** Who wrote last: the side whose turn it is not. */
  lastMessageBy: CommunicationActor,
  /** Vendor principals only. */
  targets: z.optional(RequestTargetsState),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

/** A request with its whole thread and history. */
export const PartnerRequest = /* @__PURE__ */ z.object({
  ...requestHeaderFields,
  /** Oldest first; the first is the opening message. */
  messages: z.array(RequestMessage),
  /** Oldest first. */
  history: z.array(RequestHistoryEntry),
});
export type PartnerRequest = z.infer<typeof PartnerRequest>;

/** A request as lists show it: without its thread and history. */
export const PartnerRequestSummary = /* @__PURE__ */ z.object({ ...requestHeaderFields });
export type PartnerRequestSummary = z.infer<typeof PartnerRequestSummary>;

/**
 * Body of `POST /v1/requests`. A partner session opens for its own partner; a manager (for a
 * partner it manages) or an admin names `partnerId`.
 */
export const PartnerRequestInput = /* @__PURE__ */ z.strictObject({
  partnerId: z.optional(Id),
  category: RequestCategory,
  subject: text(200),
  message: text(10_000),
  attachments: z.optional(/* @__PURE__ */ z.array(RequestAttachmentInput).check(z.maxLength(MAX_ATTACHMENTS))),
  reference: z.optional(z.nullable(/* @__PURE__ */ z.strictObject({ ...referenceFields }))),
});
export type PartnerRequestInput = z.input<typeof PartnerRequestInput>;

/** Body of `POST /v1/requests/{id}/messages`. */
export const RequestMessageInput = /* @__PURE__ */ z.strictObject({
  body: text(10_000),
  attachments: z.optional(/* @__PURE__ */ z.array(RequestAttachmentInput).check(z.maxLength(MAX_ATTACHMENTS))),
});
export type RequestMessageInput = z.input<typeof RequestMessageInput>;

/** Body of `POST /v1/requests/{id}/transitions`. */
export const RequestTransitionInput = /* @__PURE__ */ z.strictObject({
  to: RequestStatus,
  reason: z.optional(text(2000)),
});
export type RequestTransitionInput = z.infer<typeof RequestTransitionInput>;

/** `HH:MM`, 24-hour. */
export const ClockTime = /* @__PURE__ */ z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 09:00'));
export type ClockTime = z.infer<typeof ClockTime>;

/** True when `Intl` knows the IANA time zone `name`. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

// Answers read the hours without the exclusive bound: `z.gt` is zod code no other answer a page
// reads uses, and it would ride in the chunk every page shares (decisions.md, "Communication").
const servedHours = /* @__PURE__ */ z.number().check(z.gte(0), z.lte(2000));

export const RequestCategoryTarget = /* @__PURE__ */ z.object({ firstResponseHours: servedHours, resolutionHours: servedHours });
export type RequestCategoryTarget = z.infer<typeof RequestCategoryTarget>;

/** An IANA time zone: `Asia/Ho_Chi_Minh`, `Europe/Berlin`, `UTC`. */
export const TimeZone = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/, 'must be an IANA time zone such as Asia/Ho_Chi_Minh'));
export type TimeZone = z.infer<typeof TimeZone>;

const calendarFields = {
  timeZone: TimeZone,
  /** ISO weekdays that are business days, 1 (Monday) to 7 (Sunday). */
  days: /* @__PURE__ */ z.array(/* @__PURE__ */ z.int().check(z.gte(1), z.lte(7))).check(z.minLength(1, 'must name at least one day'), z.maxLength(7)),
  start: ClockTime,
  end: ClockTime,
  /** Days off (`2027-01-01`), in the time zone. */
  holidays: /* @__PURE__ */ z.array(CalendarDate).check(z.maxLength(366)),
};

/**
 * The programme's response targets (`GET/PUT /v1/request-targets`): business hours, and per
 * category the first-response and resolution targets in business hours.
 */
export const RequestTargets = /* @__PURE__ */ z.object({
  businessHours: z.object({ ...calendarFields }),
  categories: z.object({
    question: RequestCategoryTarget,
    deal_support: RequestCategoryTarget,
    technical: RequestCategoryTarget,
    commercial: RequestCategoryTarget,
    complaint: RequestCategoryTarget,
  }),
});
export type RequestTargets = z.infer<typeof RequestTargets>;

// Request bodies are made by functions, like the announcements' (see there).
const categoryTargetInput = /* @__NO_SIDE_EFFECTS__ */ () => {
  /** A target in business hours: more than 0, at most 2000. */
  const hours = z.number().check(z.gt(0), z.lte(2000));
  return z.strictObject({ firstResponseHours: hours, resolutionHours: hours });
};

/** One category's targets in a request body. */
export const RequestCategoryTargetInput = /* @__PURE__ */ categoryTargetInput();
export type RequestCategoryTargetInput = z.infer<typeof RequestCategoryTargetInput>;

/** What the targets' cross-field rules read. */
interface TargetsShape {
  businessHours: { timeZone: string; start: string; end: string };
  categories: Record<string, { firstResponseHours: number; resolutionHours: number }>;
}

const requestTargetsInput = /* @__NO_SIDE_EFFECTS__ */ () =>
  z
    .strictObject({
      businessHours: z.strictObject({ ...calendarFields }),
      categories: z.strictObject({
        question: RequestCategoryTargetInput,
        deal_support: RequestCategoryTargetInput,
        technical: RequestCategoryTargetInput,
        commercial: RequestCategoryTargetInput,
        complaint: RequestCategoryTargetInput,
      }),
    })
    .check(
      holdsAt(['businessHours', 'timeZone'], (t: TargetsShape) => isTimeZone(t.businessHours.timeZone), 'is not a time zone this backend knows'),
      holdsAt(['businessHours', 'start'], (t: TargetsShape) => t.businessHours.start < t.businessHours.end, 'must be before end'),
      holdsAt(['categories'], (t: TargetsShape) => Object.values(t.categories).every((c) => c.firstResponseHours <= c.resolutionHours), 'each firstResponseHours must be at most its resolutionHours'),
    );

/** Body of `PUT /v1/request-targets`: the whole configuration. */
export const RequestTargetsInput = /* @__PURE__ */ requestTargetsInput();
export type RequestTargetsInput = z.infer<typeof RequestTargetsInput>;
