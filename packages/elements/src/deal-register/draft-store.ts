/**
 * Where `<deal-register>` keeps what must survive a reload: the draft being typed (with the
 * idempotency key of its submission) and a submission queued while offline. Both live in
 * `localStorage` under a key per partner and per element instance:
 *
 *   `partnerkit:deal-register:<partnerId>:<instance>`        the draft
 *   `partnerkit:deal-register:<partnerId>:<instance>:queued` the queued submission
 *
 * `<instance>` is the element's `draft-key` attribute, else its `id`, else `default`. Storage
 * that is missing, full or blocked (private modes, sandboxed frames) degrades to memory: the form
 * keeps working, it only forgets on reload.
 * @module
 */
import type { DealInput } from '@partnerkit/core/schemas';
import { FIELD_NAMES, type DraftValues } from './form-fields.js';

/** A draft: the values typed, and the idempotency key its submission will use. */
export interface StoredDraft {
  values: DraftValues;
  /** One key per draft, so a double click, a retry or a lost answer never creates two deals. */
  key: string;
}

/** A submission waiting for the connection: sent once, with its own idempotency key. */
export interface QueuedSubmission {
  key: string;
  input: DealInput;
  /** When it was queued (ISO timestamp). */
  queuedAt: string;
  /** Why it waits: the browser was offline, or the backend could not be reached or failed. */
  cause: 'offline' | 'failed';
}

const memory = new Map<string, string>();

// Storage, or undefined where it is missing or blocked (the page then keeps drafts in memory).
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // Blocked by the browser's settings or a sandbox.
  }
}

function read(key: string): unknown {
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

function write(key: string, value: unknown): void {
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

function remove(key: string): void {
  memory.delete(key);
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The two things kept per instance: the draft, and a submission waiting to be sent. */
export type Slot = 'draft' | 'queued';

/** The storage slots of one element instance for one partner. */
export class DraftStore {
  readonly key: string;

  constructor(partnerId: string, instance: string) {
    this.key = `partnerkit:deal-register:${partnerId}:${instance}`;
  }

  private slot(slot: Slot): string {
    return slot === 'draft' ? this.key : `${this.key}:queued`;
  }

  /** The stored draft, or undefined; values of unknown fields are dropped, missing ones blank. */
  draft(): StoredDraft | undefined {
    const stored = read(this.key);
    if (!isObject(stored) || typeof stored.key !== 'string' || !isObject(stored.values)) return undefined;
    const source = stored.values;
    const values = Object.fromEntries(FIELD_NAMES.map((n) => [n, typeof source[n] === 'string' ? source[n] : ''])) as DraftValues;
    return { values, key: stored.key };
  }

  /** The queued submission, or undefined. */
  queued(): QueuedSubmission | undefined {
    const stored = read(this.slot('queued'));
    if (!isObject(stored) || typeof stored.key !== 'string' || !isObject(stored.input) || typeof stored.queuedAt !== 'string') return undefined;
    return { key: stored.key, input: stored.input as unknown as DealInput, queuedAt: stored.queuedAt, cause: stored.cause === 'offline' ? 'offline' : 'failed' };
  }

  save(slot: 'draft', value: StoredDraft): void;
  save(slot: 'queued', value: QueuedSubmission): void;
  save(slot: Slot, value: StoredDraft | QueuedSubmission): void {
    write(this.slot(slot), value);
  }

  /** Forgets one slot, or both (after a registration succeeded). */
  clear(slot?: Slot): void {
    if (slot !== 'queued') remove(this.key);
    if (slot !== 'draft') remove(this.slot('queued'));
  }
}
