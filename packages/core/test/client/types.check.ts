/**
 * Type tests of the public client API, checked by `npx tsc -p tsconfig.check.json` (never run).
 * Each `@ts-expect-error` line must be an error; if the API loosens, tsc reports it unused.
 */
import {
  createClient,
  isConflictError,
  isPartnerKitError,
  isRateLimitError,
  isValidationProblemError,
  type ClientOptions,
  type PartnerKitClient,
  type PartnerKitError,
} from '@partnerkit/core/client';
import { createBaseClient, definePart, route, type BaseClient, type ClientRequests } from '@partnerkit/core/client/base';
import { deals, type DealsApi } from '@partnerkit/core/client/deals';
import { partners } from '@partnerkit/core/client/partners';
import type { resources } from '@partnerkit/core/client/resources';
import type { session } from '@partnerkit/core/client/session';
import type { plans } from '@partnerkit/core/client/plans';
import type { announcements, requests } from '@partnerkit/core/client/communication';
import { Deal, type DealCheckResult, type Page, type Plan, type PlanObjective, type PlanSummary, type Principal, type Resource, type ResourcePage, type Scorecard, type Tier } from '@partnerkit/core/schemas';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(_: T) => undefined;

export async function typeTests(client: PartnerKitClient) {
  // Options.
  createClient({ baseUrl: 'https://prm.example.com/api', token: 't' });
  createClient({ baseUrl: new URL('https://prm.example.com/api'), fetchSession: async () => ({ token: 't', expiresAt: '2026-01-01T00:00:00.000Z' }) });
  createClient({ baseUrl: 'https://x', token: 't', retry: 3, timeout: 5_000, cache: { ttl: 30_000 }, clientName: 'acme/1' });
  createClient({ baseUrl: 'https://x', token: 't', retry: { limit: 4, backoffLimit: 1_000, jitter: (d) => d / 2, maxRetryAfter: 10_000 }, cache: false });
  createClient({
    baseUrl: 'https://x',
    hooks: {
      beforeRequest: [(request, { retryCount }) => void request.headers.set('x-try', String(retryCount))],
      afterResponse: [(_request, response) => (response.status === 204 ? new Response('{}') : undefined)],
      beforeError: [(error) => void console.warn(error.code)],
    },
  });
  // @ts-expect-error baseUrl is required
  createClient({ token: 't' });
  // @ts-expect-error fetchSession must return a promise of { token, expiresAt }
  createClient({ baseUrl: 'https://x', fetchSession: async () => 'token' });
  // @ts-expect-error timeout is a number of milliseconds
  createClient({ baseUrl: 'https://x', timeout: '10s' });
  // @ts-expect-error cache takes { ttl }
  createClient({ baseUrl: 'https://x', cache: true });
  // @ts-expect-error unknown options are rejected
  createClient({ baseUrl: 'https://x', prefixUrl: 'https://x' });
  const options: ClientOptions = { baseUrl: 'https://x' };
  void options;

  // Results are the contract's types.
  expectType<Equal<Awaited<ReturnType<PartnerKitClient['session']['get']>>, Principal>>(true);
  expectType<Equal<Awaited<ReturnType<PartnerKitClient['deals']['list']>>, Page<Deal>>>(true);
  expectType<Equal<Awaited<ReturnType<PartnerKitClient['deals']['register']>>, Deal>>(true);
  expectType<Equal<Awaited<ReturnType<PartnerKitClient['deals']['check']>>, DealCheckResult>>(true);
  expectType<Equal<Awaited<ReturnType<PartnerKitClient['tiers']['get']>>, Tier>>(true);
  expectType<Equal<Awaited<ReturnType<PartnerKitClient['tiers']['delete']>>, void>>(true);
  expectType<Equal<Awaited<ReturnType<PartnerKitClient['resources']['list']>>, ResourcePage>>(true);
  expectType<Equal<Awaited<ReturnType<PartnerKitClient['partners']['scorecard']>>, Scorecard>>(true);
  expectType<Equal<Awaited<ReturnType<PartnerKitClient['resources']['open']>>, { url: string }>>(true);

  expectType<Equal<Awaited<ReturnType<PartnerKitClient['plans']['get']>>, Plan>>(true);
  expectType<Equal<Awaited<ReturnType<PartnerKitClient['plans']['list']>>, Page<PlanSummary>>>(true);
  expectType<Equal<Awaited<ReturnType<PartnerKitClient['plans']['addObjective']>>, PlanObjective>>(true);
  expectType<Equal<ReturnType<typeof plans>, PartnerKitClient['plans']>>(true);
  expectType<Equal<ReturnType<typeof announcements>, PartnerKitClient['announcements']>>(true);
  expectType<Equal<ReturnType<typeof requests>, PartnerKitClient['requests']>>(true);
  await client.announcements.list({ read: false, category: 'incentive' });
  await client.requests.list({ status: ['open', 'resolved'], sort: 'due' });
  // @ts-expect-error read is a boolean, not the wire's string
  await client.announcements.list({ read: 'false' });
  // @ts-expect-error not a request status
  await client.requests.list({ status: 'pending' });

  for await (const _deal of client.deals.iterate({ status: 'approved' })) expectType<Equal<typeof _deal, Deal>>(true);
  for await (const _item of client.resources.iterate({ sort: 'popular' })) expectType<Equal<typeof _item, Resource>>(true);

  // Queries are typed from the contract.
  await client.deals.list({ status: ['submitted', 'under_review'], limit: 20, cursor: 'c' });
  await client.partners.list({ type: 'reseller', status: 'active', q: 'acme' });
  await client.partners.scorecard('p_1', { period: '2026-Q2', periods: 6 });
  await client.plans.objectives({ partnerId: 'p_1', overdue: true, side: 'partner' });
  await client.plans.addObjective('p_1', '2027-H1', { owner: { name: 'Lan' }, title: 'Revenue', kind: 'measured', measure: { kpiId: 'revenue', target: 1 } });
  // @ts-expect-error a plan transition names the version read
  await client.plans.transition('p_1', '2027-H1', { to: 'agreed' });
  // @ts-expect-error overdue is a boolean
  await client.plans.objectives({ overdue: 'yes' });
  // @ts-expect-error not a deal status
  await client.deals.list({ status: 'pending' });
  // @ts-expect-error limit is a number
  await client.tiers.list({ limit: '10' });
  // @ts-expect-error not a filter of partners
  await client.partners.list({ colour: 'red' });
  // @ts-expect-error periods is a number
  await client.partners.scorecard('p_1', { periods: '6' });
  // @ts-expect-error not a resource sort
  await client.resources.list({ sort: 'oldest' });

  // Inputs are the contract's input types.
  await client.deals.register({ type: 'resell', customer: { company: 'Acme' } }, { idempotencyKey: 'k', signal: AbortSignal.timeout(1_000) });
  await client.deals.transition('d_1', { to: 'approved' });
  // @ts-expect-error customer is required
  await client.deals.register({ type: 'resell' });
  // @ts-expect-error not a deal type
  await client.deals.register({ type: 'wholesale', customer: { company: 'Acme' } });
  // @ts-expect-error not a deal status
  await client.deals.transition('d_1', { to: 'done' });
  // @ts-expect-error ids are strings
  await client.deals.get(42);
  // @ts-expect-error a GET takes no idempotency key
  await client.deals.get('d_1', { idempotencyKey: 'k' });
  // @ts-expect-error PATCH is never retried, so it takes no idempotency key
  await client.partners.update('p_1', { name: 'x' }, { idempotencyKey: 'k' });
  // @ts-expect-error a session for a role that cannot be minted
  await client.sessions.create({ role: 'admin', user: { id: 'u' } });
  // @ts-expect-error the client is read-only
  client.deals = client.deals;
  // @ts-expect-error no such namespace
  void client.opportunities;

  // Errors narrow.
  try {
    await client.deals.register({ type: 'resell', customer: { company: 'Acme' } });
  } catch (error) {
    // @ts-expect-error unknown until narrowed
    void error.code;
    if (isValidationProblemError(error)) {
      const paths: string[] = error.errors.map((e) => e.path);
      const status: number = error.status;
      void paths;
      void status;
    }
    if (isConflictError(error)) {
      const reason: string | null = error.reason;
      void reason;
    }
    if (isRateLimitError(error)) {
      const after: number | null = error.retryAfter;
      void after;
    }
    if (isPartnerKitError(error)) {
      const e: PartnerKitError = error;
      const code: string = e.code;
      void code;
      // @ts-expect-error only HTTP errors have a status
      void e.status;
    }
  }
}

