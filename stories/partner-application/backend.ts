/**
 * `<partner-application>` on `@partnerkit/mock`: the demo programme's public form (five partner
 * types, five questions, the consent) and its publishable key, called from the page as a browser
 * would, and faults for the loading and error states. Shared by the stories and the element's
 * browser tests.
 */
import { createBaseClient, type BaseClient } from '@partnerkit/core/client/base';
import { createMockBackend, DEMO_PUBLISHABLE_KEY, type Fault, type MockBackend } from '@partnerkit/mock';
import { MOCK_BASE_URL, timeoutFor } from '../support/mock-backend.js';

/** The page the form sits on: an origin the demo key lists (a browser sends it; in-page code cannot). */
export const PAGE_ORIGIN = 'http://localhost:6006';

export interface ApplicationMockOptions {
  faults?: Fault[];
  /** The least time between loading the form and sending it (default 0 here: a story is sent by a person, a test at once). */
  minFormFillMs?: number;
  /** Sees a copy of every request (to assert what the page sent). */
  onRequest?: (request: Request) => void;
}

/** A demo backend small enough to start in a story (eight partners, no deals). */
export function applicationBackend(options: ApplicationMockOptions = {}): MockBackend {
  return createMockBackend({
    seed: 'demo',
    demo: { partners: 8, deals: 0, resources: 0 },
    faults: options.faults ?? [],
    minFormFillMs: options.minFormFillMs ?? 0,
    pageOrigin: PAGE_ORIGIN,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
}

/** The public page's client: the demo publishable key and nothing else, no session. */
export function publicClient(backend: MockBackend, options: ApplicationMockOptions = {}): BaseClient {
  const timeout = timeoutFor(options);
  return createBaseClient({ baseUrl: MOCK_BASE_URL, token: DEMO_PUBLISHABLE_KEY, fetch: backend.fetch, retry: 0, timeout: timeout === Infinity ? 2_147_483_647 : timeout });
}

/** The backend and the page's client together. */
export function applicationClient(options: ApplicationMockOptions = {}): { client: BaseClient; backend: MockBackend } {
  const backend = applicationBackend(options);
  return { client: publicClient(backend, options), backend };
}

/** Applications the backend holds for `company` (read with the admin key, as vendor staff would). */
export async function applicationsOf(backend: MockBackend, company: string): Promise<{ number: string; company: { name: string }; answers: Record<string, unknown>; capabilities: Record<string, unknown>; contact: Record<string, unknown>; locale: string | null }[]> {
  const response = await backend.fetch(`${MOCK_BASE_URL}/v1/applications?q=${encodeURIComponent(company)}&limit=50`, { headers: { authorization: `Bearer ${backend.adminKey}` } });
  const page = (await response.json()) as { data: { number: string; company: { name: string }; answers: Record<string, unknown>; capabilities: Record<string, unknown>; contact: Record<string, unknown>; locale: string | null }[] };
  return page.data.filter((a) => a.company.name === company);
}
