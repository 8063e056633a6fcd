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
import { describeFailure } from './failure.js';
import { truncate } from './http.js';
import type { RateLimitReport } from './rate-limits.js';
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
  /** The backend's `429` answers the run waited out (see docs/conformance.md, rate limits). */
  rateLimits: RateLimitReport;
  results: CheckResult[];
  /** `skipped` counts `blocked` too: the checks a failed setup kept from running. */
  summary: { total: number; passed: number; failed: number; skipped: number; blocked: number };
  /** Per area, in run order. */
  areas: { area: Area; passed: number; failed: number; skipped: number }[];
  cleanup: CleanupReport;
}

/** The failure text of an error a check threw. */
function seenOf(error: unknown): string {
  if (error instanceof CheckFailure) return error.seen;
  if (error instanceof SetupError) return error.message;
  if (isPartnerKitError(error)) return describeFailure(error);
  return `the check stopped on ${describeFailure(error)}`;
}

/** The first failed setup of a run: reported on the row of the check that met it, and only there. */
interface SetupFailure {
  error: SetupError;
  reportedBy: string;
}

/** True when the backend answers anything at all (its public document, within 5 s). */
async function answers(ctx: RunContext): Promise<boolean> {
  try {
    await ctx.http.get('/v1/openapi.json', { timeoutMs: 5_000 });
    return true;
  } catch {
    return false;
  }
}

interface RunState {
  setup: SetupFailure | null;
  /** The check after which the backend stopped answering, while it does not answer. */
  down: string | null;
}

async function runOne(check: Check, ctx: RunContext, run: RunState): Promise<CheckResult> {
  const started = performance.now();
  const base = { id: check.id, area: check.area, title: check.title, rule: check.rule };
  // A backend that stopped answering is reported once, not as a failure of every check after it.
  if (run.down !== null) {
    if (!(await answers(ctx))) {
      return { ...base, outcome: 'skip', seen: `not checked: the backend stopped answering (reported at ${run.down})`, blockedBy: run.down, durationMs: 0 };
    }
    run.down = null;
  }
  const result = await attempt(check, ctx, run, started, base);
  if (result.outcome === 'fail' && !(await answers(ctx))) {
    run.down = check.id;
    result.seen = `${result.seen ?? ''} — and then the backend stopped answering: the checks after this one were not run while it was down`;
  }
  return result;
}

async function attempt(check: Check, ctx: RunContext, run: RunState, started: number, base: Pick<CheckResult, 'id' | 'area' | 'title' | 'rule'>): Promise<CheckResult> {
  try {
    await check.run(ctx);
    return { ...base, outcome: 'pass', durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    if (error instanceof CheckSkipped) return { ...base, outcome: 'skip', seen: error.reason, durationMs };
    if (error instanceof SetupError) {
      // The fixtures are created once, so every later check that needs them meets the same failure.
      if (run.setup?.error === error) {
        const seen = `not checked: the kit's setup failed (reported at ${run.setup.reportedBy})`;
        return { ...base, outcome: 'skip', seen, blockedBy: run.setup.reportedBy, durationMs };
      }
      run.setup = { error, reportedBy: check.id };
    }
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
  const run: RunState = { setup: null, down: null };
  for (const check of checks) {
    const result = await runOne(check, ctx, run);
    results.push(result);
    options.onResult?.(result);
  }
  const cleaned = options.keepFixtures
    ? { removed: [], left: [`everything under ${ctx.prefix} (--keep-fixtures)`], failed: [] }
    : run.down !== null && !(await answers(ctx))
      ? { removed: [], left: [], failed: [`not attempted: the backend stopped answering (everything the run created starts with ${ctx.prefix})`] }
      : await cleanup(ctx);

  const count = (list: CheckResult[], outcome: CheckResult['outcome']) => list.filter((r) => r.outcome === outcome).length;
  return {
    kit: KIT_VERSION,
    contractVersion: CONTRACT_VERSION,
    baseUrl: base.href,
    prefix: ctx.prefix,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    requests: ctx.requestCount,
    rateLimits: { ...ctx.rateLimits.report },
    results,
    summary: {
      total: results.length,
      passed: count(results, 'pass'),
      failed: count(results, 'fail'),
      skipped: count(results, 'skip'),
      blocked: results.filter((r) => r.blockedBy !== undefined).length,
    },
    areas: AREAS.filter((area) => results.some((r) => r.area === area)).map((area) => {
      const inArea = results.filter((r) => r.area === area);
      return { area, passed: count(inArea, 'pass'), failed: count(inArea, 'fail'), skipped: count(inArea, 'skip') };
    }),
    cleanup: cleaned,
  };
}
