import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TestWidget } from './fixtures/test-widget.js';
import { FakeClient } from './fixtures/test-widget.js';
import { EventEnvelope } from '@partnerkit/core/schemas';
import * as z from 'zod/mini';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const settle = async (el: TestWidget) => {
  // Two turns: the task settles, then the host re-renders.
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
};

async function widget(client = new FakeClient(), item = 'a') {
  const el = await fixture<TestWidget>(html`<pk-test-widget .client=${client.asClient()} item=${item}></pk-test-widget>`);
  return { el, client };
}

describe('PartnerKitElement states', () => {
  it('shows a busy loading skeleton while the data loads', async () => {
    const { el } = await widget();
    const loading = part(el, 'loading');
    expect(loading).to.not.equal(null);
    expect(loading!.getAttribute('aria-busy')).to.equal('true');
    expect(loading!.textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
  });

  it('keeps the height the host reserves (--pk-loading-block-size) while loading, and only then', async () => {
    const client = new FakeClient();
    const el = await fixture<TestWidget>(html`<pk-test-widget .client=${client.asClient()} item="a"></pk-test-widget>`);
    el.style.setProperty('--pk-loading-block-size', '30em');
    const em = parseFloat(getComputedStyle(el).fontSize);
    expect(el.getBoundingClientRect().height).to.be.at.least(30 * em - 1);
    client.last.resolve(['one']);
    await settle(el);
    expect(el.getBoundingClientRect().height, 'the data state takes its own height').to.be.below(20 * em);
    const unset = await widget();
    expect(unset.el.getBoundingClientRect().height, 'without the token, the skeleton its own').to.be.below(20 * em);
  });

  it('renders the data once loaded', async () => {
    const { el, client } = await widget();
    client.last.resolve(['one', 'two']);
    await settle(el);
    expect(part(el, 'loading')).to.equal(null);
    expect([...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['one', 'two']);
    expect(el.shadowRoot!.textContent).to.contain('2 things');
    await expect(el).to.be.accessible();
  });

  it('renders the empty state with the widget message', async () => {
    const { el, client } = await widget();
    client.last.resolve([]);
    await settle(el);
    expect(part(el, 'empty')!.textContent).to.contain('No things yet.');
    await expect(el).to.be.accessible();
  });

  it('shows the error in the element language, dispatches pk-error, and retries', async () => {
    const { el, client } = await widget();
    el.lang = 'vi';
    const errorEvent = oneEvent(el, 'pk-error');
    client.last.reject(Object.assign(new Error('404 not_found GET /v1/things/a'), { name: 'NotFoundError', code: 'not_found', status: 404, requestId: 'req_42' }));
    const event = await errorEvent;
    await settle(el);

    expect(event.bubbles && event.composed).to.equal(true);
    expect(z.safeParse(EventEnvelope, event.detail).success).to.equal(true);
    expect(event.detail.type).to.equal('element.error');
    expect(event.detail.data).to.deep.equal({ element: 'pk-test-widget', code: 'not_found', message: '404 not_found GET /v1/things/a', status: 404, requestId: 'req_42' });

    const error = part(el, 'error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error-message')!.textContent).to.equal('Không tìm thấy nội dung này. Có thể nội dung đã bị xóa.');
    expect(error.textContent).to.contain('req_42');
    await expect(el).to.be.accessible();

    const retry = part(el, 'retry-button') as HTMLButtonElement;
    expect(retry.textContent!.trim()).to.equal('Thử lại');
    retry.click();
    await el.updateComplete;
    expect(part(el, 'loading')).to.not.equal(null);
    expect(client.loads).to.have.length(2);
    client.last.resolve(['back']);
    await settle(el);
    expect(el.shadowRoot!.querySelector('li')!.textContent).to.equal('back');
  });

  it('keeps keyboard focus through a retry: on the loading box, then back on retry if it fails again', async () => {
    const { el, client } = await widget();
    client.last.reject(Object.assign(new Error('offline'), { name: 'NetworkError', code: 'network_error' }));
    await settle(el);
    (part(el, 'retry-button') as HTMLButtonElement).focus();
    (part(el, 'retry-button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'loading'));
    client.last.reject(Object.assign(new Error('offline'), { name: 'NetworkError', code: 'network_error' }));
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'retry-button'));
    expect(part(el, 'error-message')!.textContent).to.equal('The PartnerKit service could not be reached. Check your connection.');
  });

  it('says how long to wait when rate limited', async () => {
    const { el, client } = await widget();
    client.last.reject(Object.assign(new Error('429'), { code: 'rate_limited', status: 429, retryAfter: 30 }));
    await settle(el);
    expect(part(el, 'error-message')!.textContent).to.equal('Too many requests. Try again in 30 s.');
  });

  it('aborts the previous load when an argument changes and ignores its late answer', async () => {
    const { el, client } = await widget();
    const first = client.last;
    el.item = 'b';
    await el.updateComplete;
    expect(first.signal.aborted).to.equal(true);
    expect(client.last.item).to.equal('b');
    client.last.resolve(['from b']);
    first.resolve(['stale from a']);
    await settle(el);
    expect(el.shadowRoot!.querySelector('li')!.textContent).to.equal('from b');
  });

  it('aborts on disconnect without reporting an error, and loads again on reconnect', async () => {
    const { el, client } = await widget();
    let errors = 0;
    el.addEventListener('pk-error', () => errors++);
    const first = client.last;
    const parent = el.parentElement!;
    el.remove();
    expect(first.signal.aborted).to.equal(true);
    await new Promise((r) => setTimeout(r));
    parent.append(el);
    await el.updateComplete;
    expect(client.loads).to.have.length(2);
    expect(part(el, 'loading')).to.not.equal(null);
    client.last.resolve(['again']);
    await settle(el);
    expect(el.shadowRoot!.querySelector('li')!.textContent).to.equal('again');
    expect(errors).to.equal(0);
  });

  it('loads again with a new client', async () => {
    const { el, client } = await widget();
    client.last.resolve(['old']);
    await settle(el);
    const other = new FakeClient();
    el.client = other.asClient();
    await el.updateComplete;
    expect(other.loads).to.have.length(1);
    other.last.resolve(['new']);
    await settle(el);
    expect(el.shadowRoot!.querySelector('li')!.textContent).to.equal('new');
  });

  it('without provider or client: says so in the page and warns once in the console', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await fixture<TestWidget>(html`<pk-test-widget></pk-test-widget>`);
      await fixture<TestWidget>(html`<pk-test-widget></pk-test-widget>`);
      const state = part(el, 'no-client')!;
      expect(state.textContent).to.contain('Not connected');
      expect(state.textContent).to.contain('<partnerkit-provider>');
      await expect(el).to.be.accessible();
    } finally {
      console.warn = original;
    }
    const ours = warnings.filter((w) => w.includes('<pk-test-widget> has no client'));
    expect(ours).to.have.length(1);
    expect(ours[0]).to.match(/See https:\/\/\S+#no-client/);
  });

  it('shows loading, not "no client", inside a provider that is not defined yet', async () => {
    const el = await fixture(html`<partnerkit-provider><pk-test-widget></pk-test-widget></partnerkit-provider>`);
    const widgetEl = el.querySelector('pk-test-widget')!;
    await widgetEl.updateComplete;
    expect(customElements.get('partnerkit-provider')).to.equal(undefined);
    expect(part(widgetEl, 'loading')).to.not.equal(null);
    expect(part(widgetEl, 'no-client')).to.equal(null);
  });

  it('reflects the theme attribute', async () => {
    const { el } = await widget();
    expect(el.getAttribute('theme')).to.equal('auto');
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  });
});
