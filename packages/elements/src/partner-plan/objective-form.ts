/**
 * The objective form's state as a Lit controller: which form is open (a new objective, or one of
 * the signed-in side's to edit), what is typed (kept exactly as typed, per plan and form, until it
 * is saved or cancelled, so a failed save or a closed form loses nothing), the problems on each
 * field (the contract's checks, then the backend's), why the last save failed, and the
 * idempotency key of a new objective's draft (one per draft: a retry after a lost answer never
 * adds it twice). The form's code, with the contract's schemas and the programme's KPIs, loads on
 * its first opening (`objective-editor.ts`), so the plan's first paint does not carry it.
 * @module
 */
import type { ReactiveController } from 'lit';
import { plans } from '@partnerkit/core/client/plans';
import { periodDays } from '@partnerkit/core/rules/plans';
import type { PlanObjective, PlanSide } from '@partnerkit/core/schemas';
import { LazyView } from '../controllers/lazy-view.js';
import { PkPlanChangeEvent } from '../events/plan-change.js';
import { describeError } from '../platform/describe-error.js';
import { reportError } from '../platform/report-error.js';
import { newObjectiveValues, objectiveValues, type ObjectiveField, type ObjectiveProblem, type ObjectiveValues } from './objective-fields.js';
import type { ObjectiveEditor } from './objective-editor.js';
import type { PlanController, PlanHost } from './plan-controller.js';

/** The form open: a new objective, or an objective of the signed-in side. */
export type ObjectiveFormTarget = { kind: 'add' } | { kind: 'edit'; objective: PlanObjective };

interface Draft {
  values: ObjectiveValues;
  /** The idempotency key of a new objective's save; renewed once the backend refused it for good. */
  key: string;
}

