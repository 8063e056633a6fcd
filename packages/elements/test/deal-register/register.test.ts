/**
 * The Register view against the stub backend: required marks, validation messages in both
 * languages (on blur and on submit), the error summary, pasted junk, the pre-check, success,
 * conflicts, failures and the events' envelopes.
 */
import { expect, oneEvent } from '@open-wc/testing';
import * as z from 'zod/mini';
import { EventEnvelope } from '@partnerkit/core/schemas';
import { problems } from '@partnerkit/core/schemas';
import { dealBackend } from '../../../../stories/deal-register/backend.js';
import { PARTNER_ID } from '../../../../stories/deal-register/fixtures.js';
import { $, $$, blur, choose, clearStorage, fieldError, fillValid, leave, mount, part, submit, text, type, until } from './helpers.js';

const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<deal-register> Register', () => {
  beforeEach(clearStorage);
  afterEach(clearStorage);

  it('marks the required fields visually and for assistive technology', async () => {
    const el = await mount(dealBackend().client, { partnerId: PARTNER_ID });
    const company = $<HTMLInputElement>(el, '#f-company')!;
    expect(company.getAttribute('aria-required')).to.equal('true');
    expect(text($(el, 'label[for="f-company"]'))).to.equal('Company name *');
    expect($(el, 'label[for="f-company"] .req')!.getAttribute('aria-hidden')).to.equal('true');
    const group = $(el, '[role="radiogroup"]')!;
    expect(group.getAttribute('aria-required')).to.equal('true');
    expect(text(group.querySelector('legend'))).to.equal('Registration type *');
    // Optional fields are not marked.
    expect($(el, '#f-email')!.hasAttribute('aria-required')).to.equal(false);
    expect(text(el.shadowRoot!)).to.contain('Fields marked * are required.');
    await expect(el).to.be.accessible();
  });

  it('validates a field when the person leaves it, in English, saying how to fix it', async () => {
    const el = await mount(dealBackend().client, { partnerId: PARTNER_ID });
    await type(el, 'company', '   ');
    expect(fieldError(el, 'company'), 'not before leaving the field').to.equal('');
    await blur(el, 'company');
    expect(fieldError(el, 'company')).to.equal("Enter the customer's company name.");
    expect($(el, '#f-company')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-company')!.getAttribute('aria-describedby')).to.equal('e-company');

    expect(await leave(el, 'email', 'lan@')).to.equal('Enter an email address such as name@example.com.');
    expect(await leave(el, 'phone', 'call me')).to.equal('Enter 4 to 32 digits, spaces or + ( ) . - only, such as +84 28 1234 5678.');
    expect(await leave(el, 'amount', '1234,56')).to.equal('Enter the amount as a number, such as 12,500.50.');
    await type(el, 'amount', '12.345');
    expect(fieldError(el, 'amount')).to.equal('Use at most 2 decimal places for USD.');
    await expect(el).to.be.accessible();

    // Fixing a value clears its message as the person types.
    await type(el, 'company', 'Contoso');
    expect(fieldError(el, 'company')).to.equal('');
    await type(el, 'amount', '12,500.50');
    expect(fieldError(el, 'amount')).to.equal('');
  });

  it('writes the same messages in Vietnamese, numbers included', async () => {
    const el = await mount(dealBackend().client, { partnerId: PARTNER_ID, lang: 'vi' });
    expect($<HTMLSelectElement>(el, '#f-currency')!.value, 'Vietnamese forms start in VND').to.equal('VND');
    expect(await leave(el, 'company', '')).to.equal('Nhập tên công ty của khách hàng.');
    expect(await leave(el, 'email', 'lan@')).to.equal('Nhập địa chỉ email, ví dụ ten@example.com.');
    expect(await leave(el, 'amount', '1,5')).to.equal('VND không có phần lẻ: hãy nhập số nguyên.');
    await type(el, 'amount', 'mười triệu');
    expect(fieldError(el, 'amount')).to.equal('Nhập giá trị là một số, ví dụ 12.500.');
    expect(await leave(el, 'description', 'x'.repeat(5001))).to.equal('Rút gọn còn tối đa 5.000 ký tự; hiện có 5.001.');
    await submit(el);
    expect(text(part(el, 'error-summary')!.querySelector('p'))).to.equal('Có 5 lỗi cần sửa trước khi đăng ký:');
    expect(text($(el, '#e-type'))).to.equal('Chọn bán lại, giới thiệu hoặc đồng bán.');
    await expect(el).to.be.accessible();
  });

  it('follows a language change at run time, keeping what was typed', async () => {
    const el = await mount(dealBackend().client, { partnerId: PARTNER_ID });
    await type(el, 'company', 'Công ty Bình Minh');
    await blur(el, 'email');
    el.lang = 'vi';
    await el.updateComplete;
    expect(text($(el, '#tab-register'))).to.equal('Đăng ký');
    expect(text($(el, 'label[for="f-company"]'))).to.equal('Tên công ty *');
    expect($<HTMLInputElement>(el, '#f-company')!.value).to.equal('Công ty Bình Minh');
    el.lang = 'en';
    await el.updateComplete;
    expect(text($(el, '#tab-register'))).to.equal('Register');
  });

  it('reads amounts typed in the element language into minor units', async () => {
    const stub = dealBackend();
    const el = await mount(stub.client, { partnerId: PARTNER_ID, lang: 'vi' });
    await fillValid(el);
    await type(el, 'amount', '2.500.000.000');
    await submit(el);
    await until(el, () => part(el, 'success'), 'no success');
    expect((stub.registrations[0]!.body as { amount: unknown }).amount).to.deep.equal({ amount: 2_500_000_000, currency: 'VND' });

    const stub2 = dealBackend();
    const en = await mount(stub2.client, { partnerId: PARTNER_ID, currency: 'USD' });
    await fillValid(en, 'Contoso Two', 'contoso2.example');
    await type(en, 'amount', '12,500.5');
    await submit(en);
    await until(en, () => part(en, 'success'), 'no success');
    expect((stub2.registrations[0]!.body as { amount: unknown }).amount).to.deep.equal({ amount: 1_250_050, currency: 'USD' });
  });

  it('on submit, lists every problem in a summary that takes focus and links to each field; nothing is sent', async () => {
    const stub = dealBackend();
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    await type(el, 'email', 'not an email');
    await submit(el);
    const summary = part(el, 'error-summary')!;
    expect(active(el)).to.equal(summary);
    expect(text(summary.querySelector('p'))).to.equal('There are 3 problems to fix before registering:');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => text(a))).to.deep.equal([
      "Company name: Enter the customer's company name.",
      'Email: Enter an email address such as name@example.com.',
      'Registration type: Choose resell, referral or co-sell.',
    ]);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#f-company', '#f-email', '#f-type']);
    links[1]!.click();
    expect(active(el)).to.equal($(el, '#f-email'));
    links[2]!.click();
    expect(active(el)).to.equal($(el, '[name="type"]'));
    expect(stub.registrations).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('keeps pasted junk as text: 10,000 characters get a message, never a silent cut', async () => {
    const stub = dealBackend();
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    await type(el, 'company', 'A'.repeat(10_000));
    await blur(el, 'company');
    expect($<HTMLInputElement>(el, '#f-company')!.value).to.have.length(10_000);
    expect(fieldError(el, 'company')).to.equal('Shorten this to at most 200 characters; it has 10,000.');
    expect(await leave(el, 'products', `Cloud\n${'p'.repeat(201)}\n\nSupport`)).to.equal('Shorten line 2 to at most 200 characters; it has 201.');
    await type(el, 'products', Array.from({ length: 51 }, (_, i) => `Product ${i}`).join('\n'));
    expect(fieldError(el, 'products')).to.equal('List at most 50 products (there are 51); combine related ones.');
    await submit(el);
    expect(stub.registrations).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('sends scripts, emoji and right-to-left text as text, exactly as typed (trimmed)', async () => {
    const stub = dealBackend();
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    const script = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
    const rtl = 'شركة الأفق 🚀';
    await type(el, 'company', `  ${rtl}  `);
    await type(el, 'description', script);
    await type(el, 'industry', '🏭 Sản xuất');
    await choose(el, 'co_sell');
    expect($(el, '#f-company')!.getAttribute('dir')).to.equal('auto');
    await submit(el);
    await until(el, () => part(el, 'success'), 'no success');
    const body = stub.registrations[0]!.body as { customer: { company: string; industry: string }; description: string; type: string };
    expect(body.customer.company).to.equal(rtl);
    expect(body.description).to.equal(script);
    expect(body.customer.industry).to.equal('🏭 Sản xuất');
    expect(body.type).to.equal('co_sell');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
  });

  it('marks an unchosen registration type beside its choices, never through its legend', async () => {
    const el = await mount(dealBackend().client, { partnerId: PARTNER_ID });
    await type(el, 'company', 'Contoso Ltd');
    await submit(el);
    const group = $(el, '[role="radiogroup"]')!;
    expect(group.getAttribute('aria-invalid')).to.equal('true');
    const style = getComputedStyle(group);
    // The legend sits on the group's top edge: a ring or border there would strike through it.
    expect(style.boxShadow).to.equal('none');
    expect(style.borderTopWidth).to.equal('0px');
    const choices = getComputedStyle(group.querySelector('.choices')!);
    expect(choices.borderInlineStartWidth).to.equal('3px');
    expect(choices.borderInlineStartColor).to.equal(getComputedStyle(group.querySelector('.error')!).color);
  });

  describe('pre-check', () => {
    it('asks once per pause in typing, aborts superseded questions, and announces the answer politely', async () => {
      const checks: Request[] = [];
      const stub = dealBackend({ onRequest: (r) => r.url.endsWith('/deals/check') && checks.push(r) });
      const el = await mount(stub.client, { partnerId: PARTNER_ID });
      const status = part(el, 'precheck')!;
      expect(status.getAttribute('role')).to.equal('status');
      await type(el, 'company', 'C');
      await type(el, 'company', 'Co');
      await type(el, 'company', 'Contoso');
      await until(el, () => text(status) === 'Looks available: no active registration was found for this customer.', 'no answer');
      expect(checks, 'one question for one pause').to.have.length(1);
      expect(await checks[0]!.json()).to.deep.equal({ customer: { company: 'Contoso' } });
      await expect(el).to.be.accessible();
    });

    it('aborts a running check when the person types on', async () => {
      const signals: AbortSignal[] = [];
      const stub = dealBackend({
        onRequest: (r) => r.url.endsWith('/deals/check') && signals.push(r.signal),
        // The first question hangs until it is aborted.
        faults: [{ mode: 'slow', delayMs: Infinity, match: 'POST /v1/deals/check', times: 1 }],
      });
      const el = await mount(stub.client, { partnerId: PARTNER_ID });
      await type(el, 'company', 'Wayne');
      await until(el, () => signals.length === 1, 'the first check did not start');
      expect(text(part(el, 'precheck'))).to.equal('Checking whether this customer is free…');
      await type(el, 'company', 'Wayne Enterprises');
      expect(signals[0]!.aborted, 'superseded check aborted').to.equal(true);
      await type(el, 'domain', 'wayne.com');
      await until(el, () => text(part(el, 'precheck')).startsWith('Already'), 'no answer');
      expect(text(part(el, 'precheck'))).to.equal('Already registered: this customer has an active registration.');
    });

    it('says "already registered" as a reason only, never who holds the customer', async () => {
      const el = await mount(dealBackend().client, { partnerId: PARTNER_ID, lang: 'vi' });
      await type(el, 'company', 'Wayne Enterprises');
      await type(el, 'domain', 'https://www.wayne.com/about');
      await until(el, () => text(part(el, 'precheck')).startsWith('Đã'), 'no answer');
      const said = text(part(el, 'precheck'));
      expect(said).to.equal('Đã được đăng ký: khách hàng này đang có một đăng ký hiệu lực.');
      expect(said).not.to.match(/hanoi|p_|DR-/i);
      await expect(el).to.be.accessible();
    });

    it('recognises the partner\'s own registration', async () => {
      const el = await mount(dealBackend().client, { partnerId: PARTNER_ID });
      await type(el, 'company', 'Acme Corporation');
      await type(el, 'domain', 'acme.com');
      await until(el, () => text(part(el, 'precheck')).startsWith('You'), 'no answer');
      expect(text(part(el, 'precheck'))).to.equal('You have already registered this customer.');
    });
  });

  it('registers: events with the contract envelope, the deal number, status and protection, focus on the result', async () => {
    const stub = dealBackend();
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    await fillValid(el);
    await type(el, 'contactName', 'Phạm Quốc Bảo');
    await type(el, 'email', 'bao@contoso.example');
    await type(el, 'closeDate', '2026-12-31');
    await type(el, 'country', 'VN');
    const submitted = oneEvent(el, 'pk-deal-submitted');
    const submitting = oneEvent(el, 'pk-deal-submit');
    await submit(el);
    const submitEvent = await submitting;
    expect(submitEvent.cancelable && submitEvent.bubbles && submitEvent.composed).to.equal(true);
    expect(z.safeParse(EventEnvelope, submitEvent.detail).success).to.equal(true);
    expect(submitEvent.detail.type).to.equal('deal.submit_requested');
    expect(submitEvent.detail.partnerId).to.equal(PARTNER_ID);
    expect(submitEvent.detail.data.input.customer).to.deep.equal({ company: 'Contoso Ltd', domain: 'contoso.example', country: 'VN' });

    const event = await submitted;
    expect(z.safeParse(EventEnvelope, event.detail).success).to.equal(true);
    expect(event.detail.type).to.equal('deal.submitted');
    expect(event.detail.data.deal.number).to.match(/^DR-/);
    await until(el, () => part(el, 'success'), 'no success');
    const success = part(el, 'success')!;
    expect(text(success)).to.contain(`Contoso Ltd is registered: deal ${event.detail.data.deal.number}`);
    expect(text(success)).to.contain('Status Submitted');
    expect(text(success)).to.contain('Protection starts when the vendor approves the registration.');
    expect(active(el)).to.equal(success);
    expect(stub.registrations).to.have.length(1);
    expect(stub.registrations[0]!.key).to.equal(submitEvent.detail.data.idempotencyKey);
    expect(stub.registrations[0]!.body).to.deep.equal({
      type: 'resell',
      customer: { company: 'Contoso Ltd', domain: 'contoso.example', country: 'VN' },
      contact: { name: 'Phạm Quốc Bảo', email: 'bao@contoso.example' },
      expectedCloseDate: '2026-12-31',
    });
    await expect(el).to.be.accessible();

    // "Register another" starts a blank form with focus on its first field.
    (success.querySelector('button') as HTMLButtonElement).click();
    await el.updateComplete;
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#f-company')!.value).to.equal('');
    expect(active(el)).to.equal($(el, '#f-company'));
  });

  it('shows the protection window when the backend answers with one', async () => {
    const expiresAt = new Date(Date.now() + 12 * 86_400_000 + 60_000).toISOString();
    // A backend that approves registrations at once (auto-approval), with 12 days of protection.
    const stub = dealBackend({
      faults: [
        {
          mode: 'respond',
          match: 'POST /v1/deals',
          respond: async (_r, answer) => Response.json({ ...((await answer.json()) as object), status: 'approved', approvedAt: new Date().toISOString(), expiresAt }, { status: 201 }),
        },
      ],
    });
    const el = await mount(stub.client, { partnerId: PARTNER_ID, lang: 'vi' });
    await fillValid(el);
    await submit(el);
    await until(el, () => part(el, 'success'), 'no success');
    expect(text(part(el, 'success'))).to.contain('hết hạn sau 12 ngày nữa');
  });

  it('pk-deal-submit can be cancelled: nothing is sent and the form stays', async () => {
    const stub = dealBackend();
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    el.addEventListener('pk-deal-submit', (e) => e.preventDefault());
    await fillValid(el);
    await submit(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(stub.registrations).to.have.length(0);
    expect($<HTMLInputElement>(el, '#f-company')!.value).to.equal('Contoso Ltd');
  });

  it('a conflict shows the reason, keeps the form and dispatches pk-deal-conflict', async () => {
    const stub = dealBackend();
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    await fillValid(el, 'Wayne Enterprises', 'wayne.com');
    const conflict = oneEvent(el, 'pk-deal-conflict');
    await submit(el);
    const event = await conflict;
    expect(event.detail.type).to.equal('deal.conflict');
    expect(event.detail.data.reason).to.equal('already_registered');
    expect(z.safeParse(EventEnvelope, event.detail).success).to.equal(true);
    await until(el, () => part(el, 'conflict'), 'no conflict banner');
    expect(text(part(el, 'conflict'))).to.contain('Another registration for this customer is already active. Your form is kept');
    expect(text(part(el, 'conflict'))).not.to.match(/hanoi|DR-000202/i);
    expect(active(el)).to.equal(part(el, 'conflict'));
    expect($<HTMLInputElement>(el, '#f-company')!.value).to.equal('Wayne Enterprises');
    expect(localStorage.getItem(`partnerkit:deal-register:${PARTNER_ID}:default`)).to.contain('Wayne Enterprises');
    await expect(el).to.be.accessible();
  });

  it('a response that breaks the contract shows an error with retry and keeps the draft', async () => {
    let broken = true;
    const keys: (string | null)[] = [];
    const stub = dealBackend({
      onRequest: (r) => r.method === 'POST' && r.url.endsWith('/v1/deals') && keys.push(r.headers.get('idempotency-key')),
      faults: [{ mode: 'respond', match: (r, path) => broken && r.method === 'POST' && path === '/v1/deals', respond: () => Response.json({ id: 'd_x', number: 42 }, { status: 201 }) }],
    });
    const errors: Event[] = [];
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    el.addEventListener('pk-error', (e) => errors.push(e));
    await fillValid(el);
    await submit(el);
    await until(el, () => el.shadowRoot!.textContent!.includes('Your registration was not sent'), 'no error');
    expect(text(el.shadowRoot!)).to.contain('The PartnerKit service sent an answer this page cannot read. Everything you typed is kept.');
    expect(errors).to.have.length(1);
    expect($<HTMLInputElement>(el, '#f-company')!.value).to.equal('Contoso Ltd');
    await expect(el).to.be.accessible();
    broken = false;
    const retry = $$<HTMLButtonElement>(el, '.banner button').find((b) => text(b) === 'Try again')!;
    retry.click();
    await until(el, () => part(el, 'success'), 'retry did not register');
    expect(keys).to.have.length(2);
    expect(keys[1], 'the retry reused the draft key').to.equal(keys[0]);
    // The backend had registered the first attempt (its answer was broken on the way): the retry replays it.
    expect(stub.deals.filter((d) => d.customer.company === 'Contoso Ltd')).to.have.length(1);
  });

  it('a validation problem from the backend lands on its field', async () => {
    const stub = dealBackend({
      faults: [{ mode: 'error', match: 'POST /v1/deals', problem: problems.validation([{ path: 'customer.domain', message: 'must be a domain name' }]) }],
    });
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    await fillValid(el);
    await submit(el);
    await until(el, () => part(el, 'error-summary'), 'no summary');
    expect(fieldError(el, 'domain')).to.equal('The server did not accept this value: must be a domain name');
    expect(active(el)).to.equal(part(el, 'error-summary'));
  });

  it('while sending: the button says so, the form is locked, and the state is accessible (light and dark)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      clearStorage();
      const stub = dealBackend({ latency: 10_000 });
      const el = await mount(stub.client, { partnerId: PARTNER_ID });
      el.theme = theme;
      await fillValid(el);
      await submit(el);
      expect(text(part(el, 'submit-button'))).to.equal('Registering…');
      expect($<HTMLFieldSetElement>(el, 'fieldset.stack')!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
    }
  });

  it('every banner passes axe in the dark theme too', async () => {
    const stub = dealBackend();
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    el.theme = 'dark';
    await submit(el);
    await expect(el).to.be.accessible();
    await fillValid(el, 'Wayne Enterprises', 'wayne.com');
    await until(el, () => text(part(el, 'precheck')).startsWith('Already'), 'no pre-check');
    await expect(el).to.be.accessible();
    await submit(el);
    await until(el, () => part(el, 'conflict'), 'no conflict');
    await expect(el).to.be.accessible();
    await type(el, 'company', 'Wayne Foundation');
    await type(el, 'domain', 'waynefoundation.org');
    await submit(el);
    await until(el, () => part(el, 'success'), 'no success');
    await expect(el).to.be.accessible();
  });

  it('a manager registers for the partner named by partner-id', async () => {
    const stub = dealBackend({ as: { role: 'manager' } });
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    await until(el, () => $$(el, '[role="tab"]').length === 2 && text($(el, '#tab-list')) === 'Review', 'no manager tabs');
    await fillValid(el);
    await submit(el);
    await until(el, () => part(el, 'success'), 'no success');
    expect((stub.registrations[0]!.body as { partnerId?: string }).partnerId).to.equal(PARTNER_ID);
  });
});
