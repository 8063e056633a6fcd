/**
 * `<partner-application>` against the reference server (@partnerkit/server over real HTTP) with
 * nothing but a publishable key and a base URL, as a vendor's public page has it: the admin API
 * sets the programme's form and makes a key for this page's origin; the widget loads the form,
 * and an application sent through it is in the pipeline with its answers, from the public form.
 * A key made for another origin is refused, and the widget says so and keeps the answers.
 */
import { expect } from '@open-wc/testing';
import { DEMO_APPLICATION_FORM } from '@partnerkit/core/demo';
// The form's key client is a provider; with npm the page defines it (the CDN loader would).
import '../../src/define/partnerkit-provider.js';
import { adminRequest, referenceServer } from '../platform/reference-server.js';
import { advance, clearDrafts, fill, fillValid, formElement, part, text, until } from './helpers.js';

const run = Math.random().toString(36).slice(2, 8);
let baseUrl = '';

async function admin<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const { status, body: answer } = await adminRequest<T>(method, path, body);
  if (status < 200 || status > 299) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(answer)}`);
  return answer;
}

async function publishableKey(origins: string[]): Promise<string> {
  return (await admin<{ key: string }>('POST', '/publishable-keys', { name: `Become a partner ${run}`, allowedOrigins: origins })).key;
}

before(async function () {
  this.timeout(90_000);
  ({ baseUrl } = await referenceServer());
  await admin('PUT', '/application-form', DEMO_APPLICATION_FORM);
});

afterEach(() => {
  for (const el of document.querySelectorAll('partner-application')) el.remove();
  clearDrafts();
});

describe('<partner-application> on the reference server', () => {
  it('a publishable key alone: the form loads, the application is sent, and vendor staff find it with its answers', async () => {
    const key = await publishableKey([location.origin]);
    const el = await formElement(undefined, { 'publishable-key': key, 'base-url': baseUrl, 'referral-code': `ref-${run}` });
    expect(part(el, 'form')).not.to.equal(null);
    const company = `Sao Mai ${run}`;
    await fillValid(el, company);
    await fill(el, { consent: true });
    await advance(el);
    await until(() => part(el, 'success') || part(el, 'send-error'), 'the answer', 15_000);
    expect(text(part(el, 'send-error'))).to.equal('');
    const number = /APP-\d{6}/.exec(text(part(el, 'success')))?.[0];
    expect(number).to.be.a('string');
    const found = await admin<{ data: { number: string; company: { name: string }; source: { channel: string; referralCode: string | null }; answers: Record<string, unknown>; status: string }[] }>('GET', `/applications?q=${encodeURIComponent(number!)}`);
    const application = found.data.find((a) => a.number === number);
    expect(application?.company.name).to.equal(company);
    expect(application?.status).to.equal('submitted');
    expect(application?.source).to.include({ channel: 'public_form', referralCode: `ref-${run}` });
    expect(application?.answers).to.deep.equal({ q_segment: 'smb', q_competitor: false, q_plan: 'Two campaigns and a pilot with three customers.' });
    await expect(el).to.be.accessible();
  });

  it('in Vietnamese: the programme\'s texts from the server, and the confirmation', async () => {
    const key = await publishableKey([location.origin]);
    const el = await formElement(undefined, { 'publishable-key': key, 'base-url': baseUrl, lang: 'vi', 'draft-key': 'vi' });
    await until(() => text(part(el, 'form')).includes('Bạn bán lại sản phẩm của chúng tôi'), 'Vietnamese');
    await fillValid(el, `Công ty Ánh Dương ${run}`);
    await fill(el, { consent: true });
    await advance(el);
    await until(() => part(el, 'success'), 'the confirmation', 15_000);
    expect(text(part(el, 'success'))).to.match(/Mã hồ sơ ứng tuyển của bạn là APP-\d{6}\./);
  });

  it('a key made for another origin: the application is refused, the reason shown, the answers kept', async () => {
    const key = await publishableKey(['https://elsewhere.example']);
    // A same-origin GET carries no Origin (as curl's does not): the form loads; the POST carries one.
    const el = await formElement(undefined, { 'publishable-key': key, 'base-url': baseUrl, 'draft-key': 'elsewhere' });
    await fillValid(el, `Elsewhere ${run}`);
    await fill(el, { consent: true });
    await advance(el);
    await until(() => part(el, 'send-error'), 'the refusal', 15_000);
    expect(text(part(el, 'send-error'))).to.contain('Your application was not sent').and.to.contain('Your answers are kept on this device.');
    expect(el.application.values.companyName).to.equal(`Elsewhere ${run}`);
    await expect(el).to.be.accessible();
  });
});
