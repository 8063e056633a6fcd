/**
 * A small partner programme for `<partner-scorecard>`'s stories and tests: KPIs, four tiers,
 * partners in telling situations, their targets and 18 months of measurements. Scorecards are
 * never written by hand: `@partnerkit/mock` computes them from these inputs with core's rules,
 * exactly as the reference server does.
 * @module
 */
import type { Certificate, Certification, Kpi, Measurement, Partner, Target, Tier, TierCertificationRequirements } from '@partnerkit/core/schemas';

/**
 * The clock of the stories' backend: 2026-Q3 is complete, so tier downgrades are judged on it. Its
 * current quarter, a backend's default period, is 2026-Q4 (no data yet): stories and tests name
 * {@link FIXTURE_PERIOD}.
 */
export const FIXTURE_NOW = new Date('2026-10-15T09:00:00.000Z');
/** The period stories and tests show unless they pick another. */
export const FIXTURE_PERIOD = '2026-Q3';

const stamp = '2025-01-01T00:00:00.000Z';

/** A partner as a scorecard needs it. */
export type FixturePartner = Pick<Partner, 'id' | 'name' | 'type' | 'tierId' | 'tierSince'>;

/** Everything a scorecard is computed from. */
export interface Programme {
  kpis: Kpi[];
  tiers: Tier[];
  partners: FixturePartner[];
  targets: Target[];
  measurements: Measurement[];
}

const kpi = (fields: Omit<Kpi, 'createdAt' | 'updatedAt' | 'description'> & { description?: string | null }): Kpi => ({
  description: null,
  ...fields,
  createdAt: stamp,
  updatedAt: stamp,
});

/** Names in Vietnamese: the programme's translations (`localise` picks them for a `vi` element). */
const vi = (name: string) => ({ translations: { vi: { name } } });

export const KPIS = {
  revenue: kpi({ id: 'pksc_revenue', name: 'Revenue', unit: 'currency', currency: 'USD', direction: 'higher_is_better', aggregation: 'sum', weight: 3, ...vi('Doanh thu') }),
  customers: kpi({ id: 'pksc_customers', name: 'New customers', unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 2, ...vi('Khách hàng mới') }),
  satisfaction: kpi({ id: 'pksc_csat', name: 'Customer satisfaction', unit: 'percent', direction: 'higher_is_better', aggregation: 'avg', weight: 1, ...vi('Mức hài lòng của khách hàng') }),
  response: kpi({ id: 'pksc_response', name: 'Response time (days)', unit: 'count', direction: 'lower_is_better', aggregation: 'avg', weight: 1, ...vi('Thời gian phản hồi (ngày)') }),
  certified: kpi({ id: 'pksc_certified', name: 'Certified engineers', unit: 'count', direction: 'higher_is_better', aggregation: 'last', weight: 1, ...vi('Kỹ sư có chứng chỉ') }),
} as const;

const tier = (fields: Omit<Tier, 'createdAt' | 'updatedAt' | 'benefits'>): Tier => ({
  benefits: [],
  ...fields,
  createdAt: stamp,
  updatedAt: stamp,
});

// Revenue requirements are in minor units over a trailing 12 months: $100,000 / $250,000 / $600,000.
export const TIERS = {
  registered: tier({ id: 'pksc_registered', rank: 1, name: 'Registered', colour: '#6B7280', requirements: [], dealProtectionDays: 30, ...vi('Thành viên') }),
  silver: tier({
    id: 'pksc_silver',
    rank: 2,
    name: 'Silver',
    ...vi('Bạc'),
    colour: '#C0C0C0',
    requirements: [
      { kpiId: KPIS.revenue.id, min: 10_000_000, window: 12 },
      { kpiId: KPIS.certified.id, min: 2 },
    ],
    dealProtectionDays: 60,
  }),
  gold: tier({
    id: 'pksc_gold',
    rank: 3,
    name: 'Gold',
    ...vi('Vàng'),
    colour: '#D4AF37',
    requirements: [
      { kpiId: KPIS.revenue.id, min: 25_000_000, window: 12 },
      { kpiId: KPIS.certified.id, min: 4 },
      { kpiId: KPIS.response.id, min: 2 },
    ],
    dealProtectionDays: 90,
  }),
  platinum: tier({
    id: 'pksc_platinum',
    rank: 4,
    name: 'Platinum',
    ...vi('Bạch kim'),
    colour: '#1E3A8A',
    requirements: [
      { kpiId: KPIS.revenue.id, min: 60_000_000, window: 12 },
      { kpiId: KPIS.certified.id, min: 8 },
      { kpiId: KPIS.response.id, min: 1 },
    ],
    dealProtectionDays: 120,
  }),
} as const;

