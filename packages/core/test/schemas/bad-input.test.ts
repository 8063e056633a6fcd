import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as z from 'zod/mini';
import {
  CalendarDate,
  DealCheckInput,
  DealInput,
  DealTransitionInput,
  Id,
  KpiInput,
  MeasurementBatch,
  MeasurementInput,
  PageQuery,
  Partner,
  PartnerInput,
  Period,
  Problem,
  ResourceInput,
  ScorecardQuery,
  SessionInput,
  TargetInput,
  TierInput,
  Timestamp,
} from '@partnerkit/core/schemas';

interface Found {
  path: string;
  message: string;
  code: string;
  keys?: string[];
}

/** The issues of a failed parse as `dotted.path`, message and code; fails the test if it parsed. */
function issuesOf(schema: z.ZodMiniType, value: unknown): Found[] {
  const result = schema.safeParse(value);
  assert.equal(result.success, false, `expected ${JSON.stringify(value)} to be rejected`);
  return (result.error?.issues ?? []).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
    ...('keys' in issue ? { keys: issue.keys as string[] } : {}),
  }));
}

/** Asserts one issue at `path` whose message contains `words`. */
function rejects(schema: z.ZodMiniType, value: unknown, path: string, words: string | RegExp) {
  const found = issuesOf(schema, value);
  const atPath = found.filter((f) => f.path === path);
  assert.ok(atPath.length > 0, `no issue at "${path}": ${JSON.stringify(found)}`);
  const pattern = typeof words === 'string' ? new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') : words;
  assert.ok(
    atPath.some((f) => pattern.test(f.message)),
    `issue at "${path}" says ${JSON.stringify(atPath.map((f) => f.message))}, expected ${pattern}`,
  );
}

const validDeal = { type: 'resell', customer: { company: 'Acme' } };
const validResource = { title: 'Deck', type: 'document', language: 'en', url: 'https://example.com/deck.pdf' };

describe('bad periods', () => {
  test('the schema names the accepted forms', () => {
    for (const bad of ['2026-13', '2026-Q5', 'Q3-2026', '2026-7', '2026-07-01', '', '2026 ']) {
      rejects(Period, bad, '', 'such as 2026-07, 2026-Q3, 2026-H1 or 2026');
    }
  });

  test('inside bodies and queries, at the field', () => {
    rejects(TargetInput, { kpiId: 'revenue', period: '2026-Q5', value: 1 }, 'period', '2026-Q3');
    rejects(MeasurementInput, { partnerId: 'p1', kpiId: 'revenue', period: '2026-Q1', value: 1 }, 'period', 'must be a month such as 2026-07');
    rejects(ScorecardQuery, { period: 'this quarter' }, 'period', 'must be a period');
    rejects(MeasurementBatch, { data: [{ partnerId: 'p1', kpiId: 'k', period: '2026-00', value: 1 }] }, 'data.0.period', 'must be a month');
  });
});

describe('bad money', () => {
  test('a negative amount', () => {
    rejects(DealInput, { ...validDeal, amount: { amount: -1, currency: 'USD' } }, 'amount.amount', 'must not be negative');
  });

  test('a fractional amount (money is in minor units) and a bad currency', () => {
    const found = issuesOf(DealInput, { ...validDeal, amount: { amount: 12.5, currency: 'usd' } });
    assert.ok(found.some((f) => f.path === 'amount.amount' && f.code === 'invalid_type'), JSON.stringify(found));
    rejects(DealInput, { ...validDeal, amount: { amount: 1250, currency: 'usd' } }, 'amount.currency', 'ISO 4217');
  });
});

describe('URLs other than http(s)', () => {
  const hostile = ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://example.com/file', '//example.com/x', '/relative/path'];

  test('are refused wherever a link is stored', () => {
    for (const url of hostile) {
      rejects(ResourceInput, { ...validResource, url }, 'url', 'http:// or https://');
      rejects(ResourceInput, { ...validResource, thumbnailUrl: url }, 'thumbnailUrl', 'http:// or https://');
      rejects(PartnerInput, { name: 'Acme', type: 'reseller', website: url }, 'website', 'http:// or https://');
    }
  });

  test('http and https are accepted', () => {
    assert.ok(ResourceInput.safeParse({ ...validResource, url: 'http://example.com/a?b=c#d' }).success);
    assert.ok(PartnerInput.safeParse({ name: 'Acme', type: 'reseller', website: 'https://acme.example.com' }).success);
  });
});

