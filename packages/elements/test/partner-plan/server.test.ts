/**
 * `<partner-plan>` against the reference server (@partnerkit/server over real HTTP): a plan the
 * admin API starts, sessions minted for a manager and for the partner's user, each side acting
 * through the widget, measured progress moving when measurements arrive, objectives added and
 * edited through the form (each side its own), and a partner never reaching another partner's plan.
 */
import { expect } from '@open-wc/testing';
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import type { Partner } from '@partnerkit/core/schemas';
import { adminRequest, mintSession, referenceServer } from '../platform/reference-server.js';
import { button, part, parts, planElement, typeInto, until } from './helpers.js';

const run = Math.random().toString(36).slice(2, 8);
const period = '2026-H2';
let baseUrl = '';
let partner: Partner;
let other: Partner;

async function admin<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const { status, body: answer } = await adminRequest<T>(method, path, body);
  if (status < 200 || status > 299) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(answer)}`);
  return answer;
}

async function clientAs(role: 'manager' | 'partner', partnerId?: string): Promise<PartnerKitClient> {
  const { token } = await mintSession(role === 'manager' ? { role, user: { id: `m_${run}`, name: 'Minh Tran' } } : { role, partnerId: partnerId!, user: { id: `u_${run}`, name: 'Lan Pham' } });
  return createClient({ baseUrl, token, retry: 0 });
}

before(async function () {
  this.timeout(90_000);
  ({ baseUrl } = await referenceServer());
  partner = await admin<Partner>('POST', '/partners', { name: `Plan partner ${run}`, type: 'reseller' });
  other = await admin<Partner>('POST', '/partners', { name: `Other partner ${run}`, type: 'reseller' });
  await admin('PUT', `/kpis/kpi_plan_${run}`, { name: `Bookings ${run}`, unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 1 });
  await admin('POST', `/partners/${partner.id}/plans/${period}/objectives`, {
    owner: { name: 'Minh Tran' },
    title: 'Grow bookings',
    kind: 'measured',
    measure: { kpiId: `kpi_plan_${run}`, target: 60 },
    dueDate: '2026-12-31',
  });
});

afterEach(() => {
  for (const el of document.querySelectorAll('partner-plan')) el.remove();
});

describe('<partner-plan> on the reference server', () => {
  it('the manager proposes; the partner adds its activity and agrees; the manager agrees: agreed by both', async () => {
    const vendor = await planElement(await clientAs('manager'), { 'partner-id': partner.id, period });
    expect(part(vendor, 'status-badge')!.textContent?.trim()).to.equal('Draft');
    button(vendor, 'Propose the plan').click();
    await until(() => part(vendor, 'status-badge')?.textContent?.trim() === 'Proposed', 'proposed');
    vendor.remove();

    const side = await planElement(await clientAs('partner', partner.id), { period });
    typeInto(parts(side, 'objective')[0]!, 'New activity', 'Run two customer workshops');
    await side.updateComplete;
    button(side, 'Add activity').click();
    await until(() => side.shadowRoot!.textContent?.includes('Run two customer workshops'), 'the activity');
    button(side, 'Agree to the plan').click();
    await until(() => part(side, 'agreements')?.textContent?.includes('Partner: agreed by Lan Pham'), 'the partner agreed');
    await expect(side).to.be.accessible();
    side.remove();

    const again = await planElement(await clientAs('manager'), { 'partner-id': partner.id, period });
    button(again, 'Agree to the plan').click();
    await until(() => part(again, 'status-badge')?.textContent?.trim() === 'Agreed', 'agreed');
  });

  it('measured progress moves when measurements arrive', async () => {
    const client = await clientAs('manager');
    const before = await planElement(client, { 'partner-id': partner.id, period });
    const bar = () => before.shadowRoot!.querySelectorAll('[role="progressbar"]')[1]!;
    expect(bar().getAttribute('aria-valuenow')).to.equal('0');
    await admin('POST', '/measurements', { data: ['2026-07', '2026-08', '2026-09'].map((month) => ({ partnerId: partner.id, kpiId: `kpi_plan_${run}`, period: month, value: 10 })) });
    before.remove();
    const after = await planElement(client, { 'partner-id': partner.id, period });
    expect(after.shadowRoot!.querySelectorAll('[role="progressbar"]')[1]!.getAttribute('aria-valuenow')).to.equal('50');
    expect(parts(after, 'objective')[0]!.textContent).to.contain(`Bookings ${run}: 30 of the 60 target`);
  });

  it('the form: the manager adds a measured objective for the vendor and a milestone for the partner; the partner edits only its own', async () => {
    const fill = (el: HTMLElement, name: string, value: string) => {
      const control = el.shadowRoot!.querySelector<HTMLInputElement>(`#objective-${name}`)!;
      control.value = value;
      control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
    };
    const openAdd = async (el: HTMLElement) => {
      part<HTMLButtonElement>(el, 'objective-add')!.click();
      await until(() => part(el, 'objective-form'), 'the form');
    };
    const quarter = '2027-H1';
    const manager = await planElement(await clientAs('manager'), { 'partner-id': partner.id, period: quarter });
    expect(part(manager, 'empty')).not.to.equal(null);
    await openAdd(manager);
    fill(manager, 'title', 'Book 40 new customers');
    fill(manager, 'kpiId', `kpi_plan_${run}`);
    fill(manager, 'target', '40');
    part<HTMLButtonElement>(manager, 'objective-save')!.click();
    await until(() => parts(manager, 'objective').length === 1, 'the first objective');
    expect(parts(manager, 'objective')[0]!.textContent).to.contain(`Bookings ${run}: no measurement yet, target 40`).and.to.contain('Owner: Minh Tran (Vendor)');
    await openAdd(manager);
    manager.shadowRoot!.querySelector<HTMLInputElement>('input[name="kind"][value="milestone"]')!.click();
    manager.shadowRoot!.querySelector<HTMLInputElement>('input[name="side"][value="partner"]')!.click();
    await manager.updateComplete;
    fill(manager, 'title', 'Two certified engineers');
    fill(manager, 'ownerName', 'Lan Pham');
    fill(manager, 'dueDate', '2027-05-31');
    part<HTMLButtonElement>(manager, 'objective-save')!.click();
    await until(() => parts(manager, 'objective').length === 2, 'the milestone');
    manager.remove();

    const side = await planElement(await clientAs('partner', partner.id), { period: quarter });
    const edits = parts(side, 'objective').map((o) => o.querySelector('[part~="objective-edit"]') !== null);
    expect(edits).to.deep.equal([false, true], 'the partner edits the partner\'s objective only');
    parts(side, 'objective')[1]!.querySelector<HTMLButtonElement>('[part~="objective-edit"]')!.click();
    await until(() => part(side, 'objective-form'), 'the edit form');
    fill(side, 'dueDate', '2027-06-15');
    part<HTMLButtonElement>(side, 'objective-save')!.click();
    await until(() => !part(side, 'objective-form'), 'saved');
    const stored = await admin<{ objectives: { title: string; side: string; dueDate: string }[] }>('GET', `/partners/${partner.id}/plans/${quarter}`);
    expect(stored.objectives.map((o) => [o.title, o.side, o.dueDate])).to.deep.equal([
      ['Book 40 new customers', 'vendor', '2027-06-30'],
      ['Two certified engineers', 'partner', '2027-06-15'],
    ]);
    await expect(side).to.be.accessible();
  });

  it('a partner never reaches another partner\'s plan: it reads as no plan at all', async () => {
    const el = await planElement(await clientAs('partner', other.id), { 'partner-id': partner.id, period });
    expect(part(el, 'empty')).not.to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('Grow bookings');
  });
});
