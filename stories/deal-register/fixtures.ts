/**
 * Deal registrations for `<deal-register>`'s stories and tests on `@partnerkit/mock`: two
 * partners' deals in every status, with histories, a protection window that ends in 12 days, and
 * two registrations of one customer (a possible conflict the review queue flags). Dates are relative to the moment the
 * fixtures are built, so "expires in 12 days" reads the same whenever a story is opened.
 * @module
 */
import type { Deal, DealHistoryEntry, DealStatus } from '@partnerkit/core/schemas';

export const PARTNER_ID = 'p_saigon';
export const OTHER_PARTNER_ID = 'p_hanoi';
/** The partners' names, as the contract's `Deal.partnerName` carries them. */
export const PARTNER_NAMES: Record<string, string> = { [PARTNER_ID]: 'Saigon Cloud Partners', [OTHER_PARTNER_ID]: 'Hanoi Digital JSC' };
const DAY = 86_400_000;

const iso = (now: number, days: number) => new Date(now + days * DAY).toISOString();

interface Spec {
  n: number;
  partnerId: string;
  status: DealStatus;
  company: string;
  domain?: string;
  amount?: { amount: number; currency: string };
  /** Age of the registration in days. */
  age: number;
  /** Days of protection left (approved deals). */
  left?: number;
  extensions?: number;
  reason?: string;
}

const SPECS: Spec[] = [
  { n: 101, partnerId: PARTNER_ID, status: 'submitted', company: 'Mekong Logistics JSC', domain: 'mekonglogistics.vn', amount: { amount: 2_500_000_000, currency: 'VND' }, age: 2 },
  { n: 102, partnerId: PARTNER_ID, status: 'under_review', company: 'Acme Corporation', domain: 'acme.com', amount: { amount: 12_500_050, currency: 'USD' }, age: 5 },
  { n: 103, partnerId: PARTNER_ID, status: 'needs_info', company: 'Công ty TNHH Bình Minh', domain: 'binhminh.com.vn', age: 9, reason: 'Please add the customer contact and the expected close date.' },
  { n: 104, partnerId: PARTNER_ID, status: 'approved', company: 'Globex GmbH', domain: 'globex.de', amount: { amount: 8_000_000, currency: 'EUR' }, age: 78, left: 12 },
  { n: 105, partnerId: PARTNER_ID, status: 'won', company: 'Initech LLC', domain: 'initech.com', amount: { amount: 4_200_000, currency: 'USD' }, age: 140 },
  { n: 106, partnerId: PARTNER_ID, status: 'rejected', company: 'Umbrella Pte Ltd', age: 40, reason: 'Already in our direct pipeline.' },
  { n: 107, partnerId: PARTNER_ID, status: 'withdrawn', company: 'Hooli Inc', domain: 'hooli.xyz', age: 60, reason: 'Customer postponed the project.' },
  { n: 108, partnerId: PARTNER_ID, status: 'approved', company: 'Stark Industries', domain: 'stark.com', age: 95, left: 30, extensions: 1 },
  { n: 201, partnerId: OTHER_PARTNER_ID, status: 'submitted', company: 'ACME Corp.', domain: 'www.acme.com', amount: { amount: 9_900_000, currency: 'USD' }, age: 1 },
  { n: 202, partnerId: OTHER_PARTNER_ID, status: 'submitted', company: 'Wayne Enterprises', domain: 'wayne.com', age: 3 },
];

function historyOf(spec: Spec, now: number): DealHistoryEntry[] {
  const partner = { role: 'partner' as const, id: 'u_lan', name: 'Nguyễn Thị Lan' };
  const manager = { role: 'manager' as const, id: 'u_minh', name: 'Trần Văn Minh' };
  const at = (days: number) => iso(now, -days);
  const history: DealHistoryEntry[] = [{ at: at(spec.age), from: null, to: 'submitted', by: partner }];
  const reviewed = spec.age - 1;
  switch (spec.status) {
    case 'under_review':
      history.push({ at: at(reviewed), from: 'submitted', to: 'under_review', by: manager });
      break;
    case 'needs_info':
      history.push({ at: at(reviewed), from: 'submitted', to: 'needs_info', by: manager, reason: spec.reason ?? null });
      break;
    case 'approved':
    case 'won':
      history.push({ at: at(reviewed), from: 'submitted', to: 'approved', by: manager });
      if (spec.extensions) history.push({ at: at(5), from: 'approved', to: 'approved', by: manager, reason: 'Customer board meets next month.' });
      if (spec.status === 'won') history.push({ at: at(10), from: 'approved', to: 'won', by: partner });
      break;
    case 'rejected':
      history.push({ at: at(reviewed), from: 'submitted', to: 'rejected', by: manager, reason: spec.reason ?? null, reasonCode: 'converted' });
      break;
    case 'withdrawn':
      history.push({ at: at(reviewed), from: 'submitted', to: 'withdrawn', by: partner, reason: spec.reason ?? null });
      break;
    default:
  }
  return history;
}

/** One fixture deal as the contract's `Deal`. */
function dealOf(spec: Spec, now: number): Deal {
  const history = historyOf(spec, now);
  const approved = history.find((h) => h.to === 'approved');
  return {
    id: `d_${spec.n}`,
    number: `DR-000${spec.n}`,
    partnerId: spec.partnerId,
    partnerName: PARTNER_NAMES[spec.partnerId] ?? spec.partnerId,
    submittedBy: { id: 'u_lan', name: 'Nguyễn Thị Lan' },
    status: spec.status,
    type: spec.n % 3 === 0 ? 'referral' : 'resell',
    customer: { company: spec.company, domain: spec.domain ?? null, country: 'VN', industry: 'Manufacturing' },
    contact: { name: 'Phạm Quốc Bảo', email: 'bao@example.com', phone: '+84 28 1234 5678', title: 'CIO' },
    products: ['PartnerKit Cloud'],
    amount: spec.amount ?? null,
    expectedCloseDate: iso(now, 60).slice(0, 10),
    stage: null,
    description: null,
    submittedAt: history[0]!.at,
    approvedAt: approved?.at ?? null,
    expiresAt: spec.left !== undefined ? iso(now, spec.left) : spec.status === 'won' ? iso(now, -10) : null,
    extensions: spec.extensions ?? 0,
    approvedBy: approved ? { id: 'u_minh', name: 'Trần Văn Minh' } : null,
    reasonCode: spec.status === 'rejected' ? 'converted' : null,
    reason: spec.reason ?? null,
    history,
    createdAt: history[0]!.at,
    updatedAt: history.at(-1)!.at,
  };
}

/** The fixture deals, newest first, with dates relative to `now`. */
export function fixtureDeals(now = Date.now()): Deal[] {
  return SPECS.map((s) => dealOf(s, now)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** `count` generated deals of one partner (for pagination and benchmarks). */
export function manyDeals(count: number, now = Date.now(), partnerId = PARTNER_ID): Deal[] {
  const statuses: DealStatus[] = ['submitted', 'under_review', 'approved', 'won', 'lost', 'rejected', 'withdrawn', 'needs_info'];
  return Array.from({ length: count }, (_, i) =>
    dealOf(
      {
        n: 10_000 + i,
        partnerId,
        status: statuses[i % statuses.length]!,
        company: `Customer ${i + 1} Co., Ltd`,
        domain: `customer-${i + 1}.example`,
        amount: { amount: (i + 1) * 100_000, currency: 'USD' },
        age: 2 + (i % 100),
        left: statuses[i % statuses.length] === 'approved' ? 1 + (i % 90) : undefined,
      },
      now,
    ),
  );
}
