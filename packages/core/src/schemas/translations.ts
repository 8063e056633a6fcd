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

/** At most {@link MAX_TRANSLATIONS} tags, none twice without regard to case. */
const fewDistinctTags = (value: Record<string, unknown>) => {
  const tags = Object.keys(value).map((tag) => tag.toLowerCase());
  return tags.length <= MAX_TRANSLATIONS && new Set(tags).size === tags.length;
};

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

/**
 * The `translations` field of an entity in request bodies: {@link translations}, each language
 * once (tags compared without regard to case) and at most {@link MAX_TRANSLATIONS} of them. Kept
 * off the answers' schemas, which stay open like every answer (and need not carry the check into
 * every page that reads a tier).
 */
export const translationsInput = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.$ZodType<object>>(translation: T) =>
  translations(translation).check(
    // zod's base check rather than `z.refine`, whose `$ZodCustom` would land in the chunk every
    // page shares as soon as one widget checks a body with translations (schemas/holds.ts).
    z.check<Record<string, unknown>>((payload) => {
      if (!fewDistinctTags(payload.value)) payload.issues.push({ code: 'custom', message: `must name each language once, at most ${MAX_TRANSLATIONS}`, input: payload.value, continue: true });
    }),
  );
