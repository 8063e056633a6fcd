/**
 * A small programme created through the API: three tiers, three KPIs and partners to test with.
 */
import assert from 'node:assert/strict';
import type { Harness } from './harness.ts';
import { unique } from './harness.ts';

export const TIERS = {
  bronze: { rank: 1, name: 'Bronze', colour: '#CD7F32', benefits: [{ label: 'Portal' }], requirements: [], dealProtectionDays: 30 },
  silver: {
    rank: 2,
    name: 'Silver',
    colour: '#C0C0C0',
    benefits: [{ label: 'Discount', value: '15%' }],
    requirements: [{ kpiId: 'revenue', min: 100_000, window: 3 }],
    dealProtectionDays: 60,
  },
  gold: {
    rank: 3,
    name: 'Gold',
    colour: '#FFD700',
    benefits: [{ label: 'Discount', value: '25%' }],
    requirements: [{ kpiId: 'revenue', min: 300_000, window: 3 }, { kpiId: 'deals', min: 6, window: 3 }],
    dealProtectionDays: 90,
  },
} as const;

export const KPIS = {
  revenue: { name: 'Revenue', unit: 'currency', currency: 'USD', direction: 'higher_is_better', aggregation: 'sum', weight: 2 },
  deals: { name: 'Deals won', unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 1 },
  churn: { name: 'Churn', unit: 'percent', direction: 'lower_is_better', aggregation: 'avg', weight: 1 },
} as const;

/** Creates the KPIs and tiers (idempotent: PUT). */
export async function createProgramme(h: Harness): Promise<void> {
  for (const [id, kpi] of Object.entries(KPIS)) {
    const reply = await h.admin.put(`/v1/kpis/${id}`, kpi);
    assert.ok(reply.status === 200 || reply.status === 201, reply.text);
  }
  for (const [id, tier] of Object.entries(TIERS)) {
    const reply = await h.admin.put(`/v1/tiers/${id}`, tier);
    assert.ok(reply.status === 200 || reply.status === 201, reply.text);
  }
}

/** A deal registration body for a customer nobody else registers. */
export function dealBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const company = unique('Customer');
  return {
    type: 'resell',
    customer: { company, domain: `${company.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.com`, country: 'VN' },
    amount: { amount: 1_500_000, currency: 'USD' },
    products: ['Core Platform'],
    ...overrides,
  };
}
