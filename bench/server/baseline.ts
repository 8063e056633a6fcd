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

/** `GET /deals?partner=pt_0001&limit=20`: that partner's newest page. */
export async function startBaseline(db: Database, databaseUrl: string | null): Promise<{ url: string; close(): Promise<void> }> {
  const pool = databaseUrl === null ? null : new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const query = (sql: string, params: unknown[]) => (pool ? pool.query(sql, params) : db.query(sql, params));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://baseline');
    const limit = Math.min(200, Number(url.searchParams.get('limit') ?? 20));
    query(`SELECT ${COLUMNS} FROM deals WHERE partner_id = $1 ORDER BY seq DESC LIMIT ${limit}`, [url.searchParams.get('partner') ?? 'pt_0001']).then(
      ({ rows }) => {
        const body = JSON.stringify({ data: rows });
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
