/**
 * How the kit reads against a backend generated from the document alone (Prism's mock, which
 * answers the document's examples whatever was asked): it fails, and each failure says what was
 * sent, what came back and what was expected, in words a backend author can act on. A failed
 * setup or a backend that stops answering is reported once, not in every row after it; request
 * ids are set apart from the sentence; CORS failures say they are about CORS.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunReport, runConformance } from '@partnerkit/conformance';
import { startPrism, type RunningPrism } from '../../../scripts/prism.mjs';

let prism: RunningPrism;
let report: RunReport;
before(async () => {
  prism = await startPrism({ mode: 'mock' });
  // The areas before validation: Prism's mock process exits on a body that is not JSON
  // (validation.malformed-json), after which the kit reports the backend down once.
  report = await runConformance({ baseUrl: prism.url, adminKey: 'pk_admin_prism_mock_000000000000', origin: 'https://partners.example.com', only: ['openapi', 'auth', 'isolation', 'cors'] });
});
after(async () => {
  await prism?.close();
});

describe('the kit against a Prism mock of the document', () => {
  it('fails, and every failure names the request, the answer and the expectation', () => {
    const failed = report.results.filter((r) => r.outcome === 'fail');
    assert.ok(failed.length >= 8, `${failed.length} checks failed`);
    for (const result of failed) {
      assert.match(result.seen ?? '', /\b(GET|POST|PUT|PATCH|DELETE|OPTIONS) \/v1\//, `${result.id} names no request: ${result.seen}`);
      assert.match(result.seen ?? '', /answered|listed|got no answer|is missing/, `${result.id} says nothing of the answer: ${result.seen}`);
    }
  });

  it('sets request ids apart: none reads as part of a sentence', () => {
    for (const result of report.results) {
      assert.doesNotMatch(result.seen ?? '', /\brequest (string|req_)/, result.id);
    }
  });

  it('says CORS when CORS fails', () => {
    const cors = report.results.filter((r) => r.area === 'cors' && r.outcome === 'fail');
    assert.ok(cors.length > 0);
    for (const result of cors) assert.match(result.seen ?? '', /^CORS/, result.id);
  });
});
