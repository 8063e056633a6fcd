import { expect } from '@open-wc/testing';
import { dealBackend } from '../../../../stories/deal-register/backend.js';
import { $, mount, part, until } from './helpers.js';

describe('deal-register smoke', () => {
  it('renders the form', async () => {
    const stub = dealBackend();
    const el = await mount(stub.client, { partnerId: 'p_saigon' });
    await until(el, () => part(el, 'form'), 'no form');
    expect($(el, '#f-company')).not.to.be.oneOf([null, undefined]);
    await expect(el).to.be.accessible();
  });
});
