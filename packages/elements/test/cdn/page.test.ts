/**
 * The built CDN bundle (packages/elements/dist/cdn, from `npm run build`) in plain HTML pages with
 * one module script, under a strict Content-Security-Policy: widgets load and are styled, two
 * copies of the bundle coexist, and a page works against the reference server.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { adminRequest, referenceServer } from '../platform/reference-server.js';

type FixtureWindow = Window & typeof globalThis & {
  __violations: string[];
  __errors: string[];
};

async function open(page: string): Promise<{ doc: Document; win: FixtureWindow; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = new URL(`./fixtures/${page}`, import.meta.url).href;
  document.body.append(frame);
  await loaded;
  return { doc: frame.contentDocument!, win: frame.contentWindow as unknown as FixtureWindow, frame };
}

const shadowPart = (el: Element | null, name: string) => el?.shadowRoot?.querySelector(`[part~="${name}"]`) ?? null;

describe('the CDN bundle in a plain page', () => {
  before(async () => {
    const built = await fetch('/packages/elements/dist/cdn/loader.js');
    expect(built.ok, 'packages/elements/dist/cdn/loader.js is missing: run `npm run build` first').to.equal(true);
  });

  it('carries no development diagnostics (Lit dev mode, PartnerKit dev warnings)', async () => {
    const files = ['loader.js', 'partnerkit-provider.js', 'partner-scorecard.js', 'deal-register.js', 'resource-library.js'];
    const seen = new Set<string>();
    const queue = files.map((f) => `/packages/elements/dist/cdn/${f}`);
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const code = await (await fetch(url)).text();
      expect(code, url).to.not.include('Lit is in dev mode');
      expect(code, url).to.not.include('#no-client');
      expect(code, url).to.not.include('#provider-configuration');
      for (const match of code.matchAll(/["'](\.{1,2}\/[^"']+\.js)["']/g)) queue.push(new URL(match[1]!, new URL(url, location.origin)).pathname);
    }
    expect(seen.size).to.be.greaterThan(files.length); // the shared chunk was followed too
  });

  it('works under a strict CSP: tags defined on sight, styles adopted, no violation', async () => {
    const { doc, win, frame } = await open('strict-csp.html');
    await waitUntil(() => win.customElements.get('resource-library') && win.customElements.get('partnerkit-provider'), 'the tags were not defined', { timeout: 10_000 });
    const library = doc.querySelector('resource-library')!;
    await waitUntil(() => shadowPart(library, 'no-client'), 'the widget did not render', { timeout: 5_000 });
    const box = shadowPart(library, 'no-client')!;
    // Styled through an adopted stylesheet: a bordered, padded box.
    expect(library.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(win.getComputedStyle(box).borderTopStyle).to.equal('solid');
    expect(win.getComputedStyle(box).paddingTop).to.not.equal('0px');
    // Only what the page uses was loaded.
    expect(win.customElements.get('partner-scorecard')).to.equal(undefined);
    expect(win.customElements.get('deal-register')).to.equal(undefined);
    expect(win.__violations).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('works with two copies of the bundle on one page', async () => {
    const { doc, win, frame } = await open('two-copies.html');
    const warnings: string[] = [];
    const originalWarn = win.console.warn;
    win.console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    await waitUntil(
      () => ['partnerkit-provider', 'resource-library', 'partner-scorecard'].every((tag) => win.customElements.get(tag)),
      'the tags were not defined',
      { timeout: 10_000 },
    );
    // Both copies really were loaded (distinct module URLs).
    const scripts = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(scripts.some((p) => p.startsWith('/pk-cdn-copy/chunks/shared-'))).to.equal(true);
    expect(scripts.some((p) => p.startsWith('/packages/elements/dist/cdn/chunks/shared-'))).to.equal(true);

    // A client given to the provider of one copy reaches widgets defined by the other (string context key).
    const provider = doc.querySelector('partnerkit-provider')! as HTMLElement & { client?: unknown };
    const library = doc.querySelector('resource-library')!;
    await waitUntil(() => shadowPart(library, 'no-client'), 'the widget did not render', { timeout: 5_000 });
    const client = { resources: { list: () => new Promise(() => {}) } };
    provider.client = client;
    await waitUntil(() => (library as unknown as { resolvedClient?: unknown }).resolvedClient === client, 'the widget did not get the client', { timeout: 5_000 });
    expect(shadowPart(library, 'loading')).to.not.equal(null);
    expect(shadowPart(library, 'loading')!.textContent).to.contain('Đang tải');

    win.console.warn = originalWarn;
    expect(warnings.filter((w) => w.includes('PartnerKit'))).to.deep.equal([]);
    expect(win.__violations).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('works against the reference server through a host session URL', async function () {
    this.timeout(60_000); // the first use starts the server
    await referenceServer();
    const title = `CDN smoke ${Date.now()}`;
    const created = await adminRequest('POST', '/resources', { title, type: 'document', language: 'en', url: 'https://example.com/guide.pdf' });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);

    const { doc, win, frame } = await open('reference-server.html');
    const library = () => doc.querySelector('resource-library');
    await waitUntil(() => library()?.shadowRoot?.textContent?.includes(title), 'the resource did not show', { timeout: 15_000 });
    expect(win.__violations).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });
});