const newKey = (): string => crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export class ObjectiveFormController implements ReactiveController {
  /** The form open now; null while none is. */
  target: ObjectiveFormTarget | null = null;
  /** The open form's problems, in form order: the contract's checks, or the backend's refusal. */
  problems: ObjectiveProblem[] = [];
  /** Why the last save failed, when it was not a field's fault (403, 409, the network). */
  error: unknown;
  /** A save is on its way. */
  sending = false;
  /** The form's code and the programme's KPIs, loaded on first opening. */
  readonly editor: LazyView<ObjectiveEditor>;
  readonly #drafts = new Map<string, Draft>();
  readonly #host: PlanHost;
  readonly #plan: PlanController;
  // What the next render gives the keyboard to.
  #focus: string | undefined;

  constructor(host: PlanHost, plan: PlanController) {
    this.#host = host;
    this.#plan = plan;
    host.addController(this);
    this.editor = new LazyView(host, () => import('./objective-editor.js').then((m) => m.loadObjectiveEditor(host)));
  }

  hostUpdated(): void {
    if (!this.#focus) return;
    const target = this.#host.renderRoot.querySelector<HTMLElement>(this.#focus);
    // A form opened for the first time shows once its code is in: the focus waits for it.
    if (!target && this.target && !this.editor.view) return;
    this.#focus = undefined;
    target?.focus();
  }

  /** The sides the signed-in side may add objectives for: its own, and the partner's for the vendor (core's `canEditPlanItem`). */
  get sides(): PlanSide[] {
    const side = this.#plan.side;
    return side === 'vendor' ? ['vendor', 'partner'] : side ? [side] : [];
  }

  /** Whether the signed-in side may edit `objective` (its own side's only). */
  canEdit(objective: PlanObjective): boolean {
    return this.#plan.owns(objective.side);
  }

  /** The form's id for `target`: where its draft lives. */
  #slot(target: ObjectiveFormTarget): string {
    return `${this.#plan.partnerId ?? ''}\n${this.#host.period}\n${target.kind === 'add' ? 'add' : target.objective.id}`;
  }

  /** The open form's draft (made on first opening). */
  get #draft(): Draft {
    const target = this.target as ObjectiveFormTarget;
    const slot = this.#slot(target);
    let draft = this.#drafts.get(slot);
    if (!draft) {
      const side = this.#plan.side ?? 'vendor';
      draft = {
        values: target.kind === 'add' ? newObjectiveValues(side, this.#plan.session.userName ?? '', periodDays(this.#host.period).last) : objectiveValues(target.objective),
        key: newKey(),
      };
      this.#drafts.set(slot, draft);
    }
    return draft;
  }

  /** What is typed in the open form. */
  get values(): ObjectiveValues {
    return this.#draft.values;
  }

  /** Whether `target` is the form open now. */
  isOpen(target: ObjectiveFormTarget['kind'], objective?: PlanObjective): boolean {
    const open = this.target;
    return open !== null && open.kind === target && (open.kind === 'add' || open.objective.id === objective?.id);
  }

  /** Opens a form (its code loads the first time), its first field focused. */
  open(target: ObjectiveFormTarget): void {
    this.target = target;
    this.problems = [];
    this.error = undefined;
    this.editor.ensure();
    this.#focus = '#objective-title';
    this.#host.requestUpdate();
  }

  /** Closes the form and forgets its draft; the keyboard goes back to what opened it. */
  cancel(): void {
    const target = this.target;
    if (!target) return;
    this.#drafts.delete(this.#slot(target));
    this.#close(target);
  }

  #close(target: ObjectiveFormTarget): void {
    this.target = null;
    this.problems = [];
    this.error = undefined;
    this.#focus = target.kind === 'add' ? '#objective-add' : `#objective-edit-${CSS.escape(target.objective.id)}`;
    this.#host.requestUpdate();
  }

  /** A field changed: the draft follows; a problem on it goes once the value changes. */
  input(name: string, value: string): void {
    if (!this.target || !Object.hasOwn(this.values, name)) return;
    const field = name as ObjectiveField;
    this.#draft.values = { ...this.values, [field]: value };
    this.problems = this.problems.filter((p) => p.field !== field && !(field === 'kpiId' && p.field === 'target'));
    this.#host.requestUpdate();
  }

  /** The problem shown on `name`, if any. */
  problemOf(name: ObjectiveField): ObjectiveProblem | undefined {
    return this.problems.find((p) => p.field === name);
  }

  /**
   * Saves the open form: checked against the contract first (problems on the fields, nothing
   * sent), then sent; the plan is read again and shown. A refusal puts the backend's words on the
   * fields, or says why next to the button; the draft stays as typed for another try.
   */
  async save(): Promise<boolean> {
    const editor = this.editor.view;
    const target = this.target;
    const client = this.#host.resolvedClient;
    const partnerId = this.#plan.partnerId;
    if (!editor || !target || !client || !partnerId || this.sending) return false;
    const period = this.#host.period;
    const draft = this.#draft;
    const built = target.kind === 'add' ? editor.buildObjectiveInput(draft.values, { period, kpis: editor.kpis }) : editor.buildObjectivePatch(draft.values, target.objective, { period, kpis: editor.kpis });
    this.error = undefined;
    if (!built.ok) {
      this.problems = built.problems;
      this.#focus = `#objective-${built.problems[0]!.field}`;
      this.#host.requestUpdate();
      return false;
    }
    this.sending = true;
    this.problems = [];
    this.#host.requestUpdate();
    try {
      const api = plans(client);
      const objectiveId =
        target.kind === 'add'
          ? (await api.addObjective(partnerId, period, built.input as Parameters<typeof api.addObjective>[2], { idempotencyKey: draft.key })).id
          : (await api.updateObjective(partnerId, period, target.objective.id, built.input)).id;
      const plan = await api.get(partnerId, period);
      this.#drafts.delete(this.#slot(target));
      this.#plan.show(plan);
      this.#host.dispatchEvent(new PkPlanChangeEvent({ change: target.kind === 'add' ? 'objective_added' : 'objective_updated', objectiveId, plan }));
      this.#close(target);
      return true;
    } catch (error) {
      this.#refused(error, draft, editor);
      return false;
    } finally {
      this.sending = false;
      this.#host.requestUpdate();
    }
  }

  #refused(error: unknown, draft: Draft, editor: ObjectiveEditor): void {
    const { status } = describeError(error);
    // Read by shape, like describeError: errors from another copy of core are understood too.
    const errors = (error as { problem?: { errors?: unknown } } | null)?.problem?.errors;
    // A definite refusal created nothing under the key: the next try is a new request. A failure
    // that may have gone through (the network, a timeout, a 5xx) keeps the key, so a retry cannot add twice.
    if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) draft.key = newKey();
    if (Array.isArray(errors) && errors.length > 0) {
      this.problems = editor.refusedProblems(errors as { path: string; message: string }[]);
      this.#focus = `#objective-${this.problems[0]!.field}`;
    } else {
      this.error = error;
      this.#focus = '#objective-save';
    }
    reportError(this.#host, error);
  }
}
