/**
 * The CDN loader (from source): a tag is defined when it first appears, in the document or in an
 * open shadow root, and only that tag's modules are fetched.
 */
import { expect, waitUntil } from '@open-wc/testing';

const fetched = (fragment: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(fragment));
const WIDGET_DIRS = ['/src/partner-scorecard/', '/src/deal-register/', '/src/resource-library/', '/src/partnerkit-provider/'];

describe('CDN loader', function () {
  // The dev server compiles each widget's sources on first request; allow for a busy machine.
  this.timeout(30_000);
  before(async () => {
    await import('../../src/cdn/loader.js');
  });

  it('loads no widget before one appears', async () => {
    await new Promise((r) => setTimeout(r, 50));
    for (const dir of WIDGET_DIRS) expect(fetched(dir), dir).to.equal(false);
    expect(customElements.get('partnerkit-provider')).to.equal(undefined);
  });

  it('defines a tag when it first appears, and loads nothing else', async () => {
    document.body.append(document.createElement('partnerkit-provider'));
    await waitUntil(() => customElements.get('partnerkit-provider'), 'partnerkit-provider was not defined', { timeout: 20_000 });
    expect(fetched('/src/define/partnerkit-provider.ts')).to.equal(true);
    expect(fetched('/src/partnerkit-provider/')).to.equal(true);
    for (const other of ['partner-scorecard', 'deal-register', 'resource-library']) {
      expect(fetched(`/src/define/${other}.ts`), other).to.equal(false);
      expect(fetched(`/src/${other}/`), other).to.equal(false);
      expect(customElements.get(other), other).to.equal(undefined);
    }
  });

  it('finds tags added deep inside a subtree, and inside open shadow roots', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    await new Promise((r) => setTimeout(r)); // the loader now watches this shadow root
    const wrapper = document.createElement('section');
    wrapper.innerHTML = '<div><resource-library></resource-library></div>';
    root.append(wrapper);
    await waitUntil(() => customElements.get('resource-library'), 'resource-library was not defined', { timeout: 20_000 });
    expect(customElements.get('partner-scorecard')).to.equal(undefined);
    expect(fetched('/src/define/partner-scorecard.ts')).to.equal(false);
  });

  it('finds tags in shadow roots that existed before they were attached to the page', async () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p><deal-register></deal-register></p>';
    document.body.append(host);
    await waitUntil(() => customElements.get('deal-register'), 'deal-register was not defined', { timeout: 20_000 });
    expect(customElements.get('partner-scorecard')).to.equal(undefined);
  });
});
