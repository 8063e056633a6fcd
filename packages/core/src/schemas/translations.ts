/**
 * Localisable programme data: the one shape every programme entity uses to carry its names and
 * descriptions in other languages (tiers and their benefits, KPIs, resources, and every entity
 * added later). The entity's own fields are the default text; `translations` gives the same
 * fields per BCP 47 language tag, each translation any subset of them. `localise` in core's rules
 * picks the text for a language with a fallback chain (`vi-VN` -> `vi` -> the default).
 * @module
 */
import * as z from 'zod/mini';
import { LanguageTag } from './common.js';

/** How many languages one entity may carry translations for. */
export const MAX_TRANSLATIONS = 50;

/** An entity's translations as the types see them: tag to a subset of its localisable fields. */
export type Translations<Fields> = Record<string, Partial<Fields>>;


/**
 * One language's text of an entity's localisable `fields` (the same schemas as the entity's own
 * fields, so a translation obeys the same limits): any subset of them, and nothing else, so a
 * misspelt field is an error rather than a translation nobody sees. Export it under a name
 * (`TierTranslation`), so the OpenAPI document shows it once.
 */
export const translation = /* @__NO_SIDE_EFFECTS__ */ <const Shape extends z.core.$ZodLooseShape>(fields: Shape) =>
  z.strictObject(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, z.optional(v)])) as { [K in keyof Shape]: z.ZodMiniOptional<Shape[K]> });

/**
 * The `translations` field of an entity in answers: its {@link translation} per BCP 47 language
 * tag. Request bodies use {@link translationsInput}, which also holds each language to once.
 *
 * ```ts
 * export const TierTranslation = translation({ name: text(100) });
 * const Tier = z.object({ name: text(100), ..., translations: z.optional(translations(TierTranslation)) });
 * // { "name": "Gold", "translations": { "vi": { "name": "Vàng" }, "de-CH": { "name": "Gold" } } }
 * ```
 *
 * Tags are compared without regard to case (`vi-VN` and `vi-vn` are one language, so only one
 * may appear); a field a translation leaves out falls back, it is never blank.
 */
export const translations = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.$ZodType<object>>(translation: T) =>
  z.record(LanguageTag, translation);
