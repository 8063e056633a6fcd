/**
 * The baseline for `<partner-scorecard>`: the same scorecard (header, period picker, score, one
 * row per KPI with actual, target, an accessible attainment bar, status and a trend sparkline,
 * the next tier's gaps) written by hand with the DOM API, in a shadow root like the widget's.
 * @module
 */
import type { Kpi, Scorecard, ScorecardRow, TrendPoint } from '@partnerkit/core/schemas';
import { h, s, shadowHost } from './dom.ts';
import { date, dateTime, money, number, percent } from './format.ts';

const css = `
:host { display: block; font: inherit; }
.header { display: flex; justify-content: space-between; align-items: center; gap: 1em; }
.badge { border-radius: 1em; padding: 0.1em 0.6em; background: #A7B1BC; color: #111; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 0.4em 0.6em; border-bottom: 1px solid #ddd; text-align: start; }
.num { text-align: end; font-variant-numeric: tabular-nums; }
.bar { height: 0.5em; background: #eee; border-radius: 0.25em; overflow: hidden; min-width: 6em; }
.bar__fill { height: 100%; background: #2563eb; transform-origin: left; }
.status { display: inline-flex; gap: 0.3em; align-items: center; }
.status svg { width: 1em; height: 1em; }
.sparkline { width: 6em; height: 1.5em; fill: none; stroke: #2563eb; }
.sparkline circle { fill: #2563eb; stroke: none; }
.muted, .hint { color: #666; font-size: 0.85em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
`;

const STATUS_LABEL: Record<ScorecardRow['status'], string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_target: 'No target',
  no_data: 'No data',
};

function kpiValue(kpi: Pick<Kpi, 'unit' | 'currency'>, value: number): string {
  if (kpi.unit === 'percent') return percent(value / 100, 1);
  if (kpi.unit === 'currency' && kpi.currency) return money(Math.round(value), kpi.currency, Math.round(value) % 100 === 0);
  return number(value, 1);
}

const quarterLabel = (period: string) => {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  return match ? `Q${match[2]} ${match[1]}` : period;
};

function sparkline(kpi: Kpi, trend: readonly TrendPoint[]): SVGElement {
  const values = trend.map((p) => p.value).filter((v): v is number => v !== null);
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const step = trend.length > 1 ? 94 / (trend.length - 1) : 0;
  const points = trend.flatMap((p, i) => (p.value === null ? [] : [{ x: 3 + i * step, y: 21 - ((p.value - min) / span) * 18 }]));
  const last = points[points.length - 1];
  const first = values[0];
  const end = values[values.length - 1];
  const label =
    first === undefined || end === undefined
      ? 'No data in recent periods'
      : `${end > first ? 'Rising' : end < first ? 'Falling' : 'Steady'} from ${kpiValue(kpi, first)} to ${kpiValue(kpi, end)} over ${trend.length} quarters`;
  return s(
    'svg',
    { class: 'sparkline', viewBox: '0 0 100 24', role: 'img', 'aria-label': label },
    points.length > 1 ? s('path', { d: points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(2)} ${p.y.toFixed(2)}`).join(' ') }) : null,
    last ? s('circle', { cx: last.x.toFixed(2), cy: last.y.toFixed(2), r: 2.4 }) : null,
  );
}

function row(r: ScorecardRow): HTMLTableRowElement {
  const { kpi } = r;
  const actual = r.actual === null ? null : kpiValue(kpi, r.actual);
  const target = r.target === null ? null : kpiValue(kpi, r.target);
  const none = () => h('span', { class: 'muted' }, '—');
  let bar: HTMLElement = h('div', { class: 'bar', 'aria-hidden': 'true' });
  if (r.attainment !== null && actual !== null && target !== null) {
    const text = percent(r.attainment);
    bar = h(
      'div',
      {},
      h(
        'div',
        {
          class: 'bar',
          role: 'progressbar',
          'aria-label': `Attainment of ${kpi.name}`,
          'aria-valuemin': 0,
          'aria-valuemax': 100,
          'aria-valuenow': Math.min(Math.max(Math.round(r.attainment * 100), 0), 100),
          'aria-valuetext': `${text} of target: ${actual} against a target of ${target}`,
        },
        h('div', { class: 'bar__fill', style: `transform: scaleX(${Math.min(Math.max(r.attainment, 0), 1)})` }),
      ),
      h('span', { class: 'num', 'aria-hidden': 'true' }, text),
    );
  }
  return h(
    'tr',
    { class: `row row--${r.status}` },
    h('th', { scope: 'row' }, kpi.name, kpi.direction === 'lower_is_better' ? h('span', { class: 'hint' }, ' lower is better') : null),
    h('td', { class: 'num' }, actual ?? none()),
    h('td', { class: 'num' }, target ?? none(), r.targetSource === 'tier' ? h('span', { class: 'hint' }, ' tier requirement') : null),
    h('td', {}, bar),
    h('td', {}, h('span', { class: 'status' }, s('svg', { viewBox: '0 0 16 16', 'aria-hidden': 'true' }, s('circle', { cx: 8, cy: 8, r: 6 })), h('span', {}, STATUS_LABEL[r.status]))),
    h('td', {}, sparkline(kpi, r.trend)),
  );
}

/** Renders `scorecard` into a new shadow host. */
export function renderScorecard(scorecard: Scorecard): HTMLElement {
  const { host, root } = shadowHost('vanilla-scorecard', css);
  const kpis = new Map(scorecard.rows.map((r) => [r.kpi.id, r.kpi]));
  const next = scorecard.tier.next;
  const periods = [...new Set([scorecard.period, ...scorecard.availablePeriods])].sort().reverse();
  root.append(
    h(
      'section',
      { 'aria-label': `Scorecard of ${scorecard.partner.name}` },
      h(
        'div',
        { class: 'header' },
        h('h2', {}, scorecard.partner.name),
        h('span', { class: 'badge' }, scorecard.tier.current?.name ?? 'No tier yet'),
        h('label', {}, 'Period ', h('select', {}, ...periods.map((p) => h('option', { value: p, selected: p === scorecard.period }, quarterLabel(p))))),
      ),
      h('p', {}, h('span', { class: 'muted' }, 'Overall score '), scorecard.score === null ? 'No score yet' : number(scorecard.score, 0), ' out of 100'),
      h(
        'table',
        {},
        h('caption', { class: 'visually-hidden' }, `KPIs for ${quarterLabel(scorecard.period)}`),
        h('thead', {}, h('tr', {}, ...['KPI', 'Actual', 'Target', 'Attainment', 'Status', 'Trend'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...scorecard.rows.map(row)),
      ),
      next
        ? h(
            'div',
            {},
            h('h3', {}, `Next tier: ${next.tier.name}`),
            h(
              'ul',
              {},
              ...next.gaps
                .filter((g) => !g.met)
                .map((g) => {
                  const kpi = kpis.get(g.kpiId) ?? { unit: 'count' as const, currency: null, name: g.kpiId };
                  return h('li', {}, `${kpiValue(kpi, g.missing)} more ${kpi.name} to ${next.tier.name}`, h('span', { class: 'hint' }, ` required at least ${kpiValue(kpi, g.min)}`));
                }),
            ),
          )
        : null,
      h('p', { class: 'muted' }, `Updated ${dateTime(scorecard.generatedAt)} (${date(scorecard.generatedAt)})`),
    ),
  );
  return host;
}
