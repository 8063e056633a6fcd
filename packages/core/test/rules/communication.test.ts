import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { generateDemoCommunication, generateDemoData } from '@partnerkit/core/demo';
import {
  addBusinessHours,
  allowedRequestTransitions,
  announcementStatus,
  audienceIncludes,
  type AudienceMember,
  type BusinessHours,
  businessHoursBetween,
  checkRequestTransition,
  compareAnnouncements,
  DEFAULT_REQUEST_TARGETS,
  isDueToClose,
  nextDueAt,
  normaliseAudience,
  presentAnnouncement,
  presentRequest,
  readStatsOf,
  REOPEN_WINDOW_DAYS,
  REQUEST_TRANSITIONS,
  type RequestActor,
  requestDueTimes,
  requestNumber,
  requestTargetsState,
  requestTransitionEventType,
  statusAfterMessage,
} from '@partnerkit/core/rules';
import {
  Announcement,
  type AnnouncementAudience,
  PARTNER_TYPES,
  PartnerRequest,
  REQUEST_STATUSES,
  RequestTargetsInput,
  type RequestStatus,
} from '@partnerkit/core/schemas';

const DAY = 86_400_000;
const ACTORS: readonly RequestActor[] = ['partner', 'manager', 'admin', 'system'];
const UTC = DEFAULT_REQUEST_TARGETS.businessHours;

const member = (over: Partial<AudienceMember> = {}): AudienceMember => ({ id: 'pt_a', type: 'reseller', tierId: 'tier_silver', region: 'APAC', ...over });
const audience = (over: Partial<AnnouncementAudience> = {}): AnnouncementAudience => normaliseAudience(over);

