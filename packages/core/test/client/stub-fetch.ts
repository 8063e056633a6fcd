/**
 * A scriptable stand-in for `fetch`, for tests of anything that talks to a PartnerKit backend.
 * It records every request it is called with (method, URL, headers, body as text) before it
 * answers, so a test can see a request even when the answer is "lost".
 *
 * @example
 * ```ts
 * const stub = stubFetch([json(200, deal), problem(409, 'deal_conflict', { reason: 'protected' })]);
 * const client = createClient({ baseUrl: 'https://prm.test/api', token: TOKEN, fetch: stub.fetch });
 * ```
 */

/** What the stub recorded about one request. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/** One scripted answer: a Response, a thrown error, or a function of the request. */
export type StubAnswer =
  | Response
  | { throw: unknown }
  | ((request: RecordedRequest, signal: AbortSignal | undefined) => Response | Promise<Response>);

export interface StubFetch {
  fetch: typeof globalThis.fetch;
  requests: RecordedRequest[];
  /** Answers still queued. */
  readonly remaining: number;
}

/**
 * A fetch that answers with `answers` in order (the last one repeats when `repeatLast`), or with
 * `fallback` for every request when given a function.
 */
export function stubFetch(answers: StubAnswer[] | ((request: RecordedRequest, signal: AbortSignal | undefined) => Response | Promise<Response>), options: { repeatLast?: boolean } = {}): StubFetch {
  const queue = Array.isArray(answers) ? [...answers] : [];
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const signal = init?.signal ?? request.signal;
    const recorded: RecordedRequest = {
      method: request.method,
      url: new URL(request.url),
      headers: new Headers(request.headers),
      body: request.body ? await request.text() : '',
    };
    requests.push(recorded);
    if (signal?.aborted) throw signal.reason;
    let answer: StubAnswer | undefined;
    if (typeof answers === 'function') answer = answers;
    else answer = queue.length > 1 || !options.repeatLast ? queue.shift() : queue[0];
    if (answer === undefined) throw new Error(`stub fetch: no answer scripted for request #${requests.length} (${recorded.method} ${recorded.url})`);
    if (answer instanceof Response) return answer.bodyUsed ? answer : answer.clone();
    if (typeof answer === 'function') return abortable(answer(recorded, signal ?? undefined), signal ?? undefined);
    throw answer.throw;
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    get remaining() {
      return queue.length;
    },
  };
}

/** Rejects with the signal's reason when it aborts first, as a real fetch does. */
function abortable(answer: Response | Promise<Response>, signal: AbortSignal | undefined): Promise<Response> {
  if (!signal) return Promise.resolve(answer);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(answer).then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** An RFC 9457 problem answer with the contract's fields. */
export function problem(status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  const body = { type: `https://partnerkit.dev/problems/${code}`, title: code.replace(/_/g, ' '), status, code, ...extra };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json', ...headers } });
}

/** An empty 204 answer. */
export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** A fetch failure as browsers and Node report it (the request may still have reached the server). */
export function networkFailure(message = 'fetch failed'): { throw: TypeError } {
  return { throw: new TypeError(message) };
}

/** An answer that never arrives (until the request is aborted). */
export function never(): (request: RecordedRequest, signal: AbortSignal | undefined) => Promise<Response> {
  return () => new Promise<Response>(() => undefined);
}

/** A promise that resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
