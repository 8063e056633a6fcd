import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  ACTIVE_DEAL_STATUSES,
  allowedTransitions,
  checkTransition,
  isExtension,
  DEAL_TRANSITIONS,
  type DealActor,
  isActiveDealStatus,
  isPastProtection,
  isProtectionActive,
  isTerminalDealStatus,
  MAX_PROTECTION_EXTENSIONS,
  protectionEnd,
  TERMINAL_DEAL_STATUSES,
  transitionEventType,
} from '@partnerkit/core/rules';
import { DEAL_STATUSES, EVENT_TYPES, type DealStatus } from '@partnerkit/core/schemas';

const ACTORS: readonly DealActor[] = ['partner', 'manager', 'admin', 'system'];

/**
 * The lifecycle written out independently of the implementation, straight from the agreed
 * table: `from>to` -> [roles, reason required?].
 */
const EXPECTED: Record<string, [DealActor[], boolean]> = {
  'draft>submitted': [['partner', 'manager', 'admin'], false],
  'draft>withdrawn': [['partner'], true],
  'submitted>under_review': [['manager', 'admin'], false],
  'submitted>needs_info': [['manager', 'admin'], true],
  'submitted>approved': [['manager', 'admin'], false],
  'submitted>rejected': [['manager', 'admin'], true],
  'submitted>withdrawn': [['partner'], true],
  'under_review>needs_info': [['manager', 'admin'], true],
  'under_review>approved': [['manager', 'admin'], false],
  'under_review>rejected': [['manager', 'admin'], true],
  'under_review>withdrawn': [['partner'], true],
  'needs_info>submitted': [['partner'], false],
  'needs_info>approved': [['manager', 'admin'], false],
  'needs_info>rejected': [['manager', 'admin'], true],
  'needs_info>withdrawn': [['partner'], true],
  'approved>approved': [['manager', 'admin'], false],
  'approved>won': [['partner', 'manager', 'admin'], false],
  'approved>lost': [['partner', 'manager', 'admin'], false],
  'approved>expired': [['system'], false],
};

describe('the transition table', () => {
  test('matches the agreed lifecycle exactly', () => {
    const actual = Object.fromEntries(DEAL_TRANSITIONS.map((t) => [`${t.from}>${t.to}`, [[...t.roles].sort(), t.reason === 'required']]));
    const expected = Object.fromEntries(Object.entries(EXPECTED).map(([k, [roles, reason]]) => [k, [[...roles].sort(), reason]]));
    assert.deepEqual(actual, expected);
  });

  test('is frozen', () => {
    assert.ok(Object.isFrozen(DEAL_TRANSITIONS));
    assert.ok(DEAL_TRANSITIONS.every((t) => Object.isFrozen(t) && Object.isFrozen(t.roles)));
  });

  test('every status x status x actor: allowed, forbidden or invalid, as the table says', () => {
    let checked = 0;
    for (const from of DEAL_STATUSES) {
      for (const to of DEAL_STATUSES) {
        for (const role of ACTORS) {
          checked += 1;
          const rule = EXPECTED[`${from}>${to}`];
          // The request that means the move: an extension says so.
          const extend = isExtension(from, to);
          const withReason = checkTransition({ from, to, role, reason: 'customer asked', extensions: 0, extend });
          const withoutReason = checkTransition({ from, to, role, extensions: 0, extend });
          const label = `${role}: ${from} -> ${to}`;
          if (!rule) {
            assert.equal(withReason.ok, false, label);
            assert.equal(!withReason.ok && withReason.code, 'invalid_transition', label);
            assert.equal(allowedTransitions(from, role).includes(to), false, label);
            continue;
          }
          const [roles, reasonRequired] = rule;
          if (!roles.includes(role)) {
            assert.equal(!withReason.ok && withReason.code, 'forbidden', label);
            assert.equal(!withoutReason.ok && withoutReason.code, 'forbidden', label);
            assert.equal(allowedTransitions(from, role).includes(to), false, label);
            continue;
          }
          assert.deepEqual(withReason, { ok: true }, label);
          assert.ok(allowedTransitions(from, role).includes(to), label);
          if (reasonRequired) assert.equal(!withoutReason.ok && withoutReason.code, 'reason_required', label);
          else assert.deepEqual(withoutReason, { ok: true }, label);
        }
      }
    }
    assert.equal(checked, 10 * 10 * 4);
  });

  test('terminal statuses lead nowhere, for anyone', () => {
    for (const from of TERMINAL_DEAL_STATUSES) {
      for (const role of ACTORS) assert.deepEqual(allowedTransitions(from, role), [], `${role} from ${from}`);
      const refusal = checkTransition({ from, to: 'approved', role: 'admin' });
      assert.ok(!refusal.ok && refusal.message.includes('final'));
    }
  });

  test('allowedTransitions per role from each open status', () => {
    assert.deepEqual(allowedTransitions('draft', 'partner'), ['submitted', 'withdrawn']);
    assert.deepEqual(allowedTransitions('submitted', 'partner'), ['withdrawn']);
    assert.deepEqual(allowedTransitions('submitted', 'manager'), ['under_review', 'needs_info', 'approved', 'rejected']);
    assert.deepEqual(allowedTransitions('needs_info', 'partner'), ['submitted', 'withdrawn']);
    assert.deepEqual(allowedTransitions('approved', 'partner'), ['won', 'lost']);
    assert.deepEqual(allowedTransitions('approved', 'admin'), ['approved', 'won', 'lost']);
    assert.deepEqual(allowedTransitions('approved', 'system'), ['expired']);
    assert.deepEqual(allowedTransitions('under_review', 'system'), []);
  });
});

