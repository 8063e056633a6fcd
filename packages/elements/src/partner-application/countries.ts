/**
 * The country list, named in the reader's language by `Intl` rather than a shipped table. The
 * same approach as `<deal-register>`'s, not shared with it: a module both widgets import would
 * move into a chunk of its own and add a request to that widget's page.
 * @module
 */

// Two-letter codes Intl names that are not ISO 3166-1 countries (groupings, pseudo-locales, withdrawn codes).
const NOT_COUNTRIES = 'ACANBUCPCQCSDDDGDYEAEUEZFXHVICNHQORHSUTATPUKUNVDXAXBYDYUZRZZ';

const cache = new Map<string, { value: string; label: string }[]>();

/** ISO 3166-1 countries named in `locale`, sorted as that language sorts. */
export function countryChoices(locale: string): { value: string; label: string }[] {
  let choices = cache.get(locale);
  if (!choices) {
    const names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
    const skip = NOT_COUNTRIES.match(/../g)!;
    choices = [];
    for (let a = 65; a < 91; a++) {
      for (let b = 65; b < 91; b++) {
        const code = String.fromCharCode(a, b);
        const label = skip.includes(code) ? undefined : names.of(code);
        if (label && label !== code) choices.push({ value: code, label });
      }
    }
    choices.sort((x, y) => x.label.localeCompare(y.label, locale));
    cache.set(locale, choices);
  }
  return choices;
}

/** A country's name in `locale`, or its code. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
