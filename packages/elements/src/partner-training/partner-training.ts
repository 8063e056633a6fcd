/**
 * `<partner-training>`: a partner's enablement. For the partner: the courses it may take with
 * what its next tier needs first, its people's progress and certificates with expiry countdowns,
 * enrolling a person, and taking a self-paced course (the player, loaded on first use). For vendor
 * staff: one partner's enablement at a glance (certified staff, what is missing for the next tier,
 * what is expiring), its catalogue and its people.
 * @module
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { isOpenEnrolment } from '@partnerkit/core/rules';
import type { Course, Enrolment, Person } from '@partnerkit/core/schemas';
import { LazyView } from '../controllers/lazy-view.js';
import { SessionController } from '../controllers/session.js';
import { PartnerKitElement } from '../platform/partnerkit-element.js';
import { errorText, renderEmpty, renderError, renderLoading, renderNoClient } from '../platform/state-views.js';
import { safeHttpUrl } from '../resource-library/safe-url.js';
import type { CoursePlayer, Taking } from './course-player.js';
import { EnrolForm } from './enrol-form.js';
import { partnerTrainingCatalogues, type PartnerTrainingMessages } from './i18n/index.js';
import { loadTraining } from './load-training.js';
import { partnerTrainingStyles } from './partner-training.styles.js';
import { expiresSoon, missingForNextTier, orderCatalogue, peopleTraining, type CatalogueEntry, type PersonTraining, type TrainingData } from './training-model.js';

/** The enrolment being taken, by ids: what it points to is looked up in the latest data. */
interface TakingIds {
  courseId: string;
  enrolmentId: string;
  personId: string;
}

/**
 * @summary A partner's training: the catalogue (what its next tier needs first), its people's progress and certificates, enrolling, taking a course and its assessment; for vendor staff, one partner's enablement at a glance.
 * @tagname partner-training
 *
 * @fires {PkAssessmentSubmittedEvent} pk-assessment-submitted - A person's attempt at an assessment was scored; `detail.data.result` is the score (and the certificate's id on passing).
 * @fires {PkErrorEvent} pk-error - Loading, enrolling, saving progress or submitting failed.
 *
 * @csspart summary - Tier and certified staff.
 * @csspart missing - What the next tier still needs (`missing-item` for each certification).
 * @csspart warnings - Certifications expiring before the partner's tier would need them (`warning` for each).
 * @csspart course - A course of the catalogue (`course-needed` too when the next tier needs its certification).
 * @csspart needed-badge - The "Needed for your next tier" badge.
 * @csspart enrol-form - The form that enrols a person in a course.
 * @csspart enrol-button - Sends the enrolment.
 * @csspart person - A person with their enrolments and certificates.
 * @csspart certificate-item - One certificate of a person (`certificate-soon`, `certificate-expired` too).
 * @csspart continue-button - Starts or continues a self-paced course.
 * @csspart player - The course being taken.
 * @csspart back-button - Back from the course to the catalogue.
 * @csspart module - A module of the course (`module-done` once done).
 * @csspart open-button - Opens a module's resource.
 * @csspart done-button - Marks a module done.
 * @csspart assessment - The assessment form.
 * @csspart question - A question (a fieldset).
 * @csspart submit-button - Submits the answers.
 * @csspart attempts-left - How many attempts are left.
 * @csspart result - The score of the last attempt (a polite live region).
 * @csspart certificate - The certificate shown on passing.
 *
 * @cssprop --pk-partner-training-needed-color - The "needed for your next tier" badge and the missing list's rule.
 * @cssprop --pk-partner-training-expiring-color - Expiring certificates and warnings.
 * @cssprop --pk-partner-training-done-color - Done modules, passed results and the certificate's rule.
 */
export class PartnerTraining extends PartnerKitElement<PartnerTrainingMessages> {
  static override styles = [PartnerKitElement.styles, partnerTrainingStyles];

  static override properties: PropertyDeclarations = {
    partnerId: { attribute: 'partner-id' },
  };

  /** The partner whose training to show. A partner session may leave it out (its own partner); vendor staff must name one. */
  declare partnerId: string;

  readonly #session = new SessionController(this);

  readonly #data = this.createDataTask(
    () => [this.#session.scope(this.partnerId)] as const,
    ([partnerId], { client, signal }) => (partnerId ? loadTraining(client, partnerId, signal) : Promise.resolve(null)),
  );

  readonly #enrol = new EnrolForm(this);

