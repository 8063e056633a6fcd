/**
 * What a backend stores of a submitted application's company, contact and capabilities: the
 * optional fields filled with their empty values, the company's registrable domains (from its
 * domains and its website: what duplicates and the approved partner match on), each market once.
 * One function, so the reference server, the mock and the examples store the same thing.
 * @module
 */
import type { Application, ApplicationInput } from '../schemas/index.js';
import { companyDomains } from './applicant-matching.js';

/** The company, contact and capabilities of `input` as an `Application` carries them. */
export function applicantOf(input: Pick<ApplicationInput, 'company' | 'contact' | 'capabilities'>): Pick<Application, 'company' | 'contact' | 'capabilities'> {
  const { company, contact, capabilities } = input;
  return {
    company: {
      name: company.name,
      website: company.website ?? null,
      domains: companyDomains({ name: company.name, domains: company.domains ?? [], website: company.website ?? null }),
      country: company.country,
      region: company.region ?? null,
      size: company.size,
      foundedYear: company.foundedYear ?? null,
    },
    contact: { name: contact.name, email: contact.email, phone: contact.phone ?? null, title: contact.title ?? null },
    capabilities: {
      markets: [...new Set(capabilities.markets)],
      industries: capabilities.industries ?? [],
      technicalStaff: capabilities.technicalStaff,
      certifications: capabilities.certifications ?? [],
      experience: capabilities.experience ?? null,
      references: (capabilities.references ?? []).map((r) => ({ company: r.company, contactName: r.contactName ?? null, contactEmail: r.contactEmail ?? null })),
      whyUs: capabilities.whyUs,
    },
  };
}
