/**
 * The isolation matrix: every operation of the contract x every principal (admin, manager,
 * partner A, partner B, an expired session, a tampered token, no token) x every kind of object
 * it may name (A's, B's, one that does not exist), each with the answer the contract prescribes.
 * Then the leak checks: a partner asking for the other's object gets an answer identical to one
 * for a random id (status, headers, body but for the request id), and no answer a partner ever
 * receives carries the other partner's ids, names, deal numbers or customers.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { DEFAULT_REQUEST_TARGETS } from '@partnerkit/core/rules';
import { KPIS, TIERS, dealBody } from '../helpers/fixtures.ts';
import { type Harness, suite, unique } from '../helpers/harness.ts';
import { contractOperations, type Operation } from './helpers/contract.ts';
import { assertWellFormedAnswer, closeWire, send, Tally, type WireReply, type WireRequest } from './helpers/wire.ts';
import { buildWorld, freshEnrolment, PRINCIPALS, type PrincipalName, randomId, type World } from './helpers/world.ts';

after(() => closeWire());

/** Which object an `{id}` names, as seen from the matrix (not from the caller). */
type Target = 'none' | 'A' | 'B' | 'shared' | 'missing';

/** Paths whose `{id}` is one partner's (a partner sees only its own). */
const PARTNER_OWNED = /^\/v1\/(partners|deals|people|enrolments|certificates|requests)\/\{id\}/;

const ROLE_OF: Record<PrincipalName, 'admin' | 'manager' | 'partner' | null> = {
  admin: 'admin',
  manager: 'manager',
  partnerA: 'partner',
  partnerB: 'partner',
  expired: null,
  tampered: null,
  none: null,
};

function targetsOf(op: Operation): Target[] {
  if (!op.path.includes('{id}')) return ['none'];
  return PARTNER_OWNED.test(op.path) ? ['A', 'B', 'missing'] : ['shared', 'missing'];
}

/** The status a success of `op` answers. */
function successStatus(op: Operation, target: Target): number {
  switch (op.operationId) {
    case 'createPartner':
    case 'registerDeal':
    case 'createResource':
    case 'createAgreement':
    case 'publishAgreementVersion':
    case 'acceptAgreement':
    case 'createApplication':
    case 'createPublishableKey':
    case 'createPlanObjective':
    case 'createPlanActivity':
    case 'createPlanComment':
    case 'createCertification':
    case 'createCourse':
    case 'createPerson':
    case 'createCertificate':
    case 'createAnnouncement':
    case 'openRequest':
    case 'createRequestMessage':
      return 201;
    case 'upsertTier':
    case 'upsertKpi':
    case 'upsertSelectionCriterion':
      return target === 'missing' ? 201 : 200;
    case 'deleteTier':
    case 'deleteKpi':
    case 'deleteResource':
    case 'deleteSelectionCriterion':
    case 'deletePublishableKey':
    case 'deletePlanObjective':
    case 'deletePlanActivity':
      return 204;
    default:
      return 200;
  }
}

/**
 * The contract's answer, in its order of checks: authentication (401), role (403), the object
 * and its scope (404), then success. Upserts create what is missing.
 */
function expected(op: Operation, principal: PrincipalName, target: Target): { status: number; code?: string } {
  if (op.roles.length === 0) return { status: 200 };
  const role = ROLE_OF[principal];
  if (role === null) return { status: 401, code: 'unauthorized' };
  if (!op.roles.includes(role)) return { status: 403, code: 'forbidden' };
  const upsert = op.operationId === 'upsertTier' || op.operationId === 'upsertKpi' || op.operationId === 'upsertSelectionCriterion';
  if (target === 'missing' && !upsert) return { status: 404, code: 'not_found' };
  const own = principal === 'partnerA' ? 'A' : principal === 'partnerB' ? 'B' : null;
  if (role === 'partner' && (target === 'A' || target === 'B') && target !== own) return { status: 404, code: 'not_found' };
  return { status: successStatus(op, target) };
}

/** A valid application, from a company nobody else applies as. */
const applicationBody = () => ({
  partnerType: 'reseller',
  company: { name: unique('Matrix Applicant'), country: 'VN', size: '11-50' },
  contact: { name: 'Matrix Contact', email: 'contact@matrix-applicant.example' },
  capabilities: { markets: ['VN'], technicalStaff: 3, whyUs: 'The matrix asked.' },
  consent: true,
});

const CRITERION = { name: 'Matrix criterion', weight: 10, levels: [1, 2, 3, 4, 5].map((n) => ({ description: `Level ${n}` })) };

