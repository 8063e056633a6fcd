/**
 * The words of field errors: one wording for the server's problem documents and the client's
 * errors, from zod's structured issues, never from the value received.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import { DealInput, describeIssue, fieldErrors, formatIssuePath, text, translation, translations } from '@partnerkit/core/schemas';

/** The field errors of `value` against `schema`; fails the test if it parsed. */
function errorsOf(schema: z.ZodMiniType, value: unknown, withInput = true) {
  const result = schema.safeParse(value);
  assert.equal(result.success, false, `expected ${JSON.stringify(value)} to be rejected`);
  return fieldErrors(result.error?.issues ?? [], withInput ? value : undefined);
}

const Shape = z.strictObject({
  name: z.string().check(z.minLength(2), z.maxLength(5)),
  kind: z.enum(['a', 'b']),
  version: z.literal(1),
  tags: z.array(z.string()).check(z.minLength(1), z.maxLength(2)),
  share: z.number().check(z.gt(0), z.lte(100), z.multipleOf(5)),
  code: z.string().check(z.regex(/^[A-Z]+$/)),
  nested: z.optional(z.strictObject({ on: z.boolean() })),
});
const valid = { name: 'abc', kind: 'a', version: 1, tags: ['x'], share: 50, code: 'AB' };

describe('field error wording', () => {
  test('a missing field is required, naming the accepted values where there are some', () => {
    assert.deepEqual(errorsOf(Shape, {}), [
      { path: 'name', message: 'is required' },
      { path: 'kind', message: 'is required: one of "a", "b"' },
      { path: 'version', message: 'is required: 1' },
      { path: 'tags', message: 'is required' },
      { path: 'share', message: 'is required' },
      { path: 'code', message: 'is required' },
    ]);
  });

  test('without the input a missing field reads as the type expected', () => {
    assert.deepEqual(errorsOf(Shape, { ...valid, name: undefined }, false), [{ path: 'name', message: 'must be a string' }]);
  });

  test('wrong types and values say what is expected', () => {
    assert.deepEqual(errorsOf(Shape, { ...valid, name: 4, kind: 'c', version: 2, tags: 'x', nested: { on: 'yes' } }), [
      { path: 'name', message: 'must be a string' },
      { path: 'kind', message: 'must be one of "a", "b"' },
      { path: 'version', message: 'must be 1' },
      { path: 'tags', message: 'must be an array' },
      { path: 'nested.on', message: 'must be true or false' },
    ]);
  });

  test('sizes count characters, items or the number itself', () => {
    const small = errorsOf(Shape, { ...valid, name: 'a', tags: [], share: 0 });
    assert.deepEqual(small, [
      { path: 'name', message: 'must be at least 2 characters' },
      { path: 'tags', message: 'must have at least 1 items' },
      { path: 'share', message: 'must be more than 0' },
    ]);
    const big = errorsOf(Shape, { ...valid, name: 'abcdef', tags: ['x', 'y', 'z'], share: 105 });
    assert.deepEqual(big, [
      { path: 'name', message: 'must be at most 5 characters' },
      { path: 'tags', message: 'must have at most 2 items' },
      { path: 'share', message: 'must be at most 100' },
    ]);
  });

  test('steps and patterns', () => {
    assert.deepEqual(errorsOf(Shape, { ...valid, share: 7, code: 'ab' }), [
      { path: 'share', message: 'must be a multiple of 5' },
      { path: 'code', message: 'does not have the expected format' },
    ]);
  });

  test('each unknown field is its own error, at its own path', () => {
    const errors = errorsOf(Shape, { ...valid, extra: 1, nested: { on: true, off: false, more: 1 } });
    assert.deepEqual(
      errors.sort((a, b) => a.path.localeCompare(b.path)),
      ['extra', 'nested.more', 'nested.off'].map((path) => ({ path, message: 'is not a known field' })),
    );
  });

  test("a schema's own message wins", () => {
    const errors = errorsOf(DealInput, { type: 'resell', customer: { company: 'Acme' }, amount: { amount: 1, currency: 'usd' } });
    assert.deepEqual(errors, [{ path: 'amount.currency', message: 'must be a 3-letter ISO 4217 code such as USD' }]);
  });

  test('describeIssue and formatIssuePath on their own', () => {
    const result = z.strictObject({ a: z.string() }).safeParse({ a: 1, b: 2, c: 3 });
    const issues = result.error?.issues ?? [];
    assert.deepEqual(issues.map((issue) => describeIssue(issue)), ['must be a string', 'has 2 unknown fields']);
    assert.equal(formatIssuePath(['data', 3, 'value']), 'data.3.value');
    assert.equal(formatIssuePath([]), '');
  });
});

test('a record key that breaks its schema says what a key must be', () => {
  const schema = translations(translation({ name: text(10) }));
  assert.deepEqual(errorsOf(schema, { VI: { name: 'x' } }), [{ path: 'VI', message: 'must be a language tag such as en or vi-VN' }]);
});
