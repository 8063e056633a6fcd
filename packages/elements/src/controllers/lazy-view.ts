/**
 * A part of a widget whose code loads on first use (a list behind a tab, a review panel): it imports the module once, shows loading meanwhile and an error with a retry
 * when the import fails (a CDN chunk offline), then renders the view.
 * @module
 */
import type { PartnerKitHost } from '../platform/host.js';
import { reportError } from '../platform/report-error.js';
import { renderError, renderLoading, type PlatformText } from '../platform/state-views.js';

export class LazyView<V> {
  /** The view, once its code is in. */
  view: V | undefined;
  #error: unknown;
  #loading: Promise<void> | undefined;
  readonly #host: PartnerKitHost;
  readonly #load: () => Promise<V>;

  /** `load` imports the module and makes the view (give it the host or a controller, never a closure over the element's internals). */
  constructor(host: PartnerKitHost, load: () => Promise<V>) {
    this.#host = host;
    this.#load = load;
  }

  /** Starts loading the view's code, unless it is in or on its way. */
  ensure(): void {
    this.#loading ??= this.#load().then(
      (view) => {
        this.view = view;
        this.#error = undefined;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#loading = undefined;
        this.#error = error;
        reportError(this.#host, error);
        this.#host.requestUpdate();
      },
    );
  }

  /** The view by `render`, or loading, or the import's error with a retry. */
  render(l: PlatformText, render: (view: V) => unknown): unknown {
    if (this.view) return render(this.view);
    return this.#error ? renderError(l, this.#error, () => this.ensure()) : renderLoading(l);
  }
}