describe('announcement audiences', () => {
  test('an empty audience is everyone', () => {
    assert.equal(audienceIncludes(audience(), member()), true);
    assert.equal(audienceIncludes(audience(), member({ tierId: null, region: null })), true);
  });

  test('a tier audience is exactly those tiers: Silver sees it, Registered does not', () => {
    const silver = audience({ tierIds: ['tier_silver'] });
    assert.equal(audienceIncludes(silver, member({ tierId: 'tier_silver' })), true);
    assert.equal(audienceIncludes(silver, member({ tierId: 'tier_registered' })), false);
    assert.equal(audienceIncludes(silver, member({ tierId: 'tier_gold' })), false);
    assert.equal(audienceIncludes(silver, member({ tierId: null })), false);
  });

  test('each list narrows the segment; regions compare without regard to case', () => {
    const segment = audience({ partnerTypes: ['reseller'], tierIds: ['tier_silver'], regions: [' apac '] });
    assert.equal(audienceIncludes(segment, member()), true);
    assert.equal(audienceIncludes(segment, member({ type: 'distributor' })), false);
    assert.equal(audienceIncludes(segment, member({ region: 'EMEA' })), false);
    assert.equal(audienceIncludes(segment, member({ region: null })), false);
  });

  test('named partners see it whatever the segment; only named partners means only them', () => {
    const named = audience({ partnerIds: ['pt_b'] });
    assert.equal(audienceIncludes(named, member({ id: 'pt_b' })), true);
    assert.equal(audienceIncludes(named, member({ id: 'pt_a' })), false);
    const both = audience({ tierIds: ['tier_gold'], partnerIds: ['pt_b'] });
    assert.equal(audienceIncludes(both, member({ id: 'pt_b', tierId: 'tier_registered' })), true);
    assert.equal(audienceIncludes(both, member({ id: 'pt_c', tierId: 'tier_gold' })), true);
    assert.equal(audienceIncludes(both, member({ id: 'pt_c', tierId: 'tier_silver' })), false);
  });

  test('property: adding a value to a list never excludes a partner it included', () => {
    const tiers = fc.constantFrom('tier_a', 'tier_b', 'tier_c');
    const regions = fc.constantFrom('APAC', 'EMEA', 'Americas');
    const audiences = fc.record({
      partnerTypes: fc.uniqueArray(fc.constantFrom(...PARTNER_TYPES), { maxLength: 3 }),
      tierIds: fc.uniqueArray(tiers, { maxLength: 2 }),
      regions: fc.uniqueArray(regions, { maxLength: 2 }),
      partnerIds: fc.uniqueArray(fc.constantFrom('pt_1', 'pt_2'), { maxLength: 1 }),
    });
    const members = fc.record({ id: fc.constantFrom('pt_1', 'pt_2', 'pt_3'), type: fc.constantFrom(...PARTNER_TYPES), tierId: fc.option(tiers, { nil: null }), region: fc.option(regions, { nil: null }) });
    fc.assert(
      fc.property(audiences, members, fc.constantFrom('partnerTypes', 'tierIds', 'regions') as fc.Arbitrary<'partnerTypes' | 'tierIds' | 'regions'>, (a, m, list) => {
        if (a[list].length === 0) return; // an empty list is "any": adding the first value narrows
        const value = list === 'partnerTypes' ? m.type : list === 'tierIds' ? m.tierId : m.region;
        if (value === null) return;
        const wider = { ...a, [list]: [...new Set([...a[list], value])] } as AnnouncementAudience;
        if (audienceIncludes(a, m)) assert.equal(audienceIncludes(wider, m), true);
        // A partner inside the segment stays inside when its own value joins a list: that list no longer excludes it.
        if (audienceIncludes({ ...a, partnerIds: [] }, m)) assert.equal(audienceIncludes(wider, m), true);
      }),
    );
  });

  test('normaliseAudience trims regions and keeps each value once', () => {
    assert.deepEqual(normaliseAudience({ regions: [' APAC', 'APAC '], tierIds: ['t', 't'] }), { partnerTypes: [], tierIds: ['t'], regions: ['APAC'], partnerIds: [] });
  });

  test('status follows the clock: scheduled, published, expired', () => {
    const a = { publishAt: '2027-01-10T00:00:00.000Z', expiresAt: '2027-02-01T00:00:00.000Z' };
    assert.equal(announcementStatus(a, new Date('2027-01-09T23:59:59.999Z')), 'scheduled');
    assert.equal(announcementStatus(a, new Date('2027-01-10T00:00:00.000Z')), 'published');
    assert.equal(announcementStatus(a, new Date('2027-02-01T00:00:00.000Z')), 'expired');
    assert.equal(announcementStatus({ ...a, expiresAt: null }, new Date('2099-01-01T00:00:00.000Z')), 'published');
  });

  test('partners read pinned first, then unread, then newest', () => {
    const items = [
      { id: 'a', pinned: false, publishAt: '2027-01-03T00:00:00.000Z', readAt: '2027-01-04T00:00:00.000Z' },
      { id: 'b', pinned: false, publishAt: '2027-01-01T00:00:00.000Z', readAt: null },
      { id: 'c', pinned: true, publishAt: '2026-12-01T00:00:00.000Z', readAt: '2027-01-04T00:00:00.000Z' },
      { id: 'd', pinned: false, publishAt: '2027-01-02T00:00:00.000Z', readAt: null },
    ];
    assert.deepEqual(items.sort(compareAnnouncements).map((i) => i.id), ['c', 'd', 'b', 'a']);
  });

  test('read stats: a rate only with an audience, never above 1', () => {
    assert.deepEqual(readStatsOf(0, 0, 0), { audiencePartners: 0, readPartners: 0, readers: 0, rate: null });
    assert.equal(readStatsOf(4, 1, 3).rate, 0.25);
    assert.equal(readStatsOf(2, 3, 3).rate, 1);
  });
});

