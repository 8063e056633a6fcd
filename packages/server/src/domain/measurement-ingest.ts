/**
 * The ingest path from CRM and billing: a batch of measurements upserted by (partner, KPI,
 * month), one `measurements.ingested` event per partner, and the tier changes the new numbers
 * make due, in the caller's transaction.
 * @module
 */
import type { MeasurementBatch } from '@partnerkit/core/schemas';
import type { Transaction } from '../db/database.js';
import { lastPerKey } from '../db/sql.js';
import { appendEvents } from '../store/events.js';
import { upsertMeasurements } from '../store/measurements.js';
import { applyDueTierChanges } from './tier-evaluation.js';

/** Records `batch` (references already checked); answers how many values were written. */
export async function ingestMeasurements(tx: Transaction, batch: MeasurementBatch['data'], now: Date): Promise<number> {
  // The last value given for one (partner, KPI, month) wins, as if sent one by one.
  const values = lastPerKey(
    batch.map((m) => ({ partnerId: m.partnerId, kpiId: m.kpiId, period: m.period, value: m.value, source: m.source ?? null })),
    (m) => `${m.partnerId}\n${m.kpiId}\n${m.period}`,
  );
  const upserted = await upsertMeasurements(tx, values, now);
  const byPartner = new Map<string, { count: number; periods: Set<string> }>();
  for (const m of values) {
    const entry = byPartner.get(m.partnerId) ?? { count: 0, periods: new Set<string>() };
    entry.count += 1;
    entry.periods.add(m.period);
    byPartner.set(m.partnerId, entry);
  }
  await appendEvents(
    tx,
    [...byPartner].map(([partnerId, e]) => ({ type: 'measurements.ingested' as const, partnerId, data: { partnerId, count: e.count, periods: [...e.periods].sort() } })),
    now,
  );
  await applyDueTierChanges(tx, [...byPartner.keys()], now);
  return upserted;
}
