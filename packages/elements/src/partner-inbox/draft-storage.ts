/**
 * Where `<partner-inbox>` keeps the request being typed across reloads: JSON in `localStorage`,
 * memory where storage is missing, full or blocked (the form keeps working, it only forgets on
 * reload); a corrupt entry reads as nothing. The same behaviour as `<deal-register>`'s draft
 * store, kept apart from it on purpose: shared, it would be a chunk of its own on the deal
 * register's page, or code in the chunk every page loads (decisions.md, "The inbox").
 * @module
 */

const memory = new Map<string, string>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // Blocked by the browser's settings or a sandbox.
  }
}

/** The value kept under `key`, or undefined. */
export function readDraft(key: string): unknown {
  let text: string | null | undefined;
  try {
    text = storage()?.getItem(key);
  } catch {
    // Unreadable: memory below.
  }
  text ??= memory.get(key) ?? null;
  try {
    return text === null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** Keeps `value` under `key` (or `undefined`: forgets it). */
export function writeDraft(key: string, value: unknown): void {
  memory.delete(key);
  try {
    if (value === undefined) storage()?.removeItem(key);
    else if (storage()) storage()!.setItem(key, JSON.stringify(value));
    else memory.set(key, JSON.stringify(value));
  } catch {
    if (value !== undefined) memory.set(key, JSON.stringify(value)); // Full: this page still has it.
  }
}
