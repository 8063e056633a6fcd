/**
 * Agreements: versions carry the content hash core computes; a partner's standing follows core's
 * rules (to accept, accepted, a new version asking again, 30 days of warning); an acceptance
 * records who, when and what; only the partners an agreement applies to see it, and no partner
 * reaches another's acceptances; and while an agreement is not accepted, the operations it gates
 * answer 403 agreement_required naming it.
 *
 * The kit's agreements apply only to partner D, an agent in the kit's own Member tier that no
 * other check uses, and each check retires what it published, so the other areas never meet them.
 * @module
 */
import { agreements, type AgreementsApi } from '@partnerkit/core/client';
import { agreementContentHash, canonicalJson } from '@partnerkit/core/rules';
import { Acceptance, AgreementVersion, page, type Agreement, type AgreementInput, type Partner, PartnerAgreement } from '@partnerkit/core/schemas';
import { defineCheck, ensure } from '../check.js';
import type { RunContext } from '../context.js';
import { expectBody, expectFieldErrors, expectProblem, show } from '../expect.js';
import type { Exchange } from '../http.js';
import { acceptBlockingAgreements } from '../fixtures.js';
import { Findings } from './shared.js';

const DAY_MS = 86_400_000;
const PartnerAgreementPage = page(PartnerAgreement);
const AcceptancePage = page(Acceptance);

/** Partner D and its user's session. */
interface Delta {
  partner: Partner;
  token: string;
  /** The agreements namespace as D's user. */
  api: AgreementsApi;
}

const deltas = new WeakMap<RunContext, Promise<Delta>>();

/** Partner D (created once per run): an agent in the kit's Member tier, with every agreement the backend already asks of it accepted. */
function delta(ctx: RunContext): Promise<Delta> {
  let made = deltas.get(ctx);
  if (!made) {
    made = (async () => {
      const { tiers } = await ctx.fixtures();
      const partner = await ctx.admin.partners.create({ name: `${ctx.prefix} Delta Agent`, type: 'agent', status: 'active', tierId: tiers.member.id });
      ctx.created.partners.add(partner.id);
      const session = ctx.partnerSessionInput('d', partner.id, 'partner D');
      await acceptBlockingAgreements(ctx, session);
      const token = (await ctx.mint(session)).token;
      return { partner, token, api: agreements(ctx.newClient(token)) };
    })();
    deltas.set(ctx, made);
  }
  return made;
}

const body = (text: string) => ({
  blocks: [
    { type: 'heading' as const, level: 1, spans: [{ text: 'Terms' }] },
    { type: 'paragraph' as const, spans: [{ text }, { text: ' See the ' }, { text: 'policy', href: 'https://example.com/partnerkit-conformance/policy' }, { text: '.' }] },
    { type: 'list' as const, style: 'numbered' as const, items: [{ indent: 0, spans: [{ text: 'One' }] }, { indent: 1, spans: [{ text: 'One, a', bold: true }] }] },
  ],
});

/**
 * Creates an agreement for partner D only, runs `work` with it, and retires it whatever happens,
 * so no later check (and no other area) meets it.
 */
async function withAgreement<T>(ctx: RunContext, input: Partial<AgreementInput>, work: (agreement: Agreement, d: Delta) => Promise<T>): Promise<T> {
  const d = await delta(ctx);
  const { tiers } = await ctx.fixtures();
  const agreement = await ctx.admin.agreements.create({
    title: ctx.unique('agreement'),
    partnerTypes: ['agent'],
    tierIds: [tiers.member.id],
    gates: [],
    term: { kind: 'renews_yearly' },
    ...input,
  });
  ctx.created.agreements.add(agreement.id);
  try {
    return await work(agreement, d);
  } finally {
    await ctx.admin.agreements.update(agreement.id, { status: 'retired' });
  }
}

const publish = (ctx: RunContext, agreementId: string, extra: { effectiveAt?: string } = {}) =>
  ctx.admin.agreements.publish(agreementId, { version: ctx.unique('v'), body: body(`${ctx.prefix} terms`), translations: { vi: { body: body('Điều khoản') } }, ...extra });

