/**
 * What every story and element test shares to run on `@partnerkit/mock`: the API root a page
 * would call, a session for the caller the story shows, and a real client over the backend's
 * `fetch`, so stories and tests exercise the client itself against a backend built on core's
 * rules. Failures, latency and contract breaks are the mock's own faults (docs/mock.md).
 * @module
 */
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import type { Partner } from '@partnerkit/core/schemas';
import type { Fault, FaultMatch, MockBackend } from '@partnerkit/mock';

/**
 * The API root the clients use; nothing is ever sent there (the backend answers in memory). The
 * `.invalid` top-level domain never resolves (RFC 2606), so when a widget probes why a request
 * failed (see the elements' `network-cause.ts`), it finds nothing there, the same on every machine.
 */
export const MOCK_BASE_URL = 'https://prm.partnerkit.invalid/api';

/** Who is calling. */
export type Caller = { role: 'manager' } | { role: 'admin' } | { role: 'partner'; partnerId: string };

/** The person every story session belongs to. */
export const STORY_USER = { id: 'u_story', name: 'Story User' };

/** A session token for `as` (the admin key for an admin), valid for a day of the backend's clock. */
export function tokenFor(backend: MockBackend, as: Caller): string {
  if (as.role === 'admin') return backend.adminKey;
  return backend.session({ ...as, user: STORY_USER, ttlSeconds: 86_400 }).token;
}

/**
 * A real client on `backend` as `as`, without retries (tests see each failure at once and count
 * requests exactly); `timeout` in ms (default 10 s), `Infinity` for a story that stays loading.
 */
export function clientOf(backend: MockBackend, as: Caller, timeout = 10_000): PartnerKitClient {
  return createClient({ baseUrl: MOCK_BASE_URL, token: tokenFor(backend, as), fetch: backend.fetch, retry: 0, timeout: timeout === Infinity ? 2_147_483_647 : timeout });
}

/** The client timeout for a backend with these faults: none when an answer may never come. */
export const timeoutFor = (options: { latency?: unknown; faults?: readonly Fault[] }): number =>
  options.latency === Infinity || (options.faults ?? []).some((f) => f.mode === 'slow' && f.delayMs === Infinity) ? Infinity : 10_000;

/** A fault that rewrites the JSON of the mock's own answer: to break the contract on purpose. */
export function rewriteJson(match: FaultMatch, rewrite: (body: Record<string, unknown>) => unknown): Fault {
  return {
    mode: 'respond',
    match,
    respond: async (_request, answer) => {
      const body = rewrite((await answer.json()) as Record<string, unknown>);
      return new Response(JSON.stringify(body), { status: answer.status, headers: answer.headers });
    },
  };
}

/** A whole contract `Partner` from the fields a story cares about. */
export function partnerRecord(fields: Pick<Partner, 'id' | 'name'> & Partial<Partner>): Partner {
  const stamp = '2025-01-01T00:00:00.000Z';
  return { type: 'reseller', status: 'active', tierId: null, region: null, country: 'VN', website: null, domains: [], manager: null, createdAt: stamp, updatedAt: stamp, ...fields };
}
