/**
 * What every check gets: the backend (raw and through the typed client), the run's unique
 * prefix, the principals' sessions, and the shared fixtures.
 * @module
 */
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import { DAY_MS } from '@partnerkit/core/rules';
import type { SessionInput, SessionToken } from '@partnerkit/core/schemas';
import type { Check, CheckResult } from './check.js';
import { createFixtures, type Fixtures } from './fixtures.js';
import { Http } from './http.js';
import { RateLimitPacer } from './rate-limits.js';

/**
 * A way to move the backend's clock forward, for a test harness that controls it. The contract
 * has none, so over the wire the kit cannot see a protection window end (the shortest is a day);
 * with a clock it checks expiry for real.
 */
export interface Clock {
  /** Moves the backend's clock `ms` milliseconds forward. */
  advance(ms: number): Promise<void>;
}

/** Options of a run. */
export interface RunOptions {
  /** Where the backend is mounted, without `/v1` (`https://prm.example.com/api`). */
  baseUrl: string | URL;
  /** An admin API key of the backend. It creates the fixtures and mints the sessions. */
  adminKey: string;
  /** Areas (`auth`) or check ids (`auth.missing-token`) to run; default all. */
  only?: readonly string[];
  /** An origin the backend's CORS policy allows (`https://partners.example.com`); without it CORS is not checked. */
  origin?: string;
  /** Also run the checks that wait for real time to pass (an expired session: about a minute). */
  slow?: boolean;
  /** The backend's clock, when the caller controls it (test harnesses). */
  clock?: Clock;
  /** The fetch to use (default the global one). */
  fetch?: typeof fetch;
  /** Run these checks instead of the kit's own (tests of the kit). */
  checks?: readonly Check[];
  /** Called after each check, for progress output. */
  onResult?: (result: CheckResult) => void;
  /** Leave the fixtures in place instead of removing them (for debugging a failure). */
  keepFixtures?: boolean;
}

/** The principals a check can act as: the admin key, a manager, and partners A, B and C. */
export type Who = 'admin' | 'manager' | 'a' | 'b' | 'c';

/** How reports name the principals. */
export const WHO_NAMES: Readonly<Record<Who, string>> = Object.freeze({
  admin: 'admin',
  manager: 'manager',
  a: 'partner A',
  b: 'partner B',
  c: 'partner C',
});

/** What cleanup should try to remove or neutralise afterwards. */
export interface Created {
  partners: Set<string>;
  tiers: Set<string>;
  kpis: Set<string>;
  resources: Set<string>;
  agreements: Set<string>;
  /** Selection criteria (deleted unless scored), publishable keys (revoked). */
  criteria: Set<string>;
  publishableKeys: Set<string>;
}

const SESSION_TTL_SECONDS = 3600;
/** Renew a session this long before it runs out. */
const RENEW_BEFORE_MS = 120_000;

function runPrefix(): string {
  const time = Date.now().toString(36);
  const random = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => (b % 36).toString(36)).join('');
  return `pkc-${time}-${random}`;
}

/** The state of one run, shared by its checks. */
export class RunContext {
  /** Every name and id the run creates starts with this (`pkc-m3k9x2ab-x7q1`). */
  readonly prefix = runPrefix();
  readonly baseUrl: URL;
  readonly http: Http;
  /** The typed client with the admin key. */
  readonly admin: PartnerKitClient;
  readonly created: Created = { partners: new Set(), tiers: new Set(), kpis: new Set(), resources: new Set(), agreements: new Set(), criteria: new Set(), publishableKeys: new Set() };
  /** HTTP requests sent so far, by the checks and the typed clients alike. */
  requestCount = 0;
  /** Every request, raw or typed, passes the backend's rate limits through this (see rate-limits.ts). */
  readonly rateLimits = new RateLimitPacer();
  /** How far the run has moved the backend's clock (see {@link Clock}). */
  clockOffsetMs = 0;

  readonly #fetch: typeof fetch;
  readonly #secrets = new Set<string>();
  readonly #sessions = new Map<Who, Promise<SessionToken>>();
  readonly #clients = new Map<Who, PartnerKitClient>();
  #fixtures: Promise<Fixtures> | null = null;
  #counter = 0;

