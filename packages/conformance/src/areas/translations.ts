/**
 * Localisable programme data: a backend keeps the translations an admin gives tiers (and their
 * benefits), KPIs and resources, serves them wherever the entity appears, and refuses malformed
 * ones. Checked on the wire, so a backend that accepts the field and drops it fails.
 * @module
 */
import { newIdempotencyKey } from '@partnerkit/core/client';
import { defineCheck, ensure } from '../check.js';
import type { RunContext } from '../context.js';
import { describe as describeExchange, type Exchange } from '../http.js';
import { expectFieldErrors, expectStatus, show } from '../expect.js';
import { Findings } from './shared.js';

const ROUND_TRIP_RULE =
  'Tiers, tier benefits, KPIs and resources may carry `translations` (BCP 47 tag -> any subset of their localisable fields). A backend stores them as given and serves them in every answer that carries the entity: single reads, lists, the scorecard. A PUT replaces the whole entity (without `translations` it has none); a PATCH that names `translations` replaces the map.';
const REFUSED_RULE =
  'Translations are keyed by BCP 47 tags, each language once without regard to case, and give only the entity\'s localisable fields, each within that field\'s limits; anything else is 400 validation_failed with a field error under `translations`, and nothing is stored.';

/** Tags in the shapes backends get wrong: a region, a script and region, a bare language. */
const TAGS = { vi: 'vi', region: 'vi-VN', script: 'zh-Hant-TW' } as const;

/** Two JSON values equal whatever the order of their keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const [ka, kb] = [Object.keys(a).sort(), Object.keys(b).sort()];
    return sameJson(ka, kb) && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** Records a finding unless `served` (the `translations` of `what`) is exactly `sent`. */
function compare(findings: Findings, what: string, served: unknown, sent: unknown): void {
  if (served === undefined) findings.add(`${what} came back without translations; sent ${show(sent)}`);
  else if (!sameJson(served, sent)) findings.add(`${what} came back with translations ${show(served)}; sent ${show(sent)}`);
}

const bodyOf = (exchange: Exchange) => (exchange.body ?? {}) as Record<string, unknown>;

