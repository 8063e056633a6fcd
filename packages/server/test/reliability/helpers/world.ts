/**
 * One programme with two competing partners, A and B, each with a deal, targets and
 * measurements, a shared library item, and every kind of caller the reliability suites impersonate:
 * admin, manager, partner A, partner B, an expired session, tampered tokens and nobody.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { currentPeriod } from '@partnerkit/core/rules';
import type { Api, Harness } from '../../helpers/harness.ts';
import { createProgramme, dealBody } from '../../helpers/fixtures.ts';

/** The callers of the isolation matrix. */
export const PRINCIPALS = ['admin', 'manager', 'partnerA', 'partnerB', 'expired', 'tampered', 'none'] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

/** What a partner owns, by the ids and words that would give it away. */
export interface Holdings {
  partnerId: string;
  partnerName: string;
  dealId: string;
  dealNumber: string;
  company: string;
  domain: string;
  /** Its acceptance of the world's agreement. */
  acceptanceId: string;
  /** An agreed joint business plan (revision 1) with an objective and an activity of each side. */
  plan: { period: string; vendorObjectiveId: string; partnerObjectiveId: string; vendorActivityId: string; partnerActivityId: string; commentId: string };
  /** A person with an open enrolment in the shared course and a certificate. */
  enablement: { personId: string; enrolmentId: string; certificateId: string };
  /** A request of the partner's user, with the manager's answer, and an announcement only this partner is addressed by. */
  request: { id: string; number: string; messageId: string; subject: string };
  announcementId: string;
}

/** The shared catalogue: a certification and a published self-paced course with an assessment. */
export interface Catalogue {
  certificationId: string;
  courseId: string;
}

/** An agreement every partner may read, gating nothing (so it never changes another cell's answer), and its version. */
export interface WorldAgreement {
  id: string;
  versionId: string;
  contentHash: string;
}

