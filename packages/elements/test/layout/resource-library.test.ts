/**
 * `<resource-library>` from 320 px up: every state with a layout, both layouts (list and grid),
 * locked items, active filters, Vietnamese.
 */
import '../../src/define/resource-library.js';
import { libraryClient, type LibraryBackendOptions } from '../../../../stories/resource-library/backend.js';
import { MANAGER_LIBRARY, MARKUP_RESOURCE } from '../../../../stories/resource-library/fixtures.js';
import { checkLayouts, type Scenario } from './scenarios.js';

const manager = { role: 'manager' } as const;
const library = (options: LibraryBackendOptions, attrs: Record<string, string> = {}) => () => {
  const el = document.createElement('resource-library');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', ...attrs })) el.setAttribute(name, value);
  el.client = libraryClient(options);
  return el;
};
const shows = (selector: string) => (el: HTMLElement) => el.shadowRoot?.querySelector(selector) && !el.shadowRoot.querySelector('[aria-busy="true"]');

const scenarios: Scenario[] = [
  { name: 'loading', make: library({ faults: [{ mode: 'slow', delayMs: Infinity }] }), shows: (el) => el.shadowRoot?.querySelector('[part~="loading"]') },
  { name: 'error', make: library({ faults: [{ mode: 'error', status: 503, match: 'GET /v1/resources' }] }), shows: shows('[part~="error"]') },
  { name: 'empty library', make: library({ resources: [] }), shows: shows('[part~="empty"]') },
  { name: 'no results for a search', make: library({ as: manager }, { q: 'no such thing at all', type: 'video', tag: 'onboarding' }), shows: shows('[part~="no-results"]') },
  ...(['en', 'vi'] as const).flatMap((lang): Scenario[] => [
    { name: `list, locked items (${lang})`, make: library({}, { lang }), shows: shows('[part~="item-locked"]') },
    { name: `grid, filters set (${lang})`, make: library({ as: manager }, { lang, layout: 'grid', type: 'document', language: 'en', 'page-size': '3' }), shows: shows('[part~="item"]') },
  ]),
  { name: 'a title that is markup', make: library({ as: manager, resources: [...MANAGER_LIBRARY, MARKUP_RESOURCE] }), shows: shows('[part~="item"]') },
];

checkLayouts('resource-library', scenarios);
