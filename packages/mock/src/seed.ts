/**
 * What a mock backend starts with: the demo programme (the one the reference server seeds), an
 * empty one, or the embedder's own tiers, KPIs, partners, numbers, deals and resources, checked
 * against the contract's schemas.
 * @module
 */
import { DAY_MS } from '@partnerkit/core/rules';
import { DEMO_APPLICATION_FORM, DEMO_APPLICATIONS, DEMO_CRITERIA, DEMO_THRESHOLDS, generateDemoCommunication, generateDemoData, generateDemoEnablement, generateDemoPlans, type DemoOptions, type DemoUser } from '@partnerkit/core/demo';
import type { Caller } from './context.js';
import { checkSubmission, evaluateApplication, moveApplication, submitApplication } from './parts/recruitment.js';
import { Deal, Kpi, Measurement, Partner, Resource, Target, Tier } from '@partnerkit/core/schemas';
import type * as z from 'zod/mini';
import { numberKey, type MockState } from './state.js';

/** The embedder's own data, as contract objects (`Resource`s with their `url`). */
export interface MockSeedData {
  /** Start from the demo programme and add these, or from nothing (default `empty`). */
  base?: 'demo' | 'empty';
  tiers?: Tier[];
  kpis?: Kpi[];
  partners?: Partner[];
  targets?: Target[];
  measurements?: Measurement[];
  /** Deals; the newest last. */
  deals?: Deal[];
  /** Library items with their `url`; the newest last. */
  resources?: (Omit<Resource, 'locked' | 'url'> & { url: string })[];
}

/** `demo` (the demo programme), `empty`, or data of your own. */
export type MockSeed = 'demo' | 'empty' | MockSeedData;

/** Who acts in the seeded programme, for minting sessions: partners' users and the vendor's managers. */
export interface SeededPeople {
  /** Users per partner id. */
  users: Map<string, DemoUser[]>;
  managers: readonly DemoUser[];
}

function checked<T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new TypeError(`@partnerkit/mock: the seed's ${where} is not a valid contract object: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`);
  }
  return result.data;
}

/** Fills `state` with `seed` as of `now`; answers who acts in it. */
export function applySeed(state: MockState, seed: MockSeed, now: Date, demo: DemoOptions = {}): SeededPeople {
  const people: SeededPeople = { users: new Map(), managers: [] };
  const base = typeof seed === 'string' ? seed : (seed.base ?? 'empty');
  if (base === 'demo') {
    const data = generateDemoData({ asOf: now, ...demo });
    for (const tier of data.tiers) state.tiers.set(tier.id, tier);
    for (const kpi of data.kpis) state.kpis.set(kpi.id, kpi);
    for (const { partner, users } of data.partners) {
      state.partners.set(partner.id, partner);
      people.users.set(partner.id, users);
    }
    people.managers = data.managers;
    for (const t of data.targets) state.targets.set(numberKey(t.partnerId, t.kpiId, t.period), t);
    for (const m of data.measurements) state.measurements.set(numberKey(m.partnerId, m.kpiId, m.period), m);
    for (const { locked: _locked, ...resource } of data.resources) state.resources.set(resource.id, { ...resource, seq: state.nextSeq() });
    for (const { agreement, versions, acceptances } of data.agreements) {
      const { currentVersion: _c, nextVersion: _n, ...stored } = agreement;
      state.agreements.set(agreement.id, { ...stored, seq: state.nextSeq() });
      for (const version of versions) state.agreementVersions.set(version.id, { ...version, seq: state.nextSeq() });
      for (const acceptance of acceptances) state.acceptances.set(acceptance.id, { ...acceptance, seq: state.nextSeq() });
    }
    for (const batch of data.dealBatches()) for (const deal of batch) state.deals.set(deal.id, { ...deal, seq: state.nextSeq() });
    state.dealNumbers = data.dealCount;
    for (const { plan, revisions } of generateDemoPlans(data)) state.plans.set(`${plan.partnerId}\n${plan.period}`, { ...plan, revisions, seq: state.nextSeq() });
    const communication = generateDemoCommunication(data);
    for (const a of communication.announcements) state.announcements.set(a.id, { ...a, published: Date.parse(a.publishAt) <= data.asOf.getTime(), seq: state.nextSeq() });
    for (const r of communication.reads) {
      state.announcementReads.set(`${r.announcementId}\n${r.partnerId}\n${r.userId}`, { announcementId: r.announcementId, partnerId: r.partnerId, user: { id: r.userId, name: r.userName }, readAt: r.readAt });
    }
    for (const r of communication.requests) state.requests.set(r.id, { ...r, seq: state.nextSeq() });
    state.requestNumbers = communication.requests.length;
    seedRecruitment(state, now, data.managers);
    const enablement = generateDemoEnablement(data);
    for (const c of enablement.certifications) state.certifications.set(c.id, { ...c, seq: state.nextSeq() });
    for (const { course, assessment } of enablement.courses) state.courses.set(course.id, { ...course, assessment, seq: state.nextSeq() });
    for (const r of enablement.requirements) state.certificationRequirements.set(r.tierId, r);
    for (const p of enablement.people) state.people.set(p.id, { ...p, seq: state.nextSeq() });
    for (const c of enablement.certificates) state.certificates.set(c.id, { ...c, seq: state.nextSeq(), expiryAnnounced: null });
    for (const e of enablement.enrolments) state.enrolments.set(e.id, { ...e, attemptsBase: 0, seq: state.nextSeq() });
  }
  if (typeof seed === 'string') return people;
  seed.tiers?.forEach((t, i) => state.tiers.set(t.id, checked(Tier, t, `tiers[${i}]`)));
  seed.kpis?.forEach((k, i) => state.kpis.set(k.id, checked(Kpi, k, `kpis[${i}]`)));
  seed.partners?.forEach((p, i) => state.partners.set(p.id, checked(Partner, p, `partners[${i}]`)));
  seed.targets?.forEach((t, i) => {
    const target = checked(Target, t, `targets[${i}]`);
    state.targets.set(numberKey(target.partnerId, target.kpiId, target.period), target);
  });
  seed.measurements?.forEach((m, i) => {
    const measurement = checked(Measurement, m, `measurements[${i}]`);
    state.measurements.set(numberKey(measurement.partnerId, measurement.kpiId, measurement.period), measurement);
  });
  seed.resources?.forEach((r, i) => {
    const { locked: _locked, ...resource } = checked(Resource, { ...r, locked: false }, `resources[${i}]`);
    state.resources.set(resource.id, { ...resource, url: r.url, seq: state.nextSeq() });
  });
  seed.deals?.forEach((d, i) => {
    const deal = checked(Deal, d, `deals[${i}]`);
    state.deals.set(deal.id, { ...deal, seq: state.nextSeq() });
    const n = Number(/(\d+)$/.exec(deal.number)?.[1] ?? 0);
    if (n > state.dealNumbers) state.dealNumbers = n;
  });
  return people;
}

