/** `<resource-library>`'s strings in English: the source catalogue (vi.ts translates every key). */
import { defineMessages } from '../../platform/localize.js';

const plural = new Intl.PluralRules('en');
const resources = (count: number): string => (plural.select(count) === 'one' ? 'resource' : 'resources');

export const en = defineMessages({
  'library.label': 'Resource library',
  'library.search': 'Search resources',
  'library.searchPlaceholder': 'Title, description or tag',
  'library.filters': 'Filters',
  'library.type': 'Type',
  'library.tag': 'Tag',
  'library.language': 'Language',
  'library.sort': 'Sort by',
  'library.allTypes': 'All types',
  'library.allTags': 'All tags',
  'library.allLanguages': 'All languages',
  'library.option': (p: { label: string; count: string }) => `${p.label} (${p.count})`,
  'library.sort.newest': 'Newest',
  'library.sort.title': 'Title',
  'library.sort.popular': 'Most opened',
  'library.activeFilters': 'Active filters',
  'library.searchChip': (p: { q: string }) => `Search: “${p.q}”`,
  'library.chip': (p: { name: string; value: string }) => `${p.name}: ${p.value}`,
  'library.removeFilter': (p: { filter: string }) => `Remove filter: ${p.filter}`,
  'library.clearFilters': 'Clear all filters',
  'library.count': (p: { total: number; n: string }) => `${p.n} ${resources(p.total)}`,
  'library.countPartial': (p: { total: number; shown: string; n: string }) => `Showing ${p.shown} of ${p.n} ${resources(p.total)}`,
  'library.loading': 'Loading resources…',
  'library.list': 'Resources',
  'library.empty': 'The library has no resources yet.',
  'library.noResults': 'No resources match these filters.',
  'library.noResultsFor': (p: { q: string }) => `No resources match “${p.q}”.`,
  'library.loadMore': 'Load more',
  'library.loadingMore': 'Loading more…',
  'library.updated': (p: { when: string }) => `Updated ${p.when}`,
  'library.tags': 'Tags',
  'library.locked': 'Locked',
  'library.lockedTier': (p: { tier: string }) => `Locked: requires the ${p.tier} tier`,
  'library.lockedHigherTier': 'Locked: requires a higher tier',
  'library.lockedType': 'Locked: not available to your partner type',
  'library.opens': 'opens in a new tab',
  'library.openFailed': 'This resource could not be opened.',
  'library.unsafeUrl': 'This resource was not opened: its address is not a web link (http or https).',
  'library.dismiss': 'Dismiss',

  'library.type.document': 'Document',
  'library.type.video': 'Video',
  'library.type.link': 'Link',
  'library.type.template': 'Template',
  'library.type.brand_asset': 'Brand asset',
  'library.type.training': 'Training',
});

export type ResourceLibraryMessages = typeof en;
