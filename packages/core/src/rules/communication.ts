/**
 * Communication rules: who sees an announcement (its audience), the request lifecycle (which
 * moves exist, who may make them, the 14-day reopening window, how a message passes the turn),
 * and response targets measured in the programme's business hours.
 * @module
 */
import type {
  Announcement,
  AnnouncementAudience,
  AnnouncementInput,
  AnnouncementPatch,
  AnnouncementReadStats,
  PartnerRequest,
  AnnouncementStatus,
  KnownEventType,
  PartnerType,
  RequestCategory,
  RequestStatus,
  RequestTargets,
  RequestTargetsState,
  Role,
} from '../schemas/index.js';
import { problems } from '../schemas/index.js';
import { DAY_MS } from './periods.js';

// ---------------------------------------------------------------------------------------------
// Announcements

/** What an audience is matched against: a partner's id, type, tier and region. */
export interface AudienceMember {
  id: string;
  type: PartnerType;
  tierId: string | null;
  region: string | null;
}

/** A region as audiences compare it: trimmed, without regard to case. */
export const regionKey = (region: string): string => region.trim().toLowerCase();

/** True when the audience names no one and no segment: every partner. */
export function isEveryone(audience: AnnouncementAudience): boolean {
  return audience.partnerTypes.length === 0 && audience.tierIds.length === 0 && audience.regions.length === 0 && audience.partnerIds.length === 0;
}

/**
 * True when `audience` includes `partner`: named in `partnerIds`, or inside the segment the other
 * lists describe (each non-empty list must contain the partner's value; a partner without a tier
 * or region is outside a segment that asks for one). With only `partnerIds`, there is no segment:
 * only the named partners. All lists empty: everyone.
 */
export function audienceIncludes(audience: AnnouncementAudience, partner: AudienceMember): boolean {
  if (audience.partnerIds.includes(partner.id)) return true;
  const segmented = audience.partnerTypes.length > 0 || audience.tierIds.length > 0 || audience.regions.length > 0;
  if (!segmented) return audience.partnerIds.length === 0;
  if (audience.partnerTypes.length > 0 && !audience.partnerTypes.includes(partner.type)) return false;
  if (audience.tierIds.length > 0 && (partner.tierId === null || !audience.tierIds.includes(partner.tierId))) return false;
  if (audience.regions.length > 0) {
    if (partner.region === null) return false;
    const key = regionKey(partner.region);
    if (!audience.regions.some((r) => regionKey(r) === key)) return false;
  }
  return true;
}

/** An audience with every list present, regions trimmed and each value once (what a backend stores). */
export function normaliseAudience(audience: Partial<AnnouncementAudience> | undefined): AnnouncementAudience {
  const once = <T>(values: readonly T[] | undefined) => [...new Set(values ?? [])];
  return {
    partnerTypes: once(audience?.partnerTypes),
    tierIds: once(audience?.tierIds),
    regions: once((audience?.regions ?? []).map((r) => r.trim())),
    partnerIds: once(audience?.partnerIds),
  };
}

/** Where an announcement stands at `now`: scheduled, published, or expired. */
export function announcementStatus(announcement: Pick<Announcement, 'publishAt' | 'expiresAt'>, now: Date): AnnouncementStatus {
  const t = now.getTime();
  if (announcement.expiresAt !== null && Date.parse(announcement.expiresAt) <= t) return 'expired';
  return Date.parse(announcement.publishAt) <= t ? 'published' : 'scheduled';
}

/**
 * The order partners read announcements in: pinned first, then unread, then newest published
 * first (ties by id, so the order is total).
 */
export function compareAnnouncements(a: Pick<Announcement, 'id' | 'pinned' | 'publishAt' | 'readAt'>, b: Pick<Announcement, 'id' | 'pinned' | 'publishAt' | 'readAt'>): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  const unreadA = a.readAt == null;
  const unreadB = b.readAt == null;
  if (unreadA !== unreadB) return unreadA ? -1 : 1;
  if (a.publishAt !== b.publishAt) return a.publishAt < b.publishAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

