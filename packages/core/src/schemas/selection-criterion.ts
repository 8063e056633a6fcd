/**
 * Selection criteria: what a programme scores applicants on (size, market reach, experience,
 * technical capability, cultural fit, ...), each weighted, on a 1-5 scale whose levels say what
 * each score means, with an optional knock-out minimum.
 * @module
 */
import * as z from 'zod/mini';
import { Id, Timestamp, text } from './common.js';
import { PartnerType } from './partner-type.js';
import { translation, translations } from './translations.js';
import { translationsInput } from './translations-input.js';

/** The lowest and highest score of the 1-5 scale. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** One score on the 1-5 scale. */
export const CriterionScore = /* @__PURE__ */ z.int().check(z.gte(SCORE_MIN, 'must be a score from 1 to 5'), z.lte(SCORE_MAX, 'must be a score from 1 to 5'));
export type CriterionScore = z.infer<typeof CriterionScore>;

// Text schemas are their own constants, never read back out of an object handed to translation():
// a bundler cannot prove such a read free of side effects, and would keep the module.
const levelDescription = text(500);

/** A level's `description` in one language. */
export const CriterionLevelTranslation = /* @__PURE__ */ translation({ description: levelDescription });
export type CriterionLevelTranslation = z.infer<typeof CriterionLevelTranslation>;

/** What one score of the scale means for this criterion ("5: sells in three or more countries"). */
export const CriterionLevel = /* @__PURE__ */ z.object({
  description: levelDescription,
  /** `description` in other languages, by BCP 47 tag. */
  translations: z.optional(/* @__PURE__ */ translations(CriterionLevelTranslation)),
});
export type CriterionLevel = z.infer<typeof CriterionLevel>;

const criterionName = text(100);
const criterionDescription = text(2000);

/** A criterion's `name` and `description` in one language. */
export const SelectionCriterionTranslation = /* @__PURE__ */ translation({ name: criterionName, description: criterionDescription });
export type SelectionCriterionTranslation = z.infer<typeof SelectionCriterionTranslation>;

const criterionFields = {
  name: criterionName,
  description: z.nullable(criterionDescription),
  /** Relative weight in the weighted score, 1-100. */
  weight: /* @__PURE__ */ z.int().check(z.gte(1, 'must be a weight from 1 to 100'), z.lte(100, 'must be a weight from 1 to 100')),
  /** Exactly five levels: what a score of 1, 2, 3, 4 and 5 means, in that order. */
  levels: /* @__PURE__ */ z.array(CriterionLevel).check(z.length(SCORE_MAX, 'must describe exactly five levels, for scores 1 to 5')),
  /** A score below this knocks the applicant out (2-5); `null`: no knock-out. */
  knockOutMin: z.nullable(/* @__PURE__ */ z.int().check(z.gte(2, 'must be 2-5: a score below it knocks out'), z.lte(SCORE_MAX, 'must be 2-5: a score below it knocks out'))),
  /** Partner types the criterion applies to; empty: every type. */
  partnerTypes: /* @__PURE__ */ z.array(PartnerType).check(z.maxLength(20)),
  /** Display order, lowest first; ties by id. */
  position: /* @__PURE__ */ z.int().check(z.gte(0), z.lte(10_000)),
  /** `name` and `description` in other languages, by BCP 47 tag. */
  translations: z.optional(/* @__PURE__ */ translations(SelectionCriterionTranslation)),
};

export const SelectionCriterion = /* @__PURE__ */ z.object({ id: Id, ...criterionFields, createdAt: Timestamp, updatedAt: Timestamp });
export type SelectionCriterion = z.infer<typeof SelectionCriterion>;

/** Body of `PUT /v1/selection-criteria/{id}`: the whole criterion (created or replaced). */
export const SelectionCriterionInput = /* @__PURE__ */ z.strictObject({
  ...criterionFields,
  description: z.optional(criterionFields.description),
  knockOutMin: z.optional(criterionFields.knockOutMin),
  partnerTypes: z.optional(criterionFields.partnerTypes),
  position: z.optional(criterionFields.position),
  translations: z.optional(/* @__PURE__ */ translationsInput(SelectionCriterionTranslation)),
});
export type SelectionCriterionInput = z.input<typeof SelectionCriterionInput>;
