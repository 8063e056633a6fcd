/**
 * What a widget keeps across reloads (a draft being typed) in `localStorage`, as JSON under one
 * key. Storage that is missing, full or blocked (private modes, sandboxed frames) degrades to
 * memory: the form keeps working, it only forgets on reload. Corrupt entries read as nothing,
 * never as an error thrown at the person typing. `<deal-register>`'s draft and queue and
 * `<partner-inbox>`'s request draft live here.
 * @module
 */

const memory = new Map<string, string>();

// Storage, or undefined where it is missing or blocked (the page then keeps drafts in memory).
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // Blocked by the browser's settings or a sandbox.
  }
}

/** The value stored under `key`, or undefined. */
export function readStored(key: string): unknown {
  let text: string | null | undefined;
  try {
    text = storage()?.getItem(key);
  } catch {
    // Unreadable: fall back to memory below.
  }
  // Memory holds only what storage refused (full or blocked).
  text ??= memory.get(key) ?? null;
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // Corrupt entries are ignored, never thrown at the person typing.
  }
}

/** Keeps `value` under `key` (in memory when storage refuses it). */
export function writeStored(key: string, value: unknown): void {
  const text = JSON.stringify(value);
  try {
    const store = storage();
    if (store) {
      store.setItem(key, text);
      memory.delete(key);
      return;
    }
  } catch {
    // Full: keep it in memory so this page still has it.
  }
  memory.set(key, text);
}

/** Forgets what `key` holds. */
export function removeStored(key: string): void {
  memory.delete(key);
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

/** Whether `v` is a (non-null) object: stored values are checked field by field before use. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
