/**
 * `<partner-plan>`: a partner's joint business plan for one period, for both sides: objectives
 * with their progress, owners and due dates, each side's activities and comments, each side's
 * agreement, and what the signed-in side may do now.
 * @module
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Kpi, Plan, PlanActivity, PlanActor, PlanObjective, PlanSide, PlanStatus } from '@partnerkit/core/schemas';
import { PartnerKitElement } from '../platform/partnerkit-element.js';
import { errorText, renderEmpty, renderError } from '../platform/state-views.js';
import { styleProperties } from '../platform/style-properties.js';
import { partnerPlanCatalogues, type PartnerPlanMessages } from './i18n/index.js';
import { ObjectiveFormController } from './objective-form.js';
import { type FormKey, PlanController } from './plan-controller.js';
import { partnerPlanStyles } from './partner-plan.styles.js';

/** The half-year `now` falls in (UTC): plans usually run per half. */
function currentHalf(now: Date): string {
  return `${now.getUTCFullYear()}-H${now.getUTCMonth() < 6 ? 1 : 2}`;
}

/**
 * A partner's joint business plan for one period (a quarter, a half or a year), as both sides see
 * it: the plan's status and revision, its progress rolled up from the objectives (core's rules, as
 * the backend computed them), and each side's agreement (who and when). Each objective shows its
 * owner and side, its due date, a progress bar (a measured objective's attainment of its target,
 * or a milestone done or not) with its status (on track, at risk, off track, done, no data), its
 * activities (what each side does) and the comments of both sides.
 *
 * The signed-in side acts for itself: a manager (the vendor side) or a partner user proposes the
 * plan, agrees to the version shown, or sends it back with what should change; adds objectives
 * (a manager for either side, a partner for its own) and edits its own side's, through a form
 * checked with the contract's schemas that keeps what was typed when a save fails; adds
 * activities of its own side and comments on any objective; marks its own milestones and
 * activities done. A partner session sees only its own partner's plans.
 *
 * @summary A joint business plan with progress, owners and both sides' agreement.
 * @tagname partner-plan
 *
 * @fires {PkPlanTransitionEvent} pk-plan-transition - the signed-in side proposed, agreed or sent the plan back; `detail.data.plan`, `from`, `to`
 * @fires {PkPlanChangeEvent} pk-plan-change - an objective was added or edited, an activity or comment added, or a milestone or activity marked done; `detail.data.change`, `objectiveId`, `plan`
 * @fires {PkErrorEvent} pk-error - loading or an action failed
 *
 * @csspart plan - the box around everything
 * @csspart header - the title, period, status and progress of the plan
 * @csspart status-badge - the plan's status; also `status-<draft|proposed|agreed>`
 * @csspart progress - a progress bar (the plan's and each objective's)
 * @csspart agreements - each side's agreement
 * @csspart actions - the signed-in side's moves (propose, agree, send back)
 * @csspart action-button - one move's button
 * @csspart objective - one objective; also `objective-<status>`
 * @csspart objective-status - an objective's status
 * @csspart activity - one activity
 * @csspart comment - one comment
 * @csspart form - a form that adds an activity or a comment
 * @csspart form-error - why an action did not go through
 * @csspart objective-add - the "Add an objective" button
 * @csspart objective-edit - an objective's "Edit" button (the signed-in side's own)
 * @csspart objective-form - the form that adds or edits an objective
 * @csspart objective-field - one field of the objective form
 * @csspart objective-field-error - a field's problem
 * @csspart objective-notice - what saving does to a proposed or agreed plan
 * @csspart objective-save - the objective form's save button
 *
 * @cssprop --pk-plan-bar-color - the progress bars' fill (default: `--pk-color-primary`)
 * @cssprop --pk-plan-bar-background - the progress bars' track (default: `--pk-color-surface-raised`)
 */
export class PartnerPlan extends PartnerKitElement<PartnerPlanMessages> {
  static override styles = [PartnerKitElement.styles, partnerPlanStyles];

  // Declared here rather than with decorators: the decorator helper would be bundled into this widget's chunk.
  static override properties: PropertyDeclarations = {
    partnerId: { attribute: 'partner-id' },
    period: {},
    sendingBack: { state: true, attribute: false },
  };

  /** The partner whose plan to show; a partner session may leave it out (its own partner). */
  partnerId = '';

  /** The plan's period: a quarter (`2026-Q3`), a half (`2026-H1`) or a year (`2026`). Default: the current half. */
  period = currentHalf(new Date());

  /** Whether the "send back" form is open. */
  declare sendingBack: boolean;

  readonly plan = new PlanController(this);

  /** The form that adds an objective or edits one of the signed-in side's. */
  readonly objectiveForm = new ObjectiveFormController(this, this.plan);

