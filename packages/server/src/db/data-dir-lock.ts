/**
 * One process at a time on an embedded data directory. PGlite keeps its database in the memory
 * of the process that opened it and writes its pages back to the directory's files: a second
 * process on the same directory works on a copy of its own and overwrites, or is overwritten by,
 * the first one's writes (an admin key created by the CLI beside a running server was lost that
 * way). So opening the directory takes an exclusive lock first: the file `partnerkit.lock`, which
 * names its holder.
 *
 * - Created atomically (a hard link of a fully written file), so two openers never both hold it
 *   and a reader never sees half a lock.
 * - Released when the database closes, and on `process.exit`.
 * - A lock whose holder is gone (killed with `kill -9`, a crash, a power cut) is taken over. On
 *   the same host and PID namespace the holder is checked directly (its process and the moment it
 *   started, so a reused PID does not count); elsewhere (another container on a shared volume)
 *   by the lock's heartbeat: the holder touches the file every few seconds from a worker thread,
 *   which long synchronous queries on the main thread do not stop. The stale lock is removed
 *   under a second, short-lived guard after reading it again, so of several openers at most one
 *   removes it and none removes a live lock.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, readlinkSync, realpathSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** The lock's file name inside the data directory. */
export const LOCK_FILE = 'partnerkit.lock';

/** How often the holder touches the lock file. */
const HEARTBEAT_MS = 5_000;
/** A lock untouched for this long has no live holder (checked only where its PID cannot be). */
const STALE_AFTER_MS = 30_000;
/** A takeover guard older than this was left by an opener that died in the middle of a takeover. */
const GUARD_STALE_AFTER_MS = 10_000;

/** What a lock file says about its holder. */
export interface LockHolder {
  pid: number;
  host: string;
  /** Host and PID namespace: where `pid` means this process. */
  scope: string;
  /** When the process started, in clock ticks since boot (Linux), to tell a reused PID apart. */
  processStart: string | null;
  /** The holder's command line, shortened. */
  command: string;
  /** When it took the lock (ISO-8601). */
  since: string;
  /** This acquisition's random token. */
  token: string;
}

/** The data directory is held by another live process (or already open in this one). */
export class DataDirLockedError extends Error {
  readonly code = 'PARTNERKIT_DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
    /** True when the holder is this very process (the directory is open twice). */
    readonly self: boolean,
  ) {
    super(
      self
        ? `the data directory ${dataDir} is already open in this process; share the open database instead of opening it twice`
        : `the data directory ${dataDir} is in use by process ${holder.pid}${holder.scope === currentScope() ? '' : ` on ${holder.host}`} (${holder.command}, since ${holder.since}). ` +
            'An embedded database allows one process at a time: a second one would overwrite the first one\'s writes. ' +
            `Stop that process (kill ${holder.pid}) and run this again; or let the running server do it (partnerkit-server keys create|list|revoke ` +
            'with the same --data-dir go through it); or use PostgreSQL (--database-url) to run several processes on one database.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** A held lock. */
export interface DataDirLock {
  readonly dataDir: string;
  readonly holder: LockHolder;
  /** Removes the lock (when it is still this process's); safe to call twice. */
  release(): void;
}

let scope: string | null = null;
function currentScope(): string {
  if (scope === null) {
    let namespace = '';
    try {
      namespace = readlinkSync('/proc/self/ns/pid');
    } catch {
      // Not Linux: the host name alone.
    }
    scope = `${hostname()}${namespace ? ` ${namespace}` : ''}`;
  }
  return scope;
}

/** When process `pid` started (field 22 of /proc/<pid>/stat), or null where /proc is not there. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks held by this process, by directory: for the second-open error and the exit handler. */
const held = new Map<string, { token: string; release(): void }>();

function isLive(holder: LockHolder, touchedAt: number): boolean {
  if (holder.scope !== currentScope()) return Date.now() - touchedAt < STALE_AFTER_MS;
  // Our own PID without our own lock: a previous incarnation (a container restarted as PID 1).
  if (holder.pid === process.pid) return false;
  if (!isRunning(holder.pid)) return false;
  const started = processStart(holder.pid);
  return holder.processStart === null || started === null || started === holder.processStart;
}

function readLock(path: string): { raw: string; holder: LockHolder | null; touchedAt: number } | null {
  try {
    const touchedAt = statSync(path).mtimeMs;
    const raw = readFileSync(path, 'utf8');
    let holder: LockHolder | null = null;
    try {
      const parsed = JSON.parse(raw) as Partial<LockHolder>;
      if (typeof parsed.pid === 'number' && typeof parsed.token === 'string' && typeof parsed.scope === 'string') holder = parsed as LockHolder;
    } catch {
      // Not a lock this code wrote: treated as stale.
    }
    return { raw, holder, touchedAt };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Removes the stale lock `raw` (and only it) under the takeover guard; false when the guard is busy. */
function removeStale(path: string, raw: string): boolean {
  const guard = `${path}.takeover`;
  try {
    mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_AFTER_MS) rmdirSync(guard);
    } catch {
      // Gone meanwhile: the next attempt takes it.
    }
    return false;
  }
  try {
    // Read again under the guard: another opener may have taken over and locked meanwhile.
    const again = readLock(path);
    if (again !== null && again.raw === raw) unlinkSync(path);
  } finally {
    rmdirSync(guard);
  }
  return true;
}

const HEARTBEAT = `
const { workerData } = require('node:worker_threads');
const { utimesSync } = require('node:fs');
setInterval(() => {
  try {
    const now = new Date();
    utimesSync(workerData.path, now, now);
  } catch {}
}, workerData.intervalMs);
`;

function startHeartbeat(path: string): Worker {
  const worker = new Worker(HEARTBEAT, { eval: true, workerData: { path, intervalMs: HEARTBEAT_MS } });
  // The heartbeat never keeps the process alive, and a failure to touch the file is not fatal.
  worker.unref();
  worker.on('error', () => {});
  return worker;
}

let exitHandler = false;

/**
 * Takes the lock of `dataDir` (an existing directory) for this process, or throws
 * {@link DataDirLockedError} naming the live holder.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const directory = realpathSync(dataDir);
  const mine = held.get(directory);
  const path = join(directory, LOCK_FILE);
  if (mine) {
    const current = readLock(path);
    throw new DataDirLockedError(directory, current?.holder ?? ({ pid: process.pid } as LockHolder), true);
  }
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    scope: currentScope(),
    processStart: processStart(process.pid),
    command: process.argv.slice(1).map((arg) => arg.split('/').pop()).join(' ').slice(0, 200),
    since: new Date().toISOString(),
    token: randomBytes(16).toString('hex'),
  };
  const draft = join(directory, `${LOCK_FILE}.${process.pid}.${holder.token.slice(0, 8)}`);
  writeFileSync(draft, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        linkSync(draft, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readLock(path);
      if (current === null) continue;
      if (current.holder !== null && isLive(current.holder, current.touchedAt)) throw new DataDirLockedError(directory, current.holder, false);
      if (!removeStale(path, current.raw)) {
        if (attempt > 200) throw new Error(`could not take over the stale lock ${path}: another process keeps taking it over`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  } finally {
    unlinkSync(draft);
  }

  const heartbeat = startHeartbeat(path);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(directory);
    void heartbeat.terminate();
    const current = readLock(path);
    if (current?.holder?.token === holder.token) unlinkSync(path);
  };
  held.set(directory, { token: holder.token, release });
  if (!exitHandler) {
    exitHandler = true;
    process.on('exit', () => {
      for (const lock of [...held.values()]) lock.release();
    });
  }
  return { dataDir: directory, holder, release };
}
