/**
 * `<application-review>`: the recruitment pipeline for vendor staff. The stages with their
 * counts, a search and filters, the applications of a stage; an application's answers, duplicate
 * flags and history; the scoring form per selection criterion with the live weighted score and
 * knock-outs, and, once the reviewer has submitted, the other reviewers' scores with the spread;
 * the stage moves core's lifecycle allows, with a reason where it needs one; approval shows the new
 * partner. The open application's code loads on first open.
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { APPLICATION_CHANNELS, APPLICATION_STATUSES, PARTNER_TYPES, type Application, type ApplicationStatus } from '@partnerkit/core/schemas';
import { LazyView } from '../controllers/lazy-view.js';
import { PkApplicationEvaluatedEvent } from '../events/application-evaluated.js';
import { PkApplicationTransitionEvent } from '../events/application-transition.js';
import { PartnerKitElement } from '../platform/partnerkit-element.js';
import { renderError, renderLoading, renderNoClient } from '../platform/state-views.js';
import { applicationReviewStyles } from './application-review.styles.js';
import { applicationReviewCatalogues, type ApplicationReviewMessages } from './i18n/index.js';
import type { PanelView } from './panel-view.js';
import { PipelineController } from './pipeline-controller.js';

/**
 * @summary The recruitment pipeline for vendor staff: stages with counts, search and filters, an application's answers, duplicates and history, blind scoring per selection criterion with the live weighted score, the reviewers' spread after submitting, and stage moves up to approval.
 * @tagname application-review
 *
 * @fires {PkApplicationTransitionEvent} pk-application-transition - An application moved; `detail.data` has the application (with `partnerId` once approved), `from`, `to` and the reason.
 * @fires {PkApplicationEvaluatedEvent} pk-application-evaluated - The reviewer submitted their evaluation; `detail.data.evaluation`.
 * @fires {PkErrorEvent} pk-error - Loading or an action failed.
 *
 * @csspart pipeline - The stages with their counts.
 * @csspart stage - One stage's button; `stage-<status>` too.
 * @csspart search - The search box.
 * @csspart application-item - One application of the list.
 * @csspart application-link - Opens an application.
 * @csspart duplicate-flag - Marks an application that looks like an existing partner or application.
 * @csspart load-more - Loads the next page.
 * @csspart back-button - Back from an application to the list.
 * @csspart application - The open application.
 * @csspart status - An application's stage badge; `status-<status>` too.
 * @csspart duplicates - The possible duplicates of the open application.
 * @csspart answers - Its answers to the programme's questions.
 * @csspart history - Its moves, oldest first.
 * @csspart move-button - A stage move.
 * @csspart move-form - Confirms a move, with its reason.
 * @csspart confirm-move - Makes the move.
 * @csspart new-partner - The partner an approval created.
 * @csspart scoring - The evaluation section.
 * @csspart score-form - The scoring form.
 * @csspart criterion - One criterion's scale and note.
 * @csspart live-score - The live weighted score, what is missing and the knock-outs.
 * @csspart weighted-score - The live weighted score's value.
 * @csspart knock-outs - The criteria the scores knock out on.
 * @csspart submit-evaluation - Submits the evaluation.
 * @csspart save-draft - Saves the evaluation as a draft.
 * @csspart blind-note - Says how many others submitted, while their scores are hidden.
 * @csspart own-evaluation - The reviewer's own submitted evaluation.
 * @csspart summary - Every reviewer's scores once the reviewer has submitted.
 * @csspart mean-score - The reviewers' mean weighted score.
 * @csspart spread - The table of scores per criterion and reviewer.
 * @csspart spread-row - One criterion's row; `spread-flagged` too when reviewers differ by 2 or more.
 * @csspart spread-flag - Says a criterion needs discussing.
 * @csspart form-error - Why an action did not go through.
 *
 * @cssprop --pk-application-review-flag-color - Duplicate and spread flags (default `--pk-color-warning`).
 * @cssprop --pk-application-review-knock-out-color - Knock-outs (default `--pk-color-danger`).
 */
export class ApplicationReview extends PartnerKitElement<ApplicationReviewMessages> {
  static override styles = [PartnerKitElement.styles, applicationReviewStyles];

