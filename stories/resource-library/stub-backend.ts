/**
 * A stub of the routes `<resource-library>` calls, behind a real client: `GET /v1/resources`
 * (filters, search, sort, cursor pages, total and facet counts, as the contract describes),
 * `POST /v1/resources/{id}/open` and `GET /v1/tiers`. Stories need no server, and tests exercise
 * the real client (query strings, parsing, schema validation, errors, abort).
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import type { Resource, ResourceFacets, Tier } from '@partnerkit/core/schemas';
import { apiPath, clientOver, json, problem, wait } from '../support/stub-http.js';
import { PARTNER_LIBRARY, TIERS } from './fixtures.js';

export { STUB_BASE_URL } from '../support/stub-http.js';

/** How the stub behaves. */
export interface LibraryStubOptions {
  /** The library as the caller sees it (locked items without a URL). Default: a Silver reseller's. */
  resources?: Resource[];
  tiers?: Tier[];
  /** Milliseconds before each answer (or before the answer to `request`); `Infinity` never answers (until aborted). */
  delay?: number | ((request: Request) => number);
  /** Answers `GET /v1/resources` with this problem instead. */
  problem?: { status: number; code: string; title: string; detail?: string };
  /** Answers `GET /v1/tiers` with a 500. */
  tiersFail?: boolean;
  /** The URL `open` answers with (default: the resource's own); to send a bad one on purpose. */
  openUrl?: (resource: Resource) => string;
  /** Rewrites a list page's JSON before it is sent: to break the contract on purpose. */
  rewriteList?: (page: Record<string, unknown>) => unknown;
  /** Sees every request the client sends. */
  onRequest?: (request: Request) => void;
}

const ORDER: Record<string, (a: Resource, b: Resource) => number> = {
  newest: (a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id),
  title: (a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
  popular: (a, b) => b.openCount - a.openCount || a.id.localeCompare(b.id),
};

/** Facet counts over the whole filtered result. */
function countFacets(items: readonly Resource[]): ResourceFacets {
  const facets: ResourceFacets = { type: {}, tag: {}, language: {} };
  for (const r of items) {
    facets.type[r.type] = (facets.type[r.type] ?? 0) + 1;
    facets.language[r.language] = (facets.language[r.language] ?? 0) + 1;
    for (const tag of r.tags) facets.tag[tag] = (facets.tag[tag] ?? 0) + 1;
  }
  return facets;
}

/** One page of `GET /v1/resources` for the query in `params`. */
export function listPage(resources: readonly Resource[], params: URLSearchParams) {
  const type = params.get('type');
  const tag = params.get('tag')?.toLowerCase();
  const language = params.get('language');
  const q = params.get('q')?.trim().toLowerCase();
  const matches = resources.filter(
    (r) =>
      (!type || r.type === type) &&
      (!tag || r.tags.some((t) => t.toLowerCase() === tag)) &&
      (!language || r.language === language) &&
      (!q || [r.title, r.description ?? '', ...r.tags].some((text) => text.toLowerCase().includes(q))),
  );
  const sorted = matches.sort(ORDER[params.get('sort') ?? 'newest'] ?? ORDER.newest);
  const limit = Number(params.get('limit') ?? 50);
  const offset = Number(params.get('cursor')?.slice(1) ?? 0);
  const data = sorted.slice(offset, offset + limit);
  return {
    data,
    nextCursor: offset + limit < sorted.length ? `o${offset + limit}` : null,
    total: sorted.length,
    facets: countFacets(sorted),
  };
}

/** A `fetch` that answers like a PartnerKit backend for the resource library's routes. */
export function libraryFetch(options: LibraryStubOptions = {}): typeof fetch {
  const resources = options.resources ?? PARTNER_LIBRARY;
  const tiers = options.tiers ?? TIERS;
  return async (input, init) => {
    const request = new Request(input, init);
    options.onRequest?.(request);
    const delay = typeof options.delay === 'function' ? options.delay(request) : options.delay;
    if (delay) await wait(delay, request.signal);
    const url = new URL(request.url);
    const path = apiPath(url);

    if (request.method === 'GET' && path === '/v1/tiers') {
      return options.tiersFail ? problem(500, 'internal_error', 'Internal error') : json(200, { data: tiers, nextCursor: null });
    }
    if (request.method === 'GET' && path === '/v1/resources') {
      if (options.problem) {
        const { status, code, title, detail } = options.problem;
        return problem(status, code, title, { detail });
      }
      const limit = url.searchParams.get('limit');
      if (limit !== null && !/^([1-9]\d?|1\d\d|200)$/.test(limit)) return problem(400, 'validation_failed', 'Invalid query', { detail: 'limit must be 1-200' });
      const page = JSON.parse(JSON.stringify(listPage(resources, url.searchParams))) as Record<string, unknown>;
      return json(200, options.rewriteList ? options.rewriteList(page) : page);
    }
    const open = /^\/v1\/resources\/([^/]+)\/open$/.exec(path);
    if (request.method === 'POST' && open) {
      const resource = resources.find((r) => r.id === decodeURIComponent(open[1]!));
      if (!resource) return problem(404, 'not_found', 'Not found');
      if (resource.locked) return problem(403, 'forbidden', 'Forbidden', { detail: 'Your tier or partner type may not open this resource.' });
      return json(200, { url: options.openUrl ? options.openUrl(resource) : resource.url });
    }
    return problem(404, 'not_found', 'Not found');
  };
}

/** A real client over {@link libraryFetch}, without retries (tests see each failure at once). */
export function libraryClient(options: LibraryStubOptions = {}): PartnerKitClient {
  return clientOver(libraryFetch(options), typeof options.delay === 'number' ? options.delay : undefined);
}