  readonly #player = new LazyView<CoursePlayer>(this, () =>
    import('./course-player.js').then(
      ({ CoursePlayer }) =>
        new CoursePlayer(this, {
          l: this.localize,
          certificationName: (id) => this.#certificationName(id),
          changed: () => void this.#data.run(),
          close: () => void this.#close(),
        }),
    ),
  );

  #taking: TakingIds | undefined;
  /** Set when a course opens: its title takes focus once rendered. */
  #focusPlayer = false;
  /** The data last loaded: the player keeps showing while the overview reloads. */
  #last: TrainingData | undefined;

  constructor() {
    super(partnerTrainingCatalogues);
    this.partnerId = '';
  }

  get #isPartner(): boolean {
    return this.#session.role === 'partner';
  }

  #certificationName(id: string): string {
    const certification = this.#last?.certifications.get(id);
    return certification ? this.localize.localise(certification).name : id;
  }

  #tierName(id: string | null): string {
    const tier = id === null ? undefined : this.#last?.tiers.get(id);
    return tier ? this.localize.localise(tier).name : (id ?? '');
  }

  protected override render(): TemplateResult {
    const l = this.localize;
    if (!l.ready || this.connecting) return renderLoading(l);
    if (!this.resolvedClient) return renderNoClient(l, this.localName);
    const session = this.#session;
    if (!session.settled) return renderLoading(l);
    if (session.failed) return renderError(l, session.error, () => void session.run());
    if (!session.scope(this.partnerId)) return renderEmpty(l, l.t('training.noPartner'));
    if (this.#data.value) this.#last = this.#data.value;
    const taking = this.#takingNow();
    return html`<section class="training" aria-labelledby="title">
      <h2 id="title">${l.t('training.title')}</h2>
      ${taking
        ? this.#player.render(l, (player) => player.render(taking))
        : this.renderStates(this.#data, { data: (data) => (data ? this.#renderOverview(data) : nothing) })}
    </section>`;
  }

  /** The course being taken, from the latest data (null when it is gone from it). */
  #takingNow(): Taking | undefined {
    const ids = this.#taking;
    const data = this.#last;
    if (!ids || !data) return undefined;
    const course = data.courses.find((c) => c.id === ids.courseId);
    const enrolment = data.enrolments.find((e) => e.id === ids.enrolmentId);
    const person = data.people.find((p) => p.id === ids.personId);
    return course && enrolment && person ? { course, enrolment, person } : undefined;
  }

  #take(enrolment: Enrolment): void {
    this.#taking = { courseId: enrolment.courseId, enrolmentId: enrolment.id, personId: enrolment.personId };
    this.#player.ensure();
    this.#focusPlayer = true;
    this.requestUpdate();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    // The player's code may arrive a few renders later: its title takes focus once it is there.
    const title = this.#focusPlayer ? this.renderRoot.querySelector<HTMLElement>('#player-title') : null;
    if (title) {
      this.#focusPlayer = false;
      title.focus();
    }
  }

  async #close(): Promise<void> {
    const courseId = this.#taking?.courseId;
    this.#taking = undefined;
    this.requestUpdate();
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>(`[data-course="${CSS.escape(courseId ?? '')}"] h4`) ?? this.renderRoot.querySelector<HTMLElement>('h2'))?.focus();
  }

  async #onEnrol(event: Event, course: Course): Promise<void> {
    event.preventDefault();
    const enrolment = await this.#enrol.enrol(course.id);
    if (!enrolment) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#enrol-${CSS.escape(course.id)}`)?.focus();
      return;
    }
    await this.#data.run();
    if (course.format === 'self_paced') this.#take(enrolment);
  }

  #renderOverview(data: TrainingData): TemplateResult {
    const missing = missingForNextTier(data.enablement);
    const people = peopleTraining(data);
    return html`${this.#renderGlance(data, missing)}
      ${this.#renderCatalogue(data, orderCatalogue(data.courses, missing))}
      ${this.#renderPeople(data, people)}`;
  }

  #renderGlance(data: TrainingData, missing: ReturnType<typeof missingForNextTier>): TemplateResult {
    const l = this.localize;
    const { enablement } = data;
    const next = enablement.nextTierId;
    return html`<div class="glance">
      <p class="summary" part="summary">
        <span>${enablement.tierId ? l.t('training.tier', { tier: this.#tierName(enablement.tierId) }) : l.t('training.noTier')}</span>
        <span>${l.t('training.summary', { certified: l.number(enablement.certifiedStaff), people: l.number(data.people.length) })}</span>
      </p>
      <section class="panel panel--missing" part="missing" aria-labelledby="missing-title">
        <h3 id="missing-title">${next ? l.t('training.next.title', { tier: this.#tierName(next) }) : l.t('training.next.none')}</h3>
        ${next === null
          ? nothing
          : missing.length === 0
            ? html`<p>${l.t('training.next.met', { tier: this.#tierName(next) })}</p>`
            : html`<ul class="plain">
                ${missing.map(
                  (m) => html`<li part="missing-item">${l.t('training.next.missing', {
                    certification: this.#certificationName(m.certificationId),
                    missing: l.number(m.missing),
                    held: l.number(m.held),
                    required: l.number(m.required),
                  })}</li>`,
                )}
              </ul>`}
      </section>
      <section class="panel panel--expiring" part="warnings" aria-labelledby="expiring-title">
        <h3 id="expiring-title">${l.t('training.expiring.title')}</h3>
        ${enablement.warnings.length === 0
          ? html`<p class="muted">${l.t('training.expiring.none')}</p>`
          : html`<ul class="plain">
              ${enablement.warnings.map(
                (w) => html`<li part="warning">${l.t('training.expiring.warning', {
                  count: w.expiring,
                  expiring: l.number(w.expiring),
                  certification: this.#certificationName(w.certificationId),
                  before: l.date(`${w.before}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }),
                  tier: this.#tierName(w.tierId),
                  required: l.number(w.required),
                })}</li>`,
              )}
            </ul>`}
      </section>
    </div>`;
  }

  #renderCatalogue(data: TrainingData, entries: readonly CatalogueEntry[]): TemplateResult {
    const l = this.localize;
    return html`<section class="catalogue" aria-labelledby="catalogue-title">
      <h3 id="catalogue-title">${l.t('training.catalogue')}</h3>
      ${this.#isPartner ? nothing : html`<p class="muted">${l.t('training.managerOnly')}</p>`}
      ${entries.length === 0
        ? renderEmpty(l, l.t('training.catalogue.empty'))
        : html`<ul class="courses plain">
            ${entries.map((entry) => this.#renderCourse(data, entry))}
          </ul>`}
    </section>`;
  }

  #renderCourse(data: TrainingData, { course, needed }: CatalogueEntry): TemplateResult {
    const l = this.localize;
    const { title, description } = l.localise(course);
    const facts = [
      l.t(`training.format.${course.format}`),
      l.t('training.duration', { minutes: l.number(course.durationMinutes) }),
      course.modules.length > 0 ? l.t('training.modules', { count: l.number(course.modules.length) }) : '',
      course.assessment ? l.t('training.assessment', { mark: l.percent(course.assessment.passMark / 100) }) : '',
      course.certificationId ? l.t('training.leadsTo', { certification: this.#certificationName(course.certificationId) }) : '',
    ].filter((fact) => fact !== '');
    const url = course.format === 'self_paced' ? null : safeHttpUrl(course.url);
    return html`<li class="course" part="course${needed ? ' course-needed' : ''}" data-course=${course.id}>
      <div class="head">
        <h4 tabindex="-1">${title}</h4>
        ${needed ? html`<span class="badge badge--needed" part="needed-badge">${l.t('training.needed')}</span>` : nothing}
      </div>
      ${description ? html`<p>${description}</p>` : nothing}
      <ul class="facts">${facts.map((fact) => html`<li>${fact}</li>`)}</ul>
      ${url ? html`<p><a href=${url} target="_blank" rel="noopener noreferrer">${l.t('training.join')}</a> <span class="muted">${l.t('training.adminRecords')}</span></p>` : nothing}
      ${this.#isPartner && data.people.length > 0 ? this.#renderEnrolForm(data, course) : nothing}
    </li>`;
  }

  #renderEnrolForm(data: TrainingData, course: Course): TemplateResult {
    const l = this.localize;
    const form = this.#enrol;
    const selectId = `enrol-${course.id}`;
    const problem = form.problem?.courseId === course.id ? form.problem.error : undefined;
    const made = form.made?.courseId === course.id ? form.made : undefined;
    const madeFor = made ? data.people.find((p) => p.id === made.personId) : undefined;
    const errorId = `enrol-error-${course.id}`;
    return html`<form class="enrol" part="enrol-form" novalidate @submit=${(e: Event) => void this.#onEnrol(e, course)}>
      <label for=${selectId}>${l.t('training.enrol.person')}</label>
      <select id=${selectId} .value=${form.chosen.get(course.id) ?? ''} aria-invalid=${problem === 'missing' ? 'true' : 'false'} aria-describedby=${problem === undefined ? nothing : errorId}
        @change=${(e: Event) => form.choose(course.id, (e.target as HTMLSelectElement).value)}>
        <option value="">${l.t('training.enrol.choose')}</option>
        ${data.people.map((person) => html`<option value=${person.id} ?selected=${form.chosen.get(course.id) === person.id}>${person.name}</option>`)}
      </select>
      <button class="button" part="enrol-button" type="submit" ?disabled=${form.sending !== undefined}>
        ${form.sending === course.id ? l.t('training.enrol.sending') : l.t('training.enrol.button')}
      </button>
      ${problem === undefined
        ? nothing
        : html`<p class="problem" id=${errorId} role="alert">${problem === 'missing' ? l.t('training.enrol.pick') : `${l.t('training.enrol.failed')} ${errorText(l, problem)}`}</p>`}
      <p class="muted" role="status">${made && madeFor ? l.t('training.enrol.done', { person: madeFor.name, course: l.localise(course).title }) : ''}</p>
    </form>`;
  }

  #renderPeople(data: TrainingData, people: readonly PersonTraining[]): TemplateResult {
    const l = this.localize;
    return html`<section class="people" aria-labelledby="people-title">
      <h3 id="people-title">${l.t('training.people')}</h3>
      ${people.length === 0
        ? renderEmpty(l, l.t('training.people.empty'))
        : html`<ul class="plain people-list">
            ${people.map((entry) => this.#renderPerson(data, entry))}
          </ul>`}
    </section>`;
  }

  #renderPerson(data: TrainingData, { person, enrolments, certificates }: PersonTraining): TemplateResult {
    const l = this.localize;
    const now = Date.now();
    const courseOf = (id: string) => data.courses.find((c) => c.id === id);
    return html`<li class="person" part="person">
      <h4>${person.name}</h4>
      ${enrolments.length === 0 && certificates.length === 0 ? html`<p class="muted">${l.t('training.person.none')}</p>` : nothing}
      ${certificates.length === 0
        ? nothing
        : html`<ul class="facts">
            ${certificates.map((c) => {
              const name = this.#certificationName(c.certificationId);
              const soon = expiresSoon(c, now);
              const state = c.status === 'expired' ? ' certificate-expired' : soon ? ' certificate-soon' : '';
              const when = c.expiresAt === null ? '' : l.relativeTime(c.expiresAt, { largestUnit: 'month' });
              const date = c.expiresAt === null ? '' : l.date(c.expiresAt, { dateStyle: 'medium' });
              return html`<li class="certificate-item ${state ? `certificate-item--${state.trim().replace('certificate-', '')}` : ''}" part="certificate-item${state}">
                ${c.expiresAt === null
                  ? l.t('training.certificate.forever', { certification: name })
                  : l.t(c.status === 'expired' ? 'training.certificate.expired' : 'training.certificate.valid', { certification: name, when, date })}
                ${soon ? html` <span class="badge badge--expiring">${l.t('training.certificate.soon')}</span>` : nothing}
              </li>`;
            })}
          </ul>`}
      ${enrolments.length === 0
        ? nothing
        : html`<ul class="facts">
            ${enrolments.map((e) => this.#renderEnrolment(e, courseOf(e.courseId), person))}
          </ul>`}
    </li>`;
  }

  #renderEnrolment(enrolment: Enrolment, course: Course | undefined, person: Person): TemplateResult | typeof nothing {
    if (!course) return nothing;
    const l = this.localize;
    const title = l.localise(course).title;
    const selfPaced = course.format === 'self_paced';
    const open = isOpenEnrolment(enrolment.status);
    const started = enrolment.completedModuleIds.length > 0 || enrolment.attempts > 0;
    return html`<li class="enrolment">
      <span>${l.t('training.enrolment', { course: title, status: l.t(`training.status.${enrolment.status}`) })}</span>
      ${selfPaced && course.modules.length > 0 ? html`<span class="muted"> · ${l.t('training.progress', { done: l.number(enrolment.completedModuleIds.length), total: l.number(course.modules.length) })}</span>` : nothing}
      ${this.#isPartner && selfPaced && open
        ? html`<button class="button button--small" part="continue-button" type="button" aria-label=${`${started ? l.t('training.continue') : l.t('training.start')}: ${title} (${person.name})`}
            @click=${() => this.#take(enrolment)}>${started ? l.t('training.continue') : l.t('training.start')}</button>`
        : nothing}
    </li>`;
  }
}
