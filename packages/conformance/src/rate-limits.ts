/**
 * How the kit behaves when a backend rate-limits it: a `429` is the backend's right, not a broken
 * rule, so the kit waits what `Retry-After` asks (bounded) and sends the request again, a few
 * times at most. While a backend is limiting, the kit sends one request at a time, so the waiting
 * requests do not all wake together and spend each other's retries; the first request that
 * passes without a wait ends that. The report says how often this happened and how long the run
 * waited.
 * @module
 */

/** Times one request is sent again after a `429`. */
export const RATE_LIMIT_RETRIES = 3;
/** The longest the kit waits on one `Retry-After`. */
export const LONGEST_WAIT_MS = 30_000;
/** The wait when a `429` has no usable `Retry-After`. */
const DEFAULT_WAIT_MS = 1_000;

/** What a run met of the backend's rate limits (in the report). */
export interface RateLimitReport {
  /** `429` answers the kit got (each retried or, after the last retry, kept). */
  answers: number;
  /** Time the run spent waiting on `Retry-After`, in milliseconds. */
  waitedMs: number;
  /** Requests still answered `429` after every retry: the checks that sent them saw the 429. */
  exhausted: number;
}

/** How long a `429` asks to wait, in ms: `Retry-After` in seconds or as an HTTP date, bounded. */
export function retryAfterMs(response: Response, now: number): number {
  const header = response.headers.get('retry-after')?.trim() ?? '';
  let wait = DEFAULT_WAIT_MS;
  if (/^\d+$/.test(header)) wait = Number(header) * 1000;
  else if (header !== '' && Number.isFinite(Date.parse(header))) wait = Math.max(0, Date.parse(header) - now);
  return Math.min(wait, LONGEST_WAIT_MS);
}

/** Options of a {@link RateLimitPacer} (tests give it a clock and a sleep of their own). */
export interface PacerOptions {
  retries?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Sends the run's requests through a backend's rate limits. */
export class RateLimitPacer {
  readonly report: RateLimitReport = { answers: 0, waitedMs: 0, exhausted: 0 };
  readonly #retries: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  /** No request leaves before this time (the latest `Retry-After` seen). */
  #resumeAt = 0;
  /** True from a `429` until a request passes without waiting: requests go one at a time. */
  #limited = false;
  /** The tail of the one-at-a-time queue. */
  #lane: Promise<void> = Promise.resolve();
  /** Waiting up to here is counted in the report already (requests wait together). */
  #countedUntil = 0;

  constructor(options: PacerOptions = {}) {
    this.#retries = options.retries ?? RATE_LIMIT_RETRIES;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Sends one request (`attempt` sends it once, fresh each time: a new body and timeout) and
   * returns its answer: the first that is not `429`, or the last `429` once the retries are spent.
   */
  async send(attempt: () => Promise<Response>): Promise<Response> {
    if (!this.#limited) {
      await this.#waitTurn();
      const response = await attempt();
      if (response.status !== 429) return response;
      this.#limitedBy(response);
      await response.body?.cancel();
      return this.#inLane(attempt, 1);
    }
    return this.#inLane(attempt, 0);
  }

  /** Sends `attempt` when the requests before it in the lane are done; holds the lane through its retries. */
  async #inLane(attempt: () => Promise<Response>, tried: number): Promise<Response> {
    const before = this.#lane;
    let release!: () => void;
    this.#lane = new Promise((resolve) => (release = resolve));
    await before;
    try {
      for (let tries = tried; ; tries++) {
        await this.#waitTurn();
        const response = await attempt();
        if (response.status !== 429) {
          if (tries === 0) this.#limited = false;
          return response;
        }
        this.#limitedBy(response);
        if (tries >= this.#retries) {
          this.report.exhausted += 1;
          return response;
        }
        await response.body?.cancel();
      }
    } finally {
      release();
    }
  }

  #limitedBy(response: Response): void {
    this.report.answers += 1;
    this.#limited = true;
    this.#resumeAt = Math.max(this.#resumeAt, this.#now() + retryAfterMs(response, this.#now()));
  }

  async #waitTurn(): Promise<void> {
    const now = this.#now();
    const wait = this.#resumeAt - now;
    if (wait <= 0) return;
    this.report.waitedMs += this.#resumeAt - Math.max(now, this.#countedUntil);
    this.#countedUntil = this.#resumeAt;
    await this.#sleep(wait);
  }
}