describe('the request lifecycle', () => {
  const now = new Date('2027-03-01T10:00:00.000Z');
  const check = (from: RequestStatus, to: RequestStatus, role: RequestActor, extra: { reason?: string; resolvedAt?: string | null } = {}) =>
    checkRequestTransition({ from, to, role, reason: extra.reason ?? null, resolvedAt: extra.resolvedAt ?? null, now });

  test('the table: the turn passes between the sides, either side resolves, a resolution is closed or reopened', () => {
    assert.deepEqual(
      REQUEST_TRANSITIONS.map((t) => `${t.from}>${t.to}`),
      [
        'open>waiting_on_partner',
        'open>waiting_on_vendor',
        'open>resolved',
        'waiting_on_partner>waiting_on_vendor',
        'waiting_on_partner>resolved',
        'waiting_on_vendor>waiting_on_partner',
        'waiting_on_vendor>resolved',
        'resolved>waiting_on_vendor',
        'resolved>closed',
      ],
    );
    assert.equal(REQUEST_TRANSITIONS.some((t) => t.from === 'closed'), false);
  });

  test('who may do what', () => {
    assert.equal(check('open', 'waiting_on_partner', 'manager').ok, true);
    assert.deepEqual(check('open', 'waiting_on_partner', 'partner'), { ok: false, code: 'forbidden', message: 'partner may not move a request from open to waiting_on_partner; only manager, admin may' });
    assert.equal(check('waiting_on_vendor', 'resolved', 'partner').ok, true);
    assert.equal(check('resolved', 'closed', 'system').ok, true);
    assert.equal(check('open', 'resolved', 'system').ok, false);
  });

  test('closed is final; a move the table lacks is invalid', () => {
    assert.equal(check('closed', 'waiting_on_vendor', 'partner', { reason: 'again' }).ok === false && (check('closed', 'waiting_on_vendor', 'partner') as { code: string }).code, 'request_closed');
    assert.equal((check('open', 'closed', 'manager') as { code: string }).code, 'invalid_transition');
  });

  test('reopening needs a reason and is allowed for 14 days after the resolution', () => {
    const resolvedAt = new Date(now.getTime() - (REOPEN_WINDOW_DAYS * DAY - 1)).toISOString();
    assert.equal((check('resolved', 'waiting_on_vendor', 'partner', { resolvedAt }) as { code: string }).code, 'reason_required');
    assert.equal(check('resolved', 'waiting_on_vendor', 'partner', { resolvedAt, reason: 'It broke again' }).ok, true);
    const late = new Date(now.getTime() - REOPEN_WINDOW_DAYS * DAY).toISOString();
    assert.equal((check('resolved', 'waiting_on_vendor', 'partner', { resolvedAt: late, reason: 'It broke again' }) as { code: string }).code, 'window_passed');
    assert.equal(requestTransitionEventType('resolved', 'waiting_on_vendor'), 'request.reopened');
    assert.equal(requestTransitionEventType('open', 'resolved'), 'request.resolved');
  });

  test('property: a move is allowed exactly when allowedRequestTransitions lists it (with a reason)', () => {
    const status = fc.constantFrom<RequestStatus>(...REQUEST_STATUSES);
    fc.assert(
      fc.property(status, status, fc.constantFrom(...ACTORS), fc.integer({ min: 0, max: 30 }), (from, to, role, daysAgo) => {
        const resolvedAt = new Date(now.getTime() - daysAgo * DAY).toISOString();
        const verdict = checkRequestTransition({ from, to, role, reason: 'because', resolvedAt, now });
        assert.equal(verdict.ok, allowedRequestTransitions(from, role, resolvedAt, now).includes(to));
      }),
    );
  });

  test('a message passes the turn', () => {
    assert.deepEqual(statusAfterMessage('open', 'vendor', null, now), { ok: true, status: 'waiting_on_partner' });
    assert.deepEqual(statusAfterMessage('open', 'partner', null, now), { ok: true, status: 'open' });
    assert.deepEqual(statusAfterMessage('waiting_on_partner', 'partner', null, now), { ok: true, status: 'waiting_on_vendor' });
    assert.deepEqual(statusAfterMessage('waiting_on_vendor', 'vendor', null, now), { ok: true, status: 'waiting_on_partner' });
    const recently = new Date(now.getTime() - DAY).toISOString();
    assert.deepEqual(statusAfterMessage('resolved', 'partner', recently, now), { ok: true, status: 'waiting_on_vendor' });
    assert.deepEqual(statusAfterMessage('resolved', 'vendor', recently, now), { ok: true, status: 'resolved' });
    const longAgo = new Date(now.getTime() - REOPEN_WINDOW_DAYS * DAY).toISOString();
    assert.equal(statusAfterMessage('resolved', 'partner', longAgo, now).ok, false);
    assert.equal(statusAfterMessage('closed', 'vendor', null, now).ok, false);
    assert.equal(isDueToClose({ status: 'resolved', resolvedAt: longAgo }, now), true);
    assert.equal(isDueToClose({ status: 'resolved', resolvedAt: recently }, now), false);
  });

  test('property: a message never leads outside the statuses the table reaches, and never out of closed', () => {
    fc.assert(
      fc.property(fc.constantFrom<RequestStatus>(...REQUEST_STATUSES), fc.constantFrom('partner', 'vendor') as fc.Arbitrary<'partner' | 'vendor'>, (status, side) => {
        const effect = statusAfterMessage(status, side, new Date(now.getTime() - DAY).toISOString(), now);
        if (status === 'closed') assert.equal(effect.ok, false);
        else if (effect.ok && effect.status !== status) assert.ok(REQUEST_TRANSITIONS.some((t) => t.from === status && t.to === effect.status));
      }),
    );
  });

  test('request numbers', () => {
    assert.equal(requestNumber(123), 'RQ-000123');
  });
});

