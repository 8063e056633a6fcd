/**
 * Why a request got no answer, as far as a browser can tell, once it has been found out (by
 * `diagnostics/network-probe.ts`, loaded only after a network error). `fetch` rejects with the
 * same bare `TypeError` when the person is offline, when the backend is down or its address is
 * wrong, when an https page calls an http backend, and when the backend answers but not to this
 * page's origin (CORS): only the console says which, so the widgets find out themselves.
 * @module
 */

/**
 * - `offline`: the browser says it has no connection;
 * - `mixed_content`: an https page called an http backend (browsers block it);
 * - `blocked`: the backend answers, but not to this page's origin (CORS);
 * - `unreachable`: nothing answers at that address (down, wrong address, firewall, DNS).
 */
export type NetworkCause = 'offline' | 'mixed_content' | 'blocked' | 'unreachable';

const known = new WeakMap<object, NetworkCause | null>();

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** True for the client's network errors (no answer at all). */
export const isNetworkFailure = (error: unknown): error is object => field(error, 'code') === 'network_error' || field(error, 'name') === 'NetworkError';

/** The cause found for `error`, once it has been found; `null` when none could be told. */
export function networkCause(error: unknown): NetworkCause | null | undefined {
  return typeof error === 'object' && error !== null ? known.get(error) : undefined;
}

/** Records what was found for `error`. */
export function rememberNetworkCause(error: object, cause: NetworkCause | null): void {
  known.set(error, cause);
}
