/**
 * One HTTP exchange with the backend on ky: headers, auth, timeout, retries, hooks, and the
 * mapping of every outcome to typed data or a typed error.
 * @module
 */
import ky, { isHTTPError, isTimeoutError as isKyTimeout } from 'ky';
import type { Credentials } from '../auth/credentials.js';
import type { PartnerKitError} from '../errors/index.js';
import { NetworkError, TimeoutError, isPartnerKitError, type FailedRequest } from '../errors/index.js';
import { safeUrl } from '../errors/request-info.js';
import type { ResolvedOptions } from '../options.js';
import { parseRetryAfter, readData, toHttpError, type Schema } from './read-response.js';
import { redact } from './redact.js';

/** HTTP methods of the v1 contract. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request, as the namespaces describe it. */
export interface ApiRequest<T> {
  method: HttpMethod;
  /** Absolute URL (see `buildUrl`). */
  url: string;
  /** JSON body. */
  body?: unknown;
  /** Schema of the 2xx body, or null when none is expected (204). */
  schema: Schema<T> | null;
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * The headers the client sends and a backend (and its CORS policy) must accept.
 *
 * @example
 * ```ts
 * import { HEADERS } from '@partnerkit/core/client';
 * const allowHeaders = ['Authorization', 'Content-Type', HEADERS.idempotencyKey, HEADERS.clientId].join(', ');
 * ```
 */
export const HEADERS = {
  accept: 'application/json, application/problem+json',
  clientId: 'X-PartnerKit-Client',
  idempotencyKey: 'Idempotency-Key',
} as const;

type KyMethod = 'get' | 'put' | 'delete' | 'post' | 'patch';
const ALWAYS_RETRIED: readonly KyMethod[] = ['get', 'put', 'delete'];
const RETRIED_STATUSES = [408, 429, 500, 502, 503, 504];

/**
 * Carries an error thrown by a caller's hook through ky, so that it is neither retried nor
 * mistaken for a network failure; the caller gets the original error back.
 */
class HookFailure extends Error {
  constructor(readonly original: unknown) {
    super('a PartnerKit client hook threw');
  }
}

async function runHook<T>(hook: () => T | Promise<T>): Promise<T> {
  try {
    return await hook();
  } catch (error) {
    throw new HookFailure(error);
  }
}

/** Sends {@link ApiRequest}s. */
export interface Transport {
  send<T>(request: ApiRequest<T>): Promise<T>;
}

/** Builds the transport for resolved options and credentials. */
export function createTransport(options: ResolvedOptions, credentials: Credentials): Transport {
  const { hooks, retry } = options;

  async function runBeforeError(error: PartnerKitError): Promise<PartnerKitError> {
    let current = error;
    for (const hook of hooks.beforeError) current = (await hook(current)) ?? current;
    return current;
  }

  async function attempt<T>(request: ApiRequest<T>, info: FailedRequest, token: { used: string | undefined }): Promise<T> {
    const retryable = request.method !== 'POST' && request.method !== 'PATCH' ? true : request.idempotencyKey !== undefined;
    const headers: Record<string, string> = { accept: HEADERS.accept, [HEADERS.clientId]: options.clientHeader };
    if (request.idempotencyKey !== undefined) headers[HEADERS.idempotencyKey] = request.idempotencyKey;

    const response = await ky(request.url, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { json: request.body }),
      ...(request.signal ? { signal: request.signal } : {}),
      fetch: options.fetch,
      timeout: options.timeout,
      throwHttpErrors: true,
      retry: {
        limit: retry.limit,
        methods: retryable ? [...ALWAYS_RETRIED, request.method.toLowerCase() as KyMethod] : [...ALWAYS_RETRIED],
        statusCodes: RETRIED_STATUSES,
        afterStatusCodes: [429, 503],
        backoffLimit: retry.backoffLimit,
        delay: retry.delay,
        jitter: retry.jitter,
        retryOnTimeout: retry.retryOnTimeout,
        shouldRetry: ({ error }) => {
          if (request.signal?.aborted || isPartnerKitError(error) || error instanceof HookFailure) return false;
          // A wait longer than we are prepared to sit through fails now, with its Retry-After.
          if (isHTTPError(error)) {
            const after = parseRetryAfter(error.response.headers.get('retry-after'));
            if (after !== null && after * 1000 > retry.maxRetryAfter) return false;
          }
          return undefined;
        },
      },
      hooks: {
        beforeRequest: [
          async (kyRequest, _options, state) => {
            // A retry's request is a clone of the last one: strip the token before hooks see it.
            kyRequest.headers.delete('authorization');
            let outgoing: Request = kyRequest;
            for (const hook of hooks.beforeRequest) {
              const current = outgoing;
              const result = await runHook(() => hook(current, state));
              if (result instanceof Response) return result;
              if (result instanceof Request) outgoing = result;
            }
            // Added last, and fetched per attempt: hooks never see it, and a retry after a long
            // Retry-After still carries a fresh session.
            token.used = await credentials.token();
            if (token.used !== undefined) outgoing.headers.set('authorization', `Bearer ${token.used}`);
            return outgoing === kyRequest ? undefined : outgoing;
          },
        ],
        afterResponse: hooks.afterResponse.map(
          (hook) => async (kyRequest: Request, _options: unknown, response: Response, state: { retryCount: number }) => {
            const shown = new Request(kyRequest);
            shown.headers.delete('authorization');
            return (await runHook(() => hook(shown, response, state))) ?? undefined;
          },
        ),
      },
    });
    return readData(response, info, request.schema);
  }

  async function send<T>(request: ApiRequest<T>): Promise<T> {
    const info: FailedRequest = { method: request.method, url: safeUrl(request.url) };
    const token: { used: string | undefined } = { used: undefined };
    try {
      try {
        return await attempt(request, info, token);
      } catch (error) {
        // One more try with a renewed session after a 401; a static token cannot be renewed.
        if (!isHTTPError(error) || error.response.status !== 401 || request.signal?.aborted) throw error;
        const renewed = await credentials.renew(token.used);
        if (renewed === undefined) throw error;
        // Not awaited: some fetch implementations (msw's interceptor in Node) never settle the
        // cancel of a body nobody reads, and the retry must not wait on it.
        void error.response.body?.cancel().catch(() => undefined);
        return await attempt(request, info, token);
      }
    } catch (error) {
      throw await runBeforeError(await toPartnerKitError(error, request, info, options.timeout, token.used));
    }
  }

  return { send };
}

