/**
 * Crash safety: the server runs as its own process (the `partnerkit-server start` CLI), takes a
 * load of registrations and approvals, and is killed with SIGKILL in the middle of it, on PGlite
 * and on PostgreSQL. Restarted on the same data, every registration and move that was
 * acknowledged is there; every request sent again with its idempotency key is answered from its
 * first answer or done once; and the database passes integrity checks: migrations intact, one
 * active registration per customer, every deal with a valid history and one event per entry, no
 * orphan events, no half-claimed idempotency keys.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { DealHistoryEntry } from '@partnerkit/core/schemas';
import { MIGRATIONS } from '../../src/db/migrations/index.ts';
import { createAdminKey, type Database, openDatabase } from '../../src/index.ts';
import { dealBody } from '../helpers/fixtures.ts';
import { drivers, type DriverName, freshDatabase } from '../helpers/databases.ts';
import { assertValidPath } from './helpers/lifecycle.ts';
import { Tally } from './helpers/wire.ts';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
/** Acknowledged registrations to reach before the kill. */
const ACKNOWLEDGED_BEFORE_KILL = 30;
const WORKERS = 8;

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
}

/** Starts `partnerkit-server start` on `where` in a child process and waits until it listens. */
async function startChild(where: string[]): Promise<Running> {
  const child = spawn(process.execPath, ['--conditions=partnerkit-source', '--import', 'tsx', CLI, 'start', ...where, '--port', '0', '--no-rate-limit', '--log-level', 'warn'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PARTNERKIT_SECRET: 'crash-suite-secret-0123456789-abcdefghijklmnop' },
  });
  const exited = once(child, 'exit');
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s: ${stderr}`)), 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening: ${stderr}`));
    });
  });
  return { child, url, exited };
}

interface Sent {
  key: string;
  body: Record<string, unknown>;
  /** The deal id, when the 201 arrived before the kill. */
  acknowledged?: string;
}

/** Everything the integrity checks look at, straight from the database. */
async function checkIntegrity(db: Database, tally: Tally): Promise<void> {
  const migrations = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
  assert.deepEqual(
    migrations.rows.map((r) => [Number(r.version), r.name]),
    [...MIGRATIONS].sort((a, b) => a.version - b.version).map((m) => [m.version, m.name]),
    'the migrations table lists every migration once',
  );
  const index = await db.query<{ valid: boolean; unique: boolean }>(
    `SELECT i.indisvalid AS valid, i.indisunique AS unique FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'deals_one_active_per_customer'`,
  );
  assert.deepEqual(index.rows, [{ valid: true, unique: true }], 'the one-active-registration index is there and valid');
  const duplicates = await db.query(`SELECT customer_key FROM deals WHERE status IN ('submitted', 'under_review', 'needs_info', 'approved') GROUP BY customer_key HAVING count(*) > 1`);
  assert.deepEqual(duplicates.rows, [], 'one active registration per customer');
  const numbers = await db.query(`SELECT number FROM deals GROUP BY number HAVING count(*) > 1`);
  assert.deepEqual(numbers.rows, [], 'deal numbers are unique');

  const deals = await db.query<{ id: string; status: string; history: DealHistoryEntry[] }>('SELECT id, status, history FROM deals');
  const events = await db.query<{ deal: string; n: number }>(`SELECT data->>'dealId' AS deal, count(*)::int AS n FROM events WHERE data ? 'dealId' GROUP BY 1`);
  const eventsOf = new Map(events.rows.map((r) => [r.deal, Number(r.n)]));
  for (const deal of deals.rows) {
    assertValidPath(deal.history, deal.id);
    assert.equal(deal.status, deal.history.at(-1)?.to, `${deal.id}: status is the last history entry`);
    assert.equal(eventsOf.get(deal.id) ?? 0, deal.history.length, `${deal.id}: one event per history entry`);
  }
  const ids = new Set(deals.rows.map((d) => d.id));
  const orphans = events.rows.filter((e) => !ids.has(e.deal));
  assert.deepEqual(orphans, [], 'no event of a deal that does not exist');

  const claimed = await db.query('SELECT key FROM idempotency_keys WHERE status = 0');
  assert.deepEqual(claimed.rows, [], 'no idempotency key claimed without its answer');
  const answered = await db.query<{ id: string }>(`SELECT body->>'id' AS id FROM idempotency_keys WHERE status = 201 AND body ? 'number'`);
  for (const row of answered.rows) assert.ok(ids.has(row.id), `a stored answer names deal ${row.id}, which does not exist`);
  tally.add('deals checked', deals.rows.length);
  tally.add('stored answers checked', answered.rows.length);
}

