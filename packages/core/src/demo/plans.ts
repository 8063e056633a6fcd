/**
 * The demo programme's joint business plans: one per partner for the half-year of `asOf`, in
 * the partner's language (Vietnamese for the Vietnamese partners, English for the others), at
 * every stage of the lifecycle: agreed, proposed by the vendor and waiting for the partner, a
 * draft, and an agreed plan changed since (revision 2, proposed again, revision 1 kept). Each has
 * two measured objectives (revenue, certified staff) and two milestones, one per side, with
 * activities of both sides and comments. Pure and deterministic, like the rest of the demo data;
 * progress is not part of it (core's `planWithProgress` computes it when read).
 * @module
 */
import { currentPeriod, monthsOf, periodBounds, shiftPeriod } from '../rules/periods.js';
import { periodDays, type StoredPlan, type StoredPlanObjective } from '../rules/plans.js';
import type { Measurement, PlanActivity, PlanActor, PlanComment, PlanHistoryEntry, PlanRevision, PlanStatus } from '../schemas/index.js';
import { DEMO_MANAGERS, type DemoData, type DemoPartner } from './generate.js';

/** A demo plan as stored, with the revisions both sides agreed to. */
export interface DemoPlan {
  plan: StoredPlan;
  revisions: PlanRevision[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The words of a plan, in one language. */
interface PlanWords {
  title: (half: 'H1' | 'H2', year: string) => string;
  revenue: string;
  revenueNote: string;
  campaign: string;
  pipelineReview: string;
  certify: string;
  enrol: string;
  bootCamp: string;
  solutionPage: string;
  caseStudy: string;
  review: string;
  agenda: string;
  forecast: string;
  askFunding: string;
  funded: string;
  askDate: string;
}

const WORDS: Record<'en' | 'vi', PlanWords> = {
  en: {
    title: (half, year) => `Growth plan, ${half === 'H1' ? 'first' : 'second'} half of ${year}`,
    revenue: 'Grow revenue from the joint offer',
    revenueNote: 'Revenue booked through registered deals for the joint offer.',
    campaign: 'Co-funded demand campaign from market development funds',
    pipelineReview: 'Monthly pipeline review with the channel manager',
    certify: 'Certify more sales engineers',
    enrol: 'Enrol three engineers in the certification course',
    bootCamp: 'Run a certification boot camp',
    solutionPage: 'Publish the joint solution page',
    caseStudy: 'Write a customer case study for the page',
    review: 'Hold the quarterly business review',
    agenda: 'Send the agenda and the scorecard a week before',
    forecast: 'Bring the pipeline forecast for next quarter',
    askFunding: 'Can the campaign be co-funded half and half?',
    funded: 'Yes: market development funds cover half, up to the amount in the plan.',
    askDate: 'Could we move the review to the last week of the quarter?',
  },
  vi: {
    title: (half, year) => `Kế hoạch tăng trưởng ${half === 'H1' ? 'nửa đầu' : 'nửa cuối'} năm ${year}`,
    revenue: 'Tăng doanh thu từ gói giải pháp chung',
    revenueNote: 'Doanh thu ghi nhận qua các cơ hội đã đăng ký cho gói giải pháp chung.',
    campaign: 'Chiến dịch tạo nhu cầu đồng tài trợ từ quỹ phát triển tiếp thị',
    pipelineReview: 'Rà soát cơ hội hằng tháng với quản lý kênh',
    certify: 'Tăng số kỹ sư bán hàng có chứng chỉ',
    enrol: 'Đăng ký ba kỹ sư vào khóa học lấy chứng chỉ',
    bootCamp: 'Tổ chức khóa luyện thi chứng chỉ',
    solutionPage: 'Ra mắt trang giới thiệu giải pháp chung',
    caseStudy: 'Viết một câu chuyện khách hàng cho trang',
    review: 'Tổ chức buổi đánh giá kinh doanh hằng quý',
    agenda: 'Gửi chương trình họp và thẻ điểm trước một tuần',
    forecast: 'Chuẩn bị dự báo cơ hội cho quý sau',
    askFunding: 'Chiến dịch có thể được đồng tài trợ mỗi bên một nửa không?',
    funded: 'Đồng ý: quỹ phát triển tiếp thị chi trả một nửa, tối đa bằng số tiền trong kế hoạch.',
    askDate: 'Có thể dời buổi đánh giá sang tuần cuối của quý không?',
  },
};

/** The stage each partner's plan is at, by position: every stage appears among four partners. */
const STAGES = ['agreed', 'proposed', 'draft', 'revised'] as const;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The sum (or last value) of a KPI over `months` in a partner's `measurements`; null without any. */
function recent(measurements: readonly Measurement[], kpiId: string, months: readonly string[], how: 'sum' | 'last'): number | null {
  const values = measurements.filter((m) => m.kpiId === kpiId && months.includes(m.period)).sort((a, b) => a.period.localeCompare(b.period));
  if (values.length === 0) return null;
  return how === 'sum' ? values.reduce((total, m) => total + m.value, 0) : (values.at(-1) as { value: number }).value;
}

/** The plan of one partner. */
function planOf(data: DemoData, demo: DemoPartner, index: number, measurements: readonly Measurement[]): DemoPlan {
  const { partner, users } = demo;
  const words = WORDS[partner.country === 'VN' ? 'vi' : 'en'];
  const stage = STAGES[index % STAGES.length] as (typeof STAGES)[number];
  const period = currentPeriod('half', data.asOf);
  const { last } = periodDays(period);
  const start = periodBounds(period).start.getTime();
  const manager = DEMO_MANAGERS.find((m) => m.id === partner.manager?.id) ?? (DEMO_MANAGERS[index % DEMO_MANAGERS.length] as (typeof DEMO_MANAGERS)[number]);
  const user = users[0] as (typeof users)[number];
  const vendor: PlanActor = { side: 'vendor', role: 'manager', id: manager.id, name: manager.name };
  const partnerSide: PlanActor = { side: 'partner', role: 'partner', id: user.id, name: user.name };
  const vendorOwner = { id: manager.id, name: manager.name, email: manager.email };
  const partnerOwner = { id: user.id, name: user.name, email: user.email };

  // Steps a few hours apart, from early in the period (or a fortnight before asOf, if earlier).
  const t0 = Math.min(start + 3 * DAY, data.asOf.getTime() - 14 * DAY);
  let step = 0;
  const next = () => new Date(t0 + step++ * 5 * HOUR).toISOString();

  const suffix = partner.id.replace(/^pt_/, '');
  const planId = `pl_${suffix}`;
  let version = 1;
  const created = next();
  const history: PlanHistoryEntry[] = [{ at: created, action: 'created', by: vendor, revision: 1, version, status: 'draft', reason: null }];

  // Targets a little above the last half's numbers, so progress reads realistically.
  const previousMonths = monthsOf(shiftPeriod(period, -1));
  const revenueTarget = Math.round(((recent(measurements, 'kpi_revenue', previousMonths, 'sum') ?? 60_000_000) * 1.15) / 100_000) * 100_000;
  const certifiedTarget = (recent(measurements, 'kpi_certifications', previousMonths, 'last') ?? 2) + 3;
  const kpi = (id: string) => data.kpis.find((k) => k.id === id);

  let activityCount = 0;
  const activity = (side: 'vendor' | 'partner', title: string, dueDate: string | null): PlanActivity => {
    const at = next();
    version += 1;
    activityCount += 1;
    return { id: `pa_${suffix}_${activityCount}`, side, title, owner: side === 'vendor' ? vendorOwner : partnerOwner, dueDate, completed: null, createdBy: side === 'vendor' ? vendor : partnerSide, createdAt: at, updatedAt: at };
  };
  let commentCount = 0;
  const comment = (author: PlanActor, body: string): PlanComment => {
    commentCount += 1;
    return { id: `pc_${suffix}_${commentCount}`, author, body, createdAt: next() };
  };
  const objective = (n: number, fields: Pick<StoredPlanObjective, 'side' | 'title' | 'description' | 'kind' | 'measure' | 'dueDate'>): StoredPlanObjective => {
    const at = next();
    version += 1;
    const actor = fields.side === 'vendor' ? vendor : partnerSide;
    return { id: `po_${suffix}_${n}`, planId, partnerId: partner.id, period, ...fields, owner: fields.side === 'vendor' ? vendorOwner : partnerOwner, source: null, completed: null, activities: [], comments: [], createdBy: actor, createdAt: at, updatedAt: at };
  };
  const mid = isoDay(new Date(start + 75 * DAY));
  const reviewDay = isoDay(new Date(new Date(`${last}T00:00:00Z`).getTime() - 14 * DAY));

  const revenue = kpi('kpi_revenue');
  const certified = kpi('kpi_certifications');
  const objectives: StoredPlanObjective[] = [];
  const o1 = objective(1, { side: 'vendor', title: words.revenue, description: words.revenueNote, kind: revenue ? 'measured' : 'milestone', measure: revenue ? { kpi: revenue, target: revenueTarget } : null, dueDate: last });
  o1.activities.push(activity('vendor', words.campaign, mid), activity('partner', words.pipelineReview, null));
  const o2 = objective(2, { side: 'partner', title: words.certify, description: null, kind: certified ? 'measured' : 'milestone', measure: certified ? { kpi: certified, target: certifiedTarget } : null, dueDate: last });
  o2.activities.push(activity('partner', words.enrol, mid), activity('vendor', words.bootCamp, null));
  const o3 = objective(3, { side: 'partner', title: words.solutionPage, description: null, kind: 'milestone', measure: null, dueDate: mid });
  o3.activities.push(activity('partner', words.caseStudy, null));
  const o4 = objective(4, { side: 'vendor', title: words.review, description: null, kind: 'milestone', measure: null, dueDate: reviewDay });
  o4.activities.push(activity('vendor', words.agenda, null), activity('partner', words.forecast, null));
  o1.comments.push(comment(partnerSide, words.askFunding), comment(vendor, words.funded));
  objectives.push(o1, o2, o3, o4);

  let status: PlanStatus = 'draft';
  let revision = 1;
  let agreements: StoredPlan['agreements'] = { vendor: null, partner: null };
  const revisions: PlanRevision[] = [];
  if (stage !== 'draft') {
    const proposedAt = next();
    agreements = { vendor: { by: vendor, at: proposedAt, version }, partner: null };
    status = 'proposed';
    history.push({ at: proposedAt, action: 'proposed', by: vendor, revision, version, status, reason: null });
  }
  if (stage === 'agreed' || stage === 'revised') {
    const agreedAt = next();
    agreements = { vendor: agreements.vendor, partner: { by: partnerSide, at: agreedAt, version } };
    status = 'agreed';
    history.push({ at: agreedAt, action: 'agreed', by: partnerSide, revision, version, status, reason: null });
    revisions.push({
      planId,
      partnerId: partner.id,
      period,
      revision,
      version,
      title: words.title(period.endsWith('H1') ? 'H1' : 'H2', period.slice(0, 4)),
      agreements: { vendor: agreements.vendor as NonNullable<typeof agreements.vendor>, partner: agreements.partner as NonNullable<typeof agreements.partner> },
      agreedAt,
      objectives: objectives.map(({ id, side, owner, title, description, kind, measure, dueDate, source, activities }) => ({
        id, side, owner, title, description, kind, measure, dueDate, source,
        activities: activities.map((a) => ({ id: a.id, side: a.side, title: a.title, owner: a.owner, dueDate: a.dueDate })),
      })),
    });
    // Work done since the agreement (progress, not a change): a milestone and an activity.
    if (mid < isoDay(data.asOf)) o3.completed = { by: partnerSide, at: next() };
    const firstActivity = o1.activities[1] as PlanActivity;
    firstActivity.completed = { by: partnerSide, at: next() };
  }
  if (stage === 'revised') {
    // The vendor changed the agreed plan: revision 2, proposed again, both agreements withdrawn.
    const o4Review = o4.activities[0] as PlanActivity;
    o4Review.dueDate = reviewDay;
    version += 1;
    revision += 1;
    status = 'proposed';
    agreements = { vendor: null, partner: null };
    history.push({ at: next(), action: 'revised', by: vendor, revision, version, status, reason: null });
    o4.comments.push(comment(partnerSide, words.askDate));
  }
  const updatedAt = next();
  return {
    plan: {
      id: planId,
      partnerId: partner.id,
      period,
      title: words.title(period.endsWith('H1') ? 'H1' : 'H2', period.slice(0, 4)),
      status,
      revision,
      version,
      agreements,
      createdBy: vendor,
      createdAt: created,
      updatedAt,
      objectives,
      history,
    },
    revisions,
  };
}

/** One plan per partner for the half-year of `data.asOf`; every due date lies inside it. */
export function generateDemoPlans(data: DemoData): DemoPlan[] {
  const byPartner = new Map<string, Measurement[]>();
  for (const m of data.measurements) {
    const list = byPartner.get(m.partnerId);
    if (list) list.push(m);
    else byPartner.set(m.partnerId, [m]);
  }
  return data.partners.map((partner, index) => planOf(data, partner, index, byPartner.get(partner.partner.id) ?? []));
}
