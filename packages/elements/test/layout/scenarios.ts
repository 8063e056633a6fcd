/**
 * Runs layout scenarios: each widget in each state that has a layout, at every checked width,
 * with the viewport as wide as the container (a phone, a desktop), and once more in a 320 px
 * container on a desktop-wide viewport, so the container's width decides, not the viewport's.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { layoutProblems, mountIn, viewportFor, WIDTHS } from './check-layout.js';

export interface Scenario {
  name: string;
  /** The widget, configured but not on the page yet. */
  make(): HTMLElement;
  /** True once the widget shows the state under test. */
  shows(el: HTMLElement): unknown;
  /** What a person does to reach the state, once the widget is ready. */
  act?(el: HTMLElement): Promise<void>;
}

/** Where a scenario runs: the container's width and the viewport's. */
const PLACES = [...WIDTHS.map((width) => ({ container: width, viewport: width })), { container: 320, viewport: 1280 }];

/** `describe`s the scenarios of one widget, one `it` per scenario and place. */
export function checkLayouts(tag: string, scenarios: readonly Scenario[]): void {
  describe(`<${tag}> layout`, function () {
    this.timeout(20_000);
    for (const scenario of scenarios) {
      for (const { container: width, viewport } of PLACES) {
        it(`${scenario.name}: ${width} px${viewport !== width ? ` in a ${viewport} px viewport` : ''}`, async () => {
          await viewportFor(viewport);
          const el = scenario.make();
          const container = await mountIn(el, width);
          await waitUntil(() => scenario.shows(el), `<${tag}> did not show "${scenario.name}"`, { timeout: 5000 });
          await scenario.act?.(el);
          await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
          // Layout settles in the next frame (resize observers, windowing).
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          expect(layoutProblems(el, container, { minDialogWidth: viewport >= 1000 ? 440 : 0 })).to.deep.equal([]);
        });
      }
    }
  });
}
