// How the CDN build splits its code, in one place: rollup.config.mjs chunks by it and
// `npm run size` checks the output against it.
//
// - Code one tag alone uses stays in that tag's chunks (Rollup's default), however general it looks.
// - A contract part (its client module and its schemas) travels with the tags that use it: Rollup
//   puts it in a chunk of its own when several do, so a part that new widgets share never makes
//   the pages of other widgets heavier.
// - Every other module that two or more tags use when they are defined (Lit, zod, the platform,
//   the client's base) goes into the one shared chunk, which every page loads once, if one of
//   those tags is the provider or one of the first three widgets: code that only later widgets
//   share (the plan's and the inbox's period rules) travels with them like a contract part, so the
//   pages of the first three do not carry it.
// - So does code every page loads anyway: what the provider (on every page) uses when defined and
//   another tag uses too, even on demand (else it would be a chunk of its own that every page
//   loads), and a contract part that a module of the shared chunk imports (else the shared chunk
//   would import that part's chunk, and every page would load it as well).
// - Code loaded on demand (views, translations) is never forced into the shared chunk.
import { ORIGINAL_WIDGETS } from './budgets.mjs';
import { displayPath } from './usage.mjs';

/** The tag every page has. */
const PROVIDER = 'partnerkit-provider';

/**
 * A contract part's own modules: `packages/core/src/client/parts/<part>.ts` and the schemas of
 * `packages/core/src/schemas/`, except the vocabulary every part and the base client build on
 * (localisable programme data's `translations.ts` included: a chunk of its own cost its importers
 * more than its 0.1 KB).
 */
export const PART_MODULE = /[\\/]packages[\\/]core[\\/]src[\\/](client[\\/]parts[\\/]|schemas[\\/](?!(common|page|problem|issues|session-token|translations|partner-type|domain-name|index)\.ts$))/;

/**
 * The chunk plan for a tag usage (`tagUsage()` of usage.mjs): which tags use each module when
 * they are defined, and whether it belongs in the shared chunk.
 */
export function chunkPlan(usage) {
  const eagerUsers = new Map();
  const anyUsers = new Map();
  const add = (users, module, tag) => (users.get(module) ?? users.set(module, new Set()).get(module)).add(tag);
  for (const [tag, { eager, lazy }] of Object.entries(usage)) {
    for (const module of lazy) add(anyUsers, module, tag);
    for (const module of eager) {
      add(anyUsers, module, tag);
      add(eagerUsers, module, tag);
    }
  }
  const usersOf = (id) => eagerUsers.get(id) ?? new Set();
  const onEveryPage = (id) => usersOf(id).has(PROVIDER) && anyUsers.get(id).size >= 2;
  const onFirstPages = (id) => [...usersOf(id)].some((tag) => tag === PROVIDER || ORIGINAL_WIDGETS.includes(tag));
  const byUse = (id) => !PART_MODULE.test(id) && ((usersOf(id).size >= 2 && onFirstPages(id)) || onEveryPage(id));
  /**
   * Whether `id` goes into the shared chunk, given `importersOf(id)` (the modules that import it
   * statically). A module no tag uses by itself (a library's registration that a bundler keeps for
   * its side effects) goes where its importers go; a contract part goes there when a module of
   * the shared chunk imports it.
   */
  const isShared = (id, importersOf, seen = new Set([id])) => {
    if (byUse(id)) return true;
    if (!PART_MODULE.test(id)) return !anyUsers.has(id) && importersOf(id).some(byUse);
    const partOfShared = (importer) => PART_MODULE.test(importer) && !seen.has(importer) && isShared(importer, importersOf, seen.add(importer));
    return importersOf(id).some((importer) => byUse(importer) || partOfShared(importer));
  };
  return {
    /** The tags that use `id` (an absolute path) when they are defined. */
    usersOf,
    isShared,
    /** Why a module is where it is, for the report. */
    describe: (id) => `${displayPath(id)}: ${[...usersOf(id)].join(', ') || 'loaded on demand only'}`,
  };
}
