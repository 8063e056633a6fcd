/**
 * `<partner-scorecard>`: a partner's KPIs against their targets, its tier, and the way to the
 * next tier, computed on the backend by core's rules so both sides see the same numbers.
 * @module
 */
import { html, nothing, svg, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { TaskStatus } from '@lit/task';
import { partners } from '@partnerkit/core/client/partners';
import { session } from '@partnerkit/core/client/session';
import type { CertificationCheck, Kpi, RequirementCheck, Scorecard, ScorecardRow, ScorecardStatus, Tier, TrendPoint } from '@partnerkit/core/schemas';
import { LazyView } from '../controllers/lazy-view.js';
import { PartnerKitElement } from '../platform/partnerkit-element.js';
import { renderEmpty, renderLoading } from '../platform/state-views.js';
import { styleProperties } from '../platform/style-properties.js';
import { PkPeriodChangeEvent } from '../events/period-change.js';
import { PkScorecardLoadEvent } from '../events/scorecard-load.js';
import type { RareNotices } from './rare-notices.js';
import { boundKey, capitalise, formatAttainment, formatKpiValue, formatPeriodLabel, formatScore } from './format.js';
import { newestFirst, readPeriod } from './period.js';
import { scorecardCatalogues, type ScorecardMessages } from './i18n/index.js';
import { SPARKLINE_HEIGHT, SPARKLINE_WIDTH, sparklineGeometry, trendSummary } from './sparkline.js';
import { STATUS_ICONS } from './status-icons.js';
import { scorecardStyles } from './partner-scorecard.styles.js';
import { badgeColours } from './tier-colour.js';

/** Trend length when `periods` is absent or not a whole number from 1 to 24 (the contract's range). */
const DEFAULT_PERIODS = 6;

/** The load's answer when a manager or admin session gives no `partner-id`: there is no partner to show. */
const NEEDS_PARTNER = 'needs-partner';

type Loaded = Scorecard | typeof NEEDS_PARTNER;

const statusClass = (status: ScorecardStatus) => status.replace('_', '-');

/**
 * A partner's scorecard: name and tier badge, a period picker, one row per KPI (actual, target,
 * attainment bar, status, trend sparkline), the weighted score, what is missing for the next tier,
 * a pending downgrade and the top tier.
 *
 * For a partner session `partner-id` may be left out (the session's own partner is shown); a
 * manager session must name the partner. Loads again, aborting the previous request, when
 * `partner-id`, `period` or `periods` change.
 *
 * @summary A partner's KPIs, tier and the way to the next tier.
 * @tagname partner-scorecard
 *
 * @fires {PkScorecardLoadEvent} pk-scorecard-load - a scorecard loaded and is shown; `detail.data.scorecard`
 * @fires {PkPeriodChangeEvent} pk-period-change - the person picked a period; `detail.data.period`, `detail.data.previousPeriod`
 * @fires {PkErrorEvent} pk-error - loading failed (also `partner_id_required` when a manager session gives no `partner-id`)
 *
 * @csspart scorecard - the card around the data
 * @csspart header - the partner's name, tier badge and period picker
 * @csspart partner-name - the partner's name
 * @csspart badge - the current tier badge (its background is the tier's colour)
 * @csspart tier-since - since when the partner holds its tier, when the backend says
 * @csspart period-picker - the period `<select>`
 * @csspart score - the overall score line
 * @csspart score-value - the overall score number
 * @csspart table - the KPI table
 * @csspart row - one KPI row; also `row-on-track`, `row-at-risk`, `row-off-track`, `row-no-target`, `row-no-data`
 * @csspart kpi-name - the KPI name cell
 * @csspart actual - the actual value cell
 * @csspart target - the target cell
 * @csspart bar - the attainment progress bar (the track)
 * @csspart bar-fill - the filled part of the attainment bar
 * @csspart status - a row's status (icon and text)
 * @csspart status-icon - a row's status icon
 * @csspart sparkline - a row's trend sparkline (`<svg>`)
 * @csspart tier - the tier section (next tier, pending change, top tier)
 * @csspart next-tier - what is missing for the next tier
 * @csspart gap - one unmet requirement (a KPI or a certification)
 * @csspart expiring - certifications expiring within 60 days that would leave the partner short of its tier
 * @csspart pending - the pending downgrade notice
 * @csspart top-tier - the top-tier notice
 * @csspart needs-partner - the box shown when a manager session gives no `partner-id`
 *
 * @cssprop --pk-scorecard-on-track-color - status colour "on track" (default: `--pk-color-success`)
 * @cssprop --pk-scorecard-at-risk-color - status colour "at risk" (default: `--pk-color-warning`)
 * @cssprop --pk-scorecard-off-track-color - status colour "off track" (default: `--pk-color-danger`)
 * @cssprop --pk-scorecard-no-target-color - status colour "no target" (default: `--pk-color-text-muted`)
 * @cssprop --pk-scorecard-no-data-color - status colour "no data" (default: `--pk-color-text-muted`)
 * @cssprop --pk-scorecard-bar-track-color - the empty part of attainment bars
 * @cssprop --pk-scorecard-bar-height - attainment bar thickness (default `0.5em`)
 * @cssprop --pk-scorecard-sparkline-color - trend line colour (default: `--pk-color-primary`)
 * @cssprop --pk-scorecard-row-border-color - line between rows (default: `--pk-color-border`)
 * @cssprop --pk-scorecard-badge-radius - tier badge corner radius (default: a pill)
 * @cssprop --pk-scorecard-badge-background - badge background when the tier has no valid colour
 * @cssprop --pk-scorecard-badge-color - badge text when the tier has no valid colour
 * @cssprop --pk-scorecard-notice-background - background of the tier notices
 */
export class PartnerScorecard extends PartnerKitElement<ScorecardMessages> {
  static override styles = [PartnerKitElement.styles, scorecardStyles];

  // Declared here rather than with decorators: the decorator helper would otherwise be bundled
  // into every chunk that declares properties (see resource-library.ts).
  static override properties: PropertyDeclarations = {
    partnerId: { attribute: 'partner-id' },
    period: {},
    periods: { type: Number },
    compact: { type: Boolean, reflect: true },
  };

  /** The partner to show. Optional for a partner session (its own partner); required for a manager session. */
  declare partnerId?: string;

  /** The period to show (`2026-Q3`, `2026-07`, `2026`); absent: the backend's default (the current quarter). */
  declare period?: string;

  /** How many periods the trend sparklines cover, 1-24 (default 6). */
  periods = DEFAULT_PERIODS;

  /** A condensed layout: tighter spacing, no trend column, status as icon (its text stays for screen readers). */
  compact = false;

  readonly #data = this.createDataTask(
    () => [this.partnerId || null, this.period || null, trendLength(this.periods)] as const,
    async ([partnerId, period, periods], { client, signal }): Promise<Loaded> => {
      let id = partnerId;
      if (!id) {
        const principal = await session(client).get({ signal });
        // Managers and admins may see every partner: guessing one would be wrong.
        if (principal.role !== 'partner' || !principal.partnerId) {
          this.reportError({ code: 'partner_id_required', message: 'partner-id is required for a manager or admin session' });
          return NEEDS_PARTNER;
        }
        id = principal.partnerId;
      }
      return partners(client).scorecard(id, period ? { period, periods } : { periods }, { signal });
    },
  );

  /** The notices few scorecards show (a pending downgrade, certifications, no partner named), loaded the first time one is. */
  readonly #notices = new LazyView(this, () => import('./rare-notices.js').then((m) => new m.RareNotices(this)));

  /** The scorecard last announced with `pk-scorecard-load`. */
  #announced: Scorecard | undefined;

  constructor() {
    super(scorecardCatalogues);
  }

  /** The scorecard on screen, if any (also while the next period loads). */
  get scorecard(): Scorecard | undefined {
    const value = this.#data.value;
    return value && value !== NEEDS_PARTNER ? value : undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const shown = this.#data.status === TaskStatus.COMPLETE ? this.scorecard : undefined;
    if (shown && shown !== this.#announced) {
      this.#announced = shown;
      this.emit(new PkScorecardLoadEvent(shown));
    }
  }

  protected override render(): unknown {
    if (!this.localize.ready) return renderLoading(this.localize, () => this.#renderSkeleton());
    const { status, value } = this.#data;
    if (this.resolvedClient && value !== undefined) {
      if (status === TaskStatus.COMPLETE && value === NEEDS_PARTNER) return this.#rare((notices) => notices.needsPartner());
      // While another period of the same partner loads, the current one stays (dimmed, aria-busy),
      // so the period picker keeps its focus and the layout does not jump.
      const samePartner = value !== NEEDS_PARTNER && (!this.partnerId || this.partnerId === value.partner.id);
      if (value !== NEEDS_PARTNER && (status === TaskStatus.COMPLETE || (status === TaskStatus.PENDING && samePartner))) {
        return this.#renderScorecard(value, status === TaskStatus.PENDING);
      }
    }
    return this.renderStates(this.#data, { data: () => nothing, loading: () => this.#renderSkeleton() });
  }

  #renderSkeleton(): TemplateResult {
    const cell = html`<span class="skeleton"></span>`;
    const row = html`<div class="skeleton-row">${cell}${cell}${cell}${cell}${cell}</div>`;
    return html`<div class="skeleton-layout" aria-hidden="true">
      <div class="identity"><span class="skeleton skeleton--medium"></span><span class="skeleton skeleton--pill"></span></div>
      <span class="skeleton skeleton--short"></span>
      ${row}${row}${row}${row}
    </div>`;
  }

  #renderScorecard(scorecard: Scorecard, busy: boolean): TemplateResult {
    const l = this.localize;
    const current = scorecard.tier.current && l.localise(scorecard.tier.current);
    const colours = badgeColours(current?.colour);
    const hasData = scorecard.rows.some((row) => row.actual !== null);
    const periodLabel = this.#periodLabel(scorecard.period);
    // KPI and tier names in the element's language (the programme's translations), else the default.
    const kpis = new Map(scorecard.rows.map((row) => [row.kpi.id, l.localise(row.kpi)]));
    // While another period loads, the picker already shows the one picked.
    const selected = busy ? this.period || scorecard.period : scorecard.period;

    return html`<section class="scorecard" part="scorecard" aria-label=${l.t('label', { partner: scorecard.partner.name })} aria-busy=${busy ? 'true' : 'false'}>
      <div class="header" part="header">
        <div class="identity">
          <h2 class="name" part="partner-name">${scorecard.partner.name}</h2>
          <span class="badge" part="badge" style=${styleProperties(colours ? { '--_tier-colour': colours.background, '--_tier-on-colour': colours.foreground } : {})}
            ><span class="visually-hidden">${l.t('tier')} </span>${current ? current.name : l.t('noTier')}</span
          >
          ${current && scorecard.partner.tierSince
            ? html`<span class="muted" part="tier-since">${l.t('tierSince', { date: l.date(scorecard.partner.tierSince, { month: 'long', year: 'numeric', timeZone: 'UTC' }) })}</span>`
            : nothing}
        </div>
        <label class="picker">
          ${l.t('period')}
          <select part="period-picker" .value=${selected} @change=${this.#onPeriodPicked}>
            ${repeat(
              this.#pickerPeriods(scorecard),
              (period) => period,
              (period) => html`<option value=${period} ?selected=${period === selected}>${capitalise(this.#periodLabel(period), l.lang)}</option>`,
            )}
          </select>
        </label>
      </div>
      <div class="body">
        ${scorecard.rows.length === 0
          ? this.#rare((notices) => notices.noKpis(l))
          : hasData
            ? html`${this.#renderScore(scorecard.score)}${this.#renderTable(scorecard.rows, periodLabel)}`
            : renderEmpty(l, l.t('emptyPeriod', { period: periodLabel }))}
      </div>
      ${scorecard.rows.length === 0 ? nothing : this.#renderTier(scorecard, kpis)}
      <p class="updated muted">${this.#renderUpdated(scorecard.generatedAt)}</p>
    </section>`;
  }

  /** When the scorecard was computed: "Updated Oct 15, 2026, 9:00 AM", "Cập nhật lúc 09:00 ngày 15/10/2026". */
  #renderUpdated(at: string): string {
    const l = this.localize;
    return l.t('updated', {
      when: l.date(at, { dateStyle: 'medium', timeStyle: 'short' }),
      time: l.date(at, { timeStyle: 'short' }),
      day: l.date(at, { day: '2-digit', month: '2-digit', year: 'numeric' }),
    });
  }

  #renderScore(score: number | null): TemplateResult {
    const l = this.localize;
    return html`<p class="score" part="score">
      <span class="muted">${l.t('score')}</span>
      ${score === null
        ? html`<span>${l.t('scoreNone')}</span>`
        : html`<span class="score__value" part="score-value">${formatScore(l, score)}</span>
            <span class="muted">${l.t('scoreOutOf')}</span>`}
    </p>`;
  }

  #renderTable(rows: readonly ScorecardRow[], periodLabel: string): TemplateResult {
    const l = this.localize;
    const caption = l.t('caption', { period: periodLabel });
    // In a narrow container each row becomes a card (CSS): the explicit roles keep it a table for
    // assistive technology, whose cells the column headers still name.
    return html`<table part="table" role="table" aria-label=${caption}>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">${l.t('col.kpi')}</th>
          <th scope="col" role="columnheader" class="num">${l.t('col.actual')}</th>
          <th scope="col" role="columnheader" class="num">${l.t('col.target')}</th>
          <th scope="col" role="columnheader">${l.t('col.attainment')}</th>
          <th scope="col" role="columnheader">${l.t('col.status')}</th>
          <th scope="col" role="columnheader" class="col-trend">${l.t('col.trend')}</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${repeat(
          rows,
          (row) => row.kpi.id,
          (row) => this.#renderRow(row),
        )}
      </tbody>
    </table>`;
  }

  #renderRow(row: ScorecardRow): TemplateResult {
    const l = this.localize;
    const kpi = l.localise(row.kpi);
    const lower = kpi.direction === 'lower_is_better';
    const actual = row.actual === null ? null : formatKpiValue(l, kpi, row.actual);
    const target = row.target === null ? null : this.#targetText(kpi, row.target);
    const css = statusClass(row.status);
    // A card's labels (data-label, drawn by CSS) repeat the column headers for the eye only.
    return html`<tr class="row row--${css}" part="row row-${css}" role="row">
      <th scope="row" role="rowheader" part="kpi-name">
        ${kpi.name}${lower ? html` <span class="hint">${l.t('lowerIsBetter')}</span>` : nothing}
      </th>
      <td class="num" role="cell" part="actual" data-label=${l.t('col.actual')}>${actual ?? this.#renderNone()}</td>
      <td class="num" role="cell" part="target" data-label=${l.t('col.target')}>
        ${target ?? this.#renderNone()}${row.targetSource === 'tier' ? html` <span class="hint hint--source">${l.t('targetFromTier')}</span>` : nothing}
      </td>
      <td class="cell-bar" role="cell" data-label=${l.t('col.attainment')}>${this.#renderBar(row, kpi, actual, target)}</td>
      <td class="cell-status" role="cell">
        <span class="status" part="status">
          <svg class="status__icon" part="status-icon" viewBox="0 0 16 16" aria-hidden="true">${STATUS_ICONS[row.status]}</svg>
          <span class="status__label ${this.compact ? 'visually-hidden' : ''}">${l.t(`status.${row.status}`)}</span>
        </span>
      </td>
      <td class="col-trend" role="cell" data-label=${l.t('col.trend')}>${this.#renderSparkline(kpi, row.trend)}</td>
    </tr>`;
  }

  #renderNone(): TemplateResult {
    return html`<span class="muted" aria-hidden="true">—</span><span class="visually-hidden">${this.localize.t('none')}</span>`;
  }

  /** A target as people read it: "at most 3" for lower-is-better KPIs, the plain value otherwise. */
  #targetText(kpi: Kpi, value: number): string {
    const formatted = formatKpiValue(this.localize, kpi, value);
    return kpi.direction === 'lower_is_better' ? this.localize.t('atMost', { value: formatted }) : formatted;
  }

  #renderBar(row: ScorecardRow, kpi: Kpi, actual: string | null, target: string | null): TemplateResult {
    const l = this.localize;
    if (row.attainment === null || actual === null || target === null) {
      return html`<div class="attainment"><div class="bar" aria-hidden="true"></div></div>`;
    }
    const percent = Math.round(row.attainment * 100);
    const text = formatAttainment(l, row.attainment);
    // The bar shows up to 100 %; beyond the target the value text tells how far.
    return html`<div class="attainment">
      <div class="bar" part="bar" role="progressbar" aria-label=${l.t('attainmentLabel', { kpi: kpi.name })}
        aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.min(Math.max(percent, 0), 100)}
        aria-valuetext=${l.t('attainmentText', { attainment: text, actual, target })}>
        <div class="bar__fill" part="bar-fill" style=${styleProperties({ '--_fill': String(Math.min(Math.max(row.attainment, 0), 1)) })}></div>
      </div>
      <span class="num" aria-hidden="true">${text}</span>
    </div>`;
  }

  #renderSparkline(kpi: Kpi, trend: readonly TrendPoint[]): TemplateResult {
    const { paths, dots, last } = sparklineGeometry(trend);
    return html`<svg class="sparkline" part="sparkline" viewBox="0 0 ${SPARKLINE_WIDTH} ${SPARKLINE_HEIGHT}" role="img" aria-label=${this.#trendText(kpi, trend)}>
      ${paths.map((d) => svg`<path d=${d} vector-effect="non-scaling-stroke"></path>`)}${dots.map((p) => svg`<circle cx=${p.x} cy=${p.y} r="1.8"></circle>`)}${last
        ? svg`<circle cx=${last.x} cy=${last.y} r="2.4"></circle>`
        : nothing}
    </svg>`;
  }

  /** The sparkline's text alternative: "Rising from 12 to 18 over 6 quarters". */
  #trendText(kpi: Kpi, trend: readonly TrendPoint[]): string {
    const l = this.localize;
    const summary = trendSummary(trend);
    if (summary.kind === 'none') return l.t('trend.none');
    if (summary.kind === 'single') {
      return l.t('trend.single', { value: formatKpiValue(l, kpi, summary.value), period: this.#periodLabel(summary.period) });
    }
    return l.t('trend', {
      kind: summary.kind,
      from: formatKpiValue(l, kpi, summary.from),
      to: formatKpiValue(l, kpi, summary.to),
      span: summary.span,
      grain: l.t(`grain.${readPeriod(trend[0]?.period ?? '')?.grain ?? 'quarter'}`),
    });
  }

  #renderTier(scorecard: Scorecard, kpis: ReadonlyMap<string, Kpi>): unknown {
    const { pending, certifications, expiring, next } = scorecard.tier;
    // Most standings have no pending downgrade and name no certification: those notices and their words load the first time one does.
    const rare = pending || expiring.length > 0 || [...certifications, ...(next?.certifications ?? [])].some((check) => !check.met);
    return rare ? this.#rare((notices) => this.#renderTierBlocks(scorecard, kpis, notices)) : this.#renderTierBlocks(scorecard, kpis);
  }

  /** `render` with the rare notices' code, loading it the first time (loading, or the import's error with a retry, meanwhile). */
  #rare(render: (notices: RareNotices) => unknown): unknown {
    this.#notices.ensure();
    return this.#notices.render(this.localize, render);
  }

  #renderTierBlocks(scorecard: Scorecard, kpis: ReadonlyMap<string, Kpi>, notices?: RareNotices): TemplateResult | typeof nothing {
    const l = this.localize;
    const { isTop, requirements, pending, certifications, expiring } = scorecard.tier;
    const current = scorecard.tier.current && l.localise(scorecard.tier.current);
    const next = scorecard.tier.next && { ...scorecard.tier.next, tier: l.localise(scorecard.tier.next.tier) };
    const blocks: unknown[] = [];
    if (pending && current) {
      const unmet = [...requirements, ...certifications].filter((check) => !check.met);
      blocks.push(notices?.pending(current.name, l.localise(pending.tier).name, pending.effectiveAt, unmet.length > 0 ? this.#renderGaps(unmet, current, kpis, 'keep', notices) : undefined));
    }
    // Expiries 60 days ahead that would leave the partner short of its tier's certifications.
    if (current && expiring.length > 0) blocks.push(notices?.expiring(expiring, current.name));
    if (isTop && current) {
      blocks.push(html`<p class="notice notice--top" part="top-tier">${l.t('top', { tier: current.name })}</p>`);
    } else if (next) {
      const unmet = [...next.gaps, ...next.certifications].filter((check) => !check.met);
      blocks.push(html`<div class="notice" part="next-tier">
        <h3>${l.t('next', { tier: next.tier.name })}</h3>
        ${unmet.length === 0 ? html`<p>${l.t('nextMet', { tier: next.tier.name })}</p>` : this.#renderGaps(unmet, next.tier, kpis, 'reach', notices)}
      </div>`);
    }
    return blocks.length === 0 ? nothing : html`<div class="tier" part="tier">${blocks}</div>`;
  }

  /** Unmet requirements of `tier` (KPIs, then certifications), worded for what they are for: reaching it, or keeping it. */
  #renderGaps(checks: readonly (RequirementCheck | CertificationCheck)[], tier: Tier, kpis: ReadonlyMap<string, Kpi>, aim: 'reach' | 'keep', notices: RareNotices | undefined): TemplateResult {
    return html`<ul class="gaps">
      ${checks.map((check) => ('kpiId' in check ? this.#renderGap(check, tier, kpis.get(check.kpiId), aim) : notices?.gap(check, tier.name, aim)))}
    </ul>`;
  }

  /** One unmet requirement: "Revenue: $41,200 more to reach Gold", then "now …, required at least …". */
  #renderGap(check: RequirementCheck, tier: Tier, kpi: Kpi | undefined, aim: 'reach' | 'keep'): TemplateResult {
    const l = this.localize;
    // A requirement on a KPI the scorecard does not list: the id and plain numbers are all there is.
    const known: Pick<Kpi, 'name' | 'unit' | 'currency' | 'direction'> = kpi ?? { name: check.kpiId, unit: 'count', currency: null, direction: 'higher_is_better' };
    const value = (n: number) => formatKpiValue(l, known, n);
    const lower = known.direction === 'lower_is_better';
    const headline =
      check.actual === null && lower
        ? l.t(`gap.noData.${aim}`, { kpi: known.name, tier: tier.name })
        : l.t(`gap.${lower ? 'less' : 'more'}.${aim}`, { missing: value(check.missing), kpi: known.name, tier: tier.name });
    const required = l.t(boundKey(known.direction), { value: value(check.min) });
    const detail = l.t('gapDetail', { actual: check.actual === null ? null : value(check.actual), required, months: check.window });
    return html`<li part="gap">${headline} <span class="hint gap__detail">${detail}</span></li>`;
  }

  /** The picker's periods: those with data, plus the one shown, newest first. */
  #pickerPeriods(scorecard: Scorecard): string[] {
    const periods = new Set(scorecard.availablePeriods);
    periods.add(scorecard.period);
    return newestFirst(periods);
  }

  /** A period as it reads inside a sentence ("Q3 2026", "quý 3/2026"). */
  #periodLabel(period: string): string {
    const l = this.localize;
    return formatPeriodLabel(l, { quarter: (q) => l.t('quarter', q), year: (y) => l.t('year', y) }, period);
  }

  #onPeriodPicked(event: Event): void {
    const picked = (event.target as HTMLSelectElement).value;
    const previous = this.period || this.scorecard?.period || null;
    if (!picked || picked === previous) return;
    this.period = picked;
    this.emit(new PkPeriodChangeEvent({ period: picked, previousPeriod: previous }, this.scorecard?.partner.id ?? this.partnerId ?? null));
  }
}

/** `periods` as the contract accepts it: a whole number from 1 to 24, else the default. */
function trendLength(periods: number): number {
  return Number.isInteger(periods) && periods >= 1 && periods <= 24 ? periods : DEFAULT_PERIODS;
}