/** Maps whatever ky or fetch threw to a PartnerKit error; aborts pass through untouched. */
async function toPartnerKitError(error: unknown, request: ApiRequest<unknown>, info: FailedRequest, timeout: number, secret: string | undefined): Promise<PartnerKitError> {
  if (request.signal?.aborted) throw request.signal.reason;
  if (error instanceof HookFailure) throw error.original;
  if (isPartnerKitError(error)) return error;
  if (isHTTPError(error)) return toHttpError(error.response, info, secret);
  // ky's TimeoutError holds the Request (and its Authorization header): never pass it on.
  if (isKyTimeout(error)) return new TimeoutError(info, timeout);
  return new NetworkError(info, { cause: sanitizeCause(error, secret), reason: reasonOf(error, secret) });
}

/** A short reason from a fetch failure (`fetch failed`, `Failed to fetch`), without its data. */
function reasonOf(error: unknown, secret: string | undefined): string | undefined {
  return error instanceof Error && error.message.length <= 200 ? redact(error.message, secret) : undefined;
}

/** Keeps the name, message and nested cause of a fetch failure, but no attached objects (requests, headers). */
function sanitizeCause(error: unknown, secret: string | undefined, depth = 0): Error | undefined {
  if (!(error instanceof Error) || depth > 3) return undefined;
  const nested = sanitizeCause(error.cause, secret, depth + 1);
  const copy = new Error(redact(error.message, secret), nested ? { cause: nested } : undefined);
  copy.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  return copy;
}
