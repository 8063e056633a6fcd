/**
 * `@partnerkit/core/client/measurements`: measurement ingest.
 * @module
 */
import { MeasurementBatchResult, type MeasurementBatch } from '../../schemas/performance.js';
import type { CreateOptions } from '../options.js';
import { definePart } from '../part.js';

/** Measurements are read under `partners/` (with the scorecards and plans computed from them) and in `plan-objectives/`. */
const INVALIDATES = ['partners', 'plan-objectives'];

/**
 * `client.measurements`: the ingest path from CRM and billing (admin).
 *
 * @example
 * ```ts
 * const { upserted } = await admin.measurements.ingest(
 *   { data: [{ partnerId: 'p_1', kpiId: 'revenue', period: '2026-06', value: 1_250_000, source: 'billing' }] },
 *   { idempotencyKey: `billing-2026-06-run-${runId}` },
 * );
 * ```
 */
export interface MeasurementsApi {
  /** Upserts a batch by (partner, KPI, period). Retried only when given an idempotency key. */
  ingest(batch: MeasurementBatch, options?: CreateOptions): Promise<MeasurementBatchResult>;
}

/** `measurements(client)`: the ingest namespace of any PartnerKit client (`client.measurements` on a full one). */
export const measurements = /* @__PURE__ */ definePart(
  'measurements',
  (requests): MeasurementsApi => ({
    ingest: (batch, options) => requests.mutate('POST', 'measurements', MeasurementBatchResult, batch, options, INVALIDATES),
  }),
);
