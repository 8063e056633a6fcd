/**
 * Data for the inbox benchmark, in the server's own schema, one `INSERT ... SELECT FROM
 * generate_series` per table (as `seed.ts` seeds deals): partner requests spread over every
 * partner (so over their managers), every status and category, each with its opening message,
 * due times and `due_sort` as the server keeps them (`nextDueAt`); announcements with audiences
 * of every kind (everyone, partner types, tiers, regions, named partners) built from the seeded
 * partners' own values, some pinned, scheduled or expired; and reads (every user of the bench
 * reader's partner read every third one, other partners' users others). A sample of each is
 * checked against the contract as the server presents it.
 * @module
 */
import type { Database } from '@partnerkit/server';
import { mapAnnouncementRow, mapRequestRow, NOTHING_DUE } from '@partnerkit/server/testing';
import { nextDueAt } from '@partnerkit/core/rules';

/** The user of the bench partner sessions that read announcements (their reads are seeded). */
export const READER_USER = 'u_bench_reader';

/** Adds `requests` requests and `announcements` announcements (with reads) as of `asOf`. */
export async function addInbox(db: Database, requests: number, announcements: number, asOf: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `WITH p AS (SELECT array_agg(id ORDER BY id) AS ids FROM partners),
       g AS (
         SELECT n,
           (ARRAY['open','waiting_on_partner','waiting_on_vendor','resolved','closed'])[1 + n % 5] AS status,
           (ARRAY['question','deal_support','technical','commercial','complaint'])[1 + (n / 5) % 5] AS category,
           $2::timestamptz - ((n % 400) || ' days')::interval - ((n * 37 % 1440) || ' minutes')::interval AS created,
           p.ids[1 + n % array_length(p.ids, 1)] AS partner_id
         FROM generate_series(1, $1::int) AS n, p
       ),
       r AS (
         SELECT g.*,
           -- Answered unless still open; open requests of the last days are not yet due.
           CASE WHEN status = 'open' THEN NULL ELSE created + interval '3 hours' END AS first_response_at,
           created + interval '1 day' AS first_response_due_at,
           created + interval '5 days' AS resolution_due_at,
           CASE WHEN status IN ('resolved','closed') THEN created + interval '2 days' END AS resolved_at,
           CASE WHEN status = 'closed' THEN created + interval '9 days' END AS closed_at,
           jsonb_build_object('role', 'partner', 'id', 'u_' || partner_id, 'name', 'Lan Nguyen') AS opener
         FROM g
       )
       INSERT INTO requests (id, number, partner_id, category, subject, status, reference, opened_by, history, first_response_at, resolved_at, closed_at,
                             first_response_due_at, resolution_due_at, due_sort, message_count, last_message_at, last_message_by, created_at, updated_at)
       SELECT 'rq_b' || lpad(n::text, 8, '0'), 'RQ-B' || lpad(n::text, 7, '0'), partner_id, category, 'Bench question ' || n, status, NULL, opener,
         jsonb_build_array(jsonb_build_object('at', to_char(created AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'from', null, 'to', 'open', 'by', opener, 'reason', null)),
         first_response_at, resolved_at, closed_at, first_response_due_at, resolution_due_at,
         CASE WHEN status IN ('resolved','closed') THEN $3::timestamptz WHEN first_response_at IS NULL THEN first_response_due_at ELSE resolution_due_at END,
         1, created, opener, created, COALESCE(closed_at, resolved_at, first_response_at, created)
       FROM r`,
      [requests, asOf, NOTHING_DUE],
    );
    await tx.query(
      `INSERT INTO request_messages (id, request_id, author, body, attachments, created_at)
       SELECT 'rm_b' || substr(id, 5), id, opened_by, 'How do we register this deal?', '[]'::jsonb, created_at FROM requests WHERE id LIKE 'rq_b%'`,
    );
    await tx.query(
      `WITH v AS (
         SELECT array_agg(DISTINCT type) AS types, array_agg(DISTINCT tier_id) FILTER (WHERE tier_id IS NOT NULL) AS tiers,
                array_agg(DISTINCT region) FILTER (WHERE region IS NOT NULL) AS regions, array_agg(id ORDER BY id) AS ids FROM partners
       ),
       g AS (
         SELECT n, v.*,
           $2::timestamptz - ((n % 700) || ' hours')::interval * 6 AS publish_at
         FROM generate_series(1, $1::int) AS n, v
       )
       INSERT INTO announcements (id, title, body, translations, category, audience, publish_at, expires_at, pinned, published, created_by, created_at, updated_at)
       SELECT 'an_b' || lpad(n::text, 6, '0'), 'Bench announcement ' || n, '<p>Programme news number ' || n || '.</p>', '{}'::jsonb,
         (ARRAY['programme_change','product_news','incentive','event'])[1 + n % 4],
         jsonb_build_object(
           'partnerTypes', CASE WHEN n % 5 = 1 THEN jsonb_build_array(types[1 + n % array_length(types, 1)]) ELSE '[]'::jsonb END,
           'tierIds', CASE WHEN n % 5 = 2 THEN jsonb_build_array(tiers[1 + n % array_length(tiers, 1)]) ELSE '[]'::jsonb END,
           'regions', CASE WHEN n % 5 = 3 THEN jsonb_build_array(regions[1 + n % array_length(regions, 1)]) ELSE '[]'::jsonb END,
           'partnerIds', CASE WHEN n % 5 = 4 THEN jsonb_build_array(ids[1 + n % array_length(ids, 1)], ids[1 + (n * 7) % array_length(ids, 1)]) ELSE '[]'::jsonb END),
         -- One in fifty still scheduled (a day ahead), one in ten expired, one in twenty-five pinned.
         CASE WHEN n % 50 = 0 THEN $2::timestamptz + interval '1 day' ELSE publish_at END,
         CASE WHEN n % 10 = 7 THEN publish_at + interval '1 hour' END,
         n % 25 = 0, n % 50 <> 0,
         '{"role":"manager","id":"mgr_bench","name":"Bench Manager"}'::jsonb, publish_at, publish_at
       FROM g`,
      [announcements, asOf],
    );
    // Reads: the bench reader's user read every third announcement of its partner's; every
    // partner's own user read every other announcement it can see.
    await tx.query(
      `INSERT INTO announcement_reads (announcement_id, partner_id, user_id, user_name, read_at)
       SELECT a.id, p.id, u.user_id, 'Bench Reader', a.publish_at + interval '1 hour'
         FROM announcements a
         JOIN partners p ON (a.audience->'partnerIds' ? p.id) OR (jsonb_array_length(a.audience->'partnerIds') = 0
              AND (jsonb_array_length(a.audience->'partnerTypes') = 0 OR a.audience->'partnerTypes' ? p.type)
              AND (jsonb_array_length(a.audience->'tierIds') = 0 OR a.audience->'tierIds' ? p.tier_id)
              AND (jsonb_array_length(a.audience->'regions') = 0 OR a.audience->'regions' ? p.region))
         CROSS JOIN LATERAL (VALUES ($1::text, 3), ('u_' || p.id, 2)) AS u(user_id, every)
        WHERE a.id LIKE 'an_b%' AND a.published AND substr(a.id, 5)::int % u.every = 0`,
      [READER_USER],
    );
  });
  await db.query('ANALYZE requests');
  await db.query('ANALYZE request_messages');
  await db.query('ANALYZE announcements');
  await db.query('ANALYZE announcement_reads');
}

/** Checks a sample of the seeded rows: due times as the server computes them, rows the server can map. */
export async function checkInbox(db: Database): Promise<void> {
  const { rows } = await db.query(`SELECT * FROM requests WHERE id LIKE 'rq_b%' ORDER BY id LIMIT 50`);
  for (const row of rows) {
    const request = mapRequestRow(row);
    const due = nextDueAt(request) ?? NOTHING_DUE;
    if ((row.due_sort as Date).toISOString() !== due) throw new Error(`bench seed: ${request.number} due_sort ${String(row.due_sort)}, the server computes ${due}`);
  }
  const { rows: announcements } = await db.query(`SELECT * FROM announcements WHERE id LIKE 'an_b%' ORDER BY id LIMIT 50`);
  if (announcements.length === 0) throw new Error('bench seed: no announcements');
  for (const row of announcements) mapAnnouncementRow(row);
}
