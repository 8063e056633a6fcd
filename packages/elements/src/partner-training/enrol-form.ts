/**
 * Enrolling a partner's people: the person chosen for each course (kept through failures and
 * reloads), the request, and what it answered. A Lit controller, so the element stays a template.
 * @module
 */
import type { ReactiveController } from 'lit';
import { enablement } from '@partnerkit/core/client/enablement';
import type { Enrolment } from '@partnerkit/core/schemas';
import type { PartnerKitHost } from '../platform/host.js';
import { reportError } from '../platform/report-error.js';

export class EnrolForm implements ReactiveController {
  /** The person chosen for each course, by course id. */
  readonly chosen = new Map<string, string>();
  /** The course whose enrolment is on its way. */
  sending: string | undefined;
  /** The course whose last enrolment failed or had nobody chosen, and why (`missing`: nobody chosen). */
  problem: { courseId: string; error: unknown } | undefined;
  /** The last enrolment made here. */
  made: Enrolment | undefined;

  readonly #host: PartnerKitHost;

  constructor(host: PartnerKitHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  choose(courseId: string, personId: string): void {
    if (personId) this.chosen.set(courseId, personId);
    else this.chosen.delete(courseId);
    if (this.problem?.courseId === courseId) this.problem = undefined;
    this.#host.requestUpdate();
  }

  /** Enrols the person chosen for `courseId`; answers the enrolment (or their open one), or null. */
  async enrol(courseId: string): Promise<Enrolment | null> {
    const client = this.#host.resolvedClient;
    const personId = this.chosen.get(courseId);
    if (this.sending || !client) return null;
    this.made = undefined;
    if (!personId) {
      this.problem = { courseId, error: 'missing' };
      this.#host.requestUpdate();
      return null;
    }
    this.sending = courseId;
    this.problem = undefined;
    this.#host.requestUpdate();
    try {
      this.made = await enablement(client).enrol({ courseId, personId });
      this.chosen.delete(courseId);
      return this.made;
    } catch (error) {
      this.problem = { courseId, error };
      reportError(this.#host, error);
      return null;
    } finally {
      this.sending = undefined;
      this.#host.requestUpdate();
    }
  }
}
