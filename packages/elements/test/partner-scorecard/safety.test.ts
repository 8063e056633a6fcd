/**
 * Data is inert: names with markup render as text, a response that breaks the contract shows the
 * error state (never half a scorecard), and tier colours pass only as validated `#RRGGBB`.
 */
import { expect } from '@open-wc/testing';
import { KPIS, MARKUP_NAME, PARTNERS } from '../../../../stories/partner-scorecard/fixtures.js';
import type { ScorecardBackendOptions } from '../../../../stories/partner-scorecard/backend.js';
import { rewriteJson } from '../../../../stories/support/mock-backend.js';
import { mountOn, part, parts, text } from './helpers.js';

const manager: ScorecardBackendOptions['as'] = { role: 'manager' };
/** The scorecard route, whose answers these tests break on purpose. */
const SCORECARD = 'GET /v1/partners/*/scorecard';

/** Every element in the shadow root (and nested SVG), by tag name. */
const tagsIn = (el: Element) => new Set([...el.shadowRoot!.querySelectorAll('*')].map((n) => n.localName));

describe('<partner-scorecard> renders data as text', () => {
  let alerts: unknown[] = [];
  const originalAlert = window.alert;
  beforeEach(() => {
    alerts = [];
    window.alert = (message?: unknown) => void alerts.push(message);
  });
  afterEach(() => {
    window.alert = originalAlert;
  });

  it('shows a partner name made of markup as those characters', async () => {
    const el = await mountOn({ partnerId: PARTNERS.markup.id }, { as: manager });
    expect(text(part(el, 'partner-name'))).to.equal(MARKUP_NAME);
    expect(part(el, 'scorecard')!.getAttribute('aria-label')).to.equal(`Scorecard of ${MARKUP_NAME}`);
    expect(tagsIn(el).has('img')).to.equal(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(alerts).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('shows KPI and tier names made of markup as text, everywhere they appear', async () => {
    const el = await mountOn(
      { partnerId: PARTNERS.lumen.id },
      {
        as: manager,
        faults: [
          rewriteJson(SCORECARD, (card) => {
            const c = card as { rows: { kpi: { id: string; name: string } }[]; tier: { current: { name: string }; next: { tier: { name: string } } } };
            c.rows.find((row) => row.kpi.id === KPIS.revenue.id)!.kpi.name = '<b onmouseover="alert(2)">Revenue</b>';
            c.tier.current.name = '<script>alert(3)</script>';
            c.tier.next.tier.name = '<img src=y onerror=alert(4)>';
            return c;
          }),
        ],
      },
    );
    expect(text(part(el, 'badge'))).to.equal('Tier: <script>alert(3)</script>');
    expect(parts(el, 'kpi-name').map((name) => text(name))).to.include('<b onmouseover="alert(2)">Revenue</b>');
    expect(text(part(el, 'next-tier'))).to.contain('Next tier: <img src=y onerror=alert(4)>');
    expect(text(part(el, 'gap'))).to.contain('<b onmouseover="alert(2)">Revenue</b>: ');
    expect(text(part(el, 'gap'))).to.contain('more to reach <img src=y onerror=alert(4)>');
    expect([...el.shadowRoot!.querySelectorAll('[role="progressbar"]')].map((bar) => bar.getAttribute('aria-label'))).to.include('Attainment of <b onmouseover="alert(2)">Revenue</b>');
    const tags = tagsIn(el);
    for (const tag of ['b', 'script', 'img']) expect(tags.has(tag), tag).to.equal(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(alerts).to.deep.equal([]);
  });
  it('shows translated names made of markup as text too', async () => {
    const el = await mountOn(
      { partnerId: PARTNERS.lumen.id, lang: 'vi' },
      {
        as: manager,
        faults: [
          rewriteJson(SCORECARD, (card) => {
            const c = card as { rows: { kpi: { id: string; translations?: object } }[]; tier: { current: { translations?: object }; next: { tier: { translations?: object } } } };
            c.rows.find((row) => row.kpi.id === KPIS.revenue.id)!.kpi.translations = { vi: { name: '<b onmouseover="alert(5)">Doanh thu</b>' } };
            c.tier.current.translations = { vi: { name: '<script>alert(6)</script>' } };
            c.tier.next.tier.translations = { 'vi-VN': { name: '<img src=y onerror=alert(7)>' } };
            return c;
          }),
        ],
      },
    );
    expect(text(part(el, 'badge'))).to.equal('Hạng: <script>alert(6)</script>');
    expect(parts(el, 'kpi-name').map((name) => text(name))).to.include('<b onmouseover="alert(5)">Doanh thu</b>');
    expect(text(part(el, 'next-tier'))).to.contain('Hạng tiếp theo: <img src=y onerror=alert(7)>');
    for (const tag of ['b', 'script', 'img']) expect(tagsIn(el).has(tag), tag).to.equal(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(alerts).to.deep.equal([]);
  });

});

describe('<partner-scorecard> refuses responses that break the contract', () => {
  const broken: Record<string, (card: Record<string, unknown>) => unknown> = {
    'a row whose actual is text': (card) => {
      (card['rows'] as Record<string, unknown>[])[0]!['actual'] = 'lots';
      return card;
    },
    'a tier colour that is CSS, not #RRGGBB': (card) => {
      (card['tier'] as { current: { colour: string } }).current.colour = 'red; background: url(https://tracker.example/x)';
      return card;
    },
    'a missing list of periods': (card) => {
      delete card['availablePeriods'];
      return card;
    },
    'an unknown status': (card) => {
      (card['rows'] as Record<string, unknown>[])[1]!['status'] = 'great';
      return card;
    },
    'not a scorecard at all': () => ['<html>'],
  };

  for (const [what, rewrite] of Object.entries(broken)) {
    it(`shows the error state for ${what}`, async () => {
      const codes: string[] = [];
      const listener = (e: Event) => codes.push((e as CustomEvent<{ data: { code: string } }>).detail.data.code);
      document.addEventListener('pk-error', listener);
      try {
        const el = await mountOn({ partnerId: PARTNERS.lumen.id }, { as: manager, faults: [rewriteJson(SCORECARD, rewrite)] });
        expect(text(part(el, 'error-message'))).to.equal('The PartnerKit service sent an answer this page cannot read.');
        expect(part(el, 'retry-button')).to.not.equal(null);
        expect(parts(el, 'row')).to.have.length(0);
        expect(codes).to.deep.equal(['invalid_response']);
        await expect(el).to.be.accessible();
      } finally {
        document.removeEventListener('pk-error', listener);
      }
    });
  }

});
