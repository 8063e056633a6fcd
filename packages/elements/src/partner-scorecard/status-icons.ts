/**
 * One icon shape per row status, so a status reads without colour (and the text label is always
 * there too): a ticked circle, a triangle with "!", a crossed square, a dash, a dotted ring.
 * @module
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { ScorecardStatus } from '@partnerkit/core/schemas';

export const STATUS_ICONS: Readonly<Record<ScorecardStatus, SVGTemplateResult>> = {
  on_track: svg`<circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M4.5 8.2l2.3 2.3 4.7-4.9" fill="none" stroke="var(--_status-icon-mark)" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`,
  at_risk: svg`<path d="M8 1.2l7 12.8H1z" fill="currentColor"/><path d="M8 5.6v4" stroke="var(--_status-icon-mark)" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="12" r="1" fill="var(--_status-icon-mark)"/>`,
  off_track: svg`<rect x="1.5" y="1.5" width="13" height="13" rx="2" fill="currentColor"/><path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="var(--_status-icon-mark)" stroke-width="1.8" stroke-linecap="round"/>`,
  no_target: svg`<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M5 8h6" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  no_data: svg`<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6" stroke-dasharray="2.4 2.2"/>`,
};
