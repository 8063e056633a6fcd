/**
 * `<partner-plan>`'s objective form on `@partnerkit/mock`: a manager adds a measured objective
 * and a milestone, edits one of the vendor's (an agreed plan becomes its next revision), starts a
 * period's plan with its first objective; the contract's checks before anything is sent; the
 * backend's refusals (field errors, 403, 503) keep what was typed and a retry saves it once; what
 * each side is offered; both languages; the keyboard; axe in every state.
 */
import { expect } from '@open-wc/testing';
import { currentPeriod, periodDays } from '@partnerkit/core/rules';
import { problems } from '@partnerkit/core/schemas';
import { planClient, PLAN_PARTNERS } from '../../../../stories/partner-plan/backend.js';
import type { PartnerPlan } from '../../src/partner-plan/partner-plan.js';
import { button, part, parts, planElement, until } from './helpers.js';

const period = currentPeriod('half', new Date());
const shadow = (el: PartnerPlan) => el.shadowRoot!;
const field = <E extends HTMLElement = HTMLInputElement>(el: PartnerPlan, name: string) => shadow(el).querySelector<E>(`#objective-${name}`)!;
const problemOf = (el: PartnerPlan, name: string) => shadow(el).querySelector(`#objective-${name}-error`)?.textContent?.trim();

/** Sets a field as a person would (an input event; a change for selects and radios). */
function fill(el: PartnerPlan, name: string, value: string): void {
  const control = field<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(el, name);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

/** Picks radio `value` of `name` (side, kind). */
function pick(el: PartnerPlan, name: string, value: string): void {
  const radio = shadow(el).querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
  radio.click();
}

/** Opens the add form and waits for its code and the KPIs. */
async function openAdd(el: PartnerPlan): Promise<void> {
  part<HTMLButtonElement>(el, 'objective-add')!.click();
  await until(() => part(el, 'objective-form'), 'the objective form');
  await el.updateComplete;
}

async function save(el: PartnerPlan): Promise<void> {
  part<HTMLButtonElement>(el, 'objective-save')!.click();
  await el.updateComplete;
}

const titles = (el: PartnerPlan) => parts(el, 'objective').map((o) => o.querySelector('h4')!.textContent?.trim());

afterEach(() => {
  for (const el of document.querySelectorAll('partner-plan')) el.remove();
});

describe('<partner-plan> adds objectives', function () {
  // Each test runs axe more than once on a whole plan: seconds each on a shared two-core machine.
  this.timeout(20_000);
  it('a manager adds a measured objective: the KPI from the programme, a target in its unit, an owner; the plan shows it and says so', async () => {
    const { client } = planClient({ role: 'manager' });
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.draftEn, period });
    const before = parts(el, 'objective').length;
    const changes: { change: string; objectiveId: string }[] = [];
    el.addEventListener('pk-plan-change', (e) => changes.push(e.detail.data));
    await openAdd(el);
    await expect(el).to.be.accessible();
    expect(shadow(el).activeElement?.id).to.equal('objective-title');
    // A manager may add for either side; the signed-in person owns it unless changed.
    expect([...shadow(el).querySelectorAll<HTMLInputElement>('input[name="side"]')].map((r) => r.value)).to.deep.equal(['vendor', 'partner']);
    expect(field(el, 'ownerName').value).to.equal('Story User');
    expect(field(el, 'dueDate').value).to.equal(periodDays(period).last);
    const kpis = (await client.kpis.list()).data;
    const revenue = kpis.find((k) => k.unit === 'currency')!;
    fill(el, 'title', 'Grow cloud revenue');
    fill(el, 'description', 'Managed services first.');
    fill(el, 'ownerName', 'Minh Anh');
    fill(el, 'ownerEmail', 'minh.anh@example.com');
    fill(el, 'kpiId', revenue.id);
    await el.updateComplete;
    expect(shadow(el).querySelector('#objective-target-hint')!.textContent).to.contain(revenue.currency!);
    fill(el, 'target', '125000');
    fill(el, 'activities', 'Quarterly pipeline review\n\nJoint campaign');
    await save(el);
    await until(() => parts(el, 'objective').length === before + 1, 'the new objective');
    expect(part(el, 'objective-form')).to.equal(null);
    expect(shadow(el).activeElement?.id).to.equal('objective-add');
    const added = parts(el, 'objective').at(-1)!;
    expect(added.textContent).to.contain('Grow cloud revenue').and.to.contain('Owner: Minh Anh (Vendor)');
    expect(added.textContent).to.contain(`${revenue.name}: `).and.to.contain('the $125,000 target');
    expect(added.textContent).to.contain('Quarterly pipeline review').and.to.contain('Joint campaign');
    expect(changes.map((c) => c.change)).to.deep.equal(['objective_added']);
    const stored = (await client.plans.get(PLAN_PARTNERS.draftEn, period)).objectives.at(-1)!;
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency: revenue.currency! }).resolvedOptions().maximumFractionDigits!;
    expect(stored.measure).to.deep.include({ target: 125_000 * 10 ** digits }, 'the target in minor units of the KPI\'s currency');
    expect(stored.owner).to.deep.equal({ name: 'Minh Anh', email: 'minh.anh@example.com' });
    expect(stored.activities.map((a) => a.side)).to.deep.equal(['vendor', 'vendor']);
    expect(shadow(el).querySelector('[role="status"]')!.textContent).to.equal('Plan updated.');
    await expect(el).to.be.accessible();
  });

  it('a manager adds a milestone for the partner\'s side: no KPI asked, the partner\'s to keep', async () => {
    const { client } = planClient({ role: 'manager' });
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.draftEn, period });
    await openAdd(el);
    pick(el, 'kind', 'milestone');
    pick(el, 'side', 'partner');
    await el.updateComplete;
    expect(field(el, 'kpiId')).to.equal(null);
    expect(field(el, 'target')).to.equal(null);
    fill(el, 'title', 'Certify two engineers');
    fill(el, 'ownerName', 'Lan Pham');
    await save(el);
    await until(() => titles(el).includes('Certify two engineers'), 'the milestone');
    const added = parts(el, 'objective').at(-1)!;
    expect(added.textContent).to.contain('Owner: Lan Pham (Partner)').and.to.contain('Milestone');
    // The manager cannot edit it: it is the partner's now.
    expect(added.querySelector('[part~="objective-edit"]')).to.equal(null);
  });

  it('a period without a plan: either side starts it with its first objective', async () => {
    const { client } = planClient({ role: 'partner', partnerId: PLAN_PARTNERS.agreedEn });
    const el = await planElement(client, { period: '2031-H1' });
    expect(part(el, 'empty')!.textContent).to.contain('There is no plan for 2031-H1 yet.');
    await expect(el).to.be.accessible();
    await openAdd(el);
    expect(shadow(el).querySelector('input[name="side"]')).to.equal(null, 'a partner adds for its own side only');
    pick(el, 'kind', 'milestone');
    fill(el, 'title', 'Launch the joint offer');
    fill(el, 'ownerName', 'Lan Pham');
    fill(el, 'dueDate', '2031-03-31');
    await save(el);
    await until(() => part(el, 'plan'), 'the plan it started');
    expect(part(el, 'status-badge')!.textContent?.trim()).to.equal('Draft');
    expect(titles(el)).to.deep.equal(['Launch the joint offer']);
    expect(parts(el, 'objective')[0]!.textContent).to.contain('(Partner)');
  });
});

