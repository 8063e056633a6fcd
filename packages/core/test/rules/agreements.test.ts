import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  acceptanceExpiry,
  addMonthsUtc,
  AGREEMENT_WARNING_DAYS,
  agreementAppliesTo,
  agreementContentHash,
  agreementsBlocking,
  agreementStanding,
  canonicalJson,
  contentHash,
  isAcceptableVersion,
  nextRenewal,
  nextVersion,
  versionInEffect,
  type AgreementRules,
} from '@partnerkit/core/rules';
import { AGREEMENT_GATES, type AgreementGate, type AgreementTerm } from '@partnerkit/core/schemas';

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

const yearly: AgreementRules = { status: 'active', term: { kind: 'renews_yearly' }, gates: ['deal_registration'] };
const twelveMonths: AgreementRules = { status: 'active', term: { kind: 'expires', months: 12 }, gates: ['deal_registration', 'resources'] };

const v = (id: string, effectiveAt: string, createdAt = '2026-01-01T00:00:00.000Z') => ({ id, effectiveAt, createdAt });
const accepted = (versionId: string, acceptedAt: string, term: AgreementTerm = { kind: 'renews_yearly' }) => ({
  versionId,
  acceptedAt,
  expiresAt: acceptanceExpiry(term, at(acceptedAt))?.toISOString() ?? null,
});

const V1 = v('v1', '2026-01-01T00:00:00.000Z');
const V2 = v('v2', '2026-06-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z');

describe('which agreements apply to a partner', () => {
  test('by type and by tier; an empty list means everyone', () => {
    const p = { type: 'reseller' as const, tierId: 'gold' };
    assert.equal(agreementAppliesTo({ partnerTypes: [], tierIds: [] }, p), true);
    assert.equal(agreementAppliesTo({ partnerTypes: ['reseller'], tierIds: [] }, p), true);
    assert.equal(agreementAppliesTo({ partnerTypes: ['distributor'], tierIds: [] }, p), false);
    assert.equal(agreementAppliesTo({ partnerTypes: [], tierIds: ['gold', 'silver'] }, p), true);
    assert.equal(agreementAppliesTo({ partnerTypes: [], tierIds: ['silver'] }, p), false);
    assert.equal(agreementAppliesTo({ partnerTypes: ['reseller'], tierIds: ['silver'] }, p), false);
  });

  test('a partner without a tier matches only agreements that name no tier', () => {
    const p = { type: 'agent' as const, tierId: null };
    assert.equal(agreementAppliesTo({ partnerTypes: [], tierIds: [] }, p), true);
    assert.equal(agreementAppliesTo({ partnerTypes: [], tierIds: ['gold'] }, p), false);
  });
});

describe('versions in effect', () => {
  test('the last to have taken effect is in effect; the soonest still to come is next', () => {
    const V3 = v('v3', '2026-09-01T00:00:00.000Z');
    const all = [V3, V2, V1];
    assert.equal(versionInEffect(all, at('2025-12-31T23:59:59.999Z')), undefined);
    assert.equal(versionInEffect(all, at('2026-01-01T00:00:00.000Z'))?.id, 'v1');
    assert.equal(versionInEffect(all, at('2026-07-01T00:00:00.000Z'))?.id, 'v2');
    assert.equal(nextVersion(all, at('2026-02-01T00:00:00.000Z'))?.id, 'v2');
    assert.equal(nextVersion(all, at('2026-10-01T00:00:00.000Z')), undefined);
  });

  test('two versions effective at the same moment: the one published later wins', () => {
    const a = v('a', '2026-03-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');
    const b = v('b', '2026-03-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z');
    assert.equal(versionInEffect([b, a], at('2026-03-02T00:00:00.000Z'))?.id, 'b');
  });

  test('the version in effect and later ones may be accepted; a superseded one may not', () => {
    const V3 = v('v3', '2026-09-01T00:00:00.000Z');
    const now = at('2026-07-01T00:00:00.000Z');
    assert.equal(isAcceptableVersion([V1, V2, V3], 'v1', now), false);
    assert.equal(isAcceptableVersion([V1, V2, V3], 'v2', now), true);
    assert.equal(isAcceptableVersion([V1, V2, V3], 'v3', now), true);
    assert.equal(isAcceptableVersion([V1, V2, V3], 'nope', now), false);
    assert.equal(isAcceptableVersion([V3], 'v3', now), true);
  });
});

