/**
 * The form's conversation with the backend: the pre-check while the customer is typed, sending a
 * registration, and showing how it ended (registered with the customer, number, status and
 * protection; conflict, with a reason only; not sent). Loaded by the submission controller on the
 * first keystroke, so the form's first load does not carry it. It works on any PartnerKit host and
 * imports no element class.
 * @module
 */
import { html, type TemplateResult } from 'lit';
import { isConflictError, isHttpError, isNetworkError, isTimeoutError, isValidationProblemError } from '@partnerkit/core/client';
import type { BaseClient } from '@partnerkit/core/client/base';
import { deals } from '@partnerkit/core/client/deals';
import { CONFLICT_REASONS, type ConflictReason, type Deal, type DealInput, type Role } from '@partnerkit/core/schemas';
import { LocalizeController, mergeCatalogues } from '../../platform/localize.js';
import { platformCatalogues } from '../../platform/i18n/index.js';
import { describeError, isAbortError } from '../../platform/describe-error.js';
import { LazyView } from '../../controllers/lazy-view.js';
import type * as InlineAgreements from '../../partner-agreements/inline.js';
import type { PartnerKitHost } from '../../platform/host.js';
import { reportError } from '../../platform/report-error.js';
import { errorText } from '../../platform/state-views.js';
import { PkDealSubmittedEvent } from '../../events/deal-submitted.js';
import { PkDealConflictEvent } from '../../events/deal-conflict.js';
import { submitEn } from '../i18n/submit-en.js';
import { submitVi } from '../i18n/submit-vi.js';
import { PrecheckController } from './precheck.js';
import { statusEn, statusVi } from '../i18n/status.js';
import { chipStyles } from '../chip.styles.js';
import { adoptMoreStyles } from '../adopt-styles.js';

/**
 * How a submission ended:
 * - `done`: registered;
 * - `unknown`: no (readable) answer, the deal may exist: resend with the same key (queue it);
 * - `failed`: not accepted for a reason that may pass (session, rate limit, an unreadable
 *   answer): keep the key and offer a retry;
 * - `conflict`, `invalid`, `refused`: definite refusals; nothing was created under the key, so
 *   the next attempt gets a new one.
 */
export type SendResult =
  | { kind: 'done'; deal: Deal }
  | { kind: 'unknown'; error: unknown }
  | { kind: 'failed'; error: unknown }
  | { kind: 'conflict'; reason: string | null }
  | { kind: 'invalid'; errors: readonly { path: string; message: string }[] }
  | { kind: 'refused'; error: unknown };

/** The outcomes the view renders above or instead of the form. */
export type Outcome = Extract<SendResult, { kind: 'done' | 'conflict' | 'failed' | 'refused' }>;

/** Who a registration is for and how it is sent. */
export interface SendContext {
  client: BaseClient;
  /** The partner in scope; named in the body for vendor sessions. */
  scope: string | undefined;
  role: Role;
  /** Sent from the offline queue (reported in `pk-deal-submitted`). */
  fromQueue: boolean;
}

const isConflictReason = (reason: string | null): reason is ConflictReason => CONFLICT_REASONS.includes(reason as ConflictReason);

/** Pre-checks and sends the registrations of `host`, and renders the answers in its language. */
export class SubmitView {
  private readonly l;
  /** The pre-check of the customer in the form. */
  readonly precheck: PrecheckController;
  // The agreements a refused registration waits for, with <partner-agreements>: loaded the first time a refusal names one.
  readonly #agreements: LazyView<typeof InlineAgreements>;

  constructor(private readonly host: PartnerKitHost) {
    this.precheck = new PrecheckController(host, () => {
      const client = host.resolvedClient;
      return client && ((input, signal) => deals(client).check(input, { signal }));
    });
    this.l = new LocalizeController(host, mergeCatalogues(platformCatalogues, mergeCatalogues({ en: submitEn, vi: submitVi }, { en: statusEn, vi: statusVi })));
    adoptMoreStyles(host, chipStyles);
    this.#agreements = new LazyView(host, () => import('../../partner-agreements/inline.js'));
  }

