/**
 * A stub of the two routes `<partner-scorecard>` calls, behind a real client: `GET /v1/session`
 * and `GET /v1/partners/{id}/scorecard`. Scorecards are computed from the fixture programme with
 * core's `computeScorecard`, as the reference server does, so stories need no server and tests
 * exercise the real client (parsing, validation, errors, abort).
 * @module
 */
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import { computeScorecard, isPeriod } from '@partnerkit/core/rules';
import type { Principal } from '@partnerkit/core/schemas';
import { FIXTURE_NOW, FIXTURE_PERIOD, PROGRAMME, type Programme } from './fixtures.js';

/** Who the stub says the caller is. */
export type StubRole = { role: 'manager' } | { role: 'admin' } | { role: 'partner'; partnerId: string };

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

/** The API root the stub client uses; nothing is ever sent there. */
export const STUB_BASE_URL = 'https://prm.example.com/api';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type, 'x-request-id': `req_stub_${status}` } });

const problem = (status: number, code: string, title: string, detail?: string) =>
  json(status, { type: `https://partnerkit.dev/problems/${code}`, title, status, code, ...(detail ? { detail } : {}) }, 'application/problem+json');

function principalOf(as: StubRole): Principal {
  return {
    role: as.role,
    partnerId: as.role === 'partner' ? as.partnerId : null,
    user: { id: 'u_story', name: 'Story User' },
    locale: null,
    expiresAt: '2099-01-01T00:00:00.000Z',
  };
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** A `fetch` that answers like a PartnerKit backend for the scorecard routes. */
export function stubFetch(options: StubOptions): typeof fetch {
  const programme = options.programme ?? PROGRAMME;
  return async (input, init) => {
    const request = new Request(input, init);
    options.onRequest?.(request);
    if (options.delay) await wait(options.delay, request.signal);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api/, '');
    if (request.method !== 'GET') return problem(405, 'method_not_allowed', 'Method not allowed');
    if (path === '/v1/session') return json(200, principalOf(options.as));

    const match = /^\/v1\/partners\/([^/]+)\/scorecard$/.exec(path);
    if (!match) return problem(404, 'not_found', 'Not found');
    if (options.problem) {
      const { status, code, title, detail } = options.problem;
      return problem(status, code, title, detail);
    }
    const id = decodeURIComponent(match[1]!);
    const partner = programme.partners.find((p) => p.id === id);
    const inScope = options.as.role !== 'partner' || options.as.partnerId === id;
    if (!partner || !inScope) return problem(404, 'not_found', 'Not found', `No partner ${id}`);

    const period = url.searchParams.get('period') ?? options.defaultPeriod ?? FIXTURE_PERIOD;
    const periods = url.searchParams.get('periods') ?? '6';
    if (!isPeriod(period) || !/^([1-9]|1\d|2[0-4])$/.test(periods)) {
      return problem(400, 'validation_failed', 'Invalid query', 'period or periods is malformed');
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
  // A stub that never answers stays loading: no client timeout cuts it short.
  const timeout = options.delay === Infinity ? 2_147_483_647 : 10_000;
  return createClient({ baseUrl: STUB_BASE_URL, token: 'stub-session-token', fetch: stubFetch(options), retry: 0, timeout });
}
