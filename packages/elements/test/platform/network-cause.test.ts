/**
 * Why a request got no answer, told apart as far as a browser can: the reference server on its
 * own origin (which does not allow the test page's) is CORS, a closed port is nothing answering,
 * and an offline browser is offline. Each case has its own message in the widget and (in
 * development) its own console explanation with a docs link.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import type { PartnerScorecard } from '../../src/partner-scorecard/partner-scorecard.js';
import { mintSession, referenceServer } from './reference-server.js';
import '../../src/define/partner-scorecard.js';

const message = (el: Element) => el.shadowRoot!.querySelector('[part~="error-message"]')?.textContent?.trim() ?? '';

/** Mounts a scorecard on `client` and waits until its error names a cause. */
async function failing(client: PartnerKitClient, expected: string, lang = 'en') {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  try {
    const errors: string[] = [];
    const el = document.createElement('partner-scorecard') as PartnerScorecard;
    el.addEventListener('pk-error', (event) => errors.push(event.detail.data.code));
    await fixture(html`<div>${el}</div>`);
    Object.assign(el, { client });
    el.lang = lang;
    el.partnerId = 'p_any';
    await waitUntil(() => message(el).includes(expected), `the widget did not name the cause; it says: ${message(el)}`, { timeout: 8000 });
    return { el, errors, warnings };
  } finally {
    console.warn = warn;
  }
}

describe('telling network failures apart', function () {
  this.timeout(60_000);

  it('a backend that answers but not to this origin (CORS) says so, in the widget and the console', async () => {
    const { origin } = await referenceServer();
    const { token, expiresAt } = await mintSession({ role: 'manager', user: { id: 'u_cors' } });
    // The server's own origin: cross-origin here, and not in its allow-list.
    const client = createClient({ baseUrl: origin, fetchSession: async () => ({ token, expiresAt }), retry: 0 });
    const { el, errors, warnings } = await failing(client, 'does not accept this site');
    expect(errors).to.deep.equal(['network_error']);
    expect(message(el)).to.equal(`The PartnerKit service does not accept this site (${location.origin}): its administrator must allow it.`);
    const explained = warnings.find((w) => w.includes('CORS'));
    expect(explained, `console: ${warnings.join(' | ')}`).to.contain(`Add ${location.origin} to the backend's allowed origins`);
    expect(explained).to.contain('#cors');
    await expect(el).to.be.accessible();
  });

  it('the same in Vietnamese', async () => {
    const { origin } = await referenceServer();
    const { token, expiresAt } = await mintSession({ role: 'manager', user: { id: 'u_cors' } });
    const client = createClient({ baseUrl: origin, fetchSession: async () => ({ token, expiresAt }), retry: 0 });
    const { el } = await failing(client, 'không chấp nhận trang web này', 'vi');
    expect(message(el)).to.contain(location.origin);
  });

  it('nothing answering at the address says so', async () => {
    // Port 9 is one of the fetch standard's bad ports: browsers never connect to it, on any machine.
    const client = createClient({ baseUrl: 'http://127.0.0.1:9/api', token: 'pk_test_token_for_a_closed_port', retry: 0 });
    const { el, warnings } = await failing(client, 'did not answer');
    expect(message(el)).to.equal('The PartnerKit service did not answer: it may be down, or its address may be wrong.');
    expect(warnings.find((w) => w.includes('#unreachable'))).to.contain('nothing answers at http://127.0.0.1:9');
  });

  it('an offline browser says so, without probing', async () => {
    const probes: string[] = [];
    const client = createClient({
      baseUrl: 'https://prm.partnerkit.invalid/api',
      token: 'pk_test_token_offline',
      retry: 0,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const fetch = window.fetch;
    window.fetch = (input, init) => {
      probes.push(String(input));
      return fetch(input, init);
    };
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      const { el } = await failing(client, 'offline');
      expect(message(el)).to.equal('You are offline. Reconnect, then try again.');
      expect(probes).to.deep.equal([]);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
      window.fetch = fetch;
    }
  });
});
