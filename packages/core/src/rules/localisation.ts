/**
 * Localisable programme data: which translation of an entity's names and descriptions a reader
 * in a given language gets. One rule for every entity that carries `translations` (see
 * `translations()` in the schemas), so widgets, servers and the conformance kit agree.
 * @module
 */

/** Anything that may carry translations of some of its fields. */
export interface Localisable {
  readonly translations?: Readonly<Record<string, object>> | undefined;
}

/**
 * The tags to try for `tag`, most specific first, lower-cased: `vi-VN` gives `['vi-vn', 'vi']`,
 * `zh-Hant-TW` gives `['zh-hant-tw', 'zh-hant', 'zh']` (the "lookup" of RFC 4647, section 3.4: a
 * single-letter subtag is dropped together with the subtag after it). `_` is read as `-`.
 */
export function languageFallbacks(tag: string): string[] {
  const subtags = tag.trim().toLowerCase().replaceAll('_', '-').split('-').filter(Boolean);
  const chain: string[] = [];
  for (let length = subtags.length; length > 0; length -= 1) {
    // A range may not end with a singleton (`x`, `u`, ...): skip the prefix that would.
    if (subtags[length - 1]!.length === 1) continue;
    chain.push(subtags.slice(0, length).join('-'));
  }
  return chain;
}

/**
 * The translations that apply to a reader of `tag`, least preferred first: any other variant of
 * the same language in reverse tag order (a reader in `vi` is better served by a `vi-VN`
 * translation than by the default text), then the lookup chain of {@link languageFallbacks} from
 * its shortest tag to the reader's own. Later ones win.
 */
function applicable(translations: Readonly<Record<string, object>>, tag: string): object[] {
  const byTag = new Map(Object.entries(translations).map(([key, value]) => [key.toLowerCase(), value]));
  const chain = languageFallbacks(tag);
  const primary = chain.at(-1);
  const siblings = [...byTag.keys()].filter((key) => key.startsWith(`${primary}-`) && !chain.includes(key)).sort().reverse();
  return [...siblings, ...chain.reverse()].flatMap((key) => (byTag.has(key) ? [byTag.get(key)!] : []));
}

/**
 * `entity` as a reader of `tag` sees it: each field a translation gives is taken from the first
 * translation in the chain `vi-VN` -> `vi` -> other `vi-*` that has it, else it keeps the entity's
 * own (default) text. Field by field, so a translation of the name alone still shows the default
 * description. Answers `entity` itself when nothing applies; nested entities (a tier's benefits)
 * are localised on their own.
 *
 * @example
 * localise({ name: 'Gold', translations: { vi: { name: 'Vàng' } } }, 'vi-VN').name; // 'Vàng'
 * localise({ name: 'Gold', translations: { vi: { name: 'Vàng' } } }, 'de').name; // 'Gold'
 */
export function localise<T extends object>(entity: T, tag: string): T {
  const { translations } = entity as Localisable;
  if (!translations) return entity;
  const result: Record<string, unknown> = { ...(entity as Record<string, unknown>) };
  let changed = false;
  // Least preferred first, so the most specific translation of a field is written last.
  for (const translation of applicable(translations, tag)) {
    for (const [field, text] of Object.entries(translation)) {
      // Only fields the entity has as text: a translation never adds or blanks a field.
      if (typeof text === 'string' && text !== '' && field !== 'translations' && field in entity) {
        result[field] = text;
        changed = true;
      }
    }
  }
  return changed ? (result as T) : entity;
}

/** The text of one localisable field for a reader of `tag` (see {@link localise}). */
export function localisedText<T extends object, K extends keyof T & string>(entity: T, field: K, tag: string): T[K] {
  return localise(entity, tag)[field];
}
