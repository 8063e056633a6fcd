/**
 * The application open in `<application-review>`, as a controller of the element: the whole
 * application (answers, duplicates, history), the programme's questions and selection criteria,
 * the evaluations the caller may see (their own only, until they submit: no anchoring), the
 * caller's scores as they type them (kept through failures) with the live weighted score and
 * knock-outs from core's rules, and the moves core's lifecycle table allows the caller. Loaded
 * the first time an application opens, with its view, so neither is in the list's first paint.
 * @module
 */
import { applicationForm } from '@partnerkit/core/client/application-form';
import { applications } from '@partnerkit/core/client/applications';
import * as z from 'zod/mini';
import { definePart } from '@partnerkit/core/client/base';
import { selection } from '@partnerkit/core/client/selection';
import { allowedApplicationTransitions, applicableCriteria, EVALUATION_STAGES, findApplicationTransition, heldFromStage, scoreEvaluation, type EvaluationScoring } from '@partnerkit/core/rules';
import type {
  Application,
  ApplicationQuestion,
  ApplicationReasonCode,
  ApplicationStatus,
  Evaluation,
  EvaluationList,
  Recommendation,
  Role,
  SelectionCriterion,
} from '@partnerkit/core/schemas';
import { isAbortError } from '../platform/describe-error.js';
import type { PartnerKitHost } from '../platform/host.js';
import { reportError } from '../platform/report-error.js';

/** One criterion's score and note as the reviewer types them. */
export interface ScoreDraft {
  score: number | undefined;
  note: string;
}

// What the panel reads of the partner an approval created: its name and status. A projection of
// the contract's Partner rather than the partners client part: that part (and the scorecard's
// schemas it brings) travels with the first three widgets, and a lazy chunk importing it would
// split their chunks, which every page of those widgets would pay for (decisions.md, "How the CDN
// build splits its code").
const NewPartner = /* @__PURE__ */ z.object({ id: z.string(), name: z.string(), status: z.string() });
export type NewPartner = z.infer<typeof NewPartner>;
const newPartners = /* @__PURE__ */ definePart('approvedPartner', (requests) => ({
  get: (id: string) => requests.get(`partners/${encodeURIComponent(id)}`, NewPartner),
}));

/** A move the caller may make now. */
export interface ApplicationMove {
  to: ApplicationStatus;
  /** A resume from on hold, back to where it was held. */
  resume: boolean;
  reasonRequired: boolean;
}

/** What the panel tells the element (which fires the events and updates the list). */
export interface PanelCallbacks {
  /** Who is calling. */
  role: () => Role | undefined;
  userId: () => string | undefined;
  moved: (application: Application, from: ApplicationStatus, to: ApplicationStatus, reason: string | undefined) => void;
  evaluated: (evaluation: Evaluation) => void;
}

export class ApplicationPanel {
  id: string | undefined;
  application: Application | undefined;
  evaluations: EvaluationList | undefined;
  criteria: SelectionCriterion[] = [];
  questions: ApplicationQuestion[] = [];
  /** The partner an approval created. */
  partner: NewPartner | undefined;
  loading = false;
  error: unknown;

  /** The caller's scores by criterion, their recommendation and comment. */
  readonly scores = new Map<string, ScoreDraft>();
  recommendation: Recommendation | '' = '';
  comment = '';
  /** The move waiting for its confirmation (and reason). */
  asking: ApplicationMove | undefined;
  reason = '';
  reasonCode: ApplicationReasonCode | '' = '';
  notify = false;
  busy: 'draft' | 'submit' | 'move' | undefined;
  failure: { action: 'evaluate' | 'move'; error: unknown } | undefined;
  /** What the live region says: a draft saved, an evaluation sent, a move made. */
  announcement: '' | 'draftSaved' | 'evaluationSent' | 'moved' = '';

  // Whose draft the scores hold: a new application (or reviewer) starts from its saved draft.
  #seededFor: string | undefined;
  #request: AbortController | undefined;
  readonly #host: PartnerKitHost;
  readonly #callbacks: PanelCallbacks;

  constructor(host: PartnerKitHost, callbacks: PanelCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
  }

  /** Opens application `id` (loads it and what scoring it needs), or closes with `undefined`. */
  show(id: string | undefined): void {
    this.#request?.abort();
    this.id = id;
    this.application = this.evaluations = this.partner = undefined;
    this.asking = undefined;
    this.failure = undefined;
    this.announcement = '';
    this.error = undefined;
    this.#host.requestUpdate();
    if (id !== undefined) void this.load();
  }