export interface World {
  /** `Authorization` header value per principal (`none` has none). */
  authorization: Record<PrincipalName, string | undefined>;
  /** More forged credentials, each of which must answer 401. */
  forgeries: Record<string, string>;
  /** Every token and key handed out: never to appear in an answer or a log line. */
  secrets: string[];
  a: Holdings;
  b: Holdings;
  agreement: WorldAgreement;
  resourceId: string;
  catalogue: Catalogue;
  /** An announcement to everyone. */
  announcementId: string;
  tierIds: string[];
  kpiIds: string[];
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/** An id no object has, shaped like a real one. */
export const randomId = (prefix: string): string => `${prefix}_${randomBytes(13).toString('hex').toUpperCase().slice(0, 26)}`;

/** A certification and a course everyone may take, with modules m1, m2 and a two-question assessment. */
async function catalogue(h: Harness, resourceId: string): Promise<Catalogue> {
  const certification = await h.admin.post('/v1/certifications', { name: 'Matrix certification', validityMonths: 12 });
  assert.equal(certification.status, 201, certification.text);
  const course = await h.admin.post('/v1/courses', {
    title: 'Matrix course',
    format: 'self_paced',
    durationMinutes: 30,
    language: 'en',
    status: 'published',
    certificationId: certification.body.id,
    modules: [{ title: 'One', resourceId }, { title: 'Two', resourceId }],
    assessment: { passMark: 50, attemptsAllowed: 3, questions: [{ id: 'q1', prompt: 'Yes?', choices: [{ id: 'a', label: 'Yes' }, { id: 'b', label: 'No' }], correctChoiceIds: ['a'] }] },
  });
  assert.equal(course.status, 201, course.text);
  return { certificationId: certification.body.id, courseId: course.body.id };
}

/** A new person of the partner, enrolled in the shared course: an enrolment a request may change. */
export async function freshEnrolment(h: Harness, partnerId: string, courseId: string): Promise<{ personId: string; enrolmentId: string }> {
  const person = await h.admin.post(`/v1/partners/${partnerId}/people`, { name: `Learner ${randomBytes(3).toString('hex')}` });
  assert.equal(person.status, 201, person.text);
  const enrolment = await h.admin.post('/v1/enrolments', { courseId, personId: person.body.id });
  assert.equal(enrolment.status, 201, enrolment.text);
  return { personId: person.body.id, enrolmentId: enrolment.body.id };
}

async function enablementOf(h: Harness, partnerId: string, shared: Catalogue): Promise<Holdings['enablement']> {
  const { personId, enrolmentId } = await freshEnrolment(h, partnerId, shared.courseId);
  const certificate = await h.admin.post('/v1/certificates', { certificationId: shared.certificationId, personId });
  assert.equal(certificate.status, 201, certificate.text);
  return { personId, enrolmentId, certificateId: certificate.body.id };
}

/** The manager session of the world: it manages both partners. */
export const WORLD_MANAGER = { id: 'manager-1', name: 'Channel Manager' };

async function holdings(h: Harness, tierId: string, label: string, shared: Catalogue, agreement: WorldAgreement): Promise<Holdings> {
  const partner = await h.createPartner({ tierId, name: `${label} Partner ${randomBytes(4).toString('hex')}`, manager: WORLD_MANAGER });
  const api = await h.partner(partner.id, `user-${label}`);
  const body = dealBody();
  const deal = await api.post('/v1/deals', body);
  assert.equal(deal.status, 201, deal.text);
  const targets = await h.admin.put(`/v1/partners/${partner.id}/targets`, { data: [{ kpiId: 'revenue', period: '2026-Q1', value: 5000 }] });
  assert.equal(targets.status, 200, targets.text);
  const measured = await h.admin.post('/v1/measurements', { data: [{ partnerId: partner.id, kpiId: 'revenue', period: '2026-01', value: 1200 }] });
  assert.ok(measured.status === 200 || measured.status === 201, measured.text);
  const accepted = await api.post(`/v1/partners/${partner.id}/acceptances`, { versionId: agreement.versionId, contentHash: agreement.contentHash, signer: { name: `${label} Signer`, title: 'Director' } });
  assert.equal(accepted.status, 201, accepted.text);
  const customer = body.customer as { company: string; domain: string };
  const plan = await agreedPlan(h, api, partner.id);
  const enablement = await enablementOf(h, partner.id, shared);
  const subject = `${label} request ${randomBytes(4).toString('hex')}`;
  const opened = await api.post('/v1/requests', { category: 'deal_support', subject, message: 'About our deal', reference: { type: 'deal', id: deal.body.id } });
  assert.equal(opened.status, 201, opened.text);
  const answered = await h.admin.post(`/v1/requests/${opened.body.id}/messages`, { body: 'Looking into it' });
  assert.equal(answered.status, 201, answered.text);
  const announced = await h.admin.post('/v1/announcements', { title: `${label} only`, body: 'For one partner', category: 'programme_change', audience: { partnerIds: [partner.id] } });
  assert.equal(announced.status, 201, announced.text);
  return {
    partnerId: partner.id,
    partnerName: partner.name,
    dealId: deal.body.id,
    dealNumber: deal.body.number,
    company: customer.company,
    domain: customer.domain,
    acceptanceId: accepted.body.id,
    plan,
    enablement,
    request: { id: opened.body.id, number: opened.body.number, messageId: answered.body.id, subject },
    announcementId: announced.body.id,
  };
}

/** The partner's plan for the current half: an objective and an activity of each side, agreed by both. */
async function agreedPlan(h: Harness, asPartner: Api, partnerId: string): Promise<Holdings['plan']> {
  const period = currentPeriod('half', h.clock.current);
  const path = `/v1/partners/${partnerId}/plans/${period}`;
  const created = async (api: Api, url: string, body: unknown) => {
    const reply = await api.post(url, body);
    assert.equal(reply.status, 201, reply.text);
    return reply.body.id as string;
  };
  const vendorObjectiveId = await created(h.admin, `${path}/objectives`, { owner: { name: 'Vendor owner' }, title: 'Vendor objective', kind: 'measured', measure: { kpiId: 'revenue', target: 5000 } });
  const partnerObjectiveId = await created(asPartner, `${path}/objectives`, { owner: { name: 'Partner owner' }, title: 'Partner objective', kind: 'milestone' });
  const vendorActivityId = await created(h.admin, `${path}/objectives/${partnerObjectiveId}/activities`, { title: 'Vendor activity' });
  const partnerActivityId = await created(asPartner, `${path}/objectives/${vendorObjectiveId}/activities`, { title: 'Partner activity' });
  const commentId = await created(asPartner, `${path}/objectives/${vendorObjectiveId}/comments`, { body: 'A comment of the partner' });
  const version = (await h.admin.get(path)).body.version as number;
  assert.equal((await h.admin.post(`${path}/transitions`, { to: 'proposed', version })).status, 200);
  const agreed = await asPartner.post(`${path}/transitions`, { to: 'agreed', version });
  assert.equal(agreed.body.status, 'agreed', agreed.text);
  return { period, vendorObjectiveId, partnerObjectiveId, vendorActivityId, partnerActivityId, commentId };
}

/**
 * Builds the world on a running harness. Moves the harness clock forward two minutes (to expire
 * one session); every other session lives an hour.
 */
export async function buildWorld(h: Harness): Promise<World> {
  await createProgramme(h);
  const created = await h.admin.post('/v1/agreements', { title: 'Matrix agreement', term: { kind: 'renews_yearly' } });
  assert.equal(created.status, 201, created.text);
  const version = await h.admin.post(`/v1/agreements/${created.body.id}/versions`, { version: '1', body: { blocks: [{ type: 'paragraph', spans: [{ text: 'Terms.' }] }] } });
  assert.equal(version.status, 201, version.text);
  const agreement = { id: created.body.id as string, versionId: version.body.id as string, contentHash: version.body.contentHash as string };
  const resource = await h.admin.post('/v1/resources', {
    title: 'Shared playbook',
    type: 'document',
    language: 'en',
    url: 'https://example.com/playbook.pdf',
  });
  assert.equal(resource.status, 201, resource.text);
  const shared = await catalogue(h, resource.body.id);
  const a = await holdings(h, 'silver', 'Alpha', shared, agreement);
  const b = await holdings(h, 'gold', 'Bravo', shared, agreement);
  const announcement = await h.admin.post('/v1/announcements', { title: 'To everyone', body: 'Hello', category: 'product_news' });
  assert.equal(announcement.status, 201, announcement.text);

  const session = (input: Record<string, unknown>) => h.session({ ttlSeconds: 3600, ...input } as Parameters<Harness['session']>[0]);
  const expired = await h.session({ role: 'partner', partnerId: a.partnerId, user: { id: 'user-expired' }, ttlSeconds: 60 });
  h.clock.advance(120_000);
  const manager = await session({ role: 'manager', user: WORLD_MANAGER });
  const partnerA = await session({ role: 'partner', partnerId: a.partnerId, user: { id: 'user-a', name: 'Alpha User' } });
  const partnerB = await session({ role: 'partner', partnerId: b.partnerId, user: { id: 'user-b', name: 'Bravo User' } });

  // A's own token, its partner scope rewritten to B, the signature kept.
  const [header, payload, signature] = partnerA.split('.') as [string, string, string];
  const scopedToB = `${header}.${base64url(JSON.stringify({ ...decode(payload), pk_partner: b.partnerId }))}.${signature}`;
  const promoted = `${header}.${base64url(JSON.stringify({ ...decode(payload), pk_role: 'manager', pk_partner: undefined }))}.${signature}`;
  const unsigned = `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
  const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
  const otherKey = `${h.adminKey.slice(0, -4)}${h.adminKey.endsWith('aaaa') ? 'bbbb' : 'aaaa'}`;

  const tiers = await h.admin.get('/v1/tiers');
  const kpis = await h.admin.get('/v1/kpis');
  return {
    authorization: {
      admin: `Bearer ${h.adminKey}`,
      manager: `Bearer ${manager}`,
      partnerA: `Bearer ${partnerA}`,
      partnerB: `Bearer ${partnerB}`,
      expired: `Bearer ${expired}`,
      tampered: `Bearer ${scopedToB}`,
      none: undefined,
    },
    forgeries: {
      'scope rewritten to B': `Bearer ${scopedToB}`,
      'role rewritten to manager': `Bearer ${promoted}`,
      'alg none': `Bearer ${unsigned}`,
      'signature changed': `Bearer ${flipped}`,
      'admin key changed': `Bearer ${otherKey}`,
      'basic auth': `Basic ${Buffer.from(`admin:${h.adminKey}`).toString('base64')}`,
      'token in lower-case scheme, expired': `bearer ${expired}`,
    },
    secrets: [h.adminKey, manager, partnerA, partnerB, expired, scopedToB, signature],
    a,
    b,
    agreement,
    resourceId: resource.body.id,
    catalogue: shared,
    announcementId: announcement.body.id,
    tierIds: tiers.body.data.map((t: { id: string }) => t.id),
    kpiIds: kpis.body.data.map((k: { id: string }) => k.id),
  };
}
