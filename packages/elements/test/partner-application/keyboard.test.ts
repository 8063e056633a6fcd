/**
 * The form with real key presses (the browser's own focus movement): the partner types with the
 * arrow keys, typing, Enter to move on, the error summary's links, Back and the Change buttons.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { applicationClient } from '../../../../stories/partner-application/backend.js';
import type { PartnerApplication } from '../../src/partner-application/partner-application.js';
import { $, clearDrafts, fill, fillValid, formElement, part, until, VALID } from './helpers.js';

const focused = (el: PartnerApplication) => el.shadowRoot!.activeElement as HTMLElement | null;
const press = (key: string) => sendKeys({ press: key });

afterEach(() => {
  for (const el of document.querySelectorAll('partner-application')) el.remove();
  clearDrafts();
});

describe('<partner-application> keyboard', () => {
  it('chooses a partner type with the arrows, types, and moves on with Enter; the summary links lead to the fields', async () => {
    const { client } = applicationClient();
    const el = await formElement(client);
    $<HTMLInputElement>(el, '#f-partnerType')!.focus();
    await press('ArrowDown');
    await el.updateComplete;
    expect(el.application.values.partnerType).to.equal('system_integrator');
    $<HTMLInputElement>(el, '#f-companyName')!.focus();
    await sendKeys({ type: 'Sao Mai' });
    await press('Enter');
    await el.updateComplete;
    expect(focused(el)).to.equal(part(el, 'error-summary'), 'Enter with problems left: the summary');
    await press('Tab');
    expect(focused(el)?.textContent).to.contain('Country');
    await press('Enter');
    expect(focused(el)).to.equal($(el, '#f-country'));
    await fill(el, { country: 'VN', size: '1-10' });
    $<HTMLInputElement>(el, '#f-companyName')!.focus();
    await press('Enter');
    await until(() => el.application.step === 'contact', 'the contact step');
    expect(focused(el)).to.equal($(el, '.step-title'), 'focus on the new step\'s title');
    expect(el.application.values.companyName).to.equal('Sao Mai');
  });

  it('on the last step: Tab reaches the Change buttons and the consent; Space ticks it; Enter on Send application sends', async () => {
    const { client } = applicationClient();
    const el = await formElement(client);
    await fillValid(el);
    part<HTMLButtonElement>(el, 'change-button')!.focus();
    await press('Enter');
    await el.updateComplete;
    expect(el.application.step).to.equal('company');
    expect(($(el, '#f-companyName') as HTMLInputElement).value).to.equal(VALID.company.companyName);
    for (const _ of [1, 2, 3]) {
      (part<HTMLButtonElement>(el, 'next-button') ?? part<HTMLButtonElement>(el, 'submit-button'))!.focus();
      await press('Enter');
      await el.updateComplete;
    }
    expect(el.application.step).to.equal('review');
    $<HTMLInputElement>(el, '#f-consent')!.focus();
    await press('Space');
    await el.updateComplete;
    expect(el.application.values.consent).to.equal('yes');
    await press('Tab');
    const honeypot = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="nickname"]')!;
    expect(focused(el)).not.to.equal(honeypot, 'the honeypot is out of the tab order');
    await press('Tab');
    expect(focused(el)).to.equal(part(el, 'submit-button'));
    await press('Enter');
    await until(() => part(el, 'success'), 'the confirmation');
    expect(focused(el)).to.equal(part(el, 'success'));
  });
});
