/**
 * `Idempotency-Key` on writes: the first answer is stored in the same transaction as the write
 * it answers, so a retry gets that answer back without the work being done twice, and a crash
 * can never leave a write without its key (or a key without its write).
 * @module
 */
import type { Context } from 'hono';
import { IdempotencyKey } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import type { Queryable } from '../db/database.js';
import { callerSubject } from '../security/caller.js';
import { sha256Hex } from '../security/random.js';
import { canonicalJson } from './cursor.js';
import { problems } from './problem.js';
import { json } from './routing.js';
import { parseWith } from './validate.js';

/** What a write answers. */
export interface WriteResult {
  status: number;
  body: unknown;
}

/** The part of the path from `/v1/` on, so a mount prefix does not change the request's identity. */
function contractPath(path: string): string {
  const at = path.indexOf('/v1/');
  return at === -1 ? path : path.slice(at);
}

/**
 * Runs `work` in a transaction. With an `Idempotency-Key`, first claims the key for the caller
 * (a concurrent request with the same key waits for this one to commit), then either does the
 * work and stores its answer, or replays the stored answer for the same request, or refuses a
 * different request under the same key with 422 `idempotency_mismatch`. A write that fails
 * stores nothing, so it can be retried under the same key.
 */
export async function idempotentWrite(ctx: AppContext, c: Context<AppEnv>, body: unknown, work: (tx: Queryable) => Promise<WriteResult>): Promise<Response> {
  const header = c.req.header('idempotency-key');
  if (header === undefined) {
    const result = await ctx.db.transaction(work);
    return json(result.body, result.status);
  }
  const key = parseWith(IdempotencyKey, header, ['Idempotency-Key']);
  const scope = callerSubject(c.get('caller'));
  const hash = await sha256Hex(`${c.req.method} ${contractPath(c.req.path)}\n${canonicalJson(body ?? null)}`);
  const now = ctx.now();
  const outcome = await ctx.db.transaction(async (tx): Promise<WriteResult & { replayed: boolean }> => {
    const claim = () =>
      tx.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at)
         VALUES ($1, $2, $3, 0, 'null'::jsonb, $4) ON CONFLICT (scope, key) DO NOTHING`,
        [scope, key, hash, now],
      );
    let claimed = (await claim()).rowCount === 1;
    if (!claimed) {
      const { rows } = await tx.query('SELECT request_hash, status, body, created_at FROM idempotency_keys WHERE scope = $1 AND key = $2 FOR UPDATE', [scope, key]);
      const stored = rows[0];
      const expired = stored !== undefined && now.getTime() - new Date(stored.created_at as string).getTime() > ctx.settings.idempotencyRetentionMs;
      if (stored === undefined || expired) {
        await tx.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
        claimed = (await claim()).rowCount === 1;
        if (!claimed) throw new Error('idempotency key claimed twice');
      } else {
        if (stored.request_hash !== hash) throw problems.idempotencyMismatch();
        return { status: Number(stored.status), body: stored.body, replayed: true };
      }
    }
    const result = await work(tx);
    await tx.query('UPDATE idempotency_keys SET status = $3, body = $4::jsonb WHERE scope = $1 AND key = $2', [
      scope,
      key,
      result.status,
      JSON.stringify(result.body ?? null),
    ]);
    return { ...result, replayed: false };
  });
  return json(outcome.body, outcome.status, outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {});
}

/** Forgets stored answers older than the retention (at least 24 hours); answers how many. */
export async function purgeIdempotencyKeys(db: Queryable, now: Date, retentionMs: number): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [new Date(now.getTime() - retentionMs)]);
  return rowCount;
}
