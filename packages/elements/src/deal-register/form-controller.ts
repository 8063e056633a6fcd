/**
 * The Register form's state as a Lit controller: what is typed (kept exactly as typed), which
 * problems show (a field's once the person left it, all of them after a submit), the draft saved
 * per partner and instance and restored after a reload, and the idempotency key of the draft's
 * submission (one per draft, so a double click, a retry or a lost answer never makes two deals).
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newIdempotencyKey } from '@partnerkit/core/client';
import { buildDealInput, emptyValues, fieldOfPath, type BuildResult, type DraftValues, type FieldName, type FieldProblem } from './form-model.js';
import { DraftStore } from './draft-store.js';

/** Where the form's draft lives: one slot per partner and element instance. */
export interface DraftSlot {
  partnerId: string;
  /** The element's `draft-key`, else its `id`, else `default`. */
  instance: string;
}

/** What the form reads from its element. */
export interface DealFormContext {
  /** The slot to save in; undefined while the partner is not known (the draft then stays in the page). */
  slot(): DraftSlot | undefined;
  /** The locale amounts are typed in. */
  locale(): string;
  /** The currency a new draft starts with. */
  currency(): string;
}

export class DealFormController implements ReactiveController {
  /** The text of every field, as typed. */
  values: DraftValues = emptyValues('');
  /** Every problem of the last validation, in form order. */
  problems: FieldProblem[] = [];
  /** The idempotency key the draft's submission uses. */
  key = newIdempotencyKey();
  /** The draft was restored from storage (until the person types). */
  restored = false;
  /** The person has typed since the form was last empty. */
  typed = false;
  /** The draft and queue slots of the current partner and instance. */
  store: DraftStore | undefined;

  #touched = new Set<FieldName>();
  #attempted = false;
  readonly #host: ReactiveControllerHost;
  readonly #context: DealFormContext;

  constructor(host: ReactiveControllerHost, context: DealFormContext) {
    this.#host = host;
    this.#context = context;
    host.addController(this);
  }

  hostUpdate(): void {
    if (!this.values.currency) this.values = { ...this.values, currency: this.#context.currency() };
    this.#openStore();
  }

  // Opens the draft slot of the current partner and instance, restoring what it holds; a draft
  // typed before the partner was known moves into it.
  #openStore(): void {
    const slot = this.#context.slot();
    if (!slot) return;
    const store = new DraftStore(slot.partnerId, slot.instance);
    if (store.key === this.store?.key) return;
    this.store = store;
    const draft = store.draft();
    if (draft && !this.typed) {
      this.values = draft.values;
      this.key = draft.key;
      this.restored = true;
    } else if (this.typed) {
      this.#save();
    }
  }

  /** A field changed; returns whether its value did. Problems on screen follow the text. */
  input(name: string, value: string): boolean {
    if (!isField(name, this.values) || this.values[name] === value) return false;
    this.typed = true;
    this.restored = false;
    this.values = { ...this.values, [name]: value };
    this.#save();
    if (this.#attempted || this.#touched.has(name)) this.#validate();
    this.#host.requestUpdate();
    return true;
  }

  /** The person left field `name`: its problem shows from now on. */
  leave(name: string): void {
    if (!isField(name, this.values)) return;
    this.#touched.add(name);
    this.#validate();
  }

  /** A submit: every problem shows from now on; returns the input or the problems. */
  attempt(): BuildResult {
    this.#attempted = true;
    return this.#validate();
  }

  #validate(): BuildResult {
    const built = buildDealInput(this.values, this.#context.locale());
    this.problems = built.ok ? [] : built.problems;
    this.#host.requestUpdate();
    return built;
  }

  /** A field's problem, once the person has left the field or tried to submit. */
  problemOf(name: FieldName): FieldProblem | undefined {
    return this.#attempted || this.#touched.has(name) ? this.problems.find((p) => p.field === name) : undefined;
  }

  /** The problems the summary lists: the first of each field, after a submit. */
  get summary(): FieldProblem[] {
    if (!this.#attempted) return [];
    const seen = new Set<FieldName>();
    return this.problems.filter((p) => !seen.has(p.field) && seen.add(p.field));
  }

  /** The backend refused values the contract's schema let through: show its words on the fields. */
  refuse(errors: readonly { path: string; message: string }[]): void {
    this.problems = errors.map((e) => ({ field: fieldOfPath(e.path) ?? 'company', key: 'deal.err.server', params: { detail: e.message } }));
    this.#attempted = true;
    this.#host.requestUpdate();
  }

  /** Nothing was created under the key (a definite refusal): the next attempt gets a new one. */
  renewKey(): void {
    this.key = newIdempotencyKey();
    this.#save();
  }

  /** Registered: an empty form, a new key, the draft forgotten. */
  clear(): void {
    this.store?.clear();
    this.key = newIdempotencyKey();
    this.values = emptyValues(this.values.currency);
    this.#touched.clear();
    this.#attempted = this.typed = this.restored = false;
    this.problems = [];
    this.#host.requestUpdate();
  }

  #save(): void {
    this.store?.save('draft', { values: this.values, key: this.key });
  }
}

const isField = (name: string, values: DraftValues): name is FieldName => Object.hasOwn(values, name);
