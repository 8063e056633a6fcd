/**
 * How a resource's facts are written: its size in byte units and its language by name, through
 * `Intl` in the element's locale.
 * @module
 */

/** The number formatter of the localisation controller. */
export type FormatNumber = (value: number, options?: Intl.NumberFormatOptions) => string;

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * A size in bytes with a decimal (SI) unit, as file managers show it: "512 bytes", "2.4 MB"
 * ("2,4 MB" in Vietnamese). One fraction digit at most, none for bytes.
 */
export function formatBytes(number: FormatNumber, bytes: number): string {
  if (bytes < 1000) return number(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  let value = bytes / 1000;
  let index = 0;
  // Step up while the value would round to 1000 or more in the current unit.
  while (value >= 999.95 && index < BYTE_UNITS.length - 1) {
    value /= 1000;
    index += 1;
  }
  return number(value, { style: 'unit', unit: BYTE_UNITS[index], unitDisplay: 'short', maximumFractionDigits: 1 });
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** The name of the language `tag` in `locale` ("Vietnamese", "Tiếng Việt"); the tag if unknown. */
export function languageName(locale: string, tag: string): string {
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' })));
  try {
    return names.of(tag) ?? tag;
  } catch {
    // `of` throws RangeError for a malformed tag; show it as it came rather than failing a render.
    return tag;
  }
}
