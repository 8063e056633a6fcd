/**
 * Intl formatting for the baselines, with formatters cached the way a careful hand-written page
 * would cache them (the widgets' localisation controller caches too).
 * @module
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.DisplayNames>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) cache.set(key, (formatter = make()));
  return formatter;
}

const LANG = 'en';

export const number = (value: number, digits = 1) =>
  cached(`n${digits}`, () => new Intl.NumberFormat(LANG, { maximumFractionDigits: digits })).format(value);

export const percent = (value: number, digits = 0) =>
  cached(`p${digits}`, () => new Intl.NumberFormat(LANG, { style: 'percent', maximumFractionDigits: digits })).format(value);

/** Money in minor units (two fraction digits for the currencies of the fixtures). */
export const money = (amount: number, currency: string, whole = false) =>
  cached(`m${currency}${whole}`, () =>
    new Intl.NumberFormat(LANG, { style: 'currency', currency, ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) }),
  ).format(amount / 100);

export const date = (value: string | number, style: 'medium' | 'long' = 'medium') =>
  cached(`d${style}`, () => new Intl.DateTimeFormat(LANG, { dateStyle: style, timeZone: 'UTC' })).format(new Date(value));

export const dateTime = (value: string) =>
  cached('dt', () => new Intl.DateTimeFormat(LANG, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(value));

/** "in 12 days", "3 hours ago": the largest unit that fits. */
export function relative(value: string, now = Date.now()): string {
  const format = cached('rt', () => new Intl.RelativeTimeFormat(LANG, { numeric: 'always' }));
  const seconds = (Date.parse(value) - now) / 1000;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31_536_000], ['month', 2_592_000], ['day', 86_400], ['hour', 3_600], ['minute', 60]];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(Math.round(seconds), 'second');
}

export const languageName = (tag: string) => cached('ln', () => new Intl.DisplayNames(LANG, { type: 'language' })).of(tag) ?? tag;
