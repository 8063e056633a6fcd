/**
 * How the reliability suites put a widget on the page: in English, with the given attributes and
 * client, the resource library unclipped (its whole list is inspected), in a column of the given
 * width; then, when asked, until it shows its data.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { PartnerKitClient } from '@partnerkit/core/client';
import { collapse, deepText } from './inspect.js';

/** A mounted widget (any of the three). */
export type Widget = HTMLElement & { client?: PartnerKitClient; updateComplete: Promise<boolean> };

export interface MountOptions {
  /** The column's CSS width. */
  width: string;
  /** Says when the widget shows its data; without it, `mountWidget` returns once it is on the page. */
  ready?: (el: Widget) => boolean;
  /** How long `ready` may take, in ms (default 8,000). */
  timeout?: number;
}

const DATA_PARTS = ['row', 'deal', 'item'];

/** Mounts `tag` on `client` in a column and, with `ready`, waits for its data (saying what it shows instead). */
export async function mountWidget(
  tag: string,
  client: PartnerKitClient,
  attrs: Record<string, string>,
  { width, ready, timeout = 8_000 }: MountOptions,
): Promise<{ el: Widget; container: HTMLElement }> {
  const el = document.createElement(tag) as Widget;
  el.lang = 'en';
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (tag === 'resource-library') el.style.setProperty('--pk-resource-library-max-height', 'none');
  el.client = client;
  const container = await fixture<HTMLElement>(html`<div style=${`width: ${width}`}>${el}</div>`);
  if (!ready) return { el, container };
  await waitUntil(() => ready(el), `<${tag}> did not render its data`, { timeout }).catch((error: Error) => {
    const counts = DATA_PARTS.map((name) => `${name}: ${el.shadowRoot!.querySelectorAll(`[part~="${name}"]`).length}`).join(', ');
    throw new Error(`${error.message} (${counts}); it shows: ${collapse(deepText(el)).slice(0, 400)}`);
  });
  await el.updateComplete;
  return { el, container };
}
