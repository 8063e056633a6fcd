/**
 * Widgets under faults, in Chromium, on a real client over the stub backend: the backend down,
 * hanging past the client's timeout, answering 500, answering a proxy's HTML page, sending
 * malformed JSON, or JSON that violates the contract. Every widget shows its error state with a
 * retry and a message, fires `pk-error`, throws nothing uncaught, renders nothing of the broken
 * answer, and recovers through its retry button once the backend is back. A deal being
 * registered when the fault hits keeps what was typed (on screen and across a reload) and is
 * sent exactly once, with one idempotency key, when retried.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define/deal-register.js';
import '../../src/define/partner-scorecard.js';
import '../../src/define/resource-library.js';
import type { DealRegister } from '../../src/deal-register/deal-register.js';
import { FAULTS, HostileBackend } from './hostile-backend.js';
import { collapse, deepText, inspect, trapEachTest } from './inspect.js';
import { mountWidget, type Widget } from './mount.js';

/** The client's timeout here: a hanging backend becomes a TimeoutError quickly. */
const TIMEOUT_MS = 400;

const q = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const count = (el: Element, part: string) => el.shadowRoot!.querySelectorAll(`[part~="${part}"]`).length;

async function mount(tag: string, backend: HostileBackend, attrs: Record<string, string>): Promise<Widget> {
  return (await mountWidget(tag, backend.client(TIMEOUT_MS), attrs, { width: '40em' })).el;
}

const shows = (el: Element) => collapse(deepText(el)).slice(0, 300);

/** Each widget: how to mount it, and the part its data renders. */
const WIDGETS = {
  'partner-scorecard': { attrs: { 'partner-id': 'pt_hostile', period: '2026-Q3' }, data: 'row' },
  'deal-register': { attrs: { 'partner-id': 'pt_hostile', view: 'list' }, data: 'deal' },
  'resource-library': { attrs: {}, data: 'item' },
} as const;

