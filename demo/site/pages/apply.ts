/**
 * `/become-a-partner`: the vendor's public "become a partner" page. No session and no provider:
 * `<partner-application>` with the demo's publishable key, which may only read the application
 * form and send applications, and only from the demo's own origin.
 * @module
 */
import { html } from '../html.js';
import { layout } from './layout.js';
import type { PageContext } from './page-context.js';
import { API_BASE } from './widgets.js';

/** The page, with `publishableKey` (undefined while the demo has none to give: the form is then said to be unavailable). */
export function applyPage(ctx: PageContext, publishableKey: string | undefined): string {
  const { t } = ctx;
  return layout(
    ctx,
    t.apply,
    html`<div class="intro">
      <h1>${t.applyTitle}</h1>
      <p class="lede">${t.applyLede}</p>
      <p>${t.applyKey}</p>
    </div>
    ${publishableKey
      ? html`<partner-application id="become-a-partner" publishable-key="${publishableKey}" base-url="${API_BASE}"></partner-application>`
      : html`<p role="status">${t.applyUnavailable}</p>`}`,
  );
}
