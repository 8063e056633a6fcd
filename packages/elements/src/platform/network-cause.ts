/**
 * Why a request got no answer, as far as a browser can tell, once it has been found out (by
 * `diagnostics/network-probe.ts`, loaded only after a network error). `fetch` rejects with the
 * same bare `TypeError` when the person is offline, when the backend is down or its address is
 * wrong, when an https page calls an http backend, and when the backend answers but not to this
 * page's origin (CORS): only the console says which, so the widgets find out themselves.
 * @module
 */

import { field } from './describe-error.js';

/**
 * - `offline`: the browser says it has no connection;
 * - `mixed_content`: an https page called an http backend (browsers block it);
 * - `blocked`: the backend answers, but not to this page's origin (CORS);
 * - `unreachable`: nothing answers at that address (down, wrong address, firewall, DNS).
 */
export type NetworkCause = 'offline' | 'mixed_content' | 'blocked' | 'unreachable';

/** What a cause reads like, per language; the probe brings it (only it ever finds a cause). */
export type CauseWords = (language: string, cause: NetworkCause, origin: string) => string;

const known = new WeakMap<object, { cause: NetworkCause | null; words: CauseWords }>();

/** True for the client's network errors (no answer at all). */
export const isNetworkFailure = (error: unknown): error is object => field(error, 'code') === 'network_error' || field(error, 'name') === 'NetworkError';

/** The cause found for `error`, once it has been found; `null` when none could be told. */
export function networkCause(error: unknown): NetworkCause | null | undefined {
  return typeof error === 'object' && error !== null ? known.get(error)?.cause : undefined;
}

/** The cause of `error` in `language`, once found: what the error box says instead of "could not be reached". */
export function networkCauseText(error: unknown, language: string): string | undefined {
  const found = typeof error === 'object' && error !== null ? known.get(error) : undefined;
  return found?.cause ? found.words(language, found.cause, location.origin) : undefined;
}

/** Records what was found for `error`, with the words to say it. */
export function rememberNetworkCause(error: object, cause: NetworkCause | null, words: CauseWords): void {
  known.set(error, { cause, words });
}
