/**
 * Targets and measurements: the numbers a scorecard is computed from.
 * @module
 */
import * as z from 'zod/mini';
import { Id, MonthPeriod, Period, Timestamp, text } from './common.js';

/** A partner's own target for one KPI and period; it overrides the tier requirement. */
export const Target = /* @__PURE__ */ z.object({
  partnerId: Id,
  kpiId: Id,
  period: Period,
  value: /* @__PURE__ */ z.number().check(z.gte(0)),
  updatedAt: Timestamp,
});
export type Target = z.infer<typeof Target>;

export const TargetInput = /* @__PURE__ */ z.strictObject({
  kpiId: Id,
  period: Period,
  value: /* @__PURE__ */ z.number().check(z.gte(0)),
});
export type TargetInput = z.infer<typeof TargetInput>;

/** Body of `PUT /v1/partners/{id}/targets`: upserts by (KPI, period). */
export const TargetsInput = /* @__PURE__ */ z.strictObject({
  data: /* @__PURE__ */ z.array(TargetInput).check(z.maxLength(1000)),
});
export type TargetsInput = z.infer<typeof TargetsInput>;

/** Answer of `PUT /v1/partners/{id}/targets`: the targets as stored after the upsert. */
export const TargetsResult = /* @__PURE__ */ z.object({ data: z.array(Target) });
export type TargetsResult = z.infer<typeof TargetsResult>;

/** One KPI value of one partner for one month. */
export const Measurement = /* @__PURE__ */ z.object({
  partnerId: Id,
  kpiId: Id,
  period: MonthPeriod,
  value: z.number(),
  /** Where the number came from (`crm`, `billing`, ...). */
  source: z.nullable(text(100)),
  recordedAt: Timestamp,
});
export type Measurement = z.infer<typeof Measurement>;

export const MeasurementInput = /* @__PURE__ */ z.strictObject({
  partnerId: Id,
  kpiId: Id,
  period: MonthPeriod,
  value: z.number(),
  source: z.optional(z.nullable(text(100))),
});
export type MeasurementInput = z.infer<typeof MeasurementInput>;

/** Body of `POST /v1/measurements`: a batch upsert by (partner, KPI, period). */
export const MeasurementBatch = /* @__PURE__ */ z.strictObject({
  data: /* @__PURE__ */ z.array(MeasurementInput).check(z.minLength(1), z.maxLength(1000)),
});
export type MeasurementBatch = z.infer<typeof MeasurementBatch>;

export const MeasurementBatchResult = /* @__PURE__ */ z.object({ upserted: z.int() });
export type MeasurementBatchResult = z.infer<typeof MeasurementBatchResult>;
