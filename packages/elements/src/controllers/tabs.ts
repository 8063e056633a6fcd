/**
 * Tabs as the ARIA Authoring Practices describe them (automatic activation): one tab stop for
 * the tab list, Arrow keys (mirrored right to left), Home and End move to a tab and show its
 * panel, the panel is the next tab stop. The element owns which tab is selected (usually a
 * reflected property); this controller renders the tab list and the panels and moves focus.
 * @module
 */
import { html, type TemplateResult } from 'lit';
import type { PartnerKitHost } from '../platform/host.js';

/** One tab: its key and its (localised) name. */
export interface Tab<K extends string> {
  key: K;
  label: string;
}

/** One tab list of `host`: renders it and its panels, and moves focus as the keys ask. */
export class TabsController<K extends string> {
  readonly #host: Pick<PartnerKitHost, 'updateComplete' | 'renderRoot'> & HTMLElement;
  readonly #state: { selected: () => K; select: (key: K) => void };

  constructor(host: Pick<PartnerKitHost, 'updateComplete' | 'renderRoot'> & HTMLElement, state: { selected: () => K; select: (key: K) => void }) {
    this.#host = host;
    this.#state = state;
  }

  /** The tab list (`part="tabs"`), each tab `part="tab"`, with `id="tab-<key>"`. */
  renderTabs(label: string, tabs: readonly Tab<K>[]): TemplateResult {
    const selected = this.#state.selected();
    return html`<div role="tablist" aria-label=${label} part="tabs" @keydown=${(event: KeyboardEvent) => this.#onKey(event, tabs)}>
      ${tabs.map(
        ({ key, label: name }) => html`<button
          id="tab-${key}"
          role="tab"
          part="tab"
          type="button"
          aria-selected=${key === selected ? 'true' : 'false'}
          aria-controls="panel-${key}"
          tabindex=${key === selected ? 0 : -1}
          @click=${() => this.#state.select(key)}
        >
          ${name}
        </button>`,
      )}
    </div>`;
  }

  /** The panel of tab `key` (`part="tab-panel"`), hidden unless selected; `body` renders only when shown. */
  renderPanel(key: K, body: () => unknown): TemplateResult {
    const shown = key === this.#state.selected();
    return html`<div id="panel-${key}" role="tabpanel" part="tab-panel" aria-labelledby="tab-${key}" ?hidden=${!shown}>${shown ? body() : ''}</div>`;
  }

  #onKey(event: KeyboardEvent, tabs: readonly Tab<K>[]): void {
    const at = tabs.findIndex((tab) => tab.key === this.#state.selected());
    const rtl = getComputedStyle(this.#host).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    const next = step !== undefined ? at + step : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : undefined;
    const tab = next === undefined ? undefined : tabs[(next + tabs.length) % tabs.length];
    if (!tab) return;
    event.preventDefault();
    this.#state.select(tab.key);
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>(`#tab-${tab.key}`)?.focus());
  }
}
