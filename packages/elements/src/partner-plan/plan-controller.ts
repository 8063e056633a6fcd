/**
 * The state of `<partner-plan>`: the plan of one partner and period (a data task; a period
 * without a plan is `null`), who is calling (the side that acts), and the actions of that side:
 * propose, agree or send back (naming the version read), add an activity or a comment, mark its
 * own milestones and activities done. What a person typed stays until the backend took it; a
 * failed action keeps it and says why next to the form.
 * @module
 */
import type { ReactiveController } from 'lit';
import { TaskStatus } from '@lit/task';
import type { BaseClient } from '@partnerkit/core/client/base';
import { plans } from '@partnerkit/core/client/plans';
import { session } from '@partnerkit/core/client/session';
import { allowedPlanTransitions, planSideOf } from '@partnerkit/core/rules/plans';
import type { Plan, PlanActivity, PlanObjective, PlanSide, PlanStatus, Principal } from '@partnerkit/core/schemas';
import { PkPlanChangeEvent, type PkPlanChangeData } from '../events/plan-change.js';
import { PkPlanTransitionEvent } from '../events/plan-transition.js';
import { createDataTask, type DataTask } from '../platform/data-task.js';
import { describeError, isAbortError } from '../platform/describe-error.js';
import type { PartnerKitHost } from '../platform/host.js';
import { reportError } from '../platform/report-error.js';

/** What the element tells the controller. */
export interface PlanHost extends PartnerKitHost {
  /** The `partner-id` attribute ('' for the signed-in partner's own). */
  readonly partnerId: string;
  /** The period shown. */
  readonly period: string;
}

/** The form an action belongs to: `transition`, `activity:<objectiveId>`, `comment:<objectiveId>`, `done:<itemId>`. */
export type FormKey = string;

/**
 * Who is calling, as a data task of the plan's own. Not the platform's `SessionController`: a
 * controller two widgets use goes into the CDN's shared chunk, and with it the session part of the
 * contract would load on every page (scripts/size's "no page loads contract-part code" check).
 */
class PlanSession {
  readonly #task: DataTask<[], Principal>;

  constructor(host: PartnerKitHost) {
    this.#task = createDataTask(host, () => [] as const, (_, { client, signal }) => session(client).get({ signal }));
  }

  get role(): Principal['role'] | undefined {
    return this.#task.value?.role;
  }

  get partnerId(): string | undefined {
    return this.#task.value?.partnerId ?? undefined;
  }

  /** The signed-in person's name, when the session has one. */
  get userName(): string | undefined {
    return this.#task.value?.user?.name ?? undefined;
  }

  get failed(): boolean {
    return this.#task.status === TaskStatus.ERROR && !isAbortError(this.#task.error);
  }

  get error(): unknown {
    return this.failed ? this.#task.error : undefined;
  }

  get settled(): boolean {
    return this.#task.status === TaskStatus.COMPLETE || this.failed;
  }

  run(): Promise<void> {
    return this.#task.run();
  }
}

export class PlanController implements ReactiveController {
  readonly session: PlanSession;
  readonly task: DataTask<[string | undefined, string], Plan | null>;
  readonly #host: PlanHost;
  /** The plan as the last action left it, for the partner and period it belongs to. */
  #fresh: { key: string; plan: Plan } | undefined;
  /** The form whose action is running. */
  busy: FormKey | null = null;
  /** Why a form's last action failed. */
  readonly errors = new Map<FormKey, unknown>();
  /** What was typed in each form and not sent yet. */
  readonly drafts = new Map<FormKey, string>();
  /** Shown after a 409 plan_changed: the plan was read again. */
  changed = false;
  /** A polite announcement of the last action that went through. */
  announcement = '';

  constructor(host: PlanHost) {
    this.#host = host;
    host.addController(this);
    this.session = new PlanSession(host);
    this.task = createDataTask(
      host,
      () => [this.#partnerToLoad, host.period] as const,
      async ([partnerId, period], { client, signal }) => {
        // Until the session says whose plan it is, stay loading (a change of arguments aborts this).
        if (partnerId === undefined) return new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        if (partnerId === '') return null;
        try {
          return await plans(client).get(partnerId, period, { signal });
        } catch (error) {
          if (describeError(error).code === 'not_found') return null;
          throw error;
        }
      },
    );
  }

  hostConnected(): void {}

  /** The partner shown: the attribute, else the signed-in partner's (undefined until the session says). */
  get partnerId(): string | undefined {
    return this.#host.partnerId || this.session.partnerId;
  }

  /** The partner to load: undefined while the session is still needed to know it, '' for none. */
  get #partnerToLoad(): string | undefined {
    if (this.#host.partnerId) return this.#host.partnerId;
    return this.session.settled ? (this.session.partnerId ?? '') : undefined;
  }

  get #key(): string {
    return `${this.partnerId ?? ''}\n${this.#host.period}`;
  }

