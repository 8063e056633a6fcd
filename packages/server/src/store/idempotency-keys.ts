/**
 * The answers of writes sent with an `Idempotency-Key`, per caller, kept for replays: every read
 * and write of `idempotency_keys`.
 * @module
 */
import type { Queryable, Transaction } from '../db/database.js';

/** A stored answer (status 0 while its write is still running in the claiming transaction). */
export interface StoredAnswer {
  requestHash: string;
  status: number;
  body: unknown;
  createdAt: Date;
}

/**
 * Claims `key` for `scope` with the hash of the request; false when it is claimed already (a
 * concurrent claim waits until the claiming transaction ends).
 */
export async function claimIdempotencyKey(tx: Transaction, scope: string, key: string, requestHash: string, now: Date): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at)
     VALUES ($1, $2, $3, 0, 'null'::jsonb, $4) ON CONFLICT (scope, key) DO NOTHING`,
    [scope, key, requestHash, now],
  );
  return rowCount > 0;
}

/** The answer stored under `key`, its row locked; null when there is none. */
export async function lockStoredAnswer(tx: Transaction, scope: string, key: string): Promise<StoredAnswer | null> {
  const { rows } = await tx.query<{ request_hash: string; status: number; body: unknown; created_at: Date }>(
    'SELECT request_hash, status, body, created_at FROM idempotency_keys WHERE scope = $1 AND key = $2 FOR UPDATE',
    [scope, key],
  );
  const row = rows[0];
  return row ? { requestHash: row.request_hash, status: row.status, body: row.body, createdAt: row.created_at } : null;
}

export async function forgetIdempotencyKey(tx: Transaction, scope: string, key: string): Promise<void> {
  await tx.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
}

/** Stores the answer of the write that claimed `key`, in the write's transaction. */
export async function storeAnswer(tx: Transaction, scope: string, key: string, status: number, body: unknown): Promise<void> {
  await tx.query('UPDATE idempotency_keys SET status = $3, body = $4::jsonb WHERE scope = $1 AND key = $2', [scope, key, status, JSON.stringify(body ?? null)]);
}

/** Forgets answers stored before `before`; answers how many. */
export async function purgeIdempotencyKeys(q: Queryable, before: Date): Promise<number> {
  const { rowCount } = await q.query('DELETE FROM idempotency_keys WHERE created_at < $1', [before]);
  return rowCount;
}