/** A name that is markup: it must show as these very characters, never as an element. */
export const MARKUP_NAME = '<img src=x onerror=alert(1)>';

export const PARTNERS = {
  /** Silver, on its way to Gold: a partner-specific target, a lower-is-better KPI off track. */
  lumen: { id: 'pksc_lumen', name: 'Lumen Systems', type: 'reseller', tierId: TIERS.silver.id, tierSince: '2024-03-15T00:00:00.000Z' },
  /** Platinum and meeting it: the top tier. */
  saigon: { id: 'pksc_saigon', name: 'Saigon Cloud Partners', type: 'system_integrator', tierId: TIERS.platinum.id },
  /** Gold on paper, Silver by its 2026-Q3 numbers: a pending downgrade. */
  northwind: { id: 'pksc_northwind', name: 'Northwind Resellers', type: 'reseller', tierId: TIERS.gold.id },
  /** Its name is an HTML injection attempt. */
  markup: { id: 'pksc_markup', name: MARKUP_NAME, type: 'affiliate', tierId: TIERS.registered.id },
  /** Reported only in 2025: no data for 2026-Q3. */
  quiet: { id: 'pksc_quiet', name: 'Quiet Harbor Ltd', type: 'referral', tierId: TIERS.registered.id },
} as const satisfies Record<string, FixturePartner>;

