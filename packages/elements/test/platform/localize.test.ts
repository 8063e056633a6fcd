import { expect, fixture, html } from '@open-wc/testing';
import type { TestWidget} from './fixtures/test-widget.js';
import { FakeClient, testEn, testVi } from './fixtures/test-widget.js';
import { catalogueDifferences, currencyFractionDigits, matchLanguage, resolveLanguageTag } from '../../src/platform/localize.js';
import { en } from '../../src/platform/i18n/en.js';
import { vi } from '../../src/platform/i18n/vi.js';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const DAY = 86_400_000;

async function loadedWidget(template: ReturnType<typeof html>) {
  const host = await fixture<HTMLElement>(template);
  const el = (host.localName === 'pk-test-widget' ? host : host.querySelector('pk-test-widget')) as TestWidget;
  return el;
}

describe('localisation', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('platform catalogues: Vietnamese has exactly the English keys, and no empty message', () => {
    expect(catalogueDifferences(en, vi)).to.deep.equal({ missing: [], extra: [] });
    expect(catalogueDifferences(testEn, testVi)).to.deep.equal({ missing: [], extra: [] });
    for (const catalogue of [en, vi]) {
      for (const [key, message] of Object.entries(catalogue)) {
        const text = typeof message === 'function' ? (message as (p: object) => string)({ requestId: 'r', seconds: 3 }) : message;
        expect(text.trim(), key).to.not.equal('');
      }
    }
  });

  it('takes the language from the element, else an ancestor, else the document', async () => {
    document.documentElement.lang = 'vi';
    const byDocument = await loadedWidget(html`<pk-test-widget></pk-test-widget>`);
    expect(byDocument.l10n.language).to.equal('vi');

    const byAncestor = await loadedWidget(html`<section lang="en-GB"><div><pk-test-widget></pk-test-widget></div></section>`);
    expect(byAncestor.l10n.lang).to.equal('en-GB');

    const byElement = await loadedWidget(html`<section lang="en"><pk-test-widget lang="vi-VN"></pk-test-widget></section>`);
    expect(byElement.l10n.language).to.equal('vi');
    expect(byElement.l10n.lang).to.equal('vi-VN');
  });

  it('crosses shadow roots to find the language', async () => {
    const outer = await fixture<HTMLElement>(html`<div lang="vi"></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('pk-test-widget');
    root.append(inner);
    expect(resolveLanguageTag(inner)).to.equal('vi');
  });

  it('falls back to English for languages without a catalogue, Intl included', () => {
    expect(matchLanguage('fr-FR')).to.deep.equal({ language: 'en', locale: 'en' });
    expect(matchLanguage('vi')).to.deep.equal({ language: 'vi', locale: 'vi' });
    expect(matchLanguage('EN-gb').locale).to.equal('en-GB');
  });

  it('switches live when the document, an ancestor or the element changes lang', async () => {
    const client = new FakeClient();
    const section = await fixture<HTMLElement>(html`<section><pk-test-widget .client=${client.asClient()}></pk-test-widget></section>`);
    const el = section.querySelector('pk-test-widget')!;
    client.last.resolve(['x']);
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    const heading = () => el.shadowRoot!.querySelector('h2')!.textContent;
    expect(heading()).to.equal('Things');

    document.documentElement.lang = 'vi';
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(heading()).to.equal('Mục');

    section.lang = 'en';
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(heading()).to.equal('Things');

    el.setAttribute('lang', 'vi');
    await el.updateComplete;
    expect(heading()).to.equal('Mục');
    expect(el.shadowRoot!.textContent).to.contain('1 mục');
  });

  it('formats money from minor units with the currency digits, in English and Vietnamese', async () => {
    const el = await loadedWidget(html`<pk-test-widget lang="en"></pk-test-widget>`);
    expect(currencyFractionDigits('USD')).to.equal(2);
    expect(currencyFractionDigits('VND')).to.equal(0);
    expect(el.l10n.money({ amount: 123456, currency: 'USD' })).to.equal('$1,234.56');
    expect(el.l10n.money({ amount: 1250000, currency: 'VND' })).to.equal('₫1,250,000');
    // A whole amount without its zero cents, unless asked for them.
    expect(el.l10n.money({ amount: 4200000, currency: 'USD' })).to.equal('$42,000');
    expect(el.l10n.money({ amount: 4200000, currency: 'USD' }, { minimumFractionDigits: 2 })).to.equal('$42,000.00');
    el.lang = 'vi';
    await el.updateComplete;
    expect(el.l10n.money({ amount: 123456, currency: 'USD' })).to.equal('1.234,56\u00a0US$');
    expect(el.l10n.money({ amount: 1250000, currency: 'VND' })).to.equal('1.250.000\u00a0₫');
    expect(el.l10n.money({ amount: 4200000, currency: 'USD' })).to.equal('42.000\u00a0US$');
  });

  it('formats numbers, percentages and dates in the element language', async () => {
    const el = await loadedWidget(html`<pk-test-widget lang="en"></pk-test-widget>`);
    expect(el.l10n.number(1234.5)).to.equal('1,234.5');
    expect(el.l10n.percent(0.825)).to.equal('82.5%');
    expect(el.l10n.date('2026-07-04T00:00:00Z', { dateStyle: 'medium', timeZone: 'UTC' })).to.equal('Jul 4, 2026');
    el.lang = 'vi';
    await el.updateComplete;
    expect(el.l10n.number(1234.5)).to.equal('1.234,5');
    expect(el.l10n.percent(0.825)).to.equal('82,5%');
    expect(el.l10n.date('2026-07-04T00:00:00Z', { dateStyle: 'short', timeZone: 'UTC' })).to.equal('4/7/26');
  });

  it('writes relative times ("expires in 12 days" / "hết hạn sau 12 ngày nữa")', async () => {
    const el = await loadedWidget(html`<pk-test-widget lang="en"></pk-test-widget>`);
    const when = () => el.l10n.relativeTime(NOW + 12 * DAY, { now: NOW, largestUnit: 'day' });
    expect(el.l10n.t('expires', { when: when() })).to.equal('expires in 12 days');
    expect(el.l10n.relativeTime(NOW - 3 * 3_600_000, { now: NOW })).to.equal('3 hours ago');
    expect(el.l10n.relativeTime(NOW + DAY, { now: NOW })).to.equal('tomorrow');
    expect(el.l10n.relativeTime(NOW + 45 * DAY, { now: NOW })).to.equal('in 2 months');
    expect(el.l10n.relativeTime(NOW + 45 * DAY, { now: NOW, largestUnit: 'day' })).to.equal('in 45 days');
    el.lang = 'vi';
    await el.updateComplete;
    expect(el.l10n.t('expires', { when: when() })).to.equal('hết hạn sau 12 ngày nữa');
  });
});
