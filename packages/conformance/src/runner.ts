/**
 * Runs checks against a backend: one after another (their fixtures interleave), each timed,
 * each ending in pass, fail or not checked; then cleans up what the run created.
 * @module
 */
import { CONTRACT_VERSION } from '@partnerkit/core/schemas';
import { isPartnerKitError } from '@partnerkit/core/client';
import { type Area, AREAS, type Check, CheckFailure, type CheckResult, CheckSkipped } from './check.js';
import { RunContext, type RunOptions } from './context.js';
import { cleanup, type CleanupReport, SetupError } from './fixtures.js';
import { truncate } from './http.js';
import { CHECKS, selectChecks } from './registry.js';
import { KIT_VERSION } from './version.js';

/** What a run found. */
export interface RunReport {
  /** `@partnerkit/conformance` version. */
  kit: string;
  /** The contract version the kit checks. */
  contractVersion: string;
  baseUrl: string;
  /** The prefix of everything the run created. */
  prefix: string;
  startedAt: string;
  durationMs: number;
  /** HTTP requests the run sent, fixtures and cleanup included. */
  requests: number;
  results: CheckResult[];
  summary: { total: number; passed: number; failed: number; skipped: number };
  /** Per area, in run order. */
  areas: { area: Area; passed: number; failed: number; skipped: number }[];
  cleanup: CleanupReport;
}

/** The failure text of an error a check threw. */
function seenOf(error: unknown): string {
  if (error instanceof CheckFailure || error instanceof SetupError) return error instanceof CheckFailure ? error.seen : error.message;
  if (isPartnerKitError(error)) return `${error.name}: ${error.message}`;
  if (error instanceof Error) return `the check stopped on ${error.name}: ${error.message}`;
  return `the check stopped on ${String(error)}`;
}

async function runOne(check: Check, ctx: RunContext): Promise<CheckResult> {
  const started = performance.now();
  const base = { id: check.id, area: check.area, title: check.title, rule: check.rule };
  try {
    await check.run(ctx);
    return { ...base, outcome: 'pass', durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    if (error instanceof CheckSkipped) return { ...base, outcome: 'skip', seen: error.reason, durationMs };
    return { ...base, outcome: 'fail', seen: truncate(ctx.redact(seenOf(error)), 2000), durationMs };
  }
}

/**
 * Runs the kit (or `options.checks`) against the backend at `options.baseUrl`.
 *
 * ```ts
 * const report = await runConformance({ baseUrl: 'http://127.0.0.1:8787', adminKey: process.env.PARTNERKIT_ADMIN_KEY! });
 * if (report.summary.failed > 0) process.exitCode = 1;
 * ```
 * @throws TypeError for options that cannot work (no admin key, a base URL that is not http(s), an unknown area).
 */
export async function runConformance(options: RunOptions): Promise<RunReport> {
  if (typeof options.adminKey !== 'string' || options.adminKey.trim() === '') throw new TypeError('an admin key is required (--admin-key or PARTNERKIT_ADMIN_KEY)');
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new TypeError(`the base URL "${String(options.baseUrl)}" is not a URL`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new TypeError('the base URL must be http:// or https://');
  if (/\/v1\/?$/.test(base.pathname)) throw new TypeError('the base URL is where the backend is mounted, without /v1');
  if (options.origin !== undefined) new URL(options.origin);
  const checks = selectChecks(options.checks ?? CHECKS, options.only);

  const ctx = new RunContext(options);
  const startedAt = new Date();
  const started = performance.now();
  const results: CheckResult[] = [];
  for (const check of checks) {
    const result = await runOne(check, ctx);
    results.push(result);
    options.onResult?.(result);
  }
  const cleaned = options.keepFixtures ? { removed: [], left: [`everything under ${ctx.prefix} (--keep-fixtures)`], failed: [] } : await cleanup(ctx);

  const count = (list: CheckResult[], outcome: CheckResult['outcome']) => list.filter((r) => r.outcome === outcome).length;
  return {
    kit: KIT_VERSION,
    contractVersion: CONTRACT_VERSION,
    baseUrl: base.href,
    prefix: ctx.prefix,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    requests: ctx.requestCount,
    results,
    summary: { total: results.length, passed: count(results, 'pass'), failed: count(results, 'fail'), skipped: count(results, 'skip') },
    areas: AREAS.filter((area) => results.some((r) => r.area === area)).map((area) => {
      const inArea = results.filter((r) => r.area === area);
      return { area, passed: count(inArea, 'pass'), failed: count(inArea, 'fail'), skipped: count(inArea, 'skip') };
    }),
    cleanup: cleaned,
  };
}
