/**
 * What a check is, what it answers, and how a check says "failed" or "not checked".
 * @module
 */
import type { RunContext } from './context.js';

/** The areas of the contract the kit checks, in the order it runs them. */
export const AREAS = ['openapi', 'auth', 'isolation', 'validation', 'pagination', 'idempotency', 'writes', 'deals', 'gating', 'agreements', 'scorecards', 'translations', 'plans', 'applications', 'enablement', 'communication', 'cors'] as const;

/** One area of the contract (`--only auth,deals`). */
export type Area = (typeof AREAS)[number];

/** What each area covers, for `--list` and the docs. */
export const AREA_SUMMARIES: Readonly<Record<Area, string>> = Object.freeze({
  openapi: 'the contract document the backend serves',
  auth: 'missing, malformed, tampered and expired tokens; who may call what; who the caller is',
  isolation: "a partner session reaches nothing of another partner's, on any path or method",
  validation: 'problem documents with codes and field errors for bad input; never a 5xx',
  pagination: 'limit bounds, cursors that walk every item exactly once, bad cursors',
  idempotency: 'Idempotency-Key replays, mismatches and scope',
  writes: 'what creating writes answer: 201 with a Location that leads to the new object',
  deals: 'the deal lifecycle per role, protection, expiry, conflicts and the pre-check',
  gating: 'locked resources carry no URL and cannot be opened',
  agreements: 'agreement versions and their content hash, partners\' standings, acceptances, scope, and the operations agreements gate',
  scorecards: "the backend's scorecards and tier standings equal core's rules",
  translations: 'localisable programme data: translations stored as given, served everywhere, malformed ones refused',
  plans: "joint business plans: both sides' agreement per version, each side its own items, revisions, and progress by core's rules",
  communication: 'announcements reach exactly their audience, reads are counted; requests move through the table, due by business hours, scoped to the partner and its manager',
  applications: "recruitment: a publishable key's scope, the application lifecycle table, scores recomputed with core's rules",
  enablement: "training and certification: the assessment's key hidden, attempts scored by core's rules and never passed twice, requirements recomputed with core's rules, each partner's people its own",
  cors: 'the CORS preflight for an allowed origin',
});

/** When a check runs: with its area (`normal`), after every area (`late`), or at the very end (`last`). */
export type Phase = 'normal' | 'late' | 'last';

/** One rule of the contract, checked on the wire. */
export interface Check {
  /** Stable id, `<area>.<name>` (`auth.missing-token`); `--only` takes ids too. */
  id: string;
  area: Area;
  /** What is checked, in one line. */
  title: string;
  /** The contract's own words for the rule (docs/contract.md), so a failure names what it breaks. */
  rule: string;
  /**
   * `late` checks move the backend's clock or wait for time to pass, so they run after the
   * others; `last` checks look back over the whole run. Default `normal`.
   */
  phase?: Phase;
  /** Resolves when the backend honours the rule; throws {@link CheckFailure} (or any error) when not. */
  run(ctx: RunContext): Promise<void>;
}

/** The verdict on one check. `skip` means "not checked", always with the reason. */
export type Outcome = 'pass' | 'fail' | 'skip';

/** One check's result, as both reporters print it. */
export interface CheckResult {
  id: string;
  area: Area;
  title: string;
  rule: string;
  outcome: Outcome;
  /** What the backend did instead (failures), or why the check did not run (skips). */
  seen?: string;
  /**
   * For a check the failed setup blocked (outcome `skip`): the id of the check whose row reports
   * that failure. The setup's failure is reported once, there.
   */
  blockedBy?: string;
  durationMs: number;
}

/** A check found the backend breaking its rule; `seen` says what it answered instead. */
export class CheckFailure extends Error {
  override readonly name = 'CheckFailure';
  constructor(readonly seen: string) {
    super(seen);
  }
}

/** A check could not run against this backend or with these options; `reason` says why. */
export class CheckSkipped extends Error {
  override readonly name = 'CheckSkipped';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Fails the running check. */
export function fail(seen: string): never {
  throw new CheckFailure(seen);
}

/** Reports the running check as not checked, with the reason. */
export function skip(reason: string): never {
  throw new CheckSkipped(reason);
}

/** Fails the running check with `seen` unless `condition` holds. */
export function ensure(condition: unknown, seen: string | (() => string)): asserts condition {
  if (!condition) fail(typeof seen === 'function' ? seen() : seen);
}

/** Defines a check (typed helper for the area modules). */
export const defineCheck = (check: Check): Check => Object.freeze(check);