describe('business hours', () => {
  test('Friday 16:00 plus 4 business hours of Mon-Fri 09-17 UTC is Monday 12:00', () => {
    assert.equal(addBusinessHours(new Date('2027-01-08T16:00:00.000Z'), 4, UTC).toISOString(), '2027-01-11T12:00:00.000Z');
  });

  test('the clock starts at the next opening, and a target reached at closing is due at closing', () => {
    assert.equal(addBusinessHours(new Date('2027-01-09T10:00:00.000Z'), 1, UTC).toISOString(), '2027-01-11T10:00:00.000Z');
    assert.equal(addBusinessHours(new Date('2027-01-11T07:00:00.000Z'), 8, UTC).toISOString(), '2027-01-11T17:00:00.000Z');
    assert.equal(addBusinessHours(new Date('2027-01-11T12:00:00.000Z'), 0, UTC).toISOString(), '2027-01-11T12:00:00.000Z');
  });

  test('in the calendar\'s time zone, holidays off', () => {
    const hcm: BusinessHours = { timeZone: 'Asia/Ho_Chi_Minh', days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00', holidays: ['2027-01-01'] };
    // Thursday 31 December 16:00 in Ho Chi Minh City (09:00 UTC): one hour that day, 1 January off, the weekend off.
    assert.equal(addBusinessHours(new Date('2026-12-31T09:00:00.000Z'), 2, hcm).toISOString(), '2027-01-04T02:00:00.000Z');
  });

  test('across a daylight-saving change, business hours stay wall-clock hours', () => {
    const berlin: BusinessHours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', holidays: [] };
    // Friday 27 March 2026 16:00 CET (15:00 UTC) + 2h: 1h on Friday, 1h on Monday 30 March from 09:00 CEST (07:00 UTC).
    assert.equal(addBusinessHours(new Date('2026-03-27T15:00:00.000Z'), 2, berlin).toISOString(), '2026-03-30T08:00:00.000Z');
  });

  test('a calendar without business days is refused', () => {
    assert.throws(() => addBusinessHours(new Date(), 1, { ...UTC, days: [] }), RangeError);
    assert.throws(() => addBusinessHours(new Date(), -1, UTC), RangeError);
  });

  const calendars = fc.record({
    timeZone: fc.constantFrom('UTC', 'Asia/Ho_Chi_Minh', 'Europe/Berlin', 'America/New_York', 'Australia/Adelaide'),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    start: fc.integer({ min: 0, max: 22 }).map((h) => `${String(h).padStart(2, '0')}:00`),
    end: fc.integer({ min: 1, max: 23 }).map((h) => `${String(h).padStart(2, '0')}:30`),
    holidays: fc.constant([] as string[]),
  }).filter((c) => c.start < c.end);
  const instants = fc.date({ noInvalidDate: true, min: new Date('2020-01-01'), max: new Date('2035-01-01') });

  test('property: the due time is never before the start, and the business time between them is the target', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 0, max: 200 }), (calendar, start, hours) => {
        const due = addBusinessHours(start, hours, calendar);
        assert.ok(due.getTime() >= start.getTime());
        assert.ok(Math.abs(businessHoursBetween(start, due, calendar) - hours) < 1e-9, `${hours}h from ${start.toISOString()} in ${JSON.stringify(calendar)}: ${due.toISOString()}`);
      }),
      { numRuns: 150 },
    );
  });

  test('property: adding in two steps is adding once', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (calendar, start, a, b) => {
        const twice = addBusinessHours(addBusinessHours(start, a, calendar), b, calendar);
        assert.equal(twice.toISOString(), addBusinessHours(start, a + b, calendar).toISOString());
      }),
      { numRuns: 150 },
    );
  });

  test('property: a later start is never due earlier', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 0, max: 72 * 60 }), fc.integer({ min: 1, max: 100 }), (calendar, start, minutes, hours) => {
        const later = new Date(start.getTime() + minutes * 60_000);
        assert.ok(addBusinessHours(later, hours, calendar).getTime() >= addBusinessHours(start, hours, calendar).getTime());
      }),
      { numRuns: 150 },
    );
  });
});

