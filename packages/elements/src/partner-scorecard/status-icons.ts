/**
 * One icon shape per row status, so a status reads without colour (and the text label is always
 * there too): a ticked disc, a triangle with "!", a crossed square, a ring with a dash, a dotted
 * ring. Filled shapes take the status colour; `.m` marks are drawn on them, `.o` outlines alone
 * (see the styles).
 * @module
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { ScorecardStatus } from '@partnerkit/core/schemas';

export const STATUS_ICONS: Readonly<Record<ScorecardStatus, SVGTemplateResult>> = {
  on_track: svg`<circle cx="8" cy="8" r="7"/><path class="m" d="M4.5 8.2l2.3 2.3 4.7-4.9"/>`,
  at_risk: svg`<path d="M8 1.2l7 12.8H1z"/><path class="m" d="M8 5.6v3.8M8 12v.1"/>`,
  off_track: svg`<rect x="1.5" y="1.5" width="13" height="13" rx="2"/><path class="m" d="M5.2 5.2l5.6 5.6m0-5.6l-5.6 5.6"/>`,
  no_target: svg`<circle class="o" cx="8" cy="8" r="6.2"/><path class="o" d="M5 8h6"/>`,
  no_data: svg`<circle class="o" cx="8" cy="8" r="6.2" stroke-dasharray="2.4 2.2"/>`,
};
