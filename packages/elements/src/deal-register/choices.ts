/**
 * The choices of the country and currency lists, named in the element's language by `Intl`
 * rather than by a shipped table (which would cost the widget kilobytes per language).
 * @module
 */

// Two-letter codes Intl names that are not ISO 3166-1 countries: groupings (EU, UN, ...),
// pseudo-locales, and codes withdrawn from the standard (Yugoslavia, the USSR, ...).
const NOT_COUNTRIES = new Set('ACANBUCPCQCSDDDGDYEAEUEZFXHVICNHQORHSUTATPUKUNVDXAXBYDYUZRZZ'.match(/../g));

/** Currencies offered by default; a draft's other currency is kept and offered too. */
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'SGD', 'AUD', 'CAD', 'INR', 'KRW', 'THB', 'IDR', 'MYR', 'PHP', 'VND'];

/** A value and its label for a `<select>`. */
export interface Choice {
  value: string;
  label: string;
}

const cache = new Map<string, Choice[]>();

/** ISO 3166-1 countries named in `locale`, sorted as that language sorts. */
export function countryChoices(locale: string): Choice[] {
  let choices = cache.get(`c${locale}`);
  if (!choices) {
    const names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
    choices = [];
    for (let a = 65; a < 91; a++) {
      for (let b = 65; b < 91; b++) {
        const code = String.fromCharCode(a, b);
        const label = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
        if (label && label !== code) choices.push({ value: code, label });
      }
    }
    // One collator for the whole sort: localeCompare with a locale builds one per comparison
    // (about 2,000 for this list: 9 ms of a first render on a desktop, four times that on a phone).
    const { compare } = new Intl.Collator(locale);
    choices.sort((x, y) => compare(x.label, y.label));
    cache.set(`c${locale}`, choices);
  }
  return choices;
}

/** Currencies as "USD – US Dollar" in `locale`, with `current` added when it is not a default. */
export function currencyChoices(locale: string, current: string): Choice[] {
  const names = new Intl.DisplayNames(locale, { type: 'currency', fallback: 'code' });
  const codes = CURRENCIES.includes(current) || !current ? CURRENCIES : [...CURRENCIES, current];
  return codes.map((code) => {
    let name = code;
    try {
      name = names.of(code) ?? code;
    } catch {
      // A malformed code from an old draft: shown as it is, the schema says what is wrong.
    }
    return { value: code, label: name === code ? code : `${code} – ${name}` };
  });
}
