/**
 * The agreements an error says to accept first, read by shape (core's `requiredAgreements`, without
 * importing the client's entry point into the widgets that only need this).
 * @module
 */

/** The ids of the agreements an `agreement_required` problem names; none for any other error. */
export function requiredAgreementIds(error: unknown): string[] {
  const problem = typeof error === 'object' && error !== null ? (error as { problem?: unknown }).problem : undefined;
  if (typeof problem !== 'object' || problem === null || (problem as { code?: unknown }).code !== 'agreement_required') return [];
  const listed = (problem as { agreements?: unknown }).agreements;
  return Array.isArray(listed) ? listed.flatMap((a) => (typeof (a as { agreementId?: unknown })?.agreementId === 'string' ? [(a as { agreementId: string }).agreementId] : [])) : [];
}
