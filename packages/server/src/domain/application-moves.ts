/**
 * Moving an application through its stages: core's `checkApplicationTransition` (a resume goes
 * back to where the application was held), the history entry and the event; approval creates the
 * partner in the same transaction; a decline may notify the applicant through its event.
 * @module
 */
import { applicationEventType, checkApplicationTransition, heldFromStage, isFinalApplicationStatus } from '@partnerkit/core/rules';
import { type Application, type ApplicationTransitionInput, moveRefused } from '@partnerkit/core/schemas';
import type { Transaction } from '../db/database.js';
import { problems } from '../http/problem.js';
import { type Caller, callerPerson } from '../security/caller.js';
import { applyStageChange, getApplication, insertMove } from '../store/applications.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { applicationHistoryEntry } from './application-history.js';
import { createPartner } from './partner-writes.js';

/** What the applicant is told when a decline notifies them without a message of its own. */
export const DEFAULT_DECLINE_MESSAGE = 'Thank you for applying to our partner programme. After careful review we will not take your application further at this time.';

/** Refuses what the body asks that the move cannot do: a notification outside a decline, a message without one. */
function checkNotification(input: ApplicationTransitionInput): void {
  const errors = [];
  if (input.notifyApplicant === true && input.to !== 'declined') errors.push({ path: 'notifyApplicant', message: 'only a decline notifies the applicant' });
  if (input.applicantMessage !== undefined && input.notifyApplicant !== true) errors.push({ path: 'applicantMessage', message: 'is sent only with notifyApplicant: true' });
  if (errors.length > 0) throw problems.validation(errors);
}

/**
 * Makes the move `input` asks for on `application` (read with its row locked in this
 * transaction) at `now`: 409 `invalid_transition` for a move the lifecycle does not have, 403 for
 * a role that may not make it, 400 at `reason` when a required reason is missing. Approval creates
 * the onboarding partner and links it (`partnerId` names it, for the seed; a new id otherwise).
 */
export async function moveApplication(
  tx: Transaction,
  caller: Caller,
  application: Application,
  input: ApplicationTransitionInput,
  now: Date,
  { partnerId: newPartnerId }: { partnerId?: string } = {},
): Promise<Application> {
  checkNotification(input);
  const from = application.status;
  const verdict = checkApplicationTransition({ from, to: input.to, role: caller.role, reason: input.reason ?? null, heldFrom: heldFromStage(application.history) });
  if (!verdict.ok) throw moveRefused(verdict, 'application');
  const events: NewEvent[] = [];
  let partnerId: string | undefined;
  if (input.to === 'approved') {
    const { company } = application;
    const partner = await createPartner(
      tx,
      {
        name: company.name,
        type: application.partnerType,
        status: 'onboarding',
        region: company.region,
        country: company.country,
        website: company.website,
        domains: company.domains,
        manager: caller.role === 'manager' ? callerPerson(caller) : null,
      },
      now,
      newPartnerId,
    );
    partnerId = partner.id;
  }
  const notified = input.to === 'declined' && input.notifyApplicant === true;
  await applyStageChange(tx, application.id, {
    to: input.to,
    reason: input.reason ?? null,
    reasonCode: input.reasonCode ?? null,
    decided: isFinalApplicationStatus(input.to),
    ...(partnerId === undefined ? {} : { partnerId }),
    now,
  });
  await insertMove(tx, {
    applicationId: application.id,
    entry: applicationHistoryEntry({ caller }, now, from, input.to, { reason: input.reason ?? null, reasonCode: input.reasonCode ?? null, notifiedApplicant: notified }),
  });
  events.push({
    type: applicationEventType(input.to),
    partnerId: partnerId ?? null,
    data: {
      applicationId: application.id,
      number: application.number,
      from,
      to: input.to,
      ...(input.reasonCode ? { reasonCode: input.reasonCode } : {}),
      ...(partnerId ? { partnerId } : {}),
      // What a mailer needs to tell the applicant; the internal reason stays out.
      ...(notified
        ? {
            notifyApplicant: true,
            applicant: { name: application.contact.name, email: application.contact.email, language: application.locale, company: application.company.name },
            message: input.applicantMessage ?? DEFAULT_DECLINE_MESSAGE,
          }
        : {}),
    },
  });
  await appendEvents(tx, events, now);
  return (await getApplication(tx, application.id)) as Application;
}