describe('<partner-plan> objective form checks before sending', () => {
  it('required fields, the KPI, a number, a date in the period, lengths: problems on the fields, focus on the first, nothing sent', async () => {
    const { client, backend } = planClient({ role: 'manager' });
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.draftEn, period });
    const before = titles(el);
    const writes: string[] = [];
    backend.faults.add({ mode: 'respond', match: (r) => r.method !== 'GET', respond: (r, answer) => (writes.push(r.url), answer) });
    await openAdd(el);
    fill(el, 'ownerName', '');
    fill(el, 'dueDate', '1999-01-01');
    fill(el, 'ownerEmail', 'not an address');
    await save(el);
    expect(problemOf(el, 'title')).to.equal('Fill this in.');
    expect(problemOf(el, 'ownerName')).to.equal('Fill this in.');
    expect(problemOf(el, 'ownerEmail')).to.match(/^Enter an email address/);
    expect(problemOf(el, 'kpiId')).to.equal('Choose the KPI that measures it.');
    expect(problemOf(el, 'target')).to.equal('Fill this in.');
    expect(problemOf(el, 'dueDate')).to.match(/^Choose a date within the plan’s period, \w{3} \d{1,2}, \d{4} to \w{3} \d{1,2}, \d{4}\.$/);
    expect(field(el, 'title').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'title').getAttribute('aria-describedby')).to.contain('objective-title-error');
    expect(shadow(el).activeElement?.id).to.equal('objective-title');
    await expect(el).to.be.accessible();
    // A problem goes as its field changes; the others stay.
    fill(el, 'title', 'x'.repeat(201));
    fill(el, 'target', '-5');
    await el.updateComplete;
    expect(problemOf(el, 'title')).to.equal(undefined);
    await save(el);
    expect(problemOf(el, 'title')).to.equal('At most 200 characters (now 201).');
    expect(problemOf(el, 'target')).to.equal('Enter 0 or more.');
    expect(writes).to.deep.equal([], 'nothing was sent');
    expect(titles(el)).to.deep.equal(before);
  });
});

