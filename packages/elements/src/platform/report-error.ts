/**
 * `pk-error` for a failure, from any element or view; a network error is diagnosed too.
 * @module
 */
import type { ReactiveControllerHost } from 'lit';
import { PkErrorEvent } from '../events/error.js';
import { describeError, isAbortError } from './describe-error.js';
import { isNetworkFailure } from './network-cause.js';

/**
 * Dispatches `pk-error` from `host` for `error` (nothing for aborts). A network error is then
 * diagnosed (`diagnostics/network-probe.ts`, loaded only then): the host renders again to name
 * the cause, and development builds say in the console what to change.
 */
export function reportError(host: HTMLElement & Partial<ReactiveControllerHost>, error: unknown): void {
  if (isAbortError(error)) return;
  const { code, message, status, requestId } = describeError(error);
  host.dispatchEvent(new PkErrorEvent({ element: host.localName, code, message, ...(status === undefined ? {} : { status }), ...(requestId ? { requestId } : {}) }));
  if (!isNetworkFailure(error)) return;
  void import('../diagnostics/network-probe.js')
    .then(({ diagnoseNetworkError }) => diagnoseNetworkError(error, host.localName))
    .then(
      (cause) => cause && host.requestUpdate?.(),
      () => undefined,
    );
}