describe('unknown fields', () => {
  const cases: [string, z.ZodMiniType, Record<string, unknown>, string][] = [
    ['PartnerInput', PartnerInput, { name: 'Acme', type: 'reseller', isAdmin: true }, ''],
    ['DealInput', DealInput, { ...validDeal, partnerSecret: 'x' }, ''],
    ['DealInput.customer', DealInput, { type: 'resell', customer: { company: 'Acme', ownerPartnerId: 'p2' } }, 'customer'],
    ['DealInput.contact', DealInput, { ...validDeal, contact: { name: 'Jane', ssn: '123' } }, 'contact'],
    ['TierInput', TierInput, { rank: 1, name: 'Gold', colour: '#FFD700', benefits: [], requirements: [], dealProtectionDays: 90, colour2: '#000000' }, ''],
    ['KpiInput', KpiInput, { name: 'Deals', unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 1, formula: '1+1' }, ''],
    ['ResourceInput', ResourceInput, { ...validResource, openCount: 1_000_000 }, ''],
    ['MeasurementBatch item', MeasurementBatch, { data: [{ partnerId: 'p1', kpiId: 'k', period: '2026-01', value: 1, approved: true }] }, 'data.0'],
    ['SessionInput', SessionInput, { role: 'manager', user: { id: 'u1' }, tenantId: 't2' }, ''],
    ['SessionInput.user', SessionInput, { role: 'manager', user: { id: 'u1', role: 'admin' } }, 'user'],
    ['DealTransitionInput', DealTransitionInput, { to: 'approved', by: 'admin' }, ''],
    ['DealCheckInput', DealCheckInput, { customer: { company: 'Acme' }, partnerId: 'p2' }, ''],
  ];

  for (const [name, schema, value, path] of cases) {
    test(`${name} names the unknown field`, () => {
      const found = issuesOf(schema, value);
      const unknown = found.find((f) => f.code === 'unrecognized_keys');
      assert.ok(unknown, JSON.stringify(found));
      assert.equal(unknown.path, path);
      assert.equal(unknown.keys?.length, 1);
      assert.ok(unknown.message.length > 0);
    });
  }

  test('entity schemas read by clients stay open: extra fields from a newer backend are dropped', () => {
    const partner = {
      id: 'p1',
      name: 'Acme',
      type: 'reseller',
      status: 'active',
      tierId: null,
      region: null,
      country: 'VN',
      website: null,
      domains: ['acme.vn'],
      manager: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      addedInV1_1: true,
    };
    const parsed = Partner.safeParse(partner);
    assert.ok(parsed.success);
    assert.equal('addedInV1_1' in parsed.data, false);
  });
});

describe('sessions', () => {
  test('a partner session needs a partnerId', () => {
    rejects(SessionInput, { role: 'partner', user: { id: 'u1' } }, 'partnerId', 'partnerId is required for a partner session');
  });

  test('a manager session may not carry one', () => {
    rejects(SessionInput, { role: 'manager', partnerId: 'p1', user: { id: 'u1' } }, 'partnerId', 'not allowed for a manager session');
  });

  test('admin sessions are not minted, and ttl is bounded', () => {
    assert.ok(issuesOf(SessionInput, { role: 'admin', user: { id: 'u1' } }).some((f) => f.path === 'role'));
    assert.ok(issuesOf(SessionInput, { role: 'manager', user: { id: 'u1' }, ttlSeconds: 10 }).some((f) => f.path === 'ttlSeconds'));
    assert.ok(issuesOf(SessionInput, { role: 'manager', user: { id: 'u1' }, ttlSeconds: 86_401 }).some((f) => f.path === 'ttlSeconds'));
  });
});

describe('other common mistakes', () => {
  test('blank and over-long text', () => {
    rejects(PartnerInput, { name: '   ', type: 'reseller' }, 'name', 'must not be empty');
    rejects(PartnerInput, { name: 'x'.repeat(201), type: 'reseller' }, 'name', 'at most 200 characters');
    rejects(DealInput, { type: 'resell', customer: { company: '' } }, 'customer.company', 'must not be empty');
  });

  test('ids, timestamps and dates', () => {
    rejects(Id, 'has space', '', 'must be an id');
    rejects(Id, '../etc/passwd', '', 'must be an id');
    assert.equal(Timestamp.safeParse('2026-01-01T07:00:00+07:00').success, false, 'timestamps are UTC only');
    assert.equal(Timestamp.safeParse('2026-01-01T00:00:00.000Z').success, true);
    assert.equal(CalendarDate.safeParse('2026-02-30').success, false);
  });

  test('tiers and KPIs', () => {
    const tier = { rank: 1, name: 'Gold', colour: '#FFD700', benefits: [], requirements: [], dealProtectionDays: 90 };
    rejects(TierInput, { ...tier, colour: 'gold' }, 'colour', 'must be a colour such as #C0C0C0');
    assert.ok(issuesOf(TierInput, { ...tier, requirements: [{ kpiId: 'k', min: 1, window: 0 }] }).some((f) => f.path === 'requirements.0.window'));
    assert.ok(issuesOf(TierInput, { ...tier, requirements: [{ kpiId: 'k', min: -1 }] }).some((f) => f.path === 'requirements.0.min'));
    assert.ok(issuesOf(TierInput, { ...tier, dealProtectionDays: 0 }).some((f) => f.path === 'dealProtectionDays'));
    rejects(KpiInput, { name: 'Revenue', unit: 'currency', direction: 'higher_is_better', aggregation: 'sum', weight: 1 }, 'currency', 'a currency KPI needs a currency');
    assert.ok(issuesOf(KpiInput, { name: 'R', unit: 'count', direction: 'sideways', aggregation: 'sum', weight: 1 }).some((f) => f.path === 'direction'));
  });

  test('deals', () => {
    assert.ok(issuesOf(DealTransitionInput, { to: 'deleted' }).some((f) => f.path === 'to'));
    rejects(DealInput, { ...validDeal, contact: { phone: 'call me' } }, 'contact.phone', 'must be a phone number');
    assert.ok(issuesOf(DealInput, { ...validDeal, status: 'approved' }).some((f) => f.path === 'status'), 'a new deal cannot start approved');
    assert.ok(issuesOf(DealInput, { ...validDeal, customer: { company: 'Acme', country: 'Vietnam' } }).some((f) => f.path === 'customer.country'));
  });

  test('pagination and problems', () => {
    for (const limit of ['0', '201', 'abc', '-1', '1e2']) rejects(PageQuery, { limit }, 'limit', 'from 1 to 200');
    assert.ok(PageQuery.safeParse({ limit: '200' }).success);
    assert.ok(issuesOf(Problem, { type: 'x', title: 'OK', status: 200, code: 'fine' }).some((f) => f.path === 'status'));
  });
});
