/**
 * `Idempotency-Key` on writes: the first answer is stored in the same transaction as the write
 * it answers, so a retry gets that answer back without the work being done twice, and a crash
 * can never leave a write without its key (or a key without its write).
 * @module
 */
import type { Context } from 'hono';
import { canonicalJson } from '@partnerkit/core/rules';
import { IdempotencyKey } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import type { Transaction } from '../db/database.js';
import { callerSubject, publishableSubject } from '../security/caller.js';
import { sha256Hex } from '../security/random.js';
import { claimIdempotencyKey, forgetIdempotencyKey, lockStoredAnswer, storeAnswer } from '../store/idempotency-keys.js';
import { PROBLEM_MEDIA_TYPE, ProblemError, problems } from './problem.js';
import { contractPath, createdLocation, json } from './routing.js';
import { parseWith } from './validate.js';

/** What a write answers. */
export interface WriteResult {
  status: number;
  body: unknown;
}

/**
 * Turns a failure of the write into the 409 it means (a unique index refusing a second active
 * registration, say), or null when it is no such conflict. Runs in the transaction, after the
 * write was rolled back to its savepoint, so it may query.
 */
export type ConflictMapper = (error: unknown, tx: Transaction) => Promise<ProblemError | null>;

/**
 * Checks the `Idempotency-Key` header's format (400 at `Idempotency-Key`), so a malformed key is
 * refused with the request's other parameters, before the object is looked up.
 */
export function checkIdempotencyKey(c: Context<AppEnv>): void {
  const header = c.req.header('idempotency-key');
  if (header !== undefined) parseWith(IdempotencyKey, header, ['Idempotency-Key']);
}

function storedProblem(problem: ProblemError): WriteResult {
  const { requestId: _requestId, ...body } = problem.toProblem('');
  return { status: problem.status, body };
}

/**
 * Runs `work` in a transaction, behind a savepoint. A failure that means a conflict with the
 * object's state (a `ProblemError` with status 409, or what `conflicts` maps to one) becomes the
 * answer; any other failure rolls everything back and propagates.
 *
 * With an `Idempotency-Key`, the key is first claimed for the caller (a concurrent request with
 * the same key waits for this one to commit), then either the work runs and its answer, success
 * or 409, is stored with the key in the same transaction; or the stored answer is replayed for
 * the same request; or another request under the key is refused with 422
 * `idempotency_mismatch`. Failures before the write (400, 403, 404) store nothing, so the client
 * can fix the request and send it again under the same key.
 *
 * A 201 answer (first or replayed) carries `Location`: the request's collection path and the
 * created object's `id`.
 */
export async function idempotentWrite(
  ctx: AppContext,
  c: Context<AppEnv>,
  body: unknown,
  work: (tx: Transaction) => Promise<WriteResult>,
  conflicts: ConflictMapper = async () => null,
): Promise<Response> {
  const header = c.req.header('idempotency-key');
  const key = header === undefined ? null : parseWith(IdempotencyKey, header, ['Idempotency-Key']);
  const publishable = c.get('publishable');
  const scope = publishable ? publishableSubject(publishable) : callerSubject(c.get('caller'));
  const hash = key === null ? '' : await sha256Hex(`${c.req.method} ${contractPath(c.req.path)}\n${canonicalJson(body ?? null)}`);
  const now = ctx.now();

  const outcome = await ctx.db.transaction(async (tx): Promise<WriteResult & { replayed: boolean }> => {
    if (key !== null && !(await claimIdempotencyKey(tx, scope, key, hash, now))) {
      const stored = await lockStoredAnswer(tx, scope, key);
      const expired = stored !== null && now.getTime() - stored.createdAt.getTime() > ctx.settings.idempotencyRetentionMs;
      if (stored !== null && !expired) {
        if (stored.requestHash !== hash) throw problems.idempotencyMismatch();
        return { status: stored.status, body: stored.body, replayed: true };
      }
      await forgetIdempotencyKey(tx, scope, key);
      if (!(await claimIdempotencyKey(tx, scope, key, hash, now))) throw new Error('an idempotency key was claimed twice in one transaction');
    }
    let result: WriteResult;
    await tx.query('SAVEPOINT write');
    try {
      result = await work(tx);
      await tx.query('RELEASE SAVEPOINT write');
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT write');
      const conflict = error instanceof ProblemError ? error : await conflicts(error, tx);
      if (conflict === null || conflict.status !== 409) throw conflict ?? error;
      result = storedProblem(conflict);
    }
    if (key !== null) await storeAnswer(tx, scope, key, result.status, result.body);
    return { ...result, replayed: false };
  });
  const headers: Record<string, string> = outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {};
  // A 201 created an object with an id; a replay points at the same one. A publishable key's
  // receipt names no object it could read, so it gets no Location.
  const createdId = (outcome.body as { id?: unknown } | null)?.id;
  if (outcome.status === 201 && typeof createdId === 'string') headers.Location = createdLocation(c, createdId);
  if (outcome.status >= 400) {
    const problem = { ...(outcome.body as Record<string, unknown>), requestId: c.get('requestId') };
    return new Response(JSON.stringify(problem), { status: outcome.status, headers: { ...headers, 'Content-Type': PROBLEM_MEDIA_TYPE } });
  }
  return json(outcome.body, outcome.status, headers);
}

