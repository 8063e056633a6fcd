import { expect } from '@open-wc/testing';
import { defineElement, definedVersion } from '../../src/platform/define.js';
import { VERSION } from '../../src/platform/version.js';

function capturingWarnings<T>(run: () => T): { result: T; warnings: string[] } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    return { result: run(), warnings };
  } finally {
    console.warn = original;
  }
}

describe('defineElement', () => {
  it('defines a tag once; the same version again (even another class) is a quiet no-op', () => {
    class First extends HTMLElement {}
    class SecondCopy extends HTMLElement {}
    const { warnings } = capturingWarnings(() => {
      expect(defineElement('pk-define-a', First)).to.equal(First);
      expect(defineElement('pk-define-a', First)).to.equal(First);
      expect(defineElement('pk-define-a', SecondCopy)).to.equal(First);
    });
    expect(customElements.get('pk-define-a')).to.equal(First);
    expect(definedVersion('pk-define-a')).to.equal(VERSION);
    expect(warnings).to.deep.equal([]);
  });

  it('warns, and does not throw, when another version defined the tag', () => {
    class Old extends HTMLElement {}
    class New extends HTMLElement {}
    defineElement('pk-define-b', Old, '0.0.9');
    const { warnings } = capturingWarnings(() => defineElement('pk-define-b', New, '0.2.0'));
    expect(customElements.get('pk-define-b')).to.equal(Old);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<pk-define-b>').and.contain('0.0.9').and.contain('0.2.0');
  });

  it('warns when something other than PartnerKit owns the tag', () => {
    customElements.define('pk-define-c', class extends HTMLElement {});
    const { warnings } = capturingWarnings(() => defineElement('pk-define-c', class extends HTMLElement {}));
    expect(warnings[0]).to.contain('by other code');
  });

  it('registers one class under a second tag through a subclass', () => {
    class Shared extends HTMLElement {}
    defineElement('pk-define-d', Shared);
    const second = defineElement('pk-define-e', Shared);
    expect(second).to.not.equal(Shared);
    expect(document.createElement('pk-define-e')).to.be.instanceOf(Shared);
    expect(definedVersion('pk-define-e')).to.equal(VERSION);
  });
});
