/**
 * The periodic sweep: expires deals whose protection ended (emitting `deal.expired` even for
 * deals nobody reads) and forgets idempotency keys past their retention.
 * @module
 */
import type { Database } from '../db/database.js';
import { purgeIdempotencyKeys } from '../http/idempotency.js';
import type { Logger } from '../http/logger.js';
import { expireDueDeals } from './deal-expiry.js';

/** What one sweep did. */
export interface SweepReport {
  expiredDeals: number;
  purgedIdempotencyKeys: number;
}

/** Runs one sweep now. */
export async function sweep(db: Database, now: Date, idempotencyRetentionMs: number): Promise<SweepReport> {
  const expiredDeals = await db.transaction((tx) => expireDueDeals(tx, now, { all: true }));
  const purgedIdempotencyKeys = await purgeIdempotencyKeys(db, now, idempotencyRetentionMs);
  return { expiredDeals, purgedIdempotencyKeys };
}

/** A running sweeper. */
export interface Sweeper {
  /** Sweeps now (and waits for a sweep already running first). */
  runOnce(): Promise<SweepReport>;
  /** Stops the timer and waits for a running sweep to finish. */
  stop(): Promise<void>;
}

/** Options of {@link startSweeper}. */
export interface SweeperOptions {
  intervalMs: number;
  now: () => Date;
  idempotencyRetentionMs: number;
  logger: Logger;
}

/** Sweeps every `intervalMs`; the timer never keeps the process alive by itself. */
export function startSweeper(db: Database, options: SweeperOptions): Sweeper {
  let running: Promise<SweepReport> | null = null;
  const runOnce = async (): Promise<SweepReport> => {
    while (running) await running.catch(() => {});
    running = sweep(db, options.now(), options.idempotencyRetentionMs);
    try {
      const report = await running;
      if (report.expiredDeals > 0 || report.purgedIdempotencyKeys > 0) options.logger.log('info', 'sweep', { ...report });
      return report;
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => {
    runOnce().catch((error: unknown) => options.logger.log('error', 'sweep failed', { error: { message: error instanceof Error ? error.message : String(error) } }));
  }, options.intervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