  /** Loads the open application, its evaluations, the criteria and the questions (the retry button). */
  async load(): Promise<void> {
    const id = this.id;
    const client = this.#host.resolvedClient;
    if (id === undefined || !client) return;
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    const { signal } = request;
    this.loading = true;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const [application, evaluations, criteria, form] = await Promise.all([
        applications(client).get(id, { signal }),
        applications(client).evaluations(id, { signal }),
        this.criteria.length > 0 ? this.criteria : collect(selection(client).iterateCriteria({ limit: 100 }, { signal })),
        this.questions.length > 0 ? { questions: this.questions } : applicationForm(client).get({ signal }),
      ]);
      if (request !== this.#request) return;
      this.application = application;
      this.criteria = criteria;
      this.questions = form.questions;
      this.#setEvaluations(evaluations);
      if (application.partnerId) void this.#loadPartner(application.partnerId);
    } catch (error) {
      if (request !== this.#request || isAbortError(error)) return;
      this.error = error;
      reportError(this.#host, error);
    }
    this.loading = false;
    this.#request = undefined;
    this.#host.requestUpdate();
  }

  async #loadPartner(id: string): Promise<void> {
    const client = this.#host.resolvedClient;
    if (!client) return;
    try {
      this.partner = await newPartners(client).get(id);
    } catch (error) {
      reportError(this.#host, error);
    }
    this.#host.requestUpdate();
  }

  #setEvaluations(list: EvaluationList): void {
    this.evaluations = list;
    const own = this.own;
    const key = `${this.id}:${this.#callbacks.userId()}`;
    if (this.#seededFor === key) return;
    this.#seededFor = key;
    this.scores.clear();
    for (const s of own?.scores ?? []) this.scores.set(s.criterionId, { score: s.score, note: s.note ?? '' });
    this.recommendation = own?.recommendation ?? '';
    this.comment = own?.comment ?? '';
  }

  /** The caller's own evaluation, draft or submitted. */
  get own(): Evaluation | undefined {
    const user = this.#callbacks.userId();
    return user === undefined ? undefined : this.evaluations?.data.find((e) => e.reviewer.id === user);
  }

  /** The criteria that apply to the open application, in display order. */
  get applicable(): SelectionCriterion[] {
    return this.application ? applicableCriteria(this.criteria, this.application.partnerType) : [];
  }

  /** Whether the caller scores now: a manager, the application in an evaluation stage, their evaluation not submitted. */
  get scoring(): boolean {
    const application = this.application;
    return this.#callbacks.role() === 'manager' && !!application && EVALUATION_STAGES.includes(application.status) && this.own?.status !== 'submitted';
  }

  /** The live verdict of the caller's scores (core's `scoreEvaluation`). */
  get live(): EvaluationScoring {
    const scores = [...this.scores].flatMap(([criterionId, d]) => (d.score === undefined ? [] : [{ criterionId, score: d.score }]));
    return scoreEvaluation(this.criteria, this.application?.partnerType ?? 'reseller', scores);
  }

  score(criterionId: string, change: Partial<ScoreDraft>): void {
    const draft = this.scores.get(criterionId) ?? { score: undefined, note: '' };
    this.scores.set(criterionId, { ...draft, ...change });
    this.#host.requestUpdate();
  }

  /** Saves the caller's scores as a draft, or (`submit`) as final. */
  async evaluate(submit: boolean): Promise<boolean> {
    const application = this.application;
    const client = this.#host.resolvedClient;
    if (!application || !client || this.busy) return false;
    const applicable = new Set(this.applicable.map((c) => c.id));
    const scores = [...this.scores].flatMap(([criterionId, d]) =>
      d.score === undefined || !applicable.has(criterionId) ? [] : [{ criterionId, score: d.score, ...(d.note.trim() ? { note: d.note.trim() } : {}) }],
    );
    this.busy = submit ? 'submit' : 'draft';
    this.failure = undefined;
    this.announcement = '';
    this.#host.requestUpdate();
    try {
      const evaluation = await applications(client).evaluate(application.id, {
        scores,
        recommendation: this.recommendation || null,
        comment: this.comment.trim() || null,
        submit,
      });
      const [list, fresh] = await Promise.all([applications(client).evaluations(application.id), applications(client).get(application.id)]);
      this.application = fresh;
      this.#setEvaluations(list);
      this.announcement = submit ? 'evaluationSent' : 'draftSaved';
      if (submit) this.#callbacks.evaluated(evaluation);
      return true;
    } catch (error) {
      this.failure = { action: 'evaluate', error };
      reportError(this.#host, error);
      return false;
    } finally {
      this.busy = undefined;
      this.#host.requestUpdate();
    }
  }

  /** The moves the caller may make on the open application now (core's table). */
  get moves(): ApplicationMove[] {
    const application = this.application;
    const role = this.#callbacks.role();
    if (!application || !role || role === 'partner') return [];
    const heldFrom = application.status === 'on_hold' ? heldFromStage(application.history) : null;
    return allowedApplicationTransitions(application.status, role, heldFrom).map((to) => ({
      to,
      resume: application.status === 'on_hold' && to !== 'declined' && to !== 'withdrawn',
      reasonRequired: findApplicationTransition(application.status, to)?.reason === 'required',
    }));
  }

  /** Asks to confirm `move` (and its reason). */
  ask(move: ApplicationMove | undefined): void {
    this.asking = move;
    this.failure = undefined;
    this.#host.requestUpdate();
  }

  set(change: Partial<Pick<ApplicationPanel, 'reason' | 'reasonCode' | 'notify' | 'recommendation' | 'comment'>>): void {
    Object.assign(this, change);
    this.#host.requestUpdate();
  }

  /** Makes the move being confirmed; the reason stays if it fails. */
  async move(): Promise<boolean> {
    const application = this.application;
    const move = this.asking;
    const client = this.#host.resolvedClient;
    if (!application || !move || !client || this.busy) return false;
    const reason = this.reason.trim();
    if (move.reasonRequired && !reason) return false;
    this.busy = 'move';
    this.failure = undefined;
    this.announcement = '';
    this.#host.requestUpdate();
    try {
      const moved = await applications(client).transition(application.id, {
        to: move.to,
        ...(reason ? { reason } : {}),
        ...(this.reasonCode ? { reasonCode: this.reasonCode } : {}),
        ...(move.to === 'declined' && this.notify ? { notifyApplicant: true } : {}),
      });
      this.application = moved;
      this.asking = undefined;
      this.reason = '';
      this.reasonCode = '';
      this.notify = false;
      this.announcement = 'moved';
      if (moved.partnerId) void this.#loadPartner(moved.partnerId);
      this.#callbacks.moved(moved, application.status, move.to, reason || undefined);
      return true;
    } catch (error) {
      this.failure = { action: 'move', error };
      reportError(this.#host, error);
      return false;
    } finally {
      this.busy = undefined;
      this.#host.requestUpdate();
    }
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
