/**
 * The public application form's programme data: which partner types the programme recruits, the
 * programme's own questions, and the consent text. It is the only programme data a publishable
 * key may read.
 * @module
 */
import * as z from 'zod/mini';
import { HttpUrl, Id, Timestamp, text } from './common.js';
import { holds } from './holds.js';
import { PartnerType } from './partner-type.js';
import { translation, translations } from './translations.js';

export const QUESTION_KINDS = ['short_text', 'long_text', 'single_choice', 'multiple_choice', 'number', 'yes_no'] as const;
/** How a question is answered: a line or a paragraph of text, one or several options, a number, yes or no. */
export const QuestionKind = /* @__PURE__ */ z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKind>;

/** Longest answer to a `short_text` question, in characters. */
export const SHORT_ANSWER_MAX = 200;
/** Longest answer to a `long_text` question, in characters. */
export const LONG_ANSWER_MAX = 5000;

/** An option's machine value: 1-64 lower-case letters, digits, `_` or `-`. */
export const OptionValue = /* @__PURE__ */ z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1-64 lower-case letters, digits, _ or -'));
export type OptionValue = z.infer<typeof OptionValue>;

// Text schemas are their own constants, never read back out of an object handed to translation():
// a bundler cannot prove such a read free of side effects, and would keep the module.
const optionLabel = text(200);

/** An option's `label` in one language. */
export const QuestionOptionTranslation = /* @__PURE__ */ translation({ label: optionLabel });
export type QuestionOptionTranslation = z.infer<typeof QuestionOptionTranslation>;

/** One option of a choice question. */
export const QuestionOption = /* @__PURE__ */ z.object({
  value: OptionValue,
  label: optionLabel,
  translations: z.optional(/* @__PURE__ */ translations(QuestionOptionTranslation)),
});
export type QuestionOption = z.infer<typeof QuestionOption>;

const questionLabel = text(300);
const questionHelp = text(1000);

/** A question's `label` and `help` in one language. */
export const ApplicationQuestionTranslation = /* @__PURE__ */ translation({ label: questionLabel, help: questionHelp });
export type ApplicationQuestionTranslation = z.infer<typeof ApplicationQuestionTranslation>;

/** One of the programme's own questions; answers are keyed by its `id`. */
export const ApplicationQuestion = /* @__PURE__ */ z.object({
  id: Id,
  kind: QuestionKind,
  label: questionLabel,
  help: z.nullable(questionHelp),
  required: z.boolean(),
  /** The options of a `single_choice` or `multiple_choice` question (2-50); empty for the others. */
  options: /* @__PURE__ */ z.array(QuestionOption).check(z.maxLength(50)),
  /** Partner types asked this question; empty: every type. */
  partnerTypes: /* @__PURE__ */ z.array(PartnerType).check(z.maxLength(20)),
  translations: z.optional(/* @__PURE__ */ translations(ApplicationQuestionTranslation)),
});
export type ApplicationQuestion = z.infer<typeof ApplicationQuestion>;

const offeredTypeDescription = text(500);

/** An offered partner type's `description` in one language. */
export const OfferedPartnerTypeTranslation = /* @__PURE__ */ translation({ description: offeredTypeDescription });
export type OfferedPartnerTypeTranslation = z.infer<typeof OfferedPartnerTypeTranslation>;

/** A partner type the programme recruits, with what it means in this programme. */
export const OfferedPartnerType = /* @__PURE__ */ z.object({
  type: PartnerType,
  description: z.nullable(offeredTypeDescription),
  translations: z.optional(/* @__PURE__ */ translations(OfferedPartnerTypeTranslation)),
});
export type OfferedPartnerType = z.infer<typeof OfferedPartnerType>;

const consentText = text(2000);

// The company sizes the form offers and the receipt it gets back are the public form's, so a page
// with the form loads them without the application's own schemas (which it checks on demand).
export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001+'] as const;
/** How many people the applying company employs. */
export const CompanySize = /* @__PURE__ */ z.enum(COMPANY_SIZES);
export type CompanySize = z.infer<typeof CompanySize>;

/** Answer of `POST /v1/applications` to a publishable key: the application number, and nothing else. */
export const ApplicationReceipt = /* @__PURE__ */ z.strictObject({ number: text(40) });
export type ApplicationReceipt = z.infer<typeof ApplicationReceipt>;

/** The consent text in one language. */
export const ConsentTranslation = /* @__PURE__ */ translation({ text: consentText });
export type ConsentTranslation = z.infer<typeof ConsentTranslation>;

/** What an applicant agrees to by submitting (how the vendor processes the application's data). */
export const ApplicationConsent = /* @__PURE__ */ z.object({
  text: consentText,
  /** The vendor's privacy notice. */
  privacyUrl: z.nullable(HttpUrl),
  translations: z.optional(/* @__PURE__ */ translations(ConsentTranslation)),
});
export type ApplicationConsent = z.infer<typeof ApplicationConsent>;

const formFields = {
  /** The partner types an applicant may ask for, in the order the form offers them (at least one, each once). */
  partnerTypes: /* @__PURE__ */ z.array(OfferedPartnerType).check(
    z.minLength(1, 'must offer at least one partner type'),
    holds((types: OfferedPartnerType[]) => new Set(types.map((t) => t.type)).size === types.length, 'must offer each partner type once'),
  ),
  /** The programme's own questions, in the order the form asks them (at most 50, ids unique). */
  questions: /* @__PURE__ */ z.array(ApplicationQuestion).check(
    z.maxLength(50),
    holds((questions: ApplicationQuestion[]) => new Set(questions.map((q) => q.id)).size === questions.length, 'must give each question its own id'),
    holds(
      (questions: ApplicationQuestion[]) => questions.every((q) => (q.kind === 'single_choice' || q.kind === 'multiple_choice' ? q.options.length >= 2 : q.options.length === 0)),
      'choice questions need 2-50 options; other kinds none',
    ),
    holds((questions: ApplicationQuestion[]) => questions.every((q) => new Set(q.options.map((o) => o.value)).size === q.options.length), 'must give each option of a question its own value'),
  ),
  consent: ApplicationConsent,
};

/**
 * Answer of `GET /v1/application-form`: everything the public form shows, and a `formToken` to
 * send back with the application (it proves when the form was loaded, against bots that post at
 * once).
 */
export const ApplicationForm = /* @__PURE__ */ z.object({
  ...formFields,
  /** Opaque; send it back as the application's `formToken`. Valid for 24 hours. */
  formToken: /* @__PURE__ */ z.string().check(z.minLength(16), z.maxLength(1000)),
  updatedAt: z.nullable(Timestamp),
});
export type ApplicationForm = z.infer<typeof ApplicationForm>;

/** Body of `PUT /v1/application-form` (admin): the whole form. */
export const ApplicationFormInput = /* @__PURE__ */ z.strictObject({ ...formFields });
export type ApplicationFormInput = z.infer<typeof ApplicationFormInput>;