/** What an answer shows a caller, minus what differs per request (its id, the date, rate counters). */
function visible(reply: WireReply): string {
  const body = reply.json && typeof reply.json === 'object' ? { ...(reply.json as Record<string, unknown>), requestId: undefined } : reply.text;
  const names = Object.keys(reply.headers)
    .filter((n) => !['date', 'x-request-id', 'content-length', 'ratelimit-remaining', 'ratelimit-reset', 'keep-alive', 'connection'].includes(n))
    .sort();
  return JSON.stringify({ status: reply.status, type: reply.headers['content-type'], names, allow: reply.headers.allow, body });
}

suite('reliability: isolation matrix', (harness) => {
  let h: Harness;
  let world: World;
  let rank = 10;
  let planCount = 0;

  /** Recruitment's shared objects: an application, a criterion, a publishable key. */
  let applicationId: string;
  let keyId: string;

  before(async () => {
    h = harness();
    world = await buildWorld(h);
    applicationId = await newApplication();
    assert.equal((await h.admin.put('/v1/selection-criteria/crit_matrix', CRITERION)).status, 201);
    const key = await h.admin.post('/v1/publishable-keys', { name: 'Matrix', allowedOrigins: ['https://matrix.example'] });
    assert.equal(key.status, 201, key.text);
    keyId = key.body.id;
  });

  async function newApplication(stage?: 'screening'): Promise<string> {
    const made = await h.admin.post('/v1/applications', applicationBody());
    assert.equal(made.status, 201, made.text);
    if (stage) assert.equal((await h.admin.post(`/v1/applications/${made.body.id}/transitions`, { to: stage })).status, 200);
    return made.body.id;
  }

  /**
   * The path parameters of a plan operation: the owner's plan, objective and activity, or fresh
   * ones of the caller's side where the request would change or delete them (a side changes only
   * its own items) or move the plan (a new plan at version 2).
   */
  async function planParams(op: Operation, target: Target, principal: PrincipalName): Promise<Record<string, string>> {
    const owner = target === 'B' ? world.b : world.a;
    const partnerId = target === 'missing' ? randomId('pt') : owner.partnerId;
    const plan = owner.plan;
    const params: Record<string, string> = { id: partnerId, period: plan.period, objectiveId: plan.vendorObjectiveId, activityId: plan.partnerActivityId, commentId: plan.commentId, revision: '1' };
    if (expected(op, principal, target).status >= 300) return params;
    const side = ROLE_OF[principal] === 'partner' ? 'partner' : 'vendor';
    const path = `/v1/partners/${partnerId}/plans`;
    const create = async (url: string, body: unknown) => {
      const reply = await h.admin.post(url, body);
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id as string;
    };
    switch (op.operationId) {
      case 'transitionPlan':
        params.period = `${2100 + planCount++}`;
        await create(`${path}/${params.period}/objectives`, { owner: { name: 'Matrix' }, title: 'Matrix objective', kind: 'milestone' });
        return params;
      case 'updatePlanObjective':
      case 'deletePlanObjective':
        params.objectiveId = await create(`${path}/${plan.period}/objectives`, { side, owner: { name: 'Matrix' }, title: 'Matrix objective', kind: 'milestone' });
        return params;
      case 'updatePlanActivity':
      case 'deletePlanActivity':
        params.activityId = await create(`${path}/${plan.period}/objectives/${plan.vendorObjectiveId}/activities`, { side, title: 'Matrix activity' });
        return params;
      default:
        return params;
    }
  }

  /** The id a target names, with fresh objects where the request would change or delete them. */
  async function idFor(op: Operation, target: Target, principal: PrincipalName): Promise<string> {
    const base = op.path.split('/')[2] as string;
    const prefix = { partners: 'pt', deals: 'dl', tiers: 'tr', kpis: 'kpi', resources: 'rs', agreements: 'ag', applications: 'app', 'selection-criteria': 'crit', 'publishable-keys': 'pk', announcements: 'an', requests: 'rq' }[base] ?? 'x';
    if (target === 'missing') return randomId(prefix);
    if (target === 'A' || target === 'B') {
      const owner = target === 'A' ? world.a : world.b;
      if (base === 'partners') return owner.partnerId;
      if (base === 'people') return owner.enablement.personId;
      if (base === 'certificates') return owner.enablement.certificateId;
      if (base === 'enrolments') {
        // A step changes the enrolment: each allowed caller takes it on a fresh one of the owner.
        const changes = op.method.toLowerCase() === 'post' && expected(op, principal, target).status === 200;
        return changes ? (await freshEnrolment(h, owner.partnerId, world.catalogue.courseId)).enrolmentId : owner.enablement.enrolmentId;
      }
      if (base === 'requests') {
        // A move changes the request: each allowed caller resolves a fresh one of the owner.
        if (op.operationId === 'transitionRequest' && expected(op, principal, target).status === 200) {
          const reply = await h.admin.post('/v1/requests', { partnerId: owner.partnerId, category: 'question', subject: 'Matrix request', message: 'Matrix' });
          assert.equal(reply.status, 201, reply.text);
          return reply.body.id;
        }
        return owner.request.id;
      }
      // A move changes the deal: each allowed caller moves a fresh one of the owner.
      if (op.operationId === 'transitionDeal' && expected(op, principal, target).status === 200) {
        const reply = await h.admin.post('/v1/deals', dealBody({ partnerId: owner.partnerId }));
        assert.equal(reply.status, 201, reply.text);
        return reply.body.id;
      }
      return owner.dealId;
    }
    const allowed = expected(op, principal, target).status < 300;
    switch (op.operationId) {
      case 'deleteTier':
      case 'upsertTier': {
        if (!allowed) return 'gold';
        const id = `tier_${randomBytes(4).toString('hex')}`;
        const made = await h.admin.put(`/v1/tiers/${id}`, { ...TIERS.bronze, rank: rank++, name: 'Temporary' });
        assert.equal(made.status, 201, made.text);
        return id;
      }
      case 'deleteKpi': {
        if (!allowed) return 'revenue';
        const id = `kpi_${randomBytes(4).toString('hex')}`;
        assert.equal((await h.admin.put(`/v1/kpis/${id}`, KPIS.deals)).status, 201);
        return id;
      }
      case 'deleteResource': {
        if (!allowed) return world.resourceId;
        const made = await h.admin.post('/v1/resources', { title: 'Temporary', type: 'link', language: 'en', url: 'https://example.com/t' });
        assert.equal(made.status, 201, made.text);
        return made.body.id;
      }
      case 'upsertKpi':
        return 'churn';
      // Each allowed move or evaluation changes an application: a fresh one each time.
      case 'transitionApplication':
        return allowed ? newApplication() : applicationId;
      case 'upsertEvaluation':
        return allowed ? newApplication('screening') : applicationId;
      case 'getApplication':
      case 'listEvaluations':
        return applicationId;
      case 'deleteSelectionCriterion': {
        if (!allowed) return 'crit_matrix';
        const id = `crit_${randomBytes(4).toString('hex')}`;
        assert.equal((await h.admin.put(`/v1/selection-criteria/${id}`, CRITERION)).status, 201);
        return id;
      }
      case 'getSelectionCriterion':
      case 'upsertSelectionCriterion':
        return 'crit_matrix';
      case 'deletePublishableKey': {
        if (!allowed) return keyId;
        const made = await h.admin.post('/v1/publishable-keys', { name: 'Temporary', allowedOrigins: ['https://temporary.example'] });
        assert.equal(made.status, 201, made.text);
        return made.body.id;
      }
      case 'getPublishableKey':
      case 'updatePublishableKey':
        return keyId;
      default:
        if (base === 'certifications') return world.catalogue.certificationId;
        if (base === 'courses') return world.catalogue.courseId;
        if (base === 'announcements') return world.announcementId;
        return base === 'tiers' ? 'silver' : base === 'kpis' ? 'revenue' : base === 'agreements' ? world.agreement.id : world.resourceId;
    }
  }

  /** A valid body for `op` as `principal` would send it. */
  function bodyFor(op: Operation, principal: PrincipalName): unknown {
    const partnerRole = ROLE_OF[principal] === 'partner';
    switch (op.operationId) {
      case 'createSession':
        return { role: 'partner', partnerId: world.a.partnerId, user: { id: 'matrix-user' } };
      case 'upsertTier':
        return { ...TIERS.bronze, rank: rank++, name: 'Matrix tier' };
      case 'upsertKpi':
        return KPIS.churn;
      case 'createPartner':
        return { name: unique('Matrix Partner'), type: 'reseller' };
      case 'updatePartner':
        return { region: 'APAC' };
      case 'upsertTargets':
        return { data: [{ kpiId: 'revenue', period: '2026-Q2', value: 10 }] };
      case 'ingestMeasurements':
        return { data: [{ partnerId: world.a.partnerId, kpiId: 'revenue', period: '2026-02', value: 10 }] };
      case 'registerDeal':
        return partnerRole ? dealBody() : dealBody({ partnerId: world.a.partnerId });
      case 'checkDeal':
        return { customer: { company: unique('Prospect'), domain: `${randomBytes(5).toString('hex')}.com` } };
      case 'transitionDeal':
        return partnerRole ? { to: 'withdrawn', reason: 'Customer went elsewhere' } : { to: 'under_review' };
      case 'createResource':
        return { title: 'Matrix guide', type: 'document', language: 'en', url: 'https://example.com/m.pdf' };
      case 'updateResource':
        return { description: 'Updated by the matrix' };
      // Agreements the matrix makes gate nothing, so no other cell's answer depends on them.
      case 'createAgreement':
        return { title: 'Matrix agreement', term: { kind: 'renews_yearly' } };
      case 'updateAgreement':
        return { title: 'Matrix agreement, renamed' };
      case 'publishAgreementVersion':
        // Far in the future, so the world's version stays the one in effect (and acceptable).
        return { version: unique('v'), body: { blocks: [{ type: 'paragraph', spans: [{ text: 'Later terms.' }] }] }, effectiveAt: '2999-01-01T00:00:00.000Z' };
      case 'acceptAgreement':
        return { versionId: world.agreement.versionId, contentHash: world.agreement.contentHash, signer: { name: 'Matrix Signer', title: 'Director' } };
      case 'updateApplicationForm':
        return { partnerTypes: [{ type: 'reseller', description: null }], questions: [], consent: { text: 'I agree.', privacyUrl: null } };
      case 'createApplication':
        return applicationBody();
      case 'transitionApplication':
        return { to: 'screening' };
      case 'upsertEvaluation':
        return { scores: [] };
      case 'upsertSelectionCriterion':
        return CRITERION;
      case 'updateSelectionThresholds':
        return { approveAt: 70, declineBelow: 50 };
      case 'createPublishableKey':
        return { name: 'Matrix key', allowedOrigins: ['https://matrix.example'] };
      case 'updatePublishableKey':
        return { name: 'Matrix key, renamed' };
      case 'upsertPlan':
        return { title: 'Matrix plan' };
      case 'transitionPlan':
        return { to: 'proposed', version: 2 };
      case 'createPlanObjective':
        return { owner: { name: 'Matrix' }, title: 'Matrix objective', kind: 'milestone' };
      case 'updatePlanObjective':
        return { title: 'Renamed by the matrix' };
      case 'createPlanActivity':
        return { title: 'Matrix activity' };
      case 'updatePlanActivity':
        return { title: 'Activity renamed by the matrix' };
      case 'createPlanComment':
        return { body: 'Matrix comment' };
      case 'createCertification':
        return { name: 'Matrix certification', validityMonths: 6 };
      case 'updateCertification':
        return { description: 'Updated by the matrix' };
      case 'createCourse':
        return { title: 'Matrix live course', format: 'live', durationMinutes: 60, language: 'en' };
      case 'updateCourse':
        return { description: 'Updated by the matrix' };
      case 'createPerson':
        return { name: 'Matrix person' };
      case 'updatePerson':
        return { email: 'matrix@partner.example' };
      case 'createEnrolment':
        // The caller's own person (an admin's: A's), already enrolled: the open enrolment answers.
        return { courseId: world.catalogue.courseId, personId: (principal === 'partnerB' ? world.b : world.a).enablement.personId };
      case 'recordEnrolmentProgress':
        return { moduleId: 'm1' };
      case 'submitAttempt':
        return { answers: [{ questionId: 'q1', choiceIds: ['b'] }] };
      case 'transitionEnrolment':
        return { to: 'withdrawn' };
      case 'createCertificate':
        return { certificationId: world.catalogue.certificationId, personId: world.a.enablement.personId };
      case 'renewCertificate':
        return {};
      case 'updateTierCertificationRequirements':
        return { requirements: [{ certificationId: world.catalogue.certificationId, count: 1 }] };
      case 'createAnnouncement':
        return { title: 'Matrix announcement', body: 'Matrix', category: 'event', audience: { partnerIds: [world.a.partnerId] } };
      case 'updateAnnouncement':
        return { pinned: false };
      case 'openRequest':
        return { ...(partnerRole ? {} : { partnerId: world.a.partnerId }), category: 'question', subject: 'Matrix request', message: 'Matrix' };
      case 'createRequestMessage':
        return { body: 'Matrix message' };
      case 'transitionRequest':
        return { to: 'resolved' };
      case 'upsertRequestTargets':
        return DEFAULT_REQUEST_TARGETS;
      default:
        return undefined;
    }
  }

  /** The second id of a path (`{versionId}`, `{acceptanceId}`): the world's, of the same owner as `{id}`, or none. */
  function subIdFor(op: Operation, target: Target): string {
    if (op.path.includes('{versionId}')) return target === 'missing' ? randomId('av') : world.agreement.versionId;
    if (target === 'A' || target === 'B') return (target === 'A' ? world.a : world.b).acceptanceId;
    return randomId('ac');
  }

  /** The path parameters of `op` for a target: `{id}` (with an agreement's version or an acceptance), or a plan's. */
  async function paramsFor(op: Operation, target: Target, principal: PrincipalName): Promise<Record<string, string>> {
    if (op.path.includes('/plans/{period}')) return planParams(op, target, principal);
    const id = await idFor(op, target, principal);
    if (op.path.includes('{messageId}')) return { id, messageId: target === 'B' ? world.b.request.messageId : target === 'missing' ? randomId('rm') : world.a.request.messageId };
    if (op.path.includes('{versionId}')) return { id, versionId: subIdFor(op, target) };
    if (op.path.includes('{acceptanceId}')) return { id, acceptanceId: subIdFor(op, target) };
    return { id };
  }

  function wire(op: Operation, principal: PrincipalName, params: Record<string, string>, body: unknown): WireRequest {
    const headers: Record<string, string> = {};
    const authorization = world.authorization[principal];
    if (authorization !== undefined) headers.authorization = authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const period = op.operationId === 'getScorecard' ? '?period=2026-Q1' : '';
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
    return { method: op.method, path: `${path}${period}`, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  }

  /** Every answer a partner received, to scan for the other partner's identity. */
  const seenBy: Record<'partnerA' | 'partnerB', string[]> = { partnerA: [], partnerB: [] };
  const record = (principal: PrincipalName, reply: WireReply) => {
    if (principal === 'partnerA' || principal === 'partnerB') seenBy[principal].push(`${JSON.stringify(reply.headers)}\n${reply.text}`);
  };

  it('answers every operation x principal x object as the contract prescribes', async (t) => {
    const operations = contractOperations();
    const tally = new Tally();
    const wrong: string[] = [];
    for (const op of operations) {
      for (const principal of PRINCIPALS) {
        for (const target of targetsOf(op)) {
          const want = expected(op, principal, target);
          const request = wire(op, principal, await paramsFor(op, target, principal), bodyFor(op, principal));
          const reply = await send(h.url, request);
          // The contract document is the same for every caller, and its examples are the demo
          // programme's, whose deal numbers (DR-000002) may equal this world's: not a leak.
          if (op.operationId !== 'getOpenApiDocument') record(principal, reply);
          tally.add('cells');
          tally.add(`expect ${want.status}`);
          const what = `${op.method} ${op.path} as ${principal} on ${target}`;
          assertWellFormedAnswer(reply, what, world.secrets, op.method);
          const code = (reply.json as { code?: string } | undefined)?.code;
          if (reply.status !== want.status || (want.code !== undefined && code !== want.code)) {
            wrong.push(`${what}: expected ${want.status}${want.code ? ` ${want.code}` : ''}, got ${reply.status}${code ? ` ${code}` : ''} ${reply.text.slice(0, 300)}`);
          }
        }
      }
    }
    t.diagnostic(`isolation matrix [${h.driver}]: ${operations.length} operations x ${PRINCIPALS.length} principals = ${tally.get('cells')} cells (${tally})`);
    assert.deepEqual(wrong, [], `answers that differ from the contract:\n${wrong.join('\n')}`);
  });

  it('answers a partner asking for the other partner\'s objects exactly as for ids that do not exist', async (t) => {
    let compared = 0;
    const differ: string[] = [];
    for (const op of contractOperations().filter((o) => PARTNER_OWNED.test(o.path))) {
      for (const [principal, other] of [['partnerA', 'B'], ['partnerB', 'A']] as const) {
        const body = bodyFor(op, principal);
        const foreign = await send(h.url, wire(op, principal, await paramsFor(op, other, principal), body));
        const missing = await send(h.url, wire(op, principal, await paramsFor(op, 'missing', principal), body));
        record(principal, foreign);
        compared += 1;
        if (visible(foreign) !== visible(missing)) differ.push(`${op.method} ${op.path} as ${principal}:\n  other's: ${visible(foreign)}\n  missing: ${visible(missing)}`);
      }
    }
    t.diagnostic(`isolation [${h.driver}]: ${compared} foreign-vs-missing comparisons`);
    assert.deepEqual(differ, [], `answers that tell another partner's object from a missing one:\n${differ.join('\n')}`);
  });

  it('tells a partner nothing of the other through filters, searches, pre-checks, conflicts, cursors or idempotency keys', async (t) => {
    const probes: { principal: 'partnerA' | 'partnerB'; name: string; request: WireRequest; status: number; code?: string; sameAs?: WireRequest }[] = [];
    const as = (principal: 'partnerA' | 'partnerB', method: string, path: string, body?: unknown, extra: Record<string, string> = {}): WireRequest => ({
      method,
      path,
      headers: { authorization: world.authorization[principal] as string, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extra },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const [principal, mine, theirs] of [['partnerB', world.b, world.a], ['partnerA', world.a, world.b]] as const) {
      const ghost = randomId('pt');
      probes.push(
        { principal, name: 'deals filtered by the other partner', request: as(principal, 'GET', `/v1/deals?partnerId=${theirs.partnerId}`), status: 200, sameAs: as(principal, 'GET', `/v1/deals?partnerId=${ghost}`) },
        { principal, name: 'deals searched by the other\'s number', request: as(principal, 'GET', `/v1/deals?q=${encodeURIComponent(theirs.dealNumber)}`), status: 200, sameAs: as(principal, 'GET', '/v1/deals?q=DR-999999') },
        { principal, name: 'deals searched by the other\'s customer', request: as(principal, 'GET', `/v1/deals?q=${encodeURIComponent(theirs.company)}`), status: 200, sameAs: as(principal, 'GET', `/v1/deals?q=${encodeURIComponent(unique('Nobody'))}`) },
        { principal, name: 'partners searched by the other\'s name', request: as(principal, 'GET', `/v1/partners?q=${encodeURIComponent(theirs.partnerName)}`), status: 200, sameAs: as(principal, 'GET', `/v1/partners?q=${encodeURIComponent(unique('Nobody'))}`) },
        { principal, name: 'the other\'s scorecard for a period', request: as(principal, 'GET', `/v1/partners/${theirs.partnerId}/scorecard?period=2026-01`), status: 404, code: 'not_found', sameAs: as(principal, 'GET', `/v1/partners/${ghost}/scorecard?period=2026-01`) },
        { principal, name: 'the other\'s measurements by range', request: as(principal, 'GET', `/v1/partners/${theirs.partnerId}/measurements?from=2026-01&to=2026-03`), status: 404, code: 'not_found', sameAs: as(principal, 'GET', `/v1/partners/${ghost}/measurements?from=2026-01&to=2026-03`) },
        // The contract: a body field naming a partner the caller may not act for is an unknown id.
        { principal, name: 'a registration naming the other partner', request: as(principal, 'POST', '/v1/deals', dealBody({ partnerId: theirs.partnerId })), status: 400, code: 'validation_failed', sameAs: as(principal, 'POST', '/v1/deals', dealBody({ partnerId: ghost })) },
        { principal, name: 'a pre-check of the other\'s customer', request: as(principal, 'POST', '/v1/deals/check', { customer: { company: theirs.company, domain: theirs.domain } }), status: 200 },
        { principal, name: 'a registration of the other\'s customer', request: as(principal, 'POST', '/v1/deals', dealBody({ customer: { company: theirs.company, domain: theirs.domain } })), status: 409, code: 'deal_conflict' },
        { principal, name: 'the event log', request: as(principal, 'GET', '/v1/events'), status: 403, code: 'forbidden' },
        { principal, name: 'applications searched by the other\'s name', request: as(principal, 'GET', `/v1/applications?q=${encodeURIComponent(theirs.partnerName)}`), status: 403, code: 'forbidden' },
        { principal, name: 'plan objectives filtered by the other partner', request: as(principal, 'GET', `/v1/plan-objectives?partnerId=${theirs.partnerId}`), status: 200, sameAs: as(principal, 'GET', `/v1/plan-objectives?partnerId=${ghost}`) },
        { principal, name: 'the other\'s overdue objectives', request: as(principal, 'GET', `/v1/plan-objectives?partnerId=${theirs.partnerId}&overdue=true`), status: 200, sameAs: as(principal, 'GET', `/v1/plan-objectives?partnerId=${ghost}&overdue=true`) },
        { principal, name: 'the other\'s plans of a period', request: as(principal, 'GET', `/v1/partners/${theirs.partnerId}/plans?period=${theirs.plan.period}`), status: 404, code: 'not_found', sameAs: as(principal, 'GET', `/v1/partners/${ghost}/plans?period=${theirs.plan.period}`) },
        // The caller's own plan, addressed with the other's objective: as unknown as any other id.
        { principal, name: 'the other\'s objective under one\'s own plan', request: as(principal, 'GET', `/v1/partners/${mine.partnerId}/plans/${mine.plan.period}/objectives/${theirs.plan.vendorObjectiveId}`), status: 404, code: 'not_found', sameAs: as(principal, 'GET', `/v1/partners/${mine.partnerId}/plans/${mine.plan.period}/objectives/${randomId('po')}`) },
        { principal, name: 'enrolments filtered by the other partner', request: as(principal, 'GET', `/v1/enrolments?partnerId=${theirs.partnerId}`), status: 200, sameAs: as(principal, 'GET', `/v1/enrolments?partnerId=${ghost}`) },
        { principal, name: 'enrolments of the other\'s person', request: as(principal, 'GET', `/v1/enrolments?personId=${theirs.enablement.personId}`), status: 200, sameAs: as(principal, 'GET', `/v1/enrolments?personId=${randomId('pp')}`) },
        { principal, name: 'certificates filtered by the other partner', request: as(principal, 'GET', `/v1/certificates?partnerId=${theirs.partnerId}`), status: 200, sameAs: as(principal, 'GET', `/v1/certificates?partnerId=${ghost}`) },
        { principal, name: 'certificates of the other\'s person', request: as(principal, 'GET', `/v1/certificates?personId=${theirs.enablement.personId}`), status: 200, sameAs: as(principal, 'GET', `/v1/certificates?personId=${randomId('pp')}`) },
        { principal, name: 'an enrolment of the other\'s person', request: as(principal, 'POST', '/v1/enrolments', { courseId: world.catalogue.courseId, personId: theirs.enablement.personId }), status: 400, code: 'validation_failed', sameAs: as(principal, 'POST', '/v1/enrolments', { courseId: world.catalogue.courseId, personId: randomId('pp') }) },
        { principal, name: 'the other\'s announcement', request: as(principal, 'GET', `/v1/announcements/${theirs.announcementId}`), status: 404, code: 'not_found', sameAs: as(principal, 'GET', `/v1/announcements/${randomId('an')}`) },
        { principal, name: 'reading the other\'s announcement', request: as(principal, 'PUT', `/v1/announcements/${theirs.announcementId}/read`), status: 404, code: 'not_found', sameAs: as(principal, 'PUT', `/v1/announcements/${randomId('an')}/read`) },
        { principal, name: 'requests filtered by the other partner', request: as(principal, 'GET', `/v1/requests?partnerId=${theirs.partnerId}`), status: 200, sameAs: as(principal, 'GET', `/v1/requests?partnerId=${ghost}`) },
        { principal, name: 'a request naming the other partner', request: as(principal, 'POST', '/v1/requests', { partnerId: theirs.partnerId, category: 'question', subject: 's', message: 'm' }), status: 400, code: 'validation_failed', sameAs: as(principal, 'POST', '/v1/requests', { partnerId: ghost, category: 'question', subject: 's', message: 'm' }) },
        { principal, name: 'a request about the other\'s deal', request: as(principal, 'POST', '/v1/requests', { category: 'question', subject: 's', message: 'm', reference: { type: 'deal', id: theirs.dealId } }), status: 400, code: 'validation_failed', sameAs: as(principal, 'POST', '/v1/requests', { category: 'question', subject: 's', message: 'm', reference: { type: 'deal', id: randomId('dl') } }) },
        { principal, name: 'the other\'s message under one\'s own request', request: as(principal, 'GET', `/v1/requests/${mine.request.id}/messages/${theirs.request.messageId}`), status: 404, code: 'not_found', sameAs: as(principal, 'GET', `/v1/requests/${mine.request.id}/messages/${randomId('rm')}`) },
        { principal, name: 'a comment on the other\'s objective under one\'s own plan', request: as(principal, 'POST', `/v1/partners/${mine.partnerId}/plans/${mine.plan.period}/objectives/${theirs.plan.partnerObjectiveId}/comments`, { body: 'hello' }), status: 404, code: 'not_found' },
      );
      // Only this partner's own objects are reachable by id through the lists' data.
      const listed = await send(h.url, as(principal, 'GET', '/v1/deals?limit=200'));
      for (const deal of (listed.json as { data: { partnerId: string }[] }).data) assert.equal(deal.partnerId, mine.partnerId);
      const objectives = await send(h.url, as(principal, 'GET', '/v1/plan-objectives?limit=200'));
      const own = (objectives.json as { data: { partnerId: string }[] }).data;
      assert.ok(own.length > 0);
      for (const objective of own) assert.equal(objective.partnerId, mine.partnerId);
      const requests = (await send(h.url, as(principal, 'GET', '/v1/requests?limit=200'))).json as { data: { partnerId: string }[] };
      assert.ok(requests.data.length > 0);
      for (const request of requests.data) assert.equal(request.partnerId, mine.partnerId);
      const announcements = ((await send(h.url, as(principal, 'GET', '/v1/announcements?limit=200'))).json as { data: { id: string }[] }).data.map((a) => a.id);
      assert.ok(announcements.includes(mine.announcementId) && announcements.includes(world.announcementId));
      assert.equal(announcements.includes(theirs.announcementId), false);
    }

    // A cursor issued to A, replayed by B: refused, never a page of A's list.
    const listOfA = await send(h.url, as('partnerA', 'GET', '/v1/deals?limit=1'));
    await send(h.url, as('partnerA', 'POST', '/v1/deals', dealBody()));
    const cursorOfA = (await send(h.url, as('partnerA', 'GET', '/v1/deals?limit=1'))).json as { nextCursor: string | null };
    assert.equal(listOfA.status, 200);
    assert.ok(cursorOfA.nextCursor, 'A has two deals, so a cursor');
    probes.push({ principal: 'partnerB', name: 'a cursor issued to the other partner', request: as('partnerB', 'GET', `/v1/deals?limit=1&cursor=${encodeURIComponent(cursorOfA.nextCursor)}`), status: 400, code: 'invalid_cursor' });

    // An idempotency key A used, reused by B with the same body: B's own answer, never A's replay.
    const sharedKey = `shared-${randomBytes(6).toString('hex')}`;
    const sharedBody = dealBody();
    const byA = await send(h.url, as('partnerA', 'POST', '/v1/deals', sharedBody, { 'idempotency-key': sharedKey }));
    assert.equal(byA.status, 201, byA.text);
    probes.push({ principal: 'partnerB', name: 'the other partner\'s idempotency key and body', request: as('partnerB', 'POST', '/v1/deals', sharedBody, { 'idempotency-key': sharedKey }), status: 409, code: 'deal_conflict' });

    const wrong: string[] = [];
    for (const probe of probes) {
      const reply = await send(h.url, probe.request);
      record(probe.principal, reply);
      assertWellFormedAnswer(reply, `${probe.principal}: ${probe.name}`, world.secrets, probe.request.method);
      const code = (reply.json as { code?: string } | undefined)?.code;
      if (reply.status !== probe.status || (probe.code !== undefined && code !== probe.code)) {
        wrong.push(`${probe.principal}: ${probe.name}: expected ${probe.status}${probe.code ? ` ${probe.code}` : ''}, got ${reply.status} ${reply.text.slice(0, 200)}`);
      }
      if (probe.sameAs) {
        const control = await send(h.url, probe.sameAs);
        if (visible(reply) !== visible(control)) wrong.push(`${probe.principal}: ${probe.name}: differs from the same request about nothing:\n  ${visible(reply)}\n  ${visible(control)}`);
      }
    }
    t.diagnostic(`isolation [${h.driver}]: ${probes.length} cross-partner probes`);
    assert.deepEqual(wrong, [], wrong.join('\n'));
  });

  it('never shows a partner any id, name, number or customer of the other partner', (t) => {
    const identity = (x: World['a']) => [x.partnerId, x.partnerName, x.dealId, x.dealNumber, x.company, x.domain, x.acceptanceId, x.request.id, x.request.number, x.request.subject, x.request.messageId, x.announcementId];
    const leaks: string[] = [];
    for (const [principal, other] of [['partnerA', world.b], ['partnerB', world.a]] as const) {
      for (const text of seenBy[principal]) {
        for (const word of identity(other)) if (text.includes(word)) leaks.push(`${principal} saw ${word}: ${text.slice(0, 300)}`);
      }
    }
    t.diagnostic(`isolation [${h.driver}]: scanned ${seenBy.partnerA.length + seenBy.partnerB.length} answers to partners for ${12 * 2} identifying strings`);
    assert.ok(seenBy.partnerA.length > 50 && seenBy.partnerB.length > 50, 'the scan covers the matrix');
    assert.deepEqual(leaks, []);
  });
});
