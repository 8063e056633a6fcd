/**
 * The state of `<partner-application>`: the public form (a data task: the partner types, the
 * programme's questions, the consent text and a form token), what the person typed and which
 * step they are on (saved on every change and restored after a reload), the problems shown, and
 * the submission: one idempotency key per application, the form token and the honeypot sent as
 * the backend expects them, and an outcome that never drops what was typed.
 *
 * The checks (`application-model.ts`: the contract's `ApplicationInput` schema and core's
 * `checkAnswers`) and the last two steps' templates are not part of the first paint: the checks
 * load when the person first enters or types in the form (or a restored draft needs them), the
 * templates when their step opens. A check asked for before its code is in runs once it is
 * (`pending`, which the element's `updateComplete` awaits); what was typed never waits for it.
 * @module
 */
import type { ReactiveController } from 'lit';
import { applicationForm } from '@partnerkit/core/client/application-form';
import type { ApplicationForm } from '@partnerkit/core/schemas';
import { LazyView } from '../controllers/lazy-view.js';
import { PkApplicationSubmitEvent } from '../events/application-submit.js';
import { PkApplicationSubmittedEvent } from '../events/application-submitted.js';
import { createDataTask, type DataTask } from '../platform/data-task.js';
import { isAbortError } from '../platform/describe-error.js';
import type { PartnerKitHost } from '../platform/host.js';
import { reportError } from '../platform/report-error.js';
import { newIdempotencyKey } from '@partnerkit/core/client';
import { ApplicationDraft } from './application-draft.js';
import { emptyValues, problemsOn, stepOf, STEPS, type DraftAnswers, type DraftValues, type FieldName, type FieldProblem, type Step } from './application-fields.js';
import type * as Model from './application-model.js';
import type * as LaterSteps from './later-steps.js';

type ApplicationModel = typeof Model;
type BuildResult = Model.BuildResult;

/** What the element tells the controller. */
export interface ApplicationHost extends PartnerKitHost {
  /** Where the draft is kept: the programme (publishable key) and the instance. */
  readonly draftSlot: { programme: string; instance: string };
  /** The language the person reads the form in (BCP 47). */
  readonly locale: string;
  /** The `referral-code` attribute, sent with the application. */
  readonly referralCode?: string | undefined;
}

/** Where the submission is: the form, sending, not sent (why), or sent (its number). */
export type Phase = { kind: 'form' } | { kind: 'sending' } | { kind: 'failed'; error: unknown; tooSoon: boolean } | { kind: 'done'; number: string };

// The client's errors are read by shape, as the platform reads them (describe-error.ts): importing
// the client's guards would bring its transport into this widget's code.
const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
};
const fieldErrorsOf = (error: unknown): { path: string; message: string }[] => {
  const errors = (error as { errors?: unknown } | null)?.errors;
  return statusOf(error) === 400 && Array.isArray(errors) ? errors.filter((e): e is { path: string; message: string } => typeof e?.path === 'string') : [];
};

export class ApplicationController implements ReactiveController {
  readonly task: DataTask<[], ApplicationForm>;
  values: DraftValues = emptyValues();
  answers: DraftAnswers = {};
  step: Step = 'company';
  /** The problems shown on fields. */
  problems: FieldProblem[] = [];
  /** The problems listed above the form after an attempt to move on (empty otherwise). */
  summary: FieldProblem[] = [];
  /** True when the form opened with a saved application. */
  restored = false;
  phase: Phase = { kind: 'form' };
  /** What is typed into the field people never see (bots fill it). */
  honeypot = '';
  /** True while Next or Send waits for the checks' code. */
  checking = false;
  /** Why the checks' code could not load (a CDN chunk offline), until the next try. */
  checksError: unknown;
  /** Settles once a check asked for before the checks' code was in has run. */
  pending: Promise<unknown> | undefined;
  /** The capabilities step's questions and the last step, loaded when either opens. */
  readonly laterSteps: LazyView<typeof LaterSteps>;
  readonly #host: ApplicationHost;
  #key = newIdempotencyKey();
  #draft: ApplicationDraft | undefined;
  #model: ApplicationModel | undefined;
  #modelLoad: Promise<ApplicationModel> | undefined;
  /** What to focus once the next render is done. */
  #focus: string | null = null;

