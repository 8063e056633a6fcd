/**
 * The base class of every PartnerKit widget: the client (from a provider or the `client`
 * property), the language and its formatters, the theme, events, data tasks with abort, and the
 * four states every widget renders (loading, error with retry, empty, data) plus "no client".
 * @module
 */
import { html, LitElement, type CSSResultGroup, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { TaskStatus } from '@lit/task';
import type { BaseClient } from '@partnerkit/core/client/base';
import { createDataTask, type DataTask, type DataTaskContext } from './data-task.js';
import { isAbortError } from './describe-error.js';
import { platformCatalogues, type PlatformMessages } from './i18n/index.js';
import { LocalizeController, mergeCatalogues, type Catalogues, type MessageCatalogue } from './localize.js';
import { ProvidedClient } from './provided-client.js';
import { reportError } from './report-error.js';
import { buttonStyles, hostStyles, stateStyles } from './shared.styles.js';
import { renderEmpty, renderError, renderLoading, renderNoClient } from './state-views.js';
import { tokenStyles } from './tokens.styles.js';

export type { DataTask, DataTaskContext };

const RETRY = '[part~="retry-button"]';

/** The `theme` attribute: a fixed scheme, or `auto` to follow the reader's preference. */
export type Theme = 'light' | 'dark' | 'auto';

/** How {@link PartnerKitElement.renderStates} renders a task's data. */
export interface StateRenderers<T> {
  /** Renders loaded data that is not empty. */
  data: (data: T) => unknown;
  /** Whether loaded data counts as empty (for example `page => page.data.length === 0`). */
  empty?: (data: T) => boolean;
  /** What to say when empty, already localised; defaults to a generic platform message. */
  emptyMessage?: string;
  /** A skeleton shaped like the data; defaults to three grey lines. */
  loading?: () => unknown;
}

/**
 * What {@link PartnerKitElement.renderStates} renders: a `@lit/task` `Task`, or anything shaped
 * like one (the paged-list controller is).
 */
export interface StateSource<T> {
  readonly status: TaskStatus;
  readonly value?: T | undefined;
  readonly error?: unknown;
  /** Loads again (the retry button). */
  run(): unknown;
}

/**
 * Base class for PartnerKit widgets. `M` is the widget's message catalogue (its `i18n/en.ts`);
 * pass both catalogues to `super({ en, vi })`. Platform messages (`pk.*`) are merged in.
 *
 * @cssprop --pk-color-scheme - `light dark` (default, follows the reader), `light` or `dark`
 * @csspart state - every state box (loading, error, empty, no client)
 * @csspart loading - the loading box (`aria-busy`)
 * @csspart error - the error box
 * @csspart error-message - the error's message
 * @csspart retry-button - the button that loads again after an error
 * @csspart empty - the box shown when there is nothing to show
 * @csspart no-client - the box shown when the element has no client
 * @fires {PkErrorEvent} pk-error - data failed to load; `detail.data` has the code and message
 */
export abstract class PartnerKitElement<M extends MessageCatalogue = Record<never, never>> extends LitElement {
  static override styles: CSSResultGroup = [tokenStyles, hostStyles, buttonStyles, stateStyles];

  // Declared here rather than with decorators, like every element: esbuild would otherwise bundle
  // its decorator helper and Lit's decorator module into the pages.
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    theme: { reflect: true },
  };

  // Re-render when the element's own `lang` changes (ancestors' changes are observed by the
  // localize controller). The native `lang` property stays as it is.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /**
   * The client to load data with: one from `createClient()` or `createBaseClient()`. Takes
   * precedence over the one from an enclosing `<partnerkit-provider>`.
   */
  declare client?: BaseClient;

  /** `light`, `dark` or `auto` (the default: follow the reader's colour-scheme preference). */
  theme: Theme = 'auto';

  // The nearest provider's client, kept current; whether a provider is still being defined.
  readonly #provided = new ProvidedClient(this);
  // Set when a retry button had focus: the button goes away with the error, so focus follows to
  // the loading box, and back to the retry button if the retry fails too (any retry button the
  // element renders, whoever rendered it).
  #followRetry = false;

  /** The client of the nearest `<partnerkit-provider>`, if any. */
  protected get providedClient(): BaseClient | undefined {
    return this.#provided.value;
  }

  /** The element's language and formatters: `t()`, `number()`, `money()`, `date()`, ... */
  protected readonly localize: LocalizeController<PlatformMessages & M>;

  constructor(catalogues?: Catalogues<M>) {
    super();
    const merged = catalogues ? mergeCatalogues(platformCatalogues, catalogues) : platformCatalogues;
    this.localize = new LocalizeController(this, merged as Catalogues<PlatformMessages & M>);
    // Clicks from inside the shadow root reach the host after the button's own handler.
    this.addEventListener('click', (event) => {
      const target = event.composedPath()[0];
      if (target instanceof Element && target.matches(RETRY)) this.#followRetry = this.shadowRoot?.activeElement === target;
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.#followRetry) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`${RETRY}, [part~="loading"]`);
    target?.focus();
    // Stop once the retry has settled (no loading box left to hold focus).
    if (!target?.matches('[part~="loading"]')) this.#followRetry = false;
  }

  /** Also waits for the element's language when it is still loading (see `LazyMessages`). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    const arriving = this.localize.arriving;
    if (!arriving) return complete;
    await arriving;
    return super.getUpdateComplete();
  }

  /** The client in use: the element's own `client`, else its provider's, else undefined. */
  get resolvedClient(): BaseClient | undefined {
    return this.client ?? this.providedClient;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  /** Dispatches `event` (a `PkEvent`) from this element and returns it. */
  emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }

  /**
   * A data task on `@lit/task` (see `platform/data-task.ts`): runs `load` when the element updates
   * with new `args` or a new client, aborting the previous run's signal; aborts on disconnect and
   * runs again on reconnect. Without a client it stays idle (and `renderStates` says so).
   * Failures (not aborts) dispatch `pk-error`.
   * @example
   * private readonly scorecard = this.createDataTask(
   *   () => [this.partnerId, this.period] as const,
   *   ([id, period], { client, signal }) => partners(client).scorecard(id, { period }, { signal }),
   * );
   */
  protected createDataTask<const A extends readonly unknown[], R>(
    args: () => A,
    load: (args: A, context: DataTaskContext) => Promise<R>,
  ): DataTask<A, R> {
    return createDataTask(this, args, load);
  }

  /**
   * Dispatches `pk-error` for `error` (unless it is an abort). Data tasks call it; call it for
   * failed actions (a submit) too.
   */
  protected reportError(error: unknown): void {
    reportError(this, error);
  }

  /**
   * Whether the element can load yet: it has a client, or a provider around it is still being
   * defined (then it shows loading). A query: rendering never changes state.
   */
  protected get connecting(): boolean {
    return !this.resolvedClient && this.#provided.awaited;
  }

  /**
   * Renders `source` (a data task, or the paged-list controller) in one of its states: loading
   * (skeleton, `aria-busy`; also while the element's language or its provider is on its way),
   * error (the problem in the element's language, a retry button), empty, or data; or "no
   * client" when the element has neither a provider nor a `client`.
   */
  protected renderStates<T>(source: StateSource<T>, renderers: StateRenderers<T>): TemplateResult {
    const l = this.localize;
    // A translation still on its way (see `LazyMessages`) shows as loading, not as English.
    if (!l.ready || this.connecting) return renderLoading(l, renderers.loading);
    if (!this.resolvedClient) return renderNoClient(l, this.localName);
    switch (source.status) {
      case TaskStatus.COMPLETE: {
        const value = source.value as T;
        if (renderers.empty?.(value)) return renderEmpty(l, renderers.emptyMessage);
        return html`${renderers.data(value)}`;
      }
      case TaskStatus.ERROR:
        return isAbortError(source.error) ? renderLoading(l, renderers.loading) : renderError(l, source.error, () => void source.run());
      default:
        return renderLoading(l, renderers.loading);
    }
  }
}
