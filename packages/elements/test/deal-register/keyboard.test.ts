/**
 * Full keyboard operation with real key presses (the browser's own focus movement): the tabs
 * (arrows, Home, End), the form (typing, the radio group, Enter to submit, the error summary's
 * links), the success panel, and list actions through the dialog (Enter, Escape).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { dealBackend } from '../../../../stories/deal-register/backend.js';
import { PARTNER_ID } from '../../../../stories/deal-register/fixtures.js';
import { $, $$, clearStorage, mount, part, text, until } from './helpers.js';
import type { DealRegister } from '../../src/deal-register/deal-register.js';

const focused = (el: DealRegister) => el.shadowRoot!.activeElement as HTMLElement | null;
const press = (key: string) => sendKeys({ press: key });

describe('<deal-register> keyboard', () => {
  beforeEach(clearStorage);
  afterEach(clearStorage);

  it('moves between tabs with the arrow keys, Home and End (automatic activation, roving tabindex)', async () => {
    const el = await mount(dealBackend().client, { partnerId: PARTNER_ID });
    const [register, list] = $$<HTMLButtonElement>(el, '[role="tab"]');
    expect(register!.tabIndex).to.equal(0);
    expect(list!.tabIndex).to.equal(-1);
    register!.focus();
    await press('ArrowRight');
    await el.updateComplete;
    expect(focused(el)).to.equal(list);
    expect(list!.getAttribute('aria-selected')).to.equal('true');
    expect(el.view).to.equal('list');
    expect($(el, '#panel-register')!.hidden).to.equal(true);
    await press('ArrowRight');
    await el.updateComplete;
    expect(focused(el), 'wraps around').to.equal(register);
    await press('End');
    await el.updateComplete;
    expect(focused(el)).to.equal(list);
    await press('Home');
    await el.updateComplete;
    expect(focused(el)).to.equal(register);
    expect(el.view).to.equal('register');
    await press('Tab');
    expect(focused(el), 'Tab leaves the tab list for the panel').to.equal($(el, '#f-company'));
  });

  it('mirrors the arrow keys right to left', async () => {
    const el = await mount(dealBackend().client, { partnerId: PARTNER_ID });
    el.dir = 'rtl';
    const [register, list] = $$<HTMLButtonElement>(el, '[role="tab"]');
    register!.focus();
    await press('ArrowLeft');
    await el.updateComplete;
    expect(focused(el), 'left is forward right to left').to.equal(list);
    await press('ArrowRight');
    await el.updateComplete;
    expect(focused(el)).to.equal(register);
  });

  it('fills and submits the form with the keyboard alone; Enter on errors focuses the summary, whose links lead to the fields', async () => {
    const stub = dealBackend();
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    $<HTMLInputElement>(el, '#f-company')!.focus();
    await press('Enter');
    await el.updateComplete;
    expect(focused(el)).to.equal(part(el, 'error-summary'));
    await press('Tab');
    expect(text(focused(el))).to.equal("Company name: Enter the customer's company name.");
    await press('Enter');
    expect(focused(el)).to.equal($(el, '#f-company'));

    await sendKeys({ type: 'Contoso Ltd' });
    await press('Tab');
    expect(focused(el)).to.equal($(el, '#f-domain'));
    await sendKeys({ type: 'contoso.example' });
    for (const id of ['f-country', 'f-industry', 'f-contactName', 'f-email', 'f-phone', 'f-title']) {
      await press('Tab');
      expect(focused(el)?.id).to.equal(id);
    }
    await press('Tab');
    expect((focused(el) as HTMLInputElement).name, 'one tab stop for the radio group').to.equal('type');
    await press('Space');
    await press('ArrowRight');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '[name="type"]:checked')!.value).to.equal('referral');
    await press('Tab');
    expect(focused(el)?.id).to.equal('f-products');
    await sendKeys({ type: 'PartnerKit Cloud' });
    await press('Tab');
    await sendKeys({ type: '12,500' });
    await press('Tab');
    expect(focused(el)?.id).to.equal('f-currency');
    // Back to a text field, and Enter submits.
    await sendKeys({ down: 'Shift' });
    await press('Tab');
    await sendKeys({ up: 'Shift' });
    expect(focused(el)?.id).to.equal('f-amount');
    await press('Enter');
    await until(el, () => part(el, 'success'), 'not registered');
    expect(focused(el)).to.equal(part(el, 'success'));
    expect(stub.registrations[0]!.body).to.deep.include({ type: 'referral', products: ['PartnerKit Cloud'], amount: { amount: 1_250_000, currency: 'USD' } });
    await press('Tab');
    expect(text(focused(el))).to.equal('Register another deal');
    await press('Enter');
    await el.updateComplete;
    await el.updateComplete;
    expect(focused(el)).to.equal($(el, '#f-company'));
  });

  it('operates list actions with the keyboard: Enter opens the dialog, Escape closes it and focus returns', async () => {
    const stub = dealBackend();
    const el = await mount(stub.client, { partnerId: PARTNER_ID, view: 'list' });
    await until(el, () => $$(el, '[part~="deal"]').length === 8, 'no list');
    const deal = $$(el, '[part~="deal"]').find((r) => text(r.querySelector('.muted')) === 'DR-000101')!;
    const withdraw = deal.querySelector<HTMLButtonElement>('[part~="action"]')!;
    withdraw.focus();
    await press('Enter');
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
    expect(focused(el)?.id).to.equal('dlg-reason');
    await press('Escape');
    await until(el, () => !$(el, 'dialog'), 'Escape did not close the dialog');
    await until(el, () => focused(el) === withdraw, 'focus did not return to the button');

    await press('Enter');
    await el.updateComplete;
    await sendKeys({ type: 'Duplicate of a direct deal' });
    await press('Tab');
    expect(text(focused(el))).to.equal('Confirm');
    await press('Enter');
    await until(el, () => !$(el, 'dialog'), 'the move did not complete');
    expect(stub.deals.find((d) => d.number === 'DR-000101')!.status).to.equal('withdrawn');
    await until(el, () => focused(el) === $$(el, '[part~="deal"]').find((r) => text(r.querySelector('.muted')) === 'DR-000101'), 'focus was lost');

    // The history toggle works with Space.
    const toggle = deal.querySelector<HTMLButtonElement>('[part~="history-toggle"]')!;
    toggle.focus();
    await press('Space');
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  });
});