describe('terms', () => {
  test('months are calendar months in UTC; a missing day becomes the month\'s last', () => {
    assert.equal(addMonthsUtc(at('2026-01-31T10:20:30.400Z'), 1).toISOString(), '2026-02-28T10:20:30.400Z');
    assert.equal(addMonthsUtc(at('2028-01-31T00:00:00.000Z'), 1).toISOString(), '2028-02-29T00:00:00.000Z');
    assert.equal(addMonthsUtc(at('2026-03-15T00:00:00.000Z'), 12).toISOString(), '2027-03-15T00:00:00.000Z');
    assert.equal(addMonthsUtc(at('2026-11-30T00:00:00.000Z'), 3).toISOString(), '2027-02-28T00:00:00.000Z');
  });

  test('an expiring term ends its months after acceptance; a yearly one never ends', () => {
    assert.equal(acceptanceExpiry({ kind: 'expires', months: 12 }, at('2026-02-10T08:00:00.000Z'))?.toISOString(), '2027-02-10T08:00:00.000Z');
    assert.equal(acceptanceExpiry({ kind: 'renews_yearly' }, at('2026-02-10T08:00:00.000Z')), null);
  });

  test('yearly renewals fall on the anniversary after now', () => {
    assert.equal(nextRenewal(at('2026-02-10T08:00:00.000Z'), at('2026-02-10T09:00:00.000Z')).toISOString(), '2027-02-10T08:00:00.000Z');
    assert.equal(nextRenewal(at('2026-02-10T08:00:00.000Z'), at('2029-02-10T07:00:00.000Z')).toISOString(), '2029-02-10T08:00:00.000Z');
    assert.equal(nextRenewal(at('2026-02-10T08:00:00.000Z'), at('2029-02-10T08:00:00.000Z')).toISOString(), '2030-02-10T08:00:00.000Z');
    assert.equal(nextRenewal(at('2028-02-29T00:00:00.000Z'), at('2028-06-01T00:00:00.000Z')).toISOString(), '2029-02-28T00:00:00.000Z');
    assert.equal(nextRenewal(at('2028-02-29T00:00:00.000Z'), at('2031-06-01T00:00:00.000Z')).toISOString(), '2032-02-29T00:00:00.000Z');
  });
});

