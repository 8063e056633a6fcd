/**
 * docs/contract.md restates parts of the contract for people; these tests keep each restatement
 * equal to the code it describes, so the prose cannot drift from the schemas, rules and document.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { buildOpenApiDocument } from '@partnerkit/core/openapi';
import { APPLICATION_TRANSITIONS, DEAL_TRANSITIONS, ENROLMENT_TRANSITIONS, PLAN_TRANSITIONS, REQUEST_TRANSITIONS } from '@partnerkit/core/rules';
import { CONFLICT_REASONS, EVENT_TYPES, PROBLEM_CODES } from '@partnerkit/core/schemas';

const markdown = await readFile(new URL('../../../../docs/contract.md', import.meta.url), 'utf8');
const doc = buildOpenApiDocument();

/** The lines of the section under `heading`, up to the next heading of the same or a higher level. */
function section(heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.replace(/^#+ /, '') === heading && line.startsWith('#'));
  assert.ok(start >= 0, `docs/contract.md has no section "${heading}"`);
  const level = lines[start]!.indexOf(' ');
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** The body rows of the first table in a section, as trimmed cells with backticks removed. */
function table(lines: string[]): string[][] {
  const rows = lines.filter((line) => line.startsWith('|')).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim().replaceAll('`', '')));
  return rows.slice(2);
}

describe('docs/contract.md', () => {
  test('the lifecycle table is DEAL_TRANSITIONS', () => {
    const rows = table(section('The lifecycle'));
    const expected = DEAL_TRANSITIONS.map((t) => [t.from, t.to, [...t.roles].join(', '), t.reason]);
    assert.deepEqual(rows, expected);
  });

  test('the plan lifecycle table is PLAN_TRANSITIONS', () => {
    const rows = table(section('The plan lifecycle'));
    assert.deepEqual(rows, PLAN_TRANSITIONS.map((t) => [t.from, t.to, [...t.sides].join(', '), t.reason]));
  });

  test('the enrolment lifecycle table is ENROLMENT_TRANSITIONS', () => {
    const rows = table(section('The enrolment lifecycle'));
    assert.deepEqual(rows, ENROLMENT_TRANSITIONS.map((t) => [t.from, t.to, [...t.who].join(', '), t.reason]));
  });

  test('the request lifecycle table is REQUEST_TRANSITIONS', () => {
    const rows = table(section('The request lifecycle'));
    assert.deepEqual(rows, REQUEST_TRANSITIONS.map((t) => [t.from, t.to, [...t.roles].join(', '), t.reason]));
  });

  test('the application lifecycle table is APPLICATION_TRANSITIONS', () => {
    const rows = table(section('The application lifecycle'));
    const expected = APPLICATION_TRANSITIONS.map((t) => [t.from, t.to, [...t.roles].join(', '), t.reason]);
    assert.deepEqual(rows, expected);
  });

  test('the codes table lists every problem code, and each status agrees with the document\'s examples', () => {
    const rows = table(section('Errors'));
    assert.deepEqual(rows.map((row) => row[0]), [...PROBLEM_CODES]);
    const statusOf = new Map(rows.map((row) => [row[0], Number(row[1])]));
    for (const response of Object.values(doc.components.responses)) {
      for (const example of Object.values(response.content?.['application/problem+json']?.examples ?? {})) {
        const { code, status } = example.value as { code: string; status: number };
        assert.equal(statusOf.get(code), status, code);
      }
    }
  });

  test('the event types are EVENT_TYPES', () => {
    const listed = section('Events')
      .filter((line) => /^- `[a-z_.]+`$/.test(line))
      .map((line) => line.slice(3, -1));
    assert.deepEqual(listed, [...EVENT_TYPES]);
  });

  test('the conflict reasons are CONFLICT_REASONS', () => {
    const listed = section('Conflicts and the pre-check')
      .map((line) => /^ {2}- `([a-z_]+)`:/.exec(line)?.[1])
      .filter((reason) => reason !== undefined);
    assert.deepEqual([...listed].sort(), [...CONFLICT_REASONS].sort());
  });

  test('the operations table is the document\'s operations, with their roles', () => {
    const rows = table(section('Operations'));
    const expected = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => [
        `${method.toUpperCase()} ${path}`,
        op.operationId,
        op['x-roles'].length > 0 ? op['x-roles'].join(', ') : 'anyone, without a token',
      ]),
    );
    assert.deepEqual(rows, expected);
  });

  test('the idempotent operations named are those that take Idempotency-Key', () => {
    const prose = section('Idempotency').join(' ');
    const takesKey = Object.values(doc.paths)
      .flatMap((item) => Object.values(item))
      .filter((op) => JSON.stringify(op.parameters ?? []).includes('IdempotencyKey'))
      .map((op) => op.operationId);
    assert.ok(takesKey.length >= 5);
    const named = [...prose.matchAll(/`([a-z][A-Za-z]+)`/g)].map((m) => m[1]!).filter((id) => /^[a-z]+[A-Z]/.test(id));
    for (const id of takesKey) assert.ok(named.includes(id), `${id} is not named`);
    for (const id of named.filter((n) => !['checkDeal', 'createSession'].includes(n))) assert.ok(takesKey.includes(id), `${id} takes no key`);
  });

  test('states the pagination limits the document uses', () => {
    const prose = section('Pagination').join(' ');
    const limit = doc.components.parameters.limit!.schema as { minimum: number; maximum: number; default: number };
    assert.match(prose, new RegExp(`from ${limit.minimum} to ${limit.maximum}, ${limit.default} when absent`));
  });
});
