/**
 * The client against the real reference server over HTTP on 127.0.0.1: every namespace, typed
 * errors from real problem documents, a lost answer retried under the same key, shared GETs,
 * and a session renewed after a 401. One server per test file; the files pick the database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AuthError,
  ConflictError,
  createClient,
  isPartnerKitError,
  NetworkError,
  NotFoundError,
  IdempotencyMismatchError,
  type PartnerKitClient,
  responseInfo,
  ValidationProblemError,
} from '@partnerkit/core/client';
import { computeScorecard, requestDueTimes } from '@partnerkit/core/rules';
import type { DealInput, Partner, Tier } from '@partnerkit/core/schemas';
import { type FaultProxy, startFaultProxy } from './fault-proxy.ts';
import { type Driver, startTestServer, type TestServer } from './server.ts';

/** Registers the whole suite against a reference server on `driver`. */
export function clientServerSuite(driver: Driver): void {
  let server: TestServer;
  let proxy: FaultProxy;
  let admin: PartnerKitClient;
  let partner: Partner;
  let other: Partner;
  let gold: Tier;
  let counter = 0;
  const unique = (label: string) => `${label}-${driver}-${++counter}`;
  const customer = (label = 'customer') => {
    const name = unique(label);
    return { company: `${name} Ltd`, domain: `${name}.test` };
  };

  /** A client for a session of `role`, renewed through the admin client like a host page would. */
  const sessionClient = (role: 'manager' | 'partner', partnerId?: string, options: { ttlSeconds?: number; baseUrl?: string; retry?: number } = {}) => {
    const grants: string[] = [];
    const client = createClient({
      baseUrl: options.baseUrl ?? server.url,
      fetchSession: async () => {
        const grant = await admin.sessions.create({
          role,
          ...(partnerId ? { partnerId } : {}),
          user: { id: `${role}-user`, name: `Test ${role}` },
          ...(options.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
        });
        grants.push(grant.token);
        return grant;
      },
      retry: options.retry ?? 0,
    });
    return { client, grants };
  };

  before(async () => {
    server = await startTestServer(driver);
    proxy = await startFaultProxy(server.url);
    admin = createClient({ baseUrl: server.url, token: server.adminKey, retry: 0 });
    await admin.kpis.put('revenue', { name: 'Revenue', unit: 'currency', currency: 'USD', direction: 'higher_is_better', aggregation: 'sum', weight: 2 });
    await admin.kpis.put('churn', { name: 'Churn', unit: 'percent', direction: 'lower_is_better', aggregation: 'avg', weight: 1 });
    await admin.tiers.put('silver', { rank: 1, name: 'Silver', colour: '#C0C0C0', benefits: [], requirements: [{ kpiId: 'revenue', min: 100_000, window: 3 }], dealProtectionDays: 30 });
    gold = await admin.tiers.put('gold', { rank: 2, name: 'Gold', colour: '#D4AF37', benefits: [{ label: 'MDF', value: '2%' }], requirements: [{ kpiId: 'revenue', min: 900_000, window: 3 }], dealProtectionDays: 60 });
    partner = await admin.partners.create({ name: 'Acme Partner', type: 'reseller', status: 'active', tierId: 'silver' });
    other = await admin.partners.create({ name: 'Other Partner', type: 'distributor', status: 'active', tierId: 'gold' });
  });

  after(async () => {
    await proxy?.close();
    await server?.close();
  });

  describe(`the client against the reference server on ${driver}`, () => {
    it('knows who it is, for the admin key and for sessions', async () => {
      assert.equal((await admin.session.get()).role, 'admin');
      const { client } = sessionClient('partner', partner.id);
      const me = await client.session.get();
      assert.equal(me.role, 'partner');
      assert.equal(me.partnerId, partner.id);
      assert.equal(me.user?.id, 'partner-user');
    });

    it('registers, lists, iterates across 3 pages, and moves deals through the lifecycle', async () => {
      const { client } = sessionClient('partner', partner.id);
      const { client: manager } = sessionClient('manager');
      const registered = [];
      for (let i = 0; i < 5; i++) registered.push(await client.deals.register({ type: 'resell', customer: customer('deal'), amount: { amount: 100_000 * (i + 1), currency: 'USD' } }));
      assert.ok(registered.every((d) => d.status === 'submitted' && d.partnerId === partner.id));

      const first = await client.deals.list({ limit: 2 });
      assert.equal(first.data.length, 2);
      assert.equal(typeof first.nextCursor, 'string');
      const ids: string[] = [];
      for await (const deal of client.deals.iterate({ limit: 2, status: ['submitted', 'approved'] })) ids.push(deal.id);
      assert.deepEqual(new Set(ids), new Set(registered.map((d) => d.id)));
      assert.equal(ids.length, 5, 'each deal once, over three pages');

      const approved = await manager.deals.transition(registered[0]!.id, { to: 'approved' });
      assert.equal(approved.status, 'approved');
      assert.equal(Date.parse(approved.expiresAt!) - Date.parse(approved.approvedAt!), 30 * 86_400_000, "the partner's tier protects it for 30 days");
      const won = await client.deals.transition(registered[0]!.id, { to: 'won' });
      assert.equal(won.status, 'won');
      assert.deepEqual(won.history.map((h) => [h.from, h.to, h.by.role]), [
        [null, 'submitted', 'partner'],
        ['submitted', 'approved', 'manager'],
        ['approved', 'won', 'partner'],
      ]);
      assert.equal((await client.deals.get(registered[0]!.id)).status, 'won');
      const { company, domain } = registered[1]!.customer;
      assert.deepEqual(await client.deals.check({ customer: { company, domain } }), { available: false, reason: 'own_registration' });
    });

    it("reads a scorecard equal to core's rules, and the partner's measurements", async () => {
      const months = ['2026-04', '2026-05', '2026-06'];
      const data = months.flatMap((period, i) => [
        { partnerId: partner.id, kpiId: 'revenue', period, value: 40_000 + 10_000 * i },
        { partnerId: partner.id, kpiId: 'churn', period, value: 3 + i },
      ]);
      assert.deepEqual(await admin.measurements.ingest({ data }), { upserted: 6 });
      await admin.partners.putTargets(partner.id, { data: [{ kpiId: 'churn', period: '2026-Q2', value: 5 }] });
      const { client } = sessionClient('partner', partner.id);
      const card = await client.partners.scorecard(partner.id, { period: '2026-Q2', periods: 4 });
      const measurements = (await client.partners.measurements(partner.id, { limit: 200 })).data;
      assert.equal(measurements.length, 6);
      const expected = computeScorecard({
        partner: await admin.partners.get(partner.id),
        period: '2026-Q2',
        kpis: (await admin.kpis.list()).data,
        tiers: (await admin.tiers.list()).data,
        targets: (await admin.partners.targets(partner.id)).data,
        measurements,
        trendPeriods: 4,
        now: new Date(card.generatedAt),
      });
      assert.deepEqual({ ...card, generatedAt: '' }, { ...expected, generatedAt: '' });
      assert.equal(card.rows.find((r) => r.kpi.id === 'revenue')?.actual, 150_000);
    });

    it('lists resources with locks, opens what it may, and gets AuthError for a locked one', async () => {
      const locked = await admin.resources.create({ title: 'Gold deck', type: 'document', language: 'en', url: 'https://example.com/gold.pdf', minTierId: gold.id, tags: ['sales'] });
      const open = await admin.resources.create({ title: 'Brand kit', type: 'brand_asset', language: 'en', url: 'https://example.com/brand.zip', tags: ['brand'] });
      const { client } = sessionClient('partner', partner.id);
      const page = await client.resources.list({ sort: 'title' });
      assert.equal(page.total, 2);
      assert.equal(page.facets.tag.sales, 1);
      const seen = Object.fromEntries(page.data.map((r) => [r.id, r]));
      assert.equal(seen[locked.id]?.locked, true);
      assert.equal(seen[locked.id]?.url, undefined);
      assert.equal(seen[open.id]?.locked, false);
      assert.deepEqual(await client.resources.open(open.id), { url: 'https://example.com/brand.zip' });
      await assert.rejects(client.resources.open(locked.id), (error) => error instanceof AuthError && error.status === 403 && error.code === 'forbidden');
      assert.equal((await admin.resources.get(open.id)).openCount, 1);
    });

    it('recruits through the client: a public form with a publishable key, the pipeline, blind scores, approval', async () => {
      const origin = 'https://www.vendor.example';
      const key = await admin.publishableKeys.create({ name: 'Website', allowedOrigins: [origin] });
      // A browser sends Origin itself; here the page's fetch does.
      const fromPage: typeof fetch = (input, init) => {
        const request = new Request(input, init);
        request.headers.set('origin', origin);
        return fetch(request);
      };
      const page = createClient({ baseUrl: server.url, token: key.key, fetch: fromPage, retry: 0 });
      await admin.applicationForm.update({ partnerTypes: [{ type: 'reseller', description: null }], questions: [], consent: { text: 'I agree.', privacyUrl: null } });
      const form = await page.applicationForm.get();
      assert.deepEqual(form.partnerTypes.map((t) => t.type), ['reseller']);
      await server.clock.advance(10_000);
      const input = {
        partnerType: 'reseller' as const,
        company: { name: unique('Applicant'), domains: [`${unique('applicant')}.test`], country: 'VN', size: '11-50' as const },
        contact: { name: 'Lan', email: 'lan@applicant.test' },
        capabilities: { markets: ['VN'], technicalStaff: 3, whyUs: 'Our customers ask for it.' },
        consent: true as const,
        formToken: form.formToken,
      };
      const receipt = await page.applicationForm.submit(input);
      assert.match(receipt.number, /^APP-\d{6}$/);
      await assert.rejects(page.applications.list(), (error) => error instanceof AuthError && error.status === 401, 'the key reads no application');

      const { client: manager } = sessionClient('manager');
      await admin.selection.putCriterion('reach', { name: 'Market reach', weight: 3, levels: [1, 2, 3, 4, 5].map((n) => ({ description: `Level ${n}` })) });
      const [application] = (await manager.applications.list({ q: receipt.number })).data;
      assert.ok(application);
      assert.equal((await manager.applications.pipeline()).stages.find((s) => s.status === 'submitted')?.count, 1);
      await assert.rejects(manager.applications.transition(application.id, { to: 'on_hold' }), (error) => error instanceof ValidationProblemError && error.errors.some((e) => e.path === 'reason'));
      await assert.rejects(manager.applications.transition(application.id, { to: 'approved' }), (error) => error instanceof ConflictError && error.code === 'invalid_transition');
      await manager.applications.transition(application.id, { to: 'screening' });
      const evaluation = await manager.applications.evaluate(application.id, { scores: [{ criterionId: 'reach', score: 4 }], recommendation: 'approve', submit: true });
      assert.equal(evaluation.weightedScore, 75);
      const seen = await manager.applications.evaluations(application.id);
      assert.equal(seen.blind, false);
      assert.equal(seen.summary?.recommendation, 'approve');
      await manager.applications.transition(application.id, { to: 'interview' });
      await manager.applications.transition(application.id, { to: 'due_diligence' });
      const approved = await manager.applications.transition(application.id, { to: 'approved' });
      const created = await admin.partners.get(approved.partnerId!);
      assert.equal(created.status, 'onboarding');
      assert.equal(created.name, input.company.name);
      await admin.publishableKeys.delete(key.id);
      await assert.rejects(page.applicationForm.get(), (error) => error instanceof AuthError && error.status === 401, 'a revoked key');
    });

    it('turns real problem documents into typed errors that never carry the token', async () => {
      const { client, grants } = sessionClient('partner', partner.id);
      await assert.rejects(client.deals.get('dl_does_not_exist'), (error) => error instanceof NotFoundError && error.status === 404 && typeof error.requestId === 'string');
      await assert.rejects(client.partners.get(other.id), NotFoundError, "another partner's id is not found");
      await assert.rejects(client.deals.register({ type: 'resale', customer: { company: '' } } as unknown as DealInput), (error) => {
        assert.ok(error instanceof ValidationProblemError);
        assert.deepEqual(error.errors.map((e) => e.path).sort(), ['customer.company', 'type']);
        return true;
      });
      const held = customer('held');
      await client.deals.register({ type: 'resell', customer: held });
      const { client: rival } = sessionClient('partner', other.id);
      await assert.rejects(rival.deals.register({ type: 'resell', customer: held }), (error) => error instanceof ConflictError && error.reason === 'already_registered');
      await assert.rejects(client.tiers.put('platinum', { rank: 3, name: 'Platinum', colour: '#E5E4E2', benefits: [], requirements: [], dealProtectionDays: 90 }), (error) => error instanceof AuthError && error.status === 403);
      const bad = createClient({ baseUrl: server.url, token: 'pk_admin_not-a-real-key-000000', retry: 0 });
      await assert.rejects(bad.session.get(), (error) => error instanceof AuthError && error.status === 401 && !JSON.stringify(error).includes('pk_admin_not-a-real-key') && !String(error).includes('pk_admin_not-a-real-key'));
      const failures = await Promise.allSettled([client.deals.get('dl_missing'), client.partners.get(other.id)]);
      for (const failure of failures) {
        assert.equal(failure.status, 'rejected');
        const error = (failure as PromiseRejectedResult).reason as Error;
        assert.ok(isPartnerKitError(error));
        for (const token of grants) assert.ok(!String(error.stack).includes(token) && !JSON.stringify(error).includes(token), 'no token in the error');
      }
    });

    it('retries a registration whose answer was lost under the same key: exactly one deal', async () => {
      const { client } = sessionClient('partner', partner.id, { baseUrl: proxy.url, retry: 2 });
      await client.session.get();
      const lostCustomer = customer('lost');
      proxy.loseNextAnswer((method, path) => method === 'POST' && path === '/v1/deals');
      const before = proxy.forwarded.length;
      const deal = await client.deals.register({ type: 'resell', customer: lostCustomer });
      const posts = proxy.forwarded.slice(before).filter((r) => r.method === 'POST' && r.path === '/v1/deals');
      assert.equal(posts.length, 2, 'the lost attempt and its retry');
      assert.equal(posts[0]?.lost, true);
      assert.ok(posts[0]?.idempotencyKey && posts[0].idempotencyKey === posts[1]?.idempotencyKey, 'the retry carries the same key');
      const found = (await admin.deals.list({ q: lostCustomer.domain })).data;
      assert.deepEqual(found.map((d) => d.id), [deal.id], 'the server created exactly one deal');
      // The retry was answered from the stored first result, and the client says so.
      assert.equal(responseInfo(deal)?.replayed, true);
    });

    it('tells a first answer from a replayed one, and a key reused with another body from bad input', async () => {
      const { client } = sessionClient('partner', partner.id);
      const input: DealInput = { type: 'resell', customer: customer('replay') };
      const idempotencyKey = unique('replay-key');
      const first = await client.deals.register(input, { idempotencyKey });
      assert.equal(responseInfo(first)?.replayed, false);
      assert.equal(responseInfo(first)?.status, 201);
      assert.match(responseInfo(first)?.requestId ?? '', /\S/);
      const again = await client.deals.register(input, { idempotencyKey });
      assert.equal(again.id, first.id);
      assert.equal(responseInfo(again)?.replayed, true);
      await assert.rejects(client.deals.register({ ...input, description: 'changed' }, { idempotencyKey }), (error) => {
        assert.ok(error instanceof IdempotencyMismatchError, String(error));
        assert.equal(error.code, 'idempotency_mismatch');
        assert.ok(!(error instanceof ValidationProblemError));
        return true;
      });
    });

    it('does not retry a POST without a key: a lost answer is a NetworkError', async () => {
      const { client } = sessionClient('partner', partner.id, { baseUrl: proxy.url, retry: 2 });
      await client.session.get();
      proxy.loseNextAnswer((method, path) => method === 'POST' && path === '/v1/deals/check');
      await assert.rejects(client.deals.check({ customer: customer('check') }), NetworkError);
    });

    it('shares 50 concurrent identical GETs: the server sees one request', async () => {
      const { client } = sessionClient('manager');
      await client.session.get();
      const before = server.seen.filter((r) => r.path === '/v1/tiers').length;
      const pages = await Promise.all(Array.from({ length: 50 }, () => client.tiers.list()));
      assert.ok(pages.every((p) => p.data.length === 2));
      assert.equal(server.seen.filter((r) => r.path === '/v1/tiers').length - before, 1);
    });

    it('renews a session the server no longer accepts, once, and goes on', async () => {
      const { client, grants } = sessionClient('partner', partner.id, { ttlSeconds: 60 });
      await client.session.get();
      assert.equal(grants.length, 1);
      await server.clock.advance(61_000);
      const me = await client.session.get();
      assert.equal(me.partnerId, partner.id);
      assert.equal(grants.length, 2, 'one renewal after the 401');
      const unauthorized = server.seen.filter((r) => r.path === '/v1/session' && r.status === 401);
      assert.ok(unauthorized.length >= 1);
    });

    it('publishes to a tier and reads as partners; opens, answers and resolves a request', async () => {
      const { client: manager } = sessionClient('manager');
      const managed = await admin.partners.create({ name: unique('Managed'), type: 'reseller', status: 'active', tierId: 'silver', manager: { id: 'manager-user', name: 'Test manager' } });
      const { client: asManaged } = sessionClient('partner', managed.id);
      const { client: asOther } = sessionClient('partner', other.id);

      const announcement = await manager.announcements.create({ title: unique('Silver news'), body: 'For Silver partners', category: 'incentive', audience: { tierIds: ['silver'] } });
      assert.equal(announcement.status, 'published');
      const unread = await asManaged.announcements.list({ read: false });
      assert.ok(unread.data.some((a) => a.id === announcement.id));
      assert.ok((unread.unread ?? 0) >= 1);
      await assert.rejects(asOther.announcements.get(announcement.id), NotFoundError);
      const read = await asManaged.announcements.markRead(announcement.id);
      assert.ok(read.readAt);
      assert.equal((await asManaged.announcements.list({ read: false })).unread, (unread.unread ?? 0) - 1);
      assert.equal((await manager.announcements.get(announcement.id)).readStats?.readPartners, 1);
      assert.equal((await manager.announcements.reads(announcement.id)).data[0]?.partnerId, managed.id);

      const targets = await asManaged.requests.targets();
      const opened = await asManaged.requests.open({ category: 'question', subject: unique('Funds'), message: 'How are funds paid?' });
      assert.equal(opened.status, 'open');
      const answer = await manager.requests.reply(opened.id, { body: 'After the campaign.' });
      assert.deepEqual(await asManaged.requests.message(opened.id, answer.id), answer);
      const listed = [];
      for await (const summary of manager.requests.iterate({ status: ['waiting_on_partner'], sort: 'due' })) listed.push(summary);
      const mine = listed.find((r) => r.id === opened.id);
      assert.equal(mine?.targets?.resolutionDueAt, requestDueTimes(new Date(opened.createdAt), 'question', targets).resolutionDueAt);
      const resolved = await asManaged.requests.transition(opened.id, { to: 'resolved' });
      assert.equal(resolved.status, 'resolved');
      await asManaged.requests.transition(opened.id, { to: 'closed' });
      await assert.rejects(asManaged.requests.reply(opened.id, { body: 'One more' }), (error: unknown) => error instanceof ConflictError && error.code === 'request_closed');
      await assert.rejects(asOther.requests.get(opened.id), NotFoundError);
    });

    it('rejects an aborted call with the AbortError, not a PartnerKit error', async () => {
      const controller = new AbortController();
      const pending = admin.deals.list({}, { signal: controller.signal });
      controller.abort();
      await assert.rejects(pending, (error) => (error as Error).name === 'AbortError' && !isPartnerKitError(error));
    });
    it('enablement: a partner enrols its person, passes the assessment scored by the server, and holds the certificate', async () => {
      const { client } = sessionClient('partner', partner.id);
      const resource = await admin.resources.create({ title: unique('Module'), type: 'document', language: 'en', url: 'https://docs.example.com/m.pdf' });
      const certification = await admin.enablement.createCertification({ name: unique('Certified'), validityMonths: 12 });
      await admin.enablement.setTierRequirements('gold', { requirements: [{ certificationId: certification.id, count: 1 }] });
      const course = await admin.enablement.createCourse({
        title: unique('Course'),
        format: 'self_paced',
        durationMinutes: 30,
        language: 'en',
        status: 'published',
        certificationId: certification.id,
        modules: [{ title: 'Only module', resourceId: resource.id }],
        assessment: { passMark: 100, attemptsAllowed: 3, questions: [{ id: 'q1', prompt: 'Yes?', choices: [{ id: 'a', label: 'Yes' }, { id: 'b', label: 'No' }], correctChoiceIds: ['a'] }] },
      });
      const seen = await client.enablement.course(course.id);
      assert.ok(!JSON.stringify(seen).includes('correctChoiceIds'), 'the partner never receives the key');
      assert.deepEqual((await admin.enablement.assessmentKey(course.id)).questions, [{ questionId: 'q1', correctChoiceIds: ['a'] }]);

      const person = await client.enablement.addPerson(partner.id, { name: 'Lan Pham', email: 'lan@acme.test' });
      const enrolment = await client.enablement.enrol({ courseId: course.id, personId: person.id });
      assert.equal(enrolment.attemptsLeft, 3);
      await client.enablement.completeModule(enrolment.id, 'm1');
      const failed = await client.enablement.submitAttempt(enrolment.id, { answers: [{ questionId: 'q1', choiceIds: ['b'] }] });
      assert.deepEqual([failed.passed, failed.attemptsLeft], [false, 2]);
      const passed = await client.enablement.submitAttempt(enrolment.id, { answers: [{ questionId: 'q1', choiceIds: ['a'] }] });
      assert.equal(passed.passed, true);
      assert.equal(passed.enrolment.status, 'completed');
      const certificate = await client.enablement.certificate(passed.certificateId!);
      assert.deepEqual([certificate.personId, certificate.status], [person.id, 'valid']);
      await assert.rejects(client.enablement.submitAttempt(enrolment.id, { answers: [] }), (e: unknown) => e instanceof ConflictError && e.code === 'assessment_passed');

      const standing = await client.enablement.partnerEnablement(partner.id);
      assert.equal(standing.certifiedStaff, 1);
      assert.deepEqual(standing.tiers.find((t) => t.tierId === 'gold')?.requirements[0], { certificationId: certification.id, required: 1, held: 1, missing: 0, met: true });
      const { client: theirs } = sessionClient('partner', other.id);
      await assert.rejects(theirs.enablement.person(person.id), NotFoundError);
      await assert.rejects(theirs.enablement.partnerEnablement(partner.id), NotFoundError);
      assert.deepEqual((await theirs.enablement.certificates({ partnerId: partner.id })).data, []);

      // The scorecard names the same requirement met, and the certified-staff KPI refuses typed-in values.
      const card = await client.partners.scorecard(partner.id);
      assert.ok([...card.tier.certifications, ...(card.tier.next?.certifications ?? [])].some((c) => c.certificationId === certification.id && c.held === 1));
      const kpiId = unique('certified').replace(/[^A-Za-z0-9_.:-]/g, '-');
      await admin.kpis.put(kpiId, { name: unique('Certified staff'), unit: 'count', direction: 'higher_is_better', aggregation: 'last', weight: 0, source: 'certified_staff' });
      await assert.rejects(
        admin.measurements.ingest({ data: [{ partnerId: partner.id, kpiId, period: card.period.slice(0, 4) + '-01', value: 3 }] }),
        (e: unknown) => e instanceof ConflictError && e.code === 'kpi_computed',
      );
      await admin.kpis.delete(kpiId);
    });
  });
}