describe('checkTransition details', () => {
  test('a blank reason is no reason', () => {
    for (const reason of ['', '   ', '\n\t', null]) {
      const result = checkTransition({ from: 'submitted', to: 'rejected', role: 'manager', reason });
      assert.equal(!result.ok && result.code, 'reason_required', JSON.stringify(reason));
    }
  });

  test('protection is extended at most once', () => {
    assert.equal(MAX_PROTECTION_EXTENSIONS, 1);
    assert.deepEqual(checkTransition({ from: 'approved', to: 'approved', role: 'manager', extensions: 0, extend: true }), { ok: true });
    assert.deepEqual(checkTransition({ from: 'approved', to: 'approved', role: 'admin', extend: true }), { ok: true });
    const second = checkTransition({ from: 'approved', to: 'approved', role: 'manager', extensions: 1, extend: true });
    assert.equal(!second.ok && second.code, 'extension_limit');
    const partner = checkTransition({ from: 'approved', to: 'approved', role: 'partner', extensions: 0, extend: true });
    assert.equal(!partner.ok && partner.code, 'forbidden');
  });

  test('an extension is only made when asked for: approving an approved deal again is refused, and extend applies to nothing else', () => {
    assert.ok(isExtension('approved', 'approved'));
    assert.ok(!isExtension('submitted', 'approved'));
    for (const role of ACTORS) {
      for (const extend of [undefined, false]) {
        const again = checkTransition({ from: 'approved', to: 'approved', role, extensions: 0, ...(extend === undefined ? {} : { extend }) });
        assert.equal(!again.ok && again.code, 'invalid_transition', `${role} approving an approved deal (extend ${extend})`);
        assert.ok(!again.ok && again.message.includes('extend: true'));
      }
    }
    for (const from of ['submitted', 'under_review', 'needs_info'] as const) {
      const extended = checkTransition({ from, to: 'approved', role: 'manager', extend: true });
      assert.equal(!extended.ok && extended.code, 'invalid_transition', from);
      assert.deepEqual(checkTransition({ from, to: 'approved', role: 'manager', extend: false }), { ok: true });
    }
    const wonExtended = checkTransition({ from: 'approved', to: 'won', role: 'manager', extend: true });
    assert.equal(!wonExtended.ok && wonExtended.code, 'invalid_transition');
  });

  test('the checks run in order: existence, role, reason', () => {
    const invalid = checkTransition({ from: 'won', to: 'withdrawn', role: 'system' });
    assert.equal(!invalid.ok && invalid.code, 'invalid_transition');
    const forbidden = checkTransition({ from: 'submitted', to: 'rejected', role: 'partner' });
    assert.equal(!forbidden.ok && forbidden.code, 'forbidden');
  });

  test('refusals explain themselves', () => {
    const invalid = checkTransition({ from: 'draft', to: 'approved', role: 'admin' });
    assert.ok(!invalid.ok && invalid.message.includes('draft') && invalid.message.includes('submitted, withdrawn'), !invalid.ok ? invalid.message : '');
    const forbidden = checkTransition({ from: 'approved', to: 'expired', role: 'admin' });
    assert.ok(!forbidden.ok && forbidden.message.includes('only system'));
    const reason = checkTransition({ from: 'draft', to: 'withdrawn', role: 'partner' });
    assert.ok(!reason.ok && reason.message.includes('reason'));
  });

  test('property: a move is allowed exactly when allowedTransitions lists it (given a reason)', () => {
    const status = fc.constantFrom<DealStatus>(...DEAL_STATUSES);
    fc.assert(
      fc.property(status, status, fc.constantFrom(...ACTORS), (from, to, role) => {
        assert.equal(checkTransition({ from, to, role, reason: 'x', extensions: 0, extend: isExtension(from, to) }).ok, allowedTransitions(from, role).includes(to));
      }),
    );
  });
});

