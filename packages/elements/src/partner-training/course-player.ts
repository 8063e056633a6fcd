/**
 * Taking a self-paced course, loaded on first use: the modules in order (each opened through the
 * backend, http(s) only, then marked done, progress saved with the API), then the assessment
 * (see `assessment-view.ts`) with the attempts left, the result announced, and on passing the
 * certificate. Answers and progress live here, per enrolment, so a failure, a reload of the
 * overview or going back to the catalogue loses nothing.
 * @module
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { enablement } from '@partnerkit/core/client/enablement';
import { attemptsLeft } from '@partnerkit/core/rules';
import type { AttemptResult, Certificate, Course, CourseModule, Enrolment, Person } from '@partnerkit/core/schemas';
import { PkAssessmentSubmittedEvent } from '../events/assessment-submitted.js';
import { describeError, isAbortError } from '../platform/describe-error.js';
import type { PartnerKitHost } from '../platform/host.js';
import { reportError } from '../platform/report-error.js';
import { errorText } from '../platform/state-views.js';
import { safeHttpUrl, UnsafeUrlError } from '../resource-library/safe-url.js';
import { AssessmentAnswers } from './assessment-form.js';
import { renderAssessment } from './assessment-view.js';
import { trainingReads } from './training-reads.js';
import type { TrainingText } from './i18n/index.js';

/** What the player needs of the element that shows it. */
export interface PlayerContext {
  readonly l: TrainingText;
  /** A certification's name in the element's language. */
  certificationName(id: string): string;
  /** Something the overview shows changed (progress, an attempt, a certificate): load it again. */
  changed(): void;
  /** Back to the catalogue. */
  close(): void;
}

/** What the player shows. */
export interface Taking {
  course: Course;
  enrolment: Enrolment;
  person: Person;
}

export class CoursePlayer implements ReactiveController {
  /** Each enrolment as the backend last answered it here (newer than the overview's until it reloads). */
  readonly #enrolments = new Map<string, Enrolment>();
  readonly #answers = new Map<string, AssessmentAnswers>();
  readonly #results = new Map<string, AttemptResult>();
  readonly #certificates = new Map<string, Certificate>();
  /** The module being saved or opened, and what the last module action said. */
  #busy: { moduleId: string; doing: 'save' | 'open' } | undefined;
  #notice: { text: string; error: boolean } | undefined;
  #submitting = false;
  #submitError: unknown;
  #unanswered: string[] = [];

  constructor(
    private readonly host: PartnerKitHost,
    private readonly context: PlayerContext,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The enrolment as last known: the backend's latest answer here, else the overview's. */
  #latest(enrolment: Enrolment): Enrolment {
    const mine = this.#enrolments.get(enrolment.id);
    return mine && mine.updatedAt >= enrolment.updatedAt ? mine : enrolment;
  }

