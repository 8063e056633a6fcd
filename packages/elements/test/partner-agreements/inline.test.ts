/**
 * `<deal-register>` and `<resource-library>` on the reference server while an agreement gating
 * them waits for the partner: the refusal (403 agreement_required) shows the agreement to accept
 * inline instead of a bare error, and once it is accepted the registration is sent and the
 * resource opens.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import type { Agreement, AgreementVersion, Deal, Partner, Resource } from '@partnerkit/core/schemas';
import type { PartnerAgreements } from '../../src/partner-agreements/partner-agreements.js';
import { clearStorage, fillValid, mount, part, submit, until } from '../deal-register/helpers.js';
import '../../src/define/resource-library.js';
import type { ResourceLibrary } from '../../src/resource-library/resource-library.js';
import { mintSession, referenceServer } from '../platform/reference-server.js';
import { admin, freshTier } from './fixtures.js';

const run = Math.random().toString(36).slice(2, 8);
let baseUrl = '';
let partner: Partner;
let client: PartnerKitClient;
let agreement: Agreement;
let version: AgreementVersion;

/** Fills and sends the inline accept form inside `host`'s `<partner-agreements>`. */
async function acceptInline(inline: PartnerAgreements): Promise<void> {
  await waitUntil(() => inline.shadowRoot?.querySelector('[part~="accept-form"]'), 'the accept form did not open', { timeout: 8000 });
  const field = (name: string) => inline.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  for (const [name, value] of [['name', 'Lan Nguyễn'], ['jobTitle', 'Director']] as const) {
    field(name).value = value;
    field(name).dispatchEvent(new Event('input'));
  }
  field('confirmed').click();
  inline.shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept-button"]')!.click();
}

describe('an agreement to accept, inline', function () {
  this.timeout(60_000);

  before(async () => {
    ({ baseUrl } = await referenceServer());
    const tier = await freshTier(`pi_${run}`, `Inline ${run}`);
    partner = await admin<Partner>('POST', '/partners', { name: `Inline Agent ${run}`, type: 'agent', status: 'active', tierId: tier.id });
    agreement = await admin<Agreement>('POST', '/agreements', { title: `Programme agreement ${run}`, partnerTypes: ['agent'], tierIds: [tier.id], gates: ['deal_registration', 'resources'], term: { kind: 'renews_yearly' } });
    version = await admin<AgreementVersion>('POST', `/agreements/${agreement.id}/versions`, { version: '1.0', body: { blocks: [{ type: 'paragraph', spans: [{ text: 'The terms.' }] }] } });
    const { token } = await mintSession({ role: 'partner', partnerId: partner.id, user: { id: `u_${run}`, name: 'Lan' } });
    client = createClient({ baseUrl, token, retry: 0 });
    clearStorage();
  });

  it('<deal-register>: the refused registration shows the agreement; accepting it sends the registration', async () => {
    const el = await mount(client, { draftKey: run });
    await fillValid(el, `Inline Customer ${run} Ltd`, `inline-${run}.example`);
    await submit(el);
    // The banner holds the agreement once its view has loaded (the first time one is asked for).
    await until(el, () => part(el, 'agreement-required')?.querySelector('partner-agreements'), 'the agreement was not shown', 8000);
    expect(part(el, 'send-error')).to.equal(null);
    const inline = part(el, 'agreement-required')!.querySelector('partner-agreements') as PartnerAgreements;
    await acceptInline(inline);
    await until(el, () => part(el, 'success'), 'the registration was not sent after accepting', 10_000);
    expect(part(el, 'success')!.textContent).to.include(`Inline Customer ${run} Ltd`);
    const deals = await admin<{ data: Deal[] }>('GET', `/deals?partnerId=${partner.id}`);
    expect(deals.data.map((d) => d.customer.company)).to.deep.equal([`Inline Customer ${run} Ltd`]);
    const acceptances = await admin<{ data: { versionId: string; acceptedBy: { name: string } }[] }>('GET', `/partners/${partner.id}/acceptances`);
    expect(acceptances.data[0]).to.deep.include({ versionId: version.id });
  });

  it('<resource-library>: opening waits for the agreement, then opens', async () => {
    // A new version in effect closes the library again.
    await admin('POST', `/agreements/${agreement.id}/versions`, { version: '2.0', body: { blocks: [{ type: 'paragraph', spans: [{ text: 'Newer terms.' }] }] } });
    const tag = `pi-${run}`;
    await admin<Resource>('POST', '/resources', { title: `Guide ${run}`, type: 'document', language: 'en', tags: [tag], url: `https://cdn.example.com/${run}/guide.pdf` });
    const el = document.createElement('resource-library') as ResourceLibrary;
    el.lang = 'en';
    el.setAttribute('tag', tag);
    el.client = client;
    document.body.append(el);
    try {
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="item"]'), 'the library did not load', { timeout: 8000 });
      const opened: string[] = [];
      el.addEventListener('pk-resource-open', (event) => {
        event.preventDefault();
        opened.push(event.detail.data.url);
      });
      el.shadowRoot!.querySelector<HTMLElement>('[part~="item"] [part~="title-link"]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="agreement-required"] partner-agreements'), 'the agreement was not shown', { timeout: 8000 });
      const inline = el.shadowRoot!.querySelector('partner-agreements') as PartnerAgreements;
      await acceptInline(inline);
      await waitUntil(() => opened.length === 1, 'the resource did not open after accepting', { timeout: 8000 });
      expect(opened).to.deep.equal([`https://cdn.example.com/${run}/guide.pdf`]);
      expect(el.shadowRoot!.querySelector('[part~="agreement-required"]')).to.equal(null);
    } finally {
      el.remove();
    }
  });
});