  /** The plan shown: as the last action left it, else as loaded; null for a period without a plan. */
  get plan(): Plan | null | undefined {
    if (this.#fresh?.key === this.#key) return this.#fresh.plan;
    return this.task.value;
  }

  /** The signed-in side, once the session is known. */
  get side(): PlanSide | undefined {
    const role = this.session.role;
    return role ? planSideOf(role) : undefined;
  }

  /** The moves the signed-in side may make now (core's table). */
  get moves(): PlanStatus[] {
    const plan = this.plan;
    const side = this.side;
    return plan && side ? allowedPlanTransitions(plan, side) : [];
  }

  /** Whether the signed-in side may change an item of `side` (its own). */
  owns(side: PlanSide): boolean {
    return this.side === side;
  }

  draft(form: FormKey): string {
    return this.drafts.get(form) ?? '';
  }

  type(form: FormKey, text: string): void {
    this.drafts.set(form, text);
    this.#host.requestUpdate();
  }

  /** Shows `next` as the plan now, after a change made outside the actions here (the objective form). */
  show(next: Plan): void {
    const before = this.plan;
    this.#fresh = { key: this.#key, plan: next };
    this.changed = false;
    this.announcement = before && before.status !== next.status ? `status.${next.status}` : 'updated';
    this.#host.requestUpdate();
  }

  /** Propose, agree, or send back (with `reason`), naming the version shown. */
  transition(to: PlanStatus, reason?: string): Promise<boolean> {
    return this.#act('transition', async (client, plan) => {
      const next = await plans(client).transition(plan.partnerId, plan.period, { to, version: plan.version, ...(reason ? { reason } : {}) });
      this.#host.dispatchEvent(new PkPlanTransitionEvent({ plan: next, from: plan.status, to, ...(reason ? { reason } : {}) }));
      return next;
    });
  }

  /** Adds what was typed as an activity of the signed-in side under `objective`. */
  addActivity(objective: PlanObjective): Promise<boolean> {
    const form = `activity:${objective.id}`;
    const title = this.draft(form).trim();
    if (!title) return Promise.resolve(false);
    return this.#act(form, async (client, plan) => {
      const added = await plans(client).addActivity(plan.partnerId, plan.period, objective.id, { title });
      return this.#changed(client, plan, { change: 'activity_added', objectiveId: objective.id, itemId: added.id });
    });
  }

  /** Adds what was typed as a comment on `objective`. */
  addComment(objective: PlanObjective): Promise<boolean> {
    const form = `comment:${objective.id}`;
    const body = this.draft(form).trim();
    if (!body) return Promise.resolve(false);
    return this.#act(form, async (client, plan) => {
      const added = await plans(client).addComment(plan.partnerId, plan.period, objective.id, { body });
      return this.#changed(client, plan, { change: 'commented', objectiveId: objective.id, itemId: added.id });
    });
  }

  /** Marks a milestone of the signed-in side done, or not done. */
  setMilestoneDone(objective: PlanObjective, done: boolean): Promise<boolean> {
    return this.#act(`done:${objective.id}`, async (client, plan) => {
      await plans(client).updateObjective(plan.partnerId, plan.period, objective.id, { done });
      return this.#changed(client, plan, { change: done ? 'milestone_done' : 'milestone_reopened', objectiveId: objective.id });
    });
  }

  /** Marks an activity of the signed-in side done, or not done. */
  setActivityDone(objective: PlanObjective, activity: PlanActivity, done: boolean): Promise<boolean> {
    return this.#act(`done:${activity.id}`, async (client, plan) => {
      await plans(client).updateActivity(plan.partnerId, plan.period, objective.id, activity.id, { done });
      return this.#changed(client, plan, { change: 'activity_updated', objectiveId: objective.id, itemId: activity.id });
    });
  }

  /** Reads the plan again after a change and tells the page. */
  async #changed(client: BaseClient, plan: Plan, change: Omit<PkPlanChangeData, 'plan'>): Promise<Plan> {
    const next = await plans(client).get(plan.partnerId, plan.period);
    this.#host.dispatchEvent(new PkPlanChangeEvent({ ...change, plan: next }));
    return next;
  }

  /** Runs one action of `form`: one at a time; on success the form's text goes, on failure it stays with the reason. */
  async #act(form: FormKey, work: (client: BaseClient, plan: Plan) => Promise<Plan>): Promise<boolean> {
    const client = this.#host.resolvedClient;
    const plan = this.plan;
    if (!client || !plan || this.busy !== null) return false;
    const key = this.#key;
    this.busy = form;
    this.errors.delete(form);
    this.changed = false;
    this.announcement = '';
    this.#host.requestUpdate();
    try {
      const next = await work(client, plan);
      this.#fresh = { key, plan: next };
      this.drafts.delete(form);
      this.announcement = next.status === plan.status ? 'updated' : `status.${next.status}`;
      return true;
    } catch (error) {
      if (describeError(error).code === 'plan_changed') {
        // The other side changed it meanwhile: show it as it is now, keep what was typed.
        this.changed = true;
        this.#fresh = { key, plan: await plans(client).get(plan.partnerId, plan.period).catch(() => plan) };
      } else {
        this.errors.set(form, error);
        reportError(this.#host, error);
      }
      return false;
    } finally {
      this.busy = null;
      this.#host.requestUpdate();
    }
  }
}
