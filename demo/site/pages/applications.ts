/**
 * `/intranet/applications`: the recruitment pipeline on the vendor's intranet. A channel manager
 * (one of two reviewers, picked with `?as=`) screens, interviews and scores the companies that
 * applied on the public page, and approves or declines them, through `<application-review>`.
 * @module
 */
import { DEMO_REVIEWERS } from '../directory.js';
import { html } from '../html.js';
import { layout } from './layout.js';
import type { PageContext } from './page-context.js';
import { provider } from './widgets.js';

export function applicationsPage(ctx: PageContext, requested: string | undefined): string {
  const { t } = ctx;
  const reviewer = DEMO_REVIEWERS.find((r) => r.id === requested) ?? DEMO_REVIEWERS[0]!;
  ctx.params = { as: reviewer.id };
  return layout(
    ctx,
    t.applications,
    html`<div class="intro">
      <h1>${t.applicationsTitle}</h1>
      <p class="lede">${t.applicationsLede}</p>
      <form class="picker" method="get" action="/intranet/applications">
        <label for="as">${t.reviewer}</label>
        <select id="as" name="as">
          ${DEMO_REVIEWERS.map((r) => html`<option value="${r.id}" ${r.id === reviewer.id ? html`selected` : ''}>${r.name}</option>`)}
        </select>
        <input type="hidden" name="lang" value="${ctx.lang}">
        <input type="hidden" name="theme" value="${ctx.theme}">
        <button type="submit">${t.show}</button>
      </form>
    </div>
    ${provider(
      reviewer.id,
      'partnerkit-demo-intranet/0.1',
      html`<div class="board">
        <div class="panel panel--wide"><application-review id="review"></application-review></div>
      </div>`,
    )}`,
  );
}
