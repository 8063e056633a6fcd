/**
 * KPI definitions: what the programme measures and how it is summed up.
 * @module
 */
import * as z from 'zod/mini';
import { CurrencyCode, Id, Timestamp, text } from './common.js';
import { translation, translations } from './translations.js';
import { translationsInput } from './translations-input.js';

export const KPI_UNITS = ['currency', 'count', 'percent', 'score'] as const;
export const KpiUnit = /* @__PURE__ */ z.enum(KPI_UNITS);
export type KpiUnit = z.infer<typeof KpiUnit>;

export const KPI_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export const KpiDirection = /* @__PURE__ */ z.enum(KPI_DIRECTIONS);
export type KpiDirection = z.infer<typeof KpiDirection>;

/** How monthly measurements combine into a longer period. */
export const KPI_AGGREGATIONS = ['sum', 'avg', 'last', 'max', 'min'] as const;
export const KpiAggregation = /* @__PURE__ */ z.enum(KPI_AGGREGATIONS);
export type KpiAggregation = z.infer<typeof KpiAggregation>;

/**
 * Where a KPI's values come from: `measurements` are written through `POST /v1/measurements`
 * (from a CRM, billing, an admin); `certified_staff` is computed by the backend from the
 * partner's valid certificates (people holding at least one), and writes for it are refused
 * (409 `kpi_computed`).
 */
export const KPI_SOURCES = ['measurements', 'certified_staff'] as const;
export const KpiSource = /* @__PURE__ */ z.enum(KPI_SOURCES);
export type KpiSource = z.infer<typeof KpiSource>;

const kpiText = { name: text(100), description: text(1000) };

/** A KPI's `name` and `description` in one language. */
export const KpiTranslation = /* @__PURE__ */ translation(kpiText);
export type KpiTranslation = z.infer<typeof KpiTranslation>;

const kpiFields = {
  name: kpiText.name,
  description: z.optional(z.nullable(kpiText.description)),
  /**
   * `currency` values are in minor units of `currency`; `percent` values are percentages
   * (`87.5` is 87.5 %); `count` and `score` are plain numbers.
   */
  unit: KpiUnit,
  direction: KpiDirection,
  aggregation: KpiAggregation,
  /** Relative weight in the overall score; 0 leaves the KPI out of it. */
  weight: /* @__PURE__ */ z.number().check(z.gte(0), z.lte(1000)),
  /** Required when `unit` is `currency`. */
  currency: z.optional(z.nullable(CurrencyCode)),
  /** Where its values come from; absent: `measurements`. */
  source: z.optional(KpiSource),
};

const currencyRule = (kpi: { unit: KpiUnit; currency?: string | null | undefined }) =>
  kpi.unit !== 'currency' || typeof kpi.currency === 'string';
const currencyRuleMessage = { message: 'a currency KPI needs a currency', path: ['currency'] };

export const Kpi = /* @__PURE__ */ z.object({
  id: Id,
  ...kpiFields,
  /** `name` and `description` in other languages, by BCP 47 tag. */
  translations: z.optional(translations(KpiTranslation)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Kpi = z.infer<typeof Kpi>;

/** Body of `PUT /v1/kpis/{id}`. */
export const KpiInput = /* @__PURE__ */ z
  .strictObject({
    ...kpiFields,
    /** `name` and `description` in other languages, by BCP 47 tag; a `PUT` without it leaves the KPI without translations. */
    translations: z.optional(translationsInput(KpiTranslation)),
  })
  .check(z.refine(currencyRule, currencyRuleMessage));
export type KpiInput = z.infer<typeof KpiInput>;
