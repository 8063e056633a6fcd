/**
 * Where `<partner-application>` keeps an application being typed, so a reload (or a tab closed by
 * mistake) loses nothing: the values, the answers, the step, and the idempotency key its
 * submission will use. In `localStorage` under
 *
 *   `partnerkit:partner-application:<programme>:<instance>`
 *
 * `<programme>` is the publishable key (one programme's form), `<instance>` the `draft-key`
 * attribute, else the element's `id`, else `default`. Storage that is missing, full or blocked
 * degrades to memory: the form keeps working and only forgets on reload. Cleared once the
 * application is sent. (The same policy as `<deal-register>`'s drafts; its store is not shared,
 * so that widget's chunks stay as they are.)
 * @module
 */
import { emptyValues, FIELD_NAMES, STEPS, type DraftAnswers, type DraftValues, type Step } from './application-fields.js';

/** A saved application. */
export interface StoredApplication {
  values: DraftValues;
  answers: DraftAnswers;
  step: Step;
  /** One key per application, so a double click, a retry or a lost answer never sends two. */
  key: string;
}

const memory = new Map<string, string>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // Blocked by the browser's settings or a sandbox.
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** One instance's saved application. */
export class ApplicationDraft {
  readonly slot: string;

  constructor(programme: string, instance: string) {
    this.slot = `partnerkit:partner-application:${programme}:${instance}`;
  }

  /** The saved application, or undefined; unknown fields are dropped, missing ones blank. */
  read(): StoredApplication | undefined {
    let text: string | null | undefined;
    try {
      text = storage()?.getItem(this.slot);
    } catch {
      // Unreadable: memory below.
    }
    text ??= memory.get(this.slot) ?? null;
    if (text === null) return undefined;
    let stored: unknown;
    try {
      stored = JSON.parse(text);
    } catch {
      return undefined; // Corrupt: ignored, never thrown at the person typing.
    }
    if (!isObject(stored) || typeof stored.key !== 'string' || !isObject(stored.values)) return undefined;
    const source = stored.values;
    const values = emptyValues();
    for (const name of FIELD_NAMES) if (typeof source[name] === 'string') values[name] = source[name];
    const answers: DraftAnswers = {};
    if (isObject(stored.answers)) {
      for (const [id, value] of Object.entries(stored.answers)) {
        if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) answers[id] = value as string | string[];
      }
    }
    const step = (STEPS as readonly unknown[]).includes(stored.step) ? (stored.step as Step) : 'company';
    return { values, answers, step, key: stored.key };
  }

  save(application: StoredApplication): void {
    const text = JSON.stringify(application);
    try {
      const store = storage();
      if (store) {
        store.setItem(this.slot, text);
        memory.delete(this.slot);
        return;
      }
    } catch {
      // Full: memory keeps it for this page.
    }
    memory.set(this.slot, text);
  }

  clear(): void {
    memory.delete(this.slot);
    try {
      storage()?.removeItem(this.slot);
    } catch {
      // Nothing to do.
    }
  }
}
