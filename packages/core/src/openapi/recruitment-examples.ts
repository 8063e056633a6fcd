/**
 * The recruitment examples of the document, from the demo plan (`@partnerkit/core/demo`): its
 * first application (a Vietnamese reseller, approved after two reviewers scored it) as the
 * reference server's replay makes it, with scores and the summary from core's rules.
 * @module
 */
import { DEMO_MANAGERS } from '../demo/generate.js';
import { DEMO_APPLICATION_FORM, DEMO_APPLICATIONS, DEMO_CRITERIA, DEMO_THRESHOLDS, type DemoEvaluation } from '../demo/recruitment.js';
import { applicantOf } from '../rules/application-input.js';
import { DAY_MS } from '../rules/periods.js';
import { scoreEvaluation, summariseEvaluations } from '../rules/evaluation-scoring.js';
import type { Application, ApplicationHistoryEntry, Evaluation, PublishableKey, SelectionCriterion } from '../schemas/index.js';
import type { ComponentName } from './components.js';

type RecruitmentComponent = Extract<
  ComponentName,
  | `${'Application' | 'Criterion' | 'SelectionCriterion' | 'Question' | 'OfferedPartnerType' | 'Consent' | 'Evaluation' | 'SelectionThresholds' | 'PublishableKey' | 'ApplicationQuestion' | 'QuestionOption'}${string}`
  | 'MatchReason'
  | 'OptionValue'
  | 'CompanySize'
  | 'AnswerValue'
  | 'PipelineStage'
  | 'Recommendation'
  | 'WeightedScore'
  | 'CriterionSpread'
  | 'WebOrigin'
>;

