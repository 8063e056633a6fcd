/**
 * The numbers on screen equal core's rules: every scorecard here is also computed in the test
 * with `computeScorecard` from the same fixtures, formatted with plain `Intl`, and compared with
 * what the element shows, in English and Vietnamese. Plus the cases people read most carefully:
 * a lower-is-better KPI, the top tier, a pending downgrade.
 */
import { expect } from '@open-wc/testing';
import { computeScorecard } from '@partnerkit/core/rules';
import type { Scorecard } from '@partnerkit/core/schemas';
import { FIXTURE_NOW, FIXTURE_PERIOD, PARTNERS, PROGRAMME, PROGRAMME_UNTRANSLATED, type FixturePartner, type Programme } from '../../../../stories/partner-scorecard/fixtures.js';
import { expectScorecardOnScreen, norm } from './expect-scorecard.js';
import { mountOn, part, parts, rows, text } from './helpers.js';

/** What core's rules say, from the very inputs the mock backend holds. */
function expected(partner: FixturePartner, period = FIXTURE_PERIOD, trendPeriods = 6, programme: Programme = PROGRAMME): Scorecard {
  return computeScorecard({
    partner,
    period,
    // Backends list KPIs by name (then id), and a scorecard's rows follow them.
    kpis: [...programme.kpis].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1)),
    tiers: programme.tiers,
    targets: programme.targets.filter((t) => t.partnerId === partner.id),
    measurements: programme.measurements.filter((m) => m.partnerId === partner.id),
    trendPeriods,
    now: FIXTURE_NOW,
  });
}

describe('<partner-scorecard> numbers equal core’s rules', () => {
  for (const lang of ['en', 'vi'] as const) {
    for (const partner of [PARTNERS.lumen, PARTNERS.saigon, PARTNERS.northwind, PARTNERS.markup]) {
      it(`${partner.id}, ${FIXTURE_PERIOD}, ${lang}`, async () => {
        const el = await mountOn({ partnerId: partner.id, lang, period: FIXTURE_PERIOD }, { as: { role: 'manager' } });
        expectScorecardOnScreen(el, expected(partner), lang);
      });
    }
  }

  it('says since when the partner holds its tier, in its language', async () => {
    const en = await mountOn({ partnerId: PARTNERS.lumen.id, period: FIXTURE_PERIOD }, { as: { role: 'manager' } });
    expect(text(part(en, 'tier-since'))).to.equal('since March 2024');
    const vi = await mountOn({ partnerId: PARTNERS.lumen.id, lang: 'vi', period: FIXTURE_PERIOD }, { as: { role: 'manager' } });
    expect(text(part(vi, 'tier-since'))).to.equal('từ tháng 3 năm 2024');
  });

  it('for another period and trend length', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id, period: '2026-Q1', periods: 4 }, { as: { role: 'manager' } });
    expectScorecardOnScreen(el, expected(PARTNERS.lumen, '2026-Q1', 4), 'en');
  });

  it('for a month and a year', async () => {
    const month = await mountOn({ partnerId: PARTNERS.northwind.id, period: '2026-08' }, { as: { role: 'manager' } });
    expectScorecardOnScreen(month, expected(PARTNERS.northwind, '2026-08'), 'en');
    expect((part(month, 'period-picker') as HTMLSelectElement).selectedOptions[0]!.textContent).to.equal('August 2026');
    const year = await mountOn({ partnerId: PARTNERS.northwind.id, period: '2025', lang: 'vi' }, { as: { role: 'manager' } });
    expectScorecardOnScreen(year, expected(PARTNERS.northwind, '2025'), 'vi');
  });
});

