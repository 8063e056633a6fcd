/**
 * The client of the nearest `<partnerkit-provider>`, kept current, and whether one is still on its
 * way: the CDN loader fetches each tag's code on its own, so a widget may connect inside a
 * provider that is not defined yet. Its context request then goes unanswered; this controller
 * asks again once the provider is defined, and says meanwhile that a client is coming, so the
 * widget shows loading rather than "not connected".
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { BaseClient } from '@partnerkit/core/client/base';
import { clientContext, PROVIDER_TAG } from './context.js';
import { hostOf } from './localize.js';

/** A Lit controller: `value` is the provided client; `awaited` is true while a provider is not defined yet. */
export class ProvidedClient implements ReactiveController {
  /** True while an enclosing provider exists but is not defined yet. */
  awaited = false;
  readonly #consumer: ContextConsumer<typeof clientContext, ReactiveControllerHost & HTMLElement>;
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    // Subscribed: a provider's new client re-renders the host.
    this.#consumer = new ContextConsumer(host, { context: clientContext, subscribe: true });
    host.addController(this);
  }

  /** The nearest provider's client, if any. */
  get value(): BaseClient | undefined {
    return this.#consumer.value;
  }

  // Runs after the consumer's own hostConnected, which sent the context request.
  hostConnected(): void {
    if (this.#consumer.value || this.awaited || !enclosingProvider(this.#host) || customElements.get(PROVIDER_TAG)) return;
    this.awaited = true;
    void customElements.whenDefined(PROVIDER_TAG).then(() => {
      this.awaited = false;
      // `hostConnected` is the consumer's public way to send its context request again.
      if (this.#host.isConnected && !this.#consumer.value) this.#consumer.hostConnected();
      this.#host.requestUpdate();
    });
  }
}

/** Whether `element` sits inside a provider element (crossing shadow roots), defined or not. */
function enclosingProvider(element: Element): boolean {
  let node: Element | null = element.parentElement ?? hostOf(element);
  while (node) {
    if (node.localName === PROVIDER_TAG) return true;
    node = node.parentElement ?? hostOf(node);
  }
  return false;
}
