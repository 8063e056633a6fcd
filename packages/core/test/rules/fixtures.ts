/**
 * Small builders for the rules tests: valid contract objects with only the fields a test cares
 * about spelled out.
 */
import type { Kpi, Measurement, Target, Tier, TierRequirement } from '@partnerkit/core/schemas';

const STAMP = '2026-01-01T00:00:00.000Z';

export function kpi(id: string, overrides: Partial<Kpi> = {}): Kpi {
  return {
    id,
    name: id,
    unit: 'count',
    direction: 'higher_is_better',
    aggregation: 'sum',
    weight: 1,
    currency: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function tier(id: string, rank: number, requirements: TierRequirement[] = [], overrides: Partial<Tier> = {}): Tier {
  return {
    id,
    rank,
    name: id,
    colour: '#C0C0C0',
    benefits: [],
    requirements,
    dealProtectionDays: 90,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function measurement(kpiId: string, period: string, value: number, overrides: Partial<Measurement> = {}): Measurement {
  return { partnerId: 'p1', kpiId, period, value, source: null, recordedAt: STAMP, ...overrides };
}

export function target(kpiId: string, period: string, value: number, partnerId = 'p1'): Target {
  return { partnerId, kpiId, period, value, updatedAt: STAMP };
}
