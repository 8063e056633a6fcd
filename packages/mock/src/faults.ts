/**
 * Latency and failure injection, for embedders' tests of their loading, error and retry states:
 * a network that is down (`offline`), a backend that fails (`error`, 500 by default), or one that
 * is slow (`slow`), for every request or the ones a rule matches, once or every time.
 * @module
 */
import { ProblemError, problems } from '@partnerkit/core/schemas';

/** Which requests a fault applies to: `'GET /v1/deals'`, `'/v1/deals/*'`, a RegExp over `METHOD /v1/path`, or a predicate. */
export type FaultMatch = string | RegExp | ((request: Request, path: string) => boolean);

/** One injected fault. */
export type Fault =
  /**
   * `fetch` rejects as it does offline. By default the request never reaches the backend; with
   * `lost: 'answer'` the backend handles it (a deal is registered) and its answer is lost on the
   * way back, the case an `Idempotency-Key` exists for.
   */
  | { mode: 'offline'; lost?: 'request' | 'answer'; match?: FaultMatch; times?: number }
  /**
   * The backend answers a problem instead: the contract's problem for `status` (default 500:
   * `internal_error`; 400, 401, 403, 404, 429 and 503 their own codes), `detail` in place of the
   * standard one; or exactly `problem`, one of `@partnerkit/core`'s `problems` builders
   * (`problems.validation([{ path: 'customer.domain', message: 'must be a domain name' }])`).
   */
  | { mode: 'error'; status?: number; detail?: string; problem?: ProblemError; match?: FaultMatch; times?: number }
  /** The answer comes `delayMs` later (default 3000); `Infinity` never answers until the request is aborted. */
  | { mode: 'slow'; delayMs?: number; match?: FaultMatch; times?: number }
  /**
   * The backend's own answer, changed (or replaced) by `respond` before it is sent: a body that
   * breaks the contract, an odd header. `answer` is the mock's answer, unread.
   */
  | { mode: 'respond'; respond: (request: Request, answer: Response) => Response | Promise<Response>; match?: FaultMatch; times?: number };

/** How long every answer takes: a fixed number of ms or a `[min, max]` range. */
export type Latency = number | readonly [number, number];

/** Thrown by the backend for an `offline` fault; the msw handlers turn it into a network error. */
export class OfflineError extends TypeError {
  override readonly name = 'OfflineError';
  constructor() {
    super('Failed to fetch: @partnerkit/mock is offline for this request');
  }
}

/** `GET /v1/deals` for a request, the form rules match. */
const describe = (request: Request, path: string) => `${request.method} ${path}`;

function matches(match: FaultMatch | undefined, request: Request, path: string): boolean {
  if (match === undefined) return true;
  if (typeof match === 'function') return match(request, path);
  if (match instanceof RegExp) return match.test(describe(request, path));
  const [method, pattern] = match.includes(' ') ? (match.split(' ', 2) as [string, string]) : [null, match];
  if (method !== null && method.toUpperCase() !== request.method) return false;
  const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^?]*')}$`);
  return regex.test(path);
}

/** The faults of one backend. */
export class Faults {
  readonly #active: { fault: Fault; left: number }[] = [];

  /** Injects a fault; answers a function that removes it. */
  add(fault: Fault): () => void {
    const entry = { fault, left: fault.times ?? Infinity };
    this.#active.push(entry);
    return () => {
      const at = this.#active.indexOf(entry);
      if (at !== -1) this.#active.splice(at, 1);
    };
  }

  /** Removes every fault. */
  clear(): void {
    this.#active.length = 0;
  }

  /** The fault that applies to this request (used up once), if any. */
  take(request: Request, path: string): Fault | null {
    for (const entry of this.#active) {
      if (entry.left <= 0 || !matches(entry.fault.match, request, path)) continue;
      entry.left -= 1;
      if (entry.left <= 0) this.#active.splice(this.#active.indexOf(entry), 1);
      return entry.fault;
    }
    return null;
  }
}

/** Waits `ms` (`Infinity`: until aborted), or rejects as soon as `signal` aborts. */
export function wait(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** One draw of `latency`, in ms. */
export function latencyOf(latency: Latency | undefined): number {
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  const [min, max] = latency;
  return min + Math.random() * (max - min);
}

/** The problem an `error` fault answers. */
export function faultProblem(fault: Extract<Fault, { mode: 'error' }>): ProblemError {
  if (fault.problem) return fault.problem;
  const status = fault.status ?? 500;
  const detail = fault.detail ?? 'The mock backend failed to answer this request (an injected fault).';
  switch (status) {
    case 400:
      return problems.validation([], detail);
    case 401:
      return problems.unauthorized(detail);
    case 403:
      return problems.forbidden(detail);
    case 404:
      return problems.notFound(detail);
    case 429:
      return problems.rateLimited(1);
    case 503:
      return problems.serviceUnavailable(fault.detail ?? 'The mock backend is unavailable (an injected fault).');
    default:
      return new ProblemError(status, 'internal_error', 'Internal server error', detail);
  }
}
