/**
 * The data the rendering benchmarks show: a scorecard computed by core's own rules, a partner's
 * deal registrations and a resource library, generated from a fixed seed and checked against the
 * contract's schemas before any timing (so the widgets' clients accept every byte).
 * @module
 */
import * as z from 'zod/mini';
import { computeScorecard, previousPeriods, monthsOf, planWithProgress } from '@partnerkit/core/rules';
import { Deal, Plan, Principal, Resource, Scorecard, Tier, type DealStatus, type Kpi, type Measurement, type PlanActor, type Target } from '@partnerkit/core/schemas';
import { seededRandom } from '../lib/random.ts';

export const PARTNER_ID = 'p_bench';
const NOW = new Date('2026-11-20T09:00:00.000Z');
const STAMP = '2026-01-05T08:00:00.000Z';

/** Everything the bench page's in-memory backend serves. */
export interface RenderFixtures {
  principal: Principal;
  scorecard: { data: Scorecard; kpis: number; periods: number };
  deals: Deal[];
  resources: Resource[];
  tiers: Tier[];
  /** A joint business plan of `objectives` objectives (half measured, half milestones), at 2026-H2. */
  plan: Plan;
}

export const PLAN_PERIOD = '2026-H2';

/**
 * A plan of `count` objectives, alternately measured (revenue, with six months of measurements)
 * and milestones, each with two activities (one per side) and a comment, progress by core's rules.
 */
function plan(count: number): Plan {
  const random = seededRandom(23);
  const kpi: Kpi = { id: 'k_plan', name: 'Revenue', description: null, unit: 'currency', direction: 'higher_is_better', aggregation: 'sum', weight: 1, currency: 'USD', createdAt: STAMP, updatedAt: STAMP };
  const vendor: PlanActor = { side: 'vendor', role: 'manager', id: 'm_1', name: 'Oliver Grant' };
  const partner: PlanActor = { side: 'partner', role: 'partner', id: 'u_1', name: 'Lan Nguyen' };
  const months = monthsOf(PLAN_PERIOD);
  const measurements: Measurement[] = months.map((period) => ({ partnerId: PARTNER_ID, kpiId: kpi.id, period, value: Math.round(2_000_000 + random() * 4_000_000), source: 'bench', recordedAt: STAMP }));
  const objectives = Array.from({ length: count }, (_, i) => {
    const side = i % 3 === 0 ? 'partner' : 'vendor';
    const by = side === 'vendor' ? vendor : partner;
    const due = `2026-${String(7 + (i % 6)).padStart(2, '0')}-${String(10 + (i % 18)).padStart(2, '0')}`;
    const measured = i % 2 === 0;
    return {
      id: `po_${i}`,
      planId: 'pl_bench',
      partnerId: PARTNER_ID,
      period: PLAN_PERIOD,
      side,
      owner: { id: by.id!, name: by.name! },
      title: `${measured ? 'Grow revenue in segment' : 'Launch joint campaign'} ${i + 1}`,
      description: i % 4 === 0 ? 'Agreed at the quarterly business review.' : null,
      kind: measured ? 'measured' : 'milestone',
      measure: measured ? { kpi, target: 20_000_000 + i * 500_000 } : null,
      dueDate: due,
      source: null,
      completed: !measured && i % 5 === 1 ? { by, at: STAMP } : null,
      activities: (['vendor', 'partner'] as const).map((activitySide, j) => ({
        id: `pa_${i}_${j}`,
        side: activitySide,
        title: activitySide === 'vendor' ? `Co-funded campaign ${i + 1}` : `Pipeline review ${i + 1}`,
        owner: { name: activitySide === 'vendor' ? vendor.name! : partner.name! },
        dueDate: null,
        completed: null,
        createdBy: activitySide === 'vendor' ? vendor : partner,
        createdAt: STAMP,
        updatedAt: STAMP,
      })),
      comments: [{ id: `pc_${i}`, author: partner, body: `Can we bring this forward? (${i + 1})`, createdAt: STAMP }],
      createdBy: by,
      createdAt: STAMP,
      updatedAt: STAMP,
    } as const;
  });
  return planWithProgress(
    {
      id: 'pl_bench', partnerId: PARTNER_ID, period: PLAN_PERIOD, title: 'Growth plan, second half of 2026', status: 'proposed', revision: 1, version: 2,
      agreements: { vendor: { by: vendor, at: STAMP, version: 2 }, partner: null }, createdBy: vendor, createdAt: STAMP, updatedAt: STAMP,
      objectives: objectives.map((o) => ({ ...o, activities: [...o.activities], comments: [...o.comments] })),
      history: [{ at: STAMP, action: 'created', by: vendor, revision: 1, version: 1, status: 'draft', reason: null }],
    },
    measurements,
    NOW,
  );
}