async function crashAndRecover(driver: DriverName, t: { diagnostic(message: string): void }): Promise<void> {
  const database = await freshDatabase(driver);
  const where = database.dataDir !== null ? ['--data-dir', database.dataDir] : ['--database-url', database.databaseUrl as string];
  const { key: adminKey } = await createAdminKey(database.db, { name: 'crash-suite' });
  // The child process owns the data from here (PGlite allows one process at a time).
  await database.db.close();
  const tally = new Tally();
  let running: Running | null = null;
  try {
    running = await startChild(where);
    const call = async (url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, headers: response.headers, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
    };
    const partners: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const made = await call(running.url, 'POST', '/v1/partners', { name: `Crash Partner ${i} ${randomBytes(3).toString('hex')}`, type: 'reseller', status: 'active' });
      assert.equal(made.status, 201);
      partners.push(made.body?.id as string);
    }

    // The load: workers register deals, and approve every third acknowledged one, until the kill.
    const sent: Sent[] = [];
    const approvals: { dealId: string; key: string; acknowledged: boolean }[] = [];
    let killed = false;
    const server = running;
    const worker = async (w: number) => {
      for (let i = 0; !killed; i += 1) {
        const item: Sent = { key: `crash-${w}-${i}-${randomBytes(4).toString('hex')}`, body: dealBody({ partnerId: partners[(w + i) % partners.length] }) };
        sent.push(item);
        try {
          const reply = await call(server.url, 'POST', '/v1/deals', item.body, { 'idempotency-key': item.key });
          if (reply.status === 201) item.acknowledged = reply.body?.id as string;
          else assert.fail(`registration answered ${reply.status}`);
          if (i % 3 === 0 && item.acknowledged) {
            const approval = { dealId: item.acknowledged, key: `approve-${item.key}`, acknowledged: false };
            approvals.push(approval);
            const moved = await call(server.url, 'POST', `/v1/deals/${approval.dealId}/transitions`, { to: 'approved' }, { 'idempotency-key': approval.key });
            if (moved.status === 200) approval.acknowledged = true;
          }
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    let failure: unknown;
    load.catch((error: unknown) => {
      failure = error;
    });
    while (sent.filter((s) => s.acknowledged).length < ACKNOWLEDGED_BEFORE_KILL) {
      if (failure !== undefined) throw failure;
      await new Promise((r) => setTimeout(r, 5));
    }
    running.child.kill('SIGKILL');
    killed = true;
    await running.exited;
    await load;
    running = null;
    const acknowledged = sent.filter((s) => s.acknowledged);
    tally.add('registrations sent', sent.length);
    tally.add('acknowledged', acknowledged.length);
    tally.add('in flight at the kill', sent.length - acknowledged.length);
    tally.add('approvals acknowledged', approvals.filter((a) => a.acknowledged).length);

    // Restart on the same data: everything acknowledged is there.
    running = await startChild(where);
    const restarted = running;
    for (const item of acknowledged) {
      const deal = await call(restarted.url, 'GET', `/v1/deals/${item.acknowledged}`);
      assert.equal(deal.status, 200, `acknowledged deal ${item.acknowledged} is gone`);
      assert.deepEqual((deal.body?.customer as { company: string }).company, (item.body.customer as { company: string }).company);
    }
    for (const approval of approvals.filter((a) => a.acknowledged)) {
      const deal = await call(restarted.url, 'GET', `/v1/deals/${approval.dealId}`);
      assert.equal(deal.body?.status, 'approved', `acknowledged approval of ${approval.dealId} is gone`);
    }
    // Every request again with its key: acknowledged ones replay their first answer; the ones in
    // flight were done once or not at all, and are done exactly once now.
    for (const item of sent) {
      const again = await call(restarted.url, 'POST', '/v1/deals', item.body, { 'idempotency-key': item.key });
      assert.equal(again.status, 201, `resending ${item.key}: ${again.status} ${JSON.stringify(again.body)}`);
      if (item.acknowledged) {
        assert.equal(again.body?.id, item.acknowledged, 'an acknowledged registration replays its first answer');
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
      } else {
        tally.add(again.headers.get('idempotent-replayed') === 'true' ? 'in-flight writes that had committed' : 'in-flight writes that had not');
      }
      const company = (item.body.customer as { company: string }).company;
      const list = await call(restarted.url, 'GET', `/v1/deals?q=${encodeURIComponent(company)}`);
      assert.equal((list.body?.data as unknown[]).length, 1, `exactly one deal of ${company}`);
    }
    running.child.kill('SIGTERM');
    await running.exited;
    running = null;

    const db = driver === 'pglite' ? await openDatabase({ dataDir: database.dataDir as string }) : await openDatabase({ databaseUrl: database.databaseUrl as string });
    try {
      await checkIntegrity(db, tally);
    } finally {
      await db.close();
    }
    t.diagnostic(`crash safety [${driver}]: kill -9 under load, restart: ${tally}`);
  } finally {
    if (running) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    await database.drop();
  }
}


for (const driver of drivers()) {
  describe(`reliability: crash safety [${driver.name}]`, driver.skip ? { skip: driver.skip } : {}, () => {
    it('keeps every acknowledged registration and move through kill -9, and passes the integrity checks', { timeout: 240_000 }, async (t) => {
      await crashAndRecover(driver.name, t);
    });
  });
}
