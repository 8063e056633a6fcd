/**
 * `@partnerkit/core/demo`: the demo programme as contract objects, generated deterministically.
 * The reference server seeds its database with it, `@partnerkit/mock` serves it from memory, and
 * the OpenAPI document's examples come from it. Not part of the browser bundles of the widgets.
 * @module
 */
export { DEAL_BATCH, DEMO_MANAGERS, generateDemoData, type DemoData, type DemoOptions, type DemoPartner, type DemoResource, type DemoUser } from './generate.js';
export { DEMO_CONTENT_HASHES, generateDemoAgreements, type DemoAgreement } from './agreements.js';
export { generateDemoPlans, type DemoPlan } from './plans.js';
export { DEMO_CERTIFICATIONS, generateDemoEnablement, type DemoCertificate, type DemoCourse, type DemoEnablement, type DemoEnrolment, type DemoPerson } from './enablement.js';
export { generateDemoCommunication, type DemoAnnouncementRead, type DemoCommunication } from './communication.js';
export { SEED_KPIS, SEED_TIERS, type SeedKpi, type SeedTier } from './programme.js';
export { SeededRandom } from './random.js';
export {
  DEMO_APPLICATION_FORM,
  DEMO_APPLICATIONS,
  DEMO_CRITERIA,
  DEMO_THRESHOLDS,
  type DemoApplication,
  type DemoApplicationStep,
  type DemoCriterion,
  type DemoEvaluation,
} from './recruitment.js';
