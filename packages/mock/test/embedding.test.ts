/**
 * What an embedder uses the mock for: a page or a test against the demo programme or data of its
 * own, with sessions minted directly, and faults injected to see loading, error and retry states.
 * Through msw in Node (as a page's tests would) and through `backend.fetch`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createClient, isHttpError, isNetworkError, isResponseValidationError, isTimeoutError, type PartnerKitClient } from '@partnerkit/core/client';
import { currentPeriod } from '@partnerkit/core/rules';
import { type Deal, type Kpi, type Partner, type Problem, problems, type Tier } from '@partnerkit/core/schemas';
import { createMockBackend, type MockBackend, partnerkitHandlers } from '@partnerkit/mock';

const BASE_URL = 'https://prm.example.com/api';
const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

function clientOf(backend: MockBackend, session: { role: 'manager' } | { role: 'partner'; partnerId: string }, options: { timeout?: number } = {}): PartnerKitClient {
  server.resetHandlers(...partnerkitHandlers(backend, BASE_URL));
  return createClient({ baseUrl: BASE_URL, token: backend.session(session).token, retry: 0, ...options });
}

const AT = '2026-11-02T08:00:00.000Z';
const tier: Tier = { id: 'tier_partner', rank: 1, name: 'Partner', colour: '#336699', benefits: [{ label: 'Deal protection', value: '45 days' }], requirements: [], dealProtectionDays: 45, createdAt: AT, updatedAt: AT };
const kpi: Kpi = { id: 'kpi_arr', name: 'ARR', description: null, unit: 'currency', direction: 'higher_is_better', aggregation: 'sum', weight: 1, currency: 'EUR', createdAt: AT, updatedAt: AT };
const partner: Partner = { id: 'acme', name: 'Acme Integration GmbH', type: 'system_integrator', status: 'active', tierId: tier.id, tierSince: AT, region: 'EMEA', country: 'DE', website: 'https://acme.example', domains: ['acme.example'], manager: null, createdAt: AT, updatedAt: AT };
const deal: Deal = {
  id: 'dl_acme_1', number: 'DR-000041', partnerId: partner.id, submittedBy: { id: 'u1', name: 'Jana Weber' }, status: 'submitted', type: 'resell',
  customer: { company: 'Globex AG', domain: 'globex.example' }, contact: {}, products: [], amount: { amount: 4_500_000, currency: 'EUR' }, expectedCloseDate: null,
  stage: null, description: null, submittedAt: AT, approvedAt: null, expiresAt: null, extensions: 0, approvedBy: null, reasonCode: null, reason: null,
  history: [{ at: AT, from: null, to: 'submitted', by: { role: 'partner', id: 'u1', name: 'Jana Weber' } }], createdAt: AT, updatedAt: AT,
};

describe('@partnerkit/mock for embedders', () => {
  it('serves the demo programme: a partner session sees its scorecard and only its own partner', async () => {
    const backend = createMockBackend({ seed: 'demo' });
    const client = clientOf(backend, { role: 'partner', partnerId: 'pt_0003' });
    const scorecard = await client.partners.scorecard('pt_0003');
    assert.equal(scorecard.tier.current?.id, 'tier_gold');
    const page = await client.partners.list();
    assert.deepEqual(page.data.map((p) => p.id), ['pt_0003']);
    assert.equal((await client.tiers.list()).data.length, 4);
  });

  it('serves the demo plans: one per partner for the current half, in its language, at every stage; the partner agrees to the proposed one', async () => {
    const backend = createMockBackend({ seed: 'demo' });
    const manager = clientOf(backend, { role: 'manager' });
    // The programme's partners; the ones recruitment's demo approvals add are onboarding, without a plan yet.
    const partners = (await manager.partners.list({ limit: 100 })).data.filter((p) => p.status !== 'onboarding');
    const period = currentPeriod('half', backend.clock.now());
    const plans = await Promise.all(partners.map((p) => manager.plans.get(p.id, period)));
    assert.equal(plans.length, partners.length);
    assert.deepEqual([...new Set(plans.map((p) => p.status))].sort(), ['agreed', 'draft', 'proposed']);
    const vietnamese = plans.find((p) => partners.find((x) => x.id === p.partnerId)?.country === 'VN');
    const english = plans.find((p) => partners.find((x) => x.id === p.partnerId)?.country !== 'VN');
    assert.match(vietnamese?.title ?? '', /^Kế hoạch tăng trưởng/);
    assert.match(english?.title ?? '', /^Growth plan/);
    for (const plan of plans) {
      assert.ok(plan.objectives.some((o) => o.side === 'vendor') && plan.objectives.some((o) => o.side === 'partner'), plan.id);
      assert.ok(plan.objectives.some((o) => o.kind === 'measured' && o.progress.actual !== null), `${plan.id} has a measured objective with numbers`);
    }
    const revised = plans.find((p) => p.revision === 2);
    assert.ok(revised, 'a plan changed since it was agreed');
    assert.equal((await manager.plans.revision(revised.partnerId, period, 1)).revision, 1);

    const proposed = plans.find((p) => p.status === 'proposed' && p.agreements.vendor !== null);
    assert.ok(proposed);
    const asPartner = clientOf(backend, { role: 'partner', partnerId: proposed.partnerId });
    const agreed = await asPartner.plans.transition(proposed.partnerId, period, { to: 'agreed', version: proposed.version });
    assert.equal(agreed.status, 'agreed');
    assert.equal(agreed.agreements.partner?.by.side, 'partner');
    await assert.rejects(asPartner.plans.get(plans.find((p) => p.partnerId !== proposed.partnerId)!.partnerId, period), (e: unknown) => isHttpError(e) && e.status === 404);
  });

  it("serves the embedder's own programme, partners, deals and resources, and refuses a seed the contract does not allow", async () => {
    const backend = createMockBackend({
      seed: { tiers: [tier], kpis: [kpi], partners: [partner], deals: [deal], resources: [{ id: 'rs_1', title: 'Reseller guide', description: null, type: 'document', format: 'pdf', sizeBytes: null, language: 'de', tags: ['guide'], thumbnailUrl: null, minTierId: null, partnerTypes: [], openCount: 0, createdAt: AT, updatedAt: AT, url: 'https://acme.example/guide.pdf' }] },
    });
    const client = clientOf(backend, { role: 'partner', partnerId: 'acme' });
    assert.deepEqual((await client.deals.list()).data.map((d) => d.number), ['DR-000041']);
    const registered = await client.deals.register({ type: 'referral', customer: { company: 'Initech GmbH', domain: 'initech.example' } });
    assert.equal(registered.number, 'DR-000042', 'numbers continue after the seeded deals');
    assert.equal((await client.resources.open('rs_1')).url, 'https://acme.example/guide.pdf');
    assert.throws(() => createMockBackend({ seed: { partners: [{ ...partner, country: 'Germany' }] } }), /partners\[0\] is not a valid contract object: country/);
  });

  it('injects faults: offline, an error status, a slow answer, a rewritten answer; each for the requests it matches, as often as asked', async () => {
    const backend = createMockBackend({ seed: 'demo' });
    const client = clientOf(backend, { role: 'manager' }, { timeout: 200 });

    backend.faults.add({ mode: 'offline', match: 'GET /v1/deals', times: 1 });
    await assert.rejects(client.deals.list(), (error) => isNetworkError(error));
    assert.equal((await client.deals.list({ limit: 1 })).data.length, 1, 'the fault was used up');

    backend.faults.add({ mode: 'error', status: 503, match: '/v1/partners/*' , times: 1 });
    await assert.rejects(client.partners.scorecard('pt_0001'), (error) => isHttpError(error) && error.status === 503);

    const removeSlow = backend.faults.add({ mode: 'slow', delayMs: Infinity, match: 'GET /v1/tiers' });
    await assert.rejects(client.tiers.list(), (error) => isTimeoutError(error));
    removeSlow();

    backend.faults.add({ mode: 'respond', match: 'GET /v1/kpis', respond: () => Response.json({ data: [{ id: 'kpi' }], nextCursor: null }) });
    await assert.rejects(client.kpis.list(), (error) => isResponseValidationError(error));
    backend.faults.clear();
    assert.equal((await client.kpis.list()).data.length, 8);
  });

  it("answers an error fault with the contract's problem for its status, a given detail, or exactly a given problem", async () => {
    const backend = createMockBackend({ seed: { partners: [partner] } });
    const client = clientOf(backend, { role: 'partner', partnerId: partner.id });
    const pick = ({ status, code, title, detail }: Problem) => ({ status, code, title, detail });
    const problemOf = async (call: Promise<unknown>): Promise<Problem> => {
      const error = await call.then(() => assert.fail('the call succeeded'), (e: unknown) => e);
      assert.ok(isHttpError(error), String(error));
      assert.equal(error.status, error.problem.status);
      return error.problem;
    };
    backend.faults.add({ mode: 'error', status: 403, match: 'GET /v1/session', times: 1 });
    const forbidden = await problemOf(client.session.get());
    assert.deepEqual({ ...forbidden, requestId: 'req' }, problems.forbidden('The mock backend failed to answer this request (an injected fault).').toProblem('req'));
    backend.faults.add({ mode: 'error', status: 503, detail: 'Down for maintenance.', times: 1 });
    assert.deepEqual(pick(await problemOf(client.session.get())), { status: 503, code: 'service_unavailable', title: 'The service is unavailable', detail: 'Down for maintenance.' });
    backend.faults.add({ mode: 'error', problem: problems.dealConflict('protected'), match: 'POST /v1/deals', times: 1 });
    const conflict = await problemOf(client.deals.register({ type: 'resell', customer: { company: 'Initech', domain: 'initech.example' } }));
    assert.deepEqual(pick(conflict), { status: 409, code: 'deal_conflict', title: 'The customer is protected', detail: 'An approved registration protects this customer.' });
    assert.equal(conflict.reason, 'protected');
    assert.equal(backend.state.deals.size, 0, 'an error fault answers instead of the backend');
  });

  it('loses the answer of an offline fault with lost: answer after the backend acted; the same key then replays it', async () => {
    const backend = createMockBackend({ seed: { partners: [partner] } });
    const client = clientOf(backend, { role: 'partner', partnerId: partner.id });
    backend.faults.add({ mode: 'offline', lost: 'answer', match: 'POST /v1/deals', times: 1 });
    const input = { type: 'resell', customer: { company: 'Initech', domain: 'initech.example' } } as const;
    const key = '0c5e4c8e-4ad1-4e51-9d35-6c1f3f8d5a10';
    await assert.rejects(client.deals.register(input, { idempotencyKey: key }), (error) => isNetworkError(error));
    assert.equal(backend.state.deals.size, 1, 'the backend registered the deal before the answer was lost');
    const replayed = await client.deals.register(input, { idempotencyKey: key });
    assert.equal(backend.state.deals.size, 1);
    assert.equal(replayed.id, [...backend.state.deals.keys()][0]);
  });

  it('works without msw too, as a fetch; and shows every request to onRequest', async () => {
    const seen: string[] = [];
    const backend = createMockBackend({ seed: 'demo', onRequest: (request) => seen.push(`${request.method} ${new URL(request.url).pathname}`) });
    const client = createClient({ baseUrl: 'https://anywhere.example/api', token: backend.session({ role: 'partner', partnerId: 'pt_0001' }).token, fetch: backend.fetch, retry: 0 });
    const session = await client.session.get();
    assert.equal(session.partnerId, 'pt_0001');
    assert.deepEqual(seen, ['GET /api/v1/session']);
  });
});