const tierIds = ['t_registered', 't_silver', 't_gold', 't_platinum'];

function tiers(): Tier[] {
  const names = ['Registered', 'Silver', 'Gold', 'Platinum'];
  const colours = ['#8A8F98', '#A7B1BC', '#C9A227', '#5B6B7F'];
  return names.map((name, i) => ({
    id: tierIds[i]!,
    rank: i + 1,
    name,
    colour: colours[i]!,
    benefits: [{ label: 'Discount', value: `${5 + i * 5}%` }],
    requirements: i === 0 ? [] : [{ kpiId: 'k_01', min: 50_000_00 * i * i }, { kpiId: 'k_02', min: 4 * i, window: 12 }],
    dealProtectionDays: 60 + i * 30,
    createdAt: STAMP,
    updatedAt: STAMP,
  }));
}

/** `kpiCount` KPIs over `periods` quarters, computed with core's `computeScorecard`. */
function scorecard(kpiCount: number, periods: number): Scorecard {
  const random = seededRandom(11);
  const units = ['currency', 'count', 'percent', 'score'] as const;
  const names = ['Revenue', 'New customers', 'Win rate', 'Satisfaction', 'Certified staff', 'Pipeline', 'Renewals', 'Days to close', 'Marketing leads', 'Support cases', 'Net retention', 'Co-sell deals'];
  const kpis: Kpi[] = Array.from({ length: kpiCount }, (_, i) => {
    const unit = i === 0 ? 'currency' : units[i % units.length]!;
    return {
      id: `k_${String(i + 1).padStart(2, '0')}`,
      name: names[i % names.length]! + (i >= names.length ? ` ${i + 1}` : ''),
      description: null,
      unit,
      direction: names[i % names.length] === 'Days to close' || names[i % names.length] === 'Support cases' ? 'lower_is_better' : 'higher_is_better',
      aggregation: unit === 'percent' || unit === 'score' ? 'avg' : 'sum',
      weight: 1 + (i % 3),
      currency: unit === 'currency' ? 'USD' : null,
      createdAt: STAMP,
      updatedAt: STAMP,
    };
  });
  const period = '2026-Q3';
  const quarters = previousPeriods(period, periods);
  const measurements: Measurement[] = [];
  const targets: Target[] = [];
  for (const kpi of kpis) {
    const scale = kpi.unit === 'currency' ? 2_000_000 : kpi.unit === 'percent' ? 60 : kpi.unit === 'score' ? 7 : 12;
    for (const quarter of quarters) {
      targets.push({ partnerId: PARTNER_ID, kpiId: kpi.id, period: quarter, value: Math.round(scale * 3), updatedAt: STAMP });
      for (const month of monthsOf(quarter)) {
        const value = kpi.unit === 'currency' ? Math.round(scale * (0.6 + random() * 0.8)) : Math.round(scale * (0.6 + random() * 0.8) * 10) / 10;
        measurements.push({ partnerId: PARTNER_ID, kpiId: kpi.id, period: month, value, source: 'crm', recordedAt: STAMP });
      }
    }
  }
  return computeScorecard({
    partner: { id: PARTNER_ID, name: 'Saigon Cloud Solutions', type: 'reseller', tierId: 't_silver' },
    period,
    kpis,
    tiers: tiers(),
    targets,
    measurements,
    trendPeriods: periods,
    now: NOW,
  });
}

const companies = ['Mekong Logistics', 'Hanoi Steel', 'Blue Lotus Hotels', 'Delta Foods', 'Saigon Retail', 'Pacific Textiles', 'Red River Energy', 'Golden Rice Trading', 'Ha Long Shipping', 'Nordic Timber', 'Andes Mining', 'Alpine Dairy'];
const dealStatuses: DealStatus[] = ['submitted', 'under_review', 'needs_info', 'approved', 'approved', 'approved', 'rejected', 'won', 'lost', 'expired', 'withdrawn', 'draft'];

