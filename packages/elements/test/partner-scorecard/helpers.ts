/**
 * Helpers for `<partner-scorecard>`'s browser tests: mounting against the mock backend, waiting
 * for a load to settle, reading parts, and the formatting the scorecard promises, written down
 * independently of the element (straight `Intl`).
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { PartnerKitClient } from '@partnerkit/core/client';
import '../../src/define/partner-scorecard.js';
import type { PartnerScorecard } from '../../src/partner-scorecard/partner-scorecard.js';
import { scorecardClient, type ScorecardBackendOptions } from '../../../../stories/partner-scorecard/backend.js';
import { FIXTURE_PERIOD } from '../../../../stories/partner-scorecard/fixtures.js';

export interface MountOptions {
  partnerId?: string;
  /**
   * Default {@link FIXTURE_PERIOD}, the last complete quarter; `''` for none, and the backend then
   * takes its current quarter (2026-Q4 by the fixture clock, with no data yet).
   */
  period?: string;
  periods?: number;
  lang?: string;
  compact?: boolean;
  theme?: 'light' | 'dark' | 'auto';
}

/** Mounts a scorecard with `client` and the given attributes. */
export async function mount(options: MountOptions, client: PartnerKitClient): Promise<PartnerScorecard> {
  return fixture<PartnerScorecard>(html`<partner-scorecard
    .client=${client}
    partner-id=${options.partnerId ?? ''}
    period=${options.period ?? FIXTURE_PERIOD}
    periods=${options.periods ?? 6}
    lang=${options.lang ?? 'en'}
    theme=${options.theme ?? 'light'}
    ?compact=${options.compact ?? false}
  ></partner-scorecard>`);
}

/** Mounts against a mock backend made with `backend` and waits for the load to finish. */
export async function mountOn(options: MountOptions, backend: ScorecardBackendOptions): Promise<PartnerScorecard> {
  const el = await mount(options, scorecardClient(backend));
  await settled(el);
  return el;
}

/** Waits until nothing is loading any more (no skeleton, no busy scorecard) and the element rendered. */
export async function settled(el: PartnerScorecard): Promise<void> {
  // A change made just before (a click, a property) renders first; then the load must finish.
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot && !el.shadowRoot.querySelector('[aria-busy="true"]') && el.shadowRoot.childElementCount > 0, 'the scorecard did not settle', { timeout: 5000 });
  await el.updateComplete;
}

export const part = (el: Element, name: string): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const parts = (el: Element, name: string): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
/** Visible-or-not text with whitespace collapsed. */
export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Rows of the KPI table, keyed by KPI name. */
export function rows(el: Element): Map<string, HTMLTableRowElement> {
  const map = new Map<string, HTMLTableRowElement>();
  for (const row of parts(el, 'row') as HTMLTableRowElement[]) {
    const cell = row.querySelector('[part~="kpi-name"]')!;
    // The name is the cell's own text; the "lower is better" hint is an element inside it.
    const name = [...cell.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
    map.set(name, row);
  }
  return map;
}

/** Values are rounded to 12 significant digits before formatting (float noise never shows). */
const clean = (n: number) => Number(n.toPrecision(12));

/** The formatting the scorecard documents, in plain `Intl`. */
export const expectFormat = {
  /** Money from minor units; no minor digits when they are all zero. */
  money(lang: string, minor: number, currency: string): string {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    const amount = Math.round(clean(minor));
    const whole = amount % 10 ** digits === 0;
    return new Intl.NumberFormat(lang, { style: 'currency', currency, ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) }).format(amount / 10 ** digits);
  },
  /** A percent KPI: the value is a percentage. */
  percentValue: (lang: string, value: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(clean(value) / 100),
  count: (lang: string, value: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(clean(value)),
  attainment: (lang: string, ratio: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(ratio),
  score: (lang: string, score: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(score),
};