/** One example per recruitment component, as of `asOf`. */
export function recruitmentExamples(asOf: Date, page: <T>(items: T[]) => { data: T[]; nextCursor: string }): Record<RecruitmentComponent, unknown> {
  const plan = DEMO_APPLICATIONS[0]!;
  const at = (days: number) => new Date(asOf.getTime() - (plan.daysAgo - days) * DAY_MS).toISOString();
  const criteria: SelectionCriterion[] = DEMO_CRITERIA.map(({ id, ...c }) => ({
    id,
    ...c,
    description: c.description ?? null,
    knockOutMin: c.knockOutMin ?? null,
    partnerTypes: c.partnerTypes ?? [],
    position: c.position ?? 0,
    createdAt: at(-30),
    updatedAt: at(-30),
  }));
  const criterion = criteria[1]!;
  const manager = (id: string) => DEMO_MANAGERS.find((m) => m.id === id)!;
  const { input } = plan;
  const history: ApplicationHistoryEntry[] = [
    { at: at(0), from: null, to: 'submitted', by: { role: 'applicant', id: null, name: input.contact.name }, reason: null, reasonCode: null, notifiedApplicant: false },
  ];
  const evaluations: Evaluation[] = [];
  for (const step of plan.steps) {
    const by = manager(step.by);
    if ('to' in step) {
      history.push({ at: at(step.day), from: history.at(-1)!.to, to: step.to, by: { role: 'manager', id: by.id, name: by.name }, reason: step.reason ?? null, reasonCode: step.reasonCode ?? null, notifiedApplicant: false });
      continue;
    }
    const evaluation: DemoEvaluation = step.evaluation;
    const scores = evaluation.scores.map(([criterionId, score, note]) => ({ criterionId, score, note: note ?? null }));
    const { weightedScore, knockOuts } = scoreEvaluation(criteria, input.partnerType, scores);
    evaluations.push({
      id: `ev_01JDZ8W3K4M5N6P7Q8R9S0T1${evaluations.length === 0 ? 'A1' : 'B2'}`,
      applicationId: 'app_01JDZ8W3K4M5N6P7Q8R9S0T1C3',
      reviewer: { id: by.id, name: by.name, email: by.email },
      status: 'submitted',
      scores,
      recommendation: evaluation.recommendation,
      comment: evaluation.comment,
      weightedScore,
      knockOuts,
      submittedAt: at(step.day),
      createdAt: at(step.day),
      updatedAt: at(step.day),
    });
  }
  const { company, contact, capabilities } = applicantOf(input);
  const consent = { acceptedAt: at(0), text: DEMO_APPLICATION_FORM.consent.translations?.['vi']?.text ?? DEMO_APPLICATION_FORM.consent.text, language: 'vi' };
  const source = { channel: 'public_form' as const, referrerPartnerId: null, referralCode: null, invitedBy: null };
  const last = history.at(-1)!;
  const application: Application = {
    id: 'app_01JDZ8W3K4M5N6P7Q8R9S0T1C3',
    number: 'APP-000001',
    status: last.to,
    partnerType: input.partnerType,
    company,
    contact,
    capabilities,
    answers: input.answers ?? {},
    consent,
    source,
    locale: 'vi',
    partnerId: 'pt_01JDZ8W3K4M5N6P7Q8R9S0T1D4',
    submittedAt: at(0),
    stageEnteredAt: last.at,
    decidedAt: last.at,
    reasonCode: null,
    reason: last.reason,
    evaluationCount: evaluations.length,
    duplicates: [],
    history,
    createdAt: at(0),
    updatedAt: last.at,
  };
  // The later application from the same company's branch, flagged against the partner the first became.
  const duplicate = { kind: 'partner' as const, id: application.partnerId!, name: company.name, number: null, match: 'domain' as const };
  const thresholds = { ...DEMO_THRESHOLDS, updatedAt: at(-30) };
  const summary = summariseEvaluations(criteria, input.partnerType, evaluations, DEMO_THRESHOLDS);
  const question = DEMO_APPLICATION_FORM.questions[0]!;
  const option = question.options[0]!;
  const offered = DEMO_APPLICATION_FORM.partnerTypes[0]!;
  const key: PublishableKey = {
    id: 'pk_01JDZ8W3K4M5N6P7Q8R9S0T1E5',
    name: 'Website: become a partner',
    key: 'pk_pub_3q2-7wNfUu0sKx9aYbVdLm4ZcT8eRh1J',
    allowedOrigins: ['https://www.vendor.example'],
    createdAt: at(-30),
    updatedAt: at(-30),
  };
  const { id: _id, createdAt: _c, updatedAt: _u, ...criterionInput } = criterion;
  const formToken = 'f1.m3k2x9q0.Zq7wN1fUu0sKx9aYbVdLm4';

  return {
    MatchReason: 'domain',
    CriterionScore: 4,
    CriterionLevelTranslation: criterion.levels[0]?.translations?.['vi'],
    CriterionLevel: criterion.levels[3],
    SelectionCriterionTranslation: criterion.translations?.['vi'],
    SelectionCriterion: criterion,
    SelectionCriterionInput: criterionInput,
    QuestionKind: question.kind,
    OptionValue: option.value,
    QuestionOptionTranslation: option.translations?.['vi'],
    QuestionOption: option,
    ApplicationQuestionTranslation: question.translations?.['vi'],
    ApplicationQuestion: question,
    OfferedPartnerTypeTranslation: offered.translations?.['vi'],
    OfferedPartnerType: offered,
    ConsentTranslation: DEMO_APPLICATION_FORM.consent.translations?.['vi'],
    ApplicationConsent: DEMO_APPLICATION_FORM.consent,
    ApplicationForm: { ...DEMO_APPLICATION_FORM, formToken, updatedAt: at(-30) },
    ApplicationFormInput: DEMO_APPLICATION_FORM,
    ApplicationStatus: application.status,
    CompanySize: company.size,
    ApplicationChannel: source.channel,
    ApplicationReasonCode: 'not_a_fit',
    ApplicationActor: 'manager',
    ApplicationCompany: company,
    ApplicationContact: contact,
    ApplicationReference: capabilities.references[0] ?? { company: 'Ngân hàng Bắc Á', contactName: null, contactEmail: null },
    ApplicationCapabilities: capabilities,
    AnswerValue: input.answers?.['q_segment'],
    ApplicationAnswers: application.answers,
    ApplicationConsentRecord: consent,
    ApplicationSource: source,
    ApplicationDuplicate: duplicate,
    ApplicationHistoryEntry: history[1],
    Application: application,
    ApplicationInput: { ...input, formToken, honeypot: '' },
    ApplicationReceipt: { number: application.number },
    ApplicationCreated: { number: application.number },
    ApplicationTransitionInput: { to: 'declined', reason: 'No presence in our target markets.', reasonCode: 'not_a_fit', notifyApplicant: true },
    PipelineStage: { status: 'screening', count: 2 },
    ApplicationPipeline: {
      stages: [
        { status: 'submitted', count: 3 },
        { status: 'screening', count: 2 },
        { status: 'interview', count: 1 },
        { status: 'due_diligence', count: 1 },
        { status: 'approved', count: 2 },
        { status: 'declined', count: 1 },
        { status: 'on_hold', count: 1 },
        { status: 'withdrawn', count: 1 },
      ],
      total: 12,
    },
    Recommendation: summary.recommendation,
    EvaluationStatus: 'submitted',
    EvaluationScore: evaluations[0]!.scores[1],
    WeightedScore: evaluations[0]!.weightedScore,
    Evaluation: evaluations[0],
    EvaluationInput: { scores: evaluations[0]!.scores, recommendation: 'approve', comment: evaluations[0]!.comment, submit: true },
    CriterionSpread: summary.criteria[0],
    SelectionThresholds: thresholds,
    SelectionThresholdsInput: DEMO_THRESHOLDS,
    EvaluationSummary: summary,
    EvaluationList: { data: evaluations, blind: false, submittedCount: evaluations.length, summary },
    WebOrigin: key.allowedOrigins[0],
    PublishableKey: key,
    PublishableKeyInput: { name: key.name, allowedOrigins: key.allowedOrigins },
    PublishableKeyPatch: { allowedOrigins: [...key.allowedOrigins, 'https://partners.vendor.example'] },
    ApplicationPage: page([application]),
    SelectionCriterionPage: { data: criteria, nextCursor: null },
    PublishableKeyPage: { data: [key], nextCursor: null },
  };
}
