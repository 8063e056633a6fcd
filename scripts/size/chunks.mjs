// How the CDN build splits its code, in one place: rollup.config.mjs chunks by it and
// `npm run size` checks the output against it.
//
// - Code one tag alone uses stays in that tag's chunks (Rollup's default), however general it looks.
// - A contract part (its client module and its schemas) travels with the tags that use it: Rollup
//   puts it in a chunk of its own when several do, so a part that new widgets share never makes
//   the pages of other widgets heavier.
// - Every other module that two or more tags use when they are defined (Lit, zod, the platform,
//   the client's base) goes into the one shared chunk, which every page loads once.
// - Code loaded on demand (views, translations) is never forced into the shared chunk.
import { displayPath } from './usage.mjs';

/**
 * A contract part's own modules: `packages/core/src/client/parts/<part>.ts` and the schemas of
 * `packages/core/src/schemas/`, except the vocabulary every part and the base client build on
 * (localisable programme data's `translations.ts` included: a chunk of its own cost its importers
 * more than its 0.1 KB).
 */
export const PART_MODULE = /[\\/]packages[\\/]core[\\/]src[\\/](client[\\/]parts[\\/]|schemas[\\/](?!(common|page|problem|issues|session-token|translations|partner-type|index)\.ts$))/;

/**
 * The chunk plan for a tag usage (`tagUsage()` of usage.mjs): which tags use each module when
 * they are defined, and whether it belongs in the shared chunk.
 */
export function chunkPlan(usage) {
  const eagerUsers = new Map();
  const used = new Set();
  for (const [tag, { eager, lazy }] of Object.entries(usage)) {
    for (const module of lazy) used.add(module);
    for (const module of eager) {
      used.add(module);
      if (!eagerUsers.has(module)) eagerUsers.set(module, new Set());
      eagerUsers.get(module).add(tag);
    }
  }
  const usersOf = (id) => eagerUsers.get(id) ?? new Set();
  const isShared = (id) => !PART_MODULE.test(id) && usersOf(id).size >= 2;
  return {
    /** The tags that use `id` (an absolute path) when they are defined. */
    usersOf,
    /**
     * Whether `id` goes into the shared chunk. A module no tag uses by itself (a library's
     * registration that a bundler keeps for its side effects) goes where its importers go.
     */
    isShared: (id, importers = []) => isShared(id) || (!used.has(id) && importers.some(isShared)),
    /** Why a module is where it is, for the report. */
    describe: (id) => `${displayPath(id)}: ${[...usersOf(id)].join(', ') || 'loaded on demand only'}`,
  };
}