/** `count` deals of one partner, newest first. */
function deals(count: number): Deal[] {
  const random = seededRandom(23);
  return Array.from({ length: count }, (_, i) => {
    const n = count - i;
    const status = dealStatuses[Math.floor(random() * dealStatuses.length)]!;
    const created = new Date(NOW.getTime() - i * 3_600_000).toISOString();
    const company = `${companies[n % companies.length]} ${n}`;
    const approved = ['approved', 'won', 'lost', 'expired'].includes(status);
    const history: Deal['history'] = [{ at: created, from: null, to: 'submitted', by: { role: 'partner', id: 'u_1', name: 'Lan Nguyen' } }];
    if (status !== 'submitted' && status !== 'draft') history.push({ at: created, from: 'submitted', to: status, by: { role: 'manager', id: 'u_9', name: 'Alex Kim' } });
    return {
      id: `dl_${String(n).padStart(6, '0')}`,
      number: `DR-${String(n).padStart(6, '0')}`,
      partnerId: PARTNER_ID,
      submittedBy: { id: 'u_1', name: 'Lan Nguyen', email: 'lan@saigoncloud.example' },
      status,
      type: (['resell', 'referral', 'co_sell'] as const)[n % 3]!,
      customer: { company, domain: `customer${n}.example.com`, country: 'VN', region: null, industry: 'Logistics' },
      contact: { name: 'Minh Tran', email: `minh${n}@customer${n}.example.com`, phone: '+84 28 1234 5678', title: 'CIO' },
      products: ['Cloud Suite'],
      amount: { amount: Math.round(random() * 5_000_000_00), currency: 'USD' },
      expectedCloseDate: '2027-03-31',
      stage: null,
      description: null,
      submittedAt: status === 'draft' ? null : created,
      approvedAt: approved ? created : null,
      expiresAt: approved ? new Date(NOW.getTime() + ((n % 90) - 10) * 86_400_000).toISOString() : null,
      extensions: 0,
      approvedBy: approved ? { id: 'u_9', name: 'Alex Kim' } : null,
      reasonCode: status === 'rejected' ? 'not_qualified' : null,
      reason: status === 'rejected' ? 'Outside the territory' : null,
      history,
      createdAt: created,
      updatedAt: created,
    };
  });
}

const words = ['sales', 'deck', 'pricing', 'onboarding', 'cloud', 'security', 'partner', 'playbook', 'webinar', 'brand', 'logo', 'case', 'study', 'training', 'certification', 'migration', 'analytics', 'retail', 'banking', 'logistics'];
const resourceTypes = ['document', 'video', 'link', 'template', 'brand_asset', 'training'] as const;

/** `count` resources, a fifth of them locked behind a higher tier. */
function resources(count: number): Resource[] {
  const random = seededRandom(37);
  const pick = () => words[Math.floor(random() * words.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const type = resourceTypes[i % resourceTypes.length]!;
    const locked = i % 5 === 4;
    const updated = new Date(NOW.getTime() - i * 1_800_000).toISOString();
    const title = `${pick()} ${pick()} ${pick()} ${i + 1}`.replace(/^./, (c) => c.toUpperCase());
    return {
      id: `rs_${String(i + 1).padStart(6, '0')}`,
      title,
      description: `How to use the ${pick()} ${pick()} material with customers in ${pick()}.`,
      type,
      format: type === 'video' ? 'mp4' : type === 'link' ? 'html' : 'pdf',
      sizeBytes: type === 'link' ? null : 50_000 + Math.floor(random() * 20_000_000),
      language: i % 3 === 0 ? 'vi' : 'en',
      tags: [pick(), pick()].filter((t, j, all) => all.indexOf(t) === j),
      thumbnailUrl: null,
      minTierId: locked ? 't_gold' : null,
      partnerTypes: [],
      locked,
      ...(locked ? {} : { url: `https://files.example.com/r/${i + 1}.pdf` }),
      openCount: Math.floor(random() * 500),
      createdAt: updated,
      updatedAt: updated,
    };
  });
}

/** Sizes of the data, by mode. */
export interface FixtureSizes {
  kpis: number;
  periods: number;
  deals: number;
  resources: number;
  /** Objectives of the plan. */
  objectives: number;
}

/** Generates the fixtures and checks each against the contract (throws on the first violation). */
export function renderFixtures(sizes: FixtureSizes): RenderFixtures {
  const fixtures: RenderFixtures = {
    principal: { role: 'partner', partnerId: PARTNER_ID, user: { id: 'u_1', name: 'Lan Nguyen' }, locale: 'en', expiresAt: null },
    scorecard: { data: scorecard(sizes.kpis, sizes.periods), kpis: sizes.kpis, periods: sizes.periods },
    deals: deals(sizes.deals),
    resources: resources(sizes.resources),
    tiers: tiers(),
    plan: plan(sizes.objectives),
  };
  z.parse(Plan, fixtures.plan);
  z.parse(Principal, fixtures.principal);
  z.parse(Scorecard, fixtures.scorecard.data);
  z.parse(z.array(Deal), fixtures.deals);
  z.parse(z.array(Resource), fixtures.resources);
  z.parse(z.array(Tier), fixtures.tiers);
  return fixtures;
}