describe('widgets under faults', function () {
  this.timeout(60_000);
  const traps = trapEachTest();
  const errors: string[] = [];
  const onError = (event: Event) => errors.push((event as CustomEvent<{ data: { code: string } }>).detail.data.code);
  const tally = { faults: 0, recoveries: 0, submissions: 0 };

  beforeEach(() => {
    errors.length = 0;
    document.addEventListener('pk-error', onError);
  });
  afterEach(() => {
    document.removeEventListener('pk-error', onError);
    for (const key of Object.keys(localStorage)) if (key.startsWith('partnerkit:deal-register:')) localStorage.removeItem(key);
  });
  after(() => {
    console.log(`widgets under faults: ${tally.faults} faults injected (${FAULTS.join(', ')}) into 3 widgets and the deal form; ${tally.recoveries} recoveries by retry; ${tally.submissions} submissions kept and sent once`);
  });

  for (const [tag, { attrs, data }] of Object.entries(WIDGETS)) {
    for (const fault of FAULTS) {
      it(`${tag}: ${fault} -> error state with retry, then recovers`, async () => {
        const backend = new HostileBackend({ strings: ['Lumen Distribution', 'Revenue', 'Silver', 'Gold'], role: 'partner' });
        backend.fault = fault;
        const el = await mount(tag, backend, attrs);
        await waitUntil(() => q(el, '[part~="retry-button"]'), `no error state with retry; it shows: ${shows(el)}`, { timeout: 8_000 });
        await el.updateComplete;
        tally.faults += 1;
        expect(q(el, '[part~="state"][part~="error"]'), 'the error state').to.not.equal(null);
        expect(collapse(q(el, '[part~="error-message"]')?.textContent ?? ''), 'a message a person can read').to.not.equal('');
        expect(count(el, data), 'no data from a broken answer').to.equal(0);
        expect(errors.length, 'pk-error fired').to.be.greaterThan(0);
        expect(inspect(el), 'nothing of the broken answer rendered as markup').to.deep.equal([]);
        expect(shows(el)).to.not.contain('502 Bad Gateway');

        backend.fault = null;
        q<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
        await waitUntil(() => count(el, data) > 0, `no data after the retry; it shows: ${shows(el)}`, { timeout: 8_000 });
        tally.recoveries += 1;
        expect(q(el, '[part~="retry-button"]'), 'the error is gone').to.equal(null);
        expect(traps.fired, 'uncaught errors, dialogs or script').to.deep.equal([]);
      });
    }
  }

  for (const fault of FAULTS) {
    it(`deal-register: a submission hit by ${fault} keeps the draft and is sent once on retry`, async () => {
      const backend = new HostileBackend({ strings: ['Lumen Distribution'], role: 'partner' });
      const draftKey = `faults-${fault}-${Date.now()}`;
      const el = (await mount('deal-register', backend, { 'partner-id': 'pt_hostile', 'draft-key': draftKey })) as unknown as DealRegister;
      await waitUntil(() => q(el, '[name="company"]'), 'no form');
      const typed = { company: `Contoso ${fault} Ltd`, domain: `contoso-${fault}.example`, description: 'Three-year renewal, 40 seats.' };
      for (const [name, value] of Object.entries(typed)) {
        const field = q<HTMLInputElement>(el, `[name="${name}"]`)!;
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await el.updateComplete;
      }
      q<HTMLInputElement>(el, '[name="type"][value="resell"]')!.click();
      await el.updateComplete;

      const isRegistration = (r: Request) => r.method === 'POST' && new URL(r.url).pathname.endsWith('/v1/deals');
      backend.fault = fault;
      backend.faultOn = isRegistration;
      q<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await waitUntil(() => q(el, '[part~="queued"], [part~="send-error"]'), `the failure is not shown; it shows: ${shows(el)}`, { timeout: 8_000 });
      await el.updateComplete;
      tally.faults += 1;

      // What was typed is still there: on screen, and stored for a reload.
      expect(q<HTMLInputElement>(el, '[name="company"]')!.value).to.equal(typed.company);
      expect(q<HTMLTextAreaElement>(el, '[name="description"]')!.value).to.equal(typed.description);
      const stored = Object.entries(localStorage).filter(([key]) => key.startsWith('partnerkit:deal-register:pt_hostile:') && key.includes(draftKey));
      expect(stored.map(([, value]) => value).join('\n'), 'the draft is stored').to.contain(typed.company);
      expect(inspect(el)).to.deep.equal([]);

      // A reload meanwhile brings it back too.
      const again = (await mount('deal-register', backend, { 'partner-id': 'pt_hostile', 'draft-key': draftKey })) as unknown as DealRegister;
      await waitUntil(() => q(again, '[name="company"]'), 'no form after the reload');
      await again.updateComplete;
      const restored = q<HTMLInputElement>(again, '[name="company"]')!.value || collapse(q(again, '[part~="queued"]')?.textContent ?? '');
      expect(restored, 'the draft survives a reload').to.contain(typed.company);
      again.remove();

      backend.fault = null;
      const retry = q<HTMLButtonElement>(el, '[part~="send-error"] button, [part~="queued"] button.button--primary')!;
      retry.click();
      await waitUntil(() => q(el, '[part~="success"]'), `not registered after the retry; it shows: ${shows(el)}`, { timeout: 8_000 });
      tally.submissions += 1;
      expect(backend.registered.size, 'registered exactly once').to.equal(1);
      const keys = new Set(backend.requests.filter(isRegistration).map((r) => r.headers.get('idempotency-key')));
      expect(keys.size, 'every attempt carried the same idempotency key').to.equal(1);
      expect([...backend.registered.values()][0]!.customer.company).to.equal(typed.company);
      expect(traps.fired, 'uncaught errors, dialogs or script').to.deep.equal([]);
    });
  }
});
