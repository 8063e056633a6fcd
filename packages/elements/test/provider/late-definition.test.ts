/**
 * The CDN loader may define the provider after a widget: until then the widget shows loading
 * (not "no client"), then loads with the provider's client.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { FakeClient } from '../platform/fixtures/test-widget.js';
import type { PartnerKitProvider } from '../../src/partnerkit-provider/partnerkit-provider.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

describe('<partnerkit-provider> defined after its widgets', () => {
  it('widgets wait in the loading state, then load', async () => {
    const client = new FakeClient();
    const root = await fixture<HTMLElement>(html`<partnerkit-provider><pk-test-widget></pk-test-widget></partnerkit-provider>`);
    const widget = root.querySelector('pk-test-widget')!;
    await widget.updateComplete;
    expect(part(widget, 'loading')).to.not.equal(null);
    expect(part(widget, 'no-client')).to.equal(null);

    (root as PartnerKitProvider).client = client.asClient(); // set before upgrade, like a framework would
    await import('../../src/define/partnerkit-provider.js');
    await (root as PartnerKitProvider).updateComplete;
    await widget.updateComplete;
    expect(widget.resolvedClient).to.equal(client.asClient());
    expect(client.loads).to.have.length(1);
  });
});
