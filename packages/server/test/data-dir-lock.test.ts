/**
 * One process at a time on an embedded data directory: the lock names its holder, goes with the
 * database's close, is taken over from a dead holder, and of several processes racing for a
 * stale lock exactly one wins.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DataDirLockedError, LOCK_FILE, openDatabase } from '../src/index.ts';
import { pgliteDataDir } from './helpers/databases.ts';

const OPENER = fileURLToPath(new URL('./helpers/open-data-dir.ts', import.meta.url));

/** A process that opens `dataDir`; `said` resolves with its first line (`opened <pid>` or `locked <pid>`). */
function opener(dataDir: string): { child: ChildProcess; said: Promise<string>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--conditions=partnerkit-source', '--import', 'tsx', OPENER, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  const said = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(output.split('\n')[0] as string);
    });
    child.once('exit', (code) => reject(new Error(`the opener exited (${code}) without a word: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, said, exited };
}

/** A lock file as a holder elsewhere would write it. */
function writeLock(dataDir: string, holder: Record<string, unknown>): void {
  writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ host: 'elsewhere', processStart: null, command: 'partnerkit-server start', since: new Date().toISOString(), token: 'f'.repeat(32), ...holder }));
}

/** A PID that no process has now: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

describe('the data directory lock [pglite]', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await pgliteDataDir();
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is held while the database is open, refuses a second opener in this process, and goes with close', async () => {
    const db = await openDatabase({ dataDir });
    try {
      const holder = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'));
      assert.equal(holder.pid, process.pid);
      await assert.rejects(openDatabase({ dataDir }), (error: unknown) => error instanceof DataDirLockedError && error.self && /already open in this process/.test(error.message));
    } finally {
      await db.close();
    }
    assert.ok(!existsSync(join(dataDir, LOCK_FILE)), 'the lock is removed on close');
  });

  it('refuses a second process, naming the holder and what to do', async () => {
    const db = await openDatabase({ dataDir });
    try {
      const second = opener(dataDir);
      assert.equal(await second.said, `locked ${process.pid}`);
      assert.equal(await second.exited, 0);
      const error = await openDatabase({ dataDir }).catch((e: unknown) => e);
      assert.ok(error instanceof DataDirLockedError);
    } finally {
      await db.close();
    }
  });

  it('takes over the lock of a process that is gone, here or on another host', async () => {
    const localScope = JSON.parse(await (async () => {
      const db = await openDatabase({ dataDir });
      const text = readFileSync(join(dataDir, LOCK_FILE), 'utf8');
      await db.close();
      return text;
    })()).scope as string;
    // A process of this host that was killed (kill -9 leaves its lock behind).
    writeLock(dataDir, { pid: await deadPid(), scope: localScope });
    const db = await openDatabase({ dataDir });
    assert.equal(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid, process.pid);
    await db.close();

    // Another host or container: live while its heartbeat is fresh, gone 30 s after the last one.
    writeLock(dataDir, { pid: 1, scope: 'another-host pid:[1]' });
    await assert.rejects(openDatabase({ dataDir }), (error: unknown) => error instanceof DataDirLockedError && /on elsewhere/.test(error.message));
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(join(dataDir, LOCK_FILE), longAgo, longAgo);
    const taken = await openDatabase({ dataDir });
    await taken.close();
  });

  it('lets exactly one of several processes take over a stale lock', async () => {
    const localScope = JSON.parse(await (async () => {
      const db = await openDatabase({ dataDir });
      const text = readFileSync(join(dataDir, LOCK_FILE), 'utf8');
      await db.close();
      return text;
    })()).scope as string;
    writeLock(dataDir, { pid: await deadPid(), scope: localScope });
    const racers = Array.from({ length: 5 }, () => opener(dataDir));
    try {
      const said = await Promise.all(racers.map((r) => r.said));
      const winners = said.filter((line) => line.startsWith('opened '));
      assert.equal(winners.length, 1, said.join(', '));
      const winner = (winners[0] as string).slice('opened '.length);
      for (const line of said) if (line.startsWith('locked ')) assert.equal(line, `locked ${winner}`, 'the losers name the winner');
    } finally {
      for (const racer of racers) racer.child.stdin?.end();
      await Promise.all(racers.map((r) => r.exited));
    }
    assert.ok(!existsSync(join(dataDir, LOCK_FILE)), 'the winner released it');
  });
});
