import type { ErrorKind } from './brand.js';
import type { FieldError } from '../../schemas/problem.js';
import { HttpError, type HttpErrorInit } from './http-error.js';

/**
 * The backend rejected the input (400 or 422). `errors` lists the failing fields by path
 * (`customer.company`), so a form can show each message beside its field.
 *
 * @example
 * ```ts
 * import { isValidationProblemError } from '@partnerkit/core/client';
 * try {
 *   await client.deals.register(input);
 * } catch (error) {
 *   if (isValidationProblemError(error)) {
 *     for (const { path, message } of error.errors) form.showError(path, message);
 *   }
 * }
 * ```
 */
export class ValidationProblemError extends HttpError {
  static override readonly kind: ErrorKind = 'ValidationProblemError';
  /** The field errors, `{ path, message }`; empty when the problem named none. */
  readonly errors: readonly FieldError[];

  constructor(init: HttpErrorInit) {
    super(init);
    this.errors = init.problem.errors ?? [];
  }
}
