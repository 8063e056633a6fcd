/**
 * How `<application-review>` shows the open application: its company, contact, capabilities and
 * answers, duplicate flags, history, the moves the caller may make (a reason where the lifecycle
 * needs one), the scoring form with the live weighted score and knock-outs, and, once the caller
 * has submitted, every reviewer's scores with the spread. Loaded with the panel on first open.
 * Every value from the application is a text binding: what an applicant typed stays text.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { APPLICATION_REASON_CODES, RECOMMENDATIONS, SCORE_MAX, SCORE_MIN, type AnswerValue, type Application, type ApplicationQuestion, type EvaluationSummary, type SelectionCriterion } from '@partnerkit/core/schemas';
import type { PlatformMessages } from '../platform/i18n/en.js';
import type { LocalizeController } from '../platform/localize.js';
import { errorText, renderError, renderLoading } from '../platform/state-views.js';
import { safeHttpUrl } from '../resource-library/safe-url.js';
import { ApplicationPanel, type ApplicationMove, type PanelCallbacks } from './application-panel.js';
import type { ApplicationReviewMessages } from './i18n/index.js';

export type ReviewText = LocalizeController<PlatformMessages & ApplicationReviewMessages>;

export { ApplicationPanel };

/** The panel and its view, as `<application-review>` loads them. */
export function loadPanel(host: ConstructorParameters<typeof ApplicationPanel>[0], callbacks: PanelCallbacks): PanelView {
  return new PanelView(new ApplicationPanel(host, callbacks));
}

const ids = (l: ReviewText, values: readonly string[]) => (values.length === 0 ? l.t('review.none') : values.join(', '));

export class PanelView {
  constructor(readonly panel: ApplicationPanel) {}

  render(l: ReviewText, back: () => void): TemplateResult {
    const panel = this.panel;
    const backButton = html`<button class="button" part="back-button" type="button" @click=${back}>${l.t('review.back')}</button>`;
    if (panel.error !== undefined) return html`${backButton}${renderError(l, panel.error, () => void panel.load())}`;
    const application = panel.application;
    if (!application || !panel.evaluations) return html`${backButton}${renderLoading(l)}`;
    return html`${backButton}
      <article class="detail" part="application" aria-labelledby="application-title">
        <div class="item-head">
          <h3 id="application-title" tabindex="-1">${application.company.name}</h3>
          <span class="badge status status--${application.status}" part="status status-${application.status}">${l.t(`review.status.${application.status}`)}</span>
        </div>
        <p class="meta muted">
          <span>${application.number}</span>
          <span>${l.t(`review.type.${application.partnerType}`)}</span>
          <span>${l.t('review.submittedAt', { when: l.date(application.submittedAt) })}</span>
        </p>
        ${this.#renderPartner(l, application)} ${this.#renderDuplicates(l, application)} ${this.#renderMoves(l)}
        ${this.#renderScoring(l)}
        <div class="columns">
          ${this.#renderCompany(l, application)} ${this.#renderCapabilities(l, application)}
        </div>
        ${this.#renderAnswers(l, application)} ${this.#renderHistory(l, application)}
      </article>`;
  }

  #country(l: ReviewText, code: string): string {
    try {
      return new Intl.DisplayNames([l.language], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  #renderPartner(l: ReviewText, application: Application): TemplateResult | typeof nothing {
    if (!application.partnerId) return nothing;
    const partner = this.panel.partner;
    return html`<div class="notice notice--success" part="new-partner">
      <p>${l.t('review.approvedPartner', { name: partner?.name ?? application.company.name })}</p>
      <p class="muted">${l.t('review.partnerId', { id: application.partnerId })}</p>
    </div>`;
  }

  #renderDuplicates(l: ReviewText, application: Application): TemplateResult | typeof nothing {
    if (application.duplicates.length === 0) return nothing;
    return html`<section class="notice notice--warning" part="duplicates" aria-labelledby="duplicates-title">
      <h4 id="duplicates-title">${l.t('review.duplicates')}</h4>
      <ul>
        ${application.duplicates.map(
          (d) =>
            html`<li>
              ${d.kind === 'partner' ? l.t('review.duplicate.partner', { name: d.name }) : l.t('review.duplicate.application', { name: d.name, number: d.number ?? '' })}
              (${l.t(`review.duplicate.${d.match}`)})
            </li>`,
        )}
      </ul>
    </section>`;
  }

