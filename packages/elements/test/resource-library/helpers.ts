/**
 * Helpers shared by `<resource-library>`'s browser tests.
 * @module
 */
import { fixture, html } from '@open-wc/testing';
import type { PartnerKitClient } from '@partnerkit/core/client';
import { TaskStatus } from '@lit/task';
import '../../src/define/resource-library.js';
import type { ResourceLibrary } from '../../src/resource-library/resource-library.js';
import { libraryClient, type LibraryBackendOptions } from '../../../../stories/resource-library/backend.js';
import { timeoutFor } from '../../../../stories/support/mock-backend.js';

export { libraryClient };

/** A manager: sees every item open. */
export const MANAGER = { role: 'manager' } as const;
/** Requests for a page of the library. */
export const LIST = 'GET /v1/resources';

/** The shadow root's first node with `part` among its parts. */
export const part = <E extends Element = HTMLElement>(el: Element, name: string) => el.shadowRoot!.querySelector<E>(`[part~="${name}"]`);
export const parts = <E extends Element = HTMLElement>(el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<E>(`[part~="${name}"]`)];

/** Waits until the element's data task settled and the element rendered it. */
export async function settle(el: ResourceLibrary, timeout = 5_000): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < timeout) {
    await el.updateComplete;
    // Another turn for fetch/microtasks, then the re-render they asked for.
    await new Promise((r) => setTimeout(r, 5));
    await el.updateComplete;
    const status = (el as unknown as { resources: { status: TaskStatus } }).resources.status;
    if (status !== TaskStatus.PENDING && !el.shadowRoot!.querySelector('[aria-busy="true"]')) return;
  }
  throw new Error('the element did not settle');
}

/** Waits for `predicate` over a few frames (for scroll and resize reactions). */
export async function until(predicate: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (predicate()) return;
    await new Promise((r) => requestAnimationFrame(r));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A `<resource-library>` on a client of a mock backend, settled (unless its answer never comes). Returns the requests it sent. */
export async function library(
  options: LibraryBackendOptions & { attrs?: Record<string, string>; client?: PartnerKitClient; lang?: string; windowed?: boolean } = {},
) {
  const requests: URL[] = [];
  const client =
    options.client ??
    libraryClient({
      ...options,
      onRequest: (request) => {
        requests.push(new URL(request.url));
        options.onRequest?.(request);
      },
    });
  // Attributes are set before the element first renders, so the first request already has them.
  const element = document.createElement('resource-library');
  element.lang = options.lang ?? 'en';
  // Unless a test is about windowing, let the list grow so every item is in view (tests run in a tall window).
  if (!options.windowed) element.style.setProperty('--pk-resource-library-max-height', 'none');
  for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
  element.client = client;
  const el = await fixture<ResourceLibrary>(html`<div>${element}</div>`).then(() => element);
  if (timeoutFor(options) !== Infinity) await settle(el);
  return { el, client, requests, lists: () => requests.filter((u) => u.pathname.endsWith('/v1/resources')) };
}

/** Titles of the rendered items. */
export const titles = (el: ResourceLibrary) => parts(el, 'title').map((t) => t.textContent!.replace(/\s*\(opens in a new tab\)\s*$/, '').trim());
