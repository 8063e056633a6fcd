/**
 * Keeps a session from `fetchSession()`: fetched lazily on first use, renewed shortly before it
 * expires and once after a 401, with one refresh shared by all concurrent callers.
 * @module
 */
import { SessionToken } from '../../schemas/session-token.js';
import * as z from 'zod/mini';
import { SessionError } from '../errors/session-error.js';
import type { SessionGrant } from '../options.js';
import { describeIssues } from '../http/issue-words.js';
import type { Credentials } from './credentials.js';

/** Renew this long before expiry (or a quarter of a short session's lifetime). */
const REFRESH_LEEWAY_MS = 30_000;
/**
 * A session that already looks expired on arrival usually means the device clock is off; use it
 * for this long and let the backend's 401 decide, instead of refreshing on every request.
 */
const SKEWED_SESSION_USE_MS = 5_000;

interface HeldSession {
  token: string;
  /** Local time (ms) after which the next request refreshes first. */
  refreshAt: number;
}

/** Session-based {@link Credentials}. */
export class SessionManager implements Credentials {
  readonly #fetchSession: () => Promise<SessionGrant>;
  readonly #now: () => number;
  #session: HeldSession | undefined;
  #pending: Promise<HeldSession> | undefined;

  constructor(fetchSession: () => Promise<SessionGrant>, now: () => number = Date.now) {
    this.#fetchSession = fetchSession;
    this.#now = now;
  }

  async token(): Promise<string> {
    const session = this.#session;
    if (session && this.#now() < session.refreshAt) return session.token;
    return (await this.#refresh()).token;
  }

  async renew(rejected: string | undefined): Promise<string> {
    // Another caller already replaced the rejected token (or is doing so): share its result.
    if (this.#pending) return (await this.#pending).token;
    if (this.#session && this.#session.token !== rejected) return this.#session.token;
    this.#session = undefined;
    return (await this.#refresh()).token;
  }

  #refresh(): Promise<HeldSession> {
    this.#pending ??= this.#obtain().then(
      (session) => {
        this.#session = session;
        this.#pending = undefined;
        return session;
      },
      (error: unknown) => {
        this.#pending = undefined;
        throw error;
      },
    );
    return this.#pending;
  }

  async #obtain(): Promise<HeldSession> {
    let grant: unknown;
    try {
      grant = await this.#fetchSession();
    } catch (cause) {
      throw new SessionError('session_failed', { cause });
    }
    const parsed = z.safeParse(SessionToken, grant);
    if (!parsed.success) {
      // Paths only: the rejected object may hold a token.
      const issues = await describeIssues(parsed.error.issues);
      throw new SessionError('session_invalid', { paths: issues.map((issue) => `${issue.path || '(the answer)'}: ${issue.message}`) });
    }
    const obtainedAt = this.#now();
    const lifetime = Date.parse(parsed.data.expiresAt) - obtainedAt;
    const usableFor = lifetime > 0 ? lifetime - Math.min(REFRESH_LEEWAY_MS, lifetime / 4) : SKEWED_SESSION_USE_MS;
    return { token: parsed.data.token, refreshAt: obtainedAt + usableFor };
  }
}
