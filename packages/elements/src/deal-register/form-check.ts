/**
 * What the form loads on first use to check what was typed: the validation against the contract
 * (`form-model.ts`) and the words for each problem, in both languages.
 * @module
 */
export { buildDealInput, fieldOfPath } from './form-model.js';
export { problemsEn, problemsVi, type ProblemMessages } from './i18n/problems.js';