/**
 * Recruitment as the reference server seeds it: core's criteria, thresholds, form and a demo
 * publishable key, and the demo applications replayed through the part's own rules at the plan's
 * times (so approvals create their partners). The replay's events are dropped: the log starts
 * with the first real change.
 */
function seedRecruitment(state: MockState, asOf: Date, managers: readonly DemoUser[]): void {
  const start = new Date(asOf.getTime() - 150 * DAY_MS).toISOString();
  for (const { id, ...criterion } of DEMO_CRITERIA) {
    state.criteria.set(id, { id, ...criterion, description: criterion.description ?? null, knockOutMin: criterion.knockOutMin ?? null, partnerTypes: criterion.partnerTypes ?? [], position: criterion.position ?? 0, createdAt: start, updatedAt: start });
  }
  state.thresholds = { ...DEMO_THRESHOLDS, updatedAt: start };
  state.applicationForm = { ...DEMO_APPLICATION_FORM, updatedAt: start };
  state.publishableKeys.set('pk_demo', { id: 'pk_demo', name: 'Demo website: become a partner', key: DEMO_PUBLISHABLE_KEY, allowedOrigins: ['http://localhost:6006', 'http://localhost:8787', 'http://127.0.0.1:8787'], createdAt: start, updatedAt: start });
  const events = state.events.length;
  const reviewer = (id: string): Caller & { role: 'manager' } => {
    const user = managers.find((m) => m.id === id) ?? managers[0]!;
    return { role: 'manager', partnerId: null, user, locale: null, expiresAt: new Date(asOf.getTime() + DAY_MS).toISOString() };
  };
  for (const [index, plan] of DEMO_APPLICATIONS.entries()) {
    const submittedAt = new Date(asOf.getTime() - plan.daysAgo * DAY_MS - 3 * 3_600_000 + index * 60_000);
    const submitter = plan.via === 'public_form' ? { publishableKeyId: 'pk_demo' } : { caller: reviewer(plan.steps[0]?.by ?? 'mgr_linh') };
    const { id } = submitApplication(state, submitter, plan.input, checkSubmission(state, submitter, plan.input), submittedAt);
    for (const step of plan.steps) {
      const at = new Date(submittedAt.getTime() + step.day * DAY_MS);
      if ('to' in step) {
        const { day: _day, by, ...move } = step;
        moveApplication(state, reviewer(by), id, move, at);
      } else {
        const { scores, recommendation, comment, submit } = step.evaluation;
        evaluateApplication(state, reviewer(step.by), id, { scores: scores.map(([criterionId, score, note]) => ({ criterionId, score, ...(note === undefined ? {} : { note }) })), recommendation, comment, submit }, at);
      }
    }
  }
  state.events.length = events;
}

/** The demo's publishable key: stories and pages on localhost use it for the public form. */
export const DEMO_PUBLISHABLE_KEY = 'pk_pub_demo_become_a_partner_0001';
