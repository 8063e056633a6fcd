/**
 * The objective form's English words: loaded with the form, on its first opening (the plan's own
 * catalogue, `en.ts`, holds the buttons that open it).
 * @module
 */
import { defineMessages } from '../../platform/localize.js';

export const objectiveEn = defineMessages({
  'objective.addTitle': 'New objective',
  'objective.editTitle': (p: { title: string }) => `Edit “${p.title}”`,
  'objective.required': 'Fields marked * are required.',
  'objective.f.side': 'Whose objective',
  'objective.f.kind': 'How progress is followed',
  'objective.kind.measured': 'Measured by a KPI',
  'objective.kind.milestone': 'A milestone (done or not)',
  'objective.f.title': 'Title',
  'objective.f.description': 'Description',
  'objective.f.ownerName': 'Owner',
  'objective.f.ownerEmail': 'Owner’s email',
  'objective.f.kpiId': 'KPI',
  'objective.f.target': 'Target',
  'objective.f.dueDate': 'Due date',
  'objective.f.activities': 'Activities of your side',
  'objective.hint.ownerName': 'The person on that side who answers for it.',
  'objective.hint.kpi': 'Progress comes from the partner’s measurements of this KPI, never typed by hand.',
  'objective.hint.target.currency': (p: { currency: string }) => `In ${p.currency}, over the plan’s period up to the due date.`,
  'objective.hint.target.percent': 'A percentage, 0 to 100.',
  'objective.hint.target.count': 'A number, over the plan’s period up to the due date.',
  'objective.hint.target.score': 'A score.',
  'objective.hint.dueDate': (p: { first: string; last: string }) => `Within the plan’s period: ${p.first} to ${p.last}.`,
  'objective.hint.activities': 'One per line: what your side does towards it. Optional.',
  'objective.chooseKpi': 'Choose a KPI',
  'objective.noKpis': 'The programme has no KPIs yet: add a milestone, or ask an administrator to add KPIs.',
  'objective.revises': (p: { revision: number }) => `The plan is agreed: saving makes revision ${p.revision}, and both sides agree again.`,
  'objective.withdraws': 'Saving changes the proposed plan: both sides will need to agree to it again.',
  'objective.save.add': 'Add the objective',
  'objective.save.edit': 'Save changes',
  'objective.saving': 'Saving…',
  'objective.cancel': 'Cancel',
  'objective.failed': 'The objective was not saved:',
  'objective.kept': 'What you typed is kept.',
  'objective.retry': 'Try again',
  'objective.err.required': 'Fill this in.',
  'objective.err.tooLong': (p: { max: string; count: string }) => `At most ${p.max} characters (now ${p.count}).`,
  'objective.err.email': 'Enter an email address such as name@example.com.',
  'objective.err.date': 'Enter a date.',
  'objective.err.period': (p: { first: string; last: string }) => `Choose a date within the plan’s period, ${p.first} to ${p.last}.`,
  'objective.err.kpi': 'Choose the KPI that measures it.',
  'objective.err.number': 'Enter a number.',
  'objective.err.negative': 'Enter 0 or more.',
  'objective.err.activities': (p: { max: string }) => `Each activity at most ${p.max} characters, at most 50 of them.`,
  'objective.err.invalid': 'Check this value.',
  'objective.err.server': (p: { detail: string }) => `The server refused it: ${p.detail}.`,
});

export type ObjectiveMessages = typeof objectiveEn;
