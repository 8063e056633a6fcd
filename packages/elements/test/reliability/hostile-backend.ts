/**
 * A stub backend for all three widgets behind a real client (`createClient` with this `fetch`):
 * session, scorecard, deals (list, get, check, register, transitions), resources (list, open) and
 * tiers, every answer valid under the contract, every text field filled with the strings it is
 * given. It can also break on purpose: be down, hang, answer 500 or a proxy's HTML page, send
 * malformed JSON or JSON that violates the contract.
 */
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import { computeScorecard } from '@partnerkit/core/rules';
import type { Deal, DealStatus, Kpi, Measurement, Partner, Principal, Resource, Target, Tier } from '@partnerkit/core/schemas';
import { fits } from './payloads.js';

/** How the backend fails. */
export type Fault = 'down' | 'slow' | 'server-error' | 'bad-gateway-html' | 'malformed-json' | 'schema';

export const FAULTS: readonly Fault[] = ['down', 'slow', 'server-error', 'bad-gateway-html', 'malformed-json', 'schema'];

export interface BackendOptions {
  /** The strings every text field is filled from (one per item, cycling). */
  strings: readonly string[];
  role?: 'partner' | 'manager';
  partnerId?: string;
  /** The statuses deals cycle through (default: most of the lifecycle). */
  statuses?: readonly DealStatus[];
}

const STAMP = '2026-09-01T08:00:00.000Z';
const NOW = new Date('2026-10-15T09:00:00.000Z');
export const PERIOD = '2026-Q3';
export const BASE_URL = 'https://stub.partnerkit.test/api';

/** A URL that carries `text` in its query, percent-encoded byte by byte (lone surrogates included). */
const urlWith = (path: string, text: string) =>
  `https://cdn.example.com/${path}?q=${[...new TextEncoder().encode(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`;

function problem(status: number, code: string): Response {
  return new Response(JSON.stringify({ type: `https://partnerkit.dev/problems/${code}`, title: code, status, code, requestId: 'req_stub' }), {
    status,
    headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_stub' },
  });
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'req_stub' } });

/** The programme a scorecard is computed from: each string a KPI, the partner and the tiers named after the first ones. */
function scorecardOf(strings: readonly string[], partnerId: string) {
  const s = (i: number, max: number) => fits(strings[i % strings.length] as string, max);
  const partner: Partner = {
    id: partnerId,
    name: s(0, 200),
    type: 'reseller',
    status: 'active',
    tierId: 'tier_current',
    region: s(1, 100),
    country: 'VN',
    website: null,
    domains: [],
    manager: { name: s(2, 200) },
    createdAt: STAMP,
    updatedAt: STAMP,
  };
  const units: Kpi['unit'][] = ['currency', 'count', 'percent', 'score'];
  const kpis: Kpi[] = strings.map((_, i) => ({
    id: `kpi_${i}`,
    name: s(i, 100),
    description: s(i, 1000),
    unit: units[i % 4] as Kpi['unit'],
    currency: i % 4 === 0 ? 'USD' : null,
    direction: i % 5 === 0 ? 'lower_is_better' : 'higher_is_better',
    aggregation: 'sum',
    weight: 1 + (i % 3),
    createdAt: STAMP,
    updatedAt: STAMP,
  }));
  const tier = (id: string, rank: number, i: number, requirements: Tier['requirements']): Tier => ({
    id,
    rank,
    name: s(i, 100),
    colour: '#6B7280',
    benefits: [{ label: s(i + 1, 200), value: s(i + 2, 200) }],
    requirements,
    dealProtectionDays: 30 * rank,
    createdAt: STAMP,
    updatedAt: STAMP,
  });
  const tiers = [
    tier('tier_current', 1, 3, []),
    tier('tier_next', 2, 4, kpis.slice(0, 3).map((k) => ({ kpiId: k.id, min: 1_000_000, window: 3 }))),
    tier('tier_top', 3, 5, kpis.slice(0, 2).map((k) => ({ kpiId: k.id, min: 9_000_000, window: 3 }))),
  ];
  const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];
  const measurements: Measurement[] = kpis.flatMap((k, i) => months.map((period, m) => ({ partnerId, kpiId: k.id, period, value: 1000 * (i + 1) + m * 250, source: s(i, 100), recordedAt: STAMP })));
  const targets: Target[] = kpis.map((k, i) => ({ partnerId, kpiId: k.id, period: PERIOD, value: 2500 * (i + 1), updatedAt: STAMP }));
  return { partner, kpis, tiers, measurements, targets };
}

const STATUSES: DealStatus[] = ['submitted', 'under_review', 'needs_info', 'approved', 'rejected', 'won', 'draft', 'withdrawn'];

