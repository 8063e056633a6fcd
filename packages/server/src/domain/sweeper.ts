/**
 * The periodic sweep: expires deals whose protection ended (emitting `deal.expired` even for
 * deals nobody reads), announces certificates that expired (`certification.expired`), applies
 * tier changes that fell due without new numbers (at most once per tier interval), announces
 * agreement acceptances whose term is ending or ended, forgets idempotency keys past their
 * retention, publishes scheduled announcements that fell due and closes resolved requests past
 * their reopening window.
 * @module
 */
import type { Database } from '../db/database.js';
import { purgeIdempotencyKeys } from '../store/idempotency-keys.js';
import type { Logger } from '../http/logger.js';
import { sweepCommunication } from './communication.js';
import { announceAgreementExpiry } from './agreements.js';
import { expireDeals } from './deal-expiry.js';
import { expireCertificates } from './enablement.js';
import { DEFAULT_TIER_SWEEP_INTERVAL_MS, sweepTierChanges } from './tier-sweep.js';

export { DEFAULT_TIER_SWEEP_INTERVAL_MS } from './tier-sweep.js';

/** What one sweep did. */
export interface SweepReport {
  expiredDeals: number;
  /** Certificates whose expiry passed, each announced once with `certification.expired`. */
  expiredCertificates: number;
  /** Partners whose tier was evaluated: all of them once per tier interval, otherwise 0. */
  evaluatedPartners: number;
  /** Tier changes applied (each with its `tier.changed` event). */
  tierChanges: number;
  purgedIdempotencyKeys: number;
  /** Scheduled announcements that fell due (each with its `announcement.published` event). */
  publishedAnnouncements: number;
  /** Resolved requests closed when their reopening window ended. */
  closedRequests: number;
  /** Acceptances announced as expiring or expired (`agreement.expiring`, `agreement.expired`). */
  agreementNotices: number;
}

/** Options of {@link sweep}. */
export interface SweepOptions {
  /**
   * The least time between two evaluations of every partner's tier, across every server on the
   * database (default {@link DEFAULT_TIER_SWEEP_INTERVAL_MS}, an hour).
   */
  tierSweepIntervalMs?: number;
  /**
   * Whether this sweep may evaluate tiers (default true). The sweep before a server listens does
   * not: evaluating every partner takes seconds, and tier changes fall due by the day, so the
   * first periodic sweep is soon enough.
   */
  evaluateTiers?: boolean;
}

/** Runs one sweep now. */
export async function sweep(db: Database, now: Date, idempotencyRetentionMs: number, options: SweepOptions = {}): Promise<SweepReport> {
  const expiredDeals = await db.transaction((tx) => expireDeals(tx, now, { all: true }));
  const expiredCertificates = await db.transaction((tx) => expireCertificates(tx, now));
  const tiers = options.evaluateTiers === false ? { evaluated: 0, changed: 0 } : await sweepTierChanges(db, now, options.tierSweepIntervalMs ?? DEFAULT_TIER_SWEEP_INTERVAL_MS);
  const agreementNotices = await db.transaction((tx) => announceAgreementExpiry(tx, now));
  const purgedIdempotencyKeys = await purgeIdempotencyKeys(db, new Date(now.getTime() - idempotencyRetentionMs));
  const communication = await sweepCommunication(db, now);
  return { expiredDeals, expiredCertificates, evaluatedPartners: tiers.evaluated, tierChanges: tiers.changed, purgedIdempotencyKeys, agreementNotices, ...communication };
}

/** A running sweeper. */
export interface Sweeper {
  /** Sweeps now (and waits for a sweep already running first); `overrides` apply to this sweep only. */
  runOnce(overrides?: SweepOptions): Promise<SweepReport>;
  /** Stops the timer and waits for a running sweep to finish. */
  stop(): Promise<void>;
}

/** Options of {@link startSweeper}. */
export interface SweeperOptions extends SweepOptions {
  intervalMs: number;
  now: () => Date;
  idempotencyRetentionMs: number;
  logger: Logger;
}

/** Sweeps every `intervalMs`; the timer never keeps the process alive by itself. */
export function startSweeper(db: Database, options: SweeperOptions): Sweeper {
  let running: Promise<SweepReport> | null = null;
  const runOnce = async (overrides: SweepOptions = {}): Promise<SweepReport> => {
    while (running) await running.catch(() => {});
    running = sweep(db, options.now(), options.idempotencyRetentionMs, { ...options, ...overrides });
    try {
      const report = await running;
      if (report.expiredDeals > 0 || report.expiredCertificates > 0 || report.tierChanges > 0 || report.purgedIdempotencyKeys > 0 || report.agreementNotices > 0 || report.publishedAnnouncements > 0 || report.closedRequests > 0) options.logger.log('info', 'sweep', { ...report });
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
