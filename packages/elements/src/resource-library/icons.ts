/**
 * Inline icons as one SVG path each (16 × 16, stroked with `currentColor`, so they follow the
 * text colour in light and dark themes): one shape per resource type (the type is always written
 * in text beside it too), a padlock for locked items and a cross for removing a filter.
 * @module
 */
import type { ResourceType } from '@partnerkit/core/schemas';

export const TYPE_ICONS: Readonly<Record<ResourceType, string>> = {
  // A page with a folded corner.
  document: 'M4 1h6l3 3v11H4zM10 1v3h3',
  // A screen with a play button.
  video: 'M1 3h14v10H1zM7 6v4l3-2z',
  // An arrow leaving a box: a link elsewhere.
  link: 'M9 2h5v5M14 2L7 9M12 10v4H2V4h4',
  // A layout grid.
  template: 'M2 2h12v12H2zM2 6h12M6 6v8',
  // A picture: logos and artwork.
  brand_asset: 'M2 3h12v10H2zM2 11l4-4 3 3 2-2 3 3M11 6h.01',
  // A graduation cap.
  training: 'M1 6l7-3 7 3-7 3zM4 8v4c2 1.5 6 1.5 8 0V8',
};

export const LOCK_ICON = 'M3 7h10v8H3zM5 7V5a3 3 0 0 1 6 0v2';

export const REMOVE_ICON = 'M4 4l8 8M12 4l-8 8';