function dealOf(text: string, i: number, partnerId: string, statuses: readonly DealStatus[] = STATUSES): Deal {
  const t = (max: number) => fits(text, max);
  const status = statuses[i % statuses.length] as DealStatus;
  const by = (role: 'partner' | 'manager') => ({ role, id: role === 'partner' ? 'u_1' : 'm_1', name: t(200) });
  return {
    id: `dl_${i}`,
    number: t(40),
    partnerId,
    submittedBy: { id: 'u_1', name: t(200) },
    status,
    type: (['resell', 'referral', 'co_sell'] as const)[i % 3] as Deal['type'],
    customer: { company: t(200), domain: t(253), country: 'VN', region: t(100), industry: t(100) },
    contact: { name: t(200), email: null, phone: null, title: t(200) },
    products: [t(200), t(200)],
    amount: { amount: 125_000_00 + i, currency: 'USD' },
    expectedCloseDate: '2026-12-31',
    stage: t(100),
    description: t(5000),
    submittedAt: STAMP,
    approvedAt: status === 'approved' ? STAMP : null,
    expiresAt: status === 'approved' ? '2027-01-15T00:00:00.000Z' : null,
    extensions: 0,
    approvedBy: status === 'approved' ? { id: 'm_1', name: t(200) } : null,
    reasonCode: status === 'rejected' ? 'other' : null,
    reason: ['rejected', 'needs_info', 'withdrawn'].includes(status) ? t(2000) : null,
    possibleConflicts: [{ dealId: `dl_other_${i}`, number: t(40), match: 'name' }],
    history: [
      { at: STAMP, from: null, to: status === 'draft' ? 'draft' : 'submitted', by: by('partner'), reason: null, reasonCode: null },
      ...(status === 'draft' || status === 'submitted' ? [] : [{ at: STAMP, from: 'submitted' as const, to: status, by: by('manager'), reason: t(2000), reasonCode: null }]),
    ],
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

function resourceOf(text: string, i: number): Resource {
  const t = (max: number) => fits(text, max);
  const locked = i % 3 === 2;
  return {
    id: `rs_${i}`,
    title: t(200),
    description: t(2000),
    type: (['document', 'video', 'link', 'template', 'brand_asset', 'training'] as const)[i % 6] as Resource['type'],
    format: t(20),
    sizeBytes: 1024 * (i + 1),
    language: i % 2 ? 'vi' : 'en',
    tags: ['sales', `tag${i % 5}`],
    thumbnailUrl: urlWith(`thumb/${i}.png`, text),
    minTierId: locked ? 'tier_hostile' : null,
    partnerTypes: [],
    locked,
    ...(locked ? {} : { url: urlWith(`file/${i}`, text) }),
    openCount: i,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

/** Parses `?limit=&cursor=` (the cursor is an offset here) and answers one page of `items`. */
function page<T>(items: readonly T[], url: URL): { data: T[]; nextCursor: string | null } {
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const from = Number(url.searchParams.get('cursor') ?? 0);
  const data = items.slice(from, from + limit);
  return { data, nextCursor: from + limit < items.length ? String(from + limit) : null };
}

/** A stub backend; `fault` and `faultOn` may change at any time (to heal it, set `fault` to null). */
export class HostileBackend {
  fault: Fault | null = null;
  /** Which requests the fault hits (default: every one). */
  faultOn: (request: Request) => boolean = () => true;
  readonly requests: Request[] = [];
  /** Registrations by idempotency key: a retry with the same key answers the same deal. */
  readonly registered = new Map<string, Deal>();
  readonly role: 'partner' | 'manager';
  readonly partnerId: string;
  readonly deals: Deal[];
  readonly resources: Resource[];
  private readonly strings: readonly string[];

  constructor(options: BackendOptions) {
    this.strings = options.strings;
    this.role = options.role ?? 'partner';
    this.partnerId = options.partnerId ?? 'pt_hostile';
    this.deals = options.strings.map((text, i) => dealOf(text, i, this.partnerId, options.statuses));
    this.resources = options.strings.map((text, i) => resourceOf(text, i));
  }

  /** A real client over this backend: no retries, a short timeout (a hanging backend times out). */
  client(timeout = 10_000): PartnerKitClient {
    return createClient({ baseUrl: BASE_URL, token: 'stub-session-token-0123456789', fetch: this.fetch, retry: 0, timeout });
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    this.requests.push(request.clone());
    if (this.fault !== null && this.faultOn(request)) return this.broken(this.fault, request);
    return this.answer(request);
  };

  private async broken(fault: Fault, request: Request): Promise<Response> {
    switch (fault) {
      case 'down':
        throw new TypeError('Failed to fetch');
      case 'slow':
        // Hangs until the client gives up (its timeout) or the widget aborts.
        return new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
      case 'server-error':
        return problem(500, 'internal_error');
      case 'bad-gateway-html':
        return new Response('<html><body><h1>502 Bad Gateway</h1><script>window.__pkCanary("proxy-page")</script></body></html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        });
      case 'malformed-json':
        return new Response('{"data": [{"id": "x", "title": "<img src=x onerror=alert(1)>"', { status: request.method === 'POST' ? 201 : 200, headers: { 'content-type': 'application/json' } });
      case 'schema':
        return json({ data: 'not a list', role: 'emperor', rows: 7, id: 42, url: 'javascript:alert(1)', title: ['<b>'] }, request.method === 'POST' ? 201 : 200);
    }
  }

  private async answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api/, '');
    const method = request.method;
    const s = (i: number, max: number) => fits(this.strings[i % this.strings.length] as string, max);

    if (method === 'GET' && path === '/v1/session') {
      const principal: Principal = {
        role: this.role,
        partnerId: this.role === 'partner' ? this.partnerId : null,
        user: { id: 'u_1', name: s(0, 200) },
        locale: null,
        expiresAt: '2099-01-01T00:00:00.000Z',
      };
      return json(principal);
    }
    const scorecard = /^\/v1\/partners\/([^/]+)\/scorecard$/.exec(path);
    if (method === 'GET' && scorecard) {
      if (decodeURIComponent(scorecard[1] as string) !== this.partnerId) return problem(404, 'not_found');
      const programme = scorecardOf(this.strings, this.partnerId);
      const periods = Number(url.searchParams.get('periods') ?? 6);
      return json(computeScorecard({ ...programme, period: url.searchParams.get('period') ?? PERIOD, trendPeriods: periods, now: NOW }));
    }
    if (method === 'GET' && path === '/v1/deals') {
      const statuses = url.searchParams.get('status')?.split(',');
      const mine = this.deals.filter((d) => !statuses || statuses.includes(d.status));
      return json(page(this.role === 'partner' ? mine.map(({ possibleConflicts: _, ...d }) => d) : mine, url));
    }
    const oneDeal = /^\/v1\/deals\/([^/]+)$/.exec(path);
    if (method === 'GET' && oneDeal && oneDeal[1] !== 'check') {
      const deal = this.deals.find((d) => d.id === decodeURIComponent(oneDeal[1] as string));
      return deal ? json(deal) : problem(404, 'not_found');
    }
    if (method === 'POST' && path === '/v1/deals/check') return json({ available: true });
    if (method === 'POST' && path === '/v1/deals') {
      const key = request.headers.get('idempotency-key') ?? crypto.randomUUID();
      const known = this.registered.get(key);
      if (known) return json(known, 201);
      const input = (await request.json()) as { customer: Deal['customer']; type: Deal['type']; contact?: Deal['contact']; products?: string[]; description?: string };
      // The deal as the backend stored it: what was typed, and a number the backend chose.
      const deal: Deal = {
        ...dealOf(s(this.registered.size, 200), this.registered.size, this.partnerId),
        id: `dl_new_${this.registered.size}`,
        status: 'submitted',
        approvedAt: null,
        expiresAt: null,
        reason: null,
        reasonCode: null,
        type: input.type,
        customer: { country: null, region: null, industry: null, domain: null, ...input.customer },
        contact: { name: null, email: null, phone: null, title: null, ...input.contact },
        products: input.products ?? [],
        description: input.description ?? null,
      };
      this.registered.set(key, deal);
      return json(deal, 201);
    }
    const move = /^\/v1\/deals\/([^/]+)\/transitions$/.exec(path);
    if (method === 'POST' && move) {
      const deal = this.deals.find((d) => d.id === decodeURIComponent(move[1] as string));
      if (!deal) return problem(404, 'not_found');
      const { to } = (await request.json()) as { to: DealStatus };
      return json({ ...deal, status: to });
    }
    if (method === 'GET' && path === '/v1/resources') {
      const listed = page(this.resources, url);
      // Facet values are free strings in the contract: the hostile ones go there too.
      const tag: Record<string, number> = { sales: this.resources.length };
      const language: Record<string, number> = { en: 1, vi: 1 };
      for (let i = 0; i < Math.min(8, this.strings.length); i += 1) {
        tag[s(i, 50)] = i + 1;
        language[s(i + 8, 35)] = 1;
      }
      return json({ ...listed, total: this.resources.length, facets: { type: { document: 3, video: 2 }, tag, language } });
    }
    const openOne = /^\/v1\/resources\/([^/]+)\/open$/.exec(path);
    if (method === 'POST' && openOne) {
      const resource = this.resources.find((r) => r.id === decodeURIComponent(openOne[1] as string));
      return resource?.url ? json({ url: resource.url }) : problem(403, 'forbidden');
    }
    if (method === 'GET' && path === '/v1/tiers') {
      return json(page([{ ...scorecardOf(this.strings, this.partnerId).tiers[1], id: 'tier_hostile' } as Tier], url));
    }
    return problem(404, 'not_found');
  }
}
