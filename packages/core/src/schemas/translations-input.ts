/**
 * The `translations` field of request bodies, in a module of its own: a contract part's module
 * (scripts/size/chunks.mjs), so its check travels with the widgets that send a body with
 * translations rather than in the chunk every page shares.
 * @module
 */
import * as z from 'zod/mini';
import { MAX_TRANSLATIONS, translations } from './translations.js';

/** At most {@link MAX_TRANSLATIONS} tags, none twice without regard to case. */
const fewDistinctTags = (value: Record<string, unknown>) => {
  const tags = Object.keys(value).map((tag) => tag.toLowerCase());
  return tags.length <= MAX_TRANSLATIONS && new Set(tags).size === tags.length;
};

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
