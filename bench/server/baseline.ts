/**
 * The raw-SQL baseline of the throughput part: the page of deals the reference server's partner
 * list reads, read with the driver alone (`pg`, or PGlite for the embedded database) and sent
 * with `JSON.stringify`, by a bare `node:http` server: no framework, no authentication, no
 * mapping, no cursor. What the reference server adds on top (sessions, validation, expiry,
 * contract mapping, cursors) is the difference.
 * @module
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { Database } from '@partnerkit/server';

/** The columns the reference server reads for a deal. */
const COLUMNS = `seq, id, number, partner_id, status, type, customer, contact, products, amount, expected_close_date, stage, description,
  submitted_by, submitted_at, approved_at, expires_at, extensions, approved_by, reason_code, reason, history, created_at, updated_at`;

type Query = (sql: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/**
 * The inbox lists' statements as the reference server runs them (\`store/requests.ts\`,
 * \`store/announcements.ts\`), with the same parameters, for the inbox part.
 */
const INBOX: Record<string, (query: Query, params: URLSearchParams, limit: number) => Promise<object>> = {
  /** `GET /requests?partner=`: a partner's requests, latest activity first. */
  '/requests': async (query, params, limit) => {
    const manager = params.get('manager');
    const { rows } = manager
      ? await query(`SELECT q.* FROM requests q WHERE q.partner_id IN (SELECT id FROM partners WHERE manager->>'id' = $1) ORDER BY q.due_sort, q.id LIMIT ${limit}`, [manager])
      : await query(`SELECT q.* FROM requests q WHERE q.partner_id = $1 ORDER BY q.updated_at DESC, q.id DESC LIMIT ${limit}`, [params.get('partner')]);
    return { data: rows };
  },
  /** `GET /announcements?partner=&type=&tier=&region=&user=`: what that partner's user sees, unread count included. */
  '/announcements': async (query, params, limit) => {
    const reader = [params.get('partner'), params.get('type'), params.get('tier'), params.get('region'), new Date(), params.get('user')];
    const visible = `a.publish_at <= $5 AND (a.expires_at IS NULL OR a.expires_at > $5) AND (
      a.audience->'partnerIds' ? $1
      OR ((jsonb_array_length(a.audience->'partnerTypes') + jsonb_array_length(a.audience->'tierIds') + jsonb_array_length(a.audience->'regions') > 0 OR jsonb_array_length(a.audience->'partnerIds') = 0)
        AND (jsonb_array_length(a.audience->'partnerTypes') = 0 OR a.audience->'partnerTypes' ? $2)
        AND (jsonb_array_length(a.audience->'tierIds') = 0 OR ($3::text IS NOT NULL AND a.audience->'tierIds' ? $3::text))
        AND (jsonb_array_length(a.audience->'regions') = 0 OR ($4::text IS NOT NULL AND EXISTS (
          SELECT 1 FROM jsonb_array_elements_text(a.audience->'regions') AS r(value) WHERE lower(btrim(r.value)) = lower(btrim($4::text))))))
    )`;
    const unread = '(CASE WHEN r.read_at IS NULL THEN 1 ELSE 0 END)';
    const { rows } = await query(
      `SELECT a.*, r.read_at, ${unread} AS unread FROM announcements a
         LEFT JOIN announcement_reads r ON r.announcement_id = a.id AND r.partner_id = $1 AND r.user_id = $6
        WHERE ${visible}
        ORDER BY (CASE WHEN a.pinned THEN 1 ELSE 0 END) DESC, ${unread} DESC, a.publish_at DESC, a.id DESC LIMIT ${limit}`,
      reader,
    );
    const count = await query(
      `SELECT count(*)::int AS n FROM announcements a WHERE ${visible}
         AND NOT EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = a.id AND r.partner_id = $1 AND r.user_id = $6)`,
      reader,
    );
    return { data: rows, unread: count.rows[0]?.n };
  },
};

/**
 * `GET /deals?partner=pt_0001&limit=20`: that partner's newest page; and the inbox lists of
 * {@link INBOX}.
 */
export async function startBaseline(db: Database, databaseUrl: string | null): Promise<{ url: string; close(): Promise<void> }> {
  const pool = databaseUrl === null ? null : new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const query: Query = (sql, params) => (pool ? pool.query(sql, params) : db.query(sql, params));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://baseline');
    const limit = Math.min(200, Number(url.searchParams.get('limit') ?? 20));
    const inbox = INBOX[url.pathname];
    const read = inbox
      ? inbox(query, url.searchParams, limit)
      : query(`SELECT ${COLUMNS} FROM deals WHERE partner_id = $1 ORDER BY seq DESC LIMIT ${limit}`, [url.searchParams.get('partner') ?? 'pt_0001']).then(({ rows }) => ({ data: rows }));
    read.then(
      (answer) => {
        const body = JSON.stringify(answer);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      },
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool?.end();
    },
  };
}
