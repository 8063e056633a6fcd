/**
 * Duplicate applicants: the existing partners and open applications a newly submitted company
 * looks like (core's `matchCompanies`: a shared registrable domain, or names alike enough). The
 * candidates are read through the indexes (open applications) or whole (partners); matching is
 * core's. An application matching an earlier one flags both.
 * @module
 */
import { matchCompanies } from '@partnerkit/core/rules';
import type { ApplicationCompany } from '@partnerkit/core/schemas';
import type { Queryable } from '../db/database.js';
import { type ApplicantIdentity, type DuplicateFlag, openApplicationCandidates } from '../store/applications.js';
import { partnerIdentities } from '../store/partners.js';

/** The flags to store for application `applicationId` of `company` (identity `identity`), both ways for applications. */
export async function duplicateFlags(q: Queryable, applicationId: string, company: ApplicationCompany, identity: ApplicantIdentity): Promise<DuplicateFlag[]> {
  const flags: DuplicateFlag[] = [];
  for (const partner of await partnerIdentities(q)) {
    const verdict = matchCompanies(company, partner);
    if (verdict.reason !== null) flags.push({ applicationId, kind: 'partner', targetId: partner.id, match: verdict.reason });
  }
  for (const other of await openApplicationCandidates(q, identity)) {
    if (other.id === applicationId) continue;
    const verdict = matchCompanies(company, other);
    if (verdict.reason === null) continue;
    flags.push({ applicationId, kind: 'application', targetId: other.id, match: verdict.reason });
    flags.push({ applicationId: other.id, kind: 'application', targetId: applicationId, match: verdict.reason });
  }
  return flags;
}
