/**
 * The opt-in short cache of GET answers. Entries expire after `ttl`; a mutation drops every
 * entry of the collections it affects, and bumps their generation so that a GET already in
 * flight when the mutation happened does not store its (possibly stale) answer.
 * @module
 */

interface CacheEntry {
  value: unknown;
  expiresAt: number;
  collection: string;
}

/** A TTL cache keyed by URL, invalidated by collection. */
export class ResponseCache {
  readonly #entries = new Map<string, CacheEntry>();
  readonly #generations = new Map<string, number>();
  readonly #ttl: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { ttl: number; maxEntries: number }, now: () => number = Date.now) {
    this.#ttl = options.ttl;
    this.#maxEntries = options.maxEntries;
    this.#now = now;
  }

  /** The fresh cached value for `key`, if any. */
  get(key: string): { value: unknown } | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return { value: entry.value };
  }

  /** The generation of `collection`; pass it back to {@link set}. */
  generation(collection: string): number {
    return this.#generations.get(collection) ?? 0;
  }

  /** Stores `value` unless `collection` was invalidated since `generation` was read. */
  set(key: string, collection: string, generation: number, value: unknown): void {
    if (this.generation(collection) !== generation) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#now() + this.#ttl, collection });
    // Map order is insertion order: the first key is the oldest.
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
  }

  /** Drops every entry of `collections`. */
  invalidate(collections: ReadonlySet<string>): void {
    for (const collection of collections) this.#generations.set(collection, this.generation(collection) + 1);
    for (const [key, entry] of this.#entries) if (collections.has(entry.collection)) this.#entries.delete(key);
  }

  /** Drops everything. */
  clear(): void {
    for (const collection of new Set([...this.#generations.keys(), ...[...this.#entries.values()].map((e) => e.collection)])) {
      this.#generations.set(collection, this.generation(collection) + 1);
    }
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