  constructor() {
    super(partnerPlanCatalogues);
    this.sendingBack = false;
  }

  override render(): TemplateResult {
    const { session } = this.plan;
    if (session.failed) return renderError(this.localize, session.error, () => void session.run());
    const noPlan = this.localize.t('noPlan', { period: this.period });
    return this.renderStates(this.plan.task, {
      empty: (plan) => plan === null && this.plan.plan == null && !this.plan.side,
      emptyMessage: noPlan,
      // Either side may start the period's plan with its first objective.
      data: () => (this.plan.plan ? this.#renderPlan(this.plan.plan) : html`${renderEmpty(this.localize, noPlan)}${this.#renderAddObjective(null)}`),
    });
  }

  #side(side: PlanSide): string {
    return this.localize.t(`side.${side}`);
  }

  #when(iso: string): string {
    return this.localize.date(iso, { dateStyle: 'medium' });
  }

  #renderPlan(plan: Plan): TemplateResult {
    const l = this.localize;
    const announcement = this.plan.announcement;
    return html`<article class="plan" part="plan" aria-labelledby="title">
      <header class="header" part="header">
        <h2 id="title" class="title">${plan.title ?? l.t('title')}</h2>
        <p class="meta">
          <span>${l.t('period', { period: plan.period })}</span>
          <span class="badge badge--${plan.status}" part="status-badge status-${plan.status}">${l.t(`status.${plan.status}`)}</span>
          <span>${l.t('revision', { n: plan.revision })}</span>
        </p>
        ${this.#renderProgress(plan.progress.percent, l.t('planProgress'), plan.progress.status)}
      </header>
      <ul class="agreements" part="agreements">
        ${(['vendor', 'partner'] as const).map((side) => {
          const agreement = plan.agreements[side];
          return html`<li>
            ${agreement
              ? l.t('agreedBy', { side: this.#side(side), name: agreement.by.name ?? l.t('someone'), when: this.#when(agreement.at) })
              : l.t('notAgreed', { side: this.#side(side) })}
          </li>`;
        })}
      </ul>
      ${this.#renderActions(plan)}
      <p class="visually-hidden" role="status">${announcement ? l.t(announcement as 'updated') : ''}</p>
      <h3 class="section-title">${l.t('objectives')}</h3>
      ${plan.objectives.length === 0
        ? html`<p class="muted">${l.t('noObjectives')}</p>`
        : html`<ol class="objectives">
            ${repeat(
              plan.objectives,
              (o) => o.id,
              (o) => this.#renderObjective(o),
            )}
          </ol>`}
      ${this.#renderAddObjective(plan)}
    </article>`;
  }

  /** The "Add an objective" button of the signed-in side, or the form it opened. */
  #renderAddObjective(plan: Plan | null): unknown {
    const form = this.objectiveForm;
    if (!this.plan.side || !this.plan.partnerId) return nothing;
    if (form.isOpen('add')) return this.#renderObjectiveForm(plan);
    return html`<div class="buttons">
      <button id="objective-add" class="button" part="objective-add" type="button" @click=${() => form.open({ kind: 'add' })}>${this.localize.t('addObjective')}</button>
    </div>`;
  }

  /** The objective form, once its code and the programme's KPIs are in (loading, or an error with a retry, until then). */
  #renderObjectiveForm(plan: Plan | null): unknown {
    const l = this.localize;
    const form = this.objectiveForm;
    return form.editor.render(l, (editor) => editor.render({ words: editor.words, l, form, kpis: editor.kpis, plan, period: this.period }));
  }

  #renderProgress(percent: number, label: string, status: string | null): TemplateResult {
    const rounded = Math.round(percent);
    const text = status ? `${this.localize.percent(rounded / 100)}, ${this.localize.t(`objective.status.${status}` as 'objective.status.done')}` : this.localize.percent(rounded / 100);
    return html`<div class="progress-row">
      <div
        class="progress progress--${status ?? 'none'}"
        part="progress"
        role="progressbar"
        aria-label=${label}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${rounded}
        aria-valuetext=${text}
        style=${styleProperties({ '--_fill': `${rounded}%` })}
      ><span class="progress__fill"></span></div>
      <span class="progress-text">${text}</span>
    </div>`;
  }

  #renderActions(plan: Plan): TemplateResult | typeof nothing {
    const l = this.localize;
    const { moves, side, busy } = this.plan;
    if (!side) return nothing;
    const error = this.plan.errors.get('transition');
    const waiting = plan.status === 'proposed' && plan.agreements[side]?.version === plan.version;
    const other = side === 'vendor' ? 'partner' : 'vendor';
    return html`<div class="actions" part="actions">
      ${this.plan.changed ? html`<p class="notice" role="alert">${l.t('changed')}</p>` : nothing}
      ${waiting ? html`<p class="muted">${l.t('youAgreed')} ${l.t('waitingOther', { side: this.#side(other) })}</p>` : nothing}
      <div class="buttons">
        ${moves
          .filter((to) => to !== 'draft' || !this.sendingBack)
          .map(
            (to) =>
              html`<button
                class="button ${to === 'draft' ? '' : 'button--primary'}"
                part="action-button"
                ?disabled=${busy !== null}
                @click=${() => this.#move(to)}
              >
                ${l.t(`action.${to}`)}
              </button>`,
          )}
      </div>
      ${this.sendingBack ? this.#renderSendBack() : nothing}
      ${error && !this.sendingBack ? this.#renderFormError(error) : nothing}
    </div>`;
  }

  #renderSendBack(): TemplateResult {
    const l = this.localize;
    const form: FormKey = 'transition';
    const error = this.plan.errors.get(form);
    return html`<form class="form" part="form" @submit=${this.#sendBack}>
      <label for="reason">${l.t('reasonLabel')}</label>
      <textarea id="reason" required maxlength="2000" .value=${this.plan.draft('reason')} @input=${(e: Event) => this.plan.type('reason', (e.target as HTMLTextAreaElement).value)}></textarea>
      ${error ? this.#renderFormError(error) : nothing}
      <div class="buttons">
        <button class="button button--primary" ?disabled=${this.plan.busy !== null}>${l.t('sendBack')}</button>
        <button class="button" type="button" @click=${() => (this.sendingBack = false)}>${l.t('cancel')}</button>
      </div>
    </form>`;
  }

  #renderFormError(error: unknown): TemplateResult {
    return html`<p class="form-error" part="form-error" role="alert">${this.localize.t('actionFailed')} ${errorText(this.localize, error)}</p>`;
  }

  #renderObjective(o: PlanObjective): TemplateResult {
    const l = this.localize;
    const status = o.progress.status;
    const titleId = `objective-${o.id}`;
    return html`<li class="objective objective--${status}" part="objective objective-${status}" aria-labelledby=${titleId}>
      <div class="objective__head">
        <h4 id=${titleId} class="objective__title">${o.title}</h4>
        <span class="badge badge--${status}" part="objective-status">${l.t(`objective.status.${status}`)}</span>
        ${this.objectiveForm.canEdit(o) && !this.objectiveForm.isOpen('edit', o)
          ? html`<button id="objective-edit-${o.id}" class="button" part="objective-edit" type="button" @click=${() => this.objectiveForm.open({ kind: 'edit', objective: o })}>
              ${l.t('editObjective')}<span class="visually-hidden"> ${o.title}</span>
            </button>`
          : nothing}
      </div>
      ${this.objectiveForm.isOpen('edit', o) ? this.#renderObjectiveForm(this.plan.plan ?? null) : nothing}
      ${o.description ? html`<p class="muted">${o.description}</p>` : nothing}
      <p class="objective__meta">
        <span>${l.t('owner', { name: o.owner.name, side: this.#side(o.side) })}</span>
        <span>${l.t('due', { date: this.#when(`${o.dueDate}T12:00:00Z`) })}</span>
        ${o.progress.overdue ? html`<strong class="overdue">${l.t('overdue')}</strong>` : nothing}
      </p>
      ${this.#renderProgress(o.progress.percent, l.t('progressLabel', { title: o.title }), status)}
      ${this.#renderMeasure(o)}
      <h5 class="sub-title">${l.t('activities')}</h5>
      ${o.activities.length === 0
        ? html`<p class="muted">${l.t('noActivities')}</p>`
        : html`<ul class="activities">
            ${repeat(
              o.activities,
              (a) => a.id,
              (a) => this.#renderActivity(o, a),
            )}
          </ul>`}
      ${this.plan.side ? this.#renderAdd(o, `activity:${o.id}`, l.t('activityTitle'), l.t('addActivity'), () => this.plan.addActivity(o), 'input') : nothing}
      <h5 class="sub-title">${l.t('comments')}</h5>
      ${o.comments.length > 0
        ? html`<ul class="comments">
            ${repeat(
              o.comments,
              (c) => c.id,
              (c) => html`<li class="comment" part="comment">
                <p class="comment__by muted">${l.t('commentBy', { name: this.#name(c.author), side: this.#side(c.author.side), when: this.#when(c.createdAt) })}</p>
                <p class="comment__body">${c.body}</p>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${this.plan.side ? this.#renderAdd(o, `comment:${o.id}`, l.t('commentLabel'), l.t('addComment'), () => this.plan.addComment(o), 'textarea') : nothing}
    </li>`;
  }

  #name(actor: PlanActor): string {
    return actor.name ?? this.localize.t('someone');
  }

  #renderMeasure(o: PlanObjective): TemplateResult | typeof nothing {
    const l = this.localize;
    if (o.kind === 'milestone') {
      const own = this.plan.owns(o.side);
      const done = o.completed;
      return html`<p class="measure">
        ${done ? l.t('milestoneDone', { name: this.#name(done.by), when: this.#when(done.at) }) : l.t('milestone')}
        ${own
          ? html`<button class="button" ?disabled=${this.plan.busy !== null} @click=${() => this.plan.setMilestoneDone(o, !done)}>${done ? l.t('reopen') : l.t('markDone')}</button>`
          : nothing}
      </p>
      ${this.plan.errors.has(`done:${o.id}`) ? this.#renderFormError(this.plan.errors.get(`done:${o.id}`)) : nothing}`;
    }
    const measure = o.measure;
    if (!measure) return nothing;
    const kpi = l.localise(measure.kpi);
    const target = this.#kpiValue(kpi, measure.target);
    return html`<p class="measure">
      ${o.progress.actual === null ? l.t('noMeasurement', { kpi: kpi.name, target }) : l.t('measured', { kpi: kpi.name, actual: this.#kpiValue(kpi, o.progress.actual), target })}
    </p>`;
  }

  /** A KPI value in its unit: money without zero minor digits, a percentage, or a number. */
  #kpiValue(kpi: Pick<Kpi, 'unit' | 'currency'>, value: number): string {
    const l = this.localize;
    value = Number(value.toPrecision(12));
    if (kpi.unit === 'percent') return l.percent(value / 100, { maximumFractionDigits: 1 });
    if (kpi.unit === 'currency' && kpi.currency) {
      const amount = Math.round(value);
      return l.money({ amount, currency: kpi.currency }, amount % 100 === 0 ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {});
    }
    return l.number(value, { maximumFractionDigits: 1 });
  }

  #renderActivity(o: PlanObjective, a: PlanActivity): TemplateResult {
    const l = this.localize;
    const own = this.plan.owns(a.side);
    const id = `activity-${a.id}`;
    const label = html`<span class="activity__title">${a.title}</span>
      <span class="muted">${this.#side(a.side)}${a.owner ? `, ${a.owner.name}` : ''}${a.dueDate ? `, ${l.t('due', { date: this.#when(`${a.dueDate}T12:00:00Z`) })}` : ''}</span>`;
    return html`<li class="activity ${a.completed ? 'activity--done' : ''}" part="activity">
      ${own
        ? html`<input
              type="checkbox"
              id=${id}
              .checked=${a.completed !== null}
              ?disabled=${this.plan.busy !== null}
              @change=${(e: Event) => this.plan.setActivityDone(o, a, (e.target as HTMLInputElement).checked)}
            /><label for=${id}>${label}</label>`
        : html`<span class="check" aria-hidden="true">${a.completed ? '✓' : ''}</span><span>${label}${a.completed ? html` <span class="visually-hidden">${l.t('activityDone')}</span>` : nothing}</span>`}
      ${this.plan.errors.has(`done:${a.id}`) ? this.#renderFormError(this.plan.errors.get(`done:${a.id}`)) : nothing}
    </li>`;
  }

  #renderAdd(o: PlanObjective, form: FormKey, label: string, submit: string, send: () => Promise<boolean>, control: 'input' | 'textarea'): TemplateResult {
    const id = `${form.replace(':', '-')}`;
    const error = this.plan.errors.get(form);
    const onInput = (e: Event) => this.plan.type(form, (e.target as HTMLInputElement).value);
    const onSubmit = (e: Event) => {
      e.preventDefault();
      void send();
    };
    return html`<form class="form form--inline" part="form" @submit=${onSubmit}>
      <label for=${id}>${label}</label>
      ${control === 'input'
        ? html`<input id=${id} name="activity" maxlength="200" .value=${this.plan.draft(form)} @input=${onInput} />`
        : html`<textarea id=${id} name="comment" maxlength="4000" rows="2" .value=${this.plan.draft(form)} @input=${onInput}></textarea>`}
      <button class="button" ?disabled=${this.plan.busy !== null || this.plan.draft(form).trim() === ''}>
        ${this.plan.busy === form ? this.localize.t('saving') : submit}
      </button>
      ${error ? this.#renderFormError(error) : nothing}
    </form>`;
  }

  async #move(to: PlanStatus): Promise<void> {
    if (to === 'draft') {
      this.sendingBack = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLTextAreaElement>('#reason')?.focus();
      return;
    }
    await this.plan.transition(to);
  }

  #sendBack = async (e: Event) => {
    e.preventDefault();
    const reason = this.plan.draft('reason').trim();
    if (!reason) return;
    if (await this.plan.transition('draft', reason)) {
      this.plan.drafts.delete('reason');
      this.sendingBack = false;
    }
  };
}