describe('where a partner stands', () => {
  const standing = (agreement: AgreementRules, versions: ReturnType<typeof v>[], acceptances: ReturnType<typeof accepted>[], now: string) =>
    agreementStanding({ agreement, versions, acceptances, now: at(now) });

  test('never accepted: to accept from the effective date, every gate closed', () => {
    const s = standing(yearly, [V1], [], '2026-02-01T00:00:00.000Z');
    assert.equal(s?.status, 'to_accept');
    assert.equal(s?.version.id, 'v1');
    assert.equal(s?.dueAt?.toISOString(), V1.effectiveAt);
    assert.deepEqual(s?.blocks, ['deal_registration']);
    assert.equal(s?.acceptance, null);
  });

  test('accepted: gates open, and a yearly agreement says when it renews', () => {
    const s = standing(yearly, [V1], [accepted('v1', '2026-01-05T00:00:00.000Z')], '2026-02-01T00:00:00.000Z');
    assert.equal(s?.status, 'accepted');
    assert.deepEqual(s?.blocks, []);
    assert.equal(s?.dueAt, null);
    assert.equal(s?.renewsAt?.toISOString(), '2027-01-05T00:00:00.000Z');
  });

  test('a new version asks again from its effective date, and warns 30 days before', () => {
    const acceptances = [accepted('v1', '2026-01-05T00:00:00.000Z')];
    const early = standing(yearly, [V1, V2], acceptances, '2026-04-15T00:00:00.000Z');
    assert.equal(early?.status, 'accepted', 'more than 30 days before');
    assert.equal(early?.version.id, 'v1');
    const warned = standing(yearly, [V1, V2], acceptances, '2026-05-02T00:00:00.000Z');
    assert.equal(warned?.status, 'expiring');
    assert.equal(warned?.version.id, 'v2', 'the version to accept next');
    assert.equal(warned?.dueAt?.toISOString(), V2.effectiveAt);
    assert.deepEqual(warned?.blocks, []);
    const due = standing(yearly, [V1, V2], acceptances, V2.effectiveAt);
    assert.equal(due?.status, 'to_accept');
    assert.equal(due?.version.id, 'v2');
    assert.deepEqual(due?.blocks, ['deal_registration']);
    assert.equal(due?.acceptance?.versionId, 'v1', 'what was accepted before stays visible');
  });

  test('accepting the next version early removes the warning', () => {
    const acceptances = [accepted('v1', '2026-01-05T00:00:00.000Z'), accepted('v2', '2026-05-03T00:00:00.000Z')];
    assert.equal(standing(yearly, [V1, V2], acceptances, '2026-05-10T00:00:00.000Z')?.status, 'accepted');
    const after = standing(yearly, [V1, V2], acceptances, '2026-06-10T00:00:00.000Z');
    assert.equal(after?.status, 'accepted');
    assert.equal(after?.version.id, 'v2');
  });

  test('an expiring term warns 30 days before its end, then expires and closes the gates until accepted again', () => {
    const first = accepted('v1', '2026-01-10T00:00:00.000Z', twelveMonths.term);
    assert.equal(standing(twelveMonths, [V1], [first], '2026-12-10T00:00:00.000Z')?.status, 'accepted');
    const expiring = standing(twelveMonths, [V1], [first], '2026-12-12T00:00:00.000Z');
    assert.equal(expiring?.status, 'expiring');
    assert.equal(expiring?.version.id, 'v1');
    assert.equal(expiring?.dueAt?.toISOString(), '2027-01-10T00:00:00.000Z');
    const expired = standing(twelveMonths, [V1], [first], '2027-01-10T00:00:00.000Z');
    assert.equal(expired?.status, 'expired');
    assert.deepEqual(expired?.blocks, ['deal_registration', 'resources']);
    const renewed = standing(twelveMonths, [V1], [first, accepted('v1', '2027-01-11T00:00:00.000Z', twelveMonths.term)], '2027-01-12T00:00:00.000Z');
    assert.equal(renewed?.status, 'accepted');
    assert.equal(renewed?.renewsAt, null);
  });

  test('before the first version takes effect: to accept by that date, nothing closed yet; accepted early counts', () => {
    const future = v('f1', '2026-09-01T00:00:00.000Z');
    const s = standing(yearly, [future], [], '2026-08-01T00:00:00.000Z');
    assert.equal(s?.status, 'to_accept');
    assert.deepEqual(s?.blocks, []);
    assert.equal(s?.dueAt?.toISOString(), future.effectiveAt);
    assert.equal(standing(yearly, [future], [accepted('f1', '2026-08-02T00:00:00.000Z')], '2026-08-03T00:00:00.000Z')?.status, 'accepted');
  });

  test('a retired agreement, or one without versions, asks nothing', () => {
    assert.equal(standing({ ...yearly, status: 'retired' }, [V1], [], '2026-02-01T00:00:00.000Z'), null);
    assert.equal(standing(yearly, [], [], '2026-02-01T00:00:00.000Z'), null);
  });

  test('an agreement that gates nothing is still asked for, but closes nothing', () => {
    const s = standing({ ...yearly, gates: [] }, [V1], [], '2026-02-01T00:00:00.000Z');
    assert.equal(s?.status, 'to_accept');
    assert.deepEqual(s?.blocks, []);
  });

  test('agreementsBlocking picks the standings that close a gate', () => {
    const closed = { blocks: ['deal_registration'] as AgreementGate[] };
    const open = { blocks: [] as AgreementGate[] };
    assert.deepEqual(agreementsBlocking([closed, open], 'deal_registration'), [closed]);
    assert.deepEqual(agreementsBlocking([closed, open], 'resources'), []);
  });
});