  constructor(readonly options: RunOptions) {
    this.baseUrl = new URL(options.baseUrl);
    const base = options.fetch ?? globalThis.fetch.bind(globalThis);
    // Every request of the run, raw or through the typed client, goes through here and is counted.
    const counted: typeof fetch = (input, init) => {
      this.requestCount += 1;
      return base(input, init);
    };
    // The typed clients send a Request: each attempt sends a fresh copy of its body.
    this.#fetch = (input, init) => this.rateLimits.send(() => counted(input instanceof Request ? input.clone() : input, init));
    this.http = new Http(this.baseUrl, counted, this.rateLimits);
    this.#secrets.add(options.adminKey);
    this.admin = this.newClient(options.adminKey);
    this.#clients.set('admin', this.admin);
  }

  /** The shared fixtures, created on first use. */
  fixtures(): Promise<Fixtures> {
    this.#fixtures ??= createFixtures(this);
    return this.#fixtures;
  }

  /** True once the fixtures were asked for (cleanup has something to do). */
  get hasFixtures(): boolean {
    return this.#fixtures !== null;
  }

  /** A new unique name under the run prefix: `pkc-...-deal-7`. */
  unique(label: string): string {
    this.#counter += 1;
    return `${this.prefix}-${label}-${this.#counter}`;
  }

  /** A customer no one else has registered: a unique company and registrable domain. */
  customer(label = 'customer'): { company: string; domain: string } {
    const name = this.unique(label);
    return { company: `${name} Ltd`, domain: `${name}.test` };
  }

  /** A typed client with a static token, no retries, the run's fetch. */
  newClient(token: string): PartnerKitClient {
    return createClient({ baseUrl: this.baseUrl, token, fetch: this.#fetch, retry: 0, clientName: 'partnerkit-conformance' });
  }

  /** The typed client of a principal; sessions renew themselves. */
  async client(who: Who): Promise<PartnerKitClient> {
    const existing = this.#clients.get(who);
    if (existing) return existing;
    await this.fixtures();
    const client = createClient({
      baseUrl: this.baseUrl,
      fetchSession: () => this.#grant(who),
      fetch: this.#fetch,
      retry: 0,
      clientName: 'partnerkit-conformance',
    });
    this.#clients.set(who, client);
    return client;
  }

  /** A valid bearer token of a principal (the admin key for `admin`). */
  async token(who: Who): Promise<string> {
    if (who === 'admin') return this.options.adminKey;
    return (await this.#grant(who)).token;
  }

  /** Mints a session through `POST /v1/sessions` and remembers the token as a secret. */
  async mint(input: SessionInput): Promise<SessionToken> {
    const grant = await this.admin.sessions.create(input);
    this.#secrets.add(grant.token);
    return grant;
  }

  /** What a principal's session is minted with. */
  async sessionInput(who: Exclude<Who, 'admin'>): Promise<SessionInput> {
    if (who === 'manager') return { role: 'manager', user: this.#user(who, WHO_NAMES[who]), ttlSeconds: SESSION_TTL_SECONDS };
    const { partners } = await this.fixtures();
    return this.partnerSessionInput(who, partners[who].id, WHO_NAMES[who]);
  }

  /** What a session of a user of partner `partnerId` is minted with; `label` names the user. */
  partnerSessionInput(label: string, partnerId: string, name = label): SessionInput {
    return { role: 'partner', partnerId, user: this.#user(label, name), locale: 'en', ttlSeconds: SESSION_TTL_SECONDS };
  }

  #user(label: string, name: string) {
    return { id: `${this.prefix}-${label}-user`, name: `Conformance ${name}`, email: `${label}@conformance.invalid` };
  }

  async #grant(who: Who): Promise<SessionToken> {
    if (who === 'admin') return { token: this.options.adminKey, expiresAt: new Date(Date.now() + DAY_MS).toISOString() };
    const cached = this.#sessions.get(who);
    if (cached) {
      const grant = await cached.catch(() => null);
      if (grant && Date.parse(grant.expiresAt) - RENEW_BEFORE_MS > Date.now() + this.clockOffsetMs) return grant;
    }
    const next = this.sessionInput(who).then((input) => this.mint(input));
    this.#sessions.set(who, next);
    return next;
  }

  /** Moves the backend's clock (see {@link Clock}); sessions minted before are renewed on next use. */
  async advanceClock(ms: number): Promise<void> {
    if (!this.options.clock) throw new Error('no clock to advance');
    await this.options.clock.advance(ms);
    this.clockOffsetMs += ms;
    this.#sessions.clear();
  }

  /** `text` with every token the run holds replaced by `[redacted]`: reports never carry secrets. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
    return out;
  }

  /** Registers a token the run obtained some other way, so reports redact it. */
  addSecret(secret: string): void {
    this.#secrets.add(secret);
  }
}
