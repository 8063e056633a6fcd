/**
 * Deliberately broken variants of the reference server, each a thin fetch wrapper around the
 * real app that breaks one rule of the contract the way real backends do. The kit must catch
 * each one with the check aimed at it.
 */
import type { FetchHandler } from './serve-fetch.ts';

/** What each variant breaks. */
export const VARIANTS = {
  /** Serves any deal by id, skipping the partner scope check (answers with an admin-fetched copy). */
  'leaks-deals': 'a partner session can read another partner\'s deal by id',
  /** Crashes on a body that is not JSON instead of answering 400 malformed_json. */
  'crashes-on-bad-json': 'a body that is not JSON answers 500',
  /** Drops the Idempotency-Key header before the app sees it. */
  'ignores-idempotency-keys': 'replays do the work again; mismatches go unnoticed',
  /** Computes lower-is-better attainment as target / actual, the classic mistake. */
  'miscalculates-scorecards': 'lower-is-better attainment is target / actual',
  /** Holds customers by domain alone: a registration without a domain is a customer of its own. */
  'matches-by-domain-only': 'leaving the domain out registers a customer someone holds under its domain',
  /** Reads an approval of an approved deal as an extension, as the contract did before extend. */
  'extends-on-reapproval': 'approving an approved deal again extends its protection',
  /** Reports a partner accepted once it accepted any version: a new version never asks again. */
  'accepts-once-forever': 'a new version in effect does not ask the partner to accept again',
  /** Serves a partner's acceptances to any partner session (answers with an admin-fetched copy). */
  'leaks-acceptances': 'a partner session can read another partner\'s acceptances',
  /** Accepts `translations` in writes and throws them away, like a backend that predates them. */
  'drops-translations': 'translations of programme data are accepted and lost',
  /** Answers a plan transition against whatever version the plan is at now, not the one named. */
  'ignores-plan-versions': 'a side agrees to a plan version it never saw',
  /** Judges a measured objective against the whole target from day one, ignoring the time elapsed. */
  'plan-progress-ignores-time': 'measured objectives expect the whole target at once',
  /** Serves any announcement by id to any partner, skipping the audience (answers with an admin-fetched copy). */
  'announces-to-everyone': 'a partner reads announcements addressed to others',
  /** Treats a publishable key as the admin on reads, like a backend that checks only that a key exists. */
  'public-key-reads-everything': 'a publishable key found in a page reads applications, partners and deals',
  /** Serves a course with its assessment as stored, the correct choices included, to every caller. */
  'shows-assessment-keys': 'partners read the correct answers of an assessment with the course',
  /** Answers a batch naming a computed KPI as if it were stored, like a backend where certified staff is still typed in. */
  'measures-computed-kpis': 'measurements for the computed certified-staff KPI are accepted',
} as const;

export type Variant = keyof typeof VARIANTS;

const isAdminKey = (request: Request) => /^bearer pk_admin_/i.test(request.headers.get('authorization') ?? '');

function leaksDeals(app: FetchHandler, adminKey: string): FetchHandler {
  return async (request) => {
    const response = await app(request);
    const isDealRead = request.method === 'GET' && /^\/v1\/deals\/[^/]+$/.test(new URL(request.url).pathname);
    if (!isDealRead || response.status !== 404 || isAdminKey(request)) return response;
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${adminKey}`);
    const copy = await app(new Request(request.url, { headers }));
    return copy.ok ? copy : response;
  };
}

function announcesToEveryone(app: FetchHandler, adminKey: string): FetchHandler {
  return async (request) => {
    const response = await app(request);
    const isRead = request.method === 'GET' && /^\/v1\/announcements\/[^/]+$/.test(new URL(request.url).pathname);
    if (!isRead || response.status !== 404 || isAdminKey(request)) return response;
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${adminKey}`);
    const copy = await app(new Request(request.url, { headers }));
    if (!copy.ok) return response;
    // What a partner would be shown: the announcement without the vendor's fields.
    const { audience: _a, readStats: _r, ...announcement } = (await copy.json()) as Record<string, unknown>;
    return new Response(JSON.stringify({ ...announcement, readAt: null }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

function crashesOnBadJson(app: FetchHandler): FetchHandler {
  return async (request) => {
    if (request.method === 'GET' || request.method === 'OPTIONS') return app(request);
    const text = await request.clone().text();
    if (text !== '') {
      try {
        JSON.parse(text);
      } catch {
        return new Response(JSON.stringify({ type: 'https://partnerkit.dev/problems/internal_error', title: 'Internal server error', status: 500, code: 'internal_error' }), {
          status: 500,
          headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_broken' },
        });
      }
    }
    return app(request);
  };
}

function ignoresIdempotencyKeys(app: FetchHandler): FetchHandler {
  return async (request) => {
    if (!request.headers.has('idempotency-key')) return app(request);
    const headers = new Headers(request.headers);
    headers.delete('idempotency-key');
    const body = request.method === 'GET' ? undefined : await request.arrayBuffer();
    return app(new Request(request.url, { method: request.method, headers, ...(body && body.byteLength > 0 ? { body } : {}) }));
  };
}

interface Row {
  kpi: { direction: string };
  actual: number | null;
  target: number | null;
  attainment: number | null;
}

function miscalculatesScorecards(app: FetchHandler): FetchHandler {
  return async (request) => {
    if (!/\/scorecard$/.test(new URL(request.url).pathname)) return app(request);
    // It rewrites the body, so it asks for the plain bytes (as any proxy that edits answers must).
    const headers = new Headers(request.headers);
    headers.delete('accept-encoding');
    const response = await app(new Request(request, { headers }));
    if (response.status !== 200) return response;
    const card = (await response.json()) as { rows: Row[] };
    for (const row of card.rows) {
      if (row.kpi.direction === 'lower_is_better' && row.actual && row.target !== null) row.attainment = row.target / row.actual;
    }
    return new Response(JSON.stringify(card), { status: 200, headers: response.headers });
  };
}

/**
 * Gives every registration and pre-check without a domain a made-up domain of its own, so the
 * app sees a customer nobody holds: what a backend keying customers by domain alone does.
 */
function matchesByDomainOnly(app: FetchHandler): FetchHandler {
  let made = 0;
  return async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method !== 'POST' || !/\/v1\/deals(\/check)?$/.test(path)) return app(request);
    const body = (await request.clone().json().catch(() => null)) as { customer?: { domain?: string | null } } | null;
    if (!body?.customer || body.customer.domain) return app(request);
    made += 1;
    body.customer.domain = `no-domain-${made}-${Date.now().toString(36)}.invalid`;
    return app(new Request(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify(body) }));
  };
}