describe('standing: properties', () => {
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  const instant = fc.integer({ min: 0, max: 3 * 365 }).map((days) => new Date(base + days * DAY));
  const term: fc.Arbitrary<AgreementTerm> = fc.oneof(fc.constant({ kind: 'renews_yearly' as const }), fc.integer({ min: 1, max: 24 }).map((months) => ({ kind: 'expires' as const, months })));
  const rules: fc.Arbitrary<AgreementRules> = fc.record({
    status: fc.constant('active' as const),
    term,
    gates: fc.subarray([...AGREEMENT_GATES]),
  });
  const versions = fc.uniqueArray(instant, { minLength: 1, maxLength: 4, selector: (d) => d.getTime() }).map((dates) => dates.map((d, i) => v(`v${i}`, d.toISOString())));
  const scenario = fc
    .tuple(rules, versions, instant, fc.array(fc.tuple(fc.nat(), instant), { maxLength: 4 }))
    .map(([agreement, vs, now, picks]) => ({
      agreement,
      versions: vs,
      now,
      acceptances: picks
        .map(([i, when]) => ({ version: vs[i % vs.length]!, when }))
        .filter(({ version, when }) => when.getTime() >= Date.parse(version.createdAt) && when.getTime() <= now.getTime())
        .map(({ version, when }) => accepted(version.id, when.toISOString(), agreement.term)),
    }));

  test('gates are closed exactly when the version in effect is not accepted or its term ran out', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = agreementStanding(s);
        assert.ok(result);
        for (const gate of result.blocks) assert.ok(s.agreement.gates.includes(gate));
        const closed = result.blocks.length > 0;
        if (result.status === 'accepted' || result.status === 'expiring') assert.equal(closed, false);
        if (closed) assert.ok(result.status === 'to_accept' || result.status === 'expired');
        const inEffect = versionInEffect(s.versions, s.now);
        if ((result.status === 'to_accept' || result.status === 'expired') && inEffect && s.agreement.gates.length > 0) assert.equal(closed, true);
      }),
      { numRuns: 400 },
    );
  });

  test('accepting the version a standing names, now, opens every gate and leaves it accepted or expiring', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const before = agreementStanding(s);
        assert.ok(before);
        const acceptances = [...s.acceptances, accepted(before.version.id, s.now.toISOString(), s.agreement.term)];
        const after = agreementStanding({ ...s, acceptances });
        assert.ok(after);
        assert.deepEqual(after.blocks, []);
        assert.ok(after.status === 'accepted' || after.status === 'expiring', after.status);
      }),
      { numRuns: 400 },
    );
  });

  test('expiring always means the end is at most 30 days away, and never later than due', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = agreementStanding(s);
        if (result?.status !== 'expiring') return;
        assert.ok(result.dueAt);
        const left = result.dueAt.getTime() - s.now.getTime();
        assert.ok(left > 0 && left <= AGREEMENT_WARNING_DAYS * DAY, `${left / DAY} days`);
      }),
      { numRuns: 400 },
    );
  });
});

describe('content hashes', () => {
  test('canonical JSON sorts keys at every depth and drops undefined members', () => {
    assert.equal(canonicalJson({ b: 1, a: [{ d: true, c: null }, 'x'], e: undefined }), '{"a":[{"c":null,"d":true},"x"],"b":1}');
    assert.equal(canonicalJson('é"\n\u2028'), JSON.stringify('é"\n\u2028'));
    assert.equal(canonicalJson({ '\u00e9': 1, e: 2, Z: 3 }), '{"Z":3,"e":2,"é":1}');
    assert.throws(() => canonicalJson({ n: Number.NaN }), TypeError);
    assert.throws(() => canonicalJson({ f: () => 1 }), TypeError);
  });

  test('the hash is SHA-256 of the canonical JSON in UTF-8, whatever the key order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const expected = `sha256:${createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')}`;
        assert.equal(await contentHash(value), expected);
        const reversed = JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
          v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).reverse()) : v,
        ) as unknown;
        assert.equal(await contentHash(reversed), expected);
      }),
      { numRuns: 100 },
    );
  });

  test('a version\'s hash covers its name, its text and every translation', async () => {
    const body = { blocks: [{ type: 'paragraph' as const, spans: [{ text: 'Terms.' }] }] };
    const base = await agreementContentHash({ version: '1.0', body });
    assert.match(base, /^sha256:[0-9a-f]{64}$/);
    assert.equal(await agreementContentHash({ version: '1.0', body, translations: {} }), base);
    assert.notEqual(await agreementContentHash({ version: '1.1', body }), base);
    assert.notEqual(await agreementContentHash({ version: '1.0', body: { blocks: [{ type: 'paragraph', spans: [{ text: 'Terms!' }] }] } }), base);
    assert.notEqual(await agreementContentHash({ version: '1.0', body: { blocks: [{ type: 'paragraph', spans: [{ text: 'Terms.', bold: true }] }] } }), base);
    assert.notEqual(await agreementContentHash({ version: '1.0', body, translations: { vi: { body: { blocks: [{ type: 'paragraph', spans: [{ text: 'Điều khoản.' }] }] } } } }), base);
  });
});
