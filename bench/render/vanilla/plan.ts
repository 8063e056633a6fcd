/**
 * The baseline for `<partner-plan>`: the same plan (title, status, progress, each side's
 * agreement, the moves, and per objective its status, owner, due date, an accessible progress
 * bar, the measure, activities with checkboxes, comments, and the activity and comment forms)
 * written by hand with the DOM API, in a shadow root like the widget's.
 * @module
 */
import type { Kpi, Plan, PlanObjective } from '@partnerkit/core/schemas';
import { h, shadowHost } from './dom.ts';
import { date, money, number, percent } from './format.ts';

const css = `
:host { display: block; font: inherit; }
.objectives, .activities, .comments, .agreements { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5em; }
.objective { border: 1px solid #ddd; border-radius: 0.3em; padding: 0.75em; display: grid; gap: 0.35em; }
.head, .meta { display: flex; flex-wrap: wrap; gap: 0.25em 0.75em; justify-content: space-between; }
.badge { border-radius: 1em; padding: 0.1em 0.6em; border: 1px solid #999; }
.bar { height: 0.6em; background: #eee; border-radius: 1em; overflow: hidden; }
.bar__fill { height: 100%; background: #2563eb; }
.muted { color: #666; }
form { display: grid; grid-template-columns: 1fr auto; gap: 0.35em; }
label { grid-column: 1 / -1; }
`;

const STATUS: Record<PlanObjective['progress']['status'], string> = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', done: 'Done', no_data: 'No data yet' };
const SIDE = { vendor: 'Vendor', partner: 'Partner' } as const;

const kpiValue = (kpi: Pick<Kpi, 'unit' | 'currency'>, value: number) =>
  kpi.unit === 'currency' && kpi.currency ? money(Math.round(value), kpi.currency, Math.round(value) % 100 === 0) : kpi.unit === 'percent' ? percent(value / 100, 1) : number(value, 1);

function bar(value: number, label: string, status: string | null): HTMLElement {
  const rounded = Math.round(value);
  const text = `${percent(rounded / 100)}${status ? `, ${STATUS[status as keyof typeof STATUS]}` : ''}`;
  const fill = h('div', { class: 'bar__fill' });
  fill.style.width = `${rounded}%`;
  return h('div', {}, h('div', { class: 'bar', role: 'progressbar', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': rounded, 'aria-valuetext': text }, fill), h('span', {}, text));
}

function form(id: string, label: string, button: string, multiline: boolean): HTMLFormElement {
  const field = multiline ? h('textarea', { id, rows: 2 }) : h('input', { id });
  return h('form', {}, h('label', { for: id }, label), field, h('button', { disabled: true }, button));
}

function objective(o: PlanObjective, side: 'vendor' | 'partner'): HTMLElement {
  const id = `o-${o.id}`;
  const measure = o.measure
    ? o.progress.actual === null
      ? `${o.measure.kpi.name}: no measurement yet, target ${kpiValue(o.measure.kpi, o.measure.target)}`
      : `${o.measure.kpi.name}: ${kpiValue(o.measure.kpi, o.progress.actual)} of the ${kpiValue(o.measure.kpi, o.measure.target)} target`
    : o.completed
      ? `Done: ${o.completed.by.name ?? 'Someone'}, ${date(o.completed.at)}`
      : 'Milestone';
  return h(
    'li',
    { class: 'objective', 'aria-labelledby': id },
    h('div', { class: 'head' }, h('h4', { id }, o.title), h('span', { class: 'badge' }, STATUS[o.progress.status])),
    o.description ? h('p', { class: 'muted' }, o.description) : null,
    h('p', { class: 'meta' }, h('span', {}, `Owner: ${o.owner.name} (${SIDE[o.side]})`), h('span', {}, `Due ${date(`${o.dueDate}T12:00:00Z`)}`), o.progress.overdue ? h('strong', {}, 'Overdue') : null),
    bar(o.progress.percent, `Progress of ${o.title}`, o.progress.status),
    h('p', {}, measure),
    h('h5', {}, 'Activities'),
    h(
      'ul',
      { class: 'activities' },
      ...o.activities.map((a) => {
        const text = h('span', {}, a.title, h('span', { class: 'muted' }, ` ${SIDE[a.side]}${a.owner ? `, ${a.owner.name}` : ''}`));
        if (a.side !== side) return h('li', {}, text);
        const box = h('input', { type: 'checkbox', id: `a-${a.id}` });
        box.checked = a.completed !== null;
        return h('li', {}, box, h('label', { for: `a-${a.id}` }, text));
      }),
    ),
    form(`activity-${o.id}`, 'New activity', 'Add activity', false),
    h('h5', {}, 'Comments'),
    h('ul', { class: 'comments' }, ...o.comments.map((c) => h('li', {}, h('p', { class: 'muted' }, `${c.author.name ?? 'Someone'} (${SIDE[c.author.side]}), ${date(c.createdAt)}`), h('p', {}, c.body)))),
    form(`comment-${o.id}`, 'Comment', 'Add comment', true),
  );
}

/** The plan, rendered for `side`. */
export function renderPlan(plan: Plan, side: 'vendor' | 'partner'): HTMLElement {
  const { host, root } = shadowHost('vanilla-plan', css);
  root.append(
    h(
      'article',
      { 'aria-labelledby': 'title' },
      h('h2', { id: 'title' }, plan.title ?? 'Joint business plan'),
      h('p', {}, `Period: ${plan.period} `, h('span', { class: 'badge' }, plan.status), ` Revision ${plan.revision}`),
      bar(plan.progress.percent, 'Plan progress', plan.progress.status),
      h(
        'ul',
        { class: 'agreements' },
        ...(['vendor', 'partner'] as const).map((s) => {
          const agreement = plan.agreements[s];
          return h('li', {}, agreement ? `${SIDE[s]}: agreed by ${agreement.by.name ?? 'Someone'}, ${date(agreement.at)}` : `${SIDE[s]}: not agreed yet`);
        }),
      ),
      h('button', {}, plan.agreements[side] ? 'Send back for changes' : 'Agree to the plan'),
      h('h3', {}, 'Objectives'),
      h('ol', { class: 'objectives' }, ...plan.objectives.map((o) => objective(o, side))),
    ),
  );
  return host;
}