/** Adds `extend: true` to every approval of a deal that is approved already. */
function extendsOnReapproval(app: FetchHandler, adminKey: string): FetchHandler {
  return async (request) => {
    const match = /^(.*\/v1\/deals\/[^/]+)\/transitions$/.exec(new URL(request.url).pathname);
    if (request.method !== 'POST' || !match) return app(request);
    const body = (await request.clone().json().catch(() => null)) as { to?: string; extend?: boolean } | null;
    if (body?.to !== 'approved' || body.extend !== undefined) return app(request);
    const deal = await app(new Request(new URL(match[1] as string, request.url), { headers: { authorization: `Bearer ${adminKey}` } }));
    if (!deal.ok || ((await deal.json()) as { status?: string }).status !== 'approved') return app(request);
    return app(new Request(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify({ ...body, extend: true }) }));
  };
}

interface Standing {
  status: string;
  acceptance: unknown;
  blocks: string[];
}

function acceptsOnceForever(app: FetchHandler): FetchHandler {
  return async (request) => {
    if (!/^\/v1\/partners\/[^/]+\/agreements$/.test(new URL(request.url).pathname)) return app(request);
    // It rewrites the body, so it asks for the plain bytes (as any proxy that edits answers must).
    const headers = new Headers(request.headers);
    headers.delete('accept-encoding');
    const response = await app(new Request(request, { headers }));
    if (response.status !== 200) return response;
    const page = (await response.json()) as { data: Standing[] };
    for (const standing of page.data) {
      if (standing.status === 'to_accept' && standing.acceptance !== null) Object.assign(standing, { status: 'accepted', blocks: [] });
    }
    return new Response(JSON.stringify(page), { status: 200, headers: response.headers });
  };
}