/** The item with `id` among the pages of a list, followed by cursor. */
async function findInList(ctx: RunContext, path: string, id: string, token: string): Promise<Record<string, unknown> | undefined> {
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const exchange = await ctx.http.get(`${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expectStatus(exchange, 200);
    const page = exchange.body as { data?: Record<string, unknown>[]; nextCursor?: string | null };
    const found = page.data?.find((item) => item.id === id);
    if (found || !page.nextCursor) return found;
    cursor = page.nextCursor;
  }
  return undefined;
}

export const translationChecks = [
  defineCheck({
    id: 'translations.round-trip',
    area: 'translations',
    title: 'translations of tiers, benefits, KPIs and resources are stored as given and served everywhere the entity appears',
    rule: ROUND_TRIP_RULE,
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const admin = await ctx.token('admin');
      const partner = await ctx.token('a');
      const findings = new Findings();

      // A KPI: name and description, under three tag shapes, one with the name only.
      const kpiId = `${ctx.prefix}-localised`;
      ctx.created.kpis.add(kpiId);
      const kpiTranslations = {
        [TAGS.vi]: { name: `${ctx.prefix} Doanh thu`, description: 'Doanh thu đã ghi nhận, tính bằng xu.' },
        [TAGS.region]: { name: `${ctx.prefix} Doanh thu (VN)` },
        [TAGS.script]: { name: `${ctx.prefix} 營收` },
      };
      const kpi = { name: `${ctx.prefix} Localised revenue`, description: 'Booked revenue.', unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 0, translations: kpiTranslations };
      const putKpi = await ctx.http.send('PUT', `/v1/kpis/${encodeURIComponent(kpiId)}`, { token: admin, json: kpi });
      expectStatus(putKpi, [200, 201], 'admin');
      compare(findings, 'upsertKpi', bodyOf(putKpi).translations, kpiTranslations);
      compare(findings, 'getKpi', bodyOf(await ctx.http.get(`/v1/kpis/${encodeURIComponent(kpiId)}`, { token: partner })).translations, kpiTranslations);
      compare(findings, 'listKpis', (await findInList(ctx, '/v1/kpis', kpiId, partner))?.translations, kpiTranslations);
      const scorecard = await ctx.http.get(`/v1/partners/${encodeURIComponent(partners.a.id)}/scorecard`, { token: partner });
      expectStatus(scorecard, 200, 'partner A');
      const row = (scorecard.body as { rows?: { kpi?: { id?: string; translations?: unknown } }[] }).rows?.find((r) => r.kpi?.id === kpiId);
      ensure(row !== undefined, () => `getScorecard of partner A has no row for the KPI ${kpiId} the admin just created`);
      compare(findings, 'getScorecard rows[].kpi', row.kpi?.translations, kpiTranslations);

      // A tier and a benefit with translations; then the same tier PUT without any.
      const tierId = `${ctx.prefix}-localised`;
      const used = new Set<number>();
      for await (const tier of ctx.admin.tiers.iterate({ limit: 200 })) used.add(tier.rank);
      const rank = Array.from({ length: 100 }, (_, i) => i + 1).find((r) => !used.has(r));
      if (rank !== undefined) {
        ctx.created.tiers.add(tierId);
        const tierTranslations = { [TAGS.vi]: { name: `${ctx.prefix} Vàng` }, [TAGS.script]: { name: `${ctx.prefix} 金` } };
        const benefits = [{ label: 'Resale discount', value: '25%', translations: { [TAGS.vi]: { label: 'Chiết khấu bán lại' }, [TAGS.region]: { value: '25 %' } } }];
        // Requires the KPI above, which nobody has figures for: a tier without requirements would
        // take in every partner without a tier while the other checks run.
        const tier = { rank, name: `${ctx.prefix} Localised gold`, colour: '#D4AF37', benefits, requirements: [{ kpiId, min: 1 }], dealProtectionDays: 30, translations: tierTranslations };
        const path = `/v1/tiers/${encodeURIComponent(tierId)}`;
        const putTier = await ctx.http.send('PUT', path, { token: admin, json: tier });
        expectStatus(putTier, [200, 201], 'admin');
        compare(findings, 'upsertTier', bodyOf(putTier).translations, tierTranslations);
        const read = bodyOf(await ctx.http.get(path, { token: partner }));
        compare(findings, 'getTier', read.translations, tierTranslations);
        compare(findings, 'getTier benefits[0]', (read.benefits as { translations?: unknown }[] | undefined)?.[0]?.translations, benefits[0]!.translations);
        compare(findings, 'listTiers', (await findInList(ctx, '/v1/tiers', tierId, partner))?.translations, tierTranslations);
        const { translations: _dropped, ...without } = tier;
        const cleared = await ctx.http.send('PUT', path, { token: admin, json: without });
        expectStatus(cleared, 200, 'admin');
        const left = bodyOf(await ctx.http.get(path, { token: admin })).translations;
        if (left !== undefined && !sameJson(left, {})) findings.add(`upsertTier without translations left ${show(left)}; a PUT replaces the whole tier`);
      }

      // A resource: created with translations, then patched with others.
      const resourceTranslations = { [TAGS.vi]: { title: `${ctx.prefix} Hướng dẫn chương trình`, description: 'Tài liệu dành cho đối tác.' }, [TAGS.region]: { title: `${ctx.prefix} Sổ tay` } };
      const created = await ctx.http.send('POST', '/v1/resources', {
        token: admin,
        headers: { 'Idempotency-Key': newIdempotencyKey() },
        json: { title: `${ctx.prefix} Programme guide`, description: 'For partners.', type: 'document', language: 'en', url: 'https://example.com/partnerkit-conformance/guide.pdf', translations: resourceTranslations },
      });
      expectStatus(created, 201, 'admin');
      const resourceId = String(bodyOf(created).id);
      ctx.created.resources.add(resourceId);
      compare(findings, 'createResource', bodyOf(created).translations, resourceTranslations);
      compare(findings, 'getResource', bodyOf(await ctx.http.get(`/v1/resources/${encodeURIComponent(resourceId)}`, { token: partner })).translations, resourceTranslations);
      compare(findings, 'listResources', (await findInList(ctx, `/v1/resources?q=${encodeURIComponent(`${ctx.prefix} Programme guide`)}`, resourceId, partner))?.translations, resourceTranslations);
      const patch = { [TAGS.script]: { title: `${ctx.prefix} 計劃指南` } };
      const patched = await ctx.http.send('PATCH', `/v1/resources/${encodeURIComponent(resourceId)}`, { token: admin, json: { translations: patch } });
      expectStatus(patched, 200, 'admin');
      compare(findings, 'updateResource', bodyOf(patched).translations, patch);
      const retitled = await ctx.http.send('PATCH', `/v1/resources/${encodeURIComponent(resourceId)}`, { token: admin, json: { title: `${ctx.prefix} Programme guide, 2nd edition` } });
      expectStatus(retitled, 200, 'admin');
      compare(findings, 'updateResource without translations', bodyOf(retitled).translations, patch);
      findings.assertNone();
    },
  }),

  defineCheck({
    id: 'translations.refused',
    area: 'translations',
    title: 'malformed translations are refused with field errors under translations, and nothing is stored',
    rule: REFUSED_RULE,
    async run(ctx) {
      await ctx.fixtures();
      const admin = await ctx.token('admin');
      const kpiId = `${ctx.prefix}-mistranslated`;
      const path = `/v1/kpis/${encodeURIComponent(kpiId)}`;
      const kpi = { name: `${ctx.prefix} Mistranslated`, unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 0 };
      const cases: { translations: unknown; field: string }[] = [
        { translations: { Vietnamese: { name: 'Doanh thu' } }, field: 'translations.Vietnamese' },
        { translations: { vi: { unit: 'percent' } }, field: 'translations.vi.unit' },
        { translations: { vi: { name: '' } }, field: 'translations.vi.name' },
        { translations: { vi: { description: 'x'.repeat(1001) } }, field: 'translations.vi.description' },
        { translations: { 'vi-VN': { name: 'a' }, 'vi-vn': { name: 'b' } }, field: 'translations' },
        { translations: ['vi'], field: 'translations' },
      ];
      for (const { translations, field } of cases) {
        const answer = await ctx.http.send('PUT', path, { token: admin, json: { ...kpi, translations } });
        if (answer.status === 200 || answer.status === 201) ctx.created.kpis.add(kpiId);
        expectFieldErrors(answer, [field], 'admin');
      }
      const stored = await ctx.http.get(path, { token: admin });
      ensure(stored.status === 404, () => `after refused writes, GET ${path} ${describeExchange(stored, 'admin')}; expected 404: nothing stored`);
    },
  }),
];
