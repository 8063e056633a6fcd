/**
 * `<application-review>` on `@partnerkit/mock`: every state accessible (loading, error with retry,
 * empty, not connected, a partner refused, the scoring form, the spread, a move asking why), the
 * whole path by keyboard (a stage, an application, a score, a move), scores kept when saving
 * fails, and the live region saying what happened.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMockBackend } from '@partnerkit/mock';
import { applicationIn, reviewBackend, reviewClient } from '../../../../stories/application-review/backend.js';
import type { ApplicationReview } from '../../src/application-review/application-review.js';
import { part, parts, settled, text, until } from './helpers.js';

const press = (key: string) => sendKeys({ press: key });

async function mount(options: Parameters<typeof reviewClient>[0] = {}, attrs: Record<string, string> = {}, wait = true): Promise<ApplicationReview> {
  const el = document.createElement('application-review');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', ...attrs })) el.setAttribute(name, value);
  el.client = reviewClient(options).client;
  document.body.append(el);
  if (wait) await settled(el);
  return el;
}

afterEach(() => {
  for (const el of document.querySelectorAll('application-review')) el.remove();
});

describe('<application-review> states', () => {
  it('loading, then error with a retry, are accessible', async () => {
    const slow = await mount({ faults: [{ mode: 'slow', delayMs: Infinity, match: /applications/ }] }, {}, false);
    await until(() => part(slow, 'loading'), 'loading');
    await expect(slow).to.be.accessible();
    const failing = await mount({ faults: [{ mode: 'error', status: 503, match: (r) => new URL(r.url).pathname.endsWith('/applications') }] });
    expect(part(failing, 'retry-button')).not.to.equal(null);
    await expect(failing).to.be.accessible();
  });

  it('empty, not connected and a partner refused', async () => {
    const empty = await mount({ backend: createMockBackend({ seed: { partners: [] } }) });
    expect(text(part(empty, 'empty'))).to.equal('No applications match.');
    await expect(empty).to.be.accessible();
    const lonely = document.createElement('application-review');
    document.body.append(lonely);
    await lonely.updateComplete;
    expect(part(lonely, 'no-client')).not.to.equal(null);
    const partner = await mount({ side: 'partner' });
    expect(part(partner, 'forbidden')).not.to.equal(null);
    await expect(partner).to.be.accessible();
  });

  it('keyboard: a stage, an application, a score, a move that asks why', async () => {
    const backend = reviewBackend();
    const el = await mount({ backend, side: 'new reviewer' });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="stage-screening"]')!.focus();
    await press('Enter');
    await until(() => parts(el, 'application-item').length > 0 && parts(el, 'application-item').every((i) => i.dataset.status === 'screening'), 'screening only');
    expect(el.getAttribute('status')).to.equal('screening');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="application-link"]')!.focus();
    await press('Enter');
    await until(() => part(el, 'score-form'), 'the scoring form');
    await until(() => el.shadowRoot!.activeElement?.id === 'application-title', 'focus on the title');
    await expect(el).to.be.accessible();
    // The first criterion's scale: Space picks the focused level, arrows move along it.
    const first = part(el, 'criterion')!.querySelector<HTMLInputElement>('input[type="radio"]')!;
    first.focus();
    await press('Space');
    await press('ArrowDown');
    await press('ArrowDown');
    await el.updateComplete;
    expect(part(el, 'criterion')!.querySelector<HTMLInputElement>('input:checked')!.value).to.equal('3');
    expect(text(part(el, 'weighted-score'))).to.equal('50 of 100');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="move-button"][data-to="declined"]')!.focus();
    await press('Enter');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#reason')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a failed save keeps the scores and says why', async () => {
    const backend = reviewBackend([{ mode: 'error', status: 503, match: (r) => r.method !== 'GET' }]);
    const el = await mount({ backend, side: 'new reviewer' }, { 'application-id': applicationIn(backend, 'interview') });
    await until(() => part(el, 'score-form'), 'the form');
    part(el, 'criterion')!.querySelector<HTMLInputElement>('input[value="4"]')!.click();
    part<HTMLButtonElement>(el, 'save-draft')!.click();
    await until(() => part(el, 'form-error'), 'the failure');
    expect(text(part(el, 'form-error'))).to.include('The evaluation was not saved; your scores are kept.');
    expect(part(el, 'criterion')!.querySelector<HTMLInputElement>('input:checked')!.value).to.equal('4');
    await expect(el).to.be.accessible();
  });

  it('an approved application shows every reviewer, the spread and the new partner, in Vietnamese too', async () => {
    const backend = reviewBackend();
    const el = await mount({ backend }, { 'application-id': applicationIn(backend, 'approved'), lang: 'vi' });
    await until(() => part(el, 'spread') && part(el, 'new-partner'), 'the spread and the partner');
    expect(text(part(el, 'new-partner'))).to.match(/^Đã duyệt: .+ nay là đối tác/);
    await expect(el).to.be.accessible();
  });
});
