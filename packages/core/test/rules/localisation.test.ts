import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { languageFallbacks, localise, localisedText } from '@partnerkit/core/rules';
import { Kpi, KpiInput, Resource, ResourcePatch, Tier, TierInput, translation, translations, translationsInput } from '@partnerkit/core/schemas';
import * as z from 'zod/mini';

describe('languageFallbacks', () => {
  test('drops subtags from the end, lower-cased (RFC 4647 lookup)', () => {
    assert.deepEqual(languageFallbacks('vi-VN'), ['vi-vn', 'vi']);
    assert.deepEqual(languageFallbacks('vi'), ['vi']);
    assert.deepEqual(languageFallbacks('zh-Hant-TW'), ['zh-hant-tw', 'zh-hant', 'zh']);
    assert.deepEqual(languageFallbacks('en_GB'), ['en-gb', 'en']);
  });

  test('never ends a range with a singleton', () => {
    assert.deepEqual(languageFallbacks('de-CH-x-phonebk'), ['de-ch-x-phonebk', 'de-ch', 'de']);
    assert.deepEqual(languageFallbacks(''), []);
  });
});

describe('localise', () => {
  const gold = { id: 'gold', name: 'Gold', colour: '#D4AF37', translations: { vi: { name: 'Vàng' }, 'vi-VN': { name: 'Hạng Vàng' }, de: { name: 'Gold' } } };

  test('the most specific translation wins: vi-VN, then vi, then the default', () => {
    assert.equal(localise(gold, 'vi-VN').name, 'Hạng Vàng');
    assert.equal(localise(gold, 'vi').name, 'Vàng');
    assert.equal(localise(gold, 'fr').name, 'Gold');
    assert.equal(localise({ name: 'Gold', translations: { vi: { name: 'Vàng' } } }, 'vi-VN').name, 'Vàng');
  });

  test('tags match without regard to case, both ways', () => {
    assert.equal(localise({ name: 'Gold', translations: { 'VI-vn': { name: 'Vàng' } } }, 'vi-VN').name, 'Vàng');
    assert.equal(localise({ name: 'Gold', translations: { 'vi-vn': { name: 'Vàng' } } }, 'VI-VN').name, 'Vàng');
  });

  test('a reader of a bare language gets a regional translation before the default', () => {
    assert.equal(localise({ name: 'Gold', translations: { 'vi-VN': { name: 'Vàng' } } }, 'vi').name, 'Vàng');
    // Between two regional variants, the first by tag, so the answer does not depend on key order.
    const two = { name: 'Colour', translations: { 'en-US': { name: 'Color' }, 'en-GB': { name: 'Colour (GB)' } } };
    assert.equal(localise(two, 'en').name, 'Colour (GB)');
    assert.equal(localise(two, 'en-US').name, 'Color');
  });

  test('falls back field by field', () => {
    const kpi = { name: 'Revenue', description: 'Booked revenue.', translations: { vi: { name: 'Doanh thu' }, 'vi-VN': { description: 'Doanh thu đã ghi nhận.' } } };
    assert.deepEqual(localise(kpi, 'vi-VN'), { ...kpi, name: 'Doanh thu', description: 'Doanh thu đã ghi nhận.' });
    const named = { name: 'Revenue', description: 'Booked revenue.', translations: { vi: { name: 'Doanh thu' } } };
    assert.deepEqual(localise(named, 'vi-VN'), { ...named, name: 'Doanh thu' });
    assert.equal(localisedText(named, 'description', 'vi'), 'Booked revenue.');
  });

  test('answers the entity itself when nothing applies, and never changes it', () => {
    const plain = { name: 'Gold' };
    assert.equal(localise(plain, 'vi'), plain);
    assert.equal(localise(gold, 'fr'), gold);
    const before = structuredClone(gold);
    localise(gold, 'vi');
    assert.deepEqual(gold, before);
  });

  test('a translation never adds a field, blanks one, or replaces translations', () => {
    const benefit = { label: 'Portal access', translations: { vi: { label: 'Truy cập cổng đối tác', value: '10%', translations: 'x' } } };
    const seen = localise(benefit as typeof benefit & { value?: string }, 'vi');
    assert.equal(seen.label, 'Truy cập cổng đối tác');
    assert.equal('value' in seen, false);
    assert.equal(seen.translations, benefit.translations);
    assert.equal(localise({ name: 'Gold', translations: { vi: { name: '' } } }, 'vi').name, 'Gold');
  });

  test('property: the answer is the default or one of the translations, field by field', () => {
    const tag = fc.constantFrom('vi', 'vi-VN', 'vi-vn', 'en', 'en-GB', 'fr', 'zh-Hant-TW', 'zh-Hant', 'zh');
    fc.assert(
      fc.property(fc.dictionary(tag, fc.record({ name: fc.string({ minLength: 1 }) }, { requiredKeys: [] })), tag, (given, reader) => {
        const entity = { name: 'default', translations: given };
        const name = localise(entity, reader).name;
        const candidates = ['default', ...Object.values(given).flatMap((t) => (t.name ? [t.name] : []))];
        assert.ok(candidates.includes(name));
        // A translation under the reader's exact tag always wins.
        const exact = Object.entries(given).find(([t]) => t.toLowerCase() === reader.toLowerCase())?.[1]?.name;
        if (exact !== undefined && Object.keys(given).filter((t) => t.toLowerCase() === reader.toLowerCase()).length === 1) assert.equal(name, exact);
      }),
    );
  });
});

