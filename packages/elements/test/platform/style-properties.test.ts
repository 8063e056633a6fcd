import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { styleProperties } from '../../src/platform/style-properties.js';
import { styleAttributeWrites } from './fixtures/style-writes.js';

describe('styleProperties', () => {
  it('sets and removes properties through the CSSOM, never through a style attribute', async () => {
    const writes = await styleAttributeWrites(async () => {
      const host = await fixture<HTMLElement>(html`<div></div>`);
      const view = (props: Record<string, string | number | null>) => html`<span style=${styleProperties(props)}></span>`;
      render(view({ '--_fill': 0.4, paddingTop: '3px', 'margin-left': '2px' }), host);
      const span = host.querySelector('span')!;
      expect(span.style.getPropertyValue('--_fill')).to.equal('0.4');
      expect(span.style.paddingTop).to.equal('3px');
      expect(span.style.marginLeft).to.equal('2px');

      render(view({ '--_fill': 0.9, paddingTop: null }), host);
      expect(span.style.getPropertyValue('--_fill')).to.equal('0.9');
      expect(span.style.paddingTop).to.equal('');
      expect(span.style.marginLeft).to.equal('');
    });
    expect(writes).to.deep.equal([]);
  });

  it('refuses to bind anywhere but a style attribute', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    expect(() => render(html`<span title=${styleProperties({})}></span>`, host)).to.throw(/style binding/);
  });
});
