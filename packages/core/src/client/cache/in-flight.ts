/**
 * Identical GETs in flight share one request. Each caller keeps its own AbortSignal: aborting
 * one caller rejects only that caller; the shared request is aborted when every caller has left.
 * @module
 */

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
  settled: boolean;
  tag: string;
}

/** The registry of shared in-flight requests. */
export class InFlight {
  readonly #entries = new Map<string, Entry>();

  /** Number of distinct requests in flight (for tests and diagnostics). */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Joins the request for `key`, or starts it with `start(signal)` when none is in flight.
   * `tag` groups entries for {@link forget}.
   */
  run<T>(key: string, tag: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let entry = this.#entries.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: Entry = { promise: Promise.resolve(), controller, callers: 0, settled: false, tag };
      created.promise = start(controller.signal).finally(() => {
        created.settled = true;
        if (this.#entries.get(key) === created) this.#entries.delete(key);
      });
      // Callers observe the outcome through their own promises; this one must not go unhandled.
      created.promise.catch(() => undefined);
      this.#entries.set(key, created);
      entry = created;
    }
    return this.#join(key, entry, signal) as Promise<T>;
  }

  /** Stops sharing the in-flight requests whose tag matches: later callers start afresh. */
  forget(matches: (tag: string) => boolean): void {
    for (const [key, entry] of this.#entries) if (matches(entry.tag)) this.#entries.delete(key);
  }

  #join(key: string, entry: Entry, signal: AbortSignal | undefined): Promise<unknown> {
    entry.callers += 1;
    return new Promise((resolve, reject) => {
      const leave = () => {
        signal?.removeEventListener('abort', onAbort);
        entry.callers -= 1;
      };
      const onAbort = () => {
        leave();
        reject(signal?.reason);
        if (entry.callers === 0 && !entry.settled) {
          if (this.#entries.get(key) === entry) this.#entries.delete(key);
          entry.controller.abort(signal?.reason);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }
}
