/**
 * What every story's stub backend shares: the API root and session it pretends to have, answers
 * shaped like a PartnerKit backend's (JSON, problem documents), a delay that an abort cuts short,
 * and a real client over a stub `fetch`, so stories and tests exercise the client itself.
 * @module
 */
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import type { Principal } from '@partnerkit/core/schemas';

/**
 * The API root the stub clients use; nothing is ever sent there. The `.invalid` top-level domain
 * never resolves (RFC 2606), so when a widget probes why a stub request failed (see the elements'
 * `network-cause.ts`), it finds nothing there, the same on every machine.
 */
export const STUB_BASE_URL = 'https://prm.partnerkit.invalid/api';

/** Who a stub says the caller is. */
export type StubRole = { role: 'manager' } | { role: 'admin' } | { role: 'partner'; partnerId: string };

/** A JSON answer, with a request id as a real backend sends. */
export const json = (status: number, body: unknown, type = 'application/json'): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type, 'x-request-id': `req_stub_${status}` } });

/** A problem document answer, as the contract writes them; `extra` adds members (`detail`, `errors`, `reason`). */
export const problem = (status: number, code: string, title: string, extra: Record<string, unknown> = {}): Response =>
  json(status, { type: `https://partnerkit.dev/problems/${code}`, title, status, code, ...extra }, 'application/problem+json');

/** The session `GET /v1/session` answers for `as`. */
export function principalOf(as: StubRole): Principal {
  return {
    role: as.role,
    partnerId: as.role === 'partner' ? as.partnerId : null,
    user: { id: 'u_story', name: 'Story User' },
    locale: null,
    expiresAt: '2099-01-01T00:00:00.000Z',
  };
}

/** The contract path a stub request asks for (`/v1/...`), without the stub's `/api` root. */
export const apiPath = (url: URL): string => url.pathname.replace(/^\/api/, '');

/** Waits `ms` (`Infinity`: for ever), or rejects as soon as the request is aborted. */
export function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * A real client over a stub `fetch`, without retries (tests see each failure at once and count
 * requests exactly). A stub that never answers (`delay: Infinity`) stays loading: no client
 * timeout cuts it short.
 */
export function clientOver(fetch: typeof globalThis.fetch, delay?: number): PartnerKitClient {
  const timeout = delay === Infinity ? 2_147_483_647 : 10_000;
  return createClient({ baseUrl: STUB_BASE_URL, token: 'stub-session-token', fetch, retry: 0, timeout });
}
