import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { EventEnvelope } from '@partnerkit/core/schemas';
import { createEnvelope, createEventId, PkEvent } from '../../src/events/pk-event.js';
import { PkErrorEvent } from '../../src/events/error.js';

describe('PartnerKit events', () => {
  it('bubble out of nested shadow roots with the contract envelope as detail', () => {
    const outer = document.createElement('div');
    document.body.append(outer);
    const outerRoot = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    outerRoot.append(inner);
    const innerRoot = inner.attachShadow({ mode: 'closed' });
    const source = document.createElement('span');
    innerRoot.append(source);

    const seen: Array<{ target: EventTarget | null; detail: unknown }> = [];
    document.addEventListener('pk-thing-happened', (e) => seen.push({ target: e.target, detail: (e as CustomEvent).detail }));

    const event = new PkEvent('pk-thing-happened', createEnvelope('thing.happened', { n: 1 }, 'partner_1'));
    source.dispatchEvent(event);

    expect(seen).to.have.length(1);
    expect(seen[0]!.target).to.equal(outer); // retargeted to the outermost host
    expect(z.safeParse(EventEnvelope, seen[0]!.detail).success).to.equal(true);
    expect(event.detail).to.include({ type: 'thing.happened', partnerId: 'partner_1' });
    expect(event.detail.data).to.deep.equal({ n: 1 });
    expect(event.cancelable).to.equal(false);
    outer.remove();
  });

  it('pk-error is typed in HTMLElementEventMap and carries its data', async () => {
    const el = document.createElement('div');
    document.body.append(el);
    let code = '';
    el.addEventListener('pk-error', (e) => {
      code = e.detail.data.code; // typed through HTMLElementEventMap
    });
    el.dispatchEvent(new PkErrorEvent({ element: 'x-y', code: 'timeout', message: 'Timed out' }));
    expect(code).to.equal('timeout');
    el.remove();
  });

  it('envelopes omit partnerId unless given, and ids are unique and contract-valid', () => {
    const envelope = createEnvelope('deal.submitted', { id: 'd1' });
    expect('partnerId' in envelope).to.equal(false);
    expect(Date.parse(envelope.occurredAt)).to.be.closeTo(Date.now(), 5_000);
    const ids = new Set(Array.from({ length: 100 }, createEventId));
    expect(ids.size).to.equal(100);
    for (const id of ids) expect(id).to.match(/^evt_[0-9a-f]{24}$/);
  });

  it('cancelable events can be vetoed', () => {
    const el = document.createElement('div');
    el.addEventListener('pk-deal-submit', (e) => e.preventDefault());
    const event = new PkEvent('pk-deal-submit', createEnvelope('deal.submitting', {}), { cancelable: true });
    expect(el.dispatchEvent(event)).to.equal(false);
  });
});
