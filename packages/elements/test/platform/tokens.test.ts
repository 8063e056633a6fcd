/**
 * Design tokens stay honest: every `--pk-*` a stylesheet reads has a default there and a line in
 * docs/theming.md; every private `--_*` an element uses is declared in its own styles; no colour or
 * `rem` size is hard-coded outside the token sheet; the docs list no token nobody reads.
 */
import { expect } from '@open-wc/testing';
import { LitElement, type CSSResult } from 'lit';
import * as elements from '../../src/index.js';
import { tokenStyles } from '../../src/platform/tokens.styles.js';
import { chipStyles } from '../../src/deal-register/chip.styles.js';
import { listStyles } from '../../src/deal-register/list/list.styles.js';

type ElementClass = typeof LitElement;
const isElementClass = (value: unknown): value is ElementClass => typeof value === 'function' && value.prototype instanceof LitElement;

const elementClasses = (Object.entries(elements) as Array<[string, unknown]>).filter((entry): entry is [string, ElementClass] => isElementClass(entry[1]));
const sheetsOf = (cls: ElementClass): CSSResult[] => {
  // Abstract bases are never defined, so finalise (collect their styles) by hand.
  (cls as unknown as { finalize(): void }).finalize();
  return cls.elementStyles.filter((s): s is CSSResult => 'cssText' in s);
};
// Sheets a widget adopts later, with a view it loads on demand.
const onDemandSheets = [chipStyles, listStyles];
const allSheets = [...new Set([...elementClasses.flatMap(([, cls]) => sheetsOf(cls)), ...onDemandSheets])];

// Strip comments, so tokens named in prose do not count.
const cssOf = (sheet: CSSResult) => sheet.cssText.replace(/\/\*[\s\S]*?\*\//g, '');

async function theming(): Promise<string> {
  const response = await fetch('/docs/theming.md');
  expect(response.ok, 'docs/theming.md exists').to.equal(true);
  return response.text();
}

describe('design tokens', () => {
  it('finds the element classes to check', () => {
    expect(elementClasses.map(([name]) => name)).to.include('PartnerKitElement');
    expect(allSheets).to.include(tokenStyles);
  });

  it('reads every public --pk-* token with a default value', () => {
    const withoutDefault: string[] = [];
    for (const sheet of allSheets) {
      for (const match of cssOf(sheet).matchAll(/var\(\s*(--pk-[\w-]+)\s*([,)])/g)) {
        if (match[2] !== ',') withoutDefault.push(match[1]!);
      }
      // Only the platform sets public tokens; elements read them.
      for (const match of cssOf(sheet).matchAll(/(?:^|[;{\s])(--pk-[\w-]+)\s*:/g)) withoutDefault.push(`${match[1]} (assigned inside shadow DOM)`);
    }
    expect(withoutDefault).to.deep.equal([]);
  });

  it('documents every --pk-* token in docs/theming.md, and documents no unused one', async () => {
    const docs = await theming();
    const used = new Set(allSheets.flatMap((sheet) => [...cssOf(sheet).matchAll(/var\(\s*(--pk-[\w-]+)/g)].map((m) => m[1]!)));
    const documented = new Set([...docs.matchAll(/`(--pk-[\w-]+)`/g)].map((m) => m[1]!));
    expect([...used].filter((t) => !documented.has(t)), 'used but not documented').to.deep.equal([]);
    expect([...documented].filter((t) => !used.has(t)), 'documented but never read').to.deep.equal([]);
  });

  // A private token read with a fallback (`var(--_fill, 0%)`) may be set per node at run time.
  it('declares every private --_* token an element uses without a fallback', () => {
    const undefinedTokens: string[] = [];
    for (const [name, cls] of elementClasses) {
      const css = sheetsOf(cls).map(cssOf).join('\n');
      const declared = new Set([...css.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]!));
      for (const match of css.matchAll(/var\(\s*(--_[\w-]+)\s*([,)])/g)) {
        if (match[2] === ')' && !declared.has(match[1]!)) undefinedTokens.push(`${name}: ${match[1]}`);
      }
    }
    expect([...new Set(undefinedTokens)]).to.deep.equal([]);
  });

  it('hard-codes no colour and no rem size outside the token sheet', () => {
    const offenders: string[] = [];
    for (const sheet of allSheets) {
      if (sheet === tokenStyles) continue;
      const css = cssOf(sheet);
      for (const match of css.matchAll(/#[0-9a-fA-F]{3,8}\b|\b(?:rgb|rgba|hsl|hsla|oklch|oklab)\(|\d(?:\.\d+)?rem\b/g)) offenders.push(match[0]);
    }
    expect(offenders).to.deep.equal([]);
  });

  it('every token resolves to a real value in both schemes, and the theme attribute picks one', async () => {
    const host = document.createElement('pk-token-probe');
    if (!customElements.get('pk-token-probe')) {
      customElements.define('pk-token-probe', class extends LitElement {
        static override styles = [tokenStyles];
      });
    }
    document.body.append(host);
    await (host as LitElement).updateComplete;
    const tokens = [...cssOf(tokenStyles).matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]!);
    for (const theme of ['light', 'dark']) {
      host.setAttribute('theme', theme);
      const style = getComputedStyle(host);
      expect(style.colorScheme).to.equal(theme);
      for (const token of tokens) expect(style.getPropertyValue(token).trim(), `${token} (${theme})`).to.not.equal('');
    }
    // The page themes every widget from any ancestor.
    document.documentElement.style.setProperty('--pk-color-primary', 'rgb(1, 2, 3)');
    host.setAttribute('theme', 'light');
    const probe = document.createElement('span');
    probe.style.color = 'var(--_color-primary)';
    host.shadowRoot!.append(probe);
    expect(getComputedStyle(probe).color).to.equal('rgb(1, 2, 3)');
    document.documentElement.style.removeProperty('--pk-color-primary');
    probe.remove();
    host.setAttribute('theme', 'dark');
    const dark = getComputedStyle(probe.isConnected ? probe : host.shadowRoot!.appendChild(probe)).color;
    host.setAttribute('theme', 'light');
    const light = getComputedStyle(probe).color;
    expect(dark).to.not.equal(light);
    host.remove();
  });
});
