/**
 * `<partner-training>` on `@partnerkit/mock` (the demo programme's enablement): every state with
 * axe, a partner's view and vendor staff's, both languages, taking a course (modules in order,
 * progress saved, a resource opened http(s) only), the assessment passed and failed, attempts
 * running out, a failed or lost submit that keeps the answers and never uses a second attempt,
 * the keyboard, another partner's data out of reach, and BLNS text inert.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BaseClient } from '@partnerkit/core/client/base';
import type { AttemptResult } from '@partnerkit/core/schemas';
import { EMPTY_CATALOGUE, TECHNICAL_ANSWERS, TRAINING_PARTNERS, trainingClient } from '../../../../stories/partner-training/backend.js';
import { rewriteJson } from '../../../../stories/support/mock-backend.js';
import type { PartnerTraining } from '../../src/partner-training/partner-training.js';
import { trainingReads } from '../../src/partner-training/training-reads.js';
import { naughtyStrings } from '../reliability/payloads.js';
import { answer, button, choicesOf, course, doModules, enrol, part, parts, settled, text, trainingElement, until } from './helpers.js';

const TECHNICAL = 'course_technical_implementation';
/** The one-short partner's person without a certificate yet. */
const LEARNER = 'pp_pt_0002_4';
const WRONG: Record<string, string[]> = { q1: ['q1_b'], q2: ['q2_b'], q3: ['q3_c'], q4: ['q4_b'], q5: ['q5_b'] };

let opened: string[] = [];
const realOpen = window.open;
beforeEach(() => {
  opened = [];
  window.open = ((url?: string | URL) => {
    opened.push(String(url));
    return null;
  }) as typeof window.open;
});
afterEach(() => {
  window.open = realOpen;
  for (const el of document.querySelectorAll('partner-training')) el.remove();
});

/** A partner's user of the one-short partner, enrolled in Technical Implementation, in the player. */
async function inThePlayer(options: Parameters<typeof trainingClient>[0] = {}): Promise<PartnerTraining> {
  const { client } = trainingClient({ partnerId: TRAINING_PARTNERS.oneShortVi, ...options });
  const el = await trainingElement(client);
  await enrol(el, TECHNICAL, LEARNER);
  await until(() => part(el, 'player'), 'the player');
  return el;
}

describe('<partner-training> states', () => {
  it('loading: a busy box, accessible', async () => {
    const { client } = trainingClient({ faults: [{ mode: 'slow', delayMs: Infinity, match: /enablement/ }] });
    const el = document.createElement('partner-training');
    el.client = client;
    document.body.append(el);
    await until(() => el.shadowRoot?.querySelector('[aria-busy="true"]'), 'loading');
    await expect(el).to.be.accessible();
  });

  it('error: the reason, a retry that loads the overview', async () => {
    const { client } = trainingClient({ faults: [{ mode: 'error', status: 503, match: /\/enablement$/, times: 1 }] });
    const el = await trainingElement(client);
    expect(part(el, 'error')).not.to.equal(null);
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await until(() => part(el, 'summary'), 'the overview after retry');
  });

  it('empty: no course open to the partner and nobody recorded, said so', async () => {
    const { client } = trainingClient({ faults: EMPTY_CATALOGUE });
    const el = await trainingElement(client);
    const empties = parts(el, 'empty').map(text);
    expect(empties).to.deep.equal(['No course is open to this partner yet.', 'No people are recorded for this partner yet.']);
    await expect(el).to.be.accessible();
  });

  it('vendor staff without partner-id: asked to name one', async () => {
    const { client } = trainingClient({ role: 'manager' });
    const el = await trainingElement(client);
    expect(text(part(el, 'empty'))).to.equal('Set partner-id to the partner whose training to show.');
    await expect(el).to.be.accessible();
  });
});

