/**
 * Resource gating: items a partner may not open are listed locked, without a URL, and cannot be
 * opened; what it may open comes with its URL and counts each open.
 * @module
 */
import { Resource, ResourceOpenResult } from '@partnerkit/core/schemas';
import { defineCheck, ensure } from '../check.js';
import { type RunContext, type Who, WHO_NAMES } from '../context.js';
import type { Fixtures } from '../fixtures.js';
import { describe } from '../http.js';
import { expectBody, expectProblem } from '../expect.js';
import { Findings } from './shared.js';

const GATING_RULE =
  "For a partner session, an item is open when the partner's tier rank is at least the gate's rank (a partner without a tier passes only ungated items) and its type is listed (or the list is empty). Admins and managers may open every item. Items the caller may not open are still listed, with locked: true and without url (title, description, thumbnail and the rest stay visible).";

type Item = keyof Fixtures['resources'];
const ITEMS: readonly Item[] = ['open', 'gold', 'distributors'];

/** Whether `who` may open `item`, by the contract's rule and the fixtures as the backend holds them. */
function mayOpen(fixtures: Fixtures, who: Who, item: Item): boolean {
  if (who === 'admin' || who === 'manager') return true;
  const partner = fixtures.partners[who];
  const resource = fixtures.resources[item];
  const ranks = new Map([
    [fixtures.tiers.member.id, fixtures.tiers.member.rank],
    [fixtures.tiers.gold.id, fixtures.tiers.gold.rank],
  ]);
  if (resource.partnerTypes.length > 0 && !resource.partnerTypes.includes(partner.type)) return false;
  if (resource.minTierId === null) return true;
  const rank = partner.tierId === null ? null : ranks.get(partner.tierId);
  const needed = ranks.get(resource.minTierId);
  return rank !== null && rank !== undefined && needed !== undefined && rank >= needed;
}

async function openCount(ctx: RunContext, fixtures: Fixtures, item: Item): Promise<number> {
  return (await ctx.admin.resources.get(fixtures.resources[item].id)).openCount;
}

export const gatingChecks = [
  defineCheck({
    id: 'gating.locked-without-url',
    area: 'gating',
    title: 'each principal sees every item; the ones it may not open are locked, without url, the rest visible',
    rule: GATING_RULE,
    async run(ctx) {
      const fixtures = await ctx.fixtures();
      const findings = new Findings();
      for (const who of ['admin', 'manager', 'a', 'b', 'c'] as const) {
        const token = await ctx.token(who);
        const list = await ctx.http.get(`/v1/resources?tag=${encodeURIComponent(fixtures.tag)}&limit=200`, { token });
        ensure(list.status === 200, () => describe(list, WHO_NAMES[who]));
        const listed = (list.body as { data?: unknown[] }).data ?? [];
        for (const item of ITEMS) {
          const resource = fixtures.resources[item];
          const open = mayOpen(fixtures, who, item);
          const fromList = listed.find((r) => (r as { id?: unknown }).id === resource.id);
          if (!fromList) {
            findings.add(`${WHO_NAMES[who]} does not see the "${item}" item in the list (locked items are still listed)`);
            continue;
          }
          const single = await ctx.http.get(`/v1/resources/${encodeURIComponent(resource.id)}`, { token });
          for (const [where, raw] of [
            ['the list', fromList],
            ['GET /v1/resources/{id}', single.status === 200 ? single.body : undefined],
          ] as const) {
            if (raw === undefined) {
              findings.add(`${describe(single, WHO_NAMES[who])}; expected 200`);
              continue;
            }
            const parsed = Resource.safeParse(raw);
            if (!parsed.success) {
              findings.add(`${where} as ${WHO_NAMES[who]}: the "${item}" item is not a valid resource`);
              continue;
            }
            const seen = parsed.data;
            const hasUrl = Object.hasOwn(raw as object, 'url');
            if (seen.locked === open) findings.add(`${where} as ${WHO_NAMES[who]}: the "${item}" item has locked: ${seen.locked}; expected ${!open}`);
            if (!open && hasUrl) findings.add(`${where} as ${WHO_NAMES[who]}: the locked "${item}" item carries a url`);
            if (open && seen.url !== fixtures.resourceUrls[item]) findings.add(`${where} as ${WHO_NAMES[who]}: the "${item}" item's url is ${seen.url ?? '(none)'}`);
            if (seen.title !== resource.title || seen.description !== resource.description || seen.thumbnailUrl !== resource.thumbnailUrl) {
              findings.add(`${where} as ${WHO_NAMES[who]}: the "${item}" item hides its title, description or thumbnail`);
            }
          }
        }
      }
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'gating.locked-cannot-open',
    area: 'gating',
    title: 'opening a locked item answers 403 forbidden and records nothing',
    rule: 'POST /v1/resources/{id}/open records the open (openCount, and a resource.opened event for partner sessions) and answers { url }. On a locked item it answers 403 forbidden and records nothing.',
    async run(ctx) {
      const fixtures = await ctx.fixtures();
      const cases = (['a', 'b', 'c'] as const).flatMap((who) => ITEMS.filter((item) => !mayOpen(fixtures, who, item)).map((item) => ({ who, item })));
      ensure(cases.length >= 3, `only ${cases.length} locked (partner, item) pairs to test: the fixtures did not come out as planned`);
      for (const { who, item } of cases) {
        const before = await openCount(ctx, fixtures, item);
        const exchange = await ctx.http.send('POST', `/v1/resources/${encodeURIComponent(fixtures.resources[item].id)}/open`, { token: await ctx.token(who) });
        expectProblem(exchange, 403, 'forbidden', WHO_NAMES[who]);
        ensure(!exchange.text.includes(fixtures.resourceUrls[item]), `the refusal to ${WHO_NAMES[who]} contains the locked item's URL`);
        const after = await openCount(ctx, fixtures, item);
        ensure(after === before, `a refused open by ${WHO_NAMES[who]} moved the "${item}" item's openCount from ${before} to ${after}`);
      }
    },
  }),
  defineCheck({
    id: 'gating.open',
    area: 'gating',
    title: 'opening an item the caller may open answers its URL and counts the open',
    rule: 'POST /v1/resources/{id}/open records the open (openCount, and a resource.opened event for partner sessions) and answers { url }.',
    async run(ctx) {
      const fixtures = await ctx.fixtures();
      const cases = (['b', 'manager', 'a'] as const).flatMap((who) => ITEMS.filter((item) => mayOpen(fixtures, who, item)).map((item) => ({ who, item })));
      for (const { who, item } of cases) {
        const before = await openCount(ctx, fixtures, item);
        const exchange = await ctx.http.send('POST', `/v1/resources/${encodeURIComponent(fixtures.resources[item].id)}/open`, { token: await ctx.token(who) });
        const { url } = expectBody(exchange, ResourceOpenResult, 200, WHO_NAMES[who]);
        ensure(url === fixtures.resourceUrls[item], `opening the "${item}" item as ${WHO_NAMES[who]} answered ${url}; it was created with ${fixtures.resourceUrls[item]}`);
        const after = await openCount(ctx, fixtures, item);
        ensure(after === before + 1, `opening the "${item}" item as ${WHO_NAMES[who]} moved openCount from ${before} to ${after}; expected +1`);
      }
      const events = await ctx.admin.events.list({ partnerId: fixtures.partners.b.id, type: 'resource.opened', limit: 200 });
      ensure(events.data.length > 0, 'partner B opened items but no resource.opened event names partner B');
    },
  }),
];
