/**
 * What an answer said beside its body (status, request id, whether it was a replay), kept for
 * each result object without changing its shape or the methods' return types.
 * @module
 */

/**
 * The response header by which a backend says it answered with the stored result of an earlier
 * request with the same `Idempotency-Key` instead of doing the work again.
 */
export const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * What the answer that produced a result said beside its body.
 *
 * @example
 * ```ts
 * const info: ResponseInfo = { status: 201, requestId: 'req_8f2', replayed: true };
 * ```
 */
export interface ResponseInfo {
  /** The HTTP status (a replay repeats the first answer's). */
  readonly status: number;
  /** The backend's request id (`X-Request-Id`) of this answer, or null. */
  readonly requestId: string | null;
  /**
   * True when the backend replayed the stored answer of an earlier request with the same
   * idempotency key (`Idempotent-Replayed: true`): nothing was created or changed this time.
   */
  readonly replayed: boolean;
}

const infos = new WeakMap<object, ResponseInfo>();

/** Remembers what `response` said for `result` (objects only: a 204 has nothing to attach to). */
export function recordResponse(result: unknown, response: Response, requestId: string | null): void {
  if (typeof result !== 'object' || result === null) return;
  infos.set(result, { status: response.status, requestId, replayed: response.headers.get(REPLAYED_HEADER) === 'true' });
}

/**
 * What the answer behind a result of the client said beside its body, or undefined for any other
 * value. Answers shared between callers (in-flight GETs, the cache) share their info.
 *
 * @example
 * ```ts
 * import { responseInfo } from '@partnerkit/core/client';
 * const deal = await client.deals.register(draft.input, { idempotencyKey: draft.key });
 * if (responseInfo(deal)?.replayed) notice(`${deal.number} was registered earlier; nothing new was sent`);
 * ```
 */
export function responseInfo(result: unknown): ResponseInfo | undefined {
  return typeof result === 'object' && result !== null ? infos.get(result) : undefined;
}
