/**
 * `<partner-plan>` on `@partnerkit/mock` (the demo programme's plans): every state, axe in each,
 * both languages, each side's actions (what it may do and what it may not), the keyboard, an
 * action that fails keeping what was typed, a plan changed meanwhile, and BLNS text inert.
 */
import { expect } from '@open-wc/testing';
import { currentPeriod } from '@partnerkit/core/rules';
import { planClient, PLAN_PARTNERS } from '../../../../stories/partner-plan/backend.js';
import type { PartnerPlan } from '../../src/partner-plan/partner-plan.js';
import { naughtyStrings } from '../reliability/payloads.js';
import { button, part, parts, planElement, settled, typeInto, until } from './helpers.js';

const period = currentPeriod('half', new Date());
const shadow = (el: PartnerPlan) => el.shadowRoot!;
const texts = (el: PartnerPlan, name: string) => parts(el, name).map((n) => n.textContent?.replace(/\s+/g, ' ').trim());

afterEach(() => {
  for (const el of document.querySelectorAll('partner-plan')) el.remove();
});

describe('<partner-plan> states', () => {
  it('loading: a busy box, accessible', async () => {
    const { client } = planClient({ faults: [{ mode: 'slow', delayMs: Infinity, match: /plans/ }] });
    const el = document.createElement('partner-plan');
    el.setAttribute('partner-id', PLAN_PARTNERS.agreedEn);
    el.setAttribute('period', period);
    el.client = client;
    document.body.append(el);
    await until(() => shadow(el).querySelector('[aria-busy="true"]'), 'loading');
    await expect(el).to.be.accessible();
  });

  it('error: the reason, a retry that loads the plan', async () => {
    const { client } = planClient({ faults: [{ mode: 'error', status: 503, match: /plans/, times: 1 }] });
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.agreedEn, period });
    expect(part(el, 'error')).not.to.equal(null);
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await until(() => part(el, 'plan'), 'the plan after retry');
    expect(part(el, 'status-badge')!.textContent?.trim()).to.equal('Agreed');
  });

  it('empty: a period without a plan says so, in both languages', async () => {
    const { client } = planClient();
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.agreedEn, period: '2031-H1' });
    expect(part(el, 'empty')!.textContent).to.contain('There is no plan for 2031-H1 yet.');
    await expect(el).to.be.accessible();
    el.lang = 'vi';
    await until(() => part(el, 'empty')?.textContent?.includes('Chưa có kế hoạch cho 2031-H1.'), 'Vietnamese');
  });

  it('data: status, revision, progress bars with values, owners, due dates, both sides\' activities and comments', async () => {
    const { client } = planClient();
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.agreedEn, period });
    expect(part(el, 'status-badge')!.textContent?.trim()).to.equal('Agreed');
    const bars = shadow(el).querySelectorAll('[role="progressbar"]');
    expect(bars.length).to.equal(5, 'the plan and its four objectives');
    for (const bar of bars) expect(Number(bar.getAttribute('aria-valuenow'))).to.be.within(0, 100);
    expect(parts(el, 'objective').length).to.equal(4);
    const first = parts(el, 'objective')[0]!;
    expect(first.textContent).to.match(/Owner: .+ \(Vendor\)/);
    expect(first.textContent).to.match(/Due [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(first.textContent).to.match(/Revenue: .* of the \$[\d,]+ target/);
    const sides = texts(el, 'activity').join(' ');
    expect(sides).to.contain('Vendor').and.to.contain('Partner');
    expect(texts(el, 'comment').length).to.be.greaterThan(0);
    expect(texts(el, 'agreements')[0]).to.match(/Vendor: agreed by .+Partner: agreed by/);
    await expect(el).to.be.accessible();
  });

  it('Vietnamese: the plan and the programme\'s KPI names in Vietnamese, numbers by Intl', async () => {
    const { client } = planClient();
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.agreedVi, period, lang: 'vi' });
    await until(() => part(el, 'status-badge')?.textContent?.trim() === 'Đã đồng ý', 'Vietnamese status');
    expect(shadow(el).querySelector('h2')!.textContent).to.match(/^Kế hoạch tăng trưởng/);
    expect(parts(el, 'objective')[0]!.textContent).to.match(/Doanh thu: .* trên chỉ tiêu [\d.]+\sUS\$/);
    expect(parts(el, 'objective')[0]!.textContent).to.contain('Người phụ trách');
    await expect(el).to.be.accessible();
  });
});

