/**
 * What controllers and lazily loaded views may rely on in the element they serve: a Lit host that
 * knows its client. Every `PartnerKitElement` is one; views never import an element class.
 * @module
 */
import type { ReactiveControllerHost } from 'lit';
import type { BaseClient } from '@partnerkit/core/client/base';

/** A PartnerKit widget as its controllers see it. */
export interface PartnerKitHost extends ReactiveControllerHost, HTMLElement {
  /** The client in use: the element's own, else its provider's, else undefined. */
  readonly resolvedClient: BaseClient | undefined;
  /** The element's shadow root (or itself), where views look up what they rendered. */
  readonly renderRoot: HTMLElement | DocumentFragment;
}