/** D's standing on one agreement, read on the wire. */
async function standingOf(ctx: RunContext, d: Delta, agreementId: string) {
  const exchange = await ctx.http.get(`/v1/partners/${encodeURIComponent(d.partner.id)}/agreements?limit=200`, { token: d.token });
  return expectBody(exchange, PartnerAgreementPage, 200, 'partner D').data.find((s) => s.agreement.id === agreementId);
}

/** What is wrong with the `Location` of a 201 answer that created `home` (a path below the base URL), or null. */
function locationDefect(ctx: RunContext, exchange: { headers: Headers }, requestPath: string, home: string): string | null {
  const location = exchange.headers.get('location');
  if (!location) return `POST ${requestPath} answered 201 without Location`;
  const resolved = new URL(location, ctx.http.url(requestPath));
  const expected = new URL(ctx.http.url(home));
  return decodeURIComponent(resolved.pathname) === decodeURIComponent(expected.pathname) ? null : `POST ${requestPath} answered Location ${location}; expected ${expected.pathname}`;
}

const STANDING_RULE =
  'Per active agreement that applies to it: to_accept (the version in effect was never accepted), expired, expiring (the acceptance ends within 30 days: its term, or a version not yet accepted taking effect; then version is that one), accepted. blocks lists the gates closed now. Computed by agreementStanding in @partnerkit/core/rules.';

