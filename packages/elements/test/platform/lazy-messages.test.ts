import { expect, fixture, html } from '@open-wc/testing';
import { FakeClient, TestWidget, testEn, testVi } from './fixtures/test-widget.js';
import { LazyMessages } from '../../src/platform/localize.js';

/** A Vietnamese translation whose import the test settles by hand, counting the imports. */
function deferredTranslation() {
  const control = { imports: 0, arrive: (_: typeof testVi) => {}, fail: () => {} };
  const lazy = new LazyMessages<typeof testVi>(() => {
    control.imports += 1;
    return new Promise((resolve, reject) => {
      control.arrive = resolve;
      control.fail = () => reject(new Error('chunk failed to load'));
    });
  });
  return { lazy, control };
}

let tags = 0;
/** A fresh tag whose elements take Vietnamese from `lazy`. */
function lazyWidgetTag(lazy: LazyMessages<typeof testVi>): string {
  const tag = `pk-lazy-widget-${++tags}`;
  customElements.define(
    tag,
    class extends TestWidget {
      constructor() {
        super({ en: testEn, vi: lazy });
      }
    },
  );
  return tag;
}

async function mount(tag: string, lang: string): Promise<TestWidget> {
  const client = new FakeClient();
  const host = await fixture<HTMLElement>(html`<div lang=${lang}></div>`);
  const el = document.createElement(tag) as TestWidget;
  el.client = client.asClient();
  host.append(el);
  // Not `updateComplete`: it waits for the translation, which these tests hold back.
  await nextTask();
  client.last.resolve(['one']);
  await nextTask();
  return el;
}

const nextTask = () => new Promise((r) => setTimeout(r));

const text = (el: TestWidget) => el.shadowRoot!.textContent ?? '';
const loading = (el: TestWidget) => el.shadowRoot!.querySelector('[part~="loading"]');

describe('lazily loaded translations', () => {
  it('are imported once, on the first element in that language, shown as loading until they arrive', async () => {
    const { lazy, control } = deferredTranslation();
    const tag = lazyWidgetTag(lazy);
    const english = await mount(tag, 'en');
    expect(control.imports, 'an English element imports nothing').to.equal(0);
    expect(text(english)).to.contain('Things');

    const [first, second] = await Promise.all([mount(tag, 'vi'), mount(tag, 'vi')]);
    expect(control.imports).to.equal(1);
    for (const el of [first, second]) {
      expect(loading(el), 'loading, not English, while Vietnamese is on its way').to.not.equal(null);
      expect(text(el)).to.not.contain('Things');
    }
    let completed = false;
    void first.updateComplete.then(() => (completed = true));
    await nextTask();
    expect(completed, 'updateComplete waits for the language').to.equal(false);

    control.arrive(testVi);
    for (const el of [first, second]) {
      await el.updateComplete;
      expect(loading(el)).to.equal(null);
      expect(text(el)).to.contain('Mục');
      await expect(el).to.be.accessible();
    }
    // Later elements find it at hand: Vietnamese from their first render.
    const later = await mount(tag, 'vi');
    expect(text(later)).to.contain('1 mục');
    expect(control.imports).to.equal(1);
  });

  it('fall back to English when the import fails, never a loading box for ever', async () => {
    const { lazy, control } = deferredTranslation();
    const el = await mount(lazyWidgetTag(lazy), 'vi');
    expect(loading(el)).to.not.equal(null);
    control.fail();
    await el.updateComplete;
    expect(loading(el)).to.equal(null);
    expect(text(el)).to.contain('Things');
  });
});
