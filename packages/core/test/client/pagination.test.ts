import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResponseValidationError } from '@partnerkit/core/client';
import { deal, resourcePage } from './fixtures.ts';
import { harness, pathOf } from './setup.ts';
import { json } from './stub-fetch.ts';

const dealPage = (ids: string[], nextCursor: string | null) => json(200, { data: ids.map((id) => deal(id)), nextCursor });

describe('pagination', () => {
  it('list returns one page with its cursor, and passes limit and cursor on', async () => {
    const { client, stub } = harness([dealPage(['d_1', 'd_2'], 'c2'), dealPage(['d_3'], null)]);
    const first = await client.deals.list({ limit: 2 });
    assert.deepEqual(first.data.map((d) => d.id), ['d_1', 'd_2']);
    assert.equal(first.nextCursor, 'c2');
    const second = await client.deals.list({ limit: 2, cursor: first.nextCursor ?? undefined });
    assert.equal(second.nextCursor, null);
    assert.deepEqual(stub.requests.map(pathOf), ['/api/v1/deals?limit=2', '/api/v1/deals?cursor=c2&limit=2']);
  });

  it('iterate walks 3 pages, following nextCursor and keeping the filters', async () => {
    const { client, stub } = harness([dealPage(['d_1', 'd_2'], 'c2'), dealPage(['d_3', 'd_4'], 'c3'), dealPage(['d_5'], null)]);
    const ids: string[] = [];
    for await (const item of client.deals.iterate({ status: ['approved', 'won'], limit: 2 })) ids.push(item.id);
    assert.deepEqual(ids, ['d_1', 'd_2', 'd_3', 'd_4', 'd_5']);
    assert.deepEqual(stub.requests.map(pathOf), [
      '/api/v1/deals?limit=2&status=approved%2Cwon',
      '/api/v1/deals?cursor=c2&limit=2&status=approved%2Cwon',
      '/api/v1/deals?cursor=c3&limit=2&status=approved%2Cwon',
    ]);
  });

  it('fetches lazily: breaking out after the first page fetches no more', async () => {
    const { client, stub } = harness([dealPage(['d_1', 'd_2'], 'c2'), dealPage(['d_3'], null)]);
    for await (const item of client.deals.iterate()) {
      assert.equal(item.id, 'd_1');
      break;
    }
    assert.equal(stub.requests.length, 1);
  });

  it('starts from a given cursor', async () => {
    const { client, stub } = harness([dealPage(['d_9'], null)]);
    const ids: string[] = [];
    for await (const item of client.deals.iterate({ cursor: 'c9' })) ids.push(item.id);
    assert.deepEqual(ids, ['d_9']);
    assert.equal(pathOf(stub.requests[0]), '/api/v1/deals?cursor=c9');
  });

  it('an empty list yields nothing', async () => {
    const { client } = harness([dealPage([], null)]);
    const ids: string[] = [];
    for await (const item of client.deals.iterate()) ids.push(item.id);
    assert.deepEqual(ids, []);
  });

  it('a backend that repeats a cursor is reported instead of looping forever', async () => {
    const { client, stub } = harness([dealPage(['d_1'], 'c2'), dealPage(['d_2'], 'c2')]);
    const ids: string[] = [];
    const error = await (async () => {
      for await (const item of client.deals.iterate()) ids.push(item.id);
    })().catch((e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError);
    assert.deepEqual(error.issues, [{ path: 'nextCursor', message: 'repeats a cursor of an earlier page' }]);
    assert.deepEqual(ids, ['d_1', 'd_2']);
    assert.equal(stub.requests.length, 2);
  });

  it('an error on a later page rejects the loop', async () => {
    const { client } = harness([dealPage(['d_1'], 'c2'), json(404, { type: 't', title: 'Bad cursor', status: 404, code: 'invalid_cursor' })]);
    await assert.rejects(
      (async () => {
        for await (const _ of client.deals.iterate()) void _;
      })(),
      { code: 'invalid_cursor' },
    );
  });

  it('resources pages carry total and facets; iterate yields resources', async () => {
    const { client } = harness([json(200, resourcePage(['r_1', 'r_2'], 'n2')), json(200, resourcePage(['r_1', 'r_2'], 'n2')), json(200, resourcePage(['r_3'], null))]);
    const first = await client.resources.list({ type: 'document', sort: 'popular' });
    assert.equal(first.total, 2);
    assert.deepEqual(first.facets.type, { document: 2 });
    const ids: string[] = [];
    for await (const item of client.resources.iterate()) ids.push(item.id);
    assert.deepEqual(ids, ['r_1', 'r_2', 'r_3']);
  });

  it('passes a signal to every page fetch', async () => {
    const { client, stub } = harness([dealPage(['d_1'], 'c2'), dealPage(['d_2'], null)]);
    const controller = new AbortController();
    const error = await (async () => {
      for await (const _ of client.deals.iterate(undefined, { signal: controller.signal })) controller.abort();
    })().catch((e: unknown) => e);
    assert.equal((error as Error).name, 'AbortError');
    assert.equal(stub.requests.length, 1);
  });
});