  /**
   * Registers `input` with `key` and classifies the answer; dispatches `pk-deal-submitted` or
   * `pk-deal-conflict`, and `pk-error` for failures. Aborts are rethrown.
   */
  async send(input: DealInput, key: string, context: SendContext): Promise<SendResult> {
    const { client } = context;
    // A vendor session names the partner; a partner session registers for itself.
    const body = context.role !== 'partner' && context.scope ? { ...input, partnerId: context.scope } : input;
    try {
      const deal = await deals(client).register(body, { idempotencyKey: key });
      this.host.dispatchEvent(new PkDealSubmittedEvent({ deal, fromQueue: context.fromQueue }));
      return { kind: 'done', deal };
    } catch (error) {
      if (isAbortError(error)) throw error;
      reportError(this.host, error);
      // An agreement to accept first: its view loads now, to show in the banner.
      if (describeError(error).code === 'agreement_required') this.#agreements.ensure();
      if (isNetworkError(error) || isTimeoutError(error) || (isHttpError(error) && error.status >= 500) || navigator.onLine === false) {
        return { kind: 'unknown', error };
      }
      if (isConflictError(error)) {
        this.host.dispatchEvent(new PkDealConflictEvent({ reason: error.reason, customer: input.customer }, context.scope));
        return { kind: 'conflict', reason: error.reason };
      }
      if (isValidationProblemError(error) && error.errors.length) return { kind: 'invalid', errors: error.errors };
      return isHttpError(error) && ![401, 403, 429].includes(error.status) ? { kind: 'refused', error } : { kind: 'failed', error };
    }
  }

  /** The pre-check's answer for the live region ('' when there is nothing to say). */
  precheckText(): string {
    const state = this.precheck.state;
    const { l } = this;
    switch (state.kind) {
      case 'checking':
        return l.t('deal.check.checking');
      case 'available':
        return l.t('deal.check.available');
      case 'taken':
        return l.t(`deal.check.${state.reason}`);
      case 'failed':
        return l.t('deal.check.failed');
      default:
        return '';
    }
  }

  /** Why a request failed, in the element's language. */
  errorText(error: unknown): string {
    return errorText(this.l, error);
  }

  /** The confirmation: the customer and number, status and protection window, and a way to register another. */
  renderDone(deal: Deal, another: () => void): TemplateResult {
    const { l } = this;
    return html`<div class="banner banner--success focus-target" part="success" tabindex="-1">
      <p class="title" dir="auto">${l.t('deal.done', { company: deal.customer.company, number: deal.number })}</p>
      <dl>
        <dt>${l.t('deal.status')}</dt>
        <dd><span class="chip chip--${deal.status}" part="status-chip">${l.t(`deal.status.${deal.status}`)}</span></dd>
        <dt>${l.t('deal.protection')}</dt>
        <dd>
          ${deal.expiresAt
            ? l.t('deal.protectedUntil', { date: l.date(deal.expiresAt), relative: l.relativeTime(deal.expiresAt, { largestUnit: 'day', numeric: 'always' }) })
            : l.t('deal.protectionLater')}
        </dd>
      </dl>
      <button class="button" type="button" @click=${another}>${l.t('deal.another')}</button>
    </div>`;
  }

  /**
   * The banner above the kept form: a conflict's reason (never who holds the customer), the
   * agreements to accept first (inline, sending again once one is accepted), or why it was not
   * sent, with a retry.
   */
  renderBanner(result: Exclude<Outcome, { kind: 'done' }>, agreement?: { partnerId: string | undefined; accepted: () => void }): TemplateResult {
    const { l } = this;
    if (result.kind === 'failed' && agreement && describeError(result.error).code === 'agreement_required') {
      const { error } = result;
      return html`<div class="banner focus-target" part="agreement-required" tabindex="-1">
        ${this.#agreements.render(l, (inline) => inline.renderRequiredAgreements(error, { client: this.host.resolvedClient, partnerId: agreement.partnerId, accepted: agreement.accepted }))}
      </div>`;
    }
    if (result.kind === 'conflict') {
      return html`<div class="banner banner--danger focus-target" part="conflict" tabindex="-1">
        <p><strong>${l.t('deal.conflict')}</strong></p>
        <p>${l.t(`deal.conflict.${isConflictReason(result.reason) ? result.reason : 'other'}`)}</p>
      </div>`;
    }
    return html`<div class="banner banner--danger focus-target" part="send-error" tabindex="-1">
      <p><strong>${l.t('deal.failed')}</strong></p>
      <p>${this.errorText(result.error)} ${l.t('deal.keptDraft')}</p>
      <button class="button" type="submit">${l.t('pk.retry')}</button>
    </div>`;
  }
}