describe('translations() and translationsInput()', () => {
  const name = translation({ name: z.string().check(z.minLength(1), z.maxLength(5)) });
  const schema = translationsInput(name);

  test('keys are BCP 47 tags, values any subset of the fields, with the fields\' own limits', () => {
    assert.equal(schema.safeParse({ vi: { name: 'Vàng' }, 'zh-Hant-TW': {} }).success, true);
    assert.equal(schema.safeParse({ Vietnamese: { name: 'Vàng' } }).success, false);
    assert.equal(schema.safeParse({ vi: { name: 'much too long' } }).success, false);
    assert.equal(schema.safeParse({ vi: { nmae: 'Vàng' } }).success, false, 'an unknown field is refused');
  });

  test('each language once, without regard to case, in request bodies; answers stay open', () => {
    const twice = { 'vi-VN': { name: 'a' }, 'vi-vn': { name: 'b' } };
    const result = schema.safeParse(twice);
    assert.equal(result.success, false);
    assert.match(JSON.stringify(result.error?.issues), /each language once/);
    assert.equal(translations(name).safeParse(twice).success, true);
    // The inputs of every entity hold to it.
    const kpi = { name: 'Revenue', unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 1 };
    assert.equal(KpiInput.safeParse({ ...kpi, translations: { 'vi-VN': { name: 'a' }, 'vi-vn': { name: 'b' } } }).success, false);
    assert.equal(ResourcePatch.safeParse({ translations: { vi: { title: 'a' }, 'vi-vn': { title: 'b' }, 'VI-VN': { title: 'c' } } }).success, false);
    assert.equal(ResourcePatch.safeParse({ translations: { vi: { title: 'a' }, 'vi-VN': { title: 'b' } } }).success, true);
  });

  test('at most 50 languages', () => {
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${String(i).padStart(2, '0')}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!), { name: 'a' }]));
    assert.equal(schema.safeParse(many(50)).success, true);
    assert.equal(schema.safeParse(many(51)).success, false);
  });

  test('tiers, their benefits, KPIs and resources carry them, and inputs accept them', () => {
    const stamp = '2026-01-01T00:00:00.000Z';
    const tier = { id: 't', rank: 1, name: 'Gold', colour: '#D4AF37', benefits: [{ label: 'Discount', value: '25%', translations: { vi: { label: 'Chiết khấu' } } }], requirements: [], dealProtectionDays: 90, translations: { vi: { name: 'Vàng' } }, createdAt: stamp, updatedAt: stamp };
    assert.deepEqual(Tier.parse(tier).translations, { vi: { name: 'Vàng' } });
    assert.deepEqual(Tier.parse(tier).benefits[0]?.translations, { vi: { label: 'Chiết khấu' } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = tier;
    assert.equal(TierInput.safeParse(input).success, true);
    assert.equal(TierInput.safeParse({ ...input, translations: { vi: { colour: '#000000' } } }).success, false, 'only names are localisable');
    const kpi = Kpi.parse({ id: 'k', name: 'Revenue', description: null, unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 1, translations: { vi: { name: 'Doanh thu', description: 'Doanh thu đã ghi nhận.' } }, createdAt: stamp, updatedAt: stamp });
    assert.equal(kpi.translations?.vi?.description, 'Doanh thu đã ghi nhận.');
    const resource = Resource.shape.translations;
    assert.equal(resource.safeParse({ vi: { title: 'Hướng dẫn', description: 'Mô tả' } }).success, true);
    assert.equal(resource.safeParse({ vi: { name: 'Hướng dẫn' } }).success, false);
  });

  test('responses without translations still parse (a backend of an earlier 1.x)', () => {
    assert.equal(Tier.shape.translations.safeParse(undefined).success, true);
  });
});