/** The 18 months 2025-04 .. 2026-09, oldest first (six quarters of trend up to 2026-Q3). */
export const MONTHS: readonly string[] = Array.from({ length: 18 }, (_, i) => {
  const month = 3 + i; // 0-based month index from 2025-01
  return `${2025 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
});

type Series = Partial<Record<keyof typeof KPIS, (monthIndex: number) => number | null>>;

function measure(partner: FixturePartner, series: Series, months: readonly string[] = MONTHS): Measurement[] {
  return months.flatMap((period, index) =>
    Object.entries(series).flatMap(([key, valueAt]) => {
      const value = valueAt!(index);
      if (value === null) return [];
      return [{ partnerId: partner.id, kpiId: KPIS[key as keyof typeof KPIS].id, period, value, source: 'crm', recordedAt: stamp }];
    }),
  );
}

const cycle = (values: readonly number[]) => (i: number) => values[i % values.length]!;

export const MEASUREMENTS: Measurement[] = [
  // Revenue grows $300 a month from $15,000; the 12 months to 2026-09 make $221,400, $28,600 short of Gold.
  ...measure(PARTNERS.lumen, {
    revenue: (i) => 1_500_000 + i * 30_000,
    customers: (i) => 3 + (i % 3) + Math.floor(i / 6),
    satisfaction: (i) => 84 + (i % 3) + i * 0.25,
    // Response time falls from 3.4 days towards 2.55, still above Gold's ceiling of 2.
    response: (i) => Math.round((3.4 - i * 0.05) * 100) / 100,
    certified: (i) => (i < 9 ? 2 : 3),
  }),
  ...measure(PARTNERS.saigon, {
    revenue: (i) => 5_500_000 + (i % 4) * 400_000,
    customers: cycle([9, 11, 12]),
    satisfaction: cycle([94, 95.5, 97]),
    response: cycle([0.8, 0.7, 0.9]),
    certified: () => 10,
  }),
  // Revenue falls from $25,000 a month to $10,400 in 2026-09: Gold is no longer met.
  ...measure(PARTNERS.northwind, {
    revenue: (i) => 2_500_000 - i * 85_000,
    customers: cycle([4, 3, 2]),
    satisfaction: cycle([84, 82, 80]),
    response: cycle([1.5, 1.8, 2.1]),
    certified: () => 5,
  }),
  ...measure(PARTNERS.markup, { revenue: (i) => 400_000 + i * 10_000, customers: cycle([1, 0, 2]) }),
  ...measure(PARTNERS.quiet, { revenue: () => 800_000, customers: () => 1 }, ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']),
];

export const TARGETS: Target[] = [
  { partnerId: PARTNERS.lumen.id, kpiId: KPIS.customers.id, period: FIXTURE_PERIOD, value: 16, updatedAt: stamp },
  { partnerId: PARTNERS.northwind.id, kpiId: KPIS.customers.id, period: FIXTURE_PERIOD, value: 12, updatedAt: stamp },
];

/** The whole programme. */
export const PROGRAMME: Programme = {
  kpis: Object.values(KPIS),
  tiers: Object.values(TIERS),
  partners: Object.values(PARTNERS),
  targets: TARGETS,
  measurements: MEASUREMENTS,
};

/** The same programme without translations: Vietnamese sentences around names left in English. */
export const PROGRAMME_UNTRANSLATED: Programme = {
  ...PROGRAMME,
  kpis: PROGRAMME.kpis.map(({ translations: _, ...k }) => k),
  tiers: PROGRAMME.tiers.map(({ translations: _, ...t }) => t),
};

/** The same programme before any KPI is defined. */
export const PROGRAMME_WITHOUT_KPIS: Programme = { ...PROGRAMME, kpis: [], targets: [], measurements: [] };

const DAY = 86_400_000;
const certification = (id: string, name: string, vi: string): Certification => ({ id, name, description: null, validityMonths: 24, translations: { vi: { name: vi } }, createdAt: stamp, updatedAt: stamp });
const certificate = (n: number, certificationId: string, expiresAt: string): Omit<Certificate, 'status'> => ({
  id: `pksc_ce_${n}`, certificationId, personId: `pksc_person_${n}`, partnerId: PARTNERS.lumen.id, source: 'admin', externalId: null, courseId: null,
  issuedAt: '2025-06-01T00:00:00.000Z', expiresAt, renewedAt: null, renewals: 0, updatedAt: stamp,
});

/**
 * Certifications the tiers require (Silver: 2 people in Sales Fundamentals; Gold: 2 in Sales
 * Fundamentals and 1 in Technical Implementation) and Lumen's two Sales Fundamentals
 * certificates, one expiring 30 days after {@link FIXTURE_NOW}: Gold lacks a Technical
 * Implementation certificate, and Silver's requirement is about to fall short.
 */
export const CERTIFICATIONS = {
  certifications: [certification('pksc_cert_sales', 'Sales Fundamentals', 'Kiến thức bán hàng cơ bản'), certification('pksc_cert_technical', 'Technical Implementation', 'Triển khai kỹ thuật')],
  requirements: [
    { tierId: TIERS.silver.id, requirements: [{ certificationId: 'pksc_cert_sales', count: 2 }], updatedAt: stamp },
    { tierId: TIERS.gold.id, requirements: [{ certificationId: 'pksc_cert_sales', count: 2 }, { certificationId: 'pksc_cert_technical', count: 1 }], updatedAt: stamp },
  ] satisfies TierCertificationRequirements[],
  certificates: [certificate(1, 'pksc_cert_sales', new Date(FIXTURE_NOW.getTime() + 30 * DAY).toISOString()), certificate(2, 'pksc_cert_sales', '2027-06-01T00:00:00.000Z')],
};
