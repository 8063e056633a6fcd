/** `<resource-library>`'s strings in English: the source catalogue (vi.ts translates every key). */
import { defineMessages } from '../../platform/localize.js';

// English has two plural forms (Intl.PluralRules('en') says "one" for 1 and only 1).
const resources = (count: number): string => (count === 1 ? 'resource' : 'resources');

export const en = defineMessages({
  'library.label': 'Resource library',
  'library.search': 'Search resources',
  'library.searchPlaceholder': 'Title, description or tag',
  'library.type': 'Type',
  'library.tag': 'Tag',
  'library.language': 'Language',
  'library.sort': 'Sort by',
  'library.all.type': 'All types',
  'library.all.tag': 'All tags',
  'library.all.language': 'All languages',
  'library.option': (p: { label: string; count: string }) => `${p.label} (${p.count})`,
  'library.sort.newest': 'Newest',
  'library.sort.title': 'Title',
  'library.sort.popular': 'Most opened',
  'library.searchChip': (p: { q: string }) => `Search: “${p.q}”`,
  'library.chip': (p: { name: string; value: string }) => `${p.name}: ${p.value}`,
  'library.removeFilter': (p: { filter: string }) => `Remove filter: ${p.filter}`,
  'library.clearFilters': 'Clear all filters',
  'library.count': (p: { total: number; n: string }) => `${p.n} ${resources(p.total)}`,
  'library.countPartial': (p: { total: number; shown: string; n: string }) => `Showing ${p.shown} of ${p.n} ${resources(p.total)}`,
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
  'library.opening': (p: { title: string }) => `Opening “${p.title}”…`,
  'library.opened': (p: { title: string }) => `“${p.title}” opened in a new tab.`,
  'library.unsafeUrl': 'Not opened: only http and https links are opened.',

  'library.type.document': 'Document',
  'library.type.video': 'Video',
  'library.type.link': 'Link',
  'library.type.template': 'Template',
  'library.type.brand_asset': 'Brand asset',
  'library.type.training': 'Training',
});

export type ResourceLibraryMessages = typeof en;
