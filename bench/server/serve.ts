/**
 * The reference server under test, in its own process (as it runs in production, so the load
 * generator never shares its event loop). Started by `bench/server/control.ts` with the database
 * to use; it opens and migrates it, seeds the bench programme, serves the API on 127.0.0.1 with
 * rate limits off, and answers commands over IPC: grow the deals table, report request counts,
 * stop. Seeding happens here because PGlite allows one process per data directory.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, startServer, type DatabaseOptions, type LogEntry, type RunningServer } from '@partnerkit/server';
import { sweepTierChanges } from '@partnerkit/server/testing';
import { startBaseline } from './baseline.ts';
import { addDeals, asOfToday, checkDeals, seedProgramme } from './seed.ts';
import { addCertificates } from './seed-enablement.ts';
import { addInbox, checkInbox } from './seed-inbox.ts';

/** What the parent sends. */
export type Command =
  | { type: 'grow'; to: number }
  | { type: 'inbox'; requests: number; announcements: number }
  | { type: 'certificates'; to: number }
  | { type: 'evaluate' }
  | { type: 'requests'; key: string }
  | { type: 'stop' };

/** What the child answers. */
export type Reply =
  | { type: 'ready'; url: string; baselineUrl: string; adminKey: string; version: string; engine: string; seconds: number }
  | { type: 'grown'; deals: number; seconds: number }
  | { type: 'inboxed'; seconds: number; requests: number; announcements: number; reads: number; manager: { id: string; partners: number; requests: number } }
  | { type: 'certified'; seconds: number; certificates: number; people: number }
  | { type: 'evaluated'; seconds: number; evaluated: number; changed: number }
  | { type: 'requests'; count: number }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

const send = (reply: Reply) => process.send?.(reply);

/** The database, how many partners the programme has (deals are spread over them) and months of measurements (24 unless told). */
const { database, partners, months } = JSON.parse(process.argv[2] ?? '{}') as { database: DatabaseOptions; partners: number; months?: number };
const asOf = asOfToday();
const requests = new Map<string, number>();
const serverErrors: string[] = [];
const sink = (entry: LogEntry) => {
  if (entry.msg === 'request') {
    const key = `${String(entry.method)} ${String(entry.path)}`;
    requests.set(key, (requests.get(key) ?? 0) + 1);
  }
  // A 5xx is a server bug, never a benchmark figure: say it loudly.
  if (entry.level === 'error') serverErrors.push(JSON.stringify(entry));
};

let server: RunningServer | undefined;
let baseline: Awaited<ReturnType<typeof startBaseline>> | undefined;

/** The installed PGlite's version: its package.json, found above its entry module. */
function pgliteVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

async function start(): Promise<void> {
  const started = performance.now();
  const db = await openDatabase(database);
  await seedProgramme(db, partners, asOf, months);
  server = await startServer({
    db,
    port: 0,
    logger: sink,
    rateLimit: false,
    // The sweep would run in the middle of a measurement; approvals stay protected past the data's date anyway.
    sweepIntervalMs: 24 * 3_600_000,
    secret: 'partnerkit-bench-secret-0123456789abcdef',
  });
  baseline = await startBaseline(db, 'databaseUrl' in database && database.databaseUrl !== undefined ? database.databaseUrl : null);
  const { key } = await server.createAdminKey('bench');
  const { rows } = await db.query<{ version: string }>('SELECT version() AS version');
  const engine = db.driver === 'pglite' ? `PGlite ${pgliteVersion()}` : 'PostgreSQL server';
  send({ type: 'ready', url: server.url, baselineUrl: baseline.url, adminKey: key, version: rows[0]?.version ?? 'unknown', engine, seconds: (performance.now() - started) / 1000 });
}

async function handle(command: Command): Promise<void> {
  if (!server) throw new Error('not started');
  if (command.type === 'grow') {
    const started = performance.now();
    const { rows } = await server.db.query<{ n: number; last: number }>(
      'SELECT (SELECT count(*) FROM deals)::int AS n, (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM deal_numbers)::int AS last',
    );
    const count = Number(rows[0]?.n ?? 0);
    const numbered = Number(rows[0]?.last ?? 0);
    if (command.to > count) {
      // Numbers continue after every deal so far (seeded or registered by the benchmark).
      const first = Math.max(numbered, count) + 1;
      const last = first + (command.to - count) - 1;
      await addDeals(server.db, first, last, partners, asOf);
      await checkDeals(server.db, first, last);
    }
    await server.db.query('ANALYZE deals');
    const { rows: after } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deals');
    send({ type: 'grown', deals: Number(after[0]?.n ?? 0), seconds: (performance.now() - started) / 1000 });
  } else if (command.type === 'inbox') {
    const started = performance.now();
    await addInbox(server.db, command.requests, command.announcements, asOf);
    await checkInbox(server.db);
    // The manager with the most partners: its due-sorted list spans the most requests.
    const { rows } = await server.db.query<{ id: string; partners: number; requests: number; total: number; announcements: number; reads: number }>(
      `SELECT m.id, m.partners, (SELECT count(*)::int FROM requests q JOIN partners p ON p.id = q.partner_id WHERE p.manager->>'id' = m.id) AS requests,
              (SELECT count(*)::int FROM requests) AS total, (SELECT count(*)::int FROM announcements) AS announcements, (SELECT count(*)::int FROM announcement_reads) AS reads
         FROM (SELECT manager->>'id' AS id, count(*)::int AS partners FROM partners WHERE manager IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1) m`,
    );
    const m = rows[0];
    if (!m) throw new Error('bench seed: no partner has a manager');
    send({ type: 'inboxed', seconds: (performance.now() - started) / 1000, requests: m.total, announcements: m.announcements, reads: m.reads, manager: { id: m.id, partners: m.partners, requests: m.requests } });
  } else if (command.type === 'certificates') {
    const started = performance.now();
    const held = await addCertificates(server.db, command.to, asOf);
    send({ type: 'certified', seconds: (performance.now() - started) / 1000, ...held });
  } else if (command.type === 'evaluate') {
    // The sweep's tier part on every partner: interval 0, so no earlier claim makes it skip.
    const started = performance.now();
    const report = await sweepTierChanges(server.db, new Date(), 0);
    send({ type: 'evaluated', seconds: (performance.now() - started) / 1000, ...report });
  } else if (command.type === 'requests') {
    if (serverErrors.length) throw new Error(`the server logged errors: ${serverErrors.slice(0, 3).join(' | ')}`);
    send({ type: 'requests', count: requests.get(command.key) ?? 0 });
  } else {
    await baseline?.close();
    await server.close();
    await server.db.close();
    send({ type: 'stopped' });
    process.disconnect?.();
  }
}

process.on('message', (command: Command) => {
  handle(command).catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
start().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
  process.disconnect?.();
});
