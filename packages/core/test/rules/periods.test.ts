import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  comparePeriods,
  currentPeriod,
  formatPeriod,
  isPeriod,
  monthsOf,
  parsePeriod,
  periodBounds,
  periodContains,
  periodGrain,
  periodOf,
  periodOfMonth,
  periodRange,
  previousPeriods,
  shiftPeriod,
  trailingMonths,
  type ParsedPeriod,
  type PeriodGrain,
} from '@partnerkit/core/rules';
import { Period } from '@partnerkit/core/schemas';

const grain = fc.constantFrom<PeriodGrain>('month', 'quarter', 'half', 'year');
const parsed: fc.Arbitrary<ParsedPeriod> = grain.chain((g) =>
  fc.record({
    grain: fc.constant(g),
    year: fc.integer({ min: 0, max: 9999 }),
    index: fc.integer({ min: 1, max: { month: 12, quarter: 4, half: 2, year: 1 }[g] }),
  }),
);
/** Periods far enough from years 0 and 9999 that shifting by a few hundred steps stays in range. */
const midPeriod = parsed.filter((p) => p.year >= 1000 && p.year <= 9000).map(formatPeriod);
const period = parsed.map(formatPeriod);

describe('parsePeriod and formatPeriod', () => {
  test('parse the four forms', () => {
    assert.deepEqual(parsePeriod('2026-07'), { grain: 'month', year: 2026, index: 7 });
    assert.deepEqual(parsePeriod('2026-Q3'), { grain: 'quarter', year: 2026, index: 3 });
    assert.deepEqual(parsePeriod('2026-H2'), { grain: 'half', year: 2026, index: 2 });
    assert.deepEqual(parsePeriod('2026'), { grain: 'year', year: 2026, index: 1 });
    assert.deepEqual(parsePeriod('0007-01'), { grain: 'month', year: 7, index: 1 });
  });

  test('reject malformed periods with a RangeError that names the value', () => {
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '2026-Q0', '26-07', '2026-7', '2026-q3', ' 2026', '2026-07-01', '', 'H1-2026', '2026-W01', '2026-H0', '2026-H3', '2026-h1', '2026-S1']) {
      assert.equal(isPeriod(bad), false, bad);
      assert.throws(() => parsePeriod(bad), (error: unknown) => error instanceof RangeError && error.message.includes(JSON.stringify(bad)));
    }
  });

  test('format pads years and months and refuses out-of-range parts', () => {
    assert.equal(formatPeriod({ grain: 'month', year: 7, index: 3 }), '0007-03');
    assert.equal(formatPeriod({ grain: 'quarter', year: 2026, index: 4 }), '2026-Q4');
    assert.equal(formatPeriod({ grain: 'half', year: 2026, index: 1 }), '2026-H1');
    assert.equal(formatPeriod({ grain: 'year', year: 2026, index: 1 }), '2026');
    assert.throws(() => formatPeriod({ grain: 'half', year: 2026, index: 3 }), RangeError);
    assert.throws(() => formatPeriod({ grain: 'month', year: 2026, index: 13 }), RangeError);
    assert.throws(() => formatPeriod({ grain: 'quarter', year: 2026, index: 0 }), RangeError);
    assert.throws(() => formatPeriod({ grain: 'year', year: 10000, index: 1 }), RangeError);
    assert.throws(() => formatPeriod({ grain: 'month', year: 2026.5, index: 1 }), RangeError);
  });

  test('property: format(parse(text)) is text and parse(format(p)) is p', () => {
    fc.assert(
      fc.property(parsed, (p) => {
        const text = formatPeriod(p);
        assert.deepEqual(parsePeriod(text), { ...p });
        assert.equal(formatPeriod(parsePeriod(text)), text);
        assert.equal(periodGrain(text), p.grain);
      }),
    );
  });

  test('property: isPeriod agrees with the Period schema on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{4}(-\d{2}|-[QH]\d)?$/), period), (text) => {
        assert.equal(isPeriod(text), Period.safeParse(text).success);
      }),
    );
  });
});

