import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PartnerKitClient } from '@partnerkit/core/client';
import {
  acceptance,
  agreement,
  agreementBody,
  agreementVersion,
  deal,
  partner,
  partnerAgreement,
  plan,
  planActivity,
  planComment,
  planObjective,
  planRevision,
  planSummary,
  principal,
  resource,
  resourcePage,
  scorecard,
  tier,
} from './fixtures.ts';
import { harness, pathOf } from './setup.ts';
import { json, noContent } from './stub-fetch.ts';

const at = '2026-06-01T10:00:00.000Z';
const kpi = { id: 'revenue', name: 'Revenue', unit: 'currency', currency: 'USD', direction: 'higher_is_better', aggregation: 'sum', weight: 2, createdAt: at, updatedAt: at } as const;
const target = { partnerId: 'p_1', kpiId: 'revenue', period: '2026-Q3', value: 100 };
const measurement = { partnerId: 'p_1', kpiId: 'revenue', period: '2026-06', value: 5, source: 'crm', recordedAt: at };
const event = { id: 'e_1', type: 'deal.approved', occurredAt: at, partnerId: 'p_1', data: { dealId: 'd_1' } };
const tierInput = { rank: 2, name: 'Silver', colour: '#C0C0C0', benefits: [], requirements: [], dealProtectionDays: 60 };
const kpiInput = { name: 'Revenue', unit: 'currency', currency: 'USD', direction: 'higher_is_better', aggregation: 'sum', weight: 2 } as const;
const page = <T>(item: T) => ({ data: [item], nextCursor: null });
const actor = { role: 'manager', id: 'mgr_1', name: 'Linh' } as const;
const announcement = { id: 'an_1', title: 'News', body: 'Body', category: 'event', publishAt: at, expiresAt: null, pinned: false, status: 'published', readAt: null, createdBy: actor, createdAt: at, updatedAt: at } as const;
const message = { id: 'm_1', author: actor, body: 'Hello', attachments: [{ type: 'url', url: 'https://example.com/q.pdf', label: null }], createdAt: at } as const;
const requestSummary = {
  id: 'rq_1', number: 'RQ-000001', partnerId: 'p_1', category: 'question', subject: 'Funds?', status: 'open', reference: null, openedBy: actor,
  firstResponseAt: null, resolvedAt: null, closedAt: null, messageCount: 1, lastMessageAt: at, lastMessageBy: actor, createdAt: at, updatedAt: at,
} as const;
const partnerRequest = { ...requestSummary, messages: [message], history: [{ at, from: null, to: 'open', by: actor, reason: null }] };
const targets = {
  businessHours: { timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', holidays: [] },
  categories: Object.fromEntries(['question', 'deal_support', 'technical', 'commercial', 'complaint'].map((c) => [c, { firstResponseHours: 8, resolutionHours: 40 }])),
};

interface Case {
  name: string;
  call: (client: PartnerKitClient) => Promise<unknown>;
  method: string;
  path: string;
  body?: unknown;
  answer: Response;
  result?: unknown;
  idempotent?: boolean;
}

const cases: Case[] = [
  { name: 'session.get', call: (c) => c.session.get(), method: 'GET', path: '/api/v1/session', answer: json(200, principal), result: principal },
  {
    name: 'sessions.create',
    call: (c) => c.sessions.create({ role: 'partner', partnerId: 'p_1', user: { id: 'u_1' } }),
    method: 'POST',
    path: '/api/v1/sessions',
    body: { role: 'partner', partnerId: 'p_1', user: { id: 'u_1' } },
    answer: json(201, { token: 'x'.repeat(32), expiresAt: at }),
  },
  { name: 'tiers.list', call: (c) => c.tiers.list({ limit: 5 }), method: 'GET', path: '/api/v1/tiers?limit=5', answer: json(200, page(tier('t_1'))) },
  { name: 'tiers.get', call: (c) => c.tiers.get('t 1/x'), method: 'GET', path: '/api/v1/tiers/t%201%2Fx', answer: json(200, tier('t_1')) },
  { name: 'tiers.put', call: (c) => c.tiers.put('silver', tierInput), method: 'PUT', path: '/api/v1/tiers/silver', body: tierInput, answer: json(200, tier('silver', 2)) },
  { name: 'tiers.delete', call: (c) => c.tiers.delete('silver'), method: 'DELETE', path: '/api/v1/tiers/silver', answer: noContent(), result: undefined },
  { name: 'kpis.list', call: (c) => c.kpis.list(), method: 'GET', path: '/api/v1/kpis', answer: json(200, page(kpi)) },
  { name: 'kpis.get', call: (c) => c.kpis.get('revenue'), method: 'GET', path: '/api/v1/kpis/revenue', answer: json(200, kpi), result: kpi },
  { name: 'kpis.put', call: (c) => c.kpis.put('revenue', kpiInput), method: 'PUT', path: '/api/v1/kpis/revenue', body: kpiInput, answer: json(200, kpi) },
  { name: 'kpis.delete', call: (c) => c.kpis.delete('revenue'), method: 'DELETE', path: '/api/v1/kpis/revenue', answer: noContent() },
  {
    name: 'partners.list',
    call: (c) => c.partners.list({ status: 'active', country: 'VN', q: 'sài gòn' }),
    method: 'GET',
    path: '/api/v1/partners?country=VN&q=s%C3%A0i+g%C3%B2n&status=active',
    answer: json(200, page(partner('p_1'))),
  },
  { name: 'partners.get', call: (c) => c.partners.get('p_1'), method: 'GET', path: '/api/v1/partners/p_1', answer: json(200, partner('p_1')), result: partner('p_1') },
  {
    name: 'partners.create',
    call: (c) => c.partners.create({ name: 'New', type: 'reseller' }, { idempotencyKey: 'new-partner' }),
    method: 'POST',
    path: '/api/v1/partners',
    body: { name: 'New', type: 'reseller' },
    answer: json(201, partner('p_2')),
    idempotent: true,
  },
  { name: 'partners.update', call: (c) => c.partners.update('p_1', { region: 'APAC' }), method: 'PATCH', path: '/api/v1/partners/p_1', body: { region: 'APAC' }, answer: json(200, partner('p_1')) },
  { name: 'partners.targets', call: (c) => c.partners.targets('p_1', { period: '2026-Q3' }), method: 'GET', path: '/api/v1/partners/p_1/targets?period=2026-Q3', answer: json(200, page({ ...target, updatedAt: at })) },
  {
    name: 'partners.putTargets',
    call: (c) => c.partners.putTargets('p_1', { data: [{ kpiId: 'revenue', period: '2026-Q3', value: 100 }] }),
    method: 'PUT',
    path: '/api/v1/partners/p_1/targets',
    body: { data: [{ kpiId: 'revenue', period: '2026-Q3', value: 100 }] },
    answer: json(200, { data: [{ ...target, updatedAt: at }] }),
    result: { data: [{ ...target, updatedAt: at }] },
  },
  {
    name: 'partners.measurements',
    call: (c) => c.partners.measurements('p_1', { kpiId: 'revenue', from: '2026-01', to: '2026-06' }),
    method: 'GET',
    path: '/api/v1/partners/p_1/measurements?from=2026-01&kpiId=revenue&to=2026-06',
    answer: json(200, page(measurement)),
  },
  {
    name: 'partners.scorecard',
    call: (c) => c.partners.scorecard('p_1', { period: '2026-Q2', periods: 4 }),
    method: 'GET',
    path: '/api/v1/partners/p_1/scorecard?period=2026-Q2&periods=4',
    answer: json(200, scorecard),
    result: scorecard,
  },
  {
    name: 'measurements.ingest',
    call: (c) => c.measurements.ingest({ data: [{ partnerId: 'p_1', kpiId: 'revenue', period: '2026-06', value: 5 }] }),
    method: 'POST',
    path: '/api/v1/measurements',
    body: { data: [{ partnerId: 'p_1', kpiId: 'revenue', period: '2026-06', value: 5 }] },
    answer: json(200, { upserted: 1 }),
    result: { upserted: 1 },
  },
  { name: 'deals.list', call: (c) => c.deals.list({ status: 'approved', partnerId: 'p_1' }), method: 'GET', path: '/api/v1/deals?partnerId=p_1&status=approved', answer: json(200, page(deal('d_1'))) },
  { name: 'deals.get', call: (c) => c.deals.get('d_1'), method: 'GET', path: '/api/v1/deals/d_1', answer: json(200, deal('d_1')), result: deal('d_1') },
  {
    name: 'deals.register',
    call: (c) => c.deals.register({ type: 'referral', customer: { company: 'Acme', domain: 'acme.com' } }),
    method: 'POST',
    path: '/api/v1/deals',
    body: { type: 'referral', customer: { company: 'Acme', domain: 'acme.com' } },
    answer: json(201, deal('d_1')),
    idempotent: true,
  },
  {
    name: 'deals.check',
    call: (c) => c.deals.check({ customer: { company: 'Acme' } }),
    method: 'POST',
    path: '/api/v1/deals/check',
    body: { customer: { company: 'Acme' } },
    answer: json(200, { available: false, reason: 'protected' }),
    result: { available: false, reason: 'protected' },
  },
  {
    name: 'deals.transition',
    call: (c) => c.deals.transition('d_1', { to: 'rejected', reasonCode: 'duplicate', reason: 'Already with us' }),
    method: 'POST',
    path: '/api/v1/deals/d_1/transitions',
    body: { to: 'rejected', reasonCode: 'duplicate', reason: 'Already with us' },
    answer: json(200, deal('d_1', { status: 'rejected' })),
    idempotent: true,
  },
  {
    name: 'deals.extend',
    call: (c) => c.deals.extend('d_1', { reason: 'Board meets next month' }),
    method: 'POST',
    path: '/api/v1/deals/d_1/transitions',
    body: { to: 'approved', extend: true, reason: 'Board meets next month' },
    answer: json(200, deal('d_1', { status: 'approved', extensions: 1 })),
    idempotent: true,
  },
  { name: 'resources.list', call: (c) => c.resources.list({ tag: 'brand', language: 'vi', sort: 'newest' }), method: 'GET', path: '/api/v1/resources?language=vi&sort=newest&tag=brand', answer: json(200, resourcePage(['r_1'])) },
  { name: 'resources.get', call: (c) => c.resources.get('r_1'), method: 'GET', path: '/api/v1/resources/r_1', answer: json(200, resource('r_1')) },
  { name: 'resources.open', call: (c) => c.resources.open('r_1'), method: 'POST', path: '/api/v1/resources/r_1/open', answer: json(200, { url: 'https://cdn.example/doc.pdf' }), result: { url: 'https://cdn.example/doc.pdf' } },
  {
    name: 'resources.create',
    call: (c) => c.resources.create({ title: 'Deck', type: 'document', language: 'en', url: 'https://cdn.example/deck.pdf' }),
    method: 'POST',
    path: '/api/v1/resources',
    body: { title: 'Deck', type: 'document', language: 'en', url: 'https://cdn.example/deck.pdf' },
    answer: json(201, resource('r_2')),
  },
  { name: 'resources.update', call: (c) => c.resources.update('r_1', { title: 'Deck v2' }), method: 'PATCH', path: '/api/v1/resources/r_1', body: { title: 'Deck v2' }, answer: json(200, resource('r_1')) },
  { name: 'resources.delete', call: (c) => c.resources.delete('r_1'), method: 'DELETE', path: '/api/v1/resources/r_1', answer: noContent() },
  { name: 'agreements.list', call: (c) => c.agreements.list({ status: 'active', gate: 'resources' }), method: 'GET', path: '/api/v1/agreements?gate=resources&status=active', answer: json(200, page(agreement('ag_1'))) },
  { name: 'agreements.get', call: (c) => c.agreements.get('ag_1'), method: 'GET', path: '/api/v1/agreements/ag_1', answer: json(200, agreement('ag_1')), result: agreement('ag_1') },
  {
    name: 'agreements.create',
    call: (c) => c.agreements.create({ title: 'Programme agreement', term: { kind: 'renews_yearly' } }),
    method: 'POST',
    path: '/api/v1/agreements',
    body: { title: 'Programme agreement', term: { kind: 'renews_yearly' } },
    answer: json(201, agreement('ag_1')),
  },
  { name: 'agreements.update', call: (c) => c.agreements.update('ag_1', { status: 'retired' }), method: 'PATCH', path: '/api/v1/agreements/ag_1', body: { status: 'retired' }, answer: json(200, agreement('ag_1', { status: 'retired' })) },
  { name: 'agreements.versions', call: (c) => c.agreements.versions('ag_1', { limit: 2 }), method: 'GET', path: '/api/v1/agreements/ag_1/versions?limit=2', answer: json(200, page(agreementVersion('av_1'))) },
  { name: 'agreements.version', call: (c) => c.agreements.version('ag_1', 'av_1'), method: 'GET', path: '/api/v1/agreements/ag_1/versions/av_1', answer: json(200, agreementVersion('av_1')), result: agreementVersion('av_1') },
  {
    name: 'agreements.publish',
    call: (c) => c.agreements.publish('ag_1', { version: '1.0', body: agreementBody }),
    method: 'POST',
    path: '/api/v1/agreements/ag_1/versions',
    body: { version: '1.0', body: agreementBody },
    answer: json(201, agreementVersion('av_1')),
  },
  { name: 'agreements.ofPartner', call: (c) => c.agreements.ofPartner('p_1'), method: 'GET', path: '/api/v1/partners/p_1/agreements', answer: json(200, page(partnerAgreement())), result: page(partnerAgreement()) },
  { name: 'agreements.acceptances', call: (c) => c.agreements.acceptances('p_1', { agreementId: 'ag_1' }), method: 'GET', path: '/api/v1/partners/p_1/acceptances?agreementId=ag_1', answer: json(200, page(acceptance('ac_1'))) },
  { name: 'agreements.acceptance', call: (c) => c.agreements.acceptance('p_1', 'ac_1'), method: 'GET', path: '/api/v1/partners/p_1/acceptances/ac_1', answer: json(200, acceptance('ac_1')), result: acceptance('ac_1') },
  {
    name: 'agreements.accept',
    call: (c) => c.agreements.accept('p_1', { versionId: 'av_1', contentHash: `sha256:${'a'.repeat(64)}`, signer: { name: 'Lan Nguyen', title: 'Director' } }),
    method: 'POST',
    path: '/api/v1/partners/p_1/acceptances',
    body: { versionId: 'av_1', contentHash: `sha256:${'a'.repeat(64)}`, signer: { name: 'Lan Nguyen', title: 'Director' } },
    answer: json(201, acceptance('ac_1')),
    idempotent: true,
  },
  { name: 'plans.list', call: (c) => c.plans.list('p_1', { status: 'agreed' }), method: 'GET', path: '/api/v1/partners/p_1/plans?status=agreed', answer: json(200, page(planSummary())) },
  { name: 'plans.get', call: (c) => c.plans.get('p_1', '2026-H1'), method: 'GET', path: '/api/v1/partners/p_1/plans/2026-H1', answer: json(200, plan()), result: plan() },
  { name: 'plans.upsert', call: (c) => c.plans.upsert('p_1', '2026-H1', { title: 'H1' }), method: 'PUT', path: '/api/v1/partners/p_1/plans/2026-H1', body: { title: 'H1' }, answer: json(201, plan({ title: 'H1' })) },
  {
    name: 'plans.transition',
    call: (c) => c.plans.transition('p_1', '2026-H1', { to: 'proposed', version: 2 }),
    method: 'POST',
    path: '/api/v1/partners/p_1/plans/2026-H1/transitions',
    body: { to: 'proposed', version: 2 },
    answer: json(200, plan({ status: 'proposed' })),
    idempotent: true,
  },
  { name: 'plans.revisions', call: (c) => c.plans.revisions('p_1', '2026-H1'), method: 'GET', path: '/api/v1/partners/p_1/plans/2026-H1/revisions', answer: json(200, page(planRevision(1))) },
  { name: 'plans.revision', call: (c) => c.plans.revision('p_1', '2026-H1', 2), method: 'GET', path: '/api/v1/partners/p_1/plans/2026-H1/revisions/2', answer: json(200, planRevision(2)), result: planRevision(2) },
  {
    name: 'plans.addObjective',
    call: (c) => c.plans.addObjective('p_1', '2026-H1', { owner: { name: 'Hoa' }, title: 'Launch', kind: 'milestone' }),
    method: 'POST',
    path: '/api/v1/partners/p_1/plans/2026-H1/objectives',
    body: { owner: { name: 'Hoa' }, title: 'Launch', kind: 'milestone' },
    answer: json(201, planObjective('ob_2')),
    idempotent: true,
  },
  { name: 'plans.getObjective', call: (c) => c.plans.getObjective('p_1', '2026-H1', 'ob 1/x'), method: 'GET', path: '/api/v1/partners/p_1/plans/2026-H1/objectives/ob%201%2Fx', answer: json(200, planObjective('ob_1')) },
  {
    name: 'plans.updateObjective',
    call: (c) => c.plans.updateObjective('p_1', '2026-H1', 'ob_1', { done: true }),
    method: 'PATCH',
    path: '/api/v1/partners/p_1/plans/2026-H1/objectives/ob_1',
    body: { done: true },
    answer: json(200, planObjective('ob_1')),
  },
  { name: 'plans.removeObjective', call: (c) => c.plans.removeObjective('p_1', '2026-H1', 'ob_1'), method: 'DELETE', path: '/api/v1/partners/p_1/plans/2026-H1/objectives/ob_1', answer: noContent(), result: undefined },
  {
    name: 'plans.addActivity',
    call: (c) => c.plans.addActivity('p_1', '2026-H1', 'ob_1', { title: 'Webinar' }),
    method: 'POST',
    path: '/api/v1/partners/p_1/plans/2026-H1/objectives/ob_1/activities',
    body: { title: 'Webinar' },
    answer: json(201, planActivity('ac_1')),
    idempotent: true,
  },
  {
    name: 'plans.getActivity',
    call: (c) => c.plans.getActivity('p_1', '2026-H1', 'ob_1', 'ac_1'),
    method: 'GET',
    path: '/api/v1/partners/p_1/plans/2026-H1/objectives/ob_1/activities/ac_1',
    answer: json(200, planActivity('ac_1')),
  },
  {
    name: 'plans.updateActivity',
    call: (c) => c.plans.updateActivity('p_1', '2026-H1', 'ob_1', 'ac_1', { done: true }),
    method: 'PATCH',
    path: '/api/v1/partners/p_1/plans/2026-H1/objectives/ob_1/activities/ac_1',
    body: { done: true },
    answer: json(200, planActivity('ac_1')),
  },
  {
    name: 'plans.removeActivity',
    call: (c) => c.plans.removeActivity('p_1', '2026-H1', 'ob_1', 'ac_1'),
    method: 'DELETE',
    path: '/api/v1/partners/p_1/plans/2026-H1/objectives/ob_1/activities/ac_1',
    answer: noContent(),
  },
  {
    name: 'plans.addComment',
    call: (c) => c.plans.addComment('p_1', '2026-H1', 'ob_1', { body: 'Looks good' }),
    method: 'POST',
    path: '/api/v1/partners/p_1/plans/2026-H1/objectives/ob_1/comments',
    body: { body: 'Looks good' },
    answer: json(201, planComment('cm_1')),
    idempotent: true,
  },
  {
    name: 'plans.getComment',
    call: (c) => c.plans.getComment('p_1', '2026-H1', 'ob_1', 'cm_1'),
    method: 'GET',
    path: '/api/v1/partners/p_1/plans/2026-H1/objectives/ob_1/comments/cm_1',
    answer: json(200, planComment('cm_1')),
    result: planComment('cm_1'),
  },
  {
    name: 'plans.objectives',
    call: (c) => c.plans.objectives({ partnerId: 'p_1', overdue: true }),
    method: 'GET',
    path: '/api/v1/plan-objectives?overdue=true&partnerId=p_1',
    answer: json(200, page(planObjective('ob_1'))),
  },
  {
    name: 'announcements.list',
    call: (c) => c.announcements.list({ read: false, pinned: true }),
    method: 'GET',
    path: '/api/v1/announcements?pinned=true&read=false',
    answer: json(200, { ...page(announcement), unread: 1 }),
    result: { ...page(announcement), unread: 1 },
  },
  { name: 'announcements.get', call: (c) => c.announcements.get('an_1'), method: 'GET', path: '/api/v1/announcements/an_1', answer: json(200, announcement), result: announcement },
  {
    name: 'announcements.create',
    call: (c) => c.announcements.create({ title: 'News', body: 'Body', category: 'event', audience: { tierIds: ['silver'] } }),
    method: 'POST',
    path: '/api/v1/announcements',
    body: { title: 'News', body: 'Body', category: 'event', audience: { tierIds: ['silver'] } },
    answer: json(201, announcement),
    idempotent: true,
  },
  { name: 'announcements.update', call: (c) => c.announcements.update('an_1', { pinned: true }), method: 'PATCH', path: '/api/v1/announcements/an_1', body: { pinned: true }, answer: json(200, announcement) },
  { name: 'announcements.markRead', call: (c) => c.announcements.markRead('an_1'), method: 'PUT', path: '/api/v1/announcements/an_1/read', answer: json(200, { ...announcement, readAt: at }) },
  {
    name: 'announcements.reads',
    call: (c) => c.announcements.reads('an_1', { limit: 10 }),
    method: 'GET',
    path: '/api/v1/announcements/an_1/reads?limit=10',
    answer: json(200, page({ partnerId: 'p_1', user: { id: 'u_1', name: null }, readAt: at })),
  },
  {
    name: 'requests.list',
    call: (c) => c.requests.list({ status: ['open', 'waiting_on_vendor'], sort: 'due' }),
    method: 'GET',
    path: '/api/v1/requests?sort=due&status=open%2Cwaiting_on_vendor',
    answer: json(200, page(requestSummary)),
    result: page(requestSummary),
  },
  { name: 'requests.get', call: (c) => c.requests.get('rq 1/x'), method: 'GET', path: '/api/v1/requests/rq%201%2Fx', answer: json(200, partnerRequest), result: partnerRequest },
  {
    name: 'requests.open',
    call: (c) => c.requests.open({ category: 'question', subject: 'Funds?', message: 'Hello' }),
    method: 'POST',
    path: '/api/v1/requests',
    body: { category: 'question', subject: 'Funds?', message: 'Hello' },
    answer: json(201, partnerRequest),
    idempotent: true,
  },
  { name: 'requests.reply', call: (c) => c.requests.reply('rq_1', { body: 'Hello' }), method: 'POST', path: '/api/v1/requests/rq_1/messages', body: { body: 'Hello' }, answer: json(201, message), idempotent: true, result: message },
  { name: 'requests.message', call: (c) => c.requests.message('rq_1', 'm_1'), method: 'GET', path: '/api/v1/requests/rq_1/messages/m_1', answer: json(200, message), result: message },
  {
    name: 'requests.transition',
    call: (c) => c.requests.transition('rq_1', { to: 'resolved' }),
    method: 'POST',
    path: '/api/v1/requests/rq_1/transitions',
    body: { to: 'resolved' },
    answer: json(200, { ...partnerRequest, status: 'resolved' }),
    idempotent: true,
  },
  { name: 'requests.targets', call: (c) => c.requests.targets(), method: 'GET', path: '/api/v1/request-targets', answer: json(200, targets), result: targets },
  { name: 'requests.setTargets', call: (c) => c.requests.setTargets(targets as never), method: 'PUT', path: '/api/v1/request-targets', body: targets, answer: json(200, targets) },
  { name: 'events.list', call: (c) => c.events.list({ after: 'e_0', type: 'deal.approved' }), method: 'GET', path: '/api/v1/events?after=e_0&type=deal.approved', answer: json(200, page(event)), result: page(event) },
];

describe('namespaces cover the v1 contract', () => {
  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.method} ${testCase.path}`, async () => {
      const { client, stub } = harness([testCase.answer]);
      const result = await testCase.call(client);
      const [request] = stub.requests;
      assert.equal(request?.method, testCase.method);
      assert.equal(pathOf(request), testCase.path);
      if (testCase.body === undefined) assert.equal(request?.body, '');
      else assert.deepEqual(JSON.parse(String(request?.body)), testCase.body);
      assert.equal(request?.headers.get('idempotency-key') !== null, testCase.idempotent === true, 'Idempotency-Key only where expected');
      if ('result' in testCase) assert.deepEqual(result, testCase.result);
    });
  }

  it('partners.iterateTargets and iterateMeasurements walk pages', async () => {
    const { client, stub } = harness([
      json(200, { data: [{ ...target, updatedAt: at }], nextCursor: 'n' }),
      json(200, { data: [{ ...target, kpiId: 'deals', updatedAt: at }], nextCursor: null }),
      json(200, { data: [measurement], nextCursor: null }),
    ]);
    const kpis: string[] = [];
    for await (const t of client.partners.iterateTargets('p_1')) kpis.push(t.kpiId);
    for await (const m of client.partners.iterateMeasurements('p_1', { kpiId: 'revenue' })) kpis.push(m.kpiId);
    assert.deepEqual(kpis, ['revenue', 'deals', 'revenue']);
    assert.deepEqual(stub.requests.map(pathOf), ['/api/v1/partners/p_1/targets', '/api/v1/partners/p_1/targets?cursor=n', '/api/v1/partners/p_1/measurements?kpiId=revenue']);
  });

  it('tiers, kpis, partners, plans and events iterate too', async () => {
    const { client } = harness([
      json(200, page(tier('t_1'))),
      json(200, page(kpi)),
      json(200, page(partner('p_1'))),
      json(200, page(planSummary())),
      json(200, page(planObjective('ob_1'))),
      json(200, page(event)),
    ]);
    const ids: string[] = [];
    for await (const x of client.tiers.iterate()) ids.push(x.id);
    for await (const x of client.kpis.iterate()) ids.push(x.id);
    for await (const x of client.partners.iterate({ type: 'reseller' })) ids.push(x.id);
    for await (const x of client.plans.iterate('p_1')) ids.push(x.id);
    for await (const x of client.plans.iterateObjectives({ overdue: false })) ids.push(x.id);
    for await (const x of client.events.iterate({ after: 'e_0' })) ids.push(x.id);
    assert.deepEqual(ids, ['t_1', 'revenue', 'p_1', 'pl_1', 'ob_1', 'e_1']);
  });
});