describe('<partner-plan> objective form when the backend refuses', () => {
  it('a 503: says why, keeps every value typed, and "Try again" saves it once', async () => {
    const { client, backend } = planClient({ role: 'manager' });
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.draftEn, period });
    const before = parts(el, 'objective').length;
    await openAdd(el);
    pick(el, 'kind', 'milestone');
    fill(el, 'title', 'Partner summit keynote');
    fill(el, 'ownerName', 'Oliver Nguyen');
    fill(el, 'description', 'Both CEOs on stage.');
    // The objective is added, but the answer is lost: a retry must not add it twice.
    const remove = backend.faults.add({ mode: 'offline', lost: 'answer', match: /POST .*\/objectives$/, times: 1 });
    await save(el);
    await until(() => part(el, 'form-error'), 'the failure');
    expect(part(el, 'form-error')!.textContent).to.match(/^\s*The objective was not saved:.+What you typed is kept\./s);
    expect(field(el, 'title').value).to.equal('Partner summit keynote');
    expect(field(el, 'ownerName').value).to.equal('Oliver Nguyen');
    expect(field<HTMLTextAreaElement>(el, 'description').value).to.equal('Both CEOs on stage.');
    expect(shadow(el).activeElement?.id).to.equal('objective-save');
    await expect(el).to.be.accessible();
    remove();
    button(el, 'Try again').click();
    await until(() => !part(el, 'objective-form'), 'saved');
    expect(parts(el, 'objective').length).to.equal(before + 1, 'added once, under one idempotency key');
  });

  it('field errors from the backend go next to their fields; a 403 is said next to the button; a closed form keeps its draft', async () => {
    const { client, backend } = planClient({ role: 'manager' });
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.draftEn, period });
    await openAdd(el);
    pick(el, 'kind', 'milestone');
    fill(el, 'title', 'Open two new regions');
    backend.faults.add({ mode: 'error', problem: problems.validation([{ path: 'owner.name', message: 'is not a person in the directory' }]), match: /objectives$/, times: 1 });
    await save(el);
    await until(() => problemOf(el, 'ownerName'), 'the field error');
    expect(problemOf(el, 'ownerName')).to.equal('The server refused it: is not a person in the directory.');
    expect(shadow(el).activeElement?.id).to.equal('objective-ownerName');
    backend.faults.add({ mode: 'error', status: 403, match: /objectives$/, times: 1 });
    await save(el);
    await until(() => part(el, 'form-error'), 'the 403');
    expect(part(el, 'form-error')!.textContent).to.contain('The objective was not saved:');
    expect(field(el, 'title').value).to.equal('Open two new regions');
    await expect(el).to.be.accessible();
  });
});