describe('periodBounds and monthsOf', () => {
  test('bounds are UTC, end exclusive', () => {
    const q = periodBounds('2026-Q3');
    assert.equal(q.start.toISOString(), '2026-07-01T00:00:00.000Z');
    assert.equal(q.end.toISOString(), '2026-10-01T00:00:00.000Z');
    const dec = periodBounds('2026-12');
    assert.equal(dec.end.toISOString(), '2027-01-01T00:00:00.000Z');
    const year = periodBounds('2024');
    assert.equal(year.start.toISOString(), '2024-01-01T00:00:00.000Z');
    assert.equal(year.end.toISOString(), '2025-01-01T00:00:00.000Z');
    const half = periodBounds('2026-H2');
    assert.equal(half.start.toISOString(), '2026-07-01T00:00:00.000Z');
    assert.equal(half.end.toISOString(), '2027-01-01T00:00:00.000Z');
    // Date.UTC maps years 0-99 to 1900-1999; the bounds must not.
    assert.equal(periodBounds('0050-02').start.getUTCFullYear(), 50);
  });

  test('months of each grain', () => {
    assert.deepEqual(monthsOf('2026-05'), ['2026-05']);
    assert.deepEqual(monthsOf('2026-Q4'), ['2026-10', '2026-11', '2026-12']);
    assert.deepEqual(monthsOf('2026-H1'), ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    assert.equal(monthsOf('2026').length, 12);
    assert.equal(monthsOf('2026')[0], '2026-01');
    assert.equal(monthsOf('2026')[11], '2026-12');
  });

  test('property: the months tile the bounds exactly', () => {
    fc.assert(
      fc.property(period, (p) => {
        const months = monthsOf(p);
        const { start, end } = periodBounds(p);
        assert.equal(periodBounds(months[0] as string).start.getTime(), start.getTime());
        assert.equal(periodBounds(months.at(-1) as string).end.getTime(), end.getTime());
        for (const month of months) assert.ok(periodContains(p, month));
        for (let i = 1; i < months.length; i += 1) {
          assert.equal(periodBounds(months[i - 1] as string).end.getTime(), periodBounds(months[i] as string).start.getTime());
        }
      }),
    );
  });
});

describe('shiftPeriod, previousPeriods, trailingMonths, periodRange', () => {
  test('shift across year boundaries', () => {
    assert.equal(shiftPeriod('2026-01', -1), '2025-12');
    assert.equal(shiftPeriod('2026-Q1', -1), '2025-Q4');
    assert.equal(shiftPeriod('2026-Q4', 1), '2027-Q1');
    assert.equal(shiftPeriod('2026', -3), '2023');
    assert.equal(shiftPeriod('2026-H2', 1), '2027-H1');
    assert.equal(shiftPeriod('2026-H1', -3), '2024-H2');
    assert.equal(shiftPeriod('2026-07', 0), '2026-07');
    assert.equal(shiftPeriod('2026-11', 14), '2028-01');
    assert.throws(() => shiftPeriod('9999-12', 1), RangeError);
    assert.throws(() => shiftPeriod('0000-Q1', -1), RangeError);
    assert.throws(() => shiftPeriod('2026', 0.5), RangeError);
  });

  test('property: shifting by n then -n is the identity, and shifts compose', () => {
    fc.assert(
      fc.property(midPeriod, fc.integer({ min: -300, max: 300 }), fc.integer({ min: -300, max: 300 }), (p, n, m) => {
        assert.equal(shiftPeriod(shiftPeriod(p, n), -n), p);
        assert.equal(shiftPeriod(shiftPeriod(p, n), m), shiftPeriod(p, n + m));
        assert.equal(periodGrain(shiftPeriod(p, n)), periodGrain(p));
        assert.equal(Math.sign(comparePeriods(shiftPeriod(p, n), p)), Math.sign(n));
      }),
    );
  });

  test('previous periods end with the period, oldest first', () => {
    assert.deepEqual(previousPeriods('2026-02', 3), ['2025-12', '2026-01', '2026-02']);
    assert.deepEqual(previousPeriods('2026-Q1', 2), ['2025-Q4', '2026-Q1']);
    assert.deepEqual(previousPeriods('2026', 0), []);
    assert.throws(() => previousPeriods('2026', -1), RangeError);
    assert.throws(() => previousPeriods('nope', 2), RangeError);
  });

  test('property: previousPeriods has length n, is strictly ascending by one step, and ends with the period', () => {
    fc.assert(
      fc.property(midPeriod, fc.integer({ min: 0, max: 60 }), (p, n) => {
        const list = previousPeriods(p, n);
        assert.equal(list.length, n);
        if (n > 0) assert.equal(list.at(-1), p);
        for (let i = 1; i < list.length; i += 1) {
          assert.equal(shiftPeriod(list[i - 1] as string, 1), list[i]);
          assert.ok(comparePeriods(list[i - 1] as string, list[i] as string) < 0);
        }
      }),
    );
  });

  test('trailing months end with the last month of the period', () => {
    assert.deepEqual(trailingMonths('2026-Q2', 3), ['2026-04', '2026-05', '2026-06']);
    assert.deepEqual(trailingMonths('2026-03', 2), ['2026-02', '2026-03']);
    const twelve = trailingMonths('2026', 12);
    assert.deepEqual(twelve, monthsOf('2026'));
    assert.deepEqual(trailingMonths('2026-Q1', 12)[0], '2025-04');
    assert.deepEqual(trailingMonths('2026-H2', 6), monthsOf('2026-H2'));
  });

  test('ranges include both ends and refuse mixed grains', () => {
    assert.deepEqual(periodRange('2025-Q3', '2026-Q1'), ['2025-Q3', '2025-Q4', '2026-Q1']);
    assert.deepEqual(periodRange('2026-05', '2026-05'), ['2026-05']);
    assert.deepEqual(periodRange('2026-05', '2026-04'), []);
    assert.deepEqual(periodRange('2025-H2', '2026-H2'), ['2025-H2', '2026-H1', '2026-H2']);
    assert.throws(() => periodRange('2026-05', '2026-Q2'), RangeError);
    assert.throws(() => periodRange('2026-Q1', '2026-H1'), RangeError);
  });

  test('property: periodRange(a, shift(a, n)) has n + 1 periods', () => {
    fc.assert(
      fc.property(midPeriod, fc.integer({ min: 0, max: 100 }), (p, n) => {
        const list = periodRange(p, shiftPeriod(p, n));
        assert.equal(list.length, n + 1);
        assert.equal(list[0], p);
      }),
    );
  });
});

describe('periodOf, currentPeriod, comparePeriods', () => {
  test('dates are read in UTC, not local time', () => {
    // 23:30 on 30 June UTC is already July in UTC+7; the period must still be June / Q2.
    const lateJune = new Date('2026-06-30T23:30:00.000Z');
    assert.equal(periodOf(lateJune, 'month'), '2026-06');
    assert.equal(periodOf(lateJune, 'quarter'), '2026-Q2');
    assert.equal(periodOf(lateJune, 'half'), '2026-H1');
    assert.equal(periodOf(lateJune, 'year'), '2026');
    assert.equal(periodOf(new Date('2026-07-01T00:00:00.000Z'), 'half'), '2026-H2');
    assert.equal(periodOf(new Date('2026-07-01T00:00:00.000Z'), 'quarter'), '2026-Q3');
    assert.equal(currentPeriod('quarter', new Date('2026-11-30T12:00:00Z')), '2026-Q4');
    assert.throws(() => periodOf(new Date('nope'), 'month'), RangeError);
    assert.throws(() => periodOf(new Date('+010000-01-01T00:00:00Z'), 'year'), RangeError);
  });

  test('property: periodOf(d) contains d, and periodOfMonth agrees with periodOf', () => {
    const date = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
    fc.assert(
      fc.property(date, grain, (d, g) => {
        const p = periodOf(d, g);
        const { start, end } = periodBounds(p);
        assert.ok(start.getTime() <= d.getTime() && d.getTime() < end.getTime());
        assert.equal(periodOfMonth(periodOf(d, 'month'), g), p);
      }),
    );
  });

  test('order is by start, then shorter first', () => {
    const sorted = ['2026', '2026-02', '2026-H1', '2026-Q1', '2025-12', '2026-01', '2026-H2'].sort(comparePeriods);
    assert.deepEqual(sorted, ['2025-12', '2026-01', '2026-Q1', '2026-H1', '2026', '2026-02', '2026-H2']);
    assert.equal(comparePeriods('2026-Q2', '2026-Q2'), 0);
  });

  test('property: a half holds its two quarters, and a year its two halves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1, 2), (year, index) => {
        const half = formatPeriod({ grain: 'half', year, index });
        const quarters = monthsOf(half).map((m) => periodOfMonth(m, 'quarter'));
        assert.deepEqual([...new Set(quarters)], [formatPeriod({ grain: 'quarter', year, index: 2 * index - 1 }), formatPeriod({ grain: 'quarter', year, index: 2 * index })]);
        assert.ok(periodContains(formatPeriod({ grain: 'year', year, index: 1 }), half));
        assert.ok(!periodContains(half, formatPeriod({ grain: 'year', year, index: 1 })));
      }),
    );
  });

  test('periodOfMonth refuses non-months', () => {
    assert.equal(periodOfMonth('2026-05', 'quarter'), '2026-Q2');
    assert.equal(periodOfMonth('2026-06', 'half'), '2026-H1');
    assert.equal(periodOfMonth('2026-07', 'half'), '2026-H2');
    assert.throws(() => periodOfMonth('2026-Q2', 'year'), RangeError);
  });
});
