/**
 * Sending the Register form as a Lit controller: the phases of a submission (the form, sending,
 * its outcome, waiting in the queue), the offline queue (a submission made offline, or while the
 * backend could not be reached, waits in storage and goes once the connection returns, with the
 * same idempotency key), and the code that talks to the backend, which it loads itself on the
 * first keystroke (`submit/submit-view.ts`).
 * @module
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { DealInput, Role } from '@partnerkit/core/schemas';
import { isAbortError } from '../platform/describe-error.js';
import type { PartnerKitHost } from '../platform/host.js';
import type { LocalizeController } from '../platform/localize.js';
import type { PlatformMessages } from '../platform/i18n/index.js';
import { reportError } from '../platform/report-error.js';
import { renderError } from '../platform/state-views.js';
import { PkDealSubmitEvent } from '../events/deal-submit.js';
import type { DealRegisterMessages } from './i18n/index.js';
import type { DraftStore, QueuedSubmission } from './draft-store.js';
import type { DealFormController } from './form-controller.js';
import type { BuildResult } from './form-model.js';
import type { Outcome, SendResult, SubmitView } from './submit/submit-view.js';

/** Where the Register view stands. */
export type Phase =
  | { kind: 'form'; cancelled?: boolean }
  | { kind: 'sending' }
  | { kind: 'outcome'; result: Outcome }
  | { kind: 'queued'; queued: QueuedSubmission; error?: unknown };

/** What a submission needs from its element besides the form. */
export interface SubmissionContext {
  /** The partner in scope (named in the body for vendor sessions). */
  scope(): string | undefined;
  /** The caller's role once the session answered (a failed session counts as partner). */
  role(): Promise<Role>;
}

/** A submission to keep until it can be sent: offline now, or the backend could not be reached. */
const queueEntry = (input: DealInput, key: string): QueuedSubmission => ({
  key,
  input,
  queuedAt: new Date().toISOString(),
  cause: navigator.onLine === false ? 'offline' : 'failed',
});

export class SubmissionController implements ReactiveController {
  phase: Phase = { kind: 'form' };
  /** Settles once a submit waiting for the validation's code has been checked (not sent). */
  pending: Promise<void> | undefined;
  #view: SubmitView | undefined;
  #viewModule: Promise<SubmitView> | undefined;
  #store: DraftStore | undefined;
  // What the next render should give the keyboard to (a banner, the summary, a field).
  #focus: string | undefined;
  readonly #host: PartnerKitHost;
  readonly #form: DealFormController;
  readonly #context: SubmissionContext;

  constructor(host: PartnerKitHost, form: DealFormController, context: SubmissionContext) {
    this.#host = host;
    this.#form = form;
    this.#context = context;
    host.addController(this);
  }

  /** Sending, or waiting in the queue: the form is disabled. */
  get busy(): boolean {
    return this.phase.kind === 'sending' || this.phase.kind === 'queued';
  }