describe('<partner-plan> edits objectives', () => {
  it('a manager edits a vendor objective of an agreed plan: told it makes the next revision, then it is revision 2, proposed again', async () => {
    const { client } = planClient({ role: 'manager' });
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.agreedEn, period });
    const plan = await client.plans.get(PLAN_PARTNERS.agreedEn, period);
    const index = plan.objectives.findIndex((o) => o.side === 'vendor' && o.kind === 'measured');
    const objective = plan.objectives[index]!;
    const editButton = parts(el, 'objective')[index]!.querySelector<HTMLButtonElement>('[part~="objective-edit"]')!;
    expect(editButton.textContent?.replace(/\s+/g, ' ').trim()).to.equal(`Edit ${objective.title}`);
    editButton.click();
    await until(() => part(el, 'objective-form'), 'the edit form');
    await el.updateComplete;
    expect(field(el, 'title').value).to.equal(objective.title);
    expect(field<HTMLSelectElement>(el, 'kpiId').value).to.equal(objective.measure!.kpi.id);
    expect(shadow(el).querySelector('input[name="kind"]')).to.equal(null, 'the kind stays');
    expect(part(el, 'objective-notice')!.textContent).to.equal(`The plan is agreed: saving makes revision ${plan.revision + 1}, and both sides agree again.`);
    await expect(el).to.be.accessible();
    fill(el, 'title', `${objective.title} (stretch)`);
    fill(el, 'target', String(Number(field(el, 'target').value) * 2));
    const changes: string[] = [];
    el.addEventListener('pk-plan-change', (e) => changes.push(e.detail.data.change));
    await save(el);
    await until(() => titles(el)[index] === `${objective.title} (stretch)`, 'the edit');
    expect(part(el, 'status-badge')!.textContent?.trim()).to.equal('Proposed');
    expect(shadow(el).textContent).to.contain(`Revision ${plan.revision + 1}`);
    expect(changes).to.deep.equal(['objective_updated']);
    const after = (await client.plans.get(PLAN_PARTNERS.agreedEn, period)).objectives[index]!;
    expect(after.measure!.target).to.equal(objective.measure!.target * 2);
    expect(shadow(el).activeElement?.id).to.equal(`objective-edit-${objective.id}`);
  });

  it('each side edits only its own: a partner has Edit on the partner\'s objectives, not on the vendor\'s', async () => {
    const { client } = planClient({ role: 'partner', partnerId: PLAN_PARTNERS.proposedVi });
    const el = await planElement(client, { period, lang: 'en' });
    const plan = await client.plans.get(PLAN_PARTNERS.proposedVi, period);
    const editable = parts(el, 'objective').map((o) => o.querySelector('[part~="objective-edit"]') !== null);
    expect(editable).to.deep.equal(plan.objectives.map((o) => o.side === 'partner'));
    const own = plan.objectives.findIndex((o) => o.side === 'partner');
    if (own === -1) return;
    parts(el, 'objective')[own]!.querySelector<HTMLButtonElement>('[part~="objective-edit"]')!.click();
    await until(() => part(el, 'objective-form'), 'the edit form');
    expect(part(el, 'objective-notice')!.textContent).to.contain('both sides will need to agree to it again');
    fill(el, 'ownerName', 'Trần Thu Hà');
    await save(el);
    await until(() => parts(el, 'objective')[own]!.textContent?.includes('Owner: Trần Thu Hà (Partner)'), 'the new owner');
  });

  it('Cancel closes the form, forgets its draft and gives the keyboard back to the button that opened it', async () => {
    const { client } = planClient({ role: 'manager' });
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.draftEn, period });
    const add = part<HTMLButtonElement>(el, 'objective-add')!;
    add.focus();
    add.click();
    await until(() => shadow(el).activeElement?.id === 'objective-title', 'focus in the form');
    fill(el, 'title', 'Never mind');
    button(el, 'Cancel').click();
    await el.updateComplete;
    expect(part(el, 'objective-form')).to.equal(null);
    expect(shadow(el).activeElement?.id).to.equal('objective-add');
    await openAdd(el);
    expect(field(el, 'title').value).to.equal('');
  });
});

describe('<partner-plan> objective form in Vietnamese', () => {
  it('every label, hint and problem in Vietnamese; KPI names from the programme\'s Vietnamese; dates by Intl', async () => {
    const { client } = planClient({ role: 'manager' });
    const el = await planElement(client, { 'partner-id': PLAN_PARTNERS.agreedVi, period, lang: 'vi' });
    await until(() => part(el, 'objective-add')?.textContent?.trim() === 'Thêm mục tiêu', 'Vietnamese');
    await openAdd(el);
    const labels = [...shadow(el).querySelectorAll('[part~="objective-form"] label, [part~="objective-form"] legend')].map((n) => n.textContent?.trim());
    expect(labels).to.include.members(['Mục tiêu của bên nào', 'Tiêu đề *', 'Người phụ trách *', 'KPI *', 'Chỉ tiêu *', 'Hạn']);
    expect([...field<HTMLSelectElement>(el, 'kpiId').options].map((o) => o.textContent)).to.include('Doanh thu');
    fill(el, 'title', '');
    await save(el);
    expect(problemOf(el, 'title')).to.equal('Hãy điền ô này.');
    expect(shadow(el).querySelector('#objective-dueDate-hint')!.textContent).to.match(/^Trong kỳ của kế hoạch: từ \d{1,2} thg \d{1,2}, \d{4} đến/);
    await expect(el).to.be.accessible();
  });
});
