/**
 * `styleProperties()`: per-node CSS properties that survive a strict Content-Security-Policy.
 * @module
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/** Property name (`--_fill`, `padding-top` or `paddingTop`) to value; null or undefined removes it. */
export type StyleProperties = Readonly<Record<string, string | number | null | undefined>>;

const cssName = (name: string) => (name.startsWith('--') || name.includes('-') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

class StylePropertiesDirective extends Directive {
  private applied = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') {
      throw new Error('styleProperties() belongs in a style binding: style=${styleProperties({ ... })}');
    }
  }

  // Never a string: Lit would write it with setAttribute('style'), which `style-src` without
  // 'unsafe-inline' blocks. (Lit's styleMap does that on its first render.)
  render(_properties: StyleProperties): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [StyleProperties]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(properties)) {
      if (value === null || value === undefined) continue;
      const property = cssName(name);
      style.setProperty(property, String(value));
      next.add(property);
    }
    for (const property of this.applied) if (!next.has(property)) style.removeProperty(property);
    this.applied = next;
    return noChange;
  }
}

/**
 * Sets CSS properties on an element through the CSSOM (`style.setProperty`), which a strict CSP
 * allows, unlike a `style` attribute. Use it instead of `styleMap`:
 * `<div style=${styleProperties({ '--_fill': ratio })}></div>`.
 */
export const styleProperties = directive(StylePropertiesDirective);
