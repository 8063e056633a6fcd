/**
 * The event log: appended in the same transaction as the change it records.
 * @module
 */
import type { EventEnvelope, KnownEventType } from '@partnerkit/core/schemas';
import { type Queryable, type Row, toIso, WRITER_LOCK } from '../db/database.js';

/** One event to append. */
export interface NewEvent {
  type: KnownEventType;
  partnerId: string | null;
  data: Record<string, unknown>;
}

/** Event ids are `ev_<position>`; the position is the log's own sequence. */
export const eventId = (seq: number): string => `ev_${seq}`;

/** The log position an event id names, or null when it is not an event id. */
export function eventSeq(id: string): number | null {
  const match = /^ev_([1-9][0-9]{0,15})$/.exec(id);
  return match ? Number(match[1]) : null;
}

export function mapEvent(row: Row): EventEnvelope {
  return {
    id: eventId(Number(row.seq)),
    type: row.type as string,
    occurredAt: toIso(row.occurred_at),
    partnerId: (row.partner_id as string | null) ?? null,
    data: row.data as Record<string, unknown>,
  };
}

/**
 * The position before which the log is final, as an xid8: the oldest running transaction that
 * may still add events, else the next transaction id. Every write transaction takes the shared
 * writer lock before it gets an id, so the lock's holders are exactly the transactions that can
 * still commit events; transactions that start later get larger ids than any event read now.
 * Transactions of other applications on the same server never hold the log back.
 *
 * Run it as its own statement BEFORE reading events: the read's later snapshot then sees every
 * transaction that finished in between.
 */
export async function eventHorizon(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ horizon: string }>(
    `WITH snap AS (SELECT pg_current_snapshot() AS s),
     holders AS (
       SELECT t.transactionid::text::bigint AS xid32
         FROM pg_locks a
         JOIN pg_locks t ON t.virtualtransaction = a.virtualtransaction AND t.locktype = 'transactionid'
        WHERE a.locktype = 'advisory' AND a.classid = $1 AND a.objid = $2 AND a.objsubid = 2
          AND a.database = (SELECT oid FROM pg_database WHERE datname = current_database())
     )
     SELECT LEAST(
       pg_snapshot_xmax((SELECT s FROM snap)),
       (SELECT min(x) FROM pg_snapshot_xip((SELECT s FROM snap)) AS x
         WHERE (x::text::numeric % 4294967296) IN (SELECT xid32 FROM holders))
     )::text AS horizon`,
    [WRITER_LOCK.classid, WRITER_LOCK.objid],
  );
  return rows[0]?.horizon as string;
}

/** Appends events inside the caller's transaction (which holds the writer lock). */
export async function appendEvents(tx: Queryable, events: readonly NewEvent[], occurredAt: Date): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO events (type, occurred_at, partner_id, data)
     SELECT e.type, $2, e.partner_id, e.data FROM jsonb_to_recordset($1::jsonb) AS e(type text, partner_id text, data jsonb)`,
    [JSON.stringify(events.map((e) => ({ type: e.type, partner_id: e.partnerId, data: e.data }))), occurredAt],
  );
}
