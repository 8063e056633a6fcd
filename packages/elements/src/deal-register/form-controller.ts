/**
 * The Register form's state as a Lit controller: what is typed (kept exactly as typed), which
 * problems show (a field's once the person left it, all of them after a submit), the draft saved
 * per partner and instance and restored after a reload, and the idempotency key of the draft's
 * submission (one per draft, so a double click, a retry or a lost answer never makes two deals).
 * The validation (`form-check.ts`: the contract's checks, the amount parser and the words for each
 * problem) is not part of the form's first paint: it loads when the person first enters the form,
 * types, or finds a draft restored; a check asked for before it is in runs once it is (`pending`,
 * which the element's `updateComplete` awaits).
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LocalizeController } from '../platform/localize.js';
import { newIdempotencyKey } from '@partnerkit/core/client';
import { emptyValues, type DraftValues, type FieldName, type FieldProblem } from './form-fields.js';
import type { BuildResult } from './form-model.js';
import type * as FormCheck from './form-check.js';
import { DraftStore } from './draft-store.js';

type FormModel = typeof FormCheck;
type Host = ReactiveControllerHost & HTMLElement;

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

  /** Settles once a check asked for before the validation's code was in has run. */
  pending: Promise<unknown> | undefined;

  #touched = new Set<FieldName>();
  #attempted = false;
  #model: FormModel | undefined;
  // The problems' words in the element's language, once the validation is in.
  #words: LocalizeController<FormModel['problemsEn']> | undefined;
  #modelLoad: Promise<FormModel> | undefined;
  readonly #host: Host;
  readonly #context: DealFormContext;

  constructor(host: Host, context: DealFormContext) {
    this.#host = host;
    this.#context = context;
    host.addController(this);
  }

  hostUpdate(): void {
    if (!this.values.currency) this.values = { ...this.values, currency: this.#context.currency() };
    this.#openStore();
    if (this.typed || this.restored) void this.prepare().catch(() => undefined);
  }

  /** Loads the validation's code, once (a failed load, say a CDN chunk offline, is tried again). */
  prepare(): Promise<FormModel> {
    return (this.#modelLoad ??= import('./form-check.js').then(
      (model) => {
        this.#words = new LocalizeController(this.#host, { en: model.problemsEn, vi: model.problemsVi });
        return (this.#model = model);
      },
      (error: unknown) => {
        this.#modelLoad = undefined;
        throw error;
      },
    ));
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

  /**
   * A submit: every problem shows from now on. The input or the problems, at once when the
   * validation's code is in (it is once the person entered the form), else once it is; rejects
   * when that code cannot load.
   */
  attempt(): BuildResult | Promise<BuildResult> {
    this.#attempted = true;
    if (this.#model) return this.#check(this.#model);
    const built = this.prepare().then((model) => this.#check(model));
    this.#await(built);
    return built;
  }

  #validate(): void {
    if (this.#model) this.#check(this.#model);
    else this.#await(this.prepare().then((model) => this.#check(model)));
  }

  #check(model: FormModel): BuildResult {
    const built = model.buildDealInput(this.values, this.#context.locale());
    this.problems = built.ok ? [] : built.problems;
    this.#host.requestUpdate();
    return built;
  }

  // Held in `pending` until it settled, so the element's updateComplete includes it.
  #await(work: Promise<unknown>): void {
    const pending: Promise<unknown> = work.then(
      () => undefined,
      () => undefined,
    );
    this.pending = pending;
    void pending.then(() => {
      if (this.pending === pending) this.pending = undefined;
    });
  }

  /** What `problem` says, in the element's language (numbers written in it too). */
  problemText(problem: FieldProblem): string {
    const words = this.#words;
    if (!words) return '';
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(problem.params ?? {})) params[k] = typeof v === 'number' ? words.number(v) : v;
    // Problem keys are the catalogue's `deal.err.*`; each message reads the parameters it names.
    return (words.t as (key: string, params: object) => string)(problem.key, params);
  }

  /** The error summary's title: how many problems to fix. */
  summaryTitle(count: number): string {
    return this.#words?.t('deal.summary', { count }) ?? '';
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
    // The validation's code is in: the form was validated before it was sent.
    const fieldOf = (path: string) => this.#model?.fieldOfPath(path);
    this.problems = errors.map((e) => ({ field: fieldOf(e.path) ?? 'company', key: 'deal.err.server', params: { detail: e.message } }));
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
