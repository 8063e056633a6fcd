/**
 * An in-memory PartnerKit backend for the bench page: a `fetch` that answers the few v1 paths the
 * widgets read, from the fixtures, with the contract's pagination, filters, totals and facets.
 * Answer bodies are kept per URL, so after a warm-up run a request costs only building a
 * `Response`: what is timed is the client and the rendering, not this stand-in.
 * @module
 */
import type { Deal, Resource } from '@partnerkit/core/schemas';
import type { RenderFixtures } from '../fixtures.ts';

export const BASE_URL = 'https://bench.invalid/api';

/** What the backend saw: request counts, the page sizes asked for, and paths it does not serve. */
export interface BackendLog {
  requests: number;
  /** Requests per path. */
  paths: Record<string, number>;
  limits: Record<string, number>;
  unknown: string[];
}

/**
 * A response whose body is already in memory: `text()` and `json()` resolve in a microtask. A
 * plain `Response` reads its body through the browser's data pipe, which takes a task and so
 * pushes every result to the next frame for both the widgets and the baselines alike; that
 * would time the frame clock, not the rendering.
 */
class MemoryResponse extends Response {
  readonly #body: string;

  constructor(body: string, init: ResponseInit) {
    super(body, init);
    this.#body = body;
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#body);
  }

  override json(): Promise<unknown> {
    return Promise.resolve(JSON.parse(this.#body) as unknown);
  }

  override clone(): MemoryResponse {
    return new MemoryResponse(this.#body, { status: this.status, statusText: this.statusText, headers: this.headers });
  }
}

const json = (status: number, body: string): Response =>
  new MemoryResponse(body, { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });

const notFound = (path: string) =>
  JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: `no bench route for ${path}`, code: 'not_found' });

/** Offsets as cursors: opaque enough for the widgets, which only hand them back. */
function page<T>(items: readonly T[], params: URLSearchParams): { data: T[]; nextCursor: string | null } {
  const limit = Math.min(200, Math.max(1, Number(params.get('limit') ?? 50)));
  const offset = Number((params.get('cursor') ?? 'o0').slice(1));
  const data = items.slice(offset, offset + limit);
  return { data, nextCursor: offset + limit < items.length ? `o${offset + limit}` : null };
}

const includes = (text: string | null | undefined, q: string) => !!text && text.toLowerCase().includes(q);

export function filterDeals(deals: readonly Deal[], params: URLSearchParams): Deal[] {
  const statuses = params.get('status')?.split(',');
  const q = params.get('q')?.trim().toLowerCase();
  return deals.filter(
    (d) =>
      (!statuses || statuses.includes(d.status)) &&
      (!q || includes(d.customer.company, q) || includes(d.customer.domain, q) || includes(d.number, q)),
  );
}

export function filterResources(resources: readonly Resource[], params: URLSearchParams): Resource[] {
  const q = params.get('q')?.trim().toLowerCase();
  const type = params.get('type');
  const tag = params.get('tag');
  const language = params.get('language');
  const matching = resources.filter(
    (r) =>
      (!type || r.type === type) &&
      (!tag || r.tags.includes(tag)) &&
      (!language || r.language === language) &&
      (!q || includes(r.title, q) || includes(r.description, q) || r.tags.some((t) => includes(t, q))),
  );
  const sort = params.get('sort') ?? 'newest';
  if (sort === 'title') return matching.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  if (sort === 'popular') return matching.sort((a, b) => b.openCount - a.openCount || a.id.localeCompare(b.id));
  return matching; // the fixtures are newest first
}

function facets(resources: readonly Resource[]) {
  const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  const result = { type: {} as Record<string, number>, tag: {} as Record<string, number>, language: {} as Record<string, number> };
  for (const r of resources) {
    count(result.type, r.type);
    count(result.language, r.language);
    for (const tag of r.tags) count(result.tag, tag);
  }
  return result;
}

/** The backend's `fetch` and its log. */
export function createBackend(fixtures: RenderFixtures): { fetch: typeof fetch; log: BackendLog } {
  const log: BackendLog = { requests: 0, paths: {}, limits: {}, unknown: [] };
  const bodies = new Map<string, { status: number; body: string }>();

  const answer = (url: URL): { status: number; body: string } => {
    const path = url.pathname.replace(/^\/api/, '');
    const params = url.searchParams;
    if (params.has('limit')) log.limits[path] = Number(params.get('limit'));
    if (path === '/v1/session') return { status: 200, body: JSON.stringify(fixtures.principal) };
    if (path === `/v1/partners/${fixtures.principal.partnerId}/scorecard`) return { status: 200, body: JSON.stringify(fixtures.scorecard.data) };
    if (path === `/v1/partners/${fixtures.plan.partnerId}/plans/${fixtures.plan.period}`) return { status: 200, body: JSON.stringify(fixtures.plan) };
    if (path === '/v1/tiers') return { status: 200, body: JSON.stringify({ data: fixtures.tiers, nextCursor: null }) };
    if (path === '/v1/deals') return { status: 200, body: JSON.stringify(page(filterDeals(fixtures.deals, params), params)) };
    if (path === '/v1/resources') {
      const matching = filterResources(fixtures.resources, params);
      return { status: 200, body: JSON.stringify({ ...page(matching, params), total: matching.length, facets: facets(matching) }) };
    }
    log.unknown.push(`${path}${url.search}`);
    return { status: 404, body: notFound(path) };
  };

  const backendFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    log.requests += 1;
    const url = new URL(request.url);
    log.paths[url.pathname] = (log.paths[url.pathname] ?? 0) + 1;
    if (request.method !== 'GET') {
      log.unknown.push(`${request.method} ${url.pathname}`);
      return json(405, notFound(url.pathname));
    }
    let cached = bodies.get(request.url);
    if (!cached) bodies.set(request.url, (cached = answer(url)));
    return json(cached.status, cached.body);
  };
  return { fetch: backendFetch as typeof fetch, log };
}