/** The lean client: a base client, and the binders of the contract parts. */
export async function baseClientTypeTests(full: PartnerKitClient) {
  const base: BaseClient = createBaseClient({ baseUrl: 'https://prm.example.com/api', fetchSession: async () => ({ token: 't', expiresAt: '2026-01-01T00:00:00.000Z' }), cache: { ttl: 30_000 } });
  // @ts-expect-error the same options as createClient: unknown ones are rejected
  createBaseClient({ baseUrl: 'https://x', prefixUrl: 'https://x' });
  // @ts-expect-error baseUrl is required
  createBaseClient({ token: 't' });
  // @ts-expect-error a base client has no namespace: bind the part
  void base.deals;
  base.clearCache();

  // A bound namespace has the same types as the full client's.
  expectType<Equal<ReturnType<typeof deals>, DealsApi>>(true);
  expectType<Equal<Awaited<ReturnType<ReturnType<typeof deals>['list']>>, Page<Deal>>>(true);
  expectType<Equal<Awaited<ReturnType<ReturnType<typeof session>['get']>>, Principal>>(true);
  expectType<Equal<Awaited<ReturnType<ReturnType<typeof resources>['list']>>, ResourcePage>>(true);
  await deals(base).register({ type: 'resell', customer: { company: 'Acme' } }, { idempotencyKey: 'k' });
  await partners(base).scorecard('p_1', { period: '2026-Q2' });
  // @ts-expect-error not a deal type
  await deals(base).register({ type: 'wholesale', customer: { company: 'Acme' } });
  // @ts-expect-error not a deal status
  await deals(base).list({ status: 'pending' });

  // A full client is a base client too; anything else is not.
  const fromFull: DealsApi = deals(full);
  void fromFull;
  // @ts-expect-error not a PartnerKit client (no requests to bind to)
  deals({ clearCache() {} });
  // @ts-expect-error the binder takes a client, not options
  deals({ baseUrl: 'https://x' });

  // A part of one's own: its namespace type comes from what `build` returns.
  const probe = definePart('probe', (requests: ClientRequests) => ({
    one: (id: string) => requests.get(route`probes/${id}`, Deal),
    ask: () => requests.mutate('POST', 'probes/ask', Deal, {}, undefined, null),
    write: () => requests.mutate('PUT', 'probes/x', null, {}, undefined, ['probes', 'partners']),
  }));
  expectType<Equal<Awaited<ReturnType<ReturnType<typeof probe>['one']>>, Deal>>(true);
  await probe(base).ask();
  // @ts-expect-error a part is a namespace object, not a value
  definePart('answer', () => 42);
  // @ts-expect-error invalidation names collections in a list
  definePart('bad', (requests: ClientRequests) => ({ write: () => requests.mutate('PUT', 'x', null, {}, undefined, 'partners') }));
  // @ts-expect-error GET is not a mutation
  definePart('bad', (requests: ClientRequests) => ({ write: () => requests.mutate('GET', 'x', null) }));
}
