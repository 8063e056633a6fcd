/**
 * The PartnerKit markup the demo pages embed: what an embedder copies.
 * @module
 */
import { localise } from '@partnerkit/core/rules';
import type { Tier } from '@partnerkit/core/schemas';
import { html, type SafeHtml } from '../html.js';
import type { PageContext } from './page-context.js';

/** Where the host mounts the PartnerKit API (same origin, so no CORS). */
export const API_BASE = '/api';

/** `<partnerkit-provider>` around `content`, connected through the host's session route for `as`. */
export function provider(as: string, clientName: string, content: SafeHtml): SafeHtml {
  const sessionUrl = `/demo/session?${new URLSearchParams({ as })}`;
  return html`<partnerkit-provider base-url="${API_BASE}" session-url="${sessionUrl}" client-name="${clientName}">
${content}
    </partnerkit-provider>`;
}

/** "Gold tier" / "hạng Vàng" (the programme's own translation of the name), or "no tier yet". */
export function tierLabel(ctx: PageContext, tier: Tier | null): string {
  return tier ? ctx.t.tierOf({ tier: localise(tier, ctx.lang).name }) : ctx.t.noTier;
}
