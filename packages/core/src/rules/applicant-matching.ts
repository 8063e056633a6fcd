/**
 * Duplicate applicants: is this applying company an existing partner, or the company of another
 * open application? The same two signals as deal conflicts (`customer-matching.ts`): a shared
 * registrable domain, or company names alike enough; a company may have several domains.
 * @module
 */
import { companyNameSimilarity, type CustomerMatch, NAME_SIMILARITY_THRESHOLD, normaliseDomain } from './customer-matching.js';

/** What matching reads of a company: its name, and its domains and website when known. */
export interface CompanyIdentity {
  name: string;
  domains?: readonly string[] | null;
  website?: string | null;
}

/** The company's registrable domains (`normaliseDomain`), from its domains and its website, each once, in that order. */
export function companyDomains(company: CompanyIdentity): string[] {
  const found = new Set<string>();
  for (const text of [...(company.domains ?? []), ...(company.website ? [company.website] : [])]) {
    const domain = normaliseDomain(text);
    if (domain !== null) found.add(domain);
  }
  return [...found];
}

/**
 * Are two companies the same? A registrable domain they share decides first (`domain`); otherwise
 * names at least {@link NAME_SIMILARITY_THRESHOLD} alike match (`name`), whatever their domains.
 */
export function matchCompanies(a: CompanyIdentity, b: CompanyIdentity): CustomerMatch {
  const similarity = companyNameSimilarity(a.name, b.name);
  const domainsOfB = new Set(companyDomains(b));
  if (companyDomains(a).some((d) => domainsOfB.has(d))) return { match: true, reason: 'domain', similarity };
  if (similarity >= NAME_SIMILARITY_THRESHOLD) return { match: true, reason: 'name', similarity };
  return { match: false, reason: null, similarity };
}