describe('<partner-plan> actions of the signed-in side', () => {
  it('a manager proposes a draft; the partner adds its activity, sees the vendor\'s agreement withdrawn, and agrees; then the manager agrees', async () => {
    const { client: manager, backend } = planClient({ role: 'manager' });
    const vendorView = await planElement(manager, { 'partner-id': PLAN_PARTNERS.draftEn, period });
    expect(parts(vendorView, 'action-button').map((b) => b.textContent?.trim())).to.deep.equal(['Propose the plan']);
    const transitions: string[] = [];
    vendorView.addEventListener('pk-plan-transition', (e) => transitions.push(e.detail.data.to));
    button(vendorView, 'Propose the plan').click();
    await until(() => part(vendorView, 'status-badge')?.textContent?.trim() === 'Proposed', 'proposed');
    expect(transitions).to.deep.equal(['proposed']);
    expect(shadow(vendorView).textContent).to.contain('Waiting for the Partner side to agree.');

    const { client: partner } = planClient({ role: 'partner', partnerId: PLAN_PARTNERS.draftEn, backend });
    const partnerView = await planElement(partner, { period });
    const objective = parts(partnerView, 'objective')[0]!;
    // Only its own items carry controls: the vendor's milestones have no "Mark done".
    const vendorMilestone = parts(partnerView, 'objective')[3]!;
    expect([...vendorMilestone.querySelectorAll('button')].map((b) => b.textContent?.trim())).not.to.include('Mark done');
    const changes: string[] = [];
    partnerView.addEventListener('pk-plan-change', (e) => changes.push(e.detail.data.change));
    typeInto(objective, 'New activity', 'Quarterly pipeline workshop');
    await partnerView.updateComplete;
    [...objective.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add activity')!.click();
    await until(() => parts(partnerView, 'objective')[0]!.textContent?.includes('Quarterly pipeline workshop'), 'the activity');
    expect(changes).to.deep.equal(['activity_added']);
    expect(texts(partnerView, 'agreements')[0]).to.contain('Vendor: not agreed yet');
    button(partnerView, 'Agree to the plan').click();
    await until(() => texts(partnerView, 'agreements')[0]?.includes('Partner: agreed by'), 'the partner\'s agreement');
    await expect(partnerView).to.be.accessible();

    vendorView.remove();
    const again = await planElement(manager, { 'partner-id': PLAN_PARTNERS.draftEn, period });
    button(again, 'Agree to the plan').click();
    await until(() => part(again, 'status-badge')?.textContent?.trim() === 'Agreed', 'agreed by both');
  });

  it('sending back needs a reason; a failure keeps what was typed and says why', async () => {
    const { client, backend } = planClient({ role: 'partner', partnerId: PLAN_PARTNERS.proposedVi });
    const el = await planElement(client, { period, lang: 'en' });
    button(el, 'Send back for changes').click();
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('reason');
    typeInto(shadow(el), 'What should change', 'The revenue target is too high for us.');
    const remove = backend.faults.add({ mode: 'error', status: 503, match: /transitions/ });
    button(el, 'Send back').click();
    await until(() => part(el, 'form-error'), 'the error');
    expect(part(el, 'form-error')!.textContent).to.match(/^That did not go through:/);
    expect(shadow(el).querySelector<HTMLTextAreaElement>('#reason')!.value).to.equal('The revenue target is too high for us.');
    await expect(el).to.be.accessible();
    remove();
    button(el, 'Send back').click();
    await until(() => part(el, 'status-badge')?.textContent?.trim() === 'Draft', 'sent back');
  });

  it('a plan changed meanwhile (409 plan_changed): says so and shows the plan as it is now', async () => {
    const { client, backend } = planClient({ role: 'partner', partnerId: PLAN_PARTNERS.proposedVi });
    const el = await planElement(client, { period });
    // The vendor adds an objective after the partner read the plan.
    const { client: manager } = planClient({ role: 'manager', backend });
    await manager.plans.addObjective(PLAN_PARTNERS.proposedVi, period, { owner: { name: 'Oliver' }, title: 'New vendor milestone', kind: 'milestone' });
    button(el, 'Agree to the plan').click();
    await until(() => shadow(el).querySelector('.notice'), 'the notice');
    expect(shadow(el).querySelector('.notice')!.textContent).to.contain('The plan changed since you read it');
    expect(parts(el, 'objective').length).to.equal(5);
  });

  it('keyboard: the activity field, Enter to add; checkboxes for its own activities', async () => {
    const { client } = planClient({ role: 'partner', partnerId: PLAN_PARTNERS.agreedEn });
    const el = await planElement(client, { period });
    const input = shadow(el).querySelector<HTMLInputElement>('input[name="activity"]')!;
    input.focus();
    input.value = 'Joint webinar';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    input.form!.requestSubmit();
    await until(() => el.shadowRoot!.textContent?.includes('Joint webinar'), 'the new activity');
    const own = shadow(el).querySelectorAll('input[type="checkbox"]');
    expect(own.length).to.be.greaterThan(0);
    for (const box of own) expect(shadow(el).querySelector(`label[for="${box.id}"]`)).not.to.equal(null);
  });
});

describe('<partner-plan> renders backend text inert', () => {
  it('BLNS strings as titles, owners, activities and comments stay text', async function () {
    this.timeout(30_000);
    const strings = (await naughtyStrings()).filter((s) => s.trim().length > 0 && s.length <= 200).slice(0, 60);
    const { client, backend } = planClient({ role: 'manager' });
    for (const [i, s] of strings.entries()) {
      const objective = await client.plans.addObjective(PLAN_PARTNERS.agreedEn, '2030-H1', { owner: { name: s }, title: s, kind: 'milestone', activities: [{ title: s }] });
      if (i % 10 === 0) await client.plans.addComment(PLAN_PARTNERS.agreedEn, '2030-H1', objective.id, { body: s });
    }
    void backend;
    (window as unknown as { __pkInjected?: number }).__pkInjected = 0;
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.agreedEn, period: '2030-H1' });
    const titles = parts(el, 'objective').map((o) => o.querySelector('h4')!.textContent);
    expect(titles).to.deep.equal(strings.map((s) => s.trim()));
    expect(shadow(el).querySelectorAll('script, img, iframe, b, a, svg').length).to.equal(0);
    expect((window as unknown as { __pkInjected?: number }).__pkInjected).to.equal(0);
    await settled(el);
  });
});
