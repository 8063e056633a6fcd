/**
 * Without a session nothing can be sent: when the session route refuses, the widget says so and
 * offers a retry instead of a form that looks fine. When the session is only out of reach for now
 * and the partner is known, the form stays (a submission waits in the queue) under a notice with
 * a retry, and the list is asked again once the session answers.
 */
import { expect } from '@open-wc/testing';
import { createClient } from '@partnerkit/core/client';
import { dealBackend } from '../../../../stories/deal-register/backend.js'
import { MOCK_BASE_URL } from '../../../../stories/support/mock-backend.js';
import { SessionUrlError } from '../../src/partnerkit-provider/session-fetcher.js';
import { PARTNER_ID } from '../../../../stories/deal-register/fixtures.js';
import { $, $$, clearStorage, mount, part, text, until } from './helpers.js';

/** A backend whose `GET /v1/session` answers a `status` problem while `failing()` holds. */
function sessionFailing(status: 403 | 503, failing: () => boolean = () => true) {
  return dealBackend({ faults: [{ mode: 'error', status, match: (_r, path) => path === '/v1/session' && failing() }] });
}

describe('<deal-register> without a session', () => {
  beforeEach(clearStorage);
  afterEach(clearStorage);

  it('says the session was refused and offers a retry, in place of the form', async () => {
    let refuse = true;
    const el = await mount(sessionFailing(403, () => refuse).client, { partnerId: PARTNER_ID });
    await until(el, () => part(el, 'error'), 'no error state');
    expect($(el, 'form'), 'no form to fill in').to.equal(null);
    expect($(el, '[role="tablist"]')).to.equal(null);
    expect(text(part(el, 'error-message'))).to.equal('You do not have access to this.');
    await expect(el).to.be.accessible();
    refuse = false;
    part(el, 'retry-button')!.click();
    await until(el, () => $(el, 'form'), 'the form did not come after the retry');
    expect(part(el, 'error')).to.equal(null);
  });

  it("says so when the host's session route refuses (403), as a provider's session-url would", async () => {
    const client = createClient({ baseUrl: MOCK_BASE_URL, retry: 0, fetchSession: () => Promise.reject(new SessionUrlError(403)), fetch: dealBackend().backend.fetch });
    const el = await mount(client, { partnerId: PARTNER_ID });
    await until(el, () => part(el, 'error'), 'no error state');
    expect($(el, 'form')).to.equal(null);
    expect(text(part(el, 'error-message'))).to.equal('Could not start a PartnerKit session. Reload the page or sign in again.');
    expect(part(el, 'retry-button')).not.to.equal(null);
  });

  it('says so in Vietnamese', async () => {
    const el = await mount(sessionFailing(403).client, { partnerId: PARTNER_ID, lang: 'vi' });
    await until(el, () => part(el, 'error'), 'no error state');
    expect(text(part(el, 'error-message'))).to.equal('Bạn không có quyền truy cập nội dung này.');
    expect(text(part(el, 'retry-button'))).to.equal('Thử lại');
  });

  it('without partner-id, a session out of reach is an error too (whose drafts, which views?)', async () => {
    const el = await mount(sessionFailing(503).client, {});
    await until(el, () => part(el, 'error'), 'no error state');
    expect($(el, 'form')).to.equal(null);
  });

  it('with partner-id, a session out of reach keeps the form under a notice; the retry clears it and the list loads', async () => {
    let down = true;
    const el = await mount(sessionFailing(503, () => down).client, { partnerId: PARTNER_ID });
    await until(el, () => part(el, 'session-error'), 'no notice');
    expect($(el, 'form'), 'the form stays: a submission would wait in the queue').not.to.equal(null);
    expect(text(part(el, 'session-error'))).to.contain('Your session is not confirmed yet');
    expect(text(part(el, 'session-error'))).to.contain('what you register waits on this device');
    await expect(el).to.be.accessible();
    down = false;
    part(el, 'session-error')!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(el, () => !part(el, 'session-error'), 'the notice stayed after the retry');
    el.view = 'list';
    await until(el, () => $$(el, '[part~="deal"]').length > 0, 'the list did not load');
  });
});
