/**
 * The notices few `<partner-scorecard>`s show: a pending downgrade, the certifications missing for
 * a tier, the expiries 60 days ahead that would leave the partner short of its own, a programme
 * without KPIs, and the box a manager session without `partner-id` gets, with their words in both
 * languages. They load the
 * first time one is shown (issue 18's page cap, see docs/decisions.md).
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CertificationCheck, CertificationExpiry } from '@partnerkit/core/schemas';
import type { PartnerKitHost } from '../platform/host.js';
import { LocalizeController } from '../platform/localize.js';
import { renderEmpty, type PlatformText } from '../platform/state-views.js';
import { noticesEn, type NoticeMessages } from './i18n/notices-en.js';
import { noticesVi } from './i18n/notices-vi.js';

export class RareNotices {
  readonly #words: LocalizeController<NoticeMessages>;

  constructor(host: PartnerKitHost) {
    this.#words = new LocalizeController(host, { en: noticesEn, vi: noticesVi });
  }

  /** A programme that defines no KPIs yet, as the platform's empty state (`l`: the element's words). */
  noKpis(l: PlatformText): TemplateResult {
    return renderEmpty(l, this.#words.t('emptyKpis'));
  }

  /** The box a manager or admin session without `partner-id` gets: which partner to show? */
  needsPartner(): TemplateResult {
    const l = this.#words;
    return html`<div class="state state--empty" part="state needs-partner" role="alert">
      <p class="state__title">${l.t('needsPartner')}</p>
      <p class="state__body">${l.t('needsPartnerBody')}</p>
    </div>`;
  }

  /** The pending downgrade from `from` to `to` at `effectiveAt`, with what is still missing to keep `from` (`gaps`, when any). */
  pending(from: string, to: string, effectiveAt: string, gaps: TemplateResult | undefined): TemplateResult {
    const l = this.#words;
    return html`<div class="notice notice--pending" part="pending">
      <h3>${l.t('pending')}</h3>
      <p>${l.t('pendingBody', { from, to, date: this.#longDate(effectiveAt) })}</p>
      ${gaps ? html`<p>${l.t('pendingUnmet', { tier: from })}</p>${gaps}` : nothing}
    </div>`;
  }

  /** "Technical Implementation: 1 more person certified to reach Gold", the certification's name in the element's language. */
  gap(check: CertificationCheck, tier: string, aim: 'reach' | 'keep'): TemplateResult {
    const l = this.#words;
    return html`<li part="gap">${l.t(`cert.${aim}`, { name: l.localise(check).name, missing: check.missing, tier })} <span class="hint gap__detail">${l.t('certDetail', { held: check.held, required: check.required })}</span></li>`;
  }

  /** The notice of expiries that would leave the partner short of `tier`. */
  expiring(expiring: readonly CertificationExpiry[], tier: string): TemplateResult {
    const l = this.#words;
    return html`<ul class="notice notice--pending gaps" part="expiring">
      ${expiring.map((w) => html`<li>${l.t('expiring', { name: l.localise(w).name, count: w.expiring, date: this.#longDate(`${w.before}T12:00:00Z`), tier, required: w.required })}</li>`)}
    </ul>`;
  }

  /** A day inside a sentence: "December 31, 2026", "ngày 31 tháng 12 năm 2026". */
  #longDate(value: string): string {
    const l = this.#words;
    // The day, month and year in the page's time zone, the one Intl formats in: both name one day.
    const date = new Date(value);
    return l.t('date.long', { formatted: l.date(date, { dateStyle: 'long' }), day: date.getDate(), month: date.getMonth() + 1, year: date.getFullYear() });
  }
}