describe('<partner-training> for a partner', () => {
  it('what the next tier lacks, its courses first, people with certificates and countdowns, accessible', async () => {
    const { client } = trainingClient({ partnerId: TRAINING_PARTNERS.oneShortVi });
    const el = await trainingElement(client);
    expect(text(part(el, 'summary'))).to.match(/^Tier: Silver 3 of 4 people certified$/);
    expect(text(el.shadowRoot!.querySelector('#missing-title'))).to.equal('Missing for Gold');
    expect(parts(el, 'missing-item').map(text)).to.deep.equal(['Technical Implementation: 1 more certified (0 of 1)']);
    const courses = parts(el, 'course');
    expect(courses[0]!.dataset.course).to.equal(TECHNICAL);
    expect(parts(el, 'course-needed').map((c) => c.dataset.course)).to.deep.equal([TECHNICAL]);
    expect(text(part(el, 'needed-badge'))).to.equal('Needed for your next tier');
    // A distributor may not take the course for integrators and technology partners.
    expect(courses.map((c) => c.dataset.course)).not.to.include('course_cloud_security_external');
    expect(parts(el, 'enrol-form').length).to.equal(courses.length);
    const certificates = parts(el, 'certificate-item').map(text);
    expect(certificates.length).to.be.greaterThan(0);
    for (const line of certificates) expect(line).to.match(/^Sales Fundamentals, expires in \d+ (days|months?) \([A-Z][a-z]{2} \d{1,2}, \d{4}\)/);
    expect(text(parts(el, 'person').find((p) => p.querySelector('[part~="continue-button"]')))).to.contain('Technical Implementation: Enrolled');
    await expect(el).to.be.accessible();
  });

  it('Vietnamese: the words, the catalogue and the certifications in Vietnamese, numbers and dates by Intl', async () => {
    const { client } = trainingClient({ partnerId: TRAINING_PARTNERS.oneShortVi });
    const el = await trainingElement(client, { lang: 'vi' });
    await until(() => text(el.shadowRoot!.querySelector('h2')) === 'Đào tạo và chứng chỉ', 'Vietnamese');
    expect(text(course(el, TECHNICAL).querySelector('h4'))).to.equal('Triển khai kỹ thuật');
    expect(text(part(el, 'needed-badge'))).to.equal('Cần cho hạng tiếp theo của bạn');
    expect(parts(el, 'missing-item').map(text)).to.deep.equal(['Triển khai kỹ thuật: cần thêm 1 người có chứng chỉ (0 trên 1)']);
    expect(text(parts(el, 'certificate-item')[0])).to.match(/^Kiến thức bán hàng cơ bản, hết hạn sau \d+ (ngày|tháng) nữa/);
    await expect(el).to.be.accessible();
  });

  it('enrolling needs a person; a failure keeps the choice and says why; then the enrolment opens the course', async () => {
    const { client } = trainingClient({ partnerId: TRAINING_PARTNERS.oneShortVi, faults: [{ mode: 'error', status: 503, match: (r) => r.method === 'POST' && r.url.endsWith('/enrolments'), times: 1 }] });
    const el = await trainingElement(client);
    const card = course(el, TECHNICAL);
    button(card, 'Enrol').click();
    await until(() => text(card.querySelector('[role="alert"]')) === 'Choose who to enrol.', 'asked for a person');
    expect(el.shadowRoot!.activeElement).to.equal(card.querySelector('select'));
    await enrol(el, TECHNICAL, LEARNER);
    await until(() => text(card.querySelector('[role="alert"]')).startsWith('The enrolment was not recorded.'), 'the failure');
    expect(card.querySelector('select')!.value).to.equal(LEARNER);
    await expect(el).to.be.accessible();
    button(card, 'Enrol').click();
    await until(() => part(el, 'player'), 'the player');
    await until(() => el.shadowRoot!.activeElement?.id === 'player-title', 'focus on the course');
  });

  it('taking a course: modules in order, opened through the backend (http only), progress saved; passing shows the certificate and what the next tier lacks updates', async () => {
    const el = await inThePlayer();
    const events: AttemptResult[] = [];
    el.addEventListener('pk-assessment-submitted', (e) => events.push(e.detail.data.result));
    expect(text(el.shadowRoot!.querySelector('#player-title'))).to.equal('Technical Implementation');
    // Only the first module is open; the assessment waits for all of them.
    expect(parts(el, 'open-button').length).to.equal(1);
    expect(text(part(el, 'player'))).to.contain('The assessment opens once every module is done.');
    part<HTMLButtonElement>(el, 'open-button')!.click();
    await until(() => opened.length === 1, 'the module opened');
    expect(opened[0]).to.match(/^https?:\/\//);
    await until(() => text(part(el, 'notice')).endsWith('opened in a new tab.'), 'said so');
    await doModules(el);
    expect(text(part(el, 'player'))).to.contain('3 of 3 modules');
    await until(() => part(el, 'assessment'), 'the assessment');
    expect(text(part(el, 'attempts-left'))).to.equal('2 attempts left.');
    await expect(el).to.be.accessible();

    // Nothing answered: every question named, the first focused.
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await until(() => part(el, 'unanswered'), 'the unanswered questions');
    expect(text(part(el, 'unanswered'))).to.equal('Answer every question first (5 left).');
    expect(el.shadowRoot!.activeElement?.id).to.equal('c-q1-q1_a');
    expect(el.shadowRoot!.querySelectorAll('fieldset[aria-invalid="true"]').length).to.equal(5);
    await expect(el).to.be.accessible();

    expect(choicesOf(el, 'q3')).to.deep.equal(['q3_a', 'q3_b', 'q3_c']);
    await answer(el, TECHNICAL_ANSWERS);
    expect(part(el, 'unanswered')).to.equal(null);
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await until(() => part(el, 'certificate'), 'the certificate');
    expect(part(el, 'result')!.getAttribute('role')).to.equal('status');
    expect(text(part(el, 'result'))).to.equal('Passed: 100% (5 of 5 correct; pass mark 80%).');
    expect(text(part(el, 'certificate'))).to.match(/holds Technical Implementation, issued [A-Z][a-z]+ \d{1,2}, \d{4}\. Valid until .+ \(expires in \d+ months\)\./);
    expect(text(part(el, 'completed'))).to.equal('Course completed.');
    expect(events.map((r) => r.passed)).to.deep.equal([true]);
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'back-button')!.click();
    await until(() => part(el, 'summary'), 'the overview');
    await settled(el);
    // That was all it lacked: the partner is Gold now (issue 23: issuing a certificate re-evaluates the tier).
    await until(() => text(part(el, 'summary')).startsWith('Tier: Gold'), 'the partner moved up to Gold');
    expect(text(part(el, 'summary'))).to.contain('4 of 4 people certified');
    expect(parts(el, 'certificate-item').map(text).some((line) => line.startsWith('Technical Implementation, expires in'))).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(course(el, TECHNICAL).querySelector('h4'));
  });

  it('failing: the score and attempts left, the answers kept; the last failure leaves no attempt', async () => {
    const el = await inThePlayer();
    await doModules(el);
    await until(() => part(el, 'assessment'), 'the assessment');
    await answer(el, WRONG);
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await until(() => text(part(el, 'result')).startsWith('Not passed'), 'the first result');
    expect(text(part(el, 'result'))).to.equal('Not passed: 0% (0 of 5 correct; pass mark 80%).');
    expect(text(part(el, 'attempts-left'))).to.equal('1 attempt left.');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#c-q1-q1_b')!.checked).to.equal(true);
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await until(() => part(el, 'exhausted'), 'no attempts left');
    expect(text(part(el, 'exhausted'))).to.equal('No attempts left. Ask your partner manager to reopen the course.');
    expect(text(part(el, 'attempts-left'))).to.equal('0 attempts left.');
    expect(part(el, 'assessment')).to.equal(null);
    expect(part(el, 'certificate')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a submit that fails or whose answer is lost keeps the answers, and the retry uses one attempt', async () => {
    const el = await inThePlayer({
      faults: [
        { mode: 'error', status: 503, match: /\/attempts$/, times: 1 },
        { mode: 'offline', lost: 'answer', match: /\/attempts$/, times: 1 },
      ],
    });
    await doModules(el);
    await until(() => part(el, 'assessment'), 'the assessment');
    await answer(el, TECHNICAL_ANSWERS);
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await until(() => part(el, 'submit-error'), 'the first failure');
    expect(text(part(el, 'submit-error'))).to.match(/^Your answers were not submitted; they are kept here\./);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#c-q3-q3_b')!.checked).to.equal(true);
    await expect(el).to.be.accessible();
    // The backend scores this one, but its answer never arrives.
    const failures: Event[] = [];
    el.addEventListener('pk-error', (e) => failures.push(e));
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await until(() => failures.length === 1 && part(el, 'submit-error') && !part<HTMLButtonElement>(el, 'submit-button')!.disabled, 'the lost answer');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#c-q3-q3_b')!.checked).to.equal(true);
    const results: AttemptResult[] = [];
    el.addEventListener('pk-assessment-submitted', (e) => results.push(e.detail.data.result));
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await until(() => part(el, 'certificate'), 'passed');
    expect(results.map((r) => r.number)).to.deep.equal([1]);
  });

  it('the keyboard alone answers: Tab into a question, arrows move between its radios, Space ticks checkboxes', async () => {
    const el = await inThePlayer();
    await doModules(el);
    await until(() => part(el, 'assessment'), 'the assessment');
    el.shadowRoot!.querySelector<HTMLInputElement>('#c-q1-q1_b')!.focus();
    await sendKeys({ press: 'ArrowUp' });
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#c-q1-q1_a')!.checked).to.equal(true);
    el.shadowRoot!.querySelector<HTMLInputElement>('#c-q3-q3_a')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(['q3_a', 'q3_b'].map((c) => el.shadowRoot!.querySelector<HTMLInputElement>(`#c-q3-${c}`)!.checked)).to.deep.equal([true, true]);
  });

  it('a module URL that is not http(s) is never opened: refused by the client\'s schema, and by the widget\'s own check', async () => {
    const el = await inThePlayer({ faults: [rewriteJson(/\/resources\/[^/]+\/open$/, () => ({ url: 'javascript:alert(1)' }))] });
    part<HTMLButtonElement>(el, 'open-button')!.click();
    await until(() => text(part(el, 'notice')) !== '', 'the notice');
    expect(text(part(el, 'notice'))).to.match(/^The module could not be opened\./);
    // A client that lets it through (another version, a host's own): the widget still refuses it.
    const client = el.client!;
    el.client = { ...client, trainingReads: { ...trainingReads(client), openResource: async () => ({ url: 'JavaScript:alert(1)' }) } } as BaseClient;
    await el.updateComplete;
    await until(() => part(el, 'open-button'), 'the player again');
    part<HTMLButtonElement>(el, 'open-button')!.click();
    await until(() => text(part(el, 'notice')) === 'This module links to an address that cannot be opened safely.', 'refused by the widget');
    expect(opened).to.deep.equal([]);
    expect(el.shadowRoot!.innerHTML).not.to.match(/javascript:/i);
  });

  it("another partner's training is out of reach: an error, none of its people shown", async () => {
    const { client, backend } = trainingClient({ partnerId: TRAINING_PARTNERS.oneShortVi });
    const el = await trainingElement(client, { 'partner-id': TRAINING_PARTNERS.registeredVi });
    expect(part(el, 'error')).not.to.equal(null);
    const { client: manager } = trainingClient({ role: 'manager', backend });
    const theirs = await trainingElement(manager, { 'partner-id': TRAINING_PARTNERS.registeredVi });
    const names = parts(theirs, 'person').map((p) => text(p.querySelector('h4')));
    expect(names.length).to.be.greaterThan(0);
    for (const name of names) expect(text(el.shadowRoot!.querySelector('section'))).not.to.contain(name);
  });

  it('BLNS course titles, descriptions and names stay text', async () => {
    const strings = (await naughtyStrings()).filter((s) => s.trim() !== '' && s.length < 200);
    let n = 0;
    const next = () => strings[n++ % strings.length]!;
    const { client } = trainingClient({
      partnerId: TRAINING_PARTNERS.oneShortVi,
      faults: [
        rewriteJson(/\/courses(\?|$)/, (body) => ({ ...body, data: (body.data as Record<string, unknown>[]).map((c) => ({ ...c, title: next(), description: next(), translations: {} })) })),
        rewriteJson(/\/people(\?|$)/, (body) => ({ ...body, data: (body.data as Record<string, unknown>[]).map((p) => ({ ...p, name: next() })) })),
      ],
    });
    const el = await trainingElement(client);
    expect(parts(el, 'course').length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelectorAll('script, img, iframe, svg, marquee, [onerror], [onload]').length).to.equal(0);
  });
});

describe('<partner-training> for vendor staff', () => {
  it('one partner at a glance: what is expiring, the catalogue and people, nothing to enrol or take', async () => {
    const { client } = trainingClient({ role: 'manager' });
    const el = await trainingElement(client, { 'partner-id': TRAINING_PARTNERS.expiringEn });
    expect(text(part(el, 'summary'))).to.match(/^Tier: Platinum \d+ of \d+ people certified$/);
    expect(text(el.shadowRoot!.querySelector('#missing-title'))).to.equal('There is no tier above this one.');
    const warnings = parts(el, 'warning').map(text);
    expect(warnings.length).to.be.greaterThan(0);
    for (const w of warnings) expect(w).to.match(/^\d+ .+ certifications? expires? before [A-Z][a-z]+ \d{1,2}, \d{4}; Platinum needs \d+\.$/);
    expect(parts(el, 'certificate-soon').length).to.be.greaterThan(0);
    expect(parts(el, 'enrol-form')).to.deep.equal([]);
    expect(parts(el, 'continue-button')).to.deep.equal([]);
    expect(text(el.shadowRoot!.querySelector('.catalogue'))).to.contain("Only the partner's own users enrol people and take courses.");
    await expect(el).to.be.accessible();
  });

  it("what the partner lacks for its next tier, and only the courses its type may take", async () => {
    const { client } = trainingClient({ role: 'manager' });
    const el = await trainingElement(client, { 'partner-id': TRAINING_PARTNERS.silverEn, lang: 'vi' });
    await until(() => parts(el, 'missing-item').length === 2, 'two missing');
    expect(parts(el, 'course').map((c) => c.dataset.course)).not.to.include('course_cloud_security_external');
    expect(parts(el, 'course-needed').map((c) => c.dataset.course).sort()).to.deep.equal(['course_sales_fundamentals', TECHNICAL]);
    await expect(el).to.be.accessible();
  });
});