describe('<partner-scorecard> reads correctly', () => {
  it('writes money from minor units in the KPI’s currency, in English and Vietnamese', async () => {
    const en = await mountOn({ partnerId: PARTNERS.lumen.id, period: FIXTURE_PERIOD }, { as: { role: 'manager' } });
    const gap = norm(text(part(en, 'gap')));
    expect(gap).to.equal(norm('Revenue: $28,600 more to reach Gold now $221,400 over the last 12 months, required at least $250,000'));
    expect(norm(text(rows(en).get('Revenue')!.querySelector('[part~="actual"]')))).to.equal('$59,400');

    const vi = await mountOn({ partnerId: PARTNERS.lumen.id, lang: 'vi', period: FIXTURE_PERIOD }, { as: { role: 'manager' } });
    expect(norm(text(part(vi, 'gap')))).to.equal(
      norm('Doanh thu: cần thêm 28.600 US$ để lên hạng Vàng hiện là 221.400 US$ trong 12 tháng gần nhất, điều kiện tối thiểu 250.000 US$'),
    );
    expect(norm(text(rows(vi).get('Mức hài lòng của khách hàng')!.querySelector('[part~="actual"]')))).to.equal('89%');
    expect(norm(text(rows(vi).get('Thời gian phản hồi (ngày)')!.querySelector('[part~="actual"]')))).to.equal('2,6');
    expect(norm(text(part(vi, 'score')))).to.equal('Điểm tổng thể 90 trên 100');
    expect((part(vi, 'period-picker') as HTMLSelectElement).selectedOptions[0]!.textContent).to.equal('Quý 3/2026');
    // The time, then the day: "Cập nhật lúc 09:00 ngày 15/10/2026" (in the page's time zone).
    const at = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('vi', options).format(new Date(vi.scorecard!.generatedAt));
    expect(norm(text(vi.shadowRoot!.querySelector('.updated')))).to.equal(
      norm(`Cập nhật lúc ${at({ timeStyle: 'short' })} ngày ${at({ day: '2-digit', month: '2-digit', year: 'numeric' })}`),
    );
    expect(norm(text(vi.shadowRoot!.querySelector('.updated')))).to.match(/^Cập nhật lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}$/);
  });

  it('writes a currency without minor units (VND) as whole amounts', async () => {
    const programme: Programme = { ...PROGRAMME, kpis: PROGRAMME.kpis.map((k) => (k.unit === 'currency' ? { ...k, currency: 'VND' } : k)) };
    const el = await mountOn({ partnerId: PARTNERS.lumen.id, lang: 'vi', period: FIXTURE_PERIOD }, { as: { role: 'manager' }, programme });
    expectScorecardOnScreen(el, expected(PARTNERS.lumen, FIXTURE_PERIOD, 6, programme), 'vi');
    expect(norm(text(rows(el).get('Doanh thu')!.querySelector('[part~="actual"]')))).to.equal(norm('5.940.000 ₫'));
  });

  it('never shows floating-point noise: the gap agrees with the numbers beside it', async () => {
    // September alone: 2.55 days against a ceiling of 2 is a gap of 0.5499999999999998 in floats.
    const el = await mountOn({ partnerId: PARTNERS.lumen.id, period: '2026-09' }, { as: { role: 'manager' } });
    expect(norm(text(rows(el).get('Response time (days)')!.querySelector('[part~="actual"]')))).to.equal('2.6');
    expect(parts(el, 'gap').map((g) => norm(text(g)))).to.include('Response time (days): 0.6 lower to reach Gold now 2.6, required at most 2');
  });

  it('reads a lower-is-better KPI as a ceiling', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id, period: FIXTURE_PERIOD }, { as: { role: 'manager' } });
    const row = rows(el).get('Response time (days)')!;
    expect(norm(text(row.querySelector('[part~="kpi-name"]')))).to.equal('Response time (days) lower is better');
    expect(norm(text(row.querySelector('[part~="actual"]')))).to.equal('2.6');
    expect(norm(text(row.querySelector('[part~="target"]')))).to.equal('at most 2 tier requirement');
    // 2.6 against a ceiling of 2: attainment 2 - 2.6/2 = 70 %, off track.
    const bar = row.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('70');
    expect(bar.getAttribute('aria-valuetext')).to.equal('70% of target: 2.6 against a target of at most 2');
    expect(norm(text(row.querySelector('[part~="status"]')))).to.equal('Off track');
    expect(row.querySelector('[part~="sparkline"]')!.getAttribute('aria-label')).to.equal('Falling from 3.4 to 2.6 over 6 quarters');
    const gaps = parts(el, 'gap').map((g) => norm(text(g)));
    expect(gaps).to.include('Response time (days): 0.6 lower to reach Gold now 2.6, required at most 2');
  });

  it('says a top-tier partner is at the top, with no next tier', async () => {
    const el = await mountOn({ partnerId: PARTNERS.saigon.id, period: FIXTURE_PERIOD }, { as: { role: 'manager' } });
    expect(text(part(el, 'badge'))).to.equal('Tier: Platinum');
    expect(text(part(el, 'top-tier'))).to.equal('Platinum is the top tier of the programme.');
    expect(part(el, 'next-tier')).to.equal(null);
    expect(part(el, 'pending')).to.equal(null);
    expect(text(part(el, 'score-value'))).to.equal('100');
    await expect(el).to.be.accessible();

    el.setAttribute('lang', 'vi');
    await el.updateComplete;
    expect(text(part(el, 'top-tier'))).to.equal('Hạng Bạch kim là hạng cao nhất của chương trình.');
  });

  it('shows a pending downgrade with its date and what is missing to keep the tier', async () => {
    const card = expected(PARTNERS.northwind);
    expect(card.tier.pending?.tier.name).to.equal('Silver');
    const el = await mountOn({ partnerId: PARTNERS.northwind.id, period: FIXTURE_PERIOD }, { as: { role: 'manager' } });
    const pending = part(el, 'pending')!;
    expect(norm(text(pending))).to.equal(
      norm(
        'Downgrade pending Moves down to Silver on October 31, 2026, unless the Gold requirements are met again by then. ' +
          'Still missing to keep Gold: Revenue: $67,300 more to keep Gold now $182,700 over the last 12 months, required at least $250,000',
      ),
    );
    await expect(el).to.be.accessible();

    el.setAttribute('lang', 'vi');
    await el.updateComplete;
    expect(norm(text(part(el, 'pending')))).to.equal(
      norm(
        'Sắp xuống hạng Sẽ xuống hạng Bạc vào ngày 31 tháng 10 năm 2026, trừ khi đáp ứng lại các điều kiện của hạng Vàng trước thời điểm đó. ' +
          'Còn thiếu để giữ hạng Vàng: Doanh thu: cần thêm 67.300 US$ để giữ hạng Vàng hiện là 182.700 US$ trong 12 tháng gần nhất, điều kiện tối thiểu 250.000 US$',
      ),
    );
  });

  it('words what is missing to keep a tier apart from what is missing to reach one, in both languages', async () => {
    // Northwind holds Gold with a downgrade pending: the box lists what keeps Gold; the next tier, what reaches Platinum.
    for (const [lang, keep, reach] of [
      ['en', 'Revenue: $67,300 more to keep Gold', 'Revenue: $417,300 more to reach Platinum'],
      ['vi', 'Doanh thu: cần thêm 67.300 US$ để giữ hạng Vàng', 'Doanh thu: cần thêm 417.300 US$ để lên hạng Bạch kim'],
    ] as const) {
      const el = await mountOn({ partnerId: PARTNERS.northwind.id, lang, period: FIXTURE_PERIOD }, { as: { role: 'manager' } });
      const kept = [...part(el, 'pending')!.querySelectorAll('[part~="gap"]')].map((g) => norm(text(g)));
      const reached = [...part(el, 'next-tier')!.querySelectorAll('[part~="gap"]')].map((g) => norm(text(g)));
      expect(kept.some((g) => g.startsWith(norm(keep))), `${lang}: ${kept.join(' | ')}`).to.equal(true);
      expect(reached.some((g) => g.startsWith(norm(reach))), `${lang}: ${reached.join(' | ')}`).to.equal(true);
      for (const g of kept) expect(g, lang).not.to.match(/to reach|để lên/);
      for (const g of reached) expect(g, lang).not.to.match(/to keep|để giữ/);
    }
  });

  it('reads well around programme names it cannot translate', async () => {
    // No Vietnamese names in the programme: the English names stand set off, with the classifier "hạng" before a tier.
    const el = await mountOn({ partnerId: PARTNERS.lumen.id, lang: 'vi', period: FIXTURE_PERIOD }, { as: { role: 'manager' }, programme: PROGRAMME_UNTRANSLATED });
    const gaps = parts(el, 'gap').map((g) => norm(text(g)));
    expect(gaps[0]).to.equal(norm('Revenue: cần thêm 28.600 US$ để lên hạng Gold hiện là 221.400 US$ trong 12 tháng gần nhất, điều kiện tối thiểu 250.000 US$'));
    expect(text(part(el, 'badge'))).to.equal('Hạng: Silver');
    expect(text(part(el, 'next-tier'))).to.match(/^Hạng tiếp theo: Gold/);
    expect(rows(el).has('Revenue')).to.equal(true);
  });

  it('says when every requirement of the next tier is met', async () => {
    // Lumen's numbers, held against a ladder where the tier above Silver asks only for what it has.
    const el = await mountOn(
      { partnerId: PARTNERS.lumen.id },
      {
        as: { role: 'manager' },
        programme: {
          ...PROGRAMME,
          tiers: PROGRAMME.tiers.map((t) => (t.rank === 3 ? { ...t, requirements: [{ kpiId: 'pksc_certified', min: 3 }] } : t)),
        },
      },
    );
    expect(text(part(el, 'next-tier'))).to.equal('Next tier: Gold Every requirement for Gold is met.');
    el.setAttribute('lang', 'vi');
    await el.updateComplete;
    expect(text(part(el, 'next-tier'))).to.equal('Hạng tiếp theo: Vàng Đã đáp ứng mọi điều kiện của hạng Vàng.');
  });

  it('colours the tier badge with the tier’s colour and a readable text colour', async () => {
    const gold = await mountOn({ partnerId: PARTNERS.northwind.id, period: FIXTURE_PERIOD }, { as: { role: 'manager' } });
    const goldBadge = getComputedStyle(part(gold, 'badge')!);
    expect(goldBadge.backgroundColor).to.equal('rgb(212, 175, 55)');
    expect(goldBadge.color).to.equal('rgb(0, 0, 0)');
    const platinum = await mountOn({ partnerId: PARTNERS.saigon.id, period: FIXTURE_PERIOD }, { as: { role: 'manager' } });
    const platinumBadge = getComputedStyle(part(platinum, 'badge')!);
    expect(platinumBadge.backgroundColor).to.equal('rgb(30, 58, 138)');
    expect(platinumBadge.color).to.equal('rgb(255, 255, 255)');
  });
});
