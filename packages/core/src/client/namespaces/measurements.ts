import { MeasurementBatchResult, type MeasurementBatch } from '../../schemas/performance.js';
import type { Api } from '../api.js';
import type { CreateOptions } from '../options.js';

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

/** Builds `client.measurements`. */
export function measurementsApi(api: Api): MeasurementsApi {
  return { ingest: (batch, options) => api.mutate('POST', 'measurements', MeasurementBatchResult, batch, options) };
}
