/**
 * `Idempotency-Key` on writes: the first answer (success or 409) is kept with the key, per
 * principal; the same request under the key gets it back without the work being done again
 * (`Idempotent-Replayed: true`), another request under it answers 422 `idempotency_mismatch`.
 * Failures before the write (400, 403, 404) keep nothing, so a fixed request may reuse the key.
 * @module
 */
import { IdempotencyKey } from '@partnerkit/core/schemas';
import { callerOf, callerSubject, type RequestContext } from '../context.js';
import { json, PROBLEM_MEDIA_TYPE, ProblemError, problems } from './problem.js';
import { parseWith } from './request.js';

/** What a write answers. */
export interface WriteResult {
  status: number;
  body: unknown;
}

/** The key, checked for format (400 at `Idempotency-Key`), or null without one. */
export function idempotencyKey(ctx: RequestContext): string | null {
  const header = ctx.request.headers.get('idempotency-key');
  return header === null ? null : parseWith(IdempotencyKey, header, ['Idempotency-Key']);
}

/** JSON with sorted keys: the same body written in another order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The part of the path from `/v1/` on: a mount prefix does not change a request's identity. */
function contractPath(url: URL): string {
  const at = url.pathname.indexOf('/v1/');
  return at === -1 ? url.pathname : url.pathname.slice(at);
}

/**
 * The URL of the object a request created, as an absolute path with whatever prefix the backend
 * is mounted under: a POST names the collection, a PUT the object itself.
 */
export function createdLocation(ctx: RequestContext, id: string): string {
  const path = ctx.url.pathname;
  const collection = ctx.request.method === 'PUT' ? path.slice(0, path.lastIndexOf('/')) : path;
  return `${collection}/${encodeURIComponent(id)}`;
}

/** Runs `work` under the request's `Idempotency-Key` (if any) and answers what it (or the first request) answered. */
export function idempotentWrite(ctx: RequestContext, body: unknown, work: () => WriteResult): Response {
  const key = idempotencyKey(ctx);
  const request = `${ctx.request.method} ${contractPath(ctx.url)}\n${canonicalJson(body ?? null)}`;
  // A publishable key's submissions share the key's scope, as on the reference server.
  const subject = ctx.publishable ? `publishable:${ctx.publishable.keyId}` : callerSubject(callerOf(ctx));
  const slot = key === null ? null : `${subject}\n${key}`;
  const stored = slot === null ? undefined : ctx.state.idempotency.get(slot);
  let result: WriteResult;
  let replayed = false;
  if (stored) {
    if (stored.request !== request) throw problems.idempotencyMismatch();
    result = stored;
    replayed = true;
  } else {
    try {
      result = work();
    } catch (error) {
      if (!(error instanceof ProblemError) || error.status !== 409) throw error;
      const { requestId: _requestId, ...problem } = error.toProblem('');
      result = { status: 409, body: problem };
    }
    if (slot !== null) ctx.state.idempotency.set(slot, { request, ...result });
  }
  const headers: Record<string, string> = replayed ? { 'Idempotent-Replayed': 'true' } : {};
  // A publishable key's receipt names no object it could read: no Location.
  const createdId = (result.body as { id?: unknown } | null)?.id;
  if (result.status === 201 && typeof createdId === 'string') headers.Location = createdLocation(ctx, createdId);
  if (result.status >= 400) {
    const problem = { ...(result.body as object), requestId: ctx.requestId };
    return new Response(JSON.stringify(problem), { status: result.status, headers: { ...headers, 'Content-Type': PROBLEM_MEDIA_TYPE } });
  }
  return json(result.body, result.status, headers);
}
