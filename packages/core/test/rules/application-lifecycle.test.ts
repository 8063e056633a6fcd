import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  APPLICATION_TRANSITIONS,
  allowedApplicationTransitions,
  applicationEventType,
  checkApplicationTransition,
  EVALUATION_STAGES,
  FINAL_APPLICATION_STATUSES,
  heldFromStage,
  isFinalApplicationStatus,
  isOpenApplicationStatus,
  OPEN_APPLICATION_STATUSES,
} from '@partnerkit/core/rules';
import { APPLICATION_STATUSES, type ApplicationStatus, EVENT_TYPES, ROLES } from '@partnerkit/core/schemas';

/**
 * The lifecycle written out from the issue, independently of the table: `from>to` -> reason
 * required? Every move is made by a manager or an admin.
 */
const EXPECTED: Record<string, boolean> = {
  'submitted>screening': false,
  'screening>interview': false,
  'interview>due_diligence': false,
  'due_diligence>approved': false,
  ...Object.fromEntries(
    ['submitted', 'screening', 'interview', 'due_diligence'].flatMap((from) => [
      [`${from}>on_hold`, true],
      [`${from}>declined`, true],
      [`${from}>withdrawn`, true],
      [`on_hold>${from}`, false],
    ]),
  ),
  'on_hold>declined': true,
  'on_hold>withdrawn': true,
};

describe('the application lifecycle table', () => {
  test('matches the agreed lifecycle exactly, every move a vendor\'s', () => {
    const actual = Object.fromEntries(APPLICATION_TRANSITIONS.map((t) => [`${t.from}>${t.to}`, t.reason === 'required']));
    assert.deepEqual(actual, EXPECTED);
    for (const t of APPLICATION_TRANSITIONS) assert.deepEqual([...t.roles].sort(), ['admin', 'manager']);
  });

  test('is frozen', () => {
    assert.ok(Object.isFrozen(APPLICATION_TRANSITIONS));
    assert.ok(APPLICATION_TRANSITIONS.every((t) => Object.isFrozen(t) && Object.isFrozen(t.roles)));
  });

  test('final stages have no way out; every open stage can be declined and withdrawn', () => {
    for (const status of FINAL_APPLICATION_STATUSES) assert.equal(APPLICATION_TRANSITIONS.filter((t) => t.from === status).length, 0, status);
    for (const status of OPEN_APPLICATION_STATUSES) {
      assert.ok(EXPECTED[`${status}>declined`] !== undefined && EXPECTED[`${status}>withdrawn`] !== undefined, status);
    }
    assert.deepEqual([...OPEN_APPLICATION_STATUSES, ...FINAL_APPLICATION_STATUSES].sort(), [...APPLICATION_STATUSES].sort());
  });

  test('approval is reached only through due diligence', () => {
    assert.deepEqual(APPLICATION_TRANSITIONS.filter((t) => t.to === 'approved').map((t) => t.from), ['due_diligence']);
  });

  test('every stage x stage x role: allowed, forbidden or invalid, as the table says', () => {
    for (const from of APPLICATION_STATUSES) {
      for (const to of APPLICATION_STATUSES) {
        for (const role of ROLES) {
          const label = `${role}: ${from} -> ${to}`;
          const rule = EXPECTED[`${from}>${to}`];
          const withReason = checkApplicationTransition({ from, to, role, reason: 'we talked' });
          const withoutReason = checkApplicationTransition({ from, to, role, reason: '   ' });
          if (rule === undefined) {
            assert.equal(!withReason.ok && withReason.code, 'invalid_transition', label);
            continue;
          }
          if (role === 'partner') {
            assert.equal(!withReason.ok && withReason.code, 'forbidden', label);
            continue;
          }
          assert.deepEqual(withReason, { ok: true }, label);
          if (rule) assert.equal(!withoutReason.ok && withoutReason.code, 'reason_required', label);
          else assert.deepEqual(withoutReason, { ok: true }, label);
        }
      }
    }
  });

  test('an application on hold resumes only where it was held', () => {
    assert.deepEqual(checkApplicationTransition({ from: 'on_hold', to: 'interview', role: 'manager', heldFrom: 'interview' }), { ok: true });
    const elsewhere = checkApplicationTransition({ from: 'on_hold', to: 'due_diligence', role: 'manager', heldFrom: 'interview' });
    assert.equal(!elsewhere.ok && elsewhere.code, 'invalid_transition');
    assert.match(!elsewhere.ok ? elsewhere.message : '', /resumes where it was held: interview/);
    assert.deepEqual(allowedApplicationTransitions('on_hold', 'manager', 'interview'), ['interview', 'declined', 'withdrawn']);
    // Without knowing where it was held, every resume the table has is offered.
    assert.deepEqual(allowedApplicationTransitions('on_hold', 'admin'), ['submitted', 'screening', 'interview', 'due_diligence', 'declined', 'withdrawn']);
    assert.deepEqual(allowedApplicationTransitions('screening', 'partner'), []);
  });

  test('heldFromStage reads the last move into on_hold', () => {
    const at = '2026-01-01T00:00:00.000Z';
    assert.equal(heldFromStage([]), null);
    const moves: [ApplicationStatus | null, ApplicationStatus][] = [
      [null, 'submitted'],
      ['submitted', 'on_hold'],
      ['on_hold', 'submitted'],
      ['submitted', 'screening'],
      ['screening', 'on_hold'],
    ];
    assert.equal(heldFromStage(moves.map(([from, to]) => ({ at, from, to }))), 'screening');
  });

  test('refusals explain themselves', () => {
    const final = checkApplicationTransition({ from: 'approved', to: 'screening', role: 'admin' });
    assert.match(!final.ok ? final.message : '', /approved is final/);
    const skip = checkApplicationTransition({ from: 'submitted', to: 'approved', role: 'manager' });
    assert.match(!skip.ok ? skip.message : '', /from submitted it can move to screening, on hold, declined, withdrawn/);
  });

  test('any random walk along allowed moves ends in a final stage or stays open, and never leaves a final one', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (choices) => {
        let status: ApplicationStatus = 'submitted';
        let heldFrom: ApplicationStatus | null = null;
        for (const choice of choices) {
          const options = allowedApplicationTransitions(status, 'manager', heldFrom);
          if (options.length === 0) {
            assert.ok(isFinalApplicationStatus(status));
            return;
          }
          const to = options[choice % options.length] as ApplicationStatus;
          assert.deepEqual(checkApplicationTransition({ from: status, to, role: 'manager', reason: 'r', heldFrom }), { ok: true });
          if (to === 'on_hold') heldFrom = status;
          status = to;
          assert.equal(isOpenApplicationStatus(status), !isFinalApplicationStatus(status));
        }
      }),
    );
  });

  test('each stage has its event type, in EVENT_TYPES', () => {
    for (const status of APPLICATION_STATUSES) {
      const type = applicationEventType(status);
      assert.equal(type, `application.${status}`);
      assert.ok((EVENT_TYPES as readonly string[]).includes(type), type);
    }
  });

  test('reviewers score in screening, interview and due diligence', () => {
    assert.deepEqual([...EVALUATION_STAGES], ['screening', 'interview', 'due_diligence']);
  });
});
