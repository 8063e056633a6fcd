/**
 * Data loading on `@lit/task` for any PartnerKit host (an element or one of its controllers): the
 * client is the task's first argument, every run gets an `AbortSignal`, a load cut short by a
 * disconnect runs again on reconnect, and failures dispatch `pk-error`.
 * @module
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import type { BaseClient } from '@partnerkit/core/client/base';
import type { PartnerKitHost } from './host.js';
import { reportError } from './report-error.js';

/** What a data task's loader gets besides its arguments. */
export interface DataTaskContext {
  /** The resolved client (the element's own, else its provider's); bind parts to it: `deals(client).list()`. */
  client: BaseClient;
  /** Aborted when the arguments change, the client changes, or the element leaves the page. */
  signal: AbortSignal;
}

/** A task made by {@link createDataTask}: its arguments start with the client. */
export type DataTask<A extends readonly unknown[], R> = Task<[BaseClient | undefined, ...A], R>;

/**
 * A data task of `host`: runs `load` when the host updates with new `args` or a new client,
 * aborting the previous run's signal. Without a client it stays idle (`renderStates` says so).
 * @example
 * private readonly scorecard = createDataTask(this,
 *   () => [this.partnerId, this.period] as const,
 *   ([id, period], { client, signal }) => partners(client).scorecard(id, { period }, { signal }),
 * );
 */
export function createDataTask<const A extends readonly unknown[], R>(
  host: PartnerKitHost,
  args: () => A,
  /** May answer `initialState` (from `@lit/task`) to load nothing for these arguments. */
  load: (args: A, context: DataTaskContext) => Promise<R | typeof initialState>,
): DataTask<A, R> {
  const task = new Task<[BaseClient | undefined, ...A], R>(host, {
    // Spread, so the task compares each argument on its own and runs only when one changed.
    args: () => [host.resolvedClient, ...args()] as [BaseClient | undefined, ...A],
    task: async ([client, ...rest], { signal }) => (client ? load(rest as unknown as A, { client, signal }) : initialState),
    onError: (error) => reportError(host, error),
  });
  // A pending run is aborted when the host leaves the page, and runs again when it comes back.
  let interrupted = false;
  host.addController({
    hostConnected() {
      if (interrupted) void task.run();
      interrupted = false;
    },
    hostDisconnected() {
      if (task.status !== TaskStatus.PENDING) return;
      interrupted = true;
      task.abort(new DOMException(`<${host.localName}> left the page`, 'AbortError'));
    },
  });
  return task;
}
