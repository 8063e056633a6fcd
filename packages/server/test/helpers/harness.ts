/**
 * One real server on 127.0.0.1 per test file and driver, with a movable clock, captured logs,
 * an admin key and small HTTP helpers.
 */
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import type { Partner, SessionInput } from '@partnerkit/core/schemas';
import { startServer, type Database, type LogEntry, type RunningServer, type StartServerOptions } from '../../src/index.ts';
import { drivers, freshDatabase, type DriverName, type FreshDatabase } from './databases.ts';

/** An answer, parsed. */
export interface Reply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  body: any;
  text: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Send this exact text as the body instead of JSON. */
  raw?: string | Uint8Array;
}

/** HTTP calls with one token. */
export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null,
  ) {}

  async request(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.token !== null && headers.authorization === undefined) headers.authorization = `Bearer ${this.token}`;
    let payload: string | Uint8Array | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload as BodyInit | undefined });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, undefined, options);
  }
  post(path: string, body?: unknown, options?: RequestOptions) {
    return this.request('POST', path, body, options);
  }
  put(path: string, body?: unknown, options?: RequestOptions) {
    return this.request('PUT', path, body, options);
  }
  patch(path: string, body?: unknown, options?: RequestOptions) {
    return this.request('PATCH', path, body, options);
  }
  delete(path: string, options?: RequestOptions) {
    return this.request('DELETE', path, undefined, options);
  }
}

/** A clock the tests move. */
export class TestClock {
  current = new Date();
  now = () => this.current;
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  advanceDays(days: number) {
    this.advance(days * 86_400_000);
  }
}

export interface Harness {
  driver: DriverName;
  server: RunningServer;
  db: Database;
  url: string;
  clock: TestClock;
  logs: LogEntry[];
  adminKey: string;
  admin: Api;
  anonymous: Api;
  api(token: string | null): Api;
  /** Mints a session token through the API. */
  session(input: SessionInput): Promise<string>;
  partner(partnerId: string, userId?: string): Promise<Api>;
  manager(userId?: string): Promise<Api>;
  /** Creates a partner through the API. */
  createPartner(input?: Record<string, unknown>): Promise<Partner>;
  /** Another server on the same database with other options (rate limits, CORS). */
  startSibling(options: Partial<StartServerOptions>): Promise<RunningServer>;
}

export type HarnessOptions = Partial<Omit<StartServerOptions, 'db' | 'now' | 'logger'>>;

/**
 * A name no other test in the run uses, and unlike any other: random letters first, so
 * company-name matching never pairs two tests' customers.
 */
export function unique(suffix: string): string {
  const letters = Array.from(randomBytes(12), (b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${letters.slice(0, 1).toUpperCase()}${letters.slice(1)} ${suffix}`;
}

async function startHarness(driver: DriverName, options: HarnessOptions): Promise<Harness & { close(): Promise<void> }> {
  const database = await freshDatabase(driver);
  const clock = new TestClock();
  const logs: LogEntry[] = [];
  const siblings: RunningServer[] = [];
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    rateLimit: false,
    ...options,
    db: database.db,
    now: clock.now,
    logger: (entry) => logs.push(entry),
    sweepIntervalMs: 3_600_000,
  });
  const { key } = await server.createAdminKey('tests');
  const admin = new Api(server.url, key);
  const harness: Harness & { close(): Promise<void> } = {
    driver,
    server,
    db: database.db,
    url: server.url,
    clock,
    logs,
    adminKey: key,
    admin,
    anonymous: new Api(server.url, null),
    api: (token) => new Api(server.url, token),
    async session(input) {
      const reply = await admin.post('/v1/sessions', input);
      if (reply.status !== 200) throw new Error(`session: ${reply.status} ${reply.text}`);
      return reply.body.token as string;
    },
    async partner(partnerId, userId = 'user-1') {
      return new Api(server.url, await harness.session({ role: 'partner', partnerId, user: { id: userId, name: 'Partner User' } }));
    },
    async manager(userId = 'manager-1') {
      return new Api(server.url, await harness.session({ role: 'manager', user: { id: userId, name: 'Channel Manager' } }));
    },
    async createPartner(input = {}) {
      const reply = await admin.post('/v1/partners', { name: unique('Partner'), type: 'reseller', status: 'active', ...input });
      if (reply.status !== 201) throw new Error(`createPartner: ${reply.status} ${reply.text}`);
      return reply.body as Partner;
    },
    async startSibling(siblingOptions) {
      const sibling = await startServer({ port: 0, rateLimit: false, ...siblingOptions, db: database.db, now: clock.now, logger: (entry) => logs.push(entry), sweepIntervalMs: 3_600_000 });
      siblings.push(sibling);
      return sibling;
    },
    async close() {
      for (const sibling of siblings) await sibling.close();
      await server.close();
      await database.drop();
    },
  };
  return harness;
}

/**
 * Declares the same suite once per driver, sharing one server per driver: `body` gets a getter
 * for the harness, valid inside tests.
 */
export function suite(title: string, body: (h: () => Harness) => void, options: HarnessOptions = {}): void {
  for (const driver of drivers()) {
    describe(`${title} [${driver.name}]`, driver.skip ? { skip: driver.skip } : {}, () => {
      let harness: (Harness & { close(): Promise<void> }) | undefined;
      before(async () => {
        harness = await startHarness(driver.name, options);
      });
      after(async () => {
        await harness?.close();
      });
      body(() => {
        if (!harness) throw new Error('the harness is not started');
        return harness;
      });
    });
  }
}

/**
 * A bare server on a fresh database of its own for the enclosing `describe` (no clock, no admin
 * key, no logs): started before its tests, closed and its database dropped after them. For tests
 * that reach under the server, into the database's connections. The getter is valid inside tests.
 */
export function serverOnFreshDatabase(driver: DriverName, options: Partial<StartServerOptions> = {}): () => { database: FreshDatabase; server: RunningServer } {
  let running: { database: FreshDatabase; server: RunningServer } | undefined;
  before(async () => {
    const database = await freshDatabase(driver);
    try {
      running = { database, server: await startServer({ port: 0, host: '127.0.0.1', logger: false, rateLimit: false, ...options, db: database.db }) };
    } catch (error) {
      await database.drop();
      throw error;
    }
  });
  after(async () => {
    await running?.server.close();
    await running?.database.drop();
  });
  return () => {
    if (!running) throw new Error('the server is not started');
    return running;
  };
}