  hostConnected(): void {
    addEventListener('online', this.flush);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.flush);
  }

  hostUpdate(): void {
    // A newly opened draft slot may hold a submission still waiting: show it, and send it if online.
    if (this.#form.store !== this.#store) {
      this.#store = this.#form.store;
      const queued = this.#store?.queued();
      if (queued) {
        this.phase = { kind: 'queued', queued };
        if (navigator.onLine) queueMicrotask(this.flush);
      }
    }
    if (this.#form.typed || this.#form.restored) void this.#load().catch(() => undefined);
    this.#view?.precheck.update(this.#form.values.company, this.#form.values.domain);
  }

  hostUpdated(): void {
    if (!this.#focus) return;
    const target = this.#host.renderRoot.querySelector<HTMLElement>(this.#focus);
    this.#focus = undefined;
    // After this update: moving focus leaves a field, which validates it and asks for another.
    queueMicrotask(() => target?.focus());
  }

  /** The pre-check's state, for styling its line (`idle` until the code is in). */
  get precheckState(): string {
    return this.#view?.precheck.state.kind ?? 'idle';
  }

  /** The pre-check's answer for its live region. */
  precheckText(): string {
    return this.#view?.precheckText() ?? '';
  }

  /** The person changed the form: an outcome's banner (refused, not sent, cancelled) goes. */
  edited(): void {
    if (this.phase.kind === 'outcome' || (this.phase.kind === 'form' && this.phase.cancelled)) this.#set({ kind: 'form' });
  }

  /**
   * The submit button: validates, asks `pk-deal-submit` listeners, then sends or queues. A second
   * click while checking, sending, or while a submission waits in the queue does nothing.
   */
  submit(): void {
    if (this.busy || this.pending) return;
    let attempt;
    try {
      attempt = this.#form.attempt();
    } catch (error) {
      return this.#refused(error);
    }
    if (!(attempt instanceof Promise)) return this.#proceed(attempt);
    // The validation's code is still on its way (the form was submitted before anyone entered it).
    const pending: Promise<void> = attempt.then(
      (built) => this.#proceed(built),
      (error: unknown) => this.#refused(error),
    );
    this.pending = pending;
    void pending.then(() => {
      if (this.pending === pending) this.pending = undefined;
    });
  }

  #proceed(built: BuildResult): void {
    if (!built.ok) {
      this.#set({ kind: 'form' }, '.summary');
      return;
    }
    const key = this.#form.key;
    const submit = new PkDealSubmitEvent({ input: built.input, idempotencyKey: key }, this.#context.scope());
    this.#host.dispatchEvent(submit);
    if (submit.defaultPrevented) return;
    if (navigator.onLine === false) return this.#enqueue(queueEntry(built.input, key));
    void this.#send(built.input, key, false);
  }

  // The validation's code could not load (a CDN chunk offline): nothing could be checked or queued.
  #refused(error: unknown): void {
    reportError(this.#host, error);
    this.#set({ kind: 'outcome', result: { kind: 'failed', error } }, '.focus-target');
  }

  /** Sends the queued submission, if any (on `online`, on "Send now", after a reload). */
  readonly flush = (): void => {
    if (this.phase.kind === 'queued') void this.#send(this.phase.queued.input, this.phase.queued.key, true);
  };

  /** Forgets the queued submission; the form keeps what was typed. */
  readonly cancelQueued = (): void => {
    this.#store?.clear('queued');
    this.#set({ kind: 'form', cancelled: true }, '[part=submit-button]');
  };

  /** After a registration: back to the (empty) form. */
  readonly another = (): void => {
    this.#set({ kind: 'form' }, '#f-company');
  };

  /** The confirmation that replaces the form after a registration, if there is one. */
  renderDone(): TemplateResult | undefined {
    const { phase } = this;
    const view = this.#view;
    return phase.kind === 'outcome' && phase.result.kind === 'done' && view ? view.renderDone(phase.result.deal, this.another) : undefined;
  }

  /** The banner above the form: restored, cancelled, refused or not sent, or waiting to send. */
  renderBanner(l: LocalizeController<PlatformMessages & DealRegisterMessages>): TemplateResult | typeof nothing {
    const { phase } = this;
    const view = this.#view;
    if (phase.kind === 'form') {
      if (phase.cancelled) return html`<p class="banner" role="status">${l.t('deal.queued.cancelled')}</p>`;
      return this.#form.restored ? html`<p class="banner" role="status">${l.t('deal.restored')}</p>` : nothing;
    }
    if (phase.kind === 'outcome' && phase.result.kind !== 'done') {
      // Without the code that sends (it could not load), the platform's error box stands in.
      const { result } = phase;
      return view ? view.renderBanner(result, { partnerId: this.#context.scope(), accepted: () => this.submit() }) : renderError(l, 'error' in result ? result.error : undefined, () => this.submit());
    }
    if (phase.kind !== 'queued') return nothing;
    const { queued, error } = phase;
    const company = queued.input.customer.company;
    return html`<div class="banner banner--pending focus-target" part="queued" tabindex="-1">
      <p><strong>${l.t('deal.queued')}</strong></p>
      <p>${queued.cause === 'offline' ? l.t('deal.queued.offline', { company }) : l.t('deal.queued.failed', { company })}</p>
      ${error && view ? html`<p>${view.errorText(error)}</p>` : nothing}
      <p class="muted">${l.t('deal.queued.since', { when: l.relativeTime(queued.queuedAt) })}</p>
      <div class="row">
        <button class="button button--primary" type="button" @click=${this.flush}>${l.t('deal.queued.send')}</button>
        <button class="button" type="button" @click=${this.cancelQueued}>${l.t('deal.queued.cancel')}</button>
      </div>
    </div>`;
  }

  // A new phase, and (optionally) what the keyboard moves to once it is rendered.
  #set(phase: Phase, focus?: string): void {
    this.phase = phase;
    this.#focus = focus;
    this.#host.requestUpdate();
  }

  // Loads the pre-check and the code that sends; a failed load (a CDN chunk offline) can be retried.
  #load(): Promise<SubmitView> {
    return (this.#viewModule ??= import('./submit/submit-view.js').then(
      ({ SubmitView }) => {
        this.#view = new SubmitView(this.#host);
        this.#host.requestUpdate();
        return this.#view;
      },
      (error: unknown) => {
        this.#viewModule = undefined;
        throw error;
      },
    ));
  }

  #enqueue(queued: QueuedSubmission, error?: unknown): void {
    this.#store?.save('queued', queued);
    this.#set(error === undefined ? { kind: 'queued', queued } : { kind: 'queued', queued, error }, '.focus-target');
  }

  async #send(input: DealInput, key: string, fromQueue: boolean): Promise<void> {
    const client = this.#host.resolvedClient;
    if (!client || this.phase.kind === 'sending') return;
    const previous = this.phase;
    this.#set({ kind: 'sending' });
    const queued = previous.kind === 'queued' ? previous.queued : queueEntry(input, key);
    let result: SendResult;
    try {
      const view = await this.#load();
      result = await view.send(input, key, { client, scope: this.#context.scope(), role: await this.#context.role(), fromQueue });
    } catch (error) {
      if (isAbortError(error)) return this.#set(previous);
      // The code that sends could not load (offline, CDN down): the submission waits like offline.
      reportError(this.#host, error);
      return this.#enqueue(queued, error);
    }
    // The answer may be lost: the same key with the exact body, so resending cannot duplicate.
    if (result.kind === 'unknown') return this.#enqueue(queued, result.error);
    if (result.kind === 'done') {
      this.#form.clear();
      this.#view?.precheck.reset();
    } else {
      // Not sent, or refused: nothing waits in the queue any more.
      this.#store?.clear('queued');
      // A definite refusal: nothing was created under this key; the next attempt gets a new one.
      // A failure that may pass (session, rate limit) keeps the key for the retry.
      if (result.kind !== 'failed') this.#form.renewKey();
    }
    if (result.kind === 'invalid') {
      this.#form.refuse(result.errors);
      return this.#set({ kind: 'form' }, '.summary');
    }
    this.#set({ kind: 'outcome', result }, '.focus-target');
  }
}
