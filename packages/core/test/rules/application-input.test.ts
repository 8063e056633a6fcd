import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applicantOf } from '@partnerkit/core/rules';

describe('applicantOf', () => {
  it('fills what the applicant left out, takes the registrable domains of the domains and the website, each market once', () => {
    const stored = applicantOf({
      company: { name: 'Sao Mai Tech', website: 'https://www.shop.saomai-tech.vn/about', domains: ['saomai-tech.vn', 'SAOMAI.com.vn'], country: 'VN', size: '51-200' },
      contact: { name: 'Hà', email: 'ha@saomai-tech.vn' },
      capabilities: { markets: ['VN', 'LA', 'VN'], technicalStaff: 3, whyUs: 'Khách hàng cần.', references: [{ company: 'Ngân hàng Bắc Á' }] },
    });
    assert.deepEqual(stored.company, { name: 'Sao Mai Tech', website: 'https://www.shop.saomai-tech.vn/about', domains: ['saomai-tech.vn', 'saomai.com.vn'], country: 'VN', region: null, size: '51-200', foundedYear: null });
    assert.deepEqual(stored.contact, { name: 'Hà', email: 'ha@saomai-tech.vn', phone: null, title: null });
    assert.deepEqual(stored.capabilities, {
      markets: ['VN', 'LA'],
      industries: [],
      technicalStaff: 3,
      certifications: [],
      experience: null,
      references: [{ company: 'Ngân hàng Bắc Á', contactName: null, contactEmail: null }],
      whyUs: 'Khách hàng cần.',
    });
  });
});
