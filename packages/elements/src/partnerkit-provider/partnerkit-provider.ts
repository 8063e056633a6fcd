/**
 * `<partnerkit-provider>`: connects the widgets inside it to a PartnerKit backend.
 * @module
 */
import { html, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { createBaseClient, type BaseClient, type SessionGrant } from '@partnerkit/core/client/base';
import { DEV_MODE, devWarn } from '#dev-mode';
import { clientContext } from '../platform/context.js';
import { VERSION } from '../platform/version.js';
import { PkErrorEvent } from '../events/error.js';
import { sessionFetcher } from './session-fetcher.js';
import { providerStyles } from './partnerkit-provider.styles.js';

/**
 * Connects the PartnerKit widgets inside it to a backend: it creates one client, from its
 * `base-url` and `session-url` attributes or a `fetchSession` callback, or takes a ready one
 * through its `client` property, and hands it to every widget in its subtree (through
 * `@lit/context`, shadow roots included). It renders its children unchanged.
 *
 * @summary Connects the PartnerKit widgets inside it to a PartnerKit backend.
 *
 * @tagname partnerkit-provider
 *
 * @slot - The widgets, and any other content.
 *
 * @fires {PkErrorEvent} pk-error - The attributes do not make a valid client (for example a `base-url` that is not http or https); `detail.data.code` is `invalid_configuration`.
 *
 * @cssprop --pk-color-primary - Like every `--pk-*` token, set here to theme all the widgets inside (see docs/theming.md).
 *
 * @example
 * <partnerkit-provider base-url="https://prm.example.com/api" session-url="/partnerkit/session">
 *   <partner-scorecard partner-id="p_123"></partner-scorecard>
 * </partnerkit-provider>
 */
export class PartnerKitProvider extends LitElement {
  static override styles = providerStyles;

  // Declared here rather than with decorators: the decorator helper would otherwise be bundled
  // into every chunk that declares properties (see resource-library.ts).
  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url' },
    sessionUrl: { attribute: 'session-url' },
    clientName: { attribute: 'client-name' },
    fetchSession: { attribute: false },
    client: { attribute: false },
  };

  /** Where the PartnerKit backend is mounted, without `/v1` (`https://prm.example.com/api`); relative URLs resolve against the page. */
  declare baseUrl?: string;

  /**
   * A URL on the host site that answers `{ token, expiresAt }` for the signed-in person. It is
   * fetched with the page's credentials (cookies), again shortly before the session expires.
   */
  declare sessionUrl?: string;

  /** Identifies the embedding application to the backend (`acme-portal/2.1`). */
  declare clientName?: string;

  /** Instead of `session-url`: a function that returns `{ token, expiresAt }`. */
  declare fetchSession?: () => Promise<SessionGrant>;

  /** A ready client (from `createClient()` or `createBaseClient()`); when set, the attributes are ignored. */
  declare client?: BaseClient;

  private readonly provider = new ContextProvider(this, { context: clientContext });
  private ownClient: BaseClient | undefined;

  /** The client the widgets inside receive (the `client` property, or the one made from the attributes). */
  get providedClient(): BaseClient | undefined {
    return this.provider.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('baseUrl') || changed.has('sessionUrl') || changed.has('fetchSession') || changed.has('clientName')) {
      if (!this.client && (changed.has('baseUrl') || changed.has('sessionUrl') || changed.has('fetchSession') || changed.has('clientName') || !this.ownClient)) {
        this.ownClient = this.createOwnClient();
      }
      const next = this.client ?? this.ownClient;
      if (next !== this.provider.value) this.provider.setValue(next, true);
    }
  }

  private createOwnClient(): BaseClient | undefined {
    if (!this.baseUrl) {
      if (DEV_MODE && this.hasAttribute('session-url')) {
        devWarn('provider-configuration', `<${this.localName}> has a session-url but no base-url, so it provides no client.`, this.localName);
      }
      return undefined;
    }
    const fetchSession = this.fetchSession ?? (this.sessionUrl ? sessionFetcher(this.sessionUrl) : undefined);
    if (!fetchSession && DEV_MODE) {
      devWarn('provider-configuration', `<${this.localName}> has no session-url or fetchSession: requests will carry no token.`, this.localName);
    }
    try {
      // A base client: each widget binds the parts it calls, so no page loads every part's schemas.
      return createBaseClient({
        baseUrl: this.baseUrl,
        ...(fetchSession ? { fetchSession } : {}),
        clientName: [this.clientName, `partnerkit-elements/${VERSION}`].filter(Boolean).join(' '),
      });
    } catch (error) {
      // A configuration mistake: widgets show "no client"; the page hears why.
      const message = error instanceof Error ? error.message : String(error);
      if (DEV_MODE) devWarn('provider-configuration', `<${this.localName}> could not create a client: ${message}`, this.localName);
      const event = new PkErrorEvent({ element: this.localName, code: 'invalid_configuration', message });
      this.dispatchEvent(event); // documented above as @fires pk-error
      return undefined;
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}
