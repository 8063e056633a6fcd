/**
 * The contract document: served without a token, for the contract version the kit speaks, with
 * every operation of that version.
 * @module
 */
import { CONTRACT_VERSION } from '@partnerkit/core/schemas';
import { defineCheck, ensure } from '../check.js';
import type { RunContext } from '../context.js';
import { describe } from '../http.js';
import { contractOperations } from '../operations.js';
import { expectStatus } from '../expect.js';

interface ServedDocument {
  openapi?: unknown;
  info?: { version?: unknown };
  paths?: Record<string, Record<string, { operationId?: unknown; 'x-roles'?: unknown }>>;
}

const semver = (v: string) => /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(v)?.slice(1, 4).map(Number) ?? null;

/** True when `served` speaks `ours`: the same major version, and no older. */
export function speaksVersion(served: string, ours: string): boolean {
  const a = semver(served);
  const b = semver(ours);
  if (!a || !b || a[0] !== b[0]) return false;
  for (let i = 1; i < 3; i++) if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) > (b[i] as number);
  return true;
}

async function served(ctx: RunContext): Promise<ServedDocument> {
  const exchange = await ctx.http.get('/v1/openapi.json', { token: null });
  expectStatus(exchange, 200);
  ensure(/^application\/(?:[\w.+-]*\+)?json\b/i.test(exchange.headers.get('content-type') ?? ''), () => `${describe(exchange)} with Content-Type ${exchange.headers.get('content-type')}; expected JSON`);
  ensure(exchange.body !== null && typeof exchange.body === 'object', () => `${describe(exchange)}; expected a JSON object`);
  return exchange.body as ServedDocument;
}

export const openapiChecks = [
  defineCheck({
    id: 'openapi.version',
    area: 'openapi',
    title: `GET /v1/openapi.json answers without a token, OpenAPI 3.1, contract version ${CONTRACT_VERSION}`,
    rule:
      'GET /v1/openapi.json serves the document and needs no token. The document\'s info.version is the contract version (CONTRACT_VERSION, semver). Within v1 the contract only grows.',
    async run(ctx) {
      const document = await served(ctx);
      ensure(typeof document.openapi === 'string' && document.openapi.startsWith('3.1.'), `"openapi" is ${JSON.stringify(document.openapi)}; expected 3.1.x`);
      const version = document.info?.version;
      ensure(typeof version === 'string', 'the document has no info.version');
      ensure(speaksVersion(version, CONTRACT_VERSION), `info.version is ${version}; this kit checks contract ${CONTRACT_VERSION} (same major version, this one or newer)`);
    },
  }),
  defineCheck({
    id: 'openapi.operations',
    area: 'openapi',
    title: 'the served document lists every operation of the contract, with its roles',
    rule: 'Each operation in openapi.json carries the same list in x-roles. Removing or renaming anything is a new major version under a new base path.',
    async run(ctx) {
      const document = await served(ctx);
      const problems: string[] = [];
      for (const op of contractOperations()) {
        const item = document.paths?.[op.path]?.[op.method.toLowerCase()];
        if (!item) {
          problems.push(`${op.method} ${op.path} (${op.operationId}) is missing`);
          continue;
        }
        if (item.operationId !== op.operationId) problems.push(`${op.method} ${op.path} is "${String(item.operationId)}", not ${op.operationId}`);
        const roles = Array.isArray(item['x-roles']) ? [...(item['x-roles'] as unknown[])].map(String).sort() : null;
        if (roles === null || roles.join() !== [...op.roles].sort().join()) problems.push(`${op.operationId} has x-roles ${JSON.stringify(item['x-roles'])}, not ${JSON.stringify(op.roles)}`);
      }
      ensure(problems.length === 0, () => problems.slice(0, 5).join('; ') + (problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''));
    },
  }),
];