  static override properties: PropertyDeclarations = {
    status: { reflect: true },
    applicationId: { attribute: 'application-id', reflect: true },
  };

  /** The stage the list shows (`''`: every stage); follows the person's choice. */
  declare status: ApplicationStatus | '';
  /** The application open on screen (`''`: the list); follows the person's choice. */
  declare applicationId: string;

  readonly #pipeline = new PipelineController(this);
  readonly #panel = new LazyView<PanelView>(this, () =>
    import('./panel-view.js').then(({ loadPanel }) =>
      loadPanel(this, {
        role: () => this.#pipeline.session.role,
        userId: () => this.#pipeline.session.principal?.user?.id,
        moved: (application, from, to, reason) => this.#moved(application, from, to, reason),
        evaluated: (evaluation) => this.emit(new PkApplicationEvaluatedEvent({ evaluation })),
      }),
    ),
  );
  /** Where focus goes once it is rendered (after a view changed): a selector in the shadow root. */
  #focusNext: string | undefined;
  #shownId: string | undefined;

  constructor() {
    super(applicationReviewCatalogues);
    this.status = '';
    this.applicationId = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status') && this.status !== this.#pipeline.filters.status) this.#pipeline.choose(this.status);
    // The id changed, or the panel's code arrived after it was set.
    if (changed.has('applicationId') || (this.applicationId && this.#panel.view && this.#shownId !== this.applicationId)) this.#syncPanel();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const target = this.#focusNext ? this.renderRoot.querySelector<HTMLElement>(this.#focusNext) : null;
    if (target) {
      this.#focusNext = undefined;
      target.focus();
    }
  }

  #syncPanel(): void {
    if (!this.applicationId) {
      this.#shownId = undefined;
      this.#panel.view?.panel.show(undefined);
      return;
    }
    this.#panel.ensure();
    const view = this.#panel.view;
    if (view && this.#shownId !== this.applicationId) {
      this.#shownId = this.applicationId;
      view.panel.show(this.applicationId);
    }
  }

  protected override render(): TemplateResult {
    const l = this.localize;
    if (!l.ready || this.connecting) return renderLoading(l);
    if (!this.resolvedClient) return renderNoClient(l, this.localName);
    const { session } = this.#pipeline;
    if (!session.settled) return renderLoading(l);
    if (session.failed) return renderError(l, session.error, () => void session.run());
    if (!this.#pipeline.allowed) return html`<div class="state" part="state forbidden"><p class="state__body">${l.t('pk.error.forbidden')}</p></div>`;
    const panel = this.#panel.view?.panel;
    const announcement = panel?.announcement;
    return html`<section class="review" aria-labelledby="title">
      <h2 id="title">${l.t('review.title')}</h2>
      <p class="visually-hidden" role="status" aria-live="polite">${announcement ? this.#announce(announcement) : ''}</p>
      ${this.applicationId ? this.#panel.render(l, (view) => view.render(l, () => this.#back())) : this.#renderPipeline()}
    </section>`;
  }

  #announce(what: NonNullable<PanelView['panel']['announcement']>): string {
    const l = this.localize;
    const status = this.#panel.view?.panel.application?.status;
    if (what === 'moved' && status) return l.t('review.move.done', { status: l.t(`review.status.${status}`) });
    if (what === 'draftSaved') return l.t('review.draftSaved');
    if (what === 'evaluationSent') return l.t('review.evaluationSent');
    return '';
  }

  // The pipeline -----------------------------------------------------------------------------

  #renderPipeline(): TemplateResult {
    const l = this.localize;
    const pipeline = this.#pipeline;
    const counts = pipeline.pipeline.value;
    const chosen = pipeline.filters.status;
    const stage = (status: ApplicationStatus | '', label: string, count: number | undefined) =>
      html`<li>
        <button class="button stage" part="stage ${status ? `stage-${status}` : 'stage-all'}" type="button" data-status=${status} aria-pressed=${chosen === status ? 'true' : 'false'} @click=${() => this.#choose(status)}>
          ${count === undefined ? label : l.t('review.stage.count', { stage: label, count: l.number(count) })}
        </button>
      </li>`;
    return html`<nav aria-label=${l.t('review.pipeline')}>
        <ul class="stages" part="pipeline">
          ${stage('', l.t('review.stage.all'), counts?.total)}
          ${APPLICATION_STATUSES.map((s) => stage(s, l.t(`review.status.${s}`), counts?.stages.find((x) => x.status === s)?.count))}
        </ul>
      </nav>
      <div class="filters" role="search">
        <div class="filter">
          <label for="search">${l.t('review.search')}</label>
          <input id="search" part="search" type="search" maxlength="200" aria-describedby="search-hint" .value=${pipeline.typed}
            @input=${(e: Event) => pipeline.search((e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && pipeline.search((e.target as HTMLInputElement).value, true)} />
          <span id="search-hint" class="muted">${l.t('review.search.hint')}</span>
        </div>
        <div class="filter">
          <label for="type">${l.t('review.filter.type')}</label>
          <select id="type" @change=${(e: Event) => pipeline.filter('partnerType', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${pipeline.filters.partnerType === ''}>${l.t('review.filter.any')}</option>
            ${PARTNER_TYPES.map((t) => html`<option value=${t} ?selected=${pipeline.filters.partnerType === t}>${l.t(`review.type.${t}`)}</option>`)}
          </select>
        </div>
        <div class="filter">
          <label for="channel">${l.t('review.filter.channel')}</label>
          <select id="channel" @change=${(e: Event) => pipeline.filter('channel', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${pipeline.filters.channel === ''}>${l.t('review.filter.any')}</option>
            ${APPLICATION_CHANNELS.map((c) => html`<option value=${c} ?selected=${pipeline.filters.channel === c}>${l.t(`review.channel.${c}`)}</option>`)}
          </select>
        </div>
      </div>
      <h3>${l.t('review.list')}</h3>
      ${this.renderStates(pipeline.list, {
        empty: (items) => items.length === 0,
        emptyMessage: l.t('review.empty'),
        data: (items) => html`<ul class="list" aria-busy=${pipeline.list.stale ? 'true' : 'false'}>
            ${items.map((a) => this.#renderItem(a))}
          </ul>
          ${this.#renderMore()}`,
      })}`;
  }

  #renderItem(application: Application): TemplateResult {
    const l = this.localize;
    return html`<li class="item" part="application-item" data-status=${application.status}>
      <div class="item-head">
        <button class="link" part="application-link" type="button" data-id=${application.id} @click=${() => this.#open(application.id)}>${application.company.name}</button>
        <span class="badge status status--${application.status}" part="status status-${application.status}">${l.t(`review.status.${application.status}`)}</span>
      </div>
      <p class="meta muted">
        <span>${application.number}</span>
        <span>${l.t(`review.type.${application.partnerType}`)}</span>
        <span>${application.company.country}</span>
        <span>${l.t('review.submittedAt', { when: l.date(application.submittedAt) })}</span>
        <span>${l.t('review.evaluations', { count: application.evaluationCount, n: l.number(application.evaluationCount) })}</span>
        ${application.duplicates.length > 0 ? html`<span class="badge badge--duplicate" part="duplicate-flag">${l.t('review.duplicateFlag')}</span>` : nothing}
      </p>
    </li>`;
  }

  #renderMore(): TemplateResult | typeof nothing {
    const l = this.localize;
    const list = this.#pipeline.list;
    if (list.failedOn === 'more') return renderError(l, list.error, () => void list.run());
    if (!list.hasMore) return nothing;
    return html`<button class="button" part="load-more" type="button" ?disabled=${list.loading === 'more'} @click=${() => void list.loadMore()}>
      ${list.loading === 'more' ? l.t('review.loadingMore') : l.t('review.more')}
    </button>`;
  }

  // Actions ----------------------------------------------------------------------------------

  #choose(status: ApplicationStatus | ''): void {
    this.status = status;
    this.#pipeline.choose(status);
  }

  #open(id: string): void {
    this.#focusNext = '#application-title';
    this.applicationId = id;
  }

  #back(): void {
    this.#focusNext = `[part~="application-link"][data-id="${CSS.escape(this.applicationId)}"]`;
    this.applicationId = '';
  }

  #moved(application: Application, from: ApplicationStatus, to: ApplicationStatus, reason: string | undefined): void {
    this.#pipeline.changed(application);
    this.emit(new PkApplicationTransitionEvent({ application, from, to, ...(reason ? { reason } : {}) }));
  }
}
