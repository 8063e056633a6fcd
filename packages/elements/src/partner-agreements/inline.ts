/**
 * The agreements an operation waits for, shown where it was refused: `<deal-register>`'s
 * registration and `<resource-library>`'s opening answer 403 `agreement_required` until the
 * partner accepts. A lazy view: the widgets load it (and `<partner-agreements>` with it) the first
 * time a refusal names an agreement, so their pages carry none of it until then.
 * @module
 */
import { html, type TemplateResult } from 'lit';
import type { BaseClient } from '@partnerkit/core/client/base';
import '../define/partner-agreements.js';

/** The ids of the agreements an `agreement_required` problem names; none for any other error. */
export function requiredAgreementIds(error: unknown): string[] {
  const problem = typeof error === 'object' && error !== null ? (error as { problem?: unknown }).problem : undefined;
  if (typeof problem !== 'object' || problem === null || (problem as { code?: unknown }).code !== 'agreement_required') return [];
  const listed = (problem as { agreements?: unknown }).agreements;
  return Array.isArray(listed) ? listed.flatMap((a) => (typeof (a as { agreementId?: unknown })?.agreementId === 'string' ? [(a as { agreementId: string }).agreementId] : [])) : [];
}

/** What the refused widget passes on: its client, the partner in scope, and what to do once an agreement is accepted. */
export interface InlineAgreementsOptions {
  client: BaseClient | undefined;
  partnerId?: string | undefined;
  accepted: () => void;
}

/** `<partner-agreements>` open on the agreements `error` names. */
export function renderRequiredAgreements(error: unknown, { client, partnerId, accepted }: InlineAgreementsOptions): TemplateResult {
  return html`<partner-agreements
    .partnerId=${partnerId ?? ''}
    .agreementIds=${requiredAgreementIds(error).join(',')}
    .client=${client}
    @pk-agreement-accepted=${accepted}
  ></partner-agreements>`;
}
