/**
 * `/portal`: the partner portal on the vendor's site. A partner user (one of several partners in
 * different tiers) sees its scorecard, registers deals and follows them, and opens the resources
 * its tier allows, works on its joint business plan with the vendor, reads and accepts the
 * programme's agreements (a new partner must accept the programme agreement before it can register
 * a deal), and reads the vendor's announcements and asks its channel manager in its inbox.
 * @module
 */
import type { PortalAccount } from '../directory.js';
import { html } from '../html.js';
import { layout } from './layout.js';
import type { PageContext } from './page-context.js';
import { provider, tierLabel } from './widgets.js';

export function portalPage(ctx: PageContext, accounts: readonly PortalAccount[], requested: string | undefined): string {
  const { t } = ctx;
  const account = accounts.find((a) => a.partner.id === requested) ?? accounts[0];
  if (!account) return layout(ctx, t.portal, html`<div class="intro"><h1>${t.portalTitle}</h1><p>${t.noPartners}</p></div>`);
  const id = account.partner.id;
  ctx.params = { as: id };
  return layout(
    ctx,
    t.portal,
    html`<div class="intro">
      <h1>${t.portalTitle}</h1>
      <p class="lede">${t.portalLede({ user: account.user.name, partner: account.partner.name, tier: account.partner.status === 'active' ? tierLabel(ctx, account.tier) : t.newPartner })}</p>
      <form class="picker" method="get" action="/portal">
        <label for="as">${t.signInAs}</label>
        <select id="as" name="as">
          ${accounts.map(
            (a) => html`<option value="${a.partner.id}" ${a.partner.id === id ? html`selected` : ''}>${a.user.name} · ${a.partner.name} · ${a.partner.status === 'active' ? tierLabel(ctx, a.tier) : t.newPartner}</option>`,
          )}
        </select>
        <input type="hidden" name="lang" value="${ctx.lang}">
        <input type="hidden" name="theme" value="${ctx.theme}">
        <button type="submit">${t.switchUser}</button>
      </form>
    </div>
    ${provider(
      id,
      'partnerkit-demo-portal/0.1',
      html`<div class="board">
        <section class="panel panel--wide" aria-labelledby="performance-title">
          <h2 id="performance-title">${t.yourPerformance}</h2>
          <partner-scorecard></partner-scorecard>
        </section>
        <section class="panel" aria-labelledby="deals-title">
          <h2 id="deals-title">${t.registerDeals}</h2>
          <deal-register id="deals"></deal-register>
        </section>
        <section class="panel" aria-labelledby="resources-title">
          <h2 id="resources-title">${t.yourResources}</h2>
          <resource-library layout="grid" page-size="20"></resource-library>
        </section>
        <section class="panel" aria-labelledby="agreements-title">
          <h2 id="agreements-title">${t.yourAgreements}</h2>
          <partner-agreements></partner-agreements>
        </section>
        <section class="panel panel--wide" aria-labelledby="plan-title">
          <h2 id="plan-title">${t.yourPlan}</h2>
          <partner-plan id="plan"></partner-plan>
        </section>
        <section class="panel panel--wide" aria-labelledby="inbox-title">
          <h2 id="inbox-title">${t.yourInbox}</h2>
          <partner-inbox id="inbox"></partner-inbox>
        </section>
        <section class="panel panel--wide" aria-labelledby="training-title">
          <h2 id="training-title">${t.yourTraining}</h2>
          <partner-training id="training"></partner-training>
        </section>
      </div>`,
    )}`,
  );
}