function leaksAcceptances(app: FetchHandler, adminKey: string): FetchHandler {
  return async (request) => {
    const response = await app(request);
    const isAcceptanceRead = request.method === 'GET' && /^\/v1\/partners\/[^/]+\/acceptances(\/[^/]+)?$/.test(new URL(request.url).pathname);
    if (!isAcceptanceRead || response.status !== 404 || isAdminKey(request)) return response;
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${adminKey}`);
    const copy = await app(new Request(request.url, { headers }));
    return copy.ok ? copy : response;
  };
}

/** `value` without any `translations` field, at any depth. */
function withoutTranslations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTranslations);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'translations').map(([key, v]) => [key, withoutTranslations(v)]));
}

function dropsTranslations(app: FetchHandler): FetchHandler {
  return async (request) => {
    if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return app(request);
    const text = await request.clone().text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return app(request);
    }
    return app(new Request(request.url, { method: request.method, headers: request.headers, body: JSON.stringify(withoutTranslations(body)) }));
  };
}

const PLAN_TRANSITIONS = /^(\/v1\/partners\/[^/]+\/plans\/[^/]+)\/transitions$/;

function ignoresPlanVersions(app: FetchHandler): FetchHandler {
  return async (request) => {
    const plan = request.method === 'POST' ? PLAN_TRANSITIONS.exec(new URL(request.url).pathname)?.[1] : undefined;
    if (!plan) return app(request);
    const body = (await request.clone().json()) as { version?: unknown };
    const auth = new Headers({ authorization: request.headers.get('authorization') ?? '' });
    const current = await app(new Request(new URL(plan, request.url), { headers: auth }));
    if (current.ok) body.version = ((await current.json()) as { version: number }).version;
    return app(new Request(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify(body) }));
  };
}

interface Progress {
  expected: number | null;
}

function planProgressIgnoresTime(app: FetchHandler): FetchHandler {
  const untimed = (objective: { progress: Progress }) => {
    if (objective.progress.expected !== null) objective.progress.expected = 1;
  };
  return async (request) => {
    const pathname = new URL(request.url).pathname;
    if (!/\/plans\/[^/]+(\/objectives\/[^/]+)?$/.test(pathname)) return app(request);
    // It rewrites the body, so it asks for the plain bytes (as any proxy that edits answers must).
    const headers = new Headers(request.headers);
    headers.delete('accept-encoding');
    const response = await app(new Request(request, { headers }));
    if (response.status !== 200) return response;
    const body = (await response.json()) as { progress: Progress; objectives?: { progress: Progress }[] };
    if (body.objectives) body.objectives.forEach(untimed);
    else untimed(body);
    return new Response(JSON.stringify(body), { status: 200, headers: response.headers });
  };
}

/** Merges each question's correct choices (read with the admin key) into a course's answer, as a backend that serves its stored row would. */
function showsAssessmentKeys(app: FetchHandler, adminKey: string): FetchHandler {
  return async (request) => {
    const match = /^(.*\/v1\/courses\/[^/]+)$/.exec(new URL(request.url).pathname);
    if (request.method !== 'GET' || match === null || isAdminKey(request)) return app(request);
    const plain = new Headers(request.headers);
    plain.delete('accept-encoding');
    const response = await app(new Request(request.url, { headers: plain }));
    if (response.status !== 200) return response;
    const course = (await response.json()) as { assessment: { questions: Record<string, unknown>[] } | null };
    const keyAnswer = await app(new Request(`${request.url}/assessment-key`, { headers: { authorization: `Bearer ${adminKey}` } }));
    if (course.assessment !== null && keyAnswer.ok) {
      const key = (await keyAnswer.json()) as { questions: { questionId: string; correctChoiceIds: string[] }[] };
      for (const question of course.assessment.questions) question.correctChoiceIds = key.questions.find((k) => k.questionId === question.id)?.correctChoiceIds ?? [];
    }
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(JSON.stringify(course), { status: 200, headers });
  };
}

function measuresComputedKpis(app: FetchHandler): FetchHandler {
  return async (request) => {
    if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/v1/measurements')) return app(request);
    const body = await request.clone().text();
    const response = await app(request);
    if (response.status !== 409) return response;
    const problem = (await response.clone().json()) as { code?: string };
    if (problem.code !== 'kpi_computed') return response;
    const sent = JSON.parse(body) as { data: unknown[] };
    return Response.json({ upserted: sent.data.length });
  };
}

/** The handler of `variant` around the real app's `fetch`. */
function publicKeyReadsEverything(app: FetchHandler, adminKey: string): FetchHandler {
  return async (request) => {
    const publishable = /^bearer pk_pub_/i.test(request.headers.get('authorization') ?? '');
    if (!publishable || request.method !== 'GET' || new URL(request.url).pathname.endsWith('/v1/application-form')) return app(request);
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${adminKey}`);
    return app(new Request(request.url, { headers }));
  };
}

export function brokenVariant(variant: Variant, app: FetchHandler, adminKey: string): FetchHandler {
  switch (variant) {
    case 'public-key-reads-everything':
      return publicKeyReadsEverything(app, adminKey);
    case 'leaks-deals':
      return leaksDeals(app, adminKey);
    case 'crashes-on-bad-json':
      return crashesOnBadJson(app);
    case 'ignores-idempotency-keys':
      return ignoresIdempotencyKeys(app);
    case 'miscalculates-scorecards':
      return miscalculatesScorecards(app);
    case 'matches-by-domain-only':
      return matchesByDomainOnly(app);
    case 'extends-on-reapproval':
      return extendsOnReapproval(app, adminKey);
    case 'accepts-once-forever':
      return acceptsOnceForever(app);
    case 'leaks-acceptances':
      return leaksAcceptances(app, adminKey);
    case 'drops-translations':
      return dropsTranslations(app);
    case 'ignores-plan-versions':
      return ignoresPlanVersions(app);
    case 'plan-progress-ignores-time':
      return planProgressIgnoresTime(app);
    case 'shows-assessment-keys':
      return showsAssessmentKeys(app, adminKey);
    case 'measures-computed-kpis':
      return measuresComputedKpis(app);
    case 'announces-to-everyone':
      return announcesToEveryone(app, adminKey);
  }
}