describe('response targets', () => {
  const opened = new Date('2027-01-11T09:00:00.000Z'); // a Monday
  const due = requestDueTimes(opened, 'deal_support', DEFAULT_REQUEST_TARGETS);

  test('due times per category, in business hours', () => {
    assert.deepEqual(due, { firstResponseDueAt: '2027-01-11T13:00:00.000Z', resolutionDueAt: '2027-01-12T17:00:00.000Z' });
  });

  test('the next due time and breaches', () => {
    const request = { status: 'open' as RequestStatus, firstResponseAt: null, resolvedAt: null, ...due };
    assert.equal(nextDueAt(request), due.firstResponseDueAt);
    const before = requestTargetsState(request, new Date('2027-01-11T12:59:59.000Z'));
    assert.equal(before.firstResponseBreached, false);
    assert.equal(requestTargetsState(request, new Date('2027-01-11T13:00:01.000Z')).firstResponseBreached, true);
    const answered = { ...request, status: 'waiting_on_partner' as RequestStatus, firstResponseAt: '2027-01-11T10:00:00.000Z' };
    assert.equal(nextDueAt(answered), due.resolutionDueAt);
    assert.equal(requestTargetsState(answered, new Date('2027-02-01T00:00:00.000Z')).firstResponseBreached, false);
    assert.equal(requestTargetsState(answered, new Date('2027-02-01T00:00:00.000Z')).resolutionBreached, true);
    const resolved = { ...answered, status: 'resolved' as RequestStatus, resolvedAt: '2027-01-12T12:00:00.000Z' };
    assert.equal(nextDueAt(resolved), null);
    assert.equal(requestTargetsState(resolved, new Date('2027-02-01T00:00:00.000Z')).resolutionBreached, false);
  });

  test('the default targets are valid input, and the schema refuses a bad calendar', () => {
    assert.equal(RequestTargetsInput.safeParse(DEFAULT_REQUEST_TARGETS).success, true);
    assert.equal(RequestTargetsInput.safeParse({ ...DEFAULT_REQUEST_TARGETS, businessHours: { ...UTC, timeZone: 'Mars/Olympus_Mons' } }).success, false);
    assert.equal(RequestTargetsInput.safeParse({ ...DEFAULT_REQUEST_TARGETS, businessHours: { ...UTC, start: '18:00' } }).success, false);
  });
});

describe('the demo communication', () => {
  const data = generateDemoData({ asOf: '2026-11-30T09:00:00.000Z', partners: 24, deals: 10, resources: 4 });
  const demo = generateDemoCommunication(data);
  const now = data.asOf;

  test('is deterministic', () => {
    assert.deepEqual(generateDemoCommunication(data), demo);
  });

  test('announcements in English and Vietnamese, scheduled, published and expired, every kind of audience', () => {
    const statuses = new Set(demo.announcements.map((a) => announcementStatus(a, now)));
    assert.deepEqual([...statuses].sort(), ['expired', 'published', 'scheduled']);
    for (const a of demo.announcements) {
      assert.ok(a.translations?.en || a.translations?.vi);
      const shown = presentAnnouncement(a, { partner: false, readStats: readStatsOf(1, 0, 0) }, now);
      assert.equal(Announcement.safeParse(shown).success, true, JSON.stringify(Announcement.safeParse(shown).error?.issues));
    }
    assert.ok(demo.announcements.some((a) => a.audience.tierIds.length > 0));
    assert.ok(demo.announcements.some((a) => a.audience.regions.length > 0));
    assert.ok(demo.announcements.some((a) => a.audience.partnerTypes.length > 0));
    assert.ok(demo.announcements.some((a) => a.audience.partnerIds.length > 0));
    for (const read of demo.reads) {
      const a = demo.announcements.find((x) => x.id === read.announcementId)!;
      const partner = data.partners.find(({ partner: p }) => p.id === read.partnerId)!.partner;
      assert.equal(audienceIncludes(a.audience, partner), true);
    }
  });

  test('requests in every status, valid, their histories following the table', () => {
    assert.deepEqual([...new Set(demo.requests.map((r) => r.status))].sort(), [...REQUEST_STATUSES].sort());
    for (const request of demo.requests) {
      const shown = presentRequest(request, true, now);
      assert.equal(PartnerRequest.safeParse(shown).success, true, JSON.stringify(PartnerRequest.safeParse(shown).error?.issues));
      for (const step of request.history.slice(1)) {
        const role = step.by.role;
        assert.ok(REQUEST_TRANSITIONS.some((t) => t.from === step.from && t.to === step.to && t.roles.includes(role)), `${request.id}: ${step.from} -> ${step.to} by ${role}`);
      }
      assert.equal(request.messageCount, request.messages.length);
    }
  });
});
