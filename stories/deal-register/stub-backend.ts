/**
 * An in-memory PartnerKit backend for the routes `<deal-register>` calls, behind a real client:
 * `GET /v1/session`, `GET /v1/deals`, `GET /v1/deals/{id}`, `POST /v1/deals` (with idempotency
 * keys and the one-active-registration-per-customer rule), `POST /v1/deals/check` and
 * `POST /v1/deals/{id}/transitions` (core's state machine). Stories need no server, and tests
 * exercise the real client (parsing, validation, errors, abort) and can break the network or the
 * contract on purpose.
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import { ACTIVE_DEAL_STATUSES, checkTransition, customerKey, MAX_PROTECTION_EXTENSIONS } from '@partnerkit/core/rules';
import { DealInput, DealTransitionInput, type Deal, type DealStatus } from '@partnerkit/core/schemas';
import * as z from 'zod/mini';
import { apiPath, clientOver, json, principalOf, problem, type StubRole, wait } from '../support/stub-http.js';
import { fixtureDeals, PARTNER_ID, PARTNER_NAMES } from './fixtures.js';

export { problem, STUB_BASE_URL, type StubRole } from '../support/stub-http.js';

/** What a request hook may answer instead of the stub: a response, or `'network'` to fail like fetch does offline. */
export type StubOverride = Response | 'network' | undefined;

/** How the stub behaves. */
export interface DealStubOptions {
  /** Who is calling (default: a partner session of {@link PARTNER_ID}). */
  as?: StubRole;
  /** The deals the backend starts with (default: the fixtures). */
  deals?: Deal[];
  /** Milliseconds before each answer; `Infinity` never answers (until aborted). */
  delay?: number;
  /** Milliseconds before `GET /v1/deals` answers (overrides `delay` for lists). */
  listDelay?: number;
  /** Protection days granted on approval and on extension. */
  protectionDays?: number;
  /** Sees every request first; may answer instead of the stub (a 5xx, a broken body, `'network'`). */
  override?: (request: Request, path: string) => StubOverride | Promise<StubOverride>;
  /** Sees every request the client sends (a clone, so the body can be read). */
  onRequest?: (request: Request) => void;
}

/** The stub's state, for tests to inspect: every deal, and every POST /v1/deals it received. */
export interface DealStub {
  fetch: typeof fetch;
  client: PartnerKitClient;
  deals: Deal[];
  /** Each `POST /v1/deals` received: its idempotency key and body. */
  registrations: { key: string | null; body: unknown }[];
}

