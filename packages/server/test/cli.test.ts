/**
 * The `partnerkit-server` command line: every command in-process on both drivers, and the real
 * executable for graceful shutdown and for durability across `kill -9`.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parseRateLimits, runCli } from '../src/cli/main.ts';
import { openDatabase } from '../src/index.ts';
import { drivers, freshDatabase, pgliteDataDir } from './helpers/databases.ts';
import { dealBody } from './helpers/fixtures.ts';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli.ts');

/** Runs the CLI in this process and collects its output. */
async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

it('prints help for every command without touching a database', async () => {
  for (const argv of [[], ['--help'], ['start', '--help'], ['seed', '--help'], ['keys', '--help'], ['keys'], ['migrate', '--help']]) {
    const result = await cli(argv);
    assert.equal(result.code, 0, argv.join(' '));
    assert.match(result.stdout, /Usage: partnerkit-server/);
  }
  assert.match((await cli(['start', '--help'])).stdout, /--allow-origin/);
  assert.match((await cli(['seed', '--help'])).stdout, /--deals N/);
});

it('refuses unknown commands and bad flags with exit code 2', async () => {
  for (const argv of [['serve'], ['start', '--port', 'eighty'], ['start', '--rate-limit', 'anonymous=many'], ['start', '--rate-limit', 'visitors=60'], ['start', '--rate-limit', '0'], ['start', '--bogus'], ['seed', '--profile', 'huge'], ['keys', 'create'], ['keys', 'rotate'], ['start', '--seed', 'big'], ['seed', '--as-of', 'someday']]) {
    const result = await cli(argv);
    assert.equal(result.code, 2, `${argv.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, /^partnerkit-server: /);
  }
});

it('reads --rate-limit as N for sessions (admin keys 10x) or KIND=N for one kind of caller', () => {
  assert.deepEqual(parseRateLimits([]), {});
  assert.deepEqual(parseRateLimits(['100']), { session: 100, admin: 1000 });
  assert.deepEqual(parseRateLimits(['100', 'admin=5', 'anonymous=600', 'public-address=900', 'publishable=3000']), { session: 100, admin: 5, anonymous: 600, publicAddress: 900, publishable: 3000 });
  assert.throws(() => parseRateLimits(['publicAddress=5']), /KIND one of session, admin, anonymous, publishable, public-address/);
});

for (const driver of drivers()) {
  describe(`cli commands [${driver.name}]`, driver.skip ? { skip: driver.skip } : {}, () => {
    let database: { dataDir: string | null; databaseUrl: string | null; drop(): Promise<void> };
    let flags: string[];
    before(async () => {
      if (driver.name === 'pglite') {
        const dataDir = await pgliteDataDir();
        database = { dataDir, databaseUrl: null, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
      } else {
        // The CLI opens the database itself; the suite only prepares (and drops) it.
        const fresh = await freshDatabase('postgres');
        await fresh.db.close();
        database = { dataDir: null, databaseUrl: fresh.databaseUrl, drop: fresh.drop };
      }
      flags = database.dataDir ? ['--data-dir', database.dataDir] : ['--database-url', database.databaseUrl as string];
    });
    after(async () => {
      await database?.drop();
    });

    it('migrates, creates, lists and revokes keys, and seeds an empty database once', async () => {
      const migrated = await cli(['migrate', ...flags]);
      assert.equal(migrated.code, 0, migrated.stderr);
      assert.match(migrated.stdout, /^schema version \d+\n$/);

      const created = await cli(['keys', 'create', '--name', 'Ops team', ...flags]);
      assert.equal(created.code, 0, created.stderr);
      const key = created.stdout.trim();
      assert.match(key, /^pk_admin_[A-Za-z0-9_-]{43}$/);
      assert.ok(!created.stderr.includes(key), 'the key is printed once, on stdout');

      const seeded = await cli(['seed', '--partners', '8', '--deals', '60', '--resources', '6', '--months', '3', '--seed', '3', ...flags]);
      assert.equal(seeded.code, 0, seeded.stderr);
      assert.equal(JSON.parse(seeded.stdout).deals, 60);
      const again = await cli(['seed', ...flags]);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /already holds a programme/);

      // The database from the environment this time.
      const env = database.dataDir ? { PARTNERKIT_DATA_DIR: database.dataDir } : { DATABASE_URL: database.databaseUrl as string };
      const listed = await cli(['keys', 'list'], env);
      assert.equal(listed.code, 0, listed.stderr);
      assert.match(listed.stdout, /\tactive\t.*\tOps team\n$/);
      assert.ok(!listed.stdout.includes(key));
      const id = listed.stdout.split('\t')[0] as string;
      const revoked = await cli(['keys', 'revoke', id, ...flags]);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.match(revoked.stderr, /revoked key_/);
    });
  });
}

/** Starts the real executable; resolves with the URL it listens on. */
function spawnServer(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--conditions=partnerkit-source', '--import', 'tsx', CLI, 'start', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PARTNERKIT_SECRET: '' },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] as string, output: () => output });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));

/** Runs the real executable to its end; its exit code and output. */
function runExecutable(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=partnerkit-source', '--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('a second process on a running server\'s data directory [pglite]', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await pgliteDataDir();
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates, lists and revokes keys through the running server: a printed key works at once and after a restart', async () => {
    const bootstrap = await cli(['keys', 'create', '--name', 'first', '--data-dir', dataDir]);
    const first = bootstrap.stdout.trim();
    const server = await spawnServer(['--data-dir', dataDir]);
    const pid = server.child.pid as number;
    const status = async (url: string, key: string) => (await fetch(`${url}/v1/tiers`, { headers: { authorization: `Bearer ${key}` } })).status;
    let second: string;
    try {
      const created = await runExecutable(['keys', 'create', '--name', 'second', '--data-dir', dataDir]);
      assert.equal(created.code, 0, created.stderr);
      second = created.stdout.trim();
      assert.match(second, /^pk_admin_/);
      assert.equal(await status(server.url, second), 200, 'the printed key works against the running server');
      assert.match(created.stderr, new RegExp(`created admin key key_\\w+ "second" through the running server \\(process ${pid}\\)`));
      const listed = await runExecutable(['keys', 'list', '--data-dir', dataDir]);
      assert.equal(listed.code, 0, listed.stderr);
      assert.deepEqual(listed.stdout.trim().split('\n').map((line) => line.split('\t')[4]), ['first', 'second']);

      // Anything else that would open the directory is refused, naming the server and what to do.
      const migrated = await runExecutable(['migrate', '--data-dir', dataDir]);
      assert.equal(migrated.code, 1);
      assert.match(migrated.stderr, new RegExp(`in use by process ${pid} `));
      assert.match(migrated.stderr, /Stop that process \(kill \d+\)/);
      assert.match(migrated.stderr, /use PostgreSQL/);
    } finally {
      const exit = exited(server.child);
      server.child.kill('SIGTERM');
      await exit;
    }
    const restarted = await spawnServer(['--data-dir', dataDir]);
    try {
      assert.equal(await status(restarted.url, second), 200, 'the key survived the restart');
      assert.equal(await status(restarted.url, first), 200);
      const id = (await runExecutable(['keys', 'list', '--data-dir', dataDir])).stdout.split('\n')[1]?.split('\t')[0] as string;
      const revoked = await runExecutable(['keys', 'revoke', id, '--data-dir', dataDir]);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.match(revoked.stderr, /revoked key_\w+ through the running server/);
      assert.equal(await status(restarted.url, second), 401, 'revoked at once');
    } finally {
      const exit = exited(restarted.child);
      restarted.child.kill('SIGTERM');
      await exit;
    }
  });
});

describe('the executable [pglite]', () => {
  let dataDir: string;
  let key: string;
  before(async () => {
    dataDir = await pgliteDataDir();
    const created = await cli(['keys', 'create', '--name', 'cli', '--data-dir', dataDir]);
    key = created.stdout.trim();
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finishes in-flight requests on SIGTERM, then exits 0; acknowledged writes survive kill -9', async () => {
    const first = await spawnServer(['--data-dir', dataDir, '--seed', 'demo']);
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    // A request still sending its body when the signal arrives.
    let finish!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name": "Late Partner", '));
        finish = () => {
          controller.enqueue(new TextEncoder().encode('"type": "agent"}'));
          controller.close();
        };
      },
    });
    const inFlight = fetch(`${first.url}/v1/partners`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exit = exited(first.child);
    first.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    finish();
    const response = await inFlight;
    assert.equal(response.status, 201, first.output());
    const late = await response.json();
    assert.equal(await exit, 0, first.output());
    assert.match(first.output(), /SIGTERM, finishing in-flight requests/);
    assert.match(first.output(), /"msg":"stopped"/);

    const second = await spawnServer(['--data-dir', dataDir, '--seed', 'demo']);
    assert.equal((await fetch(`${second.url}/v1/partners/${late.id}`, { headers })).status, 200, 'the write before SIGTERM is there');
    const registered = await fetch(`${second.url}/v1/deals`, { method: 'POST', headers, body: JSON.stringify({ ...dealBody(), partnerId: 'pt_0001' }) });
    assert.equal(registered.status, 201);
    const deal = await registered.json();
    const killed = exited(second.child);
    second.child.kill('SIGKILL');
    await killed;

    const db = await openDatabase({ dataDir });
    try {
      const { rows } = await db.query('SELECT status FROM deals WHERE id = $1', [deal.id]);
      assert.deepEqual(rows, [{ status: 'submitted' }], 'the acknowledged registration survived kill -9');
      const events = await db.query("SELECT count(*)::int AS n FROM events WHERE data->>'dealId' = $1", [deal.id]);
      assert.equal(events.rows[0]?.n, 1, 'with its event');
      const partners = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM partners');
      // The demo's 24 partners, the 2 its approved applications became, and the late one.
      assert.equal(partners.rows[0]?.n, 27, 'seeded once, not twice');
    } finally {
      await db.close();
    }
  });
});
