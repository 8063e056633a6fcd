/**
 * `@partnerkit/elements`: the element classes, without registering any tag. Register tags with the
 * define modules (`@partnerkit/elements/partner-scorecard.js`, ...) or `defineElement`.
 * @module
 */
export * from './platform/index.js';
export { PkEvent, createEnvelope, createEventId, type EventEnvelope, type PkEventInit } from './events/pk-event.js';
export { PkErrorEvent, PK_ERROR_TYPE, type PkErrorData } from './events/error.js';
export { PartnerKitProvider, sessionFetcher, SessionUrlError } from './partnerkit-provider/index.js';

// Widget classes and their events (one line each, appended by their authors):
export { PartnerScorecard } from './partner-scorecard/partner-scorecard.js';
export { PkScorecardLoadEvent, PK_SCORECARD_LOAD_TYPE, type PkScorecardLoadData } from './events/scorecard-load.js';
export { PkPeriodChangeEvent, PK_PERIOD_CHANGE_TYPE, type PkPeriodChangeData } from './events/period-change.js';
export { ResourceLibrary, type ResourceLayout } from './resource-library/resource-library.js';
export { PkResourceOpenEvent, PK_RESOURCE_OPEN_TYPE, type PkResourceOpenData } from './events/resource-open.js';
export { PkFilterChangeEvent, PK_FILTER_CHANGE_TYPE, type PkFilterChangeData } from './events/filter-change.js';
export { DealRegister, type DealRegisterView } from './deal-register/deal-register.js';
export { PkDealSubmitEvent, PK_DEAL_SUBMIT_TYPE, type PkDealSubmitData } from './events/deal-submit.js';
export { PkDealSubmittedEvent, PK_DEAL_SUBMITTED_TYPE, type PkDealSubmittedData } from './events/deal-submitted.js';
export { PkDealConflictEvent, PK_DEAL_CONFLICT_TYPE, type PkDealConflictData } from './events/deal-conflict.js';
export { PkDealTransitionEvent, type PkDealTransitionData } from './events/deal-transition.js';
export { PartnerAgreements } from './partner-agreements/partner-agreements.js';
export { PkAgreementAcceptedEvent, PK_AGREEMENT_ACCEPTED_TYPE, type PkAgreementAcceptedData } from './events/agreement-accepted.js';
export { PartnerPlan } from './partner-plan/partner-plan.js';
export { PkPlanTransitionEvent, PK_PLAN_TRANSITION_TYPE, type PkPlanTransitionData } from './events/plan-transition.js';
export { PkPlanChangeEvent, PK_PLAN_CHANGE_TYPE, type PkPlanChangeData } from './events/plan-change.js';
export { PartnerApplication } from './partner-application/partner-application.js';
export { PkApplicationSubmitEvent, PK_APPLICATION_SUBMIT_TYPE, type PkApplicationSubmitData } from './events/application-submit.js';
export { PkApplicationSubmittedEvent, PK_APPLICATION_SUBMITTED_TYPE, type PkApplicationSubmittedData } from './events/application-submitted.js';
export { PartnerInbox, type InboxView } from './partner-inbox/partner-inbox.js';
export { PkUnreadChangeEvent, PK_UNREAD_CHANGE_TYPE, type PkUnreadChangeData } from './events/unread-change.js';
export { PartnerTraining } from './partner-training/partner-training.js';
export { PkAssessmentSubmittedEvent, PK_ASSESSMENT_SUBMITTED_TYPE, type PkAssessmentSubmittedData } from './events/assessment-submitted.js';
export { ApplicationReview } from './application-review/application-review.js';
export { PkApplicationTransitionEvent, type PkApplicationTransitionData } from './events/application-transition.js';
export { PkApplicationEvaluatedEvent, PK_APPLICATION_EVALUATED_TYPE, type PkApplicationEvaluatedData } from './events/application-evaluated.js';