// ---------------------------------------------------------------------------------------------
// The request lifecycle

/** Who makes a move: a principal's role, or the backend's own clock (`system`). */
export type RequestActor = Role | 'system';

/** The two sides of a request's thread. */
export type RequestSide = 'partner' | 'vendor';

/** The side a role writes for: a partner session for its partner, managers and admins for the vendor. */
export function requestSideOf(role: Role): RequestSide {
  return role === 'partner' ? 'partner' : 'vendor';
}

/** One allowed move of the request lifecycle. */
export interface RequestTransition {
  from: RequestStatus;
  to: RequestStatus;
  roles: readonly RequestActor[];
  /** `required`: refused without a non-blank reason. */
  reason: 'required' | 'optional';
  /** Days after `resolvedAt` during which the move is allowed (the reopening window); absent: always. */
  withinDays?: number;
}

/** How long after its resolution a request may be reopened; after it, the sweep closes it. */
export const REOPEN_WINDOW_DAYS = 14;

const BOTH = ['partner', 'manager', 'admin'] as const;
const VENDOR = ['manager', 'admin'] as const;

const move = (from: RequestStatus, to: RequestStatus, roles: readonly RequestActor[], reason: RequestTransition['reason'] = 'optional', withinDays?: number): RequestTransition =>
  Object.freeze({ from, to, roles: Object.freeze([...roles]), reason, ...(withinDays === undefined ? {} : { withinDays }) });

/**
 * Every allowed move; anything not listed is an `invalid_transition`. `resolved ->
 * waiting_on_vendor` is the reopening, allowed for {@link REOPEN_WINDOW_DAYS} days after the
 * resolution and with a reason; `resolved -> closed` is made by either side, or by the backend
 * when the window has passed. `closed` is final.
 */
export const REQUEST_TRANSITIONS: readonly RequestTransition[] = Object.freeze([
  move('open', 'waiting_on_partner', VENDOR),
  move('open', 'waiting_on_vendor', VENDOR),
  move('open', 'resolved', BOTH),
  move('waiting_on_partner', 'waiting_on_vendor', BOTH),
  move('waiting_on_partner', 'resolved', BOTH),
  move('waiting_on_vendor', 'waiting_on_partner', VENDOR),
  move('waiting_on_vendor', 'resolved', BOTH),
  move('resolved', 'waiting_on_vendor', BOTH, 'required', REOPEN_WINDOW_DAYS),
  move('resolved', 'closed', [...BOTH, 'system']),
]);

/** Statuses in which the vendor still owes an answer or a resolution. */
export const ACTIVE_REQUEST_STATUSES: readonly RequestStatus[] = Object.freeze(['open', 'waiting_on_partner', 'waiting_on_vendor']);