describe('status groups and events', () => {
  test('active statuses hold the customer; terminal ones lead nowhere', () => {
    assert.deepEqual([...ACTIVE_DEAL_STATUSES], ['submitted', 'under_review', 'needs_info', 'approved']);
    assert.deepEqual([...TERMINAL_DEAL_STATUSES].sort(), ['expired', 'lost', 'rejected', 'withdrawn', 'won']);
    for (const s of DEAL_STATUSES) {
      assert.equal(isActiveDealStatus(s), ACTIVE_DEAL_STATUSES.includes(s));
      assert.equal(isTerminalDealStatus(s), DEAL_TRANSITIONS.every((t) => t.from !== s), s);
    }
    assert.equal(isActiveDealStatus('draft'), false);
  });

  test('every move emits a known event type', () => {
    for (const t of DEAL_TRANSITIONS) assert.ok((EVENT_TYPES as readonly string[]).includes(transitionEventType(t.from, t.to)), `${t.from}->${t.to}`);
    assert.equal(transitionEventType('approved', 'approved'), 'deal.extended');
    assert.equal(transitionEventType('submitted', 'approved'), 'deal.approved');
    assert.equal(transitionEventType(null, 'draft'), 'deal.drafted');
    assert.equal(transitionEventType(null, 'submitted'), 'deal.submitted');
  });
});

describe('protection windows', () => {
  const approvedAt = new Date('2026-03-28T10:00:00.000Z');

  test('whole UTC days, across a daylight-saving change', () => {
    assert.equal(protectionEnd(approvedAt, 90).toISOString(), '2026-06-26T10:00:00.000Z');
    assert.equal(protectionEnd(approvedAt, 0).toISOString(), approvedAt.toISOString());
    assert.throws(() => protectionEnd(approvedAt, -1), RangeError);
    assert.throws(() => protectionEnd(approvedAt, 1.5), RangeError);
    assert.throws(() => protectionEnd(new Date('nope'), 30), RangeError);
  });

  test('active until expiresAt, then past protection (due to expire)', () => {
    const deal = { status: 'approved' as const, expiresAt: '2026-06-26T10:00:00.000Z' };
    const before = new Date('2026-06-26T09:59:59.999Z');
    const at = new Date('2026-06-26T10:00:00.000Z');
    assert.equal(isProtectionActive(deal, before), true);
    assert.equal(isPastProtection(deal, before), false);
    assert.equal(isProtectionActive(deal, at), false);
    assert.equal(isPastProtection(deal, at), true);
  });

  test('only approved deals are protected or expire', () => {
    const later = new Date('2030-01-01T00:00:00.000Z');
    const earlier = new Date('2020-01-01T00:00:00.000Z');
    for (const status of DEAL_STATUSES.filter((s) => s !== 'approved')) {
      const deal = { status, expiresAt: '2026-06-26T10:00:00.000Z' };
      assert.equal(isProtectionActive(deal, earlier), false, status);
      assert.equal(isPastProtection(deal, later), false, status);
    }
    assert.equal(isProtectionActive({ status: 'approved', expiresAt: null }, earlier), false);
    assert.equal(isPastProtection({ status: 'approved', expiresAt: null }, later), false);
  });

  test('property: an approved deal is exactly one of protected or past protection', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('2100-01-01') }), fc.integer({ min: 0, max: 365 }), fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('2100-01-01') }), (from, days, now) => {
        const deal = { status: 'approved' as const, expiresAt: protectionEnd(from, days).toISOString() };
        assert.notEqual(isProtectionActive(deal, now), isPastProtection(deal, now));
        assert.equal(protectionEnd(from, days).getTime() - from.getTime(), days * 86_400_000);
      }),
    );
  });
});
