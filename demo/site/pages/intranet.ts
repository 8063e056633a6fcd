/**
 * `/intranet`: the vendor's intranet. A channel manager picks a partner, reads its scorecard,
 * reviews its deal registrations and browses every resource; below, the requests of the partners
 * the manager manages (by due time) and how the announcements are read.
 * @module
 */
import type { PartnerEntry } from '../directory.js';
import { html } from '../html.js';
import { layout } from './layout.js';
import type { PageContext } from './page-context.js';
import { provider, tierLabel } from './widgets.js';

export function intranetPage(ctx: PageContext, entries: readonly PartnerEntry[], managerName: string, requested: string | undefined): string {
  const { t } = ctx;
  const selected = entries.find((e) => e.partner.id === requested) ?? entries[0];
  if (!selected) return layout(ctx, t.intranet, html`<div class="intro"><h1>${t.intranetTitle}</h1><p>${t.noPartners}</p></div>`);
  const id = selected.partner.id;
  ctx.params = { partner: id };
  return layout(
    ctx,
    t.intranet,
    html`<div class="intro">
      <h1>${t.intranetTitle}</h1>
      <p class="lede">${t.intranetLede({ name: managerName })}</p>
      <form class="picker" method="get" action="/intranet">
        <label for="partner">${t.partner}</label>
        <select id="partner" name="partner">
          ${entries.map(
            (e) => html`<option value="${e.partner.id}" ${e.partner.id === id ? html`selected` : ''}>${e.partner.name} · ${tierLabel(ctx, e.tier)}</option>`,
          )}
        </select>
        <input type="hidden" name="lang" value="${ctx.lang}">
        <input type="hidden" name="theme" value="${ctx.theme}">
        <button type="submit">${t.show}</button>
      </form>
    </div>
    ${provider(
      'manager',
      'partnerkit-demo-intranet/0.1',
      html`<div class="board">
        <section class="panel panel--wide" aria-labelledby="scorecard-title">
          <h2 id="scorecard-title">${t.scorecard}: <span dir="auto">${selected.partner.name}</span></h2>
          <partner-scorecard partner-id="${id}"></partner-scorecard>
        </section>
        <section class="panel" aria-labelledby="deals-title">
          <h2 id="deals-title">${t.dealsToReview}</h2>
          <deal-register id="review" partner-id="${id}" view="list"></deal-register>
        </section>
        <section class="panel" aria-labelledby="resources-title">
          <h2 id="resources-title">${t.allResources}</h2>
          <resource-library page-size="20"></resource-library>
        </section>
        <section class="panel" aria-labelledby="agreements-title">
          <h2 id="agreements-title">${t.partnerAgreements}</h2>
          <partner-agreements partner-id="${id}"></partner-agreements>
        </section>
        <section class="panel panel--wide" aria-labelledby="plan-title">
          <h2 id="plan-title">${t.partnerPlan}: <span dir="auto">${selected.partner.name}</span></h2>
          <partner-plan id="plan" partner-id="${id}"></partner-plan>
        </section>
        <section class="panel panel--wide" aria-labelledby="inbox-title">
          <h2 id="inbox-title">${t.partnerInbox}</h2>
          <partner-inbox id="inbox"></partner-inbox>
        </section>
        <section class="panel panel--wide" aria-labelledby="training-title">
          <h2 id="training-title">${t.partnerTraining}: <span dir="auto">${selected.partner.name}</span></h2>
          <partner-training id="training" partner-id="${id}"></partner-training>
        </section>
      </div>`,
    )}`,
  );
}
