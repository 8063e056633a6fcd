/**
 * The hostile-content suite's detectors can fail: a deliberately unsafe element, which puts data
 * into its shadow root as HTML the way a careless widget would, is caught by every one of them
 * (the canary and dialog traps, the shadow-DOM inspection against a harmless render, and the
 * layout check).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { inspect, installTraps, layoutProblems, shapeOf } from './inspect.js';
import { INJECTIONS } from './payloads.js';

/** What no PartnerKit widget may do: data as markup. */
class UnsafeWidget extends HTMLElement {
  set data(value: string) {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.innerHTML = `<p part="title">${value}</p><a part="link" href="${value}">open</a>`;
  }
}
customElements.define('pk-unsafe-widget', UnsafeWidget);

async function render(value: string): Promise<{ el: UnsafeWidget; container: HTMLElement }> {
  const el = document.createElement('pk-unsafe-widget') as UnsafeWidget;
  const container = await fixture<HTMLElement>(html`<div style="width: 360px">${el}</div>`);
  el.data = value;
  // Image errors and focus handlers fire asynchronously.
  await new Promise((r) => setTimeout(r, 100));
  return { el, container };
}

describe('the hostile-content detectors', () => {
  it('catch script that runs, unsafe links, foreign elements and handlers, and overflow', async () => {
    const traps = installTraps();
    try {
      const harmless = await render('Harmless title');
      const baseline = shapeOf(harmless.el);
      const payload = INJECTIONS.find((p) => p.includes("onerror=\"window.__pkCanary('img')\""))!;
      const hostile = await render(payload);
      // The image's error event comes when the browser gets to it (later under load): wait for it.
      await waitUntil(() => traps.fired.some((f) => f.startsWith('canary: img')), `the canary did not fire: ${traps.fired.join(', ')}`, { timeout: 5_000 });
      const found = inspect(hostile.el, baseline).join('\n');
      expect(found).to.contain('<img onerror=');
      expect(found).to.contain('<img>, which a harmless render does not have');

      const scheme = await render('javascript:window.__pkCanary("link")');
      expect(inspect(scheme.el).join('\n')).to.contain('is not an http(s) link');

      const wide = await render('W'.repeat(300));
      expect(layoutProblems(wide.el, wide.container, 10_000).join('\n')).to.contain('overflows the 360px container');
    } finally {
      traps.restore();
    }
  });
});
