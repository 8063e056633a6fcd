/**
 * The `partnerkit-server` command line, as a function of its arguments, environment and output
 * streams, so tests can run it in-process.
 * @module
 */
import { parseArgs } from 'node:util';
import { callControlChannel, type ControlAnswers, type ControlRequest } from '../control-channel.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import type { LogLevel } from '../http/logger.js';
import type { RateLimitOptions } from '../http/rate-limit.js';
import { createAdminKey, findAdminKey, listAdminKeys, revokeAdminKey } from '../security/api-keys.js';
import { seedDatabase } from '../seed/seed.js';
import { startServer, type RunningServer } from '../server.js';
import { HELP } from './help.js';

/** Where the CLI reads and writes. */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Called with the running server by `start`; the caller decides when to close it (signals). */
  onStarted?: (server: RunningServer) => void;
}

/** A mistake in the command line: printed with a hint, exit code 2. */
class UsageError extends Error {}

const DATABASE_OPTIONS = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function wholeNumber(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${flag} must be a whole number >= ${min}`);
  return Number(value);
}

/** `--rate-limit` names: the kinds of caller of {@link RateLimitOptions}. */
const RATE_LIMIT_KINDS = { session: 'session', admin: 'admin', anonymous: 'anonymous', publishable: 'publishable', 'public-address': 'publicAddress' } as const;

/**
 * `--rate-limit N` (per session a minute, admin keys 10x) and `--rate-limit KIND=N` for one kind
 * of caller (`anonymous=600`), repeatable; the last word on a kind wins.
 */
export function parseRateLimits(flags: readonly string[]): RateLimitOptions {
  const limits: RateLimitOptions = {};
  for (const flag of flags) {
    const [name, value] = flag.includes('=') ? flag.split('=', 2) : [undefined, flag];
    const perMinute = wholeNumber(value, 'rate-limit', 1) as number;
    if (name === undefined) Object.assign(limits, { session: perMinute, admin: perMinute * 10 });
    else if (Object.hasOwn(RATE_LIMIT_KINDS, name)) limits[RATE_LIMIT_KINDS[name as keyof typeof RATE_LIMIT_KINDS]] = perMinute;
    else throw new UsageError(`--rate-limit takes N or KIND=N, KIND one of ${Object.keys(RATE_LIMIT_KINDS).join(', ')}`);
  }
  return limits;
}

async function open(values: { 'data-dir'?: string; 'database-url'?: string }, env: CliIo['env']): Promise<Database> {
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  if (databaseUrl !== undefined && databaseUrl !== '') {
    if (values['data-dir'] !== undefined) throw new UsageError('give --data-dir or --database-url, not both');
    return openDatabase({ databaseUrl });
  }
  const dataDir = values['data-dir'] ?? env.PARTNERKIT_DATA_DIR;
  return openDatabase(dataDir === undefined || dataDir === '' ? {} : { dataDir });
}

async function withDatabase<T>(values: { 'data-dir'?: string; 'database-url'?: string }, env: CliIo['env'], work: (db: Database) => Promise<T>): Promise<T> {
  const db = await open(values, env);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/**
 * Runs a key command on the database, or, when a running server holds the embedded database's
 * directory, through that server's control channel; says which.
 */
async function onKeys<R extends ControlRequest>(
  values: { 'data-dir'?: string; 'database-url'?: string },
  env: CliIo['env'],
  request: R,
  local: (db: Database) => Promise<ControlAnswers[R['op']]>,
): Promise<{ value: ControlAnswers[R['op']]; through: number | null }> {
  let db: Database;
  try {
    db = await open(values, env);
  } catch (error) {
    if (!(error instanceof DataDirLockedError) || error.self) throw error;
    const value = await callControlChannel(error.dataDir, request);
    if (value === null) throw error;
    return { value, through: error.holder.pid };
  }
  try {
    return { value: await local(db), through: null };
  } finally {
    await db.close();
  }
}

const via = (through: number | null) => (through === null ? '' : ` through the running server (process ${through})`);

async function start(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...DATABASE_OPTIONS,
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'body-limit': { type: 'string' },
      'rate-limit': { type: 'string', multiple: true },
      'no-rate-limit': { type: 'boolean' },
      'no-compression': { type: 'boolean' },
      'log-level': { type: 'string' },
      'sweep-interval': { type: 'string' },
      'tier-sweep-interval': { type: 'string' },
    },
  });
  if (values.help) return help('start', io);
  if (values.seed !== undefined && values.seed !== 'demo') throw new UsageError('--seed takes "demo" (use the seed command for other sizes)');
  const logLevel = values['log-level'] ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) throw new UsageError('--log-level must be debug, info, warn or error');
  const origins = values['allow-origin'] ?? (io.env.PARTNERKIT_ALLOW_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  const rateLimit = values['no-rate-limit'] ? false : parseRateLimits(values['rate-limit'] ?? []);
  const bodyLimit = wholeNumber(values['body-limit'], 'body-limit', 1024);
  const sweepIntervalMs = wholeNumber(values['sweep-interval'], 'sweep-interval', 1000);
  const tierSweepIntervalMs = wholeNumber(values['tier-sweep-interval'], 'tier-sweep-interval', 1000);
  const db = await open(values, io.env);
  let server: RunningServer;
  try {
    server = await startServer({
      db,
      port: wholeNumber(values.port ?? io.env.PORT, 'port') ?? 8787,
      host: values.host ?? '127.0.0.1',
      allowOrigins: origins,
      logLevel: logLevel as LogLevel,
      ...(values.seed === 'demo' ? { seed: 'demo' as const } : {}),
      ...(bodyLimit !== undefined ? { bodyLimit } : {}),
      ...(sweepIntervalMs !== undefined ? { sweepIntervalMs } : {}),
      ...(tierSweepIntervalMs !== undefined ? { tierSweepIntervalMs } : {}),
      rateLimit,
      ...(values['no-compression'] ? { compression: false as const } : {}),
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  io.stderr.write(`partnerkit-server: listening on ${server.url} (${db.driver}${db.dataDir ? ` in ${db.dataDir}` : ''})\n`);
  if (server.seeded?.outcome === 'seeded') io.stderr.write(`partnerkit-server: seeded ${server.seeded.partners} partners and ${server.seeded.deals} deals\n`);
  if (server.seeded?.outcome === 'resumed') io.stderr.write(`partnerkit-server: finished an unfinished seed: wrote ${server.seeded.dealsWritten} of ${server.seeded.deals} deals\n`);
  // The server closes the database it was given only when told to; close both together.
  const close = server.close.bind(server);
  server.close = async () => {
    await close();
    await db.close();
  };
  io.onStarted?.(server);
  return 0;
}

async function seed(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...DATABASE_OPTIONS,
      profile: { type: 'string' },
      partners: { type: 'string' },
      deals: { type: 'string' },
      resources: { type: 'string' },
      months: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      resume: { type: 'boolean' },
    },
  });
  if (values.help) return help('seed', io);
  if (values.profile !== undefined && values.profile !== 'demo' && values.profile !== 'bench') throw new UsageError('--profile must be demo or bench');
  if (values['as-of'] !== undefined && Number.isNaN(Date.parse(values['as-of']))) throw new UsageError('--as-of must be a date such as 2026-06-30');
  const options = {
    ...(values.profile !== undefined ? { profile: values.profile as 'demo' | 'bench' } : {}),
    ...(values.partners !== undefined ? { partners: wholeNumber(values.partners, 'partners') } : {}),
    ...(values.deals !== undefined ? { deals: wholeNumber(values.deals, 'deals') } : {}),
    ...(values.resources !== undefined ? { resources: wholeNumber(values.resources, 'resources') } : {}),
    ...(values.months !== undefined ? { months: wholeNumber(values.months, 'months', 1) } : {}),
    ...(values.seed !== undefined ? { seed: wholeNumber(values.seed, 'seed') } : {}),
    ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
    onProgress: (line: string) => io.stderr.write(`${line}\n`),
  };
  const report = await withDatabase(values, io.env, (db) => seedDatabase(db, options, { resume: values.resume === true }));
  if (report?.outcome === 'resumed') {
    io.stderr.write(`partnerkit-server: finished an unfinished seed: wrote ${report.dealsWritten} of ${report.deals} deals, the rest were there\n`);
  } else if (report) {
    io.stderr.write(`partnerkit-server: seeded ${report.partners} partners and ${report.deals} deals\n`);
  }
  io.stdout.write(`${JSON.stringify(report)}\n`);
  return 0;
}

async function keys(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === undefined || action === '--help' || action === '-h') return help('keys', io);
  const { values, positionals } = parseArgs({ args: rest, strict: true, allowPositionals: true, options: { ...DATABASE_OPTIONS, name: { type: 'string' } } });
  if (values.help) return help('keys', io);
  switch (action) {
    case 'create': {
      if (values.name === undefined || values.name.trim() === '') throw new UsageError('keys create needs --name NAME');
      const name = values.name;
      const created = await onKeys(values, io.env, { op: 'keys.create', name }, (db) => createAdminKey(db, { name }));
      // Printed only once read back from the database as it is now (opened again, or through the
      // server that holds it): a key that was not durably stored is never shown.
      const { key } = created.value;
      const stored = await onKeys(values, io.env, { op: 'keys.check', key }, async (db) => (await findAdminKey(db, key)) !== null);
      if (!stored.value) {
        io.stderr.write(`partnerkit-server: the admin key ${created.value.id} could not be read back from the database; it was not stored, and is not printed\n`);
        return 1;
      }
      io.stderr.write(`partnerkit-server: created admin key ${created.value.id} "${created.value.name}"${via(created.through)}; it is shown once, store it now:\n`);
      io.stdout.write(`${key}\n`);
      return 0;
    }
    case 'list': {
      const { value: list } = await onKeys(values, io.env, { op: 'keys.list' }, (db) => listAdminKeys(db));
      for (const key of list) io.stdout.write(`${key.id}\t${key.prefix}…\t${key.revokedAt ? `revoked ${key.revokedAt}` : 'active'}\t${key.createdAt}\t${key.name}\n`);
      return 0;
    }
    case 'revoke': {
      const id = positionals[0];
      if (id === undefined) throw new UsageError('keys revoke needs the key id (see keys list)');
      const revoked = await onKeys(values, io.env, { op: 'keys.revoke', id }, (db) => revokeAdminKey(db, id));
      if (!revoked.value) {
        io.stderr.write(`partnerkit-server: no active key ${id}\n`);
        return 1;
      }
      io.stderr.write(`partnerkit-server: revoked ${id}${via(revoked.through)}\n`);
      return 0;
    }
    default:
      throw new UsageError(`unknown keys action "${action}"; use create, list or revoke`);
  }
}

async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: DATABASE_OPTIONS });
  if (values.help) return help('migrate', io);
  // openDatabase migrates already; migrate() again reports the version without changes.
  const report = await withDatabase(values, io.env, (db) => migrate(db));
  io.stdout.write(`schema version ${report.version}\n`);
  return 0;
}

function help(topic: keyof typeof HELP, io: CliIo): number {
  io.stdout.write(`${HELP[topic]}\n`);
  return 0;
}

/**
 * Runs one command; answers the exit code. `start` answers 0 once listening and hands the server
 * to `io.onStarted`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return help('main', io);
      case 'start':
        return await start(args, io);
      case 'seed':
        return await seed(args, io);
      case 'keys':
        return await keys(args, io);
      case 'migrate':
        return await migrateCommand(args, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    io.stderr.write(`partnerkit-server: ${error instanceof Error ? error.message : String(error)}\n`);
    if (usage) io.stderr.write('Run "partnerkit-server --help" for usage.\n');
    return usage ? 2 : 1;
  }
}
