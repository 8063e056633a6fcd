/**
 * `@partnerkit/core/client/application-form`: the public application form and submitting an
 * application, the two operations a publishable key may call. Its own part, so a public page's
 * bundle carries only the form's schemas.
 * @module
 */
import { ApplicationForm, type ApplicationFormInput, ApplicationReceipt } from '../../schemas/application-form.js';
import type { ApplicationInput } from '../../schemas/application.js';
import { newIdempotencyKey } from '../http/idempotency-key.js';
import type { CreateOptions, RequestOptions } from '../options.js';
import { definePart } from '../part.js';

/**
 * `client.applicationForm`: what a public "become a partner" page needs. Works with a
 * publishable key (`createClient({ baseUrl, token: 'pk_pub_...' })`) from an origin the key lists.
 *
 * @example
 * ```ts
 * const client = createBaseClient({ baseUrl: 'https://prm.example.com/api', token: 'pk_pub_...' });
 * const form = await applicationForm(client).get();
 * // ... the applicant fills the form in ...
 * const { number } = await applicationForm(client).submit({ ...answers, formToken: form.formToken, consent: true });
 * ```
 */
export interface ApplicationFormApi {
  /** The offered partner types, the programme's questions, the consent text and a `formToken`. */
  get(options?: RequestOptions): Promise<ApplicationForm>;
  /** Replaces the form (admin). */
  update(input: ApplicationFormInput, options?: RequestOptions): Promise<ApplicationForm>;
  /**
   * Submits an application from the public form and answers its number. Sends an
   * `Idempotency-Key` (a new random one unless you give one): keep one per application, with the
   * draft, so a double submit or a retry makes one application.
   */
  submit(input: ApplicationInput, options?: CreateOptions): Promise<ApplicationReceipt>;
}

/**
 * `applicationForm(client)`: the application form namespace of any PartnerKit client
 * (`client.applicationForm` on a full one).
 *
 * @example
 * ```ts
 * import { applicationForm } from '@partnerkit/core/client/application-form';
 * const { questions } = await applicationForm(client).get();
 * ```
 */
export const applicationForm = /* @__PURE__ */ definePart(
  'applicationForm',
  (requests): ApplicationFormApi => ({
    get: (options) => requests.get('application-form', ApplicationForm, undefined, options),
    update: (input, options) => requests.mutate('PUT', 'application-form', ApplicationForm, input, options),
    submit: (input, options) =>
      requests.mutate('POST', 'applications', ApplicationReceipt, input, { ...options, idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey() }),
  }),
);
