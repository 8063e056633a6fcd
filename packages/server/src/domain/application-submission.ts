/**
 * Submitting an application: the partner type must be one the form offers, the answers must fit
 * the form's questions (core's `checkAnswers`), the consent text is recorded as the applicant saw
 * it, duplicates are flagged, and the submission is the first move of its history, with its
 * event, all in the caller's transaction.
 * @module
 */
import { applicantOf, applicationEventType, checkAnswers, cleanAnswers, localise } from '@partnerkit/core/rules';
import type { Application, ApplicationInput, ApplicationSource, PersonRef } from '@partnerkit/core/schemas';
import type { Queryable, Transaction } from '../db/database.js';
import { problems } from '../http/problem.js';
import { type Caller, callerPerson } from '../security/caller.js';
import { newId } from '../security/random.js';
import type { StoredForm } from '../store/application-form.js';
import { applicantIdentity, getApplication, insertApplication, insertDuplicates, insertMove, nextApplicationNumber } from '../store/applications.js';
import { appendEvents } from '../store/events.js';
import { existingIds } from '../store/references.js';
import { duplicateFlags } from './applicant-duplicates.js';
import { applicationHistoryEntry, type ApplicationMover } from './application-history.js';

/** Who submits: a publishable key (the public form), or a vendor principal. */
export type Submitter = { publishableKeyId: string } | { caller: Caller };

/** The source of a vendor's application: a partner's referral (checked to exist), else the caller's invitation. */
async function vendorSource(q: Queryable, caller: Caller, input: ApplicationInput): Promise<ApplicationSource> {
  const referral = input.source?.channel === 'partner_referral';
  if (referral) {
    const partnerId = input.source?.referrerPartnerId;
    if (partnerId === undefined) throw problems.validation([{ path: 'source.referrerPartnerId', message: 'is required for a partner referral' }]);
    if (!(await existingIds(q, 'partners', [partnerId])).has(partnerId)) throw problems.validation([{ path: 'source.referrerPartnerId', message: 'no partner has this id' }]);
    return { channel: 'partner_referral', referrerPartnerId: partnerId, referralCode: input.referralCode ?? null, invitedBy: null };
  }
  const person: PersonRef = callerPerson(caller);
  return { channel: 'manager_invite', referrerPartnerId: null, referralCode: input.referralCode ?? null, invitedBy: person };
}

/**
 * Checks `input` against `form` before anything is written: 400 at `partnerType` for a type the
 * form does not offer, at `answers.<id>` for answers that do not fit, at `source` when a
 * publishable key names one. Answers the source to record.
 */
export async function checkSubmission(q: Queryable, submitter: Submitter, input: ApplicationInput, form: StoredForm): Promise<ApplicationSource> {
  const errors = [];
  if (!form.partnerTypes.some((t) => t.type === input.partnerType)) errors.push({ path: 'partnerType', message: 'is not a partner type this programme recruits' });
  errors.push(...checkAnswers(form.questions, input.partnerType, input.answers ?? {}));
  if ('publishableKeyId' in submitter && input.source !== undefined) errors.push({ path: 'source', message: 'is set by the backend for applications from the public form' });
  if (errors.length > 0) throw problems.validation(errors);
  if ('caller' in submitter) return vendorSource(q, submitter.caller, input);
  return { channel: 'public_form', referrerPartnerId: null, referralCode: input.referralCode ?? null, invitedBy: null };
}

/** Submits `input` (checked by {@link checkSubmission}, which gave `source`) at `now`. */
export async function submitApplication(
  tx: Transaction,
  submitter: Submitter,
  input: ApplicationInput,
  form: StoredForm,
  source: ApplicationSource,
  now: Date,
): Promise<Application> {
  const { company, contact, capabilities } = applicantOf(input);
  const locale = input.locale ?? null;
  const consent = localise(form.consent, locale ?? 'en');
  const id = newId('app', now);
  const identity = applicantIdentity(company);
  await insertApplication(tx, {
    id,
    number: await nextApplicationNumber(tx),
    partnerType: input.partnerType,
    company,
    contact,
    capabilities,
    answers: cleanAnswers(form.questions, input.partnerType, input.answers ?? {}),
    consent: { acceptedAt: now.toISOString(), text: consent.text, language: locale },
    source,
    locale,
    publishableKeyId: 'publishableKeyId' in submitter ? submitter.publishableKeyId : null,
    identity,
    now,
  });
  const mover: ApplicationMover = 'caller' in submitter ? { caller: submitter.caller } : { applicant: input.contact.name };
  await insertMove(tx, { applicationId: id, entry: applicationHistoryEntry(mover, now, null, 'submitted') });
  await insertDuplicates(tx, await duplicateFlags(tx, id, company, identity));
  const application = (await getApplication(tx, id)) as Application;
  await appendEvents(
    tx,
    [
      {
        type: applicationEventType('submitted'),
        partnerId: null,
        data: { applicationId: id, number: application.number, from: null, to: 'submitted', partnerType: application.partnerType, channel: source.channel },
      },
    ],
    now,
  );
  return application;
}