  #field(label: string, value: unknown): TemplateResult {
    return html`<div class="field-row"><dt>${label}</dt><dd>${value}</dd></div>`;
  }

  #renderCompany(l: ReviewText, application: Application): TemplateResult {
    const { company, contact, source } = application;
    const website = company.website ? safeHttpUrl(company.website) : null;
    return html`<section aria-labelledby="company-title">
      <h4 id="company-title">${l.t('review.company')}</h4>
      <dl class="facts">
        ${this.#field(l.t('review.field.website'), website ? html`<a href=${website} target="_blank" rel="noopener noreferrer">${company.website}</a>` : (company.website ?? l.t('review.none')))}
        ${this.#field(l.t('review.field.domains'), ids(l, company.domains))}
        ${this.#field(l.t('review.field.country'), this.#country(l, company.country))}
        ${company.region ? this.#field(l.t('review.field.region'), company.region) : nothing}
        ${this.#field(l.t('review.field.size'), l.t('review.size', { range: company.size }))}
        ${company.foundedYear ? this.#field(l.t('review.field.founded'), String(company.foundedYear)) : nothing}
        ${this.#field(l.t('review.field.source'), l.t(`review.channel.${source.channel}`))}
      </dl>
      <h4>${l.t('review.contact')}</h4>
      <dl class="facts">
        ${this.#field(l.t('review.field.name'), contact.name)} ${this.#field(l.t('review.field.email'), contact.email)}
        ${contact.phone ? this.#field(l.t('review.field.phone'), contact.phone) : nothing}
        ${contact.title ? this.#field(l.t('review.field.jobTitle'), contact.title) : nothing}
      </dl>
    </section>`;
  }

  #renderCapabilities(l: ReviewText, application: Application): TemplateResult {
    const c = application.capabilities;
    return html`<section aria-labelledby="capabilities-title">
      <h4 id="capabilities-title">${l.t('review.capabilities')}</h4>
      <dl class="facts">
        ${this.#field(l.t('review.field.markets'), ids(l, c.markets.map((m) => this.#country(l, m))))}
        ${this.#field(l.t('review.field.industries'), ids(l, c.industries))}
        ${this.#field(l.t('review.field.staff'), l.number(c.technicalStaff))}
        ${this.#field(l.t('review.field.certifications'), ids(l, c.certifications))}
        ${c.experience ? this.#field(l.t('review.field.experience'), c.experience) : nothing}
        ${this.#field(l.t('review.field.references'), ids(l, c.references.map((r) => r.company)))}
        ${this.#field(l.t('review.field.whyUs'), c.whyUs)}
      </dl>
    </section>`;
  }

  #answer(l: ReviewText, question: ApplicationQuestion | undefined, value: AnswerValue): string {
    if (typeof value === 'boolean') return value ? l.t('review.yes') : l.t('review.no');
    if (typeof value === 'number') return l.number(value);
    const label = (v: string) => {
      const option = question?.options.find((o) => o.value === v);
      return option ? l.localise(option).label : v;
    };
    if (Array.isArray(value)) return value.map(label).join(', ');
    return question?.kind === 'single_choice' ? label(value) : value;
  }

  #renderAnswers(l: ReviewText, application: Application): TemplateResult {
    const entries = Object.entries(application.answers);
    const questions = new Map(this.panel.questions.map((q) => [q.id, q]));
    return html`<section aria-labelledby="answers-title" part="answers">
      <h4 id="answers-title">${l.t('review.answers')}</h4>
      ${entries.length === 0
        ? html`<p class="muted">${l.t('review.noAnswers')}</p>`
        : html`<dl class="facts">
            ${entries.map(([id, value]) => {
              const question = questions.get(id);
              return this.#field(question ? l.localise(question).label : id, this.#answer(l, question, value));
            })}
          </dl>`}
    </section>`;
  }

  #renderHistory(l: ReviewText, application: Application): TemplateResult {
    return html`<section aria-labelledby="history-title" part="history">
      <h4 id="history-title">${l.t('review.history')}</h4>
      <ol class="history">
        ${application.history.map((h) => {
          const who = h.by.role === 'applicant' ? l.t('review.history.applicant') : (h.by.name ?? h.by.id ?? l.t('review.history.someone'));
          return html`<li>
            <p>${l.t('review.history.entry', { status: l.t(`review.status.${h.to}`), who, when: l.date(h.at, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
            ${h.reason ? html`<p class="muted">${l.t('review.history.reason', { reason: h.reason })}</p>` : nothing}
            ${h.notifiedApplicant ? html`<p class="muted">${l.t('review.history.notified')}</p>` : nothing}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  // Moves -------------------------------------------------------------------------------------

  #moveLabel(l: ReviewText, move: ApplicationMove): string {
    if (move.resume || move.to === 'submitted') return l.t('review.move.resume', { stage: l.t(`review.status.${move.to}`) });
    return l.t(`review.move.${move.to}`);
  }

  #renderMoves(l: ReviewText): TemplateResult | typeof nothing {
    const panel = this.panel;
    const moves = panel.moves;
    if (moves.length === 0) return nothing;
    const asking = panel.asking;
    const failed = panel.failure?.action === 'move' ? panel.failure.error : undefined;
    return html`<div class="moves" role="group" aria-label=${l.t('review.moves')}>
      <div class="buttons">
        ${moves.map(
          (move) =>
            html`<button class="button ${move.to === 'approved' ? 'button--primary' : ''}" part="move-button" type="button" data-to=${move.to}
              aria-pressed=${asking?.to === move.to ? 'true' : 'false'} ?disabled=${panel.busy !== undefined} @click=${() => panel.ask(move)}>
              ${this.#moveLabel(l, move)}
            </button>`,
        )}
      </div>
      ${asking ? this.#renderMoveForm(l, asking) : nothing}
      ${failed === undefined ? nothing : html`<p class="form-error" part="form-error" role="alert">${l.t('review.move.failed')} ${errorText(l, failed)}</p>`}
    </div>`;
  }

  #renderMoveForm(l: ReviewText, move: ApplicationMove): TemplateResult {
    const panel = this.panel;
    const needsCode = move.reasonRequired;
    return html`<form class="form" part="move-form" @submit=${(e: Event) => {
      e.preventDefault();
      void panel.move();
    }}>
      ${needsCode
        ? html`<label for="reason-code">${l.t('review.move.reasonCode')}</label>
            <select id="reason-code" .value=${panel.reasonCode} @change=${(e: Event) => panel.set({ reasonCode: (e.target as HTMLSelectElement).value as typeof panel.reasonCode })}>
              <option value="" ?selected=${panel.reasonCode === ''}>${l.t('review.filter.any')}</option>
              ${APPLICATION_REASON_CODES.map((code) => html`<option value=${code} ?selected=${panel.reasonCode === code}>${l.t(`review.reasonCode.${code}`)}</option>`)}
            </select>`
        : nothing}
      <label for="reason">${move.reasonRequired ? l.t('review.move.reason') : l.t('review.move.reasonOptional')}</label>
      <textarea id="reason" rows="2" maxlength="2000" ?required=${move.reasonRequired} .value=${panel.reason} @input=${(e: Event) => panel.set({ reason: (e.target as HTMLTextAreaElement).value })}></textarea>
      ${move.to === 'declined'
        ? html`<label class="check"><input type="checkbox" .checked=${panel.notify} @change=${(e: Event) => panel.set({ notify: (e.target as HTMLInputElement).checked })} />${l.t('review.move.notify')}</label>`
        : nothing}
      <div class="buttons">
        <button class="button button--primary" part="confirm-move" type="submit" ?disabled=${panel.busy !== undefined || (move.reasonRequired && panel.reason.trim() === '')}>
          ${l.t('review.move.confirm')}: ${this.#moveLabel(l, move)}
        </button>
        <button class="button" type="button" @click=${() => panel.ask(undefined)}>${l.t('review.move.cancel')}</button>
      </div>
    </form>`;
  }

  // Scoring -----------------------------------------------------------------------------------

  #renderScoring(l: ReviewText): TemplateResult {
    const panel = this.panel;
    const list = panel.evaluations!;
    const own = panel.own;
    return html`<section class="scoring" part="scoring" aria-labelledby="scoring-title">
      <h4 id="scoring-title">${l.t('review.scoring')}</h4>
      ${panel.scoring
        ? html`${panel.applicable.length === 0 ? html`<p class="muted">${l.t('review.scoring.noCriteria')}</p>` : this.#renderForm(l)}
            <p class="muted" part="blind-note">${l.t('review.scoring.blind', { count: list.submittedCount - (own?.status === 'submitted' ? 1 : 0), n: l.number(list.submittedCount) })}</p>`
        : own?.status === 'submitted'
          ? html`<p part="own-evaluation">${l.t('review.yourEvaluation')}: ${own.weightedScore === null ? '' : l.t('review.weightedScore.value', { score: l.number(own.weightedScore) })}</p>`
          : html`<p class="muted">${panel.application && ['screening', 'interview', 'due_diligence'].includes(panel.application.status) ? l.t('review.scoring.adminOnly') : l.t('review.scoring.closed')}</p>`}
      ${list.summary && !list.blind && list.submittedCount > 0 ? this.#renderSummary(l, list.summary) : nothing}
    </section>`;
  }

  #name(l: ReviewText, criterion: SelectionCriterion): string {
    return l.localise(criterion).name;
  }

  #renderForm(l: ReviewText): TemplateResult {
    const panel = this.panel;
    const live = panel.live;
    const failed = panel.failure?.action === 'evaluate' ? panel.failure.error : undefined;
    const byId = new Map(panel.criteria.map((c) => [c.id, c]));
    const knockOuts = live.knockOuts.map((id) => (byId.get(id) ? this.#name(l, byId.get(id)!) : id)).join(', ');
    return html`<form class="form score-form" part="score-form" @submit=${(e: Event) => {
      e.preventDefault();
      void panel.evaluate(true);
    }}>
      ${panel.applicable.map((criterion) => this.#renderCriterion(l, criterion))}
      <div class="live" part="live-score">
        <span>${l.t('review.weightedScore')}:</span>
        <output aria-live="polite" part="weighted-score">${live.weightedScore === null ? l.t('review.weightedScore.none') : l.t('review.weightedScore.value', { score: l.number(live.weightedScore) })}</output>
        ${live.missing.length > 0 ? html`<span class="muted">${l.t('review.missing', { count: live.missing.length, n: l.number(live.missing.length) })}</span>` : nothing}
        ${live.knockOuts.length > 0 ? html`<strong class="knock-out" part="knock-outs">${l.t('review.knockOuts', { names: knockOuts })}</strong>` : nothing}
      </div>
      <label for="recommendation">${l.t('review.recommendation')}</label>
      <select id="recommendation" @change=${(e: Event) => panel.set({ recommendation: (e.target as HTMLSelectElement).value as typeof panel.recommendation })}>
        <option value="" ?selected=${panel.recommendation === ''}>${l.t('review.none')}</option>
        ${RECOMMENDATIONS.map((r) => html`<option value=${r} ?selected=${panel.recommendation === r}>${l.t(`review.recommendation.${r}`)}</option>`)}
      </select>
      <label for="comment">${l.t('review.comment')}</label>
      <textarea id="comment" rows="2" maxlength="5000" .value=${panel.comment} @input=${(e: Event) => panel.set({ comment: (e.target as HTMLTextAreaElement).value })}></textarea>
      ${failed === undefined ? nothing : html`<p class="form-error" part="form-error" role="alert">${l.t('review.evaluationFailed')} ${errorText(l, failed)}</p>`}
      <div class="buttons">
        <button class="button button--primary" part="submit-evaluation" type="submit" ?disabled=${panel.busy !== undefined || !live.complete}>
          ${panel.busy === 'submit' ? l.t('review.saving') : l.t('review.submitEvaluation')}
        </button>
        <button class="button" part="save-draft" type="button" ?disabled=${panel.busy !== undefined} @click=${() => void panel.evaluate(false)}>
          ${panel.busy === 'draft' ? l.t('review.saving') : l.t('review.saveDraft')}
        </button>
      </div>
    </form>`;
  }

  #renderCriterion(l: ReviewText, criterion: SelectionCriterion): TemplateResult {
    const panel = this.panel;
    const { name, description } = l.localise(criterion);
    const draft = panel.scores.get(criterion.id);
    const scale = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);
    const id = `criterion-${criterion.id}`;
    return html`<fieldset class="criterion" part="criterion" data-criterion=${criterion.id}>
      <legend>${name}</legend>
      <p class="meta muted">
        <span>${l.t('review.criterion.weight', { weight: l.number(criterion.weight) })}</span>
        ${criterion.knockOutMin === null ? nothing : html`<span>${l.t('review.criterion.knockOut', { min: l.number(criterion.knockOutMin) })}</span>`}
      </p>
      ${description ? html`<p class="muted">${description}</p>` : nothing}
      <div class="scale">
        ${scale.map((score) => {
          const level = criterion.levels[score - 1];
          return html`<label class="level">
            <input type="radio" name=${id} value=${score} .checked=${draft?.score === score} @change=${() => panel.score(criterion.id, { score })} />
            <span><strong>${l.number(score)}</strong> ${level ? l.localise(level).description : ''}</span>
          </label>`;
        })}
      </div>
      <label for="${id}-note">${l.t('review.criterion.note')}<span class="visually-hidden">: ${name}</span></label>
      <textarea id="${id}-note" rows="1" maxlength="2000" .value=${draft?.note ?? ''} @input=${(e: Event) => panel.score(criterion.id, { note: (e.target as HTMLTextAreaElement).value })}></textarea>
    </fieldset>`;
  }

  #renderSummary(l: ReviewText, summary: EvaluationSummary): TemplateResult {
    const panel = this.panel;
    const reviewers = panel.evaluations!.data.filter((e) => e.status === 'submitted');
    const byId = new Map(panel.criteria.map((c) => [c.id, c]));
    return html`<div class="summary" part="summary">
      <h5>${l.t('review.summary')}</h5>
      <p>
        ${l.t('review.summary.reviewers', { count: summary.reviewers, n: l.number(summary.reviewers) })}:
        ${reviewers.map((e) => l.t('review.reviewer', { name: e.reviewer.name ?? l.t('review.reviewer.unnamed'), score: e.weightedScore === null ? '' : l.number(e.weightedScore) })).join('; ')}
      </p>
      ${summary.weightedScore === null ? nothing : html`<p part="mean-score">${l.t('review.weightedScore')}: ${l.t('review.weightedScore.value', { score: l.number(summary.weightedScore) })}</p>`}
      ${summary.recommendation ? html`<p>${l.t('review.summary.recommendation', { recommendation: l.t(`review.recommendation.${summary.recommendation}`) })}</p>` : nothing}
      ${summary.knockedOut ? html`<p class="knock-out">${l.t('review.summary.knockedOut')}</p>` : nothing}
      <div class="table-wrap">
        <table part="spread">
          <thead>
            <tr>
              <th scope="col">${l.t('review.spread.criterion')}</th>
              ${reviewers.map((e) => html`<th scope="col">${e.reviewer.name ?? l.t('review.reviewer.unnamed')}</th>`)}
              <th scope="col">${l.t('review.spread.scores')}</th>
              <th scope="col">${l.t('review.spread.mean')}</th>
            </tr>
          </thead>
          <tbody>
            ${summary.criteria.map((c) => {
              const criterion = byId.get(c.criterionId);
              return html`<tr part="spread-row ${c.flagged ? 'spread-flagged' : ''}" data-flagged=${c.flagged ? 'true' : 'false'}>
                <th scope="row">
                  ${criterion ? this.#name(l, criterion) : c.criterionId}
                  ${c.flagged ? html`<strong class="flag" part="spread-flag">${l.t('review.spread.flag')}</strong>` : nothing}
                </th>
                ${reviewers.map((e) => {
                  const s = e.scores.find((x) => x.criterionId === c.criterionId);
                  return html`<td>${s ? l.number(s.score) : ''}</td>`;
                })}
                <td>${l.t('review.spread.range', { min: l.number(c.min), max: l.number(c.max) })}</td>
                <td>${l.number(c.mean)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}
