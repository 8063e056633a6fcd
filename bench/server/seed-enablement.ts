/**
 * Data for the enablement benchmark, in the server's own schema: certificates added in bulk (one
 * `INSERT ... SELECT FROM generate_series`, as `seed.ts` adds deals) to the people the server's
 * seed gave every partner, spread over the programme's certifications, a twelfth expiring within
 * 60 days and a twelfth already expired, so tier evaluation reads certificates of every status.
 * @module
 */
import type { Database } from '@partnerkit/server';

/** Adds certificates until the table holds `to`; how many people and certificates there are then. */
export async function addCertificates(db: Database, to: number, asOf: Date): Promise<{ certificates: number; people: number }> {
  await db.transaction(async (tx) => {
    await tx.query(
      `WITH have AS (SELECT count(*)::int AS held FROM certificates),
       p AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(partner_id ORDER BY id) AS partners FROM people),
       c AS (SELECT array_agg(id ORDER BY id) AS ids FROM certifications),
       g AS (SELECT n, 1 + n % array_length(p.ids, 1) AS person, c.ids[1 + (n / array_length(p.ids, 1)) % array_length(c.ids, 1)] AS certification_id, p.ids, p.partners
               FROM have, p, c, generate_series(have.held + 1, $1::int) AS n)
       INSERT INTO certificates (id, certification_id, person_id, partner_id, source, issued_at, expires_at, updated_at)
       SELECT 'ce_b' || lpad(n::text, 8, '0'), certification_id, ids[person], partners[person], 'admin',
              $2::timestamptz - interval '300 days',
              $2::timestamptz + (CASE n % 12 WHEN 0 THEN -10 WHEN 1 THEN 30 ELSE 400 END || ' days')::interval,
              $2::timestamptz - interval '300 days'
         FROM g`,
      [to, asOf],
    );
  });
  await db.query('ANALYZE certificates');
  const { rows } = await db.query<{ certificates: number; people: number }>('SELECT (SELECT count(*)::int FROM certificates) AS certificates, (SELECT count(*)::int FROM people) AS people');
  return { certificates: Number(rows[0]?.certificates ?? 0), people: Number(rows[0]?.people ?? 0) };
}
