/**
 * Isolation between partners: a partner session reaches nothing of another partner's on any
 * path or method, lists are filtered the same way, and out-of-scope ids answer exactly like ids
 * that do not exist.
 * @module
 */
import type * as z from 'zod/mini';
import { Deal, page, Partner } from '@partnerkit/core/schemas';
import { defineCheck, ensure } from '../check.js';
import { WHO_NAMES } from '../context.js';
import { dealIn, dealInput } from '../deal-fixtures.js';
import { describe } from '../http.js';
import { expectBody, expectFieldErrors, show } from '../expect.js';
import { contractOperations, sampleRequest } from '../operations.js';
import { Findings, ghostIds, pool } from './shared.js';

const SCOPE_RULE =
  "A partner session sees its own partner and nothing of any other: another partner's id, deal, targets, measurements or scorecard answer 404 not_found, exactly like an id that does not exist, so the existence of other partners' data never leaks.";

const DealPage = page(Deal);
const PartnerPage = page(Partner);

export const isolationChecks = [
  defineCheck({
    id: 'isolation.other-partner-paths',
    area: 'isolation',
    title: "every path and method under another partner's partner or deal id answers like an unknown id",
    rule: `${SCOPE_RULE} A role that may never call an operation gets 403 forbidden.`,
    async run(ctx) {
      const fixtures = await ctx.fixtures();
      const theirs = await dealIn(ctx, 'submitted', 'b');
      const manager = await ctx.client('manager');
      await manager.deals.get(theirs.id);
      await manager.partners.get(fixtures.partners.b.id);

      const ghost = ghostIds(ctx, fixtures);
      const other = { ...ghost, partnerId: fixtures.partners.b.id, dealId: theirs.id };
      const scoped = contractOperations().filter((op) => op.path.startsWith('/v1/partners/{id}') || op.path.startsWith('/v1/deals/{id}'));
      const token = await ctx.token('a');
      const findings = new Findings();
      await pool(scoped, 4, async (op) => {
        const expected = op.roles.includes('partner') ? { status: 404, code: 'not_found' } : { status: 403, code: 'forbidden' };
        for (const [ids, whose] of [
          [other, "partner B's"],
          [ghost, 'an unknown'],
        ] as const) {
          const request = sampleRequest(op, ids);
          const exchange = await ctx.http.send(op.method, request.path, { token, ...(request.body === undefined ? {} : { json: request.body }) });
          const code = (exchange.body as { code?: unknown } | undefined)?.code;
          if (exchange.status !== expected.status || code !== expected.code) {
            findings.add(`${op.operationId} on ${whose} id: ${describe(exchange, 'partner A')}; expected ${expected.status} ${expected.code}`);
          }
        }
      });
      const after = await manager.deals.get(theirs.id);
      if (after.status !== theirs.status || after.history.length !== theirs.history.length) {
        findings.add(`partner A's requests changed partner B's deal: it is now ${after.status} with ${after.history.length} history entries`);
      }
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'isolation.lists',
    area: 'isolation',
    title: "lists give a partner session its own partner and deals only, whatever the filters",
    rule: "Lists are filtered the same way (listPartners gives a page of one; a partnerId filter naming another partner gives an empty page). A partner sees only its own deals.",
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      await dealIn(ctx, 'submitted', 'b');
      await dealIn(ctx, 'submitted', 'a');
      const token = await ctx.token('a');
      const as = 'partner A';

      const walk = async <T>(path: string, schema: z.ZodMiniType<{ data: T[]; nextCursor: string | null }>): Promise<T[]> => {
        const items: T[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages < 100; pages++) {
          const separator = path.includes('?') ? '&' : '?';
          const exchange = await ctx.http.get(`${path}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
          const body = expectBody(exchange, schema, 200, as);
          items.push(...body.data);
          cursor = body.nextCursor;
          if (cursor === null) break;
        }
        return items;
      };

      const seenPartners = await walk<Partner>('/v1/partners?limit=200', PartnerPage);
      ensure(seenPartners.length === 1 && seenPartners[0]?.id === partners.a.id, `GET /v1/partners as partner A listed ${seenPartners.length} partner(s): ${show(seenPartners.map((p) => p.id))}; expected only its own`);
      const byName = await walk<Partner>(`/v1/partners?q=${encodeURIComponent(partners.b.name)}`, PartnerPage);
      ensure(byName.length === 0, `GET /v1/partners?q=<partner B's name> as partner A listed ${show(byName.map((p) => p.id))}`);

      const deals = await walk<Deal>('/v1/deals?limit=200', DealPage);
      const foreign = deals.filter((d) => d.partnerId !== partners.a.id);
      ensure(deals.length > 0, 'GET /v1/deals as partner A listed none of its own deals');
      ensure(foreign.length === 0, `GET /v1/deals as partner A listed ${foreign.length} deal(s) of other partners`);
      const filtered = await walk<Deal>(`/v1/deals?partnerId=${encodeURIComponent(partners.b.id)}`, DealPage);
      ensure(filtered.length === 0, `GET /v1/deals?partnerId=<partner B> as partner A listed ${filtered.length} deal(s); expected an empty page`);
    },
  }),
  defineCheck({
    id: 'isolation.body-partner',
    area: 'isolation',
    title: 'a partner session registering a deal for another partner gets 400 at partnerId, and nothing is created',
    rule: 'A body field naming a partner the caller may not act for is treated like an unknown id: 400 validation_failed at that field\'s path.',
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const input = dealInput(ctx, { partnerId: partners.b.id });
      const exchange = await ctx.http.send('POST', '/v1/deals', { token: await ctx.token('a'), json: input });
      expectFieldErrors(exchange, ['partnerId'], 'partner A');
      const { data } = await ctx.admin.deals.list({ q: input.customer.domain ?? input.customer.company });
      ensure(data.length === 0, `the refused registration created ${data.length} deal(s) anyway`);
    },
  }),
  defineCheck({
    id: 'isolation.possible-conflicts',
    area: 'isolation',
    title: 'near matches are shown to managers in possibleConflicts and never to partner sessions',
    rule: "Near matches by company-name similarity are accepted, and shown to vendor principals in the deal's possibleConflicts ({ dealId, number, match }) so a reviewer can decide. Partner sessions never see possibleConflicts.",
    async run(ctx) {
      const a = await ctx.client('a');
      const b = await ctx.client('b');
      const base = ctx.unique('near');
      const first = await a.deals.register({ type: 'resell', customer: { company: `${base} Saigon Technology Solutions JSC`, domain: `${base}-one.test` } });
      const second = await b.deals.register({ type: 'resell', customer: { company: `${base} Sai Gon Technology Solution`, domain: `${base}-two.test` } });

      const vendorView = await (await ctx.client('manager')).deals.get(second.id);
      const flagged = vendorView.possibleConflicts?.find((c) => c.dealId === first.id);
      ensure(flagged !== undefined, `GET /v1/deals/${second.id} as manager answered possibleConflicts ${show(vendorView.possibleConflicts ?? null)}; expected the first registration of a near-identical company name (${first.number}) among them, matched by name`);

      const token = await ctx.token('b');
      for (const path of [`/v1/deals/${encodeURIComponent(second.id)}`, '/v1/deals?limit=200']) {
        const exchange = await ctx.http.get(path, { token });
        ensure(exchange.status === 200, () => `${describe(exchange, WHO_NAMES.b)}; expected 200`);
        ensure(!exchange.text.includes('possibleConflicts'), `GET ${path} as partner B answered with possibleConflicts; expected none for a partner session`);
        ensure(!exchange.text.includes(first.id) && !exchange.text.includes(first.number), `GET ${path} as partner B answered with partner A's registration in it; expected no trace of another partner's deal`);
      }
    },
  }),
];