/** A stub backend and a real client on it (no retries, so tests count requests exactly). */
export function dealStub(options: DealStubOptions = {}): DealStub {
  const as = options.as ?? { role: 'partner', partnerId: PARTNER_ID };
  const deals = options.deals ? [...options.deals] : fixtureDeals();
  const days = options.protectionDays ?? 90;
  const idempotency = new Map<string, { body: string; deal: Deal }>();
  const registrations: DealStub['registrations'] = [];
  let sequence = 500;

  const principal = principalOf(as);
  const visible = (deal: Deal) => as.role !== 'partner' || deal.partnerId === as.partnerId;
  // Vendor principals see possible conflicts; partners never do.
  const view = (deal: Deal): Deal => {
    if (as.role === 'partner') return { ...deal, possibleConflicts: undefined };
    const key = customerKey(deal.customer);
    const possibleConflicts = deals
      .filter((d) => d.id !== deal.id && ACTIVE_DEAL_STATUSES.includes(d.status) && customerKey(d.customer) === key)
      .map((d) => ({ dealId: d.id, number: d.number, match: deal.customer.domain ? ('domain' as const) : ('name' as const) }));
    return { ...deal, possibleConflicts };
  };
  // Every active registration of the same customer (normalised domain, else normalised name).
  const holders = (customer: { company: string; domain?: string | null }) => {
    const key = customerKey(customer);
    return deals.filter((d) => ACTIVE_DEAL_STATUSES.includes(d.status) && customerKey(d.customer) === key);
  };
  const conflictReason = (held: Deal[], partnerId: string) =>
    held.some((d) => d.partnerId === partnerId) ? 'own_registration' : held.some((d) => d.status === 'approved') ? 'protected' : 'already_registered';

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = apiPath(url);
    const method = request.method;
    if (path === '/v1/session' && method === 'GET') return json(200, principal);

    if (path === '/v1/deals' && method === 'GET') {
      const statuses = url.searchParams.get('status')?.split(',') as DealStatus[] | undefined;
      const q = url.searchParams.get('q')?.toLowerCase();
      const partnerId = url.searchParams.get('partnerId');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const matching = deals.filter(
        (d) =>
          visible(d) &&
          (!statuses || statuses.includes(d.status)) &&
          (!partnerId || d.partnerId === partnerId) &&
          (!q || `${d.customer.company} ${d.customer.domain ?? ''} ${d.number}`.toLowerCase().includes(q)),
      );
      const page = matching.slice(start, start + limit).map(view);
      return json(200, { data: page, nextCursor: start + limit < matching.length ? String(start + limit) : null });
    }

    if (path === '/v1/deals/check' && method === 'POST') {
      const body = (await request.json()) as { customer: { company: string; domain?: string | null } };
      const held = holders(body.customer);
      return json(200, held.length ? { available: false, reason: conflictReason(held, principal.partnerId ?? '') } : { available: true });
    }

    if (path === '/v1/deals' && method === 'POST') {
      const key = request.headers.get('idempotency-key');
      const text = await request.text();
      registrations.push({ key, body: JSON.parse(text) as unknown });
      if (key && idempotency.has(key)) {
        const first = idempotency.get(key)!;
        return first.body === text ? json(201, view(first.deal)) : problem(422, 'idempotency_mismatch', 'This idempotency key was used with another body');
      }
      const parsed = z.safeParse(DealInput, JSON.parse(text));
      if (!parsed.success) {
        return problem(422, 'validation_failed', 'The request is not valid', {
          errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      }
      const input = parsed.data;
      const partnerId = principal.partnerId ?? input.partnerId;
      if (!partnerId) return problem(422, 'validation_failed', 'The request is not valid', { errors: [{ path: 'partnerId', message: 'is required for vendor sessions' }] });
      const held = holders(input.customer);
      if (held.length) return problem(409, 'deal_conflict', 'This customer is already registered', { reason: conflictReason(held, partnerId) });
      const now = new Date().toISOString();
      sequence += 1;
      const deal: Deal = {
        id: `d_${sequence}`,
        number: `DR-000${sequence}`,
        partnerId,
        partnerName: PARTNER_NAMES[partnerId] ?? partnerId,
        submittedBy: { id: 'u_story', name: 'Story User' },
        status: input.status ?? 'submitted',
        type: input.type,
        customer: { company: input.customer.company, domain: input.customer.domain ?? null, country: input.customer.country ?? null, industry: input.customer.industry ?? null },
        contact: input.contact ?? {},
        products: input.products ?? [],
        amount: input.amount ?? null,
        expectedCloseDate: input.expectedCloseDate ?? null,
        stage: input.stage ?? null,
        description: input.description ?? null,
        submittedAt: now,
        approvedAt: null,
        expiresAt: null,
        extensions: 0,
        approvedBy: null,
        reasonCode: null,
        reason: null,
        history: [{ at: now, from: null, to: input.status ?? 'submitted', by: { role: principal.role, id: 'u_story', name: 'Story User' } }],
        createdAt: now,
        updatedAt: now,
      };
      deals.unshift(deal);
      if (key) idempotency.set(key, { body: text, deal });
      return json(201, view(deal));
    }

    const one = /^\/v1\/deals\/([^/]+)(\/transitions)?$/.exec(path);
    const found = one ? deals.find((d) => d.id === decodeURIComponent(one[1]!) && visible(d)) : undefined;
    if (one && !found) return problem(404, 'not_found', 'Not found');
    if (found && !one![2] && method === 'GET') return json(200, view(found));
    if (found && one![2] && method === 'POST') {
      const parsed = z.safeParse(DealTransitionInput, await request.json());
      if (!parsed.success) return problem(422, 'validation_failed', 'The request is not valid', { errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      const { to, reason, reasonCode, extend } = parsed.data;
      const verdict = checkTransition({ from: found.status, to, role: principal.role, reason: reason ?? null, extensions: found.extensions, extend: extend === true });
      if (!verdict.ok) return problem(verdict.code === 'forbidden' ? 403 : verdict.code === 'reason_required' ? 422 : 409, verdict.code, verdict.message);
      if (to === 'approved' && found.status !== 'approved') {
        const other = deals.find((d) => d.id !== found.id && d.status === 'approved' && customerKey(d.customer) === customerKey(found.customer));
        if (other) return problem(409, 'deal_conflict', 'Another registration protects this customer', { reason: 'protected' });
      }
      const now = Date.now();
      const at = new Date(now).toISOString();
      const next: Deal = {
        ...found,
        status: to,
        reason: reason ?? found.reason,
        reasonCode: reasonCode ?? found.reasonCode,
        updatedAt: at,
        history: [...found.history, { at, from: found.status, to, by: { role: principal.role, id: 'u_story', name: 'Story User' }, reason: reason ?? null, reasonCode: reasonCode ?? null }],
      };
      if (to === 'approved' && found.status === 'approved') {
        next.extensions = Math.min(MAX_PROTECTION_EXTENSIONS, found.extensions + 1);
        next.expiresAt = new Date(Date.parse(found.expiresAt ?? at) + days * 86_400_000).toISOString();
      } else if (to === 'approved') {
        next.approvedAt = at;
        next.expiresAt = new Date(now + days * 86_400_000).toISOString();
      }
      deals[deals.indexOf(found)] = next;
      return json(200, view(next));
    }
    return problem(404, 'not_found', 'Not found');
  };

  const stubFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    options.onRequest?.(request.clone());
    const path = apiPath(new URL(request.url));
    const delay = path === '/v1/deals' && request.method === 'GET' ? (options.listDelay ?? options.delay) : options.delay;
    if (delay) await wait(delay, request.signal);
    const override = await options.override?.(request.clone(), path);
    if (override === 'network') throw new TypeError('Failed to fetch');
    if (override) return override;
    return handle(request);
  };

  return {
    fetch: stubFetch,
    client: clientOver(stubFetch, options.delay),
    deals,
    registrations,
  };
}
