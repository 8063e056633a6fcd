/**
 * The event envelope shared by the server's event log and the elements' DOM events.
 * @module
 */
import * as z from 'zod/mini';
import { Id, Timestamp } from './common.js';

/** Dotted event types the reference backend emits; others may be added (types are open). */
export const EVENT_TYPES = [
  'partner.created',
  'partner.updated',
  'tier.changed',
  'deal.drafted',
  'deal.submitted',
  'deal.under_review',
  'deal.needs_info',
  'deal.approved',
  'deal.extended',
  'deal.rejected',
  'deal.won',
  'deal.lost',
  'deal.expired',
  'deal.withdrawn',
  'resource.opened',
  'measurements.ingested',
  'agreement.created',
  'agreement.updated',
  'agreement.version_published',
  'agreement.accepted',
  'agreement.expiring',
  'agreement.expired',
  'application.submitted',
  'application.screening',
  'application.interview',
  'application.due_diligence',
  'application.on_hold',
  'application.approved',
  'application.declined',
  'application.withdrawn',
  'application.evaluated',
  'plan.created',
  'plan.updated',
  'plan.proposed',
  'plan.side_agreed',
  'plan.agreed',
  'plan.changes_requested',
  'plan.revised',
  'plan.objective_added',
  'plan.objective_updated',
  'plan.objective_removed',
  'plan.milestone_done',
  'plan.milestone_reopened',
  'plan.activity_added',
  'plan.activity_updated',
  'plan.activity_removed',
  'plan.commented',
  'course.created',
  'course.updated',
  'course.published',
  'course.retired',
  'person.created',
  'person.updated',
  'enrolment.created',
  'enrolment.progressed',
  'enrolment.attempted',
  'enrolment.completed',
  'enrolment.failed',
  'enrolment.withdrawn',
  'enrolment.reopened',
  'certification.issued',
  'certification.renewed',
  'certification.expired',
  'announcement.scheduled',
  'announcement.published',
  'announcement.updated',
  'request.opened',
  'request.replied',
  'request.waiting_on_partner',
  'request.waiting_on_vendor',
  'request.resolved',
  'request.reopened',
  'request.closed',
] as const;
export type KnownEventType = (typeof EVENT_TYPES)[number];

export const EventType = /* @__PURE__ */ z.string().check(z.regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/, 'must be a dotted type such as deal.approved'));

export const EventEnvelope = /* @__PURE__ */ z.object({
  id: Id,
  type: EventType,
  occurredAt: Timestamp,
  partnerId: z.optional(z.nullable(Id)),
  data: z.record(z.string(), z.unknown()),
});
export type EventEnvelope<TData = Record<string, unknown>> = Omit<z.infer<typeof EventEnvelope>, 'data'> & {
  data: TData;
};
