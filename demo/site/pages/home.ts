/**
 * `/`: what the demo is, and the two sites of the vendor it shows.
 * @module
 */
import { html } from '../html.js';
import { layout } from './layout.js';
import { hrefTo, type PageContext } from './page-context.js';

export function homePage(ctx: PageContext): string {
  const { t } = ctx;
  return layout(
    ctx,
    t.home,
    html`<div class="intro">
      <h1>${t.homeTitle}</h1>
      <p class="lede">${t.homeLede}</p>
    </div>
    <ul class="cards">
      <li class="card">
        <h2><a href="${hrefTo(ctx, 'intranet')}">${t.intranet}</a></h2>
        <p>${t.intranetCard}</p>
      </li>
      <li class="card">
        <h2><a href="${hrefTo(ctx, 'portal')}">${t.portal}</a></h2>
        <p>${t.portalCard}</p>
      </li>
      <li class="card">
        <h2><a href="${hrefTo(ctx, 'apply')}">${t.apply}</a></h2>
        <p>${t.applyCard}</p>
      </li>
    </ul>
    <section class="how" aria-labelledby="how-title">
      <h2 id="how-title">${t.howTitle}</h2>
      <ul>
        <li>${t.howScript}</li>
        <li>${t.howSession}</li>
        <li>${t.howApi}</li>
        <li>${t.howCsp}</li>
      </ul>
    </section>`,
  );
}

/** Any other address. */
export function notFoundPage(ctx: PageContext): string {
  const { t } = ctx;
  return layout(
    ctx,
    t.notFoundTitle,
    html`<div class="intro">
      <h1>${t.notFoundTitle}</h1>
      <p>${t.notFoundBody}</p>
      <p><a href="${hrefTo(ctx, 'home')}">${t.backHome}</a></p>
    </div>`,
  );
}
