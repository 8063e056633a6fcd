/**
 * A client wired to a stub fetch with fast retries, for the client test suites.
 */
import { createClient, type ClientAuth, type ClientBaseOptions, type ClientOptions, type PartnerKitClient } from '@partnerkit/core/client';
import { BASE_URL, TOKEN } from './fixtures.ts';
import { stubFetch, type StubAnswer, type StubFetch, type RecordedRequest } from './stub-fetch.ts';

export interface Harness {
  client: PartnerKitClient;
  stub: StubFetch;
}

/** A client with a static token, retries a millisecond apart, and `answers` scripted. */
export function harness(
  answers: StubAnswer[] | ((request: RecordedRequest, signal: AbortSignal | undefined) => Response | Promise<Response>),
  options: Partial<ClientBaseOptions> & ClientAuth = {},
): Harness {
  const stub = stubFetch(answers);
  const auth: ClientAuth = options.fetchSession ? {} : { token: TOKEN };
  const client = createClient({ baseUrl: BASE_URL, ...auth, fetch: stub.fetch, retry: { delay: () => 1, jitter: false }, ...options } as ClientOptions);
  return { client, stub };
}

/** The path below the origin, with its query: `/api/v1/deals?limit=5`. */
export const pathOf = (request: RecordedRequest | undefined) => (request ? request.url.pathname + request.url.search : '(none)');
