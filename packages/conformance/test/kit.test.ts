/**
 * The kit's own parts, without a backend: the registry, the operation samples, the reporters,
 * the version, and the scorecard comparison.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { computeScorecard } from '@partnerkit/core/rules';
import type { Kpi, Measurement, Tier } from '@partnerkit/core/schemas';
import { AREAS, CHECKS, JSON_FORMAT, KIT_VERSION, renderJson, renderTable, selectChecks, wrap, type RunReport } from '@partnerkit/conformance';
import { speaksVersion } from '../src/areas/openapi.ts';
import { scorecardDifferences } from '../src/areas/scorecards.ts';
import { contractOperations, operationsWithoutSamples, sampleRequest } from '../src/operations.ts';

describe('the registry', () => {
  it('has unique ids named after their area, a title and the contract rule for every check', () => {
    const ids = CHECKS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const check of CHECKS) {
      assert.ok(check.id.startsWith(`${check.area}.`), check.id);
      assert.ok(AREAS.includes(check.area), check.id);
      assert.ok(check.title.length > 10, check.id);
      assert.ok(check.rule.length > 20 && /[.]$/.test(check.rule), `${check.id} carries the rule text`);
    }
    for (const area of AREAS) assert.ok(CHECKS.some((c) => c.area === area), `${area} has checks`);
  });

  it('selects by area and id, runs late and last checks after the rest, and refuses unknown names', () => {
    const auth = selectChecks(CHECKS, ['auth']);
    assert.ok(auth.length > 3 && auth.every((c) => c.area === 'auth'));
    assert.equal(auth.at(-1)?.id, 'auth.expired-token');
    assert.deepEqual(selectChecks(CHECKS, ['deals.precheck', 'openapi']).map((c) => c.id), ['openapi.version', 'openapi.operations', 'deals.precheck']);
    const all = selectChecks(CHECKS);
    assert.equal(all.length, CHECKS.length);
    assert.equal(all.at(-1)?.id, 'validation.whole-run');
    assert.throws(() => selectChecks(CHECKS, ['auth', 'nope']), /no area or check is called "nope"/);
  });
});

describe('the contract operations', () => {
  it('come from core\'s OpenAPI document, with roles, and every body-taking one has a sample body', () => {
    const operations = contractOperations();
    assert.ok(operations.length >= 30);
    assert.ok(operations.some((o) => o.operationId === 'registerDeal' && o.method === 'POST' && o.path === '/v1/deals' && o.roles.includes('partner')));
    assert.deepEqual(operationsWithoutSamples(), []);
    const ids = {
      partnerId: 'p_1', dealId: 'd_1', tierId: 't_1', kpiId: 'k_1', resourceId: 'r_1', agreementId: 'ag_1', versionId: 'av_1', acceptanceId: 'ac_1',
      announcementId: 'an_1', requestId: 'rq_1', messageId: 'm_1', applicationId: 'ap_1', criterionId: 'cr_1', publishableKeyId: 'pk_1',
      period: '2026-H1', objectiveId: 'o_1', activityId: 'a_1', commentId: 'c_1', revision: '1', certificationId: 'cn_1', courseId: 'co_1', personId: 'pp_1',
      enrolmentId: 'en_1', certificateId: 'ce_1', bodyPartnerId: 'p_2', bodyKpiId: 'k_2', label: 'x',
    };
    for (const op of operations) {
      const request = sampleRequest(op, ids);
      assert.ok(!request.path.includes('{'), request.path);
      assert.equal(request.body !== undefined, op.hasBody, op.operationId);
    }
  });
});

describe('docs/conformance.md', () => {
  it('names every area and check', async () => {
    const docs = await readFile(new URL('../../../docs/conformance.md', import.meta.url), 'utf8');
    for (const area of AREAS) assert.ok(docs.includes(`| \`${area}\` |`), `the table has a row for ${area}`);
    for (const check of CHECKS) {
      const name = check.id.slice(check.area.length + 1);
      assert.ok(docs.includes(`\`${check.id}\``) || docs.includes(`\`${name}\``), `docs mention ${check.id}`);
    }
  });
});

describe('versions', () => {
  it('the kit speaks its own contract version and newer minors of the same major', () => {
    assert.equal(speaksVersion('1.0.0', '1.0.0'), true);
    assert.equal(speaksVersion('1.3.0', '1.0.0'), true);
    assert.equal(speaksVersion('1.0.1', '1.0.0'), true);
    assert.equal(speaksVersion('0.9.0', '1.0.0'), false);
    assert.equal(speaksVersion('2.0.0', '1.0.0'), false);
    assert.equal(speaksVersion('1.0', '1.0.0'), false);
  });

  it('KIT_VERSION is the package version', async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; bin: Record<string, string> };
    assert.equal(KIT_VERSION, manifest.version);
    // A committed file, so npm links it in a fresh clone before anything is built.
    assert.equal(manifest.bin['partnerkit-conformance'], './bin/partnerkit-conformance.js');
  });
});

const kpi = (id: string, direction: Kpi['direction'], weight = 1): Kpi => ({
  id,
  name: id,
  description: null,
  unit: 'count',
  direction,
  aggregation: 'sum',
  weight,
  currency: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('scorecardDifferences', () => {
  const kpis = [kpi('revenue', 'higher_is_better', 3), kpi('churn', 'lower_is_better')];
  const tiers: Tier[] = [
    { id: 'silver', rank: 1, name: 'Silver', colour: '#C0C0C0', benefits: [], requirements: [{ kpiId: 'revenue', min: 100 }], dealProtectionDays: 30, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
  ];
  const measurements: Measurement[] = [
    { partnerId: 'p', kpiId: 'revenue', period: '2026-04', value: 80, source: null, recordedAt: '2026-05-01T00:00:00.000Z' },
    { partnerId: 'p', kpiId: 'churn', period: '2026-04', value: 4, source: null, recordedAt: '2026-05-01T00:00:00.000Z' },
  ];
  const card = () =>
    computeScorecard({ partner: { id: 'p', name: 'P', type: 'reseller', tierId: null }, period: '2026-Q2', kpis, tiers, targets: [{ partnerId: 'p', kpiId: 'churn', period: '2026-Q2', value: 5, updatedAt: '2026-01-01T00:00:00.000Z' }], measurements, now: new Date('2026-08-01T00:00:00Z') });

  it('finds nothing between equal cards, even with float noise', () => {
    const served = card();
    served.score = (served.score ?? 0) + 1e-12;
    assert.deepEqual(scorecardDifferences(served, card()), []);
  });

  it('names each field that differs, with both values', () => {
    const served = card();
    const churn = served.rows.find((r) => r.kpi.id === 'churn');
    assert.ok(churn);
    churn.attainment = 5 / 4;
    served.score = 99;
    served.tier.isTop = !served.tier.isTop;
    served.rows.shift();
    const differences = scorecardDifferences(served, card());
    assert.ok(differences.some((d) => /^score is 99; core's rules give [\d.]+$/.test(d)), differences.join('\n'));
    assert.ok(differences.includes('row revenue is missing'), differences.join('\n'));
    assert.ok(differences.some((d) => /^row churn attainment is 1\.25; core's rules give 1\.2$/.test(d)), differences.join('\n'));
    assert.ok(differences.some((d) => d.startsWith('tier.isTop')), differences.join('\n'));
  });
});

const sample: RunReport = {
  kit: KIT_VERSION,
  contractVersion: '1.0.0',
  baseUrl: 'http://127.0.0.1:8787/',
  prefix: 'pkc-test',
  startedAt: '2026-11-30T00:00:00.000Z',
  durationMs: 1234,
  requests: 42,
  rateLimits: { answers: 0, waitedMs: 0, exhausted: 0 },
  results: [
    { id: 'auth.missing-token', area: 'auth', title: 'every operation answers 401 without a token', rule: 'Every request carries a token. A second sentence.', outcome: 'pass', durationMs: 10 },
    { id: 'deals.protection', area: 'deals', title: 'approval protects a deal', rule: 'Approval sets expiresAt. 90 days for a partner without a tier.', outcome: 'fail', seen: 'partner C (no tier): expiresAt is 1 day after approvedAt; expected 90 days', durationMs: 20 },
    { id: 'cors.preflight', area: 'cors', title: 'a preflight is admitted', rule: 'CORS allow-list.', outcome: 'skip', seen: 'not checked: pass --origin', durationMs: 0 },
  ],
  summary: { total: 3, passed: 1, failed: 1, skipped: 1, blocked: 0 },
  areas: [
    { area: 'auth', passed: 1, failed: 0, skipped: 0 },
    { area: 'deals', passed: 0, failed: 1, skipped: 0 },
    { area: 'cors', passed: 0, failed: 0, skipped: 1 },
  ],
  cleanup: { removed: ['tier t'], left: ['partner p (offboarded)'], failed: [] },
};

describe('reporters', () => {
  it('the table has the five columns, wraps to the width, and gives a failure its whole rule and what was seen', () => {
    const text = renderTable(sample, { width: 120 });
    const lines = text.split('\n');
    assert.ok(lines.every((l) => l.length <= 120), 'no line is wider than asked');
    assert.match(text, /Area +│ Check +│ Result │ Contract rule +│ Seen/);
    assert.match(text, /auth +│ every operation answers 401 .*│ pass +│ Every request carries a token\. +│\s*$/m);
    assert.doesNotMatch(text, /A second sentence/, 'a pass shows the rule\'s first sentence');
    assert.match(text, /deals +│ .*│ FAIL +│ Approval sets expiresAt\. 90 +│ partner C \(no tier\)/);
    assert.match(text, /1 check failed: 1 passed, 1 failed, 1 not checked, of 3 \(1\.2 s, 42 requests\)/);
    assert.doesNotMatch(text, /\u001b\[/, 'no colours unless asked');
    assert.doesNotMatch(text, /rate limits/, 'a run the backend never limited says nothing of it');
    const limited = renderTable({ ...sample, rateLimits: { answers: 5, waitedMs: 4200, exhausted: 1 } }, { width: 200 });
    assert.match(limited, /rate limits: the backend answered 429 5 times; the run waited 4\.2 s on Retry-After; 1 request still answered 429 after 3 waits/);
    assert.match(renderTable(sample, { color: true }), /\u001b\[31;1mFAIL/);
  });

  it('the JSON report carries its format, the verdict and every check with its rule', () => {
    const json = JSON.parse(renderJson(sample)) as { format: string; ok: boolean; results: { rule: string; outcome: string }[] };
    assert.equal(json.format, JSON_FORMAT);
    assert.equal(json.ok, false);
    assert.deepEqual(json.results.map((r) => r.outcome), ['pass', 'fail', 'skip']);
    assert.ok(json.results.every((r) => r.rule.length > 0));
  });

  it('a failed setup is one row, naming the checks it kept from running, not a row each', () => {
    const setupFailure = 'the kit could not set up its fixtures while creating KPI k: PUT /v1/kpis/k answered 500 internal_error: boom; expected a success';
    const blocked = (id: string) => ({ id, area: 'deals' as const, title: id, rule: 'A rule.', outcome: 'skip' as const, seen: "not checked: the kit's setup failed (reported at auth.roles)", blockedBy: 'auth.roles', durationMs: 0 });
    const report: RunReport = {
      ...sample,
      results: [
        { id: 'auth.roles', area: 'auth', title: 'roles', rule: 'Roles.', outcome: 'fail', seen: setupFailure, durationMs: 5 },
        blocked('deals.register'),
        blocked('deals.protection'),
      ],
      summary: { total: 3, passed: 0, failed: 1, skipped: 2, blocked: 2 },
    };
    const text = renderTable(report, { width: 200 });
    assert.equal(text.split('could not set up its fixtures').length - 1, 1, 'the failure is told once');
    assert.match(text, /this kept 2 more checks from running: deals\.register, deals\.protection/);
    assert.doesNotMatch(text, /│ skip/, 'the blocked checks get no rows');
    assert.match(text, /2 not checked \(2 blocked by a failure above\)/);
  });

  it('wrap keeps words whole and cuts only words longer than the width', () => {
    assert.deepEqual(wrap('the quick brown fox', 9), ['the quick', 'brown fox']);
    assert.deepEqual(wrap('abcdefghijkl x', 5), ['abcde', 'fghij', 'kl x']);
    assert.deepEqual(wrap('', 5), ['']);
  });
});