  constructor(host: ApplicationHost) {
    this.#host = host;
    host.addController(this);
    // Part of the element's update while it loads, like the checks.
    this.laterSteps = new LazyView(host, () => {
      const load = import('./later-steps.js');
      this.#await(load);
      return load;
    });
    this.task = createDataTask(host, () => [] as const, (_, { client, signal }) => applicationForm(client).get({ signal }));
  }

  /** The form as loaded. */
  get form(): ApplicationForm | undefined {
    return this.task.value;
  }

  hostConnected(): void {
    const { programme, instance } = this.#host.draftSlot;
    if (this.#draft?.slot === new ApplicationDraft(programme, instance).slot) return;
    this.#draft = new ApplicationDraft(programme, instance);
    const saved = this.#draft.read();
    if (!saved) return;
    ({ values: this.values, answers: this.answers, step: this.step, key: this.#key } = saved);
    this.restored = true;
    void this.prepare().catch(() => undefined);
  }

  /** Loads the checks' code, once (a failed load is tried again next time). */
  prepare(): Promise<ApplicationModel> {
    return (this.#modelLoad ??= import('./application-model.js').then(
      (model) => (this.#model = model),
      (error: unknown) => {
        this.#modelLoad = undefined;
        throw error;
      },
    ));
  }

  hostUpdated(): void {
    if (this.#focus === null) return;
    const target = this.#host.renderRoot.querySelector<HTMLElement>(this.#focus);
    this.#focus = null;
    target?.focus();
  }

  /** A field changed: saved at once; a problem shown on it is checked again as the person fixes it. */
  input(field: FieldName, value: string): void {
    this.values = { ...this.values, [field]: value };
    this.#changed(field);
  }

  /** A question's answer changed. */
  answer(id: string, value: string | string[]): void {
    this.answers = { ...this.answers, [id]: value };
    this.#changed(`q:${id}`);
  }

  /** The person left a field: what they typed there is checked (a blank field only once flagged). */
  leave(field: string): void {
    const typed = field.startsWith('q:') ? this.answers[field.slice(2)] : this.values[field as FieldName];
    if (!typed?.length && !this.problems.some((p) => p.field === field)) return;
    this.#recheck(field);
  }

  /** Next: moves on when this step's fields are right, else lists what to fix. */
  next(): Promise<void> {
    return this.#track(this.#next());
  }

  async #next(): Promise<void> {
    const model = await this.#checks();
    if (!model) return;
    const problems = problemsOn(this.step, this.#problems(model));
    if (problems.length) return this.#show(problems);
    this.#go(STEPS[STEPS.indexOf(this.step) + 1] ?? this.step);
  }

  back(): void {
    this.#go(STEPS[STEPS.indexOf(this.step) - 1] ?? this.step);
  }

  /** Opens `step` (the review step's Change buttons). */
  goTo(step: Step): void {
    this.#go(step);
  }

  /** Sends the application: checked whole first; the first step with a problem opens if any. */
  submit(): Promise<void> {
    return this.#track(this.#submit());
  }

  async #submit(): Promise<void> {
    const form = this.form;
    const client = this.#host.resolvedClient;
    if (!form || !client || this.phase.kind === 'sending') return;
    const model = await this.#checks();
    if (!model) return;
    const built = this.#build(model);
    if (!built.ok) {
      this.step = stepOf(built.problems[0]!.field);
      return this.#show(problemsOn(this.step, built.problems));
    }
    const { formToken: _token, honeypot: _honeypot, ...visible } = built.input;
    if (!this.#host.dispatchEvent(new PkApplicationSubmitEvent({ input: visible, idempotencyKey: this.#key }))) return;
    this.#set({ kind: 'sending' });
    try {
      const receipt = await applicationForm(client).submit(built.input, { idempotencyKey: this.#key });
      this.#draft?.clear();
      this.#set({ kind: 'done', number: receipt.number }, '.focus-target');
      this.#host.dispatchEvent(new PkApplicationSubmittedEvent({ number: receipt.number }));
    } catch (error) {
      if (isAbortError(error)) return this.#set({ kind: 'form' });
      reportError(this.#host, error);
      this.#refused(error);
    }
  }

  /** After a confirmation: a blank form, a new key and a new form token. */
  startOver(): void {
    this.values = emptyValues();
    this.answers = {};
    this.problems = [];
    this.summary = [];
    this.restored = false;
    this.step = 'company';
    this.#key = newIdempotencyKey();
    this.#set({ kind: 'form' }, '.focus-target');
    void this.task.run();
  }

  /** The problem shown on `field`, if any. */
  problemOf(field: string): FieldProblem | undefined {
    return this.problems.find((p) => p.field === field);
  }

  #refused(error: unknown): void {
    // The checks' code is in: the application was checked before it was sent.
    const fields = fieldErrorsOf(error).map((e) => ({ ...e, field: this.#model?.fieldOfPath(e.path) }));
    // The form token was refused (sent too soon after the form opened, or too late): a new one,
    // and the person sends again. The key stays: nothing was created under it.
    const token = fields.some((e) => e.path === 'formToken');
    if (token) void this.task.run();
    const onFields = fields.filter((e): e is typeof e & { field: string } => e.field !== undefined);
    if (onFields.length) {
      // The backend refused values the form let through (its rules are its own): shown on their fields.
      const problems = onFields.map((e) => ({ field: e.field, key: 'err.invalid' }));
      this.step = stepOf(problems[0]!.field);
      this.#key = newIdempotencyKey();
      this.#set({ kind: 'form' });
      return this.#show(problemsOn(this.step, problems));
    }
    // A definite refusal gets a new key for the next attempt; a failure that may pass keeps it.
    const status = statusOf(error);
    if (status !== undefined && status !== 429 && status < 500 && !token) this.#key = newIdempotencyKey();
    this.#set({ kind: 'failed', error, tooSoon: token }, '.focus-target');
  }

  /** The checks' code, loaded if need be (Next and Send wait, showing so); undefined when it cannot load. */
  async #checks(): Promise<ApplicationModel | undefined> {
    if (this.#model) return this.#model;
    this.checking = true;
    this.checksError = undefined;
    this.#host.requestUpdate();
    try {
      return await this.prepare();
    } catch (error) {
      this.checksError = error;
      reportError(this.#host, error);
      return undefined;
    } finally {
      this.checking = false;
      this.#host.requestUpdate();
    }
  }

  #build(model: ApplicationModel): BuildResult {
    const form = this.form;
    if (!form) return { ok: false, problems: [] };
    return model.buildApplicationInput(form, this.values, this.answers, {
      locale: this.#host.locale,
      formToken: form.formToken,
      honeypot: this.honeypot,
      ...(this.#host.referralCode ? { referralCode: this.#host.referralCode } : {}),
    });
  }

  #problems(model: ApplicationModel): FieldProblem[] {
    const built = this.#build(model);
    return built.ok ? [] : built.problems;
  }

  #changed(field: string): void {
    void this.prepare().catch(() => undefined);
    if (this.problems.some((p) => p.field === field)) this.#recheck(field);
    if (this.phase.kind === 'failed') this.phase = { kind: 'form' };
    this.#save();
    this.#host.requestUpdate();
  }

  #recheck(field: string): void {
    if (!this.#model) return this.#await(this.prepare().then(() => this.#recheck(field)));
    const now = this.#problems(this.#model).find((p) => p.field === field);
    this.problems = [...this.problems.filter((p) => p.field !== field), ...(now ? [now] : [])];
    this.summary = this.summary.filter((p) => p.field !== field || now);
    this.#host.requestUpdate();
  }

  // Work that waits for the checks' code is part of the element's update until it is in.
  #track(work: Promise<void>): Promise<void> {
    if (!this.#model) this.#await(work);
    return work;
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

  #show(problems: FieldProblem[]): void {
    this.problems = problems;
    this.summary = problems;
    this.#focus = '.summary';
    this.#save();
    this.#host.requestUpdate();
  }

  #go(step: Step): void {
    this.step = step;
    this.problems = [];
    this.summary = [];
    this.#focus = '.step-title';
    this.#save();
    this.#host.requestUpdate();
  }

  #set(phase: Phase, focus?: string): void {
    this.phase = phase;
    if (focus) this.#focus = focus;
    this.#host.requestUpdate();
  }

  #save(): void {
    this.#draft?.save({ values: this.values, answers: this.answers, step: this.step, key: this.#key });
  }
}
