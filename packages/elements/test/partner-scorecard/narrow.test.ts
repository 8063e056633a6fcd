/**
 * In a narrow container (not a narrow viewport) each KPI is a card labelled for the eye, and the
 * table stays a table for assistive technology (explicit roles survive the card layout).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { FIXTURE_PERIOD, PARTNERS } from '../../../../stories/partner-scorecard/fixtures.js';
import { scorecardClient } from '../../../../stories/partner-scorecard/backend.js';
import type { PartnerScorecard } from '../../src/partner-scorecard/partner-scorecard.js';
import { parts, settled } from './helpers.js';
import '../../src/define/partner-scorecard.js';

async function inColumn(width: string, lang = 'en'): Promise<PartnerScorecard> {
  const client = scorecardClient({ as: { role: 'partner', partnerId: PARTNERS.lumen.id } });
  const box = await fixture<HTMLElement>(html`<div style=${`width: ${width}`}>
    <partner-scorecard .client=${client} partner-id=${PARTNERS.lumen.id} period=${FIXTURE_PERIOD} lang=${lang} theme="light"></partner-scorecard>
  </div>`);
  const el = box.querySelector('partner-scorecard')!;
  await settled(el);
  return el;
}

describe('<partner-scorecard> in a narrow container', () => {
  it('shows one card per KPI, each value labelled, whatever the viewport', async () => {
    const el = await inColumn('320px', 'vi');
    const rows = parts(el, 'row');
    expect(rows.length).to.be.greaterThan(1);
    for (const row of rows) expect(getComputedStyle(row).display).to.equal('grid');
    expect(getComputedStyle(el.shadowRoot!.querySelector('thead')!).display).to.equal('none');
    const actual = rows[0]!.querySelector('[part~="actual"]')!;
    expect(getComputedStyle(actual, '::before').content).to.contain('Thực tế');
    // The labels are drawn, not written: the cell's text is its value only.
    expect(actual.textContent!.trim()).not.to.contain('Thực tế');
    await expect(el).to.be.accessible();
  });

  it('keeps the table semantics of the cards', async () => {
    const el = await inColumn('320px');
    const table = el.shadowRoot!.querySelector('table')!;
    expect(table.getAttribute('role')).to.equal('table');
    expect([...table.querySelectorAll('tbody th')].every((th) => th.getAttribute('role') === 'rowheader')).to.equal(true);
    expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('role') === 'columnheader')).to.equal(true);
  });

  it('is a table again in a wide container', async () => {
    const el = await inColumn('1000px');
    for (const row of parts(el, 'row')) expect(getComputedStyle(row).display).to.equal('table-row');
    expect(getComputedStyle(el.shadowRoot!.querySelector('thead')!).display).to.equal('table-header-group');
  });
});
