/**
 * The check behind "the numbers on screen equal core's rules": given the scorecard core's
 * `computeScorecard` produced for the same inputs, every number, status, trend, gap and notice the
 * element shows must be that scorecard's, formatted with plain `Intl` in the element's language.
 */
import { expect } from '@open-wc/testing';
import { localise } from '@partnerkit/core/rules';
import type { Kpi, Scorecard, ScorecardStatus, Tier } from '@partnerkit/core/schemas';
import { expectFormat, part, parts, text } from './helpers.js';

export type Lang = 'en' | 'vi';

/** Intl output carries no-break spaces; compare text with all white space folded. */
export const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export function value(lang: Lang, kpi: Kpi, n: number): string {
  if (kpi.unit === 'currency') return expectFormat.money(lang, n, kpi.currency!);
  if (kpi.unit === 'percent') return expectFormat.percentValue(lang, n);
  return expectFormat.count(lang, n);
}

const STATUS_TEXT: Record<Lang, Record<ScorecardStatus, string>> = {
  en: { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', no_target: 'No target', no_data: 'No data' },
  vi: { on_track: 'Đúng tiến độ', at_risk: 'Có rủi ro', off_track: 'Chậm tiến độ', no_target: 'Chưa có chỉ tiêu', no_data: 'Chưa có số liệu' },
};
const AT_MOST: Record<Lang, string> = { en: 'at most', vi: 'tối đa' };

/** A KPI's or tier's name as a reader of `lang` sees it: its translation, else the default. */
export const nameIn = (lang: Lang, entity: Kpi | Tier) => localise(entity, lang).name;

/** A day inside a sentence, as the element writes it: "October 31, 2026", "ngày 31 tháng 10 năm 2026". */
export function sentenceDate(lang: Lang, value: string): string {
  const date = new Date(value);
  if (lang === 'vi') return `ngày ${date.getDate()} tháng ${date.getMonth() + 1} năm ${date.getFullYear()}`;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date);
}

/**
 * Compares every number the element shows with `card`, formatted for `lang`. Rows are matched by
 * position: `card.rows` must be in the order the backend sent them.
 */
export function expectScorecardOnScreen(el: HTMLElement, card: Scorecard, lang: Lang): void {
  const shown = parts(el, 'row');
  expect(shown.length, 'one row per KPI').to.equal(card.rows.length);

  card.rows.forEach((row, index) => {
    const tr = shown[index]!;
    const kpiName = nameIn(lang, row.kpi);
    expect(norm(text(tr.querySelector('[part~="kpi-name"]'))).startsWith(norm(kpiName)), `row ${index} is ${kpiName}`).to.equal(true);
    const cell = (name: string) => norm(text(tr.querySelector(`[part~="${name}"]`)));
    const label = `${kpiName} (${lang})`;

    expect(cell('actual'), `${label} actual`).to.equal(row.actual === null ? norm('—' + (lang === 'en' ? 'none' : 'không có')) : norm(value(lang, row.kpi, row.actual)));

    if (row.target === null) {
      expect(cell('target'), `${label} target`).to.match(/^—/);
    } else {
      const target = value(lang, row.kpi, row.target);
      const phrase = row.kpi.direction === 'lower_is_better' ? `${AT_MOST[lang]} ${target}` : target;
      expect(cell('target').startsWith(norm(phrase)), `${label} target "${cell('target')}" starts with "${phrase}"`).to.equal(true);
    }

    const bar = tr.querySelector('[role="progressbar"]');
    if (row.attainment === null) {
      expect(bar, `${label} has no progress bar`).to.equal(null);
    } else {
      const percent = Math.round(row.attainment * 100);
      expect(bar!.getAttribute('aria-valuenow'), `${label} aria-valuenow`).to.equal(String(Math.min(Math.max(percent, 0), 100)));
      expect(bar!.getAttribute('aria-valuemin')).to.equal('0');
      expect(bar!.getAttribute('aria-valuemax')).to.equal('100');
      const valueText = norm(bar!.getAttribute('aria-valuetext')!);
      expect(valueText, `${label} value text`).to.contain(norm(expectFormat.attainment(lang, row.attainment)));
      expect(valueText).to.contain(norm(value(lang, row.kpi, row.actual!)));
      expect(valueText).to.contain(norm(value(lang, row.kpi, row.target!)));
      expect(bar!.getAttribute('aria-label')).to.contain(kpiName);
    }

    expect(norm(text(tr.querySelector('.status__label'))), `${label} status`).to.equal(STATUS_TEXT[lang][row.status]);
    expect(tr.getAttribute('part')).to.equal(`row row-${row.status.replace('_', '-')}`);

    const known = row.trend.filter((p) => p.value !== null);
    const sparkline = tr.querySelector('[part~="sparkline"]')!;
    expect(sparkline.getAttribute('role')).to.equal('img');
    const summary = norm(sparkline.getAttribute('aria-label')!);
    if (known.length > 0) {
      expect(summary, `${label} trend`).to.contain(norm(value(lang, row.kpi, known.at(-1)!.value!)));
      if (known.length > 1 && known[0]!.value !== known.at(-1)!.value) expect(summary).to.contain(norm(value(lang, row.kpi, known[0]!.value!)));
    }
  });

  if (card.score === null) {
    expect(part(el, 'score-value')).to.equal(null);
  } else {
    expect(text(part(el, 'score-value'))).to.equal(expectFormat.score(lang, card.score));
  }

  const nextTier = part(el, 'next-tier');
  if (card.tier.isTop || !card.tier.next) {
    expect(nextTier).to.equal(null);
  } else {
    const unmet = card.tier.next.gaps.filter((g) => !g.met);
    const gaps = [...nextTier!.querySelectorAll('[part~="gap"]')].map((g) => norm(text(g)));
    expect(gaps.length).to.equal(unmet.length);
    unmet.forEach((gap, i) => {
      const kpi = card.rows.find((r) => r.kpi.id === gap.kpiId)!.kpi;
      expect(gaps[i], `gap ${kpi.name}`).to.contain(norm(value(lang, kpi, gap.missing)));
      expect(gaps[i]).to.contain(nameIn(lang, kpi));
      expect(gaps[i]).to.contain(nameIn(lang, card.tier.next!.tier));
    });
  }

  const pending = part(el, 'pending');
  if (card.tier.pending && card.tier.current) {
    expect(norm(text(pending)), 'pending downgrade').to.contain(norm(sentenceDate(lang, card.tier.pending.effectiveAt)));
    expect(norm(text(pending))).to.contain(nameIn(lang, card.tier.pending.tier));
    const unmet = card.tier.requirements.filter((r) => !r.met);
    expect(pending!.querySelectorAll('[part~="gap"]').length).to.equal(unmet.length);
  } else {
    expect(pending, 'no pending downgrade').to.equal(null);
  }

  expect(part(el, 'top-tier') !== null, 'top tier notice').to.equal(card.tier.isTop);
  expect(text(part(el, 'badge'))).to.contain(card.tier.current ? nameIn(lang, card.tier.current) : lang === 'en' ? 'No tier yet' : 'Chưa có hạng');
  const since = part(el, 'tier-since');
  if (card.tier.current && card.partner.tierSince) {
    const month = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(card.partner.tierSince));
    expect(text(since)).to.equal(`${lang === 'en' ? 'since' : 'từ'} ${month}`);
  } else {
    expect(since, 'no tier-since without a date').to.equal(null);
  }
}
