/**
 * The base class of every PartnerKit widget: the client (from a provider or the `client`
 * property), the language and its formatters, the theme, events, data tasks with abort, and the
 * four states every widget renders (loading, error with retry, empty, data) plus "no client".
 * @module
 */
import { html, LitElement, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { BaseClient } from '@partnerkit/core/client/base';
import { DEV_MODE, devWarn } from '#dev-mode';
import { clientContext, PROVIDER_TAG } from './context.js';
import { describeError, isAbortError } from './describe-error.js';
import { platformCatalogues, type PlatformMessages } from './i18n/index.js';
import { LocalizeController, mergeCatalogues, type Catalogues, type MessageCatalogue } from './localize.js';
import { buttonStyles, hostStyles, stateStyles } from './shared.styles.js';
import { tokenStyles } from './tokens.styles.js';
import { PkErrorEvent } from '../events/error.js';

/** The `theme` attribute: a fixed scheme, or `auto` to follow the reader's preference. */
export type Theme = 'light' | 'dark' | 'auto';

/** What a data task's loader gets besides its arguments. */
export interface DataTaskContext {
  /** The resolved client (the element's own, else its provider's); bind parts to it: `deals(client).list()`. */
  client: BaseClient;
  /** Aborted when the arguments change, the client changes, or the element leaves the page. */
  signal: AbortSignal;
}

/** A task made by {@link PartnerKitElement.createDataTask}: its arguments start with the client. */
export type DataTask<A extends readonly unknown[], R> = Task<[BaseClient | undefined, ...A], R>;

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

type AnyTask<T> = Task<ReadonlyArray<unknown>, T>;

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

  // Re-render when the element's own `lang` changes (ancestors' changes are observed by the
  // localize controller). The native `lang` property stays as it is.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /**
   * The client to load data with: one from `createClient()` or `createBaseClient()`. Takes
   * precedence over the one from an enclosing `<partnerkit-provider>`.
   */
  @property({ attribute: false }) client?: BaseClient;

  /** `light`, `dark` or `auto` (the default: follow the reader's colour-scheme preference). */
  @property({ reflect: true }) theme: Theme = 'auto';

  // The nearest provider's client, kept current (`subscribe`); setting it re-renders the host.
  private readonly clientConsumer = new ContextConsumer(this, { context: clientContext, subscribe: true });
  private waitingForProvider = false;
  private askedProviderAgain = false;

  /** The client of the nearest `<partnerkit-provider>`, if any. */
  protected get providedClient(): BaseClient | undefined {
    return this.clientConsumer.value;
  }

  /** The element's language and formatters: `t()`, `number()`, `money()`, `date()`, ... */
  protected readonly localize: LocalizeController<PlatformMessages & M>;

  // The same controller typed for the platform's own messages (`M` is unknown in here).
  private get platform(): LocalizeController<PlatformMessages> {
    return this.localize as unknown as LocalizeController<PlatformMessages>;
  }

  private readonly dataTasks = new Set<AnyTask<unknown>>();
  private readonly interrupted = new Set<AnyTask<unknown>>();
  // Set when a retry button had focus: the button goes away with the error, so focus follows to the
  // loading box, and back to the retry button if the retry fails too.
  private keepFocusAfterRetry = false;

  constructor(catalogues?: Catalogues<M>) {
    super();
    const merged = catalogues ? mergeCatalogues(platformCatalogues, catalogues) : platformCatalogues;
    this.localize = new LocalizeController(this, merged as Catalogues<PlatformMessages & M>);
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

  override connectedCallback(): void {
    super.connectedCallback();
    // The context request above goes unanswered while an enclosing provider is not defined yet
    // (the CDN loader fetches each tag's chunk on its own): ask again once it is, whatever this
    // widget renders meanwhile.
    if (!this.clientConsumer.value) this.awaitingProvider();
    // Loads cut short by a disconnect start again when the element comes back.
    for (const task of this.interrupted) void task.run();
    this.interrupted.clear();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const task of this.dataTasks) {
      if (task.status === TaskStatus.PENDING) {
        this.interrupted.add(task);
        task.abort(new DOMException(`<${this.localName}> left the page`, 'AbortError'));
      }
    }
  }

  /** Dispatches `event` (a `PkEvent`) from this element and returns it. */
  emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }

  /**
   * A data task on `@lit/task`: runs `load` when the element updates with new `args` or a new
   * client, aborting the previous run's signal; aborts on disconnect and runs again on reconnect.
   * Without a client it stays idle (and `renderStates` says so). Failures (not aborts) dispatch
   * `pk-error`.
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
    const task = new Task<[BaseClient | undefined, ...A], R>(this, {
      args: () => [this.resolvedClient, ...args()] as [BaseClient | undefined, ...A],
      task: async ([client, ...rest], { signal }) => {
        if (!client) return initialState;
        return load(rest as unknown as A, { client, signal });
      },
      onError: (error) => this.reportError(error),
    });
    this.dataTasks.add(task as unknown as AnyTask<unknown>);
    return task;
  }

  /**
   * Dispatches `pk-error` for `error` (unless it is an abort). Data tasks call it; call it for
   * failed actions (a submit) too.
   */
  protected reportError(error: unknown): void {
    if (isAbortError(error)) return;
    const { code, message, status, requestId } = describeError(error);
    this.emit(new PkErrorEvent({ element: this.localName, code, message, ...(status === undefined ? {} : { status }), ...(requestId ? { requestId } : {}) }));
  }

  /**
   * Renders `task` in one of its states: loading (skeleton, `aria-busy`; also while the element's
   * language is loading), error (the problem in the element's language, a retry button), empty, or
   * data; or "no client" when the element has neither a provider nor a `client`.
   */
  protected renderStates<T>(task: Task<ReadonlyArray<unknown>, T>, renderers: StateRenderers<T>): TemplateResult {
    // A translation still on its way (see `LazyMessages`) shows as loading, not as English.
    if (!this.localize.ready) return this.renderLoading(renderers.loading);
    if (!this.resolvedClient) {
      return this.awaitingProvider() ? this.renderLoading(renderers.loading) : this.renderNoClient();
    }
    switch (task.status) {
      case TaskStatus.COMPLETE: {
        const value = task.value as T;
        if (renderers.empty?.(value)) return this.renderEmpty(renderers.emptyMessage);
        return html`${renderers.data(value)}`;
      }
      case TaskStatus.ERROR:
        return isAbortError(task.error) ? this.renderLoading(renderers.loading) : this.renderError(task.error, () => this.retry(task));
      default:
        return this.renderLoading(renderers.loading);
    }
  }

  private retry(task: AnyTask<unknown>): void {
    this.keepFocusAfterRetry = this.shadowRoot?.activeElement?.matches('[part~="retry-button"]') ?? false;
    void task.run();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.keepFocusAfterRetry) return;
    const target = this.shadowRoot?.querySelector<HTMLElement>('[part~="retry-button"], [part~="loading"]');
    if (target) target.focus();
    // Stop once the retry has settled (no loading box left to hold focus).
    if (!target || !target.matches('[part~="loading"]')) this.keepFocusAfterRetry = false;
  }

  /** The loading state: `loading` (or a default skeleton) in an `aria-busy` box. */
  protected renderLoading(loading?: () => unknown): TemplateResult {
    return html`<div class="state state--loading" part="state loading" aria-busy="true" tabindex="-1">
      <span class="visually-hidden">${this.platform.t('pk.loading')}</span>
      ${loading
        ? loading()
        : html`<span class="skeleton skeleton--medium" aria-hidden="true"></span>
            <span class="skeleton" aria-hidden="true"></span>
            <span class="skeleton skeleton--short" aria-hidden="true"></span>`}
    </div>`;
  }

  /** The error state for `error`, with a retry button calling `retry`. */
  protected renderError(error: unknown, retry: () => void): TemplateResult {
    const t = this.platform;
    const described = describeError(error);
    const message =
      described.messageKey === 'pk.error.rateLimited'
        ? t.t('pk.error.rateLimited', { seconds: Math.ceil(described.retryAfter ?? 0) })
        : t.t(described.messageKey);
    return html`<div class="state state--error" part="state error" role="alert">
      <p class="state__title">${t.t('pk.error.title')}</p>
      <p class="state__body" part="error-message">${message}</p>
      ${described.requestId ? html`<p class="state__body">${t.t('pk.error.reference', { requestId: described.requestId })}</p>` : nothing}
      <button class="button" part="retry-button" type="button" @click=${retry}>${t.t('pk.retry')}</button>
    </div>`;
  }

  /** The empty state with `message` (default: a generic "nothing to show"). */
  protected renderEmpty(message?: string): TemplateResult {
    return html`<div class="state state--empty" part="state empty">
      <p class="state__body">${message ?? this.platform.t('pk.empty')}</p>
    </div>`;
  }

  /** The "no client" state: says what is missing, in the page and (in development) the console. */
  protected renderNoClient(): TemplateResult {
    if (DEV_MODE) {
      devWarn(
        'no-client',
        `<${this.localName}> has no client: place it inside <${PROVIDER_TAG}> or set its \`client\` property.`,
        this.localName,
      );
    }
    return html`<div class="state state--no-client" part="state no-client">
      <p class="state__title">${this.platform.t('pk.noClient.title')}</p>
      <p class="state__body">${this.platform.t('pk.noClient.body')}</p>
    </div>`;
  }

  // True when an enclosing provider exists but is not defined yet (the CDN loader may still be
  // fetching it): show loading rather than "no client" meanwhile, and ask again once it is defined
  // (nobody answered the first context request).
  private awaitingProvider(): boolean {
    let node: Element | null = this.parentElement ?? hostOf(this);
    while (node) {
      if (node.localName === PROVIDER_TAG) {
        if (customElements.get(PROVIDER_TAG)) {
          // Defined meanwhile, while this element was not rendering states (a widget may show its
          // own loading first): the first request went unanswered, so ask once more.
          if (!this.waitingForProvider && !this.askedProviderAgain && this.isConnected) {
            this.askedProviderAgain = true;
            this.clientConsumer.hostConnected();
            return this.clientConsumer.value !== undefined;
          }
          return false;
        }
        if (!this.waitingForProvider) {
          this.waitingForProvider = true;
          void customElements.whenDefined(PROVIDER_TAG).then(() => {
            this.waitingForProvider = false;
            // `hostConnected` is the consumer's public way to send its context request again.
            if (this.isConnected && !this.clientConsumer.value) this.clientConsumer.hostConnected();
            this.requestUpdate();
          });
        }
        return true;
      }
      node = node.parentElement ?? hostOf(node);
    }
    return false;
  }
}

function hostOf(node: Element): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
