/**
 * The control channel of a server on an embedded data directory: a local socket in the directory
 * (`partnerkit.sock`, mode 0600) through which `partnerkit-server keys create|list|revoke` run in
 * the server that holds the directory, since no second process may open it (see
 * `db/data-dir-lock.ts`). Whoever may connect may read the directory's files (the database, the
 * secret) anyway: the directory is the boundary, as for the files.
 *
 * One JSON line asks, one JSON line answers, then the connection closes.
 * @module
 */
import { createHash } from 'node:crypto';
import { chmodSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { Database } from './db/database.js';
import type { Logger } from './http/logger.js';
import { type AdminKeyInfo, type CreatedAdminKey, createAdminKey, findAdminKey, listAdminKeys, revokeAdminKey } from './security/api-keys.js';

/** The socket's file name inside the data directory. */
export const CONTROL_SOCKET = 'partnerkit.sock';

/** Longest Unix socket path the platforms take (macOS 104 bytes with the terminator; Linux 108). */
const MAX_SOCKET_PATH = 103;

/** What the channel does. */
export type ControlRequest =
  | { op: 'keys.create'; name: string }
  | { op: 'keys.list' }
  | { op: 'keys.revoke'; id: string }
  /** True when `key` is a live admin key of the server's database: a created key read back. */
  | { op: 'keys.check'; key: string };

/** The answer to each request. */
export interface ControlAnswers {
  'keys.create': CreatedAdminKey;
  'keys.list': AdminKeyInfo[];
  'keys.revoke': boolean;
  'keys.check': boolean;
}

type Answer = { ok: true; value: unknown } | { ok: false; error: string };

/** Socket paths served by this process. */
const serving = new Set<string>();

/** Where the channel of `dataDir` listens, or null when the path is too long for a socket. */
export function controlSocketPath(dataDir: string): string | null {
  if (process.platform === 'win32') return `\\\\.\\pipe\\partnerkit-${createHash('sha256').update(dataDir).digest('hex').slice(0, 24)}`;
  const path = join(dataDir, CONTROL_SOCKET);
  return Buffer.byteLength(path) <= MAX_SOCKET_PATH ? path : null;
}

async function answer(db: Database, request: ControlRequest): Promise<unknown> {
  switch (request.op) {
    case 'keys.create':
      return createAdminKey(db, { name: String(request.name) });
    case 'keys.list':
      return listAdminKeys(db);
    case 'keys.revoke':
      return revokeAdminKey(db, String(request.id));
    case 'keys.check':
      return (await findAdminKey(db, String(request.key))) !== null;
    default:
      throw new Error(`unknown control request ${JSON.stringify((request as { op?: unknown }).op)}`);
  }
}

/** A listening channel. */
export interface ControlChannel {
  path: string;
  close(): Promise<void>;
}

/**
 * Serves the channel of `db`, whose data directory is `dataDir`. The caller holds the directory's lock, so a socket
 * file found there was left by a holder that is gone and is replaced. Null when the directory's
 * path is too long for a socket (the CLI then asks the operator to stop the server).
 */
export async function serveControlChannel(db: Database, dataDir: string, logger: Logger): Promise<ControlChannel | null> {
  const path = controlSocketPath(dataDir);
  if (path === null) {
    logger.log('info', 'no control channel: the data directory path is too long for a local socket', { dataDir });
    return null;
  }
  // Another server of this process on the same database (a sibling) serves it already.
  if (serving.has(path)) return null;
  serving.add(path);
  if (process.platform !== 'win32') {
    try {
      unlinkSync(path);
    } catch {
      // None left over.
    }
  }
  const server: Server = createServer((socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('error', () => {});
    socket.on('data', (chunk: string) => {
      input += chunk;
      if (input.length > 64 * 1024) socket.destroy();
      const end = input.indexOf('\n');
      if (end === -1) return;
      let request: ControlRequest;
      try {
        request = JSON.parse(input.slice(0, end)) as ControlRequest;
      } catch {
        socket.end(`${JSON.stringify({ ok: false, error: 'not a JSON request' } satisfies Answer)}\n`);
        return;
      }
      answer(db, request).then(
        (value) => socket.end(`${JSON.stringify({ ok: true, value } satisfies Answer)}\n`),
        (error: unknown) => socket.end(`${JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies Answer)}\n`),
      );
      logger.log('info', 'control request', { op: typeof request.op === 'string' ? request.op : null });
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    });
    if (process.platform !== 'win32') chmodSync(path, 0o600);
  } catch (error) {
    serving.delete(path);
    server.close();
    throw error;
  }
  server.unref();
  return {
    path,
    close: () =>
      new Promise<void>((resolve) => {
        serving.delete(path);
        server.close(() => resolve());
      }),
  };
}

/**
 * Asks the server holding `dataDir` to do `request`; null when no server answers there (none
 * runs, or it has no channel).
 */
export async function callControlChannel<R extends ControlRequest>(dataDir: string, request: R, timeoutMs = 15_000): Promise<ControlAnswers[R['op']] | null> {
  const path = controlSocketPath(dataDir);
  if (path === null) return null;
  const reply = await new Promise<Answer | null>((resolve) => {
    const socket = createConnection(path);
    let output = '';
    const timer = setTimeout(() => socket.destroy(new Error('timed out')), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => (output += chunk));
    socket.on('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(output) as Answer);
      } catch {
        resolve(null);
      }
    });
  });
  if (reply === null) return null;
  if (!reply.ok) throw new Error(`the running server refused: ${reply.error}`);
  return reply.value as ControlAnswers[R['op']];
}
