/**
 * Who is calling (`GET /v1/session`), for widgets whose views depend on the role or the partner:
 * Register and Review in `<deal-register>`, the reviewer's side of an application, the side that
 * agrees a plan. One data task, so it loads with the client, aborts with the element and runs
 * again on retry.
 * @module
 */
import { TaskStatus } from '@lit/task';
import { session } from '@partnerkit/core/client/session';
import type { Principal, Role } from '@partnerkit/core/schemas';
import { createDataTask, type DataTask } from '../platform/data-task.js';
import { describeError, isAbortError } from '../platform/describe-error.js';
import type { PartnerKitHost } from '../platform/host.js';

// Failures a retry may cure while what the page holds stays good: no answer, a busy or failing backend.
const PASSING = new Set(['network_error', 'timeout', 'request_timeout', 'rate_limited']);

/**
 * The session as a controller of `host`. Read `principal`, `role` and `partnerId` once `known`;
 * `failed` says the session could not be had (render `error` with a retry that calls `run`).
 */
export class SessionController {
  readonly #task: DataTask<[], Principal>;

  constructor(host: PartnerKitHost) {
    this.#task = createDataTask(host, () => [] as const, (_, { client, signal }) => session(client).get({ signal }));
  }

  /** The caller, once the session answered. */
  get principal(): Principal | undefined {
    return this.#task.value;
  }

  /** The caller's role, once known. */
  get role(): Role | undefined {
    return this.principal?.role;
  }

  /** The caller's partner (partner sessions), once known. */
  get partnerId(): string | undefined {
    return this.principal?.partnerId ?? undefined;
  }

  /** The partner a widget is about: its `partner-id` attribute, else the session's partner. */
  scope(partnerId: string | undefined): string | undefined {
    return partnerId || this.partnerId;
  }

  /** Settled: the session answered, or failed (an abort does not count: it runs again). */
  get settled(): boolean {
    return this.#task.status === TaskStatus.COMPLETE || this.failed;
  }

  /** The session could not be had. */
  get failed(): boolean {
    return this.#task.status === TaskStatus.ERROR && !isAbortError(this.#task.error);
  }

  /** Why it failed. */
  get error(): unknown {
    return this.failed ? this.#task.error : undefined;
  }

  /**
   * Failed for a reason that may pass (offline, a timeout, a busy or failing backend), as opposed
   * to being refused (the host's session route said no, the token was not accepted).
   */
  get failedPassingly(): boolean {
    if (!this.failed) return false;
    const { code, status = 0 } = describeError(this.#task.error);
    return PASSING.has(code) || status >= 500;
  }

  /**
   * Whether views can go on: the session answered, or it is only out of reach for now and the
   * partner is known from `partnerId` (cached drafts and an offline queue still serve).
   */
  usable(partnerId: string | undefined): boolean {
    return this.#task.status === TaskStatus.COMPLETE || (this.failedPassingly && !!partnerId);
  }

  /** Asks again (the retry button). */
  run(): Promise<void> {
    return this.#task.run();
  }

  /** Settles once a pending request has (for an action that needs the role). */
  async complete(): Promise<void> {
    if (this.#task.status === TaskStatus.PENDING) await this.#task.taskComplete.catch(() => undefined);
  }
}
