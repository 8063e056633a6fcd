/**
 * A stub of the two routes `<partner-scorecard>` calls, behind a real client: `GET /v1/session`
 * and `GET /v1/partners/{id}/scorecard`. Scorecards are computed from the fixture programme with
 * core's `computeScorecard`, as the reference server does, so stories need no server and tests
 * exercise the real client (parsing, validation, errors, abort).
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import { computeScorecard, isPeriod } from '@partnerkit/core/rules';
import { apiPath, clientOver, json, principalOf, problem, type StubRole, wait } from '../support/stub-http.js';
import { FIXTURE_NOW, FIXTURE_PERIOD, PROGRAMME, type Programme } from './fixtures.js';

export { STUB_BASE_URL, type StubRole } from '../support/stub-http.js';

/** How the stub behaves. */
export interface StubOptions {
  /** Who is calling; a partner sees only its own partner (others answer 404, as the contract says). */
  as: StubRole;
  programme?: Programme;
  /** The clock of the rules (default {@link FIXTURE_NOW}). */
  now?: Date;
  /** The period when the request names none (a real backend takes the current quarter). */
  defaultPeriod?: string;
  /** Milliseconds before each answer; `Infinity` never answers (until aborted). */
  delay?: number;
  /** Rewrites a scorecard's JSON before it is sent: to break the contract on purpose. */
  rewrite?: (scorecard: Record<string, unknown>) => unknown;
  /** Answers scorecard requests with this problem instead. */
  problem?: { status: number; code: string; title: string; detail?: string };
  /** Sees every request the client sends. */
  onRequest?: (request: Request) => void;
}

/** A `fetch` that answers like a PartnerKit backend for the scorecard routes. */
export function stubFetch(options: StubOptions): typeof fetch {
  const programme = options.programme ?? PROGRAMME;
  return async (input, init) => {
    const request = new Request(input, init);
    options.onRequest?.(request);
    if (options.delay) await wait(options.delay, request.signal);
    const url = new URL(request.url);
    const path = apiPath(url);
    if (request.method !== 'GET') return problem(405, 'method_not_allowed', 'Method not allowed');
    if (path === '/v1/session') return json(200, principalOf(options.as));

    const match = /^\/v1\/partners\/([^/]+)\/scorecard$/.exec(path);
    if (!match) return problem(404, 'not_found', 'Not found');
    if (options.problem) {
      const { status, code, title, detail } = options.problem;
      return problem(status, code, title, { detail });
    }
    const id = decodeURIComponent(match[1]!);
    const partner = programme.partners.find((p) => p.id === id);
    const inScope = options.as.role !== 'partner' || options.as.partnerId === id;
    if (!partner || !inScope) return problem(404, 'not_found', 'Not found', { detail: `No partner ${id}` });

    const period = url.searchParams.get('period') ?? options.defaultPeriod ?? FIXTURE_PERIOD;
    const periods = url.searchParams.get('periods') ?? '6';
    if (!isPeriod(period) || !/^([1-9]|1\d|2[0-4])$/.test(periods)) {
      return problem(400, 'validation_failed', 'Invalid query', { detail: 'period or periods is malformed' });
    }
    const scorecard = computeScorecard({
      partner,
      period,
      kpis: programme.kpis,
      tiers: programme.tiers,
      targets: programme.targets.filter((t) => t.partnerId === id),
      measurements: programme.measurements.filter((m) => m.partnerId === id),
      trendPeriods: Number(periods),
      now: options.now ?? FIXTURE_NOW,
    });
    const body = JSON.parse(JSON.stringify(scorecard)) as Record<string, unknown>;
    return json(200, options.rewrite ? options.rewrite(body) : body);
  };
}

/** A real client over {@link stubFetch}, without retries (tests see each failure at once). */
export function stubClient(options: StubOptions): PartnerKitClient {
  return clientOver(stubFetch(options), options.delay);
}
