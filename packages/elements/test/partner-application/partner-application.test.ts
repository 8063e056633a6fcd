/**
 * `<partner-application>` on `@partnerkit/mock` (the demo programme's public form and its
 * publishable key): every state with axe, the steps and their checks, the last check and the
 * confirmation, what the page sends (the form token, an empty honeypot, one idempotency key), a
 * draft restored after a reload, a lost answer sent again without a second application, the
 * backend's minimum fill time, both languages, and BLNS text inert.
 */
import { expect } from '@open-wc/testing';
import { applicationClient, applicationsOf } from '../../../../stories/partner-application/backend.js';
import { fits, INJECTIONS, naughtyStrings } from '../reliability/payloads.js';
import { $, advance, clearDrafts, fill, fillValid, formElement, mount, part, parts, text, until, VALID } from './helpers.js';

afterEach(() => {
  for (const el of document.querySelectorAll('partner-application')) el.remove();
  clearDrafts();
});

describe('<partner-application> states', () => {
  it('loading: a busy box, accessible', async () => {
    const { client } = applicationClient({ faults: [{ mode: 'slow', delayMs: Infinity, match: /application-form/ }] });
    const el = mount(client);
    await until(() => el.shadowRoot?.querySelector('[aria-busy="true"]'), 'loading');
    await expect(el).to.be.accessible();
  });

  it('error: says the form could not be loaded, and a retry loads it', async () => {
    const { client } = applicationClient({ faults: [{ mode: 'error', status: 503, match: /application-form/, times: 1 }] });
    const el = await formElement(client);
    expect(text(part(el, 'error'))).to.contain('The application form could not be loaded');
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await until(() => part(el, 'form'), 'the form after retry');
  });

  it('no client: without a publishable key and base URL it says how to connect', async () => {
    const el = await formElement(undefined);
    expect(part(el, 'no-client')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('the first step: four steps with the current one marked, the offered partner types with the programme\'s descriptions', async () => {
    const { client } = applicationClient();
    const el = await formElement(client);
    const steps = parts(el, 'step');
    expect(steps.map(text)).to.deep.equal(['1 Company', '2 Contact', '3 Capabilities and questions', '4 Check and send']);
    expect(steps[0]!.getAttribute('aria-current')).to.equal('step');
    expect(text($(el, '.step-title'))).to.equal('Step 1 of 4: Company');
    const types = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="partnerType"]')].map((r) => r.value);
    expect(types).to.deep.equal(['reseller', 'system_integrator', 'distributor', 'technology', 'referral']);
    expect(text(part(el, 'form'))).to.contain('You resell our products to your own customers.');
    expect(part(el, 'back-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<partner-application> steps', () => {
  it('Next on a blank step lists what to fix, focused, each on its field; fixing a field clears its message', async () => {
    const { client } = applicationClient();
    const el = await formElement(client);
    await advance(el);
    const summary = part(el, 'error-summary')!;
    expect(summary).not.to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect([...summary.querySelectorAll('li')].map(text)).to.deep.equal(['Partner type: Choose one.', 'Company name: This is required.', 'Country: Choose one.', 'Number of employees: Choose one.']);
    expect($(el, '#f-companyName')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-companyName')!.getAttribute('aria-describedby')).to.equal('e-companyName');
    await expect(el).to.be.accessible();
    summary.querySelectorAll('a')[1]!.click();
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#f-companyName'));
    await fill(el, { companyName: 'Sao Mai' });
    expect($(el, '#e-companyName')).to.equal(null);
    expect(el.application.step).to.equal('company');
  });

  it('the checks load on demand: Next before they are in says Checking…, then checks, keeping what was typed', async () => {
    const { client } = applicationClient();
    const el = await formElement(client);
    // Typed without entering the form (no focus, no input event): the checks' code is not asked for yet.
    const name = $<HTMLInputElement>(el, '#f-companyName')!;
    name.value = 'Sao Mai';
    el.application.values = { ...el.application.values, companyName: 'Sao Mai' };
    part<HTMLButtonElement>(el, 'next-button')!.click();
    expect(el.application.checking).to.equal(true);
    await el.updateComplete;
    expect(el.application.checking).to.equal(false);
    expect([...part(el, 'error-summary')!.querySelectorAll('li')].map(text)).to.deep.equal(['Partner type: Choose one.', 'Country: Choose one.', 'Number of employees: Choose one.']);
    expect($<HTMLInputElement>(el, '#f-companyName')!.value).to.equal('Sao Mai');
    expect(text(part(el, 'next-button'))).to.equal('Next');
  });

  it('the questions come in when their step opens (their code loads then), the answers so far intact', async () => {
    const { client } = applicationClient();
    const el = await formElement(client);
    await fill(el, VALID.company);
    await advance(el);
    await fill(el, VALID.contact);
    el.application.goTo('capabilities');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[data-question]').length).to.be.greaterThan(0);
    el.application.goTo('company');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#f-companyName')!.value).to.equal(VALID.company.companyName);
  });

  it('checks values by the contract: a bad website, year, email and market say how to type them', async () => {
    const { client } = applicationClient();
    const el = await formElement(client);
    await fill(el, { ...VALID.company, website: 'https://', foundedYear: '12' });
    await advance(el);
    expect(text($(el, '#e-website'))).to.equal('Enter a web address such as https://example.com.');
    expect(text($(el, '#e-foundedYear'))).to.equal('Enter a year from 1800 to 2100.');
    await fill(el, { website: 'saomai.vn', foundedYear: '2012' });
    await advance(el);
    await fill(el, { contactName: 'Mai', email: 'mai@' });
    await advance(el);
    expect(text($(el, '#e-email'))).to.equal('Enter an email address such as name@example.com.');
    await fill(el, { email: 'mai@saomai.vn' });
    await advance(el);
    await fill(el, { ...VALID.capabilities, markets: 'Vietnam', 'q:q_plan': '' });
    await advance(el);
    expect(text($(el, '#e-markets'))).to.equal('Enter two-letter country codes such as VN, separated by commas.');
    expect(text($(el, '#e-q-q_plan'))).to.equal('This is required.');
    expect(el.application.step).to.equal('capabilities');
  });

  it('asks only the questions of the chosen partner type', async () => {
    const { client } = applicationClient();
    const el = await formElement(client);
    await fill(el, { ...VALID.company, partnerType: 'technology' });
    await advance(el);
    await fill(el, VALID.contact);
    await advance(el);
    const asked = () => parts(el, 'question').map((q) => q.dataset.question);
    expect(asked()).to.deep.equal(['q_segment', 'q_revenue', 'q_competitor', 'q_plan']);
    part<HTMLButtonElement>(el, 'back-button')!.click();
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'back-button')!.click();
    await el.updateComplete;
    await fill(el, { partnerType: 'reseller' });
    await advance(el);
    await advance(el);
    expect(asked()).to.deep.equal(['q_segment', 'q_services', 'q_revenue', 'q_competitor', 'q_plan']);
  });

  it('the last step shows every answer with a Change button per step, and the consent is required', async () => {
    const { client } = applicationClient();
    const el = await formElement(client);
    await fillValid(el);
    const rows = [...el.shadowRoot!.querySelectorAll('.recap__row')].map((row) => `${text(row.querySelector('dt'))} = ${text(row.querySelector('dd'))}`);
    expect(rows).to.include.members([
      'Partner type = Reseller',
      'Company name = Sao Mai Solutions',
      'Website = saomai.vn',
      'Country = Vietnam',
      'Number of employees = 11-50 employees',
      'Industries = Not given',
      'Which customers do you mostly sell to? = Small businesses',
      'Which services do you offer around the products you sell? = Not given',
      'Do you sell a competing product today? = No',
    ]);
    await expect(el).to.be.accessible();
    await advance(el);
    expect(text(part(el, 'error-summary'))).to.contain('Consent: Tick the box to agree');
    const change = parts<HTMLButtonElement>(el, 'change-button');
    expect(change.map(text)).to.deep.equal(['Change: Company', 'Change: Contact', 'Change: Capabilities and questions']);
    change[1]!.click();
    await el.updateComplete;
    expect(el.application.step).to.equal('contact');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.step-title'));
    expect(($(el, '#f-email') as HTMLInputElement).value).to.equal(VALID.contact.email);
  });
});

describe('<partner-application> sending', () => {
  it('sends the application with the form token, an empty honeypot and one idempotency key; the confirmation has the number', async () => {
    const sent: Request[] = [];
    const { client, backend } = applicationClient({ onRequest: (r) => r.method === 'POST' && sent.push(r) });
    const el = await formElement(client);
    const events: string[] = [];
    el.addEventListener('pk-application-submit', (e) => events.push(`submit ${e.detail.data.input.company.name}`));
    el.addEventListener('pk-application-submitted', (e) => events.push(`submitted ${e.detail.data.number}`));
    await fillValid(el);
    await fill(el, { consent: true });
    await advance(el);
    await until(() => part(el, 'success'), 'the confirmation');
    const number = /APP-\d{6}/.exec(text(part(el, 'success')))?.[0];
    expect(number).to.be.a('string');
    expect(text(part(el, 'success'))).to.contain(`Your application number is ${number}.`);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'success'));
    expect(events).to.deep.equal(['submit Sao Mai Solutions', `submitted ${number}`]);
    await expect(el).to.be.accessible();
    expect(sent).to.have.length(1);
    const body = (await sent[0]!.clone().json()) as Record<string, unknown>;
    expect(body.formToken).to.be.a('string');
    expect(body.honeypot).to.equal('');
    expect(body.consent).to.equal(true);
    expect(body.locale).to.equal('en');
    expect(sent[0]!.headers.get('idempotency-key')).to.match(/^[\x21-\x7E]{8,}$/);
    const stored = await applicationsOf(backend, 'Sao Mai Solutions');
    expect(stored.map((a) => a.number)).to.deep.equal([number]);
    expect(stored[0]!.company).to.include({ website: 'https://saomai.vn', country: 'VN', size: '11-50', foundedYear: 2012 });
    expect(stored[0]!.capabilities).to.include({ technicalStaff: 14 });
    expect(stored[0]!.capabilities.markets).to.deep.equal(['VN', 'KH']);
    expect(stored[0]!.answers).to.deep.equal({ q_segment: 'smb', q_competitor: false, q_plan: 'Two campaigns and a pilot with three customers.' });
    expect(localStorage.getItem('partnerkit:partner-application:default:test')).to.equal(null, 'the draft is gone once sent');
    part<HTMLButtonElement>(el, 'start-over')!.click();
    await until(() => part(el, 'form') && el.application.step === 'company', 'a new form');
    expect(($(el, '#f-companyName') as HTMLInputElement).value).to.equal('');
  });

  it('a cancelled pk-application-submit sends nothing and keeps the form', async () => {
    const sent: Request[] = [];
    const { client } = applicationClient({ onRequest: (r) => r.method === 'POST' && sent.push(r) });
    const el = await formElement(client);
    el.addEventListener('pk-application-submit', (e) => e.preventDefault());
    await fillValid(el);
    await fill(el, { consent: true });
    await advance(el);
    expect(sent).to.have.length(0);
    expect(part(el, 'form')).not.to.equal(null);
  });

  it('an answer lost on the way: the error keeps the form, and Try again sends the same key, making one application', async () => {
    const { client, backend } = applicationClient({ faults: [{ mode: 'offline', lost: 'answer', match: 'POST /v1/applications', times: 1 }] });
    const el = await formElement(client);
    await fillValid(el, 'Lost Answer Co');
    await fill(el, { consent: true });
    await advance(el);
    await until(() => part(el, 'send-error'), 'the send error');
    expect(text(part(el, 'send-error'))).to.contain('Your application was not sent').and.to.contain('Your answers are kept on this device.');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'send-error'));
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'retry-send')!.click();
    await until(() => part(el, 'success'), 'the confirmation');
    expect(await applicationsOf(backend, 'Lost Answer Co')).to.have.length(1);
  });

  it('sent sooner than the backend\'s minimum fill time: says so, takes a new form token, and sends on the next try', async () => {
    const { client, backend } = applicationClient({ minFormFillMs: 60_000 });
    const el = await formElement(client);
    await fillValid(el, 'Quick Hands Ltd');
    await fill(el, { consent: true });
    const firstToken = el.application.form!.formToken;
    await advance(el);
    await until(() => part(el, 'send-error'), 'the refusal');
    expect(text(part(el, 'send-error'))).to.contain('The form was sent very soon after it opened');
    await until(() => el.application.form?.formToken !== firstToken, 'a new form token');
    expect(part(el, 'form'), 'the form stays').not.to.equal(null);
    await backend.clock.advance(60_000);
    await advance(el);
    await until(() => part(el, 'success'), 'the confirmation');
    expect(await applicationsOf(backend, 'Quick Hands Ltd')).to.have.length(1);
  });

  it('a value the backend refuses shows on its field, on its step', async () => {
    const { client } = applicationClient({
      faults: [
        {
          mode: 'respond',
          match: 'POST /v1/applications',
          respond: async () =>
            new Response(JSON.stringify({ type: 'about:blank', title: 'Invalid', status: 400, code: 'validation_failed', detail: 'company.name: is taken', errors: [{ path: 'company.name', message: 'is taken' }] }), {
              status: 400,
              headers: { 'content-type': 'application/problem+json' },
            }),
        },
      ],
    });
    const el = await formElement(client);
    await fillValid(el);
    await fill(el, { consent: true });
    await advance(el);
    await until(() => el.application.step === 'company', 'the company step');
    expect(text($(el, '#e-companyName'))).to.equal('Check this value.');
    expect(($(el, '#f-companyName') as HTMLInputElement).value).to.equal(VALID.company.companyName);
  });
});

describe('<partner-application> drafts', () => {
  it('what was typed, and the step, come back after a reload', async () => {
    const { client } = applicationClient();
    const el = await formElement(client);
    await fill(el, { ...VALID.company });
    await advance(el);
    await fill(el, { contactName: 'Trần Thị Mai' });
    el.remove();
    const again = await formElement(client);
    expect(again.application.step).to.equal('contact');
    expect(($(again, '#f-contactName') as HTMLInputElement).value).to.equal('Trần Thị Mai');
    expect(text(part(again, 'restored'))).to.equal('Your unsent application was restored.');
    await expect(again).to.be.accessible();
    part<HTMLButtonElement>(again, 'back-button')!.click();
    await again.updateComplete;
    expect(($(again, '#f-companyName') as HTMLInputElement).value).to.equal(VALID.company.companyName);
    expect(($(again, 'input[value="reseller"]') as HTMLInputElement).checked).to.equal(true);
  });

  it('a corrupt saved draft is ignored, never thrown at the person', async () => {
    localStorage.setItem('partnerkit:partner-application:default:test', '{not json');
    const { client } = applicationClient();
    const el = await formElement(client);
    expect(el.application.step).to.equal('company');
    expect(part(el, 'restored')).to.equal(null);
  });
});

describe('<partner-application> in Vietnamese', () => {
  it('the form, the programme\'s partner types and questions, and the messages in Vietnamese', async () => {
    const { client } = applicationClient();
    const el = await formElement(client, { lang: 'vi' });
    await until(() => text($(el, '.step-title')) === 'Bước 1/4: Công ty', 'Vietnamese');
    expect(text(part(el, 'form'))).to.contain('Bạn bán lại sản phẩm của chúng tôi cho khách hàng của mình.');
    expect(text(part(el, 'form'))).to.contain('Đại lý bán lại');
    await advance(el);
    expect(text(part(el, 'error-summary'))).to.contain('Tên công ty: Trường này là bắt buộc.');
    await expect(el).to.be.accessible();
    await fill(el, VALID.company);
    await advance(el);
    await fill(el, VALID.contact);
    await advance(el);
    expect(text(part(el, 'form'))).to.contain('Bạn chủ yếu bán cho nhóm khách hàng nào?');
    expect(text(part(el, 'form'))).to.contain('Doanh nghiệp nhỏ');
    await fill(el, { ...VALID.capabilities, 'q:q_revenue': '1.250.000' });
    await advance(el);
    expect(text(parts(el, 'recap')[0])).to.contain('Việt Nam');
    expect(text(part(el, 'consent'))).to.contain('Tôi đồng ý để nhà cung cấp lưu trữ');
    await expect(el).to.be.accessible();
  });

  it('numbers are read as the reader writes them: 1.250.000 in Vietnamese is a million and a quarter', async () => {
    const sent: Request[] = [];
    const { client } = applicationClient({ onRequest: (r) => r.method === 'POST' && sent.push(r) });
    const el = await formElement(client, { lang: 'vi' });
    await until(() => text($(el, '.step-title')).startsWith('Bước'), 'Vietnamese');
    await fill(el, VALID.company);
    await advance(el);
    await fill(el, VALID.contact);
    await advance(el);
    await fill(el, { ...VALID.capabilities, 'q:q_revenue': '1.250.000' });
    await advance(el);
    await fill(el, { consent: true });
    await advance(el);
    await until(() => part(el, 'success'), 'the confirmation');
    expect(text(part(el, 'success'))).to.contain('Mã hồ sơ ứng tuyển của bạn là APP-');
    const body = (await sent[0]!.clone().json()) as { answers: Record<string, unknown>; locale: string };
    expect(body.answers.q_revenue).to.equal(1_250_000);
    expect(body.locale).to.equal('vi');
  });
});

describe('<partner-application> and hostile text', () => {
  it('injection strings and a sample of the BLNS stay text on the last step and reach the backend as typed', async () => {
    const blns = await naughtyStrings();
    const samples = [...INJECTIONS.slice(0, 5), ...blns.filter((_, i) => i % 97 === 5)].map((s) => fits(s, 190));
    const { client, backend } = applicationClient();
    for (const [i, company] of samples.entries()) {
      const el = await formElement(client, { 'draft-key': `blns-${i}` });
      await fillValid(el, company);
      await fill(el, { consent: true });
      const recap = parts(el, 'recap')[0]!;
      expect(recap.querySelectorAll('script, img, iframe, svg, a, b, i')).to.have.length(0);
      expect(recap.querySelectorAll('dd')[1]!.textContent, `shown as typed: ${JSON.stringify(company)}`).to.equal(company);
      await advance(el);
      await until(() => part(el, 'success') || part(el, 'send-error'), 'an answer');
      expect(part(el, 'success'), `sent ${JSON.stringify(company)}`).not.to.equal(null);
      el.remove();
    }
    expect(await applicationsOf(backend, samples[0]!)).to.have.length(1);
  });
});