  #answersOf(enrolmentId: string): AssessmentAnswers {
    let answers = this.#answers.get(enrolmentId);
    if (!answers) this.#answers.set(enrolmentId, (answers = new AssessmentAnswers()));
    return answers;
  }

  /** Opens a module's resource through the backend (which counts it), http(s) only, in a new tab. */
  async #open(module: CourseModule, title: string): Promise<void> {
    const client = this.host.resolvedClient;
    if (!client || this.#busy) return;
    const l = this.context.l;
    this.#busy = { moduleId: module.id, doing: 'open' };
    this.#notice = undefined;
    this.host.requestUpdate();
    try {
      const { url } = await trainingReads(client).openResource(module.resourceId);
      const safe = safeHttpUrl(url);
      if (!safe) throw new UnsafeUrlError();
      window.open(safe, '_blank', 'noopener,noreferrer');
      this.#notice = { text: l.t('player.opened', { title }), error: false };
    } catch (error) {
      if (!isAbortError(error)) reportError(this.host, error);
      this.#notice = { text: error instanceof UnsafeUrlError ? l.t('player.unsafeUrl') : `${l.t('player.openFailed')} ${errorText(l, error)}`, error: true };
    } finally {
      this.#busy = undefined;
      this.host.requestUpdate();
    }
  }

  async #markDone(enrolment: Enrolment, module: CourseModule): Promise<void> {
    const client = this.host.resolvedClient;
    if (!client || this.#busy) return;
    this.#busy = { moduleId: module.id, doing: 'save' };
    this.#notice = undefined;
    this.host.requestUpdate();
    try {
      this.#enrolments.set(enrolment.id, await enablement(client).completeModule(enrolment.id, module.id));
      this.context.changed();
    } catch (error) {
      reportError(this.host, error);
      this.#notice = { text: `${this.context.l.t('player.saveFailed')} ${errorText(this.context.l, error)}`, error: true };
    } finally {
      this.#busy = undefined;
      this.host.requestUpdate();
    }
  }

  async #submit(taking: Taking): Promise<void> {
    const client = this.host.resolvedClient;
    const assessment = taking.course.assessment;
    if (!client || !assessment || this.#submitting) return;
    const enrolment = this.#latest(taking.enrolment);
    const answers = this.#answersOf(enrolment.id);
    this.#unanswered = answers.unanswered(assessment.questions);
    this.#submitError = undefined;
    if (this.#unanswered.length > 0) {
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>(`#q-${CSS.escape(this.#unanswered[0]!)} input`)?.focus();
      return;
    }
    this.#submitting = true;
    this.host.requestUpdate();
    try {
      const result = await enablement(client).submitAttempt(enrolment.id, { answers: answers.answers(assessment.questions) }, { idempotencyKey: answers.key });
      answers.scored();
      this.#results.set(enrolment.id, result);
      this.#enrolments.set(enrolment.id, result.enrolment);
      if (result.certificateId) this.#certificates.set(enrolment.id, await enablement(client).certificate(result.certificateId));
      this.host.dispatchEvent(new PkAssessmentSubmittedEvent({ result }));
      this.context.changed();
    } catch (error) {
      this.#submitError = error;
      reportError(this.host, error);
      // Refused because the attempts ran out meanwhile, or it was passed elsewhere: the overview says so once it reloads.
      const { code } = describeError(error);
      if (code === 'attempts_exhausted' || code === 'assessment_passed') this.context.changed();
    } finally {
      this.#submitting = false;
      this.host.requestUpdate();
    }
  }

  render(taking: Taking): TemplateResult {
    const l = this.context.l;
    const { course, person } = taking;
    const enrolment = this.#latest(taking.enrolment);
    const title = l.localise(course).title;
    const done = new Set(enrolment.completedModuleIds);
    const firstOpen = course.modules.findIndex((m) => !done.has(m.id));
    const modulesDone = firstOpen === -1;
    return html`<article class="player" part="player" aria-labelledby="player-title">
      <button class="button" part="back-button" type="button" @click=${() => this.context.close()}>${l.t('player.back')}</button>
      <h3 id="player-title" tabindex="-1">${title}</h3>
      <p class="muted">${l.t('player.for', { person: person.name })} · ${l.t('training.progress', { done: l.number(done.size), total: l.number(course.modules.length) })}</p>
      <section aria-labelledby="modules-title">
        <h4 id="modules-title">${l.t('player.modules')}</h4>
        <ol class="modules">
          ${course.modules.map((module, i) => this.#renderModule(enrolment, module, done.has(module.id), firstOpen !== -1 && i > firstOpen))}
        </ol>
        <p class="notice ${this.#notice?.error ? 'notice--error' : ''}" part="notice" role="status">${this.#notice?.text ?? ''}</p>
      </section>
      ${course.assessment ? this.#renderAssessment(taking, enrolment, modulesDone) : nothing}
      ${enrolment.status === 'completed' ? html`<p class="done" part="completed">${l.t('player.completed')}</p>` : nothing}
    </article>`;
  }

  #renderModule(enrolment: Enrolment, module: CourseModule, done: boolean, locked: boolean): TemplateResult {
    const l = this.context.l;
    const title = l.localise(module).title;
    const busy = this.#busy?.moduleId === module.id ? this.#busy.doing : undefined;
    const open = enrolment.status === 'enrolled' || enrolment.status === 'in_progress';
    return html`<li class="module" part="module${done ? ' module-done' : ''}">
      <span class="module__title">${title}</span>
      ${module.durationMinutes === null ? nothing : html`<span class="muted">${l.t('training.duration', { minutes: l.number(module.durationMinutes) })}</span>`}
      <span class="module__actions">
        ${locked
          ? html`<span class="muted">${l.t('player.locked')}</span>`
          : html`<button class="button" part="open-button" type="button" ?disabled=${busy !== undefined} aria-label=${`${l.t('player.open')}: ${title}`}
              @click=${() => void this.#open(module, title)}>${busy === 'open' ? l.t('player.opening') : l.t('player.open')}</button>`}
        ${done
          ? html`<span class="badge badge--done" part="done">${l.t('player.done')}</span>`
          : locked || !open
            ? nothing
            : html`<button class="button button--primary" part="done-button" type="button" ?disabled=${busy !== undefined} aria-label=${`${l.t('player.markDone')}: ${title}`}
                @click=${() => void this.#markDone(enrolment, module)}>${busy === 'save' ? l.t('player.saving') : l.t('player.markDone')}</button>`}
      </span>
    </li>`;
  }

  #renderAssessment(taking: Taking, enrolment: Enrolment, modulesDone: boolean): TemplateResult {
    const l = this.context.l;
    const assessment = taking.course.assessment!;
    const result = this.#results.get(enrolment.id);
    const left = result ? result.attemptsLeft : (enrolment.attemptsLeft ?? attemptsLeft(assessment.attemptsAllowed, enrolment.attempts));
    const passed = enrolment.passedAt !== null;
    const exhausted = !passed && left === 0;
    const closed = !passed && !exhausted && enrolment.status !== 'enrolled' && enrolment.status !== 'in_progress';
    const certificate = this.#certificates.get(enrolment.id);
    return html`<section class="assessment" aria-labelledby="assessment-title">
      <h4 id="assessment-title">${l.t('player.assessment')}</h4>
      <p class="muted">
        ${l.t('player.assessment.rules', { count: l.number(assessment.questions.length), mark: l.percent(assessment.passMark / 100) })}
        <span part="attempts-left">${left === null ? l.t('player.attemptsAny') : l.t('player.attemptsLeft', { count: left, n: l.number(left) })}</span>
      </p>
      <p class="result ${result && !result.passed ? 'result--failed' : ''}" part="result" role="status">${result
        ? l.t(result.passed ? 'player.passed' : 'player.notPassed', {
            score: l.percent(result.score / 100),
            correct: l.number(result.correct),
            total: l.number(result.total),
            mark: l.percent(result.passMark / 100),
          })
        : ''}</p>
      ${certificate ? this.#renderCertificate(certificate, taking.person) : nothing}
      ${!modulesDone
        ? html`<p class="muted">${l.t('player.assessment.locked')}</p>`
        : passed
          ? result ? nothing : html`<p>${l.t('player.alreadyPassed')}</p>`
          : exhausted
            ? html`<p class="problem" part="exhausted">${l.t('player.exhausted')}</p>`
            : closed
              ? html`<p class="muted">${l.t('player.closed')}</p>`
              : renderAssessment({
                  l,
                  assessment,
                  answers: this.#answersOf(enrolment.id),
                  unanswered: this.#unanswered,
                  submitting: this.#submitting,
                  error: this.#submitError,
                  changed: () => {
                    this.#unanswered = this.#unanswered.length > 0 ? this.#answersOf(enrolment.id).unanswered(assessment.questions) : [];
                    this.host.requestUpdate();
                  },
                  submit: () => void this.#submit(taking),
                })}
    </section>`;
  }

  #renderCertificate(certificate: Certificate, person: Person): TemplateResult {
    const l = this.context.l;
    return html`<div class="certificate" part="certificate">
      <p><strong>${l.t('player.certificate')}</strong></p>
      <p>${l.t('player.certificate.body', { person: person.name, certification: this.context.certificationName(certificate.certificationId), issued: l.date(certificate.issuedAt, { dateStyle: 'long' }) })}</p>
      <p>${certificate.expiresAt === null
        ? l.t('player.certificate.forever')
        : l.t('player.certificate.expires', { date: l.date(certificate.expiresAt, { dateStyle: 'long' }), when: l.relativeTime(certificate.expiresAt, { largestUnit: 'month' }) })}</p>
    </div>`;
  }
}