/** The move from `from` to `to`, if the lifecycle has one. */
export function findRequestTransition(from: RequestStatus, to: RequestStatus): RequestTransition | undefined {
  return REQUEST_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** True for the reopening move (`resolved -> waiting_on_vendor`). */
export function isReopening(from: RequestStatus, to: RequestStatus): boolean {
  return from === 'resolved' && to === 'waiting_on_vendor';
}

/** The end of the reopening window of a request resolved at `resolvedAt`. */
export function reopenDeadline(resolvedAt: string): Date {
  return new Date(Date.parse(resolvedAt) + REOPEN_WINDOW_DAYS * DAY_MS);
}

/** Why a request move is refused; each maps onto a problem document. */
export type RequestTransitionRefusal = 'request_closed' | 'invalid_transition' | 'forbidden' | 'reason_required' | 'window_passed';

export type RequestTransitionCheck = { ok: true } | { ok: false; code: RequestTransitionRefusal; message: string };

/** The statuses `role` may move a request to from `from` at `now`, in table order. */
export function allowedRequestTransitions(from: RequestStatus, role: RequestActor, resolvedAt: string | null, now: Date): RequestStatus[] {
  return REQUEST_TRANSITIONS.filter((t) => t.from === from && t.roles.includes(role) && withinWindow(t, resolvedAt, now)).map((t) => t.to);
}

function withinWindow(t: RequestTransition, resolvedAt: string | null, now: Date): boolean {
  if (t.withinDays === undefined) return true;
  return resolvedAt !== null && now.getTime() < Date.parse(resolvedAt) + t.withinDays * DAY_MS;
}

/**
 * Checks one move, in this order: the request is not closed (`request_closed`), the move exists
 * (`invalid_transition`), the role may make it (`forbidden`), a required reason is given
 * (`reason_required`), and a reopening is inside its window (`window_passed`).
 */
export function checkRequestTransition(input: { from: RequestStatus; to: RequestStatus; role: RequestActor; reason?: string | null; resolvedAt: string | null; now: Date }): RequestTransitionCheck {
  const { from, to, role } = input;
  if (from === 'closed') return { ok: false, code: 'request_closed', message: 'the request is closed; open a new one' };
  const transition = findRequestTransition(from, to);
  if (!transition) {
    const options = REQUEST_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
    return { ok: false, code: 'invalid_transition', message: `a request cannot move from ${from} to ${to}; from ${from} it can move to ${options.join(', ')}` };
  }
  if (!transition.roles.includes(role)) {
    return { ok: false, code: 'forbidden', message: `${role} may not move a request from ${from} to ${to}; only ${transition.roles.filter((r) => r !== 'system').join(', ')} may` };
  }
  if (transition.reason === 'required' && (input.reason ?? '').trim() === '') {
    return { ok: false, code: 'reason_required', message: `moving a request from ${from} to ${to} needs a reason` };
  }
  if (!withinWindow(transition, input.resolvedAt, input.now)) {
    return { ok: false, code: 'window_passed', message: `a resolved request can be reopened for ${REOPEN_WINDOW_DAYS} days after its resolution; open a new request instead` };
  }
  return { ok: true };
}

/** The event a move emits: `request.reopened` for the reopening, else `request.<to>`. */
export function requestTransitionEventType(from: RequestStatus, to: RequestStatus): KnownEventType {
  return isReopening(from, to) ? 'request.reopened' : (`request.${to}` as KnownEventType);
}

/** What a message does to a request: its status afterwards, or a refusal. */
export type MessageEffect = { ok: true; status: RequestStatus } | { ok: false; code: 'request_closed'; message: string };

/**
 * The status after `side` writes in the thread at `now`. The turn passes: the vendor's answer
 * leaves the request waiting on the partner, the partner's reply to a request waiting on it
 * hands it back to the vendor (a partner's message to an open request keeps it open: the first
 * response is still owed). A partner's message to a resolved request inside the reopening window
 * reopens it; the vendor may still write to a resolved request without reopening it. A closed
 * request, or a resolved one past its window, takes no messages.
 */
export function statusAfterMessage(status: RequestStatus, side: RequestSide, resolvedAt: string | null, now: Date): MessageEffect {
  const closed: MessageEffect = { ok: false, code: 'request_closed', message: 'the request is closed; open a new one' };
  switch (status) {
    case 'closed':
      return closed;
    case 'resolved':
      if (resolvedAt !== null && now.getTime() >= reopenDeadline(resolvedAt).getTime()) return closed;
      return { ok: true, status: side === 'partner' ? 'waiting_on_vendor' : 'resolved' };
    case 'open':
      return { ok: true, status: side === 'vendor' ? 'waiting_on_partner' : 'open' };
    case 'waiting_on_partner':
    case 'waiting_on_vendor':
      return { ok: true, status: side === 'vendor' ? 'waiting_on_partner' : 'waiting_on_vendor' };
  }
}

/** True when a resolved request's reopening window has passed at `now`: the sweep closes it. */
export function isDueToClose(request: { status: RequestStatus; resolvedAt: string | null }, now: Date): boolean {
  return request.status === 'resolved' && request.resolvedAt !== null && now.getTime() >= reopenDeadline(request.resolvedAt).getTime();
}

/** A request number as people read it: request `n` is `RQ-000123`. */
export function requestNumber(n: number): string {
  return `RQ-${String(n).padStart(6, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Response targets in business hours

/** The business hours of a calendar: when a response target's clock runs. */
export type BusinessHours = RequestTargets['businessHours'];

/**
 * Targets a programme has before it sets its own: Monday to Friday, 09:00-17:00 UTC; a deal
 * question is answered within half a day (deals are time-critical), a complaint within four hours.
 */
export const DEFAULT_REQUEST_TARGETS: RequestTargets = Object.freeze({
  businessHours: Object.freeze({ timeZone: 'UTC', days: Object.freeze([1, 2, 3, 4, 5]) as number[], start: '09:00', end: '17:00', holidays: [] as string[] }),
  categories: Object.freeze({
    question: Object.freeze({ firstResponseHours: 8, resolutionHours: 40 }),
    deal_support: Object.freeze({ firstResponseHours: 4, resolutionHours: 16 }),
    technical: Object.freeze({ firstResponseHours: 8, resolutionHours: 40 }),
    commercial: Object.freeze({ firstResponseHours: 8, resolutionHours: 40 }),
    complaint: Object.freeze({ firstResponseHours: 4, resolutionHours: 24 }),
  }),
}) as RequestTargets;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of instant `t` in `timeZone`. */
function wallClock(t: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, format);
  }
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(t))) if (part.type !== 'literal') fields[part.type] = Number(part.value);
  return { year: fields.year!, month: fields.month!, day: fields.day!, hour: fields.hour! % 24, minute: fields.minute!, second: fields.second! };
}

/** How far `timeZone`'s wall clock is ahead of UTC at instant `t`, in ms. */
function offsetAt(t: number, timeZone: string): number {
  const w = wallClock(t, timeZone);
  const seconds = Math.floor(t / 1000) * 1000;
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - seconds;
}

/**
 * The instant of a wall-clock time in `timeZone`. A time skipped by a daylight-saving change
 * reads as the instant an hour on; a repeated one as its first occurrence.
 */
function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const local = Date.UTC(year, month - 1, day) + minutes * MINUTE_MS;
  const first = offsetAt(local, timeZone);
  const guess = local - first;
  const second = offsetAt(guess, timeZone);
  if (second === first) return guess;
  const other = local - second;
  return offsetAt(other, timeZone) === second ? Math.min(guess, other) : Math.max(guess, other);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const isoDate = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The business windows `[open, close)` of each local day from the one holding `start`, as instants. */
function* businessWindows(start: number, hours: BusinessHours): Generator<[number, number]> {
  if (hours.days.length === 0) throw new RangeError('business hours need at least one business day');
  const from = minutesOf(hours.start);
  const to = minutesOf(hours.end);
  if (!(from < to)) throw new RangeError('business hours must start before they end');
  const holidays = new Set(hours.holidays);
  const first = wallClock(start, hours.timeZone);
  // A local calendar day, walked in UTC arithmetic (no time zone has two dates for one day).
  let day = Date.UTC(first.year, first.month - 1, first.day);
  // Ten years of days without one business day means the calendar has none (all holidays).
  for (let i = 0; i < 3660; i += 1, day += DAY_MS) {
    const date = new Date(day);
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    if (!hours.days.includes(weekday) || holidays.has(isoDate(y, m, d))) continue;
    yield [zonedInstant(y, m, d, from, hours.timeZone), zonedInstant(y, m, d, to, hours.timeZone)];
  }
  throw new RangeError('the business hours have no business day in ten years');
}

/**
 * The instant `hours` business hours after `start`: the clock runs only inside the business
 * windows (the days, between start and end, in the calendar's time zone, holidays off). A
 * target reached exactly at a window's close is due at that close.
 *
 * @example
 * // Friday 16:00 UTC plus 4 business hours of Mon-Fri 09:00-17:00 is Monday 12:00.
 * addBusinessHours(new Date('2027-01-08T16:00:00Z'), 4, DEFAULT_REQUEST_TARGETS.businessHours);
 */
export function addBusinessHours(start: Date, hours: number, calendar: BusinessHours): Date {
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError(`${hours} is not a number of hours >= 0`);
  const from = start.getTime();
  if (Number.isNaN(from)) throw new RangeError('addBusinessHours needs a valid Date');
  let remaining = Math.round(hours * HOUR_MS);
  for (const [open, close] of businessWindows(from, calendar)) {
    const begin = Math.max(open, from);
    if (begin > close) continue;
    if (remaining <= close - begin) return new Date(begin + remaining);
    remaining -= close - begin;
  }
  /* c8 ignore next */
  throw new RangeError('unreachable');
}

/** The business time between `from` and `to` (0 when `to` is not after `from`), in hours. */
export function businessHoursBetween(from: Date, to: Date, calendar: BusinessHours): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  let total = 0;
  for (const [open, close] of businessWindows(a, calendar)) {
    if (open >= b) break;
    total += Math.max(0, Math.min(close, b) - Math.max(open, a));
  }
  return total / HOUR_MS;
}

/** When a request opened (or reopened) at `from` owes its first response and its resolution. */
export function requestDueTimes(from: Date, category: RequestCategory, targets: RequestTargets): { firstResponseDueAt: string; resolutionDueAt: string } {
  const target = targets.categories[category];
  return {
    firstResponseDueAt: addBusinessHours(from, target.firstResponseHours, targets.businessHours).toISOString(),
    resolutionDueAt: addBusinessHours(from, target.resolutionHours, targets.businessHours).toISOString(),
  };
}

/** What {@link requestTargetsState} reads of a request. */
export interface TargetedRequest {
  status: RequestStatus;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  firstResponseDueAt: string;
  resolutionDueAt: string;
}

/**
 * A request's standing against its targets at `now`: the next due time (the first response's
 * until there is one, then the resolution's; none once resolved or closed), and whether each
 * target was missed (done after it was due, or still not done past it).
 */
export function requestTargetsState(request: TargetedRequest, now: Date): RequestTargetsState {
  const late = (doneAt: string | null, dueAt: string) => (doneAt === null ? now.getTime() > Date.parse(dueAt) : Date.parse(doneAt) > Date.parse(dueAt));
  const settled = request.status === 'resolved' || request.status === 'closed';
  return {
    firstResponseDueAt: request.firstResponseDueAt,
    resolutionDueAt: request.resolutionDueAt,
    dueAt: nextDueAt(request),
    firstResponseBreached: late(request.firstResponseAt, request.firstResponseDueAt),
    resolutionBreached: late(settled ? (request.resolvedAt ?? request.resolutionDueAt) : null, request.resolutionDueAt),
  };
}

/** The next due time of a request: the first response's until there is one, then the resolution's; null once settled. */
export function nextDueAt(request: Pick<TargetedRequest, 'status' | 'firstResponseAt' | 'firstResponseDueAt' | 'resolutionDueAt'>): string | null {
  if (request.status === 'resolved' || request.status === 'closed') return null;
  return request.firstResponseAt === null ? request.firstResponseDueAt : request.resolutionDueAt;
}

// ---------------------------------------------------------------------------------------------
// Stored shapes, shared by the reference server's rows, the mock and the demo data

/** An announcement as a backend keeps it: the whole audience, no per-caller fields. */
export type StoredAnnouncement = Omit<Announcement, 'status' | 'readAt' | 'readStats' | 'audience'> & { audience: AnnouncementAudience };

/** Refuses (400 at `path`) an expiry that is not after the publish time. */
export function assertExpiryAfterPublish(publishAt: string, expiresAt: string | null, path = 'expiresAt'): void {
  if (expiresAt !== null && Date.parse(expiresAt) <= Date.parse(publishAt)) throw problems.validation([{ path, message: 'must be after publishAt' }]);
}

/**
 * A new announcement as a backend stores it, from what its author sent at `now`: published at
 * once unless `publishAt` lies ahead (the sweep publishes it then), its audience normalised.
 */
export function newAnnouncement(input: AnnouncementInput, id: string, createdBy: StoredAnnouncement['createdBy'], now: Date): StoredAnnouncement & { published: boolean } {
  const at = now.toISOString();
  const publishAt = input.publishAt ?? at;
  const expiresAt = input.expiresAt ?? null;
  assertExpiryAfterPublish(publishAt, expiresAt);
  return {
    id,
    title: input.title,
    body: input.body,
    ...(input.translations ? { translations: input.translations } : {}),
    category: input.category,
    audience: normaliseAudience(input.audience),
    publishAt,
    expiresAt,
    pinned: input.pinned ?? false,
    published: Date.parse(publishAt) <= now.getTime(),
    createdBy,
    createdAt: at,
    updatedAt: at,
  };
}

/** A request as a backend keeps it: its due times, no per-caller fields. */
export interface StoredRequest extends Omit<PartnerRequest, 'targets' | 'partnerName'> {
  firstResponseDueAt: string;
  resolutionDueAt: string;
}

/** A stored announcement as `viewer` sees it at `now`: a partner gets its read state, a vendor the audience. */
export function presentAnnouncement(stored: StoredAnnouncement, viewer: { partner: true; readAt: string | null } | { partner: false; readStats: AnnouncementReadStats }, now: Date): Announcement {
  const { audience, ...rest } = stored;
  const status = announcementStatus(stored, now);
  return viewer.partner ? { ...rest, status, readAt: viewer.readAt } : { ...rest, audience, status, readStats: viewer.readStats };
}

/** `current` with `patch` applied at `at`: fields the patch leaves out keep their values; the audience is normalised. */
export function patchAnnouncement<T extends StoredAnnouncement>(current: T, patch: AnnouncementPatch, at: string): T {
  const next: T = { ...current, updatedAt: at };
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.body !== undefined) next.body = patch.body;
  if (patch.translations !== undefined) next.translations = patch.translations;
  if (patch.category !== undefined) next.category = patch.category;
  if (patch.audience !== undefined) next.audience = normaliseAudience(patch.audience);
  if (patch.publishAt !== undefined) next.publishAt = patch.publishAt;
  if (patch.expiresAt !== undefined) next.expiresAt = patch.expiresAt;
  if (patch.pinned !== undefined) next.pinned = patch.pinned;
  return next;
}

/** Read stats from counts: the rate is null for an empty audience, and never above 1. */
export function readStatsOf(audiencePartners: number, readPartners: number, readers: number): AnnouncementReadStats {
  return { audiencePartners, readPartners, readers, rate: audiencePartners === 0 ? null : Math.min(1, readPartners / audiencePartners) };
}

/** A stored request as `vendor` or partner callers see it at `now` (targets for the vendor only). */
export function presentRequest(stored: StoredRequest, vendor: boolean, now: Date, partnerName?: string): PartnerRequest {
  const { firstResponseDueAt, resolutionDueAt, ...rest } = stored;
  const named = partnerName === undefined ? rest : { ...rest, partnerName };
  return vendor ? { ...named, targets: requestTargetsState({ ...stored, firstResponseDueAt, resolutionDueAt }, now) } : named;
}
