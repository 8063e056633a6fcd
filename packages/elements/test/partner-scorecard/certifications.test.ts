/**
 * The certifications a tier requires, in "what is missing": the next tier's missing
 * certifications named in the element's language beside the KPI gaps, and the expiries 60 days
 * ahead that would leave the partner short of its own tier, as core's rules give them (the mock
 * computes them from the fixtures' requirements and certificates).
 */
import { expect } from '@open-wc/testing';
import { PARTNERS } from '../../../../stories/partner-scorecard/fixtures.js';
import { mountOn, part, text } from './helpers.js';

/** The lines of what is missing for the next tier. */
const nextGaps = (el: Element) => [...part(el, 'next-tier')!.querySelectorAll('[part~="gap"]')].map(text);

const certified = { as: { role: 'manager' as const }, certifications: true };

describe('<partner-scorecard> certifications', () => {
  it('names the certification missing for the next tier, with how many people hold it', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id }, certified);
    const gaps = nextGaps(el);
    expect(gaps).to.include('Technical Implementation: 1 more person certified to reach Gold now 0 certified, required 1');
    expect(gaps.some((g) => g.startsWith('Sales Fundamentals'))).to.equal(false, 'a met requirement is not listed');
  });

  it('flags the certificate expiring within 60 days that would leave Silver short', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id }, certified);
    expect(text(part(el, 'expiring'))).to.equal('Sales Fundamentals: 1 certification expires before December 14, 2026; Silver needs 2');
    await expect(el).to.be.accessible();
  });

  it('says it in Vietnamese, with the certification names of the programme in Vietnamese', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id, lang: 'vi' }, certified);
    expect(nextGaps(el)).to.include('Triển khai kỹ thuật: cần thêm 1 người có chứng chỉ để lên hạng Vàng hiện có 0 người có chứng chỉ, cần 1 người');
    expect(text(part(el, 'expiring'))).to.equal('Kiến thức bán hàng cơ bản: 1 chứng chỉ hết hạn trước ngày 14 tháng 12 năm 2026; hạng Bạc cần 2 người');
    await expect(el).to.be.accessible();
  });

  it('shows no certification lines for a programme without certification requirements', async () => {
    const el = await mountOn({ partnerId: PARTNERS.lumen.id }, { as: { role: 'manager' } });
    expect(part(el, 'expiring')).to.equal(null);
    expect(nextGaps(el).some((g) => g.includes('certified to reach'))).to.equal(false);
  });
});
