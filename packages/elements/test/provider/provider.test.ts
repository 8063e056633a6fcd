import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/partnerkit-provider.js';
import type { PartnerKitProvider } from '../../src/partnerkit-provider/partnerkit-provider.js';
import { FakeClient, type TestWidget } from '../platform/fixtures/test-widget.js';
import '../platform/fixtures/test-widget.js';
import '../platform/fixtures/session-widget.js';
import { stubNetwork } from './network-stub.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('<partnerkit-provider>', () => {
  let network: ReturnType<typeof stubNetwork> | undefined;
  afterEach(() => network?.restore());

  it('gives its client property to nested widgets, through shadow roots too', async () => {
    const client = new FakeClient();
    const provider = await fixture<PartnerKitProvider>(html`<partnerkit-provider .client=${client.asClient()}>
      <div><pk-test-widget></pk-test-widget></div>
      <section></section>
    </partnerkit-provider>`);
    const direct = provider.querySelector('pk-test-widget')!;
    const shadowHost = provider.querySelector('section')!;
    const nested = document.createElement('pk-test-widget');
    shadowHost.attachShadow({ mode: 'open' }).append(nested);
    await direct.updateComplete;
    await nested.updateComplete;

    expect(direct.resolvedClient).to.equal(client.asClient());
    expect(nested.resolvedClient).to.equal(client.asClient());
    expect(client.loads).to.have.length(2);
    expect(getComputedStyle(provider).display).to.equal('contents');
    await expect(provider).to.be.accessible();
  });

  it('hands a replaced client to its widgets, which load again', async () => {
    const first = new FakeClient();
    const provider = await fixture<PartnerKitProvider>(html`<partnerkit-provider .client=${first.asClient()}><pk-test-widget></pk-test-widget></partnerkit-provider>`);
    const widget = provider.querySelector('pk-test-widget')!;
    await widget.updateComplete;
    const second = new FakeClient();
    provider.client = second.asClient();
    await provider.updateComplete;
    await widget.updateComplete;
    expect(widget.resolvedClient).to.equal(second.asClient());
    expect(first.last.signal.aborted).to.equal(true);
    expect(second.loads).to.have.length(1);
  });

  it("prefers a widget's own client, and the nearest provider", async () => {
    const outer = new FakeClient();
    const inner = new FakeClient();
    const own = new FakeClient();
    const root = await fixture<PartnerKitProvider>(html`<partnerkit-provider .client=${outer.asClient()}>
      <partnerkit-provider .client=${inner.asClient()}><pk-test-widget id="a"></pk-test-widget></partnerkit-provider>
      <pk-test-widget id="b" .client=${own.asClient()}></pk-test-widget>
    </partnerkit-provider>`);
    const a = root.querySelector<TestWidget>('#a')!;
    const b = root.querySelector<TestWidget>('#b')!;
    await a.updateComplete;
    await b.updateComplete;
    expect(a.resolvedClient).to.equal(inner.asClient());
    expect(b.resolvedClient).to.equal(own.asClient());
    expect(outer.loads).to.have.length(0);
  });

  it('creates a client from base-url and session-url; the session is fetched with the page credentials', async () => {
    network = stubNetwork();
    const provider = await fixture<PartnerKitProvider>(html`<partnerkit-provider base-url="/stub-api" session-url="/host/session">
      <pk-test-session></pk-test-session>
    </partnerkit-provider>`);
    const widget = provider.querySelector('pk-test-session')!;
    await until(() => part(widget, 'role') !== null, 'the principal');
    expect(part(widget, 'role')!.textContent).to.equal('partner');

    const session = network.requests.find((r) => r.url === '/host/session')!;
    expect(session.credentials).to.equal('include');
    expect(session.authorization).to.equal(null);
    const api = network.requests.find((r) => r.url === '/stub-api/v1/session')!;
    expect(api.authorization).to.equal('Bearer test-session-token-0123456789');
    await expect(provider).to.be.accessible();
  });

  it('takes a fetchSession callback instead of session-url', async () => {
    network = stubNetwork({ token: 'callback-token-0123456789abcdef' });
    let calls = 0;
    const fetchSession = async () => {
      calls++;
      return { token: 'callback-token-0123456789abcdef', expiresAt: new Date(Date.now() + 600_000).toISOString() };
    };
    const provider = await fixture<PartnerKitProvider>(html`<partnerkit-provider base-url="/stub-api" .fetchSession=${fetchSession}>
      <pk-test-session></pk-test-session>
    </partnerkit-provider>`);
    const widget = provider.querySelector('pk-test-session')!;
    await until(() => part(widget, 'role') !== null, 'the principal');
    expect(calls).to.equal(1);
    expect(network.requests.some((r) => r.url === '/host/session')).to.equal(false);
  });

  it('a failing session URL shows the error state with retry, and reports pk-error without secrets', async () => {
    network = stubNetwork({ sessionStatus: 403 });
    const provider = await fixture<PartnerKitProvider>(html`<partnerkit-provider base-url="/stub-api" session-url="/host/session">
      <pk-test-session></pk-test-session>
    </partnerkit-provider>`);
    const widget = provider.querySelector('pk-test-session')!;
    const event = await oneEvent(provider, 'pk-error');
    expect(event.detail.data.element).to.equal('pk-test-session');
    expect(event.detail.data.code).to.equal('session_failed');
    await until(() => part(widget, 'error') !== null, 'the error state');
    expect(part(widget, 'error-message')!.textContent).to.contain('session');
    expect(JSON.stringify(event.detail)).to.not.contain('token');
    await expect(widget).to.be.accessible();
  });

  it('a new base-url makes a new client', async () => {
    network = stubNetwork();
    const provider = await fixture<PartnerKitProvider>(html`<partnerkit-provider base-url="/stub-api" session-url="/host/session"></partnerkit-provider>`);
    const first = provider.providedClient;
    expect(first).to.not.equal(undefined);
    provider.setAttribute('base-url', '/other-api');
    await provider.updateComplete;
    expect(provider.providedClient).to.not.equal(undefined);
    expect(provider.providedClient).to.not.equal(first);
  });

  it('an invalid base-url provides no client and reports invalid_configuration', async () => {
    const provider = document.createElement('partnerkit-provider');
    provider.setAttribute('base-url', 'ftp://example.test/api');
    provider.setAttribute('session-url', '/host/session');
    provider.append(document.createElement('pk-test-widget'));
    const errored = oneEvent(provider, 'pk-error');
    document.body.append(provider);
    const event = await errored;
    expect(event.detail.data.code).to.equal('invalid_configuration');
    const widget = provider.querySelector('pk-test-widget')!;
    await widget.updateComplete;
    expect(part(widget, 'no-client')).to.not.equal(null);
    provider.remove();
  });
});
