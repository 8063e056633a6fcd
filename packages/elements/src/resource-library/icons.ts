/**
 * Inline icons: one shape per resource type (the type is always written in text beside it), a
 * padlock for locked items and a cross for removing a filter. Strokes use `currentColor`, so the
 * icons follow the text colour in light and dark themes.
 * @module
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { ResourceType } from '@partnerkit/core/schemas';

export const TYPE_ICONS: Readonly<Record<ResourceType, SVGTemplateResult>> = {
  document: svg`<path d="M6 2.5h8l4.5 4.5v14.5h-12.5zM14 2.5v4.5h4.5M9 12h6M9 16h6"/>`,
  video: svg`<rect x="2.5" y="5" width="19" height="14" rx="2"/><path d="M10 9v6l5-3z"/>`,
  link: svg`<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>`,
  template: svg`<rect x="3" y="3" width="18" height="18" rx="2"/><path d="M3 9h18M9 9v12"/>`,
  brand_asset: svg`<path d="M12 3l2.6 5.6 6 .7-4.5 4.1 1.2 6L12 16.4 6.7 19.4l1.2-6L3.4 9.3l6-.7z"/>`,
  training: svg`<path d="M2 9l10-5 10 5-10 5zM6 11v5c3.5 2.5 8.5 2.5 12 0v-5M22 9v6"/>`,
};

export const LOCK_ICON = svg`<rect x="4.5" y="10.5" width="15" height="10.5" rx="2"/><path d="M8 10.5V7a4 4 0 0 1 8 0v3.5"/>`;

export const REMOVE_ICON = svg`<path d="M7 7l10 10M17 7L7 17"/>`;
