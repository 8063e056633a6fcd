/**
 * Tiers: the ordered levels of a partner programme (rank 1 is the lowest).
 * @module
 */
import * as z from 'zod/mini';
import { Id, Timestamp, text } from './common.js';
import { translation, translations } from './translations.js';
import { translationsInput } from './translations-input.js';

/** One qualification rule: the KPI's value must reach `min`. */
export const TierRequirement = /* @__PURE__ */ z.object({
  kpiId: Id,
  min: /* @__PURE__ */ z.number().check(z.gte(0)),
  /**
   * Trailing window in months, ending with the evaluated period. Absent: the evaluated period
   * itself.
   */
  window: z.optional(/* @__PURE__ */ z.int().check(z.gte(1), z.lte(36))),
});
export type TierRequirement = z.infer<typeof TierRequirement>;

const benefitText = { label: text(200), value: text(200) };

/** A benefit's `label` and `value` in one language. */
export const TierBenefitTranslation = /* @__PURE__ */ translation(benefitText);
export type TierBenefitTranslation = z.infer<typeof TierBenefitTranslation>;

export const TierBenefit = /* @__PURE__ */ z.object({
  label: benefitText.label,
  value: z.optional(benefitText.value),
  /** `label` and `value` in other languages, by BCP 47 tag. */
  translations: z.optional(translations(TierBenefitTranslation)),
});
export type TierBenefit = z.infer<typeof TierBenefit>;

const tierText = { name: text(100) };

/** A tier's `name` in one language. */
export const TierTranslation = /* @__PURE__ */ translation(tierText);
export type TierTranslation = z.infer<typeof TierTranslation>;

const tierFields = {
  rank: /* @__PURE__ */ z.int().check(z.gte(1), z.lte(100)),
  name: tierText.name,
  /** Badge colour as `#RRGGBB`. */
  colour: /* @__PURE__ */ z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #C0C0C0')),
  benefits: /* @__PURE__ */ z.array(TierBenefit).check(z.maxLength(50)),
  requirements: /* @__PURE__ */ z.array(TierRequirement).check(z.maxLength(50)),
  /** How long an approved deal registration stays protected, in days. */
  dealProtectionDays: /* @__PURE__ */ z.int().check(z.gte(1), z.lte(365)),
};

export const Tier = /* @__PURE__ */ z.object({
  id: Id,
  ...tierFields,
  /** `name` in other languages, by BCP 47 tag. */
  translations: z.optional(translations(TierTranslation)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Tier = z.infer<typeof Tier>;

/** Body of `PUT /v1/tiers/{id}`: the whole tier (created or replaced). */
export const TierInput = /* @__PURE__ */ z.strictObject({
  ...tierFields,
  /** `name` in other languages, by BCP 47 tag; a `PUT` without it leaves the tier without translations. */
  translations: z.optional(translationsInput(TierTranslation)),
});
export type TierInput = z.infer<typeof TierInput>;
