/**
 * The client of a publishable key, for `<partner-application publishable-key base-url>` on a page
 * without a provider. It is made by a `<partnerkit-provider>` the widget adds as its own hidden child
 * (never rendered: the widget's shadow root has no slot), with the key as the session it hands
 * out (a key does not expire). The widget does not import the provider: the CDN loader defines it
 * when it appears in the document, and with npm the page imports
 * `@partnerkit/elements/partnerkit-provider.js`. Any import of the client's
 * base here, even one loaded on demand, would make the provider and this widget share it, and the
 * shared chunk (which every page loads) would grow by the client's transport.
 * @module
 */
import type { BaseClient } from '@partnerkit/core/client/base';
import type { PartnerKitHost } from '../platform/host.js';
import type { PartnerKitProvider } from '../partnerkit-provider/partnerkit-provider.js';

/** A key has no expiry: the provider's session never needs renewing. */
const NEVER = '9999-12-31T23:59:59.999Z';

/** The key's client, made once per key and base URL. */
export class KeyClient {
  /** The client, once made for the current key and base URL. */
  value: BaseClient | undefined;
  /** True while the client is being made. */
  pending = false;
  readonly #host: PartnerKitHost;
  #provider: PartnerKitProvider | undefined;
  #for = '';

  constructor(host: PartnerKitHost) {
    this.#host = host;
  }

  /** Makes the client of `key` at `base` (none without both); `value` holds it once made. */
  use(key: string | undefined, base: string | undefined): void {
    const id = key && base ? `${key}\n${base}` : '';
    if (id === this.#for) return;
    this.#for = id;
    this.value = undefined;
    this.pending = id !== '';
    if (id) void this.#make(key!, base!, id);
  }

  async #make(key: string, base: string, id: string): Promise<void> {
    this.#provider ??= document.createElement('partnerkit-provider') as PartnerKitProvider;
    const provider = this.#provider;
    provider.hidden = true;
    provider.baseUrl = base;
    provider.fetchSession = async () => ({ token: key, expiresAt: NEVER });
    // In the document, where the CDN loader sees it; outside the shadow root Lit renders.
    if (provider.parentNode !== this.#host) this.#host.append(provider);
    await customElements.whenDefined('partnerkit-provider');
    await provider.updateComplete;
    if (this.#for !== id) return;
    this.value = provider.providedClient;
    this.pending = false;
    this.#host.requestUpdate();
  }
}