export const agreementChecks = [
  defineCheck({
    id: 'agreements.content-hash',
    area: 'agreements',
    title: "each version's contentHash is core's agreementContentHash of the version as served, and never changes",
    rule: 'The backend computes each version\'s content hash: sha256: and the hex SHA-256 of the canonical JSON (RFC 8785) of { version, body, translations } as served (translations {} when absent). Versions never change once published.',
    async run(ctx) {
      await withAgreement(ctx, {}, async (agreement) => {
        const path = `/v1/agreements/${encodeURIComponent(agreement.id)}/versions`;
        const exchange = await ctx.http.send('POST', path, { token: await ctx.token('admin'), json: { version: ctx.unique('v'), body: body(`${ctx.prefix} terms`), translations: { vi: { body: body('Điều khoản') } } } });
        const published = expectBody(exchange, AgreementVersion, 201, 'admin');
        const misplaced = locationDefect(ctx, exchange, path, `${path}/${encodeURIComponent(published.id)}`);
        ensure(misplaced === null, misplaced ?? '');
        const expected = await agreementContentHash(published);
        ensure(published.contentHash === expected, `the published version's contentHash is ${published.contentHash}; core computes ${expected} from what was served`);
        const read = expectBody(await ctx.http.get(`/v1/agreements/${encodeURIComponent(agreement.id)}/versions/${encodeURIComponent(published.id)}`, { token: await ctx.token('admin') }), AgreementVersion, 200);
        ensure(canonicalJson(read) === canonicalJson(published), `reading the version back answered ${show(read)}; it was published as ${show(published)}`);
        const listed = await ctx.admin.agreements.get(agreement.id);
        ensure(listed.currentVersion?.id === published.id && listed.currentVersion.contentHash === published.contentHash, `the agreement's currentVersion is ${show(listed.currentVersion)}`);
      });
    },
  }),
  defineCheck({
    id: 'agreements.applies-to',
    area: 'agreements',
    title: 'a partner sees the agreements that apply to its type and tier, and no other',
    rule: 'Who it applies to: partnerTypes and tierIds; an empty list means everyone. A partner session reads only the active agreements that apply to it; another answers 404.',
    async run(ctx) {
      await withAgreement(ctx, {}, async (agreement, d) => {
        const version = await publish(ctx, agreement.id);
        ensure((await standingOf(ctx, d, agreement.id)) !== undefined, 'partner D (an agent in the Member tier) does not see an agreement for agents in the Member tier');
        const findings = new Findings();
        const tokenA = await ctx.token('a');
        for (const path of [`/v1/agreements/${agreement.id}`, `/v1/agreements/${agreement.id}/versions`, `/v1/agreements/${agreement.id}/versions/${version.id}`]) {
          const exchange = await ctx.http.get(path, { token: tokenA });
          if (exchange.status !== 404) findings.add(`GET ${path} as partner A (a reseller) answered ${exchange.status}; expected 404`);
        }
        const listed = await ctx.http.get('/v1/agreements?limit=200', { token: tokenA });
        if ((listed.body as { data?: { id: string }[] } | undefined)?.data?.some((a) => a.id === agreement.id)) findings.add('partner A finds an agreement for agents in GET /v1/agreements');
        const accepted = await ctx.http.send('POST', `/v1/partners/${encodeURIComponent((await ctx.fixtures()).partners.a.id)}/acceptances`, {
          token: tokenA,
          json: { versionId: version.id, contentHash: version.contentHash, signer: { name: 'Conformance', title: 'Tester' } },
        });
        if (accepted.status !== 400) findings.add(`partner A accepting an agreement that does not apply to it answered ${accepted.status}; expected 400 validation_failed at versionId`);
        findings.assertNone();
      });
    },
  }),
  defineCheck({
    id: 'agreements.accept',
    area: 'agreements',
    title: 'accepting records who, when, what and in which language; the standing turns accepted',
    rule: `${STANDING_RULE} The acceptance records the session's user id, the name and job title typed, the time, the language and the version's content hash; a contentHash that differs from the version's answers 400 at contentHash.`,
    async run(ctx) {
      await withAgreement(ctx, { gates: ['deal_registration'] }, async (agreement, d) => {
        const version = await publish(ctx, agreement.id);
        const before = await standingOf(ctx, d, agreement.id);
        ensure(before?.status === 'to_accept', `partner D's standing before accepting is ${show(before?.status)}; expected to_accept`);
        ensure(before.version.id === version.id && JSON.stringify(before.blocks) === '["deal_registration"]', `the standing names version ${before.version.id} and blocks ${show(before.blocks)}; expected ${version.id} and ["deal_registration"]`);

        const path = `/v1/partners/${encodeURIComponent(d.partner.id)}/acceptances`;
        const signer = { name: 'Lan Nguyễn', title: 'Giám đốc' };
        expectFieldErrors(await ctx.http.send('POST', path, { token: d.token, json: { versionId: version.id, contentHash: `sha256:${'0'.repeat(64)}`, signer } }), ['contentHash'], 'partner D');
        // The backend's clock, which an earlier run may have moved: the version was published just now.
        const started = Date.parse(version.createdAt);
        const created = await ctx.http.send('POST', path, { token: d.token, json: { versionId: version.id, contentHash: version.contentHash, signer, language: 'vi' } });
        const acceptance = expectBody(created, Acceptance, 201, 'partner D');
        const findings = new Findings();
        const misplaced = locationDefect(ctx, created, path, `${path}/${encodeURIComponent(acceptance.id)}`);
        if (misplaced) findings.add(misplaced);
        if (acceptance.partnerId !== d.partner.id || acceptance.agreementId !== agreement.id || acceptance.versionId !== version.id) findings.add(`the acceptance names ${show({ partnerId: acceptance.partnerId, agreementId: acceptance.agreementId, versionId: acceptance.versionId })}`);
        if (acceptance.contentHash !== version.contentHash) findings.add(`the acceptance records hash ${acceptance.contentHash}; the version's is ${version.contentHash}`);
        if (acceptance.acceptedBy.name !== signer.name || acceptance.acceptedBy.title !== signer.title) findings.add(`the acceptance records ${show(acceptance.acceptedBy)}; the signer typed ${show(signer)}`);
        if (acceptance.acceptedBy.userId !== `${ctx.prefix}-d-user`) findings.add(`the acceptance records user ${acceptance.acceptedBy.userId}; the session's user is ${ctx.prefix}-d-user`);
        if (acceptance.language !== 'vi') findings.add(`the acceptance records language ${acceptance.language}; vi was given`);
        const elapsed = Date.parse(acceptance.acceptedAt) - started;
        if (elapsed < 0 || elapsed > 5 * 60_000) findings.add(`acceptedAt is ${acceptance.acceptedAt}, not the time of the request (the version was published at ${version.createdAt})`);
        if (acceptance.expiresAt !== null) findings.add(`an agreement that renews yearly gave the acceptance expiresAt ${acceptance.expiresAt}; expected null`);
        const after = await standingOf(ctx, d, agreement.id);
        if (after?.status !== 'accepted' || (after.blocks ?? []).length > 0) findings.add(`after accepting, the standing is ${show(after?.status)} blocking ${show(after?.blocks)}; expected accepted, blocking nothing`);
        if (after?.acceptance?.id !== acceptance.id) findings.add(`the standing's acceptance is ${show(after?.acceptance?.id)}; expected ${acceptance.id}`);
        const listed = expectBody(await ctx.http.get(`${path}?agreementId=${encodeURIComponent(agreement.id)}`, { token: await ctx.token('manager') }), AcceptancePage, 200, 'manager');
        if (listed.data[0]?.id !== acceptance.id) findings.add(`a manager listing partner D's acceptances of the agreement sees ${show(listed.data.map((a) => a.id))}`);
        const read = await ctx.http.get(`${path}/${encodeURIComponent(acceptance.id)}`, { token: d.token });
        if (read.status !== 200 || canonicalJson(read.body) !== canonicalJson(acceptance)) findings.add(`reading the acceptance back answered ${read.status} ${show(read.body)}; it was recorded as ${show(acceptance)}`);
        findings.assertNone();
      });
    },
  }),
  defineCheck({
    id: 'agreements.new-version',
    area: 'agreements',
    title: 'a version taking effect within 30 days warns (expiring); one in effect asks again (to_accept); a superseded one cannot be accepted',
    rule: `${STANDING_RULE} The version in effect and later ones may be accepted, so a partner can accept ahead; a superseded version answers 400 at versionId.`,
    async run(ctx) {
      await withAgreement(ctx, { gates: ['resources'] }, async (agreement, d) => {
        const first = await publish(ctx, agreement.id);
        await d.api.accept(d.partner.id, { versionId: first.id, contentHash: first.contentHash, signer: { name: 'Conformance', title: 'Tester' } });
        const now = Date.parse(first.createdAt); // the backend's clock
        const soon = await publish(ctx, agreement.id, { effectiveAt: new Date(now + 20 * DAY_MS).toISOString() });
        const warned = await standingOf(ctx, d, agreement.id);
        ensure(warned?.status === 'expiring' && warned.version.id === soon.id, `with a new version taking effect in 20 days the standing is ${show(warned?.status)} about ${show(warned?.version.id)}; expected expiring about ${soon.id}`);
        ensure(warned.dueAt === soon.effectiveAt && warned.blocks.length === 0, `the warning is due ${show(warned.dueAt)} blocking ${show(warned.blocks)}; expected due ${soon.effectiveAt}, blocking nothing`);
        await d.api.accept(d.partner.id, { versionId: soon.id, contentHash: soon.contentHash, signer: { name: 'Conformance', title: 'Tester' } });
        const ahead = await standingOf(ctx, d, agreement.id);
        ensure(ahead?.status === 'accepted', `after accepting the coming version ahead, the standing is ${show(ahead?.status)}; expected accepted`);

        const now2 = await publish(ctx, agreement.id);
        const asked = await standingOf(ctx, d, agreement.id);
        ensure(asked?.status === 'to_accept' && asked.version.id === now2.id, `with a new version in effect the standing is ${show(asked?.status)} about ${show(asked?.version.id)}; expected to_accept about ${now2.id}`);
        ensure(JSON.stringify(asked.blocks) === '["resources"]', `the new version blocks ${show(asked.blocks)}; expected ["resources"]`);
        const superseded = await ctx.http.send('POST', `/v1/partners/${encodeURIComponent(d.partner.id)}/acceptances`, {
          token: d.token,
          json: { versionId: first.id, contentHash: first.contentHash, signer: { name: 'Conformance', title: 'Tester' } },
        });
        expectFieldErrors(superseded, ['versionId'], 'partner D');
        await d.api.accept(d.partner.id, { versionId: now2.id, contentHash: now2.contentHash, signer: { name: 'Conformance', title: 'Tester' } });
      });
    },
  }),
  defineCheck({
    id: 'agreements.gates',
    area: 'agreements',
    title: 'while a gating agreement waits for acceptance, deal registration and resource opens answer 403 agreement_required naming it',
    rule: "While an agreement that applies to a partner holds a gate closed (blocks), a partner session's registerDeal (deal_registration) and openResource (resources) answer 403 agreement_required with agreements: [{ agreementId, versionId, title, gate }], and library items carry no url; nothing is created or counted. Vendor principals are never gated. Accepting opens the gates.",
    async run(ctx) {
      await withAgreement(ctx, { gates: ['deal_registration', 'resources'] }, async (agreement, d) => {
        const version = await publish(ctx, agreement.id);
        const { resources } = await ctx.fixtures();
        const findings = new Findings();
        const required = (exchange: Exchange, what: string, gate: string) => {
          try {
            const problem = expectProblem(exchange, 403, 'agreement_required', what);
            const expected = [{ agreementId: agreement.id, versionId: version.id, title: agreement.title, gate }];
            if (canonicalJson(problem.agreements) !== canonicalJson(expected)) findings.add(`${what}: the problem names agreements ${show(problem.agreements)}; expected ${show(expected)}`);
          } catch (error) {
            findings.add(error instanceof Error ? error.message : String(error));
          }
        };
        const customer = ctx.customer('gated');
        const deal = { type: 'resell', customer, amount: { amount: 1_250_000, currency: 'USD' }, products: ['Conformance suite'] };
        required(await ctx.http.send('POST', '/v1/deals', { token: d.token, json: deal }), 'partner D registering a deal before accepting', 'deal_registration');
        const deals = await ctx.admin.deals.list({ partnerId: d.partner.id, limit: 200 });
        if (deals.data.some((x) => x.customer.company === customer.company)) findings.add('the refused registration was recorded');
        const opens = (await ctx.admin.resources.get(resources.open.id)).openCount;
        required(await ctx.http.send('POST', `/v1/resources/${encodeURIComponent(resources.open.id)}/open`, { token: d.token }), 'partner D opening a resource before accepting', 'resources');
        if ((await ctx.admin.resources.get(resources.open.id)).openCount !== opens) findings.add('the refused open was counted');
        const item = await ctx.http.get(`/v1/resources/${encodeURIComponent(resources.open.id)}`, { token: d.token });
        if ((item.body as { url?: unknown } | undefined)?.url !== undefined) findings.add(`GET /v1/resources/{id} as partner D before accepting carries url ${show((item.body as { url?: unknown }).url)}`);

        const byManager = await ctx.http.send('POST', '/v1/deals', { token: await ctx.token('manager'), json: { ...deal, customer: ctx.customer('gated-vendor'), partnerId: d.partner.id } });
        if (byManager.status !== 201) findings.add(`a manager registering a deal for partner D answered ${byManager.status}; vendor principals are not gated`);

        await d.api.accept(d.partner.id, { versionId: version.id, contentHash: version.contentHash, signer: { name: 'Conformance', title: 'Tester' } });
        const after = await ctx.http.send('POST', '/v1/deals', { token: d.token, json: deal });
        if (after.status !== 201) findings.add(`after accepting, partner D registering the deal answered ${after.status}; expected 201`);
        const opened = await ctx.http.send('POST', `/v1/resources/${encodeURIComponent(resources.open.id)}/open`, { token: d.token });
        if (opened.status !== 200) findings.add(`after accepting, partner D opening the resource answered ${opened.status}; expected 200`);
        findings.assertNone();
      });
    },
  }),
  defineCheck({
    id: 'agreements.isolation',
    area: 'agreements',
    title: "a partner never reads another partner's standings or acceptances, nor accepts for it",
    rule: "A partner session reads only its own partner's agreements and acceptances; another partner's answer 404.",
    async run(ctx) {
      await withAgreement(ctx, {}, async (agreement, d) => {
        const version = await publish(ctx, agreement.id);
        const acceptance = await d.api.accept(d.partner.id, { versionId: version.id, contentHash: version.contentHash, signer: { name: 'Conformance', title: 'Tester' } });
        const tokenB = await ctx.token('b');
        const theirs = `/v1/partners/${encodeURIComponent(d.partner.id)}`;
        const findings = new Findings();
        for (const path of [`${theirs}/agreements`, `${theirs}/acceptances`, `${theirs}/acceptances/${acceptance.id}`, `/v1/partners/${encodeURIComponent((await ctx.fixtures()).partners.b.id)}/acceptances/${acceptance.id}`]) {
          const exchange = await ctx.http.get(path, { token: tokenB });
          if (exchange.status !== 404) findings.add(`GET ${path} as partner B answered ${exchange.status}; expected 404`);
          if (exchange.text.includes(acceptance.id) || exchange.text.includes(d.partner.name)) findings.add(`GET ${path} as partner B names partner D's acceptance or partner`);
        }
        const forged = await ctx.http.send('POST', `${theirs}/acceptances`, { token: tokenB, json: { versionId: version.id, contentHash: version.contentHash, signer: { name: 'Intruder', title: 'None' } } });
        try {
          expectProblem(forged, 404, 'not_found', 'partner B accepting for partner D');
        } catch (error) {
          findings.add(error instanceof Error ? error.message : String(error));
        }
        const manager = await ctx.http.send('POST', `${theirs}/acceptances`, { token: await ctx.token('manager'), json: { versionId: version.id, contentHash: version.contentHash, signer: { name: 'Manager', title: 'None' } } });
        if (manager.status !== 403) findings.add(`a manager accepting for partner D answered ${manager.status}; expected 403 (partner sessions only)`);
        const all = (await ctx.admin.agreements.acceptances(d.partner.id, { agreementId: agreement.id })).data;
        if (all.length !== 1) findings.add(`partner D has ${all.length} acceptances of the agreement after the refused attempts; expected 1`);
        findings.assertNone();
      });
    },
  }),
  defineCheck({
    id: 'agreements.rich-text',
    area: 'agreements',
    title: 'bodies are rich text as data: links other than http(s) and anything but its blocks are refused',
    rule: 'Agreement bodies are rich text as data, never HTML: headings, paragraphs and lists of spans; links are absolute http: or https: URLs without a user name or password. Request bodies are strict.',
    async run(ctx) {
      await withAgreement(ctx, {}, async (agreement) => {
        const path = `/v1/agreements/${encodeURIComponent(agreement.id)}/versions`;
        const token = await ctx.token('admin');
        const span = (href: string) => ({ version: ctx.unique('v'), body: { blocks: [{ type: 'paragraph', spans: [{ text: 'x', href }] }] } });
        for (const href of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/x', 'https://bank.example@evil.example/']) {
          expectFieldErrors(await ctx.http.send('POST', path, { token, json: span(href) }), ['body.blocks.0.spans.0.href'], `a link to ${href}`);
        }
        const html = await ctx.http.send('POST', path, { token, json: { version: ctx.unique('v'), body: { blocks: [{ type: 'html', html: '<p>x</p>' }] } } });
        expectProblem(html, 400, 'validation_failed', 'a block of HTML');
        const extra = await ctx.http.send('POST', path, { token, json: { version: ctx.unique('v'), body: { blocks: [{ type: 'paragraph', spans: [{ text: 'x', onclick: 'alert(1)' }] }] } } });
        expectFieldErrors(extra, ['body.blocks.0.spans.0.onclick'], 'a span with an unknown field');
        const versions = await ctx.admin.agreements.versions(agreement.id);
        ensure(versions.data.length === 0, `refused versions were published: ${show(versions.data.map((v) => v.version))}`);
      });
    },
  }),
];
