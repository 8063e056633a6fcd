/**
 * The generated programme: four tiers and eight KPIs, and how a partner of each tier performs.
 * Names and descriptions are English, with Vietnamese translations (the demo's second language).
 * @module
 */
import type { KpiAggregation, KpiDirection, KpiSource, KpiTranslation, KpiUnit, TierBenefit, TierRequirement, TierTranslation, Translations } from '../schemas/index.js';

export interface SeedKpi {
  id: string;
  name: string;
  description: string;
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  weight: number;
  currency: string | null;
  /** `certified_staff`: computed from the partner's certificates, never measured (no measurements are generated). */
  source?: KpiSource;
  /** A typical monthly value at each tier level (1-4). */
  monthly: readonly [number, number, number, number];
  /** Relative month-to-month noise. */
  noise: number;
  translations: Translations<KpiTranslation>;
}

export const SEED_KPIS: readonly SeedKpi[] = [
  { id: 'kpi_revenue', name: 'Revenue', description: 'Booked revenue, in US cents.', unit: 'currency', direction: 'higher_is_better', aggregation: 'sum', weight: 3, currency: 'USD', monthly: [2_000_000, 6_000_000, 15_000_000, 40_000_000], noise: 0.35, translations: { vi: { name: 'Doanh thu', description: 'Doanh thu đã ghi nhận, tính bằng cent Mỹ.' } } },
  { id: 'kpi_pipeline', name: 'Qualified pipeline', description: 'New qualified pipeline, in US cents.', unit: 'currency', direction: 'higher_is_better', aggregation: 'sum', weight: 1, currency: 'USD', monthly: [6_000_000, 18_000_000, 45_000_000, 120_000_000], noise: 0.4, translations: { vi: { name: 'Giá trị cơ hội đủ điều kiện', description: 'Giá trị các cơ hội mới đủ điều kiện, tính bằng cent Mỹ.' } } },
  { id: 'kpi_deals_won', name: 'Deals won', description: 'Registered deals closed as won.', unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 2, currency: null, monthly: [1, 2, 4, 8], noise: 0.5, translations: { vi: { name: 'Cơ hội thành công', description: 'Số cơ hội đã đăng ký được chốt thành công.' } } },
  { id: 'kpi_new_customers', name: 'New customers', description: 'Customers new to the vendor.', unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 2, currency: null, monthly: [1, 2, 3, 6], noise: 0.5, translations: { vi: { name: 'Khách hàng mới', description: 'Khách hàng lần đầu mua sản phẩm của nhà cung cấp.' } } },
  { id: 'kpi_win_rate', name: 'Win rate', description: 'Won deals as a share of closed deals.', unit: 'percent', direction: 'higher_is_better', aggregation: 'avg', weight: 1, currency: null, monthly: [25, 35, 45, 55], noise: 0.2, translations: { vi: { name: 'Tỷ lệ thành công', description: 'Tỷ lệ cơ hội thành công trên số cơ hội đã kết thúc.' } } },
  { id: 'kpi_csat', name: 'Customer satisfaction', description: 'Average survey score, 1-5.', unit: 'score', direction: 'higher_is_better', aggregation: 'avg', weight: 1, currency: null, monthly: [3.8, 4.1, 4.3, 4.6], noise: 0.06, translations: { vi: { name: 'Mức hài lòng của khách hàng', description: 'Điểm khảo sát trung bình, thang điểm 1–5.' } } },
  { id: 'kpi_certifications', name: 'Certified staff', description: 'Staff holding a current certification.', unit: 'count', direction: 'higher_is_better', aggregation: 'last', weight: 1, currency: null, source: 'certified_staff', monthly: [1, 3, 5, 9], noise: 0.15, translations: { vi: { name: 'Nhân sự có chứng chỉ', description: 'Số nhân sự đang có chứng chỉ còn hiệu lực.' } } },
  { id: 'kpi_churn', name: 'Customer churn', description: 'Share of customers lost in the month.', unit: 'percent', direction: 'lower_is_better', aggregation: 'avg', weight: 1, currency: null, monthly: [6, 4.5, 3, 2], noise: 0.25, translations: { vi: { name: 'Tỷ lệ khách hàng rời bỏ', description: 'Tỷ lệ khách hàng mất đi trong tháng.' } } },
];

export interface SeedTier {
  id: string;
  rank: number;
  name: string;
  colour: string;
  dealProtectionDays: number;
  benefits: TierBenefit[];
  requirements: TierRequirement[];
  translations: Translations<TierTranslation>;
}

/** A benefit with its Vietnamese: `label` and, when it has one, `value`. */
const benefit = (label: string, vi: string, value?: [en: string, vi: string]): TierBenefit =>
  value
    ? { label, value: value[0], translations: { vi: { label: vi, value: value[1] } } }
    : { label, translations: { vi: { label: vi } } };
const PORTAL = benefit('Partner portal access', 'Truy cập cổng đối tác');
const discount = (percent: string) => benefit('Resale discount', 'Chiết khấu bán lại', [percent, percent]);
const protection = (days: number) => benefit('Deal protection', 'Bảo hộ cơ hội', [`${days} days`, `${days} ngày`]);

/** Steps about 2.4x apart, as programmes in the field set them. */
export const SEED_TIERS: readonly SeedTier[] = [
  {
    id: 'tier_registered', rank: 1, name: 'Registered', colour: '#8A8F98', dealProtectionDays: 30,
    benefits: [PORTAL, discount('10%')],
    requirements: [],
    translations: { vi: { name: 'Thành viên' } },
  },
  {
    id: 'tier_silver', rank: 2, name: 'Silver', colour: '#A8B2BD', dealProtectionDays: 60,
    benefits: [discount('18%'), protection(60), benefit('Marketing development funds', 'Quỹ phát triển tiếp thị')],
    translations: { vi: { name: 'Bạc' } },
    requirements: [
      { kpiId: 'kpi_revenue', min: 50_000_000, window: 12 },
      { kpiId: 'kpi_deals_won', min: 18, window: 12 },
      { kpiId: 'kpi_certifications', min: 2 },
    ],
  },
  {
    id: 'tier_gold', rank: 3, name: 'Gold', colour: '#C9A227', dealProtectionDays: 90,
    benefits: [discount('25%'), protection(90), benefit('Dedicated channel manager', 'Người quản lý kênh riêng')],
    translations: { vi: { name: 'Vàng' } },
    requirements: [
      { kpiId: 'kpi_revenue', min: 120_000_000, window: 12 },
      { kpiId: 'kpi_deals_won', min: 36, window: 12 },
      { kpiId: 'kpi_certifications', min: 4 },
    ],
  },
  {
    id: 'tier_platinum', rank: 4, name: 'Platinum', colour: '#5B6B7C', dealProtectionDays: 120,
    benefits: [discount('32%'), protection(120), benefit('Joint business planning', 'Lập kế hoạch kinh doanh chung'), benefit('Early access to releases', 'Dùng trước các bản phát hành mới')],
    translations: { vi: { name: 'Bạch kim' } },
    requirements: [
      { kpiId: 'kpi_revenue', min: 350_000_000, window: 12 },
      { kpiId: 'kpi_deals_won', min: 72, window: 12 },
      { kpiId: 'kpi_certifications', min: 6 },
      { kpiId: 'kpi_csat', min: 4.2, window: 3 },
    ],
  },
];
