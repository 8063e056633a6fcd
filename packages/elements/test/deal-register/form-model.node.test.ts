/**
 * `<deal-register>`'s pure logic in Node: amounts typed in a language into minor units, contract
 * paths to form fields, drafts into `DealInput` (with the contract's own schema), the draft store
 * without `localStorage`, and the moves offered per role.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount } from '../../src/deal-register/amount.js';
import { buildDealInput, emptyValues, fieldOfPath, type DraftValues } from '../../src/deal-register/form-model.js';
import { DraftStore } from '../../src/deal-register/draft-store.js';
import { dealActions } from '../../src/deal-register/list/actions.js';

const draft = (values: Partial<DraftValues>): DraftValues => ({ ...emptyValues('USD'), ...values });

test('amounts typed in major units become minor units by the currency and the language', () => {
  assert.deepEqual(parseAmount('12,500.50', 'en', 'USD'), { ok: true, minor: 1_250_050 });
  assert.deepEqual(parseAmount(' 12500.5 ', 'en', 'USD'), { ok: true, minor: 1_250_050 });
  assert.deepEqual(parseAmount('12.500,5', 'vi', 'USD'), { ok: true, minor: 1_250_050 });
  assert.deepEqual(parseAmount('2.500.000.000', 'vi', 'VND'), { ok: true, minor: 2_500_000_000 });
  assert.deepEqual(parseAmount('1 234', 'en', 'USD'), { ok: true, minor: 123_400 });
  assert.deepEqual(parseAmount('100', 'en', 'JPY'), { ok: true, minor: 100 });
  assert.deepEqual(parseAmount('0', 'en', 'USD'), { ok: true, minor: 0 });
});

test('amounts that cannot be read say how to write them, never a silent misread', () => {
  // A comma as decimal separator in an English form is not read as 123,456.
  assert.deepEqual(parseAmount('1234,56', 'en', 'USD'), { ok: false, problem: { key: 'deal.err.amount', params: { example: '12,500.50' } } });
  assert.deepEqual(parseAmount('12,5', 'en', 'USD').ok, false);
  assert.deepEqual(parseAmount('-5', 'en', 'USD').ok, false);
  assert.deepEqual(parseAmount('$5', 'en', 'USD').ok, false);
  assert.deepEqual(parseAmount('5e3', 'en', 'USD').ok, false);
  assert.deepEqual(parseAmount('mười', 'vi', 'VND'), { ok: false, problem: { key: 'deal.err.amount', params: { example: '12.500' } } });
  assert.deepEqual(parseAmount('1.5', 'en', 'VND'), { ok: false, problem: { key: 'deal.err.amountWhole', params: { currency: 'VND' } } });
  assert.deepEqual(parseAmount('12.345', 'en', 'USD'), { ok: false, problem: { key: 'deal.err.amountDecimals', params: { currency: 'USD', digits: 2 } } });
  assert.deepEqual(parseAmount('99999999999999999', 'en', 'USD'), { ok: false, problem: { key: 'deal.err.amountLarge' } });
});

test('contract paths lead to form fields', () => {
  assert.equal(fieldOfPath(['customer', 'company']), 'company');
  assert.equal(fieldOfPath('customer.domain'), 'domain');
  assert.equal(fieldOfPath('/contact/email'), 'email');
  assert.equal(fieldOfPath(['contact', 'name']), 'contactName');
  assert.equal(fieldOfPath('products[3]'), 'products');
  assert.equal(fieldOfPath(['amount', 'currency']), 'currency');
  assert.equal(fieldOfPath(['amount', 'amount']), 'amount');
  assert.equal(fieldOfPath('expectedCloseDate'), 'closeDate');
  assert.equal(fieldOfPath('type'), 'type');
  assert.equal(fieldOfPath('partnerId'), undefined);
  assert.equal(fieldOfPath(['customer', 'region']), undefined);
});

test('a draft becomes the contract input: trimmed, blank fields left out, validated by DealInput', () => {
  const built = buildDealInput(
    draft({ company: '  Contoso  ', domain: ' contoso.example ', type: 'co_sell', products: 'Cloud\n\n  Support  \n', amount: '1,000', email: '' }),
    'en',
  );
  assert.deepEqual(built, {
    ok: true,
    input: {
      type: 'co_sell',
      customer: { company: 'Contoso', domain: 'contoso.example' },
      products: ['Cloud', 'Support'],
      amount: { amount: 100_000, currency: 'USD' },
    },
  });
  assert.deepEqual(buildDealInput(draft({ company: 'A', type: 'resell' }), 'en', 'p_1'), {
    ok: true,
    input: { partnerId: 'p_1', type: 'resell', customer: { company: 'A' } },
  });
});

test('every problem of a draft is listed in form order with a key that says how to fix it', () => {
  const built = buildDealInput(
    draft({ company: 'x'.repeat(201), email: 'nope', phone: 'call me', products: `ok\n\n${'p'.repeat(201)}`, country: 'Vietnam', closeDate: '31/12/2026', amount: 'abc' }),
    'en',
  );
  assert.equal(built.ok, false);
  if (built.ok) return;
  assert.deepEqual(
    built.problems.map((p) => [p.field, p.key, p.params ?? null]),
    [
      ['company', 'deal.err.tooLong', { max: 200, count: 201 }],
      ['country', 'deal.err.country', null],
      ['email', 'deal.err.email', null],
      ['phone', 'deal.err.phone', null],
      ['type', 'deal.err.type', null],
      ['products', 'deal.err.productTooLong', { line: 3, max: 200, count: 201 }],
      ['amount', 'deal.err.amount', { example: '12,500.50' }],
      ['closeDate', 'deal.err.closeDate', null],
    ],
  );
  const blank = buildDealInput(draft({ company: '   ', type: 'resell' }), 'en');
  assert.deepEqual(blank.ok ? [] : blank.problems.map((p) => p.key), ['deal.err.company']);
  const many = buildDealInput(draft({ company: 'A', type: 'resell', products: Array.from({ length: 51 }, (_, i) => `P${i}`).join('\n') }), 'en');
  assert.deepEqual(many.ok ? [] : many.problems, [{ field: 'products', key: 'deal.err.tooMany', params: { max: 50, count: 51 } }]);
});

test('without localStorage (Node, blocked storage) drafts and the queue live in memory', () => {
  const store = new DraftStore('p_1', 'default');
  assert.equal(store.key, 'partnerkit:deal-register:p_1:default');
  assert.equal(store.draft(), undefined);
  store.save('draft', { values: draft({ company: 'Contoso' }), key: 'k-1' });
  store.save('queued', { key: 'k-1', input: { type: 'resell', customer: { company: 'Contoso' } }, queuedAt: '2026-11-30T00:00:00.000Z', cause: 'offline' });
  const again = new DraftStore('p_1', 'default');
  assert.equal(again.draft()?.values.company, 'Contoso');
  assert.equal(again.queued()?.key, 'k-1');
  assert.equal(new DraftStore('p_2', 'default').draft(), undefined, 'per partner');
  assert.equal(new DraftStore('p_1', 'other').draft(), undefined, 'per instance');
  again.clear('queued');
  assert.equal(again.queued(), undefined);
  assert.equal(again.draft()?.key, 'k-1');
  again.clear();
  assert.equal(again.draft(), undefined);
});

test('the moves offered follow the lifecycle per role, with one protection extension', () => {
  const labels = (status: Parameters<typeof dealActions>[0]['status'], role: Parameters<typeof dealActions>[1], extensions = 0) =>
    dealActions({ status, extensions }, role).map((a) => `${a.label}:${a.reason}`);
  assert.deepEqual(labels('submitted', 'partner'), ['withdrawn:required']);
  assert.deepEqual(labels('needs_info', 'partner'), ['submitted:optional', 'withdrawn:required']);
  assert.deepEqual(labels('approved', 'partner'), ['won:optional', 'lost:optional']);
  assert.deepEqual(labels('submitted', 'manager'), ['under_review:optional', 'needs_info:required', 'approved:optional', 'rejected:required']);
  assert.deepEqual(labels('approved', 'manager'), ['extend:optional', 'won:optional', 'lost:optional']);
  assert.deepEqual(labels('approved', 'manager', 1), ['won:optional', 'lost:optional']);
  for (const status of ['rejected', 'won', 'lost', 'expired', 'withdrawn'] as const) assert.deepEqual(labels(status, 'manager'), []);
  assert.equal(dealActions({ status: 'submitted', extensions: 0 }, 'manager').find((a) => a.to === 'rejected')?.closingCode, true);
});
